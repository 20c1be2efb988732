"""Open-data exports: every record as JSON and CSV, all languages included.

JSON keeps the records exactly as validated (the JSON Schema describes them). CSV flattens
them for spreadsheets: a text gets one column per language (name_es, name_en, name_fr), a list
of codes is joined with '; ', and a list of objects is written as JSON in its cell."""

from __future__ import annotations

import csv
import functools
import io
import json
import typing

from pydantic import BaseModel, TypeAdapter

from generator.validate.fields import LANGUAGES, Text
from generator.validate.knowledge_base import KnowledgeBase
from generator.validate.records import RECORD_TYPES

COLLECTIONS = {"mechanism": "mechanisms", "agreement": "agreements", "practice": "practices"}


def exports(kb: KnowledgeBase) -> dict[str, str]:
    """File name (under data/) -> contents."""
    files = {}
    for record_type, collection in COLLECTIONS.items():
        records = [getattr(kb, collection)[key] for key in sorted(getattr(kb, collection))]
        files[f"{collection}.json"] = _json(records)
        files[f"{collection}.csv"] = _csv(record_type, records)
    return files


def export_names() -> list[str]:
    return sorted(f"{collection}.{kind}" for collection in COLLECTIONS.values() for kind in ("csv", "json"))


def _json(records: list[BaseModel]) -> str:
    # pydantic's serializer writes the same bytes as json.dumps(indent=1, ensure_ascii=False)
    # of model_dump(mode="json"), a few times faster.
    adapter = TypeAdapter(list[type(records[0])]) if records else TypeAdapter(list)
    return adapter.dump_json(records, exclude_none=True, indent=1).decode() + "\n"


def _csv(record_type: str, records: list[BaseModel]) -> str:
    columns = _columns(RECORD_TYPES[record_type])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _inert(value) for key, value in _flatten(record).items()})
    return out.getvalue()


@functools.cache  # asked for every field of every record; the answer depends on the model only
def _kind(annotation: object) -> str:
    """How a field is written in CSV: text, text-list, objects, object or value."""
    if typing.get_origin(annotation) is list:
        inner = typing.get_args(annotation)[0]
        if _contains(inner, Text):
            return "text-list"
        return "objects" if _contains(inner, BaseModel) else "values"
    if _contains(annotation, Text):
        return "text"
    return "object" if _contains(annotation, BaseModel) else "value"


def _contains(annotation: object, kind: type) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, kind)
    return any(_contains(argument, kind) for argument in typing.get_args(annotation))


def _columns(model: type[BaseModel]) -> list[str]:
    columns = []
    for name, field in model.model_fields.items():
        if _kind(field.annotation) in ("text", "text-list"):
            columns.extend(f"{name}_{language}" for language in LANGUAGES)
        else:
            columns.append(name)
    return columns


def _flatten(record: BaseModel) -> dict[str, str]:
    row: dict[str, str] = {}
    for name, field in type(record).model_fields.items():
        value = getattr(record, name)
        kind = _kind(field.annotation)
        if kind == "text":
            for language in LANGUAGES:
                row[f"{name}_{language}"] = (value.get(language) or "") if isinstance(value, Text) else (value or "")
        elif kind == "text-list":
            for language in LANGUAGES:
                row[f"{name}_{language}"] = "; ".join(item.get(language) or "" for item in value)
        elif kind in ("objects", "object"):
            dumped = [item.model_dump(mode="json", exclude_none=True) for item in value] if kind == "objects" else (
                value.model_dump(mode="json", exclude_none=True) if isinstance(value, BaseModel) else value)
            row[name] = json.dumps(dumped, ensure_ascii=False)
        elif kind == "values":
            row[name] = "; ".join(str(item) for item in value)
        else:
            row[name] = "" if value is None else str(value)
    return row


def _inert(cell: str) -> str:
    """Spreadsheets run a cell that starts with = + @ as a formula: keep contributed text inert."""
    return "'" + cell if cell[:1] in ("=", "+", "@", "\t", "\r") else cell


def data_fields() -> dict[str, list[tuple[str, str]]]:
    """For the data page: each collection's fields with the description from the model."""
    return {
        collection: [(name, field.description or "") for name, field in RECORD_TYPES[record_type].model_fields.items()]
        for record_type, collection in COLLECTIONS.items()
    }
