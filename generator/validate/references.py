"""Checks across records: ids match file names and are unique, and every code or id a record
uses points at something that exists (a taxonomy term, a mechanism)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.load.strict_yaml import DataPath, Document
from generator.problems import Problem, shorten

# Where each record type refers to a taxonomy ("countries", …) or to mechanism ids ("@mechanism").
# A "*" steps into every item of a list.
REFERENCES: dict[str, dict[str, str]] = {
    "mechanism": {
        "instrument_type": "instrument-types",
        "origin_countries.*": "countries",
        "destination_countries.*": "countries",
        "institutions.*.country": "countries",
        "status": "statuses",
        "sectors.*": "sectors",
        "cycle_phases.*": "cycle-phases",
        "gcm_objectives.*": "gcm-objectives",
        "frameworks.*": "frameworks",
        "related.*": "@mechanism",
    },
    "agreement": {
        "instrument_type": "instrument-types",
        "parties.*": "countries",
        "signatories.*.country": "countries",
        "status": "statuses",
        "mechanisms.*": "@mechanism",
    },
    "practice": {
        "countries.*": "countries",
        "cycle_phases.*": "cycle-phases",
        "gcm_objectives.*": "gcm-objectives",
        "frameworks.*": "frameworks",
        "mechanisms.*": "@mechanism",
    },
}


def check_ids(documents: list[Document]) -> list[Problem]:
    """The id is the file name, so links and URLs are predictable; since file names are unique,
    so are ids. A record that took another file's id says whose."""
    problems = []
    owners = {Path(doc.path).stem: doc.path for doc in documents}
    for doc in documents:
        record_id = doc.data.get("id") if isinstance(doc.data, dict) else None
        stem = Path(doc.path).stem
        if not isinstance(record_id, str) or record_id == stem:
            continue
        message = f"{shorten(record_id)} does not match the file name; expected '{stem}' (or rename the file)"
        if record_id in owners:
            message += f"; {owners[record_id]} already has this id"
        problems.append(Problem(doc.path, *doc.locate(("id",)), "id", message))
    return problems


def check_references(record_type: str, doc: Document, known: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for pattern, target in REFERENCES[record_type].items():
        for data_path, value in _walk(doc.data, pattern.split("."), ()):
            if not isinstance(value, str) or (value == "unknown" and target == "countries"):
                continue
            normalised = str(int(value)) if target == "gcm-objectives" and _digits(value) else value
            if normalised not in known[target]:
                problems.append(_dangling(doc, data_path, value, target, known[target]))
    return problems


def _dangling(doc: Document, data_path: DataPath, value: str, target: str, choices: set[str]) -> Problem:
    field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in data_path).replace(".[", "[")
    if target == "@mechanism":
        message = f"{shorten(value)} is not the id of any file in mechanisms/"
    else:
        known = f"known: {', '.join(sorted(choices))}" if len(choices) <= 15 else "see the ids listed there"
        message = f"{shorten(value)} is not in content/taxonomies/{target}.yaml; {known}"
    return Problem(doc.path, *doc.locate(data_path), field, message)


def _walk(data: Any, steps: list[str], data_path: DataPath) -> Iterator[tuple[DataPath, Any]]:
    if not steps:
        yield data_path, data
        return
    step, rest = steps[0], steps[1:]
    if step == "*" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _walk(item, rest, (*data_path, index))
    elif isinstance(data, dict) and step in data:
        yield from _walk(data[step], rest, (*data_path, step))


def check_figure_sources(doc: Document) -> list[Problem]:
    """A figure names its source by number; that entry must exist."""
    data = doc.data if isinstance(doc.data, dict) else {}
    figures, sources = data.get("figures"), data.get("sources")
    if not isinstance(figures, list) or not isinstance(sources, list):
        return []
    problems = []
    for index, figure in enumerate(figures):
        number = figure.get("source") if isinstance(figure, dict) else None
        if isinstance(number, str) and _digits(number) and int(number) > len(sources):
            problems.append(Problem(
                doc.path, *doc.locate(("figures", index, "source")), f"figures[{index}].source",
                f"'{number}' names source {number}, but the record lists {len(sources)} source(s)",
            ))
    return problems


def _digits(value: str) -> bool:
    """ASCII digits only: str.isdigit() is also true for '²', which int() refuses."""
    return value.isascii() and value.isdigit()
