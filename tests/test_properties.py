"""Property-based tests: whatever a contributor writes, the loader and the validator either
accept it or answer with located problems (InputError). No other exception, ever.

Each property runs about 200 examples (deadline off: the first example warms up pydantic), so
the whole file takes seconds. A failure prints the smallest input Hypothesis found."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import make_site_root
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.strict_yaml import Document, load_bytes, load_file
from generator.load.tree import LoadedTree, load_tree
from generator.problems import InputError, Problem
from generator.validate import knowledge_base
from generator.validate.knowledge_base import KnowledgeBase
from generator.validate.records import RECORD_TYPES
from generator.validate.schema import check

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Pieces that matter to YAML, to quoting, to the models and to HTML, so random text hits the
# interesting cases far more often than uniform characters would.
YAML_PIECES = [
    "a", "id", "name", "es", ": ", ":", " ", "  ", "\n", "\r\n", "\t", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a",
    "!!python/object:os.system ", "!x ", "'", '"', "\\", "\\x1b", "\\ud800", "#", "?", "|", ">", "%YAML 1.1\n", "@", "`",
    "---\n", "...\n", "é", "\ufeff", "\x00", "\x85", "\u2028", "NO", "on", "1.10", "012", "12:30", "2019-03-01", "~", "<<: ",
]
SCALARS = [
    "", " ", "unknown", "NO", "on", "yes", "true", "1.10", "012", "12:30", "2019-03-01", "2026-02-31", "20219", "1974", "²",
    "١", "-1", "0", "1", "99999999999999999999", "1_000", "javascript:alert(1)", "https://example.org/", "mailto:a@b.org",
    "https://[::1/", "MX", "XX", "mx", "mx-ca-ptat", "../etc/passwd", "con", "~", "null", "<script>alert(1)</script>",
    "a\nb", "es", "en", "fr", "agriculture", "active",
]
scalars = st.sampled_from(SCALARS) | st.text(max_size=20)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(scalars, inner, max_size=3), max_leaves=8)
yaml_text = st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=5), max_size=40).map("".join)
FIXTURES = Path(__file__).resolve().parent / "fixtures/site"
RECORD_FILES = {
    "mechanism": "mechanisms/mx-ca-ptat.yaml",
    "agreement": "content/agreements/mx-ca-sawp-mou-1974.yaml",
    "practice": "content/practices/standard-contract-consular-support.yaml",
}


def assert_located(problems: list[Problem], path: str) -> None:
    assert problems
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message
        assert problem.path == path or problem.path.endswith((".yaml", ".md")), problem
        assert "\n" not in str(problem) and "\r" not in str(problem), "one problem, one line"


def assert_plain(data: Any) -> None:
    """The loader yields text, lists and mappings of text keys: nothing YAML 1.1 would convert."""
    if isinstance(data, dict):
        assert all(isinstance(key, str) for key in data)
        for value in data.values():
            assert_plain(value)
    elif isinstance(data, list):
        for item in data:
            assert_plain(item)
    else:
        assert isinstance(data, str)


def load_or_problems(raw: bytes) -> Document | None:
    try:
        doc = load_bytes(raw, "f.yaml")
    except InputError as error:
        assert_located(error.problems, "f.yaml")
        return None
    assert_plain(doc.data)
    return doc


@PROPERTY
@given(st.binary(max_size=300))
def test_any_bytes_load_or_give_a_located_problem(raw: bytes) -> None:
    load_or_problems(raw)


@PROPERTY
@given(yaml_text)
def test_any_yaml_like_text_loads_or_gives_a_located_problem(text: str) -> None:
    doc = load_or_problems(text.encode("utf-8", "surrogatepass"))
    if doc is not None:
        lines = len(text.splitlines()) + 1
        assert all(1 <= line <= lines + 1 for line, _ in doc.values.values())


@PROPERTY
@given(st.sampled_from(sorted(RECORD_TYPES)), values)
def test_any_data_checks_against_any_model_without_crashing(record_type: str, data: Any) -> None:
    record, problems = check(Document("f.yaml", data), RECORD_TYPES[record_type])
    assert (record is None) == bool(problems)
    if problems:
        assert_located(problems, "f.yaml")


# ---- mutated valid records, validated with everything else in the tree ----


@functools.cache
def fixture_record(record_type: str) -> Any:
    path = RECORD_FILES[record_type]
    return load_file(FIXTURES / path, path).data


class Swapper:
    """validate() on the test site with one record replaced: the site is read once, and
    validate() is handed a copy of it (patched load_tree) instead of reading every file again."""

    def __init__(self, root: Path, tree: LoadedTree):
        self.root, self.tree, self.current = root, tree, tree

    def validate_with(self, record_type: str, raw: bytes) -> KnowledgeBase:
        path = RECORD_FILES[record_type]
        doc = load_bytes(raw, path)
        self.current = copy.deepcopy(self.tree)
        self.current.records[record_type] = [doc if d.path == path else d for d in self.tree.records[record_type]]
        return knowledge_base.validate(self.root)

    def __repr__(self) -> str:  # Hypothesis prints the arguments of a failing example
        return "<the test site>"


@pytest.fixture(scope="module")
def swap(tmp_path_factory: pytest.TempPathFactory):
    """Module-scoped: Hypothesis does not allow function-scoped fixtures with @given."""
    root = make_site_root(tmp_path_factory.mktemp("properties") / "repo")
    swapper = Swapper(root, load_tree(root))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(knowledge_base, "load_tree", lambda _root: swapper.current)
        yield swapper


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


@st.composite
def mutated_record(draw: st.DrawFn) -> tuple[str, bytes]:
    record_type = draw(st.sampled_from(sorted(RECORD_FILES)))
    data = copy.deepcopy(fixture_record(record_type))
    for _ in range(draw(st.integers(1, 3))):
        _mutate(draw, data)
    return record_type, yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False).encode("utf-8")


def _mutate(draw: st.DrawFn, data: Any) -> None:
    """Delete, replace, add or rename one entry somewhere in the record."""
    containers = list(_containers(data))
    container = draw(st.sampled_from(containers))
    keys = list(container) if isinstance(container, dict) else list(range(len(container)))
    operation = draw(st.sampled_from(["delete", "replace", "add", "rename"] if keys else ["add"]))
    key = draw(st.sampled_from(keys)) if keys else None
    if operation == "delete":
        del container[key]
    elif operation == "replace":
        container[key] = draw(values)
    elif isinstance(container, list):
        container.append(draw(values))
    elif operation == "add":
        container[draw(scalars)] = draw(values)
    else:
        container[draw(scalars)] = container.pop(key)


def _containers(data: Any):
    if isinstance(data, (dict, list)):
        yield data
        for item in data.values() if isinstance(data, dict) else data:
            yield from _containers(item)


@PROPERTY
@given(mutated_record())
def test_mutated_records_validate_or_give_located_problems(swap: Swapper, mutation: tuple[str, bytes]) -> None:
    record_type, raw = mutation
    try:
        swap.validate_with(record_type, raw)
    except InputError as error:
        assert_located(error.problems, RECORD_FILES[record_type])


# ---- records that pass validation must render: a valid record never breaks the build ----


PROSE = st.characters(exclude_categories=("Cc", "Cs"), include_characters="\n\t")  # what the loader lets through
FREE_TEXT = {"es", "en", "fr", "title", "publisher", "value", "period"}  # where a contributor writes prose


@st.composite
def retexted_record(draw: st.DrawFn) -> tuple[str, bytes]:
    """A fixture record with some of its prose replaced by arbitrary text (most stay valid)."""
    record_type = draw(st.sampled_from(sorted(RECORD_FILES)))
    data = copy.deepcopy(fixture_record(record_type))
    leaves = [(container, key) for container in _containers(data)
              for key in (container if isinstance(container, dict) else range(len(container)))
              if isinstance(container[key], str) and key in FREE_TEXT]
    for container, key in draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=4)):
        container[key] = draw(scalars | st.text(PROSE, min_size=1, max_size=40))
    return record_type, yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False).encode("utf-8")


@settings(PROPERTY, max_examples=30)  # rendering a language takes a quarter of a second
@given(retexted_record(), st.sampled_from(["es", "en", "fr"]))
def test_a_record_that_validates_renders(swap: Swapper, mutation: tuple[str, bytes], language: str) -> None:
    from generator.render.docs_tree import render_language

    record_type, raw = mutation
    try:
        kb = swap.validate_with(record_type, raw)
    except InputError as error:
        assert_located(error.problems, RECORD_FILES[record_type])
        return
    for text in render_language(kb, language).values():
        text.encode("utf-8")  # every page can be written
