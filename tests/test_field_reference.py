"""The field reference page is generated from the models: every field of every record type and
of every part inside records appears, with the same description as the JSON Schema."""

from __future__ import annotations

import html
import json
import re

import pytest

from generator.render.docs_tree import render_language
from generator.render.field_reference import kind_label, part_models
from generator.validate.field_shapes import fields_of
from generator.validate.json_schema import record_schemas
from generator.validate.knowledge_base import validate
from generator.validate.records import RECORD_TYPES, Mechanism

SECTION_KEYS = {"mechanism": "nav_mechanisms", "agreement": "nav_agreements", "practice": "nav_practices"}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    from conftest import make_site_root

    return validate(make_site_root(tmp_path_factory.mktemp("fields") / "repo"))


def sections(page: str) -> dict[str, str]:
    """Heading text -> the page text under it, up to the next heading."""
    parts = re.split(r"^#{2,3} (.+)$", page, flags=re.MULTILINE)
    return {html.unescape(parts[i]).strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def row_text(section: str, field: str) -> str:
    row = re.search(rf'<tr data-field="{field}">(.*?)</tr>', section)
    assert row, f"no row for {field}"
    return html.unescape(re.sub(r"<[^>]+>", "", row.group(1)))


def schema_descriptions(record_type: str) -> dict[str, dict[str, str]]:
    """Model name -> field -> description, as the published JSON Schema has them."""
    schema = json.loads(record_schemas()[f"{record_type}.schema.json"])
    found = {RECORD_TYPES[record_type].__name__: {k: v.get("description", "") for k, v in schema["properties"].items()}}
    for name, definition in schema.get("$defs", {}).items():
        found[name] = {k: v.get("description", "") for k, v in definition.get("properties", {}).items()}
    return found


@pytest.mark.parametrize("language", ["es", "en", "fr"])
def test_every_field_appears_with_the_schema_description(kb, language: str) -> None:
    page = render_language(kb, language)["fields.md"]
    found = sections(page)
    t = kb.ui[language]
    for record_type, model in RECORD_TYPES.items():
        described = schema_descriptions(record_type)
        for owner, section_title in [(model, t[SECTION_KEYS[record_type]]), *((m, m.__name__) for m in part_models())]:
            if owner.__name__ not in described:
                continue  # a part this record type does not use
            for spec in fields_of(owner):
                assert spec.description == described[owner.__name__][spec.name], f"{owner.__name__}.{spec.name} differs from the schema"
                text = row_text(found[section_title], spec.name)
                assert spec.name in text
                assert spec.description.replace("`", "") in text, f"{owner.__name__}.{spec.name}"


def test_every_part_used_inside_records_has_its_section(kb) -> None:
    page = render_language(kb, "en")["fields.md"]
    assert [m.__name__ for m in part_models()] == [
        "Text", "Source", "Institution", "Protections", "Protection", "RichText", "Channel", "Figure",
    ]
    assert set(sections(page)) >= {m.__name__ for m in part_models()}
    assert '<a href="#source">list of Source (at least 1)</a>' in page  # links to the part's section


@pytest.mark.parametrize(("language", "title", "sources_kind", "started_kind"), [
    ("es", "Referencia de campos", "lista de Source (al menos 1)", "fecha: AAAA, AAAA-MM o AAAA-MM-DD; o unknown"),
    ("en", "Field reference", "list of Source (at least 1)", "date: YYYY, YYYY-MM or YYYY-MM-DD; or unknown"),
    ("fr", "Référence des champs", "liste de Source (au moins 1)", "date : AAAA, AAAA-MM ou AAAA-MM-JJ; ou unknown"),
])
def test_headings_and_kinds_are_in_the_page_language(kb, language, title, sources_kind, started_kind) -> None:
    page = render_language(kb, language)["fields.md"]
    assert f"<h1>{title}</h1>" in page
    mechanisms = sections(page)[kb.ui[language]["nav_mechanisms"]]
    assert sources_kind in row_text(mechanisms, "sources")
    assert started_kind in row_text(mechanisms, "started")


class _KeysAsText(dict):
    def __missing__(self, key: str) -> str:
        return key


def test_kind_labels_follow_the_models() -> None:
    t = _KeysAsText(kind_list="list[{kind}]", kind_min=">={n}")
    kinds = {spec.name: kind_label(spec.shape, spec.min_items, t) for spec in fields_of(Mechanism)}
    assert kinds["scope"] == "kind_choice: bilateral, multilateral, unilateral, non-state; kind_or_unknown"
    assert kinds["origin_countries"] == "list[kind_country] (>=1)"
    assert kinds["eligibility"] == "kind_rich_text; kind_or_unknown"
    assert kinds["name"] == "kind_languages"
    assert kinds["frameworks"] == "list[kind_text]"
