"""The field reference page: every field of every record type, generated from the models (the
same descriptions the JSON Schema carries), so the documentation cannot drift from validation.

Descriptions stay in English, as in the schema editors read; headings, column names and the
kinds of value are interface strings, translated in content/ui/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup
from pydantic import BaseModel

from generator.load.tree import RECORD_FOLDERS
from generator.render.localize import relative_url
from generator.validate.field_shapes import FieldSpec, Shape, fields_of, nested_models
from generator.validate.records import RECORD_TYPES

if TYPE_CHECKING:
    from generator.render.docs_tree import _Renderer

PAGE = "fields.md"
SECTION_TITLES = {"mechanism": "nav_mechanisms", "agreement": "nav_agreements", "practice": "nav_practices"}
_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class FieldRow:
    name: str
    required: bool
    kind: str  # localised, plain text
    link: str | None  # anchor of the part this field's value is made of
    description: Markup


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str | None
    kind: str | None  # record type, for the schema link; None for parts
    folder: str | None
    about: Markup
    rows: list[FieldRow]


def field_reference_page(r: _Renderer) -> str:
    records, parts = field_sections(r.t)
    to_root = relative_url(PAGE, "index.md") + ("" if r.language == "es" else "../")
    return r.render_page("fields.md.j2", PAGE, records=records, parts=parts, schema_root=to_root + "schema/")


def field_sections(t: dict[str, str]) -> tuple[list[Section], list[Section]]:
    """One section per record type, then one per part (Source, Text, …) used inside records."""
    records = [
        Section(t[SECTION_TITLES[kind]], None, kind, RECORD_FOLDERS[kind], description_html(model.__doc__), _rows(model, t))
        for kind, model in RECORD_TYPES.items()
    ]
    parts = [
        Section(model.__name__, anchor(model), None, None, description_html(model.__doc__), _rows(model, t))
        for model in part_models()
    ]
    return records, parts


def part_models() -> list[type[BaseModel]]:
    """Every model used inside a record, each once, in the order the record types first use it."""
    found: list[type[BaseModel]] = []
    for model in RECORD_TYPES.values():
        found.extend(m for m in nested_models(model) if m not in found)
    return found


def anchor(model: type[BaseModel]) -> str:
    """The id MkDocs gives the part's heading (its name, lower-cased)."""
    return model.__name__.lower()


def description_html(text: str | None) -> Markup:
    """A model's description (trusted, from the code) with `code` spans, on one line."""
    flat = " ".join((text or "").split())
    return Markup(_CODE.sub(lambda m: f"<code>{m.group(1)}</code>", str(Markup.escape(flat))))


def kind_label(shape: Shape, min_items: int, t: dict[str, str]) -> str:
    if shape.is_rich_text:
        label = t["kind_rich_text"]
    elif shape.is_text:
        label = t["kind_languages"]
    elif shape.model is not None:
        label = shape.model.__name__
    elif shape.kind == "choice":
        label = f"{t['kind_choice']}: {', '.join(shape.choices)}"
    else:
        label = t["kind_" + shape.kind.replace("-", "_")]
    if shape.is_list:
        label = t["kind_list"].format(kind=label)
        if min_items:
            label += f" ({t['kind_min'].format(n=min_items)})"
    if shape.unknown:
        label += f"; {t['kind_or_unknown']}"
    return label


def _rows(model: type[BaseModel], t: dict[str, str]) -> list[FieldRow]:
    return [_row(spec, t) for spec in fields_of(model)]


def _row(spec: FieldSpec, t: dict[str, str]) -> FieldRow:
    model = spec.shape.model
    link = anchor(model) if model is not None else None
    return FieldRow(spec.name, spec.required, kind_label(spec.shape, spec.min_items, t), link, description_html(spec.description))
