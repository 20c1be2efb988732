"""The published JSON Schema is generated from the models and agrees with the validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.load.strict_yaml import load_file
from generator.load.tree import RECORD_FOLDERS
from generator.validate.json_schema import record_schemas

REPO = Path(__file__).resolve().parent.parent


def test_committed_schemas_are_current() -> None:
    for name, text in record_schemas().items():
        committed = REPO / "schema" / name
        assert committed.read_text(encoding="utf-8") == text, f"run `python -m generator schema` and commit {name}"


@pytest.mark.parametrize("record_type", sorted(RECORD_FOLDERS))
def test_every_repository_record_satisfies_the_published_schema(record_type: str) -> None:
    schema = json.loads(record_schemas()[f"{record_type}.schema.json"])
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((REPO / RECORD_FOLDERS[record_type]).glob("*.yaml"))
    assert files
    for path in files:
        errors = [e.message for e in validator.iter_errors(load_file(path, path.name).data)]
        assert errors == [], path.name


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = json.loads(record_schemas()["mechanism.schema.json"])
    record = load_file(REPO / "tests/fixtures/site/mechanisms/mx-ca-ptat.yaml", "x").data
    jsonschema.validate(record, schema)
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        jsonschema.validate({**record, "sumary": record["summary"]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**record, "scope": "twoway"}, schema)


def test_editors_may_write_years_unquoted() -> None:
    schema = json.loads(record_schemas()["mechanism.schema.json"])
    record = load_file(REPO / "tests/fixtures/site/mechanisms/mx-ca-ptat.yaml", "x").data
    jsonschema.validate({**record, "started": 1974, "gcm_objectives": [5, 21]}, schema)
