"""Maintenance facts about a valid knowledge base: which texts fall back to Spanish in which
language (so translators know where to help), and which records have not been checked against
their sources for a long time. Both are listed on the site and reported by `validate`; neither
is an error unless asked (`--fail-on-fallback`)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import BaseModel

from generator.load.strict_yaml import DataPath, Document, load_file
from generator.load.tree import LANGUAGES, RECORD_FOLDERS
from generator.problems import InputError, Problem
from generator.validate.fields import Text
from generator.validate.knowledge_base import KnowledgeBase
from generator.validate.records import Record

DEFAULT_MAX_AGE_DAYS = 365
LANGUAGE_NAMES = {"es": "Spanish", "en": "English", "fr": "French"}
COLLECTIONS = {"mechanism": "mechanisms", "agreement": "agreements", "practice": "practices"}


@dataclass(frozen=True)
class MissingText:
    path: DataPath  # where the text is in the file
    label: str  # how a translator finds it: 'details', 'institutions[0].role', 'MX.label'


@dataclass(frozen=True)
class TranslationStatus:
    """One record (or taxonomy file) and, per language, the texts that fall back."""

    kind: str  # 'mechanism', 'agreement', 'practice' or 'taxonomy'
    item_id: str
    file: str  # repository path of the YAML file
    name: Text | None
    missing: Mapping[str, tuple[MissingText, ...]] = field(default_factory=dict)

    def complete(self, language: str) -> bool:
        return not self.missing.get(language)


@dataclass(frozen=True)
class StaleRecord:
    kind: str
    record_id: str
    file: str
    name: Text
    last_reviewed: date
    age_days: int


def records(kb: KnowledgeBase) -> Iterator[tuple[str, Record]]:
    """Every record with its type: mechanisms, then agreements, then practices, each by id."""
    for kind, collection in COLLECTIONS.items():
        items: dict[str, Record] = getattr(kb, collection)
        for record_id in sorted(items):
            yield kind, items[record_id]


def record_file(kind: str, record_id: str) -> str:
    return f"{RECORD_FOLDERS[kind]}/{record_id}.yaml"


def missing_texts(value: object, language: str, path: DataPath = ()) -> Iterator[MissingText]:
    """Every Text inside a value that has no text in `language`, in field order."""
    return _missing(texts(value, path), language)


def _missing(found: Iterable[tuple[DataPath, Text]], language: str) -> Iterator[MissingText]:
    return (MissingText(path, _dotted(path)) for path, text in found if not text.get(language))


def texts(value: object, path: DataPath = ()) -> Iterator[tuple[DataPath, Text]]:
    """Every Text inside a value, with where it is, in field order."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*path, name))


def translation_status(kb: KnowledgeBase) -> list[TranslationStatus]:
    """Every record, then every taxonomy file, with what falls back in each language."""
    statuses = [
        TranslationStatus(kind, record.id, record_file(kind, record.id), record.name, _missing_by_language(record))
        for kind, record in records(kb)
    ]
    for name in sorted(kb.taxonomies):
        missing = {
            language: tuple(
                MissingText(("terms", index, *text.path), f"{term_id}.{text.label}")
                for index, (term_id, term) in enumerate(kb.taxonomies[name].items())
                for text in missing_texts(term, language)
            )
            for language in LANGUAGES
        }
        statuses.append(TranslationStatus("taxonomy", name, f"content/taxonomies/{name}.yaml", None, _non_empty(missing)))
    return statuses


def stale_records(kb: KnowledgeBase, today: date, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> list[StaleRecord]:
    """Records last reviewed more than max_age_days before today, oldest first."""
    stale = []
    for kind, record in records(kb):
        reviewed = date.fromisoformat(record.last_reviewed)
        age = (today - reviewed).days
        if age > max_age_days:
            stale.append(StaleRecord(kind, record.id, record_file(kind, record.id), record.name, reviewed, age))
    return sorted(stale, key=lambda s: (s.last_reviewed, s.kind, s.record_id))


def reference_date(environ: Mapping[str, str] | None = None) -> date:
    """Today, or the date of SOURCE_DATE_EPOCH (the reproducible-builds convention) if set."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def fallback_problems(root: Path, statuses: list[TranslationStatus]) -> list[Problem]:
    """One located problem per text that falls back, for `validate --fail-on-fallback`."""
    locate = _Locator(root)
    return [
        Problem(status.file, *locate(status.file, text.path), text.label,
                f"no {LANGUAGE_NAMES[language]} text; the {language} site shows the Spanish text with a notice")
        for status in statuses
        for language, texts in sorted(status.missing.items())
        for text in texts
    ]


def staleness_problems(root: Path, stale: list[StaleRecord], max_age_days: int) -> list[Problem]:
    """One located warning per stale record, on its last_reviewed line."""
    locate = _Locator(root)
    return [
        Problem(s.file, *locate(s.file, ("last_reviewed",)), "last_reviewed",
                f"last reviewed {s.age_days} days ago (more than {max_age_days}); check the record against its sources "
                "and update the date")
        for s in stale
    ]


class _Locator:
    """Line and column of a value, reading each file once (only for records that need it)."""

    def __init__(self, root: Path):
        self.root = root
        self.documents: dict[str, Document | None] = {}

    def __call__(self, file: str, path: DataPath) -> tuple[int, int]:
        if file not in self.documents:
            try:
                self.documents[file] = load_file(self.root / file, file)
            except (InputError, OSError):
                self.documents[file] = None  # validated a moment ago; a file that vanished has no lines to point at
        document = self.documents[file]
        return document.locate(path) if document else (1, 1)


def _missing_by_language(record: Record) -> dict[str, tuple[MissingText, ...]]:
    found = list(texts(record))  # walked once for the three languages
    return _non_empty({language: tuple(_missing(found, language)) for language in LANGUAGES})


def _non_empty(missing: dict[str, tuple[MissingText, ...]]) -> dict[str, tuple[MissingText, ...]]:
    return {language: texts for language, texts in missing.items() if texts}


def _dotted(path: DataPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
