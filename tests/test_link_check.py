"""The internal link check: a small hand-made built tree with every kind of link, then a real
build of every language served as a project site, which must have no broken link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.build.configs import language_config, site_url
from generator.build.errors import BuildError
from generator.build.link_check import BrokenLink, check_site
from generator.build.site import build_site

INDEX = """<!doctype html><html><head><link rel="stylesheet" href="assets/kb.css">
<link rel="canonical" href="https://example.org/kb/"><script src="assets/missing.js"></script></head>
<body id="top-of-page"><a href="a/">ok</a> <a href="a/#sec">ok</a> <a href="a/index.html#sec">ok</a>
<a href="a/#nowhere">bad anchor</a> <a href="missing/">missing</a> <a href="https://example.org/x">external</a>
<a href="mailto:x@example.org">mail</a> <a href="//example.org/x">protocol-relative</a> <a href="../outside/">outside</a>
<a href="#">top</a> <a href="#top">top</a> <a href="#local">local</a> <a href="?q=1">query</a> <a name="local"></a>
<a href="data/file.json#any">data</a> <a href="a%20b/">spaced</a> <img src="assets/logo.png" alt="">
</body></html>"""
PAGE_A = '<html><body><h2 id="sec">Section</h2><a href="../">up</a><a href="../#local">up</a></body></html>'
ERROR_PAGE = '<html><body><a href="/kb/assets/kb.css">css</a><a href="/kb/en/../">es</a><a href="/elsewhere/">bad</a></body></html>'


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    files = {
        "index.html": INDEX,
        "a/index.html": PAGE_A,
        "a b/index.html": "<html></html>",
        "assets/kb.css": "",
        "data/file.json": "{}",
        "en/404.html": ERROR_PAGE,
    }
    for name, text in files.items():
        (tmp_path / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / name).write_text(text, encoding="utf-8")
    return tmp_path / "site"


def test_every_broken_link_and_only_those(tree: Path) -> None:
    assert check_site(tree) == [
        BrokenLink("index.html", "../outside/", "leads outside the site"),
        BrokenLink("index.html", "//example.org/x", "protocol-relative address ('//…'); write a relative path, or https:// for another site"),
        BrokenLink("index.html", "a/#nowhere", "no element with id 'nowhere' in a/index.html"),
        BrokenLink("index.html", "assets/logo.png", "no file assets/logo.png"),
        BrokenLink("index.html", "assets/missing.js", "no file assets/missing.js"),
        BrokenLink("index.html", "missing/", "no file missing/index.html"),
    ]


def test_links_from_the_server_root_are_checked_against_the_base_path(tree: Path) -> None:
    broken = [b for b in check_site(tree, "/kb/") if b.page == "en/404.html"]
    assert broken == [BrokenLink("en/404.html", "/elsewhere/", "absolute path outside the site (served at /kb/)")]


def test_cli_reports_and_fails(tree: Path, capsys) -> None:
    assert main(["check-links", str(tree)]) == 1
    err = capsys.readouterr().err
    assert "index.html: 'missing/': no file missing/index.html" in err.splitlines()
    assert err.splitlines()[-1] == f"6 broken internal link(s) in {tree}."
    (tree / "index.html").write_text('<a href="a/#sec" id="local">ok</a>', encoding="utf-8")
    (tree / "en/404.html").write_text(ERROR_PAGE.replace("/elsewhere/", "/kb/a/"), encoding="utf-8")
    assert main(["check-links", str(tree), "--base-url", "https://example.org/kb/"]) == 0
    assert capsys.readouterr().out == f"OK: no broken internal link in {tree}.\n"
    assert main(["check-links", str(tree / "nothing")]) == 1
    assert "build the site first" in capsys.readouterr().err


def test_site_url_gives_each_language_its_address() -> None:
    assert site_url("es", "https://owner.github.io/repo") == "https://owner.github.io/repo/"
    assert site_url("en", "https://owner.github.io/repo/") == "https://owner.github.io/repo/en/"
    assert site_url("fr", " ") is None
    for bad in ("owner.github.io/repo", "javascript:alert(1)", "https://owner.github.io/repo/?x=1"):
        with pytest.raises(BuildError, match="is not a site address"):
            site_url("es", bad)


@pytest.fixture(scope="module")
def project_site(tmp_path_factory) -> Path:
    from conftest import make_site_root

    root = make_site_root(tmp_path_factory.mktemp("links") / "repo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", "https://owner.github.io/kb/")
        return build_site(root, root / "site")


def test_a_real_build_served_as_a_project_site_has_no_broken_link(project_site: Path) -> None:
    assert check_site(project_site, "/kb/") == []
    page = (project_site / "en/mechanisms/mx-ca-ptat/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://owner.github.io/kb/en/mechanisms/mx-ca-ptat/">' in page
    error_page = (project_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/kb/en/"' in error_page and "//en/" not in error_page  # the language switcher on the 404 page


@pytest.mark.parametrize(("prefix", "contribute"), [("", "Colaborar"), ("en/", "Contribute"), ("fr/", "Contribuer")])
def test_contributor_pages_are_in_every_language_and_in_the_menu(project_site: Path, prefix: str, contribute: str) -> None:
    for page in ("contributing", "fields", "translations", "maintenance"):
        assert (project_site / prefix / page / "index.html").is_file(), f"{prefix}{page}"
    home = (project_site / prefix / "index.html").read_text(encoding="utf-8")
    assert re.search(rf">\s*{contribute}\s*<", home)


def test_the_menu_has_a_contribute_section(site_root: Path, tmp_path: Path) -> None:
    from generator.validate.knowledge_base import validate

    config = language_config(validate(site_root), "en", site_root / "mkdocs.yml", tmp_path, tmp_path)
    assert {"Contribute": [
        {"How to contribute": "contributing.md"},
        {"Field reference": "fields.md"},
        {"Translation status": "translations.md"},
        {"Records to review": "maintenance.md"},
    ]} in config["nav"]
