"""The files contributors and GitHub read: workflows (parse, run the README's commands, stay
read-only on pull requests, pin every action), issue forms that map onto the schema, the
pull-request checklist, pre-commit and the contributor guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.validate.field_shapes import fields_of, nested_models
from generator.validate.knowledge_base import validate
from generator.validate.records import RECORD_TYPES, Protection, Protections
from generator.validate.references import REFERENCES

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(flow: dict) -> dict:
    return flow.get("on", flow.get(True))  # YAML 1.1 reads the key `on` as True


def steps(flow: dict) -> list[dict]:
    return [step for job in flow["jobs"].values() for step in job["steps"]]


def runs(flow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(flow))


@pytest.mark.parametrize("name", ["pull-request.yml", "deploy.yml", "external-links.yml"])
def test_workflow_parses_and_pins_every_action_to_a_commit(name: str) -> None:
    flow = workflow(name)
    assert flow["name"] and flow["jobs"] and triggers(flow)
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    for step in steps(flow):
        if "uses" in step:
            assert PINNED.match(step["uses"]), step["uses"]
            assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+$", text, re.MULTILINE), f"{step['uses']} needs its version beside it"


def test_pull_requests_run_the_readme_commands_read_only() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    flow = workflow("pull-request.yml")
    commands = runs(flow)
    for documented in ("python3 dev.py test", "python3 dev.py build"):
        assert documented in readme
        assert documented in commands
    assert "python3 dev.py validate" in commands  # annotations first
    assert "-m generator check-links site" in commands
    assert set(triggers(flow)) <= {"pull_request", "workflow_dispatch"}  # never pull_request_target
    assert flow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in flow["jobs"].values())
    checkout = next(s for s in steps(flow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_main_is_built_and_deployed_with_the_official_pages_actions() -> None:
    flow = workflow("deploy.yml")
    assert triggers(flow)["push"]["branches"] == ["main"]
    assert "python3 dev.py build" in runs(flow)
    assert "-m generator check-links site" in runs(flow)
    used = [s["uses"].split("@")[0] for s in steps(flow) if "uses" in s]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(used)
    build = next(s for s in steps(flow) if s.get("run") == "python3 dev.py build")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert flow["permissions"] == {"contents": "read"}
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "write" not in str(flow["jobs"]["build"]["permissions"])


def test_external_links_run_on_a_schedule_and_never_block() -> None:
    flow = workflow("external-links.yml")
    assert set(triggers(flow)) == {"schedule", "workflow_dispatch"}
    check = next(s for s in steps(flow) if s.get("uses", "").startswith("lycheeverse/lychee-action@"))
    assert check["with"]["fail"] is False
    assert flow["permissions"] == {"contents": "read"}


def test_pre_commit_runs_validation_and_ruff() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = {hook["id"]: hook["entry"] for repo in config["repos"] for hook in repo["hooks"]}
    assert entries == {"validate-records": "python -m generator validate", "ruff": "ruff check"}


def test_pull_request_template_has_the_review_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert len(items) >= 8
    for topic in ("`sources`", "`official_channels`", "`unknown`", "`last_reviewed`", "(`es`)", "[brackets]"):
        assert any(topic in item for item in items), topic


# --- issue forms -------------------------------------------------------------------------

FORM_FILES = {
    ("mechanism", "en"): "propose-mechanism-en.yml", ("mechanism", "es"): "propose-mechanism-es.yml",
    ("practice", "en"): "propose-practice-en.yml", ("practice", "es"): "propose-practice-es.yml",
    ("report", "en"): "report-error-en.yml", ("report", "es"): "report-error-es.yml",
}
NOT_RECORD_FIELDS = {"confirm", "record", "field", "problem", "correction"}  # about the proposal, not record fields
LEFT_TO_MAINTAINERS = {"id", "last_reviewed"}  # chosen when the record is written and reviewed
# `protections` is asked as one question per protection (its `covered` value): ids are Protections' fields.
PROTECTION_IDS = {spec.name for spec in fields_of(Protections)}


def form(kind: str, language: str) -> dict:
    return yaml.safe_load((FORMS / FORM_FILES[(kind, language)]).read_text(encoding="utf-8"))


def field_ids(data: dict) -> list[str]:
    return [item["id"] for item in data["body"] if item["type"] != "markdown"]


def allowed_values(record_type: str, field_id: str, taxonomies: dict[str, set[str]]) -> set[str]:
    """What a dropdown may offer: the taxonomy ids the field refers to, or the model's choices."""
    taxonomy = {key.split(".")[0]: target for key, target in REFERENCES[record_type].items()}.get(field_id)
    if taxonomy:
        return taxonomies[taxonomy]
    model = Protection if field_id in PROTECTION_IDS else RECORD_TYPES[record_type]
    name = "covered" if field_id in PROTECTION_IDS else field_id
    shape = next(spec.shape for spec in fields_of(model) if spec.name == name)
    return set(shape.choices) | ({"unknown"} if shape.unknown else set())


def test_every_form_exists_in_spanish_and_english_with_the_same_fields() -> None:
    assert sorted(p.name for p in FORMS.glob("*.yml")) == sorted(FORM_FILES.values())
    for kind in ("mechanism", "practice", "report"):
        spanish, english = form(kind, "es"), form(kind, "en")
        assert field_ids(spanish) == field_ids(english)
        assert len(set(field_ids(english))) == len(field_ids(english))
        options = [[o.split(" — ")[0] for o in item["attributes"].get("options", []) if isinstance(o, str)] for item in english["body"]]
        assert options == [[o.split(" — ")[0] for o in item["attributes"].get("options", []) if isinstance(o, str)] for item in spanish["body"]]


@pytest.mark.parametrize("record_type", ["mechanism", "practice"])
@pytest.mark.parametrize("language", ["es", "en"])
def test_proposal_forms_map_onto_the_schema(record_type: str, language: str) -> None:
    kb = validate(REPO)
    taxonomies = {name: set(terms) for name, terms in kb.taxonomies.items()}
    model = RECORD_TYPES[record_type]
    data = form(record_type, language)
    record_fields = {spec.name for m in [model, *nested_models(model)] for spec in fields_of(m)}
    ids = set(field_ids(data)) - NOT_RECORD_FIELDS
    assert ids <= record_fields, f"not a field of {model.__name__}: {sorted(ids - record_fields)}"
    expected = {spec.name for spec in fields_of(model)} - LEFT_TO_MAINTAINERS
    if "protections" in expected:
        expected = expected - {"protections"} | PROTECTION_IDS
    assert expected <= ids, f"the form lacks {sorted(expected - ids)}"
    for item in data["body"]:
        if item["type"] == "markdown" or item["id"] in NOT_RECORD_FIELDS:
            continue
        assert f"`{item['id']}`" in item["attributes"]["label"] or f".{item['id']}." in item["attributes"]["label"], item["id"]
        if item["type"] == "dropdown":
            values = {option.split(" — ")[0] for option in item["attributes"]["options"]}
            assert values <= allowed_values(record_type, item["id"], taxonomies), item["id"]


def test_error_report_form_asks_for_the_record_the_fix_and_a_source() -> None:
    for language in ("es", "en"):
        data = form("report", language)
        assert field_ids(data) == ["record", "field", "problem", "correction", "sources", "confirm"]
        required = {item["id"] for item in data["body"] if item.get("validations", {}).get("required")}
        assert required == {"record", "problem", "correction", "sources"}


# --- guide -------------------------------------------------------------------------------

def test_contributor_guide_covers_the_issue_topics() -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for topic in ("Create new file", "python3 dev.py serve", "python -m generator new", "Review checklist",
                  "in [square brackets]", "`unknown`", "--fail-on-fallback", "not yet translated", "Settings → Pages"):
        assert topic in guide, topic
    for language in ("es", "en", "fr"):
        page = (REPO / "content" / "pages" / language / "contributing.md").read_text(encoding="utf-8")
        for topic in ("python3 dev.py serve", "`unknown`", "fields.md", "translations.md", "maintenance.md", "--fail-on-fallback"):
            assert topic in page, f"{language}: {topic}"
