"""Atomic builds: whatever step fails after validation (MkDocs, Pagefind, copying, the final
swap), the previous site/ is left byte for byte as it was and no work folder is left behind;
and the same tree gives the same files wherever and whenever it is built."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import make_site_root

from generator.build import site as site_module
from generator.build.site import build_site

from .hostile_support import run_cli, snapshot, write_previous_site


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_site_root(tmp_path / "repo")
    write_previous_site(root / "site")
    return root


def quick_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip MkDocs for tests about later steps: each language is rendered and its config
    written as usual, then 'built' as one page in the site folder its config names."""
    def run_mkdocs(config_path: Path, language: str) -> None:
        site_dir = Path(yaml.safe_load(config_path.read_text(encoding="utf-8"))["site_dir"])
        site_dir.mkdir(parents=True, exist_ok=True)
        (site_dir / "index.html").write_text(f"<html lang='{language}'>new build</html>", encoding="utf-8")

    monkeypatch.setattr(site_module, "_run_mkdocs", run_mkdocs)


def assert_untouched(root: Path, before: dict[str, bytes | None]) -> None:
    assert snapshot(root / "site") == before, "the previous site changed"
    assert [p.name for p in root.iterdir() if p.name.startswith(".kb-build")] == []


def test_mkdocs_failing_on_the_last_language_leaves_the_site_untouched(root: Path, monkeypatch) -> None:
    """Spanish and English are already built in the work folder when French fails."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort

    real_build = mkdocs_build.build

    def build(config, **kwargs):
        if config["theme"]["language"] == "fr":
            raise Abort("simulated failure in the French site")
        return real_build(config, **kwargs)

    monkeypatch.setattr(mkdocs_build, "build", build)
    before = snapshot(root / "site")
    run = run_cli("--root", str(root), "build")
    assert run.status == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        "MkDocs failed for the 'fr' site:",
        "simulated failure in the French site",
        "The build failed; the previous site/ was left as it was.",
    ]
    assert_untouched(root, before)


def test_pagefind_failing_leaves_the_site_untouched(root: Path, monkeypatch) -> None:
    real_run = subprocess.run

    def run(command, *args, **kwargs):
        if "pagefind" in command:
            return subprocess.CompletedProcess(command, 2, "", "simulated: cannot write the index")
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(site_module.subprocess, "run", run)
    quick_languages(monkeypatch)
    before = snapshot(root / "site")
    result = run_cli("--root", str(root), "build")
    assert result.status == 1
    assert result.stderr.splitlines() == [
        "Pagefind failed:",
        "simulated: cannot write the index",
        "The build failed; the previous site/ was left as it was.",
    ]
    assert_untouched(root, before)


def test_an_unexpected_error_while_copying_leaves_the_site_untouched(root: Path, monkeypatch) -> None:
    """Not a BuildError (the command line would show it as a crash), but still no harm done."""
    real_copytree = shutil.copytree

    def copytree(source, target, *args, **kwargs):
        if Path(source).name == "schema":  # the last copy, once every language is built and indexed
            raise OSError(28, "No space left on device")
        return real_copytree(source, target, *args, **kwargs)

    monkeypatch.setattr(site_module.shutil, "copytree", copytree)
    monkeypatch.setattr(site_module, "index_search", lambda site: None)
    quick_languages(monkeypatch)
    before = snapshot(root / "site")
    with pytest.raises(OSError, match="No space left"):
        build_site(root, root / "site")
    assert_untouched(root, before)


def test_a_failed_swap_puts_the_previous_site_back(root: Path, monkeypatch) -> None:
    """The old site is moved aside before the new one moves in; if that last move fails, the
    old one must come back before the work folder (where it was moved) is deleted."""
    out = root / "site"
    real_rename = Path.rename

    def rename(self: Path, target):
        if Path(target) == out and self.name == "site":
            raise OSError(18, "Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    monkeypatch.setattr(site_module, "index_search", lambda site: None)
    quick_languages(monkeypatch)
    before = snapshot(out)
    with pytest.raises(OSError, match="cross-device"):
        build_site(root, out)
    assert_untouched(root, before)


def test_the_swap_itself_works_with_quick_languages(root: Path, monkeypatch) -> None:
    """The fakes above do reach the swap: without a failure, the new site replaces the old."""
    monkeypatch.setattr(site_module, "index_search", lambda site: None)
    quick_languages(monkeypatch)
    build_site(root, root / "site")
    assert (root / "site/index.html").read_text(encoding="utf-8") == "<html lang='es'>new build</html>"
    assert (root / "site/fr/index.html").exists() and not (root / "site/sitemap.xml").exists()


def test_the_same_tree_built_in_two_places_gives_the_same_files(site_root: Path, tmp_path: Path) -> None:
    """No absolute path, build time or machine detail reaches the output (sitemap.xml.gz
    carries gzip's timestamp; its content is sitemap.xml, compared here)."""
    elsewhere = shutil.copytree(site_root, tmp_path / "elsewhere" / "checkout")
    first, second = build_site(site_root, tmp_path / "a"), build_site(elsewhere, tmp_path / "b")
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    different = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes() and f != "sitemap.xml.gz"]
    assert different == []
    for path in first.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert str(site_root) not in text and str(tmp_path) not in text, path
