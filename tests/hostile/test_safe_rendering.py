"""Safe output: a site built from records whose every text is an attack, in every language.

The three records of the test site are replaced by records generated from the models (see
payloads.py): each Text/RichText field in es, en and fr, and each free-text string, carries a
unique marker inside a script element, event handlers, an attribute break-out, javascript: and
data: links in HTML and Markdown, attr_list syntax and blank lines. Every output file is then
parsed: no marker may reach a script, an event-handler attribute or a javascript:/data: URL,
while every marker must still reach the reader, as text. The per-language MkDocs configs
written during the build are kept and must contain nothing a record holds."""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import make_site_root

from generator.build import site as site_module
from generator.build.configs import NAV
from generator.build.site import build_site
from generator.validate.records import RECORD_TYPES

from .payloads import MECHANISM_ID, Payloads, dump, record

RECORD_FILES = {
    "mechanism": f"mechanisms/{MECHANISM_ID}.yaml",
    "agreement": "content/agreements/mx-ca-sawp-mou-1974.yaml",
    "practice": "content/practices/standard-contract-consular-support.yaml",
}
MARKER = re.compile(r"xss\d{4}x")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "content"}
BAD_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)
# The open-data files are the records themselves, for download (JSON and CSV, never parsed as
# HTML): the payloads are supposed to be in them verbatim, so they are not scanned here.
DATA_EXPORTS = re.compile(r"^data/[a-z]+\.(?:json|csv)$")


@dataclass
class Built:
    site: Path
    payloads: Payloads
    configs: dict[str, str] = field(default_factory=dict)  # file name -> text, as MkDocs read them


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = make_site_root(tmp_path_factory.mktemp("xss") / "repo")
    payloads = Payloads()
    for record_type, model in RECORD_TYPES.items():
        path = root / RECORD_FILES[record_type]
        path.write_text(dump(record(model, record_type, path.stem, payloads)), encoding="utf-8")
    kept = root.parent / "configs"  # the build deletes its work folder; keep a copy of each config
    kept.mkdir()
    write_config = site_module.write_config

    def keep_config(config: dict, path: Path) -> None:
        write_config(config, path)
        shutil.copy(path, kept / path.name)  # a file, not a list: languages may build in child processes

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_module, "write_config", keep_config)
        build_site(root, root / "site")
    configs = {path.name: path.read_text(encoding="utf-8") for path in sorted(kept.iterdir())}
    return Built(root / "site", payloads, configs)


class _Scanner(HTMLParser):
    """Collects what a browser would run (scripts, handlers, URLs) and what it would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dangers: list[str] = []
        self.text: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append(tag)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.dangers.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and BAD_SCHEMES.match(value) and not (tag == "meta" and name == "content"):
                self.dangers.append(f"<{tag} {name}={value!r}>")
        if tag == "meta" and dict(attrs).get("name"):
            self.meta[dict(attrs)["name"] or ""] = dict(attrs).get("content") or ""
        if tag in ("script", "iframe", "svg", "object", "embed") and MARKER.search(str(attrs)):
            self.dangers.append(f"<{tag} {attrs}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        current = self._in[-1] if self._in else ""
        if current in ("script", "style") and MARKER.search(data):
            self.dangers.append(f"<{current}>{data[:80]}")
        elif current == "title":
            self.title.append(data)
        elif current not in ("script", "style"):
            self.text.append(data)


def scan(path: Path) -> _Scanner:
    scanner = _Scanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    scanner.close()
    return scanner


def output_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and not DATA_EXPORTS.match(p.relative_to(site).as_posix()))


def test_every_text_field_of_every_record_type_carries_a_payload(built: Built) -> None:
    places = set(built.payloads.where.values())
    for expected in ("mechanism name fr", "mechanism details en", "mechanism sources.title", "mechanism figures.value",
                     "agreement signatories.role es", "practice period", "practice actors fr", "practice sources.publisher"):
        assert expected in places
    assert len(places) == len(built.payloads.where) >= 90


def test_no_record_text_becomes_a_script_a_handler_or_a_dangerous_url(built: Built) -> None:
    dangers = {}
    for path in output_files(built.site):
        if path.suffix in (".html", ".xml", ".htm", ".svg"):
            found = scan(path).dangers
            if found:
                dangers[path.relative_to(built.site).as_posix()] = found[:3]
    assert dangers == {}


def test_no_record_text_reaches_scripts_styles_or_the_sitemap(built: Built) -> None:
    for path in output_files(built.site):
        if path.suffix in (".js", ".css", ".xml", ".gz", ".map") and path.parent.name != "pagefind":
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            assert not MARKER.search(data.decode("utf-8", "replace")), path


def test_every_payload_reaches_the_reader_as_visible_text(built: Built) -> None:
    """Escaped, not dropped: a reader sees what the contributor wrote (rich text minus the markup)."""
    shown = " ".join(" ".join(scan(p).text) for p in output_files(built.site) if p.suffix == ".html")
    missing = {marker: place for marker, place in built.payloads.where.items() if marker not in shown}
    assert missing == {}


@pytest.mark.parametrize("language", ["es", "en", "fr"])
def test_page_title_description_and_header_are_escaped_exactly_once(built: Built, language: str) -> None:
    """Material writes title and description into the head unescaped; the generator escapes
    them, once: the reader's tab shows the text as written, not &lt; or markup."""
    page = built.site / ("" if language == "es" else f"{language}/") / f"mechanisms/{MECHANISM_ID}/index.html"
    scanner = scan(page)
    name_marker = next(m for m, place in built.payloads.where.items() if place == f"mechanism name {language}")
    summary_marker = next(m for m, place in built.payloads.where.items() if place == f"mechanism summary {language}")
    title = "".join(scanner.title)
    assert title.startswith(f'<script>alert("{name_marker}")</script>'), title[:120]
    assert scanner.meta["description"].startswith(f'<script>alert("{summary_marker}")</script>')
    raw = page.read_text(encoding="utf-8")
    assert f"&lt;script&gt;alert(&#34;{name_marker}" in raw or f"&lt;script&gt;alert(&quot;{name_marker}" in raw
    header = re.search(r'<div class="md-header__topic" data-md-component="header-topic">(.*?)</div>', raw, re.S)
    assert header and name_marker in header.group(1) and "<script" not in header.group(1)


def test_the_search_index_holds_site_addresses_only(built: Built) -> None:
    """Pagefind keeps each page's text as text (its own excerpts escape < and >, and the search
    page shows titles with textContent); what it links to must be the site's own pages."""
    fragments = sorted((built.site / "pagefind/fragment").glob("*.pf_fragment"))
    assert fragments
    for path in fragments:
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        urls = [fragment["url"], *(anchor.get("url", "/") for anchor in fragment.get("anchors", []))]
        assert all(url.startswith("/") and not BAD_SCHEMES.match(url) for url in urls), path
        assert set(fragment["meta"]) <= {"title", "image", "image_alt"} and "image" not in fragment["meta"]


def test_the_scanner_would_see_each_kind_of_leak(tmp_path: Path) -> None:
    """The checks above pass only if nothing leaked, so prove they can see a leak."""
    leaks = [
        '<script>alert("xss0001x")</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>',
        '<a href="javascript:alert(1)">x</a>', '<a href=" JaVaScRiPt:alert(1)">x</a>', '<iframe src="data:text/html,x"></iframe>',
    ]
    for leak in leaks:
        page = tmp_path / "page.html"
        page.write_text(f"<html><body><p>{leak}</p></body></html>", encoding="utf-8")
        assert scan(page).dangers, leak
    page.write_text('<p>&lt;script&gt;alert("xss0001x")&lt;/script&gt; <a href="https://example.org/">ok</a></p>', encoding="utf-8")
    assert scan(page).dangers == []


def test_the_generated_mkdocs_configs_hold_nothing_a_record_contains(built: Built) -> None:
    assert sorted(built.configs) == ["mkdocs.en.yml", "mkdocs.es.yml", "mkdocs.fr.yml"]
    for name, text in built.configs.items():
        assert not MARKER.search(text), name
        for needle in ("<script", "javascript:", "onerror", "!!python"):
            assert needle not in text, name
        config = yaml.safe_load(text)
        assert sorted(config) == ["INHERIT", "docs_dir", "extra", "nav", "site_description", "site_dir", "site_name", "theme"]
        assert len(config["nav"]) == len(NAV)


def test_the_configs_come_from_trusted_files_only(built: Built, tmp_path: Path) -> None:
    """The same configs, byte for byte, come from a tree whose records are the plain fixtures:
    record content has no way into them."""
    from generator.build.configs import language_config
    from generator.validate.knowledge_base import validate

    root = make_site_root(tmp_path / "plain")
    kb = validate(root)
    for language in ("es", "en", "fr"):
        config = language_config(kb, language, root / "mkdocs.yml", Path("docs"), Path("site"))
        generated = yaml.safe_load(built.configs[f"mkdocs.{language}.yml"])
        assert {k: v for k, v in config.items() if k not in ("INHERIT", "docs_dir", "site_dir", "theme")} == {
            k: v for k, v in generated.items() if k not in ("INHERIT", "docs_dir", "site_dir", "theme")
        }
        assert config["site_name"] == html.escape(kb.ui[language]["site_name"])
