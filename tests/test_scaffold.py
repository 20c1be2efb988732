"""`python -m generator new`: a skeleton with every field of the model, which validates once
filled with real values, and which refuses bad ids and existing files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from generator.__main__ import main
from generator.load.strict_yaml import load_file
from generator.load.tree import RECORD_FOLDERS
from generator.problems import InputError
from generator.scaffold import ScaffoldError, create, skeleton
from generator.validate.field_shapes import fields_of, nested_models
from generator.validate.knowledge_base import validate
from generator.validate.records import RECORD_TYPES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "site"
EXAMPLES = {
    "mechanism": "mechanisms/mx-ca-ptat.yaml",
    "agreement": "content/agreements/mx-ca-sawp-mou-1974.yaml",
    "practice": "content/practices/standard-contract-consular-support.yaml",
}
COLLECTIONS = {"mechanism": "mechanisms", "agreement": "agreements", "practice": "practices"}


def fill(template: object, example: object) -> object:
    """The skeleton with the example's values: the skeleton decides which keys exist (and
    must have every key the example uses); keys the example leaves out are optional and go."""
    if isinstance(template, dict) and isinstance(example, dict):
        assert set(example) <= set(template), f"the skeleton lacks {sorted(set(example) - set(template))}"
        return {key: fill(value, example[key]) for key, value in template.items() if key in example}
    if isinstance(template, list) and isinstance(example, list):
        return [fill(template[0], item) for item in example] if template else example
    return example  # a value, or `unknown` where the skeleton offers a mapping


def every_field(data: object, model: type[BaseModel], where: str = "") -> list[str]:
    """Fields of the model (and of the models inside it) that the skeleton's data lacks."""
    missing = []
    assert isinstance(data, dict), where
    for spec in fields_of(model):
        path = f"{where}{spec.name}"
        if spec.name not in data:
            missing.append(path)
        elif spec.shape.model is not None:
            inner = data[spec.name][0] if spec.shape.is_list else data[spec.name]
            missing.extend(every_field(inner, spec.shape.model, path + "."))
    return missing


@pytest.mark.parametrize("record_type", sorted(RECORD_TYPES))
def test_skeleton_has_every_field_with_its_description(record_type: str) -> None:
    text = skeleton(record_type, "new-record")
    data = yaml.safe_load(text)
    model = RECORD_TYPES[record_type]
    assert every_field(data, model) == []
    for described in [model, *nested_models(model)]:
        for spec in fields_of(described):
            assert spec.description in text, f"{described.__name__}.{spec.name}"
    assert data["id"] == "new-record"


@pytest.mark.parametrize("record_type", sorted(RECORD_TYPES))
def test_filled_skeleton_validates_with_the_example_values(site_root: Path, record_type: str) -> None:
    path = create(site_root, record_type, "new-record")
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    template = load_file(path, path.name).data
    example = load_file(FIXTURES / EXAMPLES[record_type], "example").data
    filled = fill(template, {**example, "id": "new-record"})
    path.write_text(first_line + "\n" + yaml.safe_dump(filled, allow_unicode=True, sort_keys=False), encoding="utf-8")

    kb = validate(site_root)
    records = getattr(kb, COLLECTIONS[record_type])
    example_id = Path(EXAMPLES[record_type]).stem
    assert records["new-record"].model_dump() == {**records[example_id].model_dump(), "id": "new-record"}


@pytest.mark.parametrize(("record_type", "schema"), [
    ("mechanism", "../schema/mechanism.schema.json"),
    ("agreement", "../../schema/agreement.schema.json"),
    ("practice", "../../schema/practice.schema.json"),
])
def test_first_line_points_editors_at_the_schema_from_the_record_folder(site_root: Path, record_type: str, schema: str) -> None:
    path = create(site_root, record_type, "new-record")
    assert path == site_root / RECORD_FOLDERS[record_type] / "new-record.yaml"
    assert path.read_text(encoding="utf-8").splitlines()[0] == f"# yaml-language-server: $schema={schema}"
    assert (path.parent / schema).resolve().is_file()


def test_untouched_skeleton_fails_validation_on_its_own_lines(site_root: Path) -> None:
    create(site_root, "practice", "new-practice")
    with pytest.raises(InputError) as raised:
        validate(site_root)
    problems = raised.value.problems
    assert {p.path for p in problems} == {"content/practices/new-practice.yaml"}
    assert "content/practices/new-practice.yaml:11:7: name.es: must not be empty; write 'unknown' if no source gives it" in map(str, problems)
    assert "content/practices/new-practice.yaml:38:12: countries: needs at least 1 item(s)" in map(str, problems)


def test_an_existing_record_is_never_overwritten(site_root: Path) -> None:
    existing = site_root / "mechanisms/mx-ca-ptat.yaml"
    before = existing.read_bytes()
    with pytest.raises(ScaffoldError, match=r"^mechanisms/mx-ca-ptat.yaml already exists; choose another id or edit that file$"):
        create(site_root, "mechanism", "mx-ca-ptat")
    assert existing.read_bytes() == before


@pytest.mark.parametrize("bad_id", ["Bad_ID", "../escape", "a--b", "-a", "a-", "gt ca", "", "x" * 81, "ñandú", "a/b"])
def test_a_bad_id_is_refused_and_nothing_is_written(site_root: Path, bad_id: str) -> None:
    before = sorted(p.name for p in (site_root / "mechanisms").iterdir())
    with pytest.raises(ScaffoldError, match="is not a valid id; use lower-case letters, digits and single hyphens"):
        create(site_root, "mechanism", bad_id)
    assert sorted(p.name for p in (site_root / "mechanisms").iterdir()) == before


def test_the_catalogue_page_name_is_reserved(site_root: Path) -> None:
    with pytest.raises(ScaffoldError, match="'index' is reserved for the catalogue page"):
        create(site_root, "mechanism", "index")


def test_cli_writes_once_then_refuses(site_root: Path, capsys) -> None:
    assert main(["--root", str(site_root), "new", "agreement", "gt-mx-new-agreement"]) == 0
    assert capsys.readouterr().out == (
        "Wrote content/agreements/gt-mx-new-agreement.yaml: fill in every value, then run python3 dev.py test\n"
    )
    assert main(["--root", str(site_root), "new", "agreement", "gt-mx-new-agreement"]) == 1
    assert capsys.readouterr().err == "content/agreements/gt-mx-new-agreement.yaml already exists; choose another id or edit that file\n"
    assert main(["--root", str(site_root), "new", "practice", "Bad"]) == 1
    assert "'Bad' is not a valid id" in capsys.readouterr().err
