"""`python -m generator new mechanism|agreement|practice ID`: a commented skeleton record.

The skeleton is generated from the models (every field, its description as a comment), so it
never lists a field the validator would refuse. Its first line points editors that understand
`# yaml-language-server:` at the published JSON Schema, for completion and errors while typing.
Values are left empty on purpose: an untouched skeleton fails validation instead of publishing
placeholders."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

from generator.load.tree import RECORD_FOLDERS
from generator.validate.field_shapes import FieldSpec, Shape, fields_of
from generator.validate.fields import SLUG
from generator.validate.json_schema import SCHEMA_DIR
from generator.validate.records import RECORD_TYPES

INDENT = "  "
MAX_ID_LENGTH = 80
RESERVED_IDS = {"index"}  # mechanisms/index.md is the catalogue page; a record may not replace it


class ScaffoldError(Exception):
    """The record cannot be created (bad id, unknown type, file already there)."""


def create(root: Path, record_type: str, record_id: str) -> Path:
    """Write the skeleton of a new record and return its path; never overwrite a file."""
    text = skeleton(record_type, record_id)
    path = root / RECORD_FOLDERS[record_type] / f"{record_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path.relative_to(root).as_posix()} already exists; choose another id or edit that file") from None
    return path


def skeleton(record_type: str, record_id: str) -> str:
    if record_type not in RECORD_TYPES:
        raise ScaffoldError(f"'{record_type}' is not a record type; expected one of: {', '.join(RECORD_TYPES)}")
    check_id(record_id)
    model = RECORD_TYPES[record_type]
    lines = [
        f"# yaml-language-server: $schema={schema_path(record_type)}",
        f"# New {record_type}: {_first_line(model.__doc__)}",
        "# Give every fact from a public source listed under `sources`; write `unknown` where no",
        "# source says. Delete optional fields that do not apply. Then run: python3 dev.py test",
    ]
    lines.extend(_fields(model, 0, record_id))
    return "\n".join(lines) + "\n"


def check_id(record_id: str) -> None:
    if len(record_id) > MAX_ID_LENGTH or not SLUG.match(record_id):
        raise ScaffoldError(
            f"'{record_id[:60]}' is not a valid id; use lower-case letters, digits and single hyphens, "
            f"at most {MAX_ID_LENGTH} characters (e.g. gt-ca-seasonal-work)"
        )
    if record_id in RESERVED_IDS:
        raise ScaffoldError(f"'{record_id}' is reserved for the catalogue page; choose another id")


def schema_path(record_type: str) -> str:
    """The schema's path relative to the record's folder (records sit at different depths)."""
    folder = Path(RECORD_FOLDERS[record_type])
    return Path(os.path.relpath(Path(SCHEMA_DIR) / f"{record_type}.schema.json", folder)).as_posix()


def _fields(model: type[BaseModel], depth: int, record_id: str = "") -> list[str]:
    lines = []
    for spec in fields_of(model):
        if depth == 0:
            lines.append("")  # a blank line between top-level fields
        lines.extend(_comment(spec, depth))
        lines.extend(_value(spec, depth, record_id))
    return lines


def _comment(spec: FieldSpec, depth: int) -> list[str]:
    if spec.required:
        notes = ["required"]
    else:
        notes = ["optional; leave [] if none" if spec.shape.is_list else "optional; delete the field if it does not apply"]
    if spec.min_items:
        notes.append(f"at least {spec.min_items}")
    if spec.shape.choices:
        notes.append("one of: " + ", ".join(spec.shape.choices))
    if spec.shape.unknown:
        notes.append("or `unknown` if no source says")
    return [f"{INDENT * depth}# {spec.description} ({'; '.join(notes)})"]


def _value(spec: FieldSpec, depth: int, record_id: str) -> list[str]:
    pad, shape = INDENT * depth, spec.shape
    if spec.name == "id" and depth == 0:
        return [f"{pad}id: {record_id}"]
    if shape.model is None:
        return [f"{pad}{spec.name}: {'[]' if shape.is_list else _EMPTY}"]
    if not shape.is_list:
        return [f"{pad}{spec.name}:", *_model_body(shape, depth + 1)]
    item = _model_body(shape, depth + 2)
    first = next(i for i, line in enumerate(item) if not line.lstrip().startswith("#"))
    # The list item's dash goes on its first key; comments before it keep their indentation.
    item[first] = f"{INDENT * (depth + 1)}- {item[first].lstrip()}"
    return [f"{pad}{spec.name}:", *[line.replace(INDENT, "", 1) if i < first else line for i, line in enumerate(item)]]


def _model_body(shape: Shape, depth: int) -> list[str]:
    assert shape.model is not None
    if shape.is_text:  # es/en/fr: their descriptions fit on the same line
        pad = INDENT * depth
        return [f"{pad}{spec.name}: {_EMPTY}  # {spec.description}" for spec in fields_of(shape.model)]
    return _fields(shape.model, depth)


def _first_line(text: str | None) -> str:
    return " ".join((text or "").split("\n\n")[0].split())


_EMPTY = '""'
