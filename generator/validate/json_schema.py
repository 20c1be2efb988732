"""The JSON Schema of each record type, generated from the models. It is committed under
schema/ (editors that read a `# yaml-language-server: $schema=` line use it while typing) and
published on the site beside the open data; a test keeps the committed files current."""

from __future__ import annotations

import json
from pathlib import Path

from generator.validate.records import RECORD_TYPES

SCHEMA_DIR = "schema"
BASE_ID = "https://json-schema.org/draft/2020-12/schema"


def record_schemas() -> dict[str, str]:
    """File name -> schema text, deterministic (sorted keys, fixed indentation)."""
    schemas = {}
    for record_type, model in RECORD_TYPES.items():
        schema = _any_of({"$schema": BASE_ID, **model.model_json_schema(mode="validation")})
        schemas[f"{record_type}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return schemas


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in record_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _any_of(node: object) -> object:
    """pydantic writes `oneOf` for `maybe(...)`; 'unknown' can also be valid text, so an editor
    must accept a value that matches either branch."""
    if isinstance(node, dict):
        return {("anyOf" if key == "oneOf" else key): _any_of(value) for key, value in node.items() if key != "discriminator"}
    if isinstance(node, list):
        return [_any_of(item) for item in node]
    return node
