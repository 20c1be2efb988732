"""`python -m generator serve`: the MkDocs hook re-renders the docs tree from the YAML records
before every rebuild, and a record with problems is reported without stopping the server."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from generator.build import serve_hook


@pytest.fixture
def hook_env(site_root, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "stale.md").write_text("# left from an earlier build", encoding="utf-8")
    monkeypatch.setenv("KB_ROOT", str(site_root))
    monkeypatch.setenv("KB_LANGUAGE", "en")
    return site_root, docs


def test_pre_build_renders_the_records_into_the_docs_tree(hook_env) -> None:
    root, docs = hook_env
    record = root / "mechanisms/mx-ca-ptat.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("Mexican farmworkers work a season", "Edited while serving"), encoding="utf-8")
    serve_hook.on_pre_build({"docs_dir": str(docs)})
    assert "Edited while serving" in (docs / "mechanisms/mx-ca-ptat.md").read_text(encoding="utf-8")
    assert not (docs / "stale.md").exists()
    assert (docs / "assets").is_dir()  # copied once at start; kept across rebuilds


def test_pre_build_reports_problems_and_keeps_the_last_good_pages(hook_env) -> None:
    root, docs = hook_env
    serve_hook.on_pre_build({"docs_dir": str(docs)})
    record = root / "mechanisms/mx-ca-ptat.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("scope: bilateral", "scope: twoway"), encoding="utf-8")
    with pytest.raises(PluginError, match=r"mechanisms/mx-ca-ptat.yaml:13:8: scope: 'twoway' is not allowed"):
        serve_hook.on_pre_build({"docs_dir": str(docs)})
    assert (docs / "mechanisms/mx-ca-ptat.md").is_file()
