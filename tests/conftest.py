"""Shared fixtures: a small real site tree in a temporary folder.

The tree is the repository's own configuration, taxonomies, interface strings and pages, plus
three trimmed real records from tests/fixtures/site, so tests can mutate it freely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_FROM_REPO = ["mkdocs.yml", "overrides", "schema", "content/taxonomies", "content/ui", "content/pages"]


def make_site_root(target: Path) -> Path:
    shutil.copytree(FIXTURES / "site", target)
    for name in SHARED_FROM_REPO:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    return make_site_root(tmp_path / "repo")
