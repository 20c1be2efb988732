"""Rendered Markdown for each record type, per language, compared with stored golden files.

After an intended change to templates or strings, regenerate them with
    UPDATE_GOLDEN=1 python3 dev.py test -k golden
and review the diff like any other change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.render.docs_tree import render_language
from generator.validate.knowledge_base import validate

GOLDEN = Path(__file__).resolve().parent / "golden"
PAGES = [
    "mechanisms/mx-ca-ptat.md",
    "agreements/mx-ca-sawp-mou-1974.md",
    "practices/standard-contract-consular-support.md",
    "mechanisms/index.md",
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, dict[str, str]]:
    from conftest import make_site_root

    kb = validate(make_site_root(tmp_path_factory.mktemp("golden") / "repo"))
    return {language: render_language(kb, language) for language in ("es", "en", "fr")}


@pytest.mark.parametrize("language", ["es", "en", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_rendered_page_matches_golden_file(rendered, language: str, page: str) -> None:
    golden = GOLDEN / language / page
    actual = rendered[language][page]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_rendering_is_deterministic(rendered, tmp_path) -> None:
    from conftest import make_site_root

    again = render_language(validate(make_site_root(tmp_path / "repo")), "es")
    assert again == rendered["es"]


def test_a_page_path_outside_the_docs_folder_is_refused(tmp_path) -> None:
    from generator.render.docs_tree import write_tree

    with pytest.raises(ValueError, match="outside the docs folder"):
        write_tree({"../escape.md": "x"}, tmp_path / "docs")
    assert not (tmp_path / "escape.md").exists()
