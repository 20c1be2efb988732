"""The repository's own records: valid, sourced, reviewed and complete in three languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.validate.fields import LANGUAGES, Text
from generator.validate.knowledge_base import validate

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb():
    return validate(REPO)


def all_records(kb):
    return [*kb.mechanisms.values(), *kb.agreements.values(), *kb.practices.values()]


def texts(value, where: str):
    """Every Text inside a record, with where it is."""
    if isinstance(value, Text):
        yield where, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, f"{where}[{index}]")
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), f"{where}.{name}" if where else name)


def test_every_record_has_a_source_with_an_address_and_a_review_date(kb) -> None:
    for record in all_records(kb):
        assert any(source.url.startswith(("https://", "http://")) for source in record.sources), record.id
        assert record.last_reviewed, record.id


def test_every_text_is_complete_in_spanish_english_and_french(kb) -> None:
    missing = [
        f"{record.id}: {where}.{language}"
        for record in all_records(kb)
        for where, text in texts(record, "")
        for language in LANGUAGES
        if not text.get(language)
    ]
    assert missing == []


def test_every_taxonomy_label_is_in_three_languages(kb) -> None:
    missing = [
        f"{name}/{term_id}"
        for name, terms in kb.taxonomies.items()
        for term_id, term in terms.items()
        if not all(term.label.get(language) for language in LANGUAGES)
    ]
    assert missing == []
