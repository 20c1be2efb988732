"""End to end: build a small real site in a temporary folder and read its HTML in every language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.build.site import build_site

LANGUAGE_ROOTS = {"es": "", "en": "en/", "fr": "fr/"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from conftest import make_site_root

    root = make_site_root(tmp_path_factory.mktemp("e2e") / "repo")
    build_site(root, root / "site")
    return root / "site"


def html(site: Path, language: str, page: str) -> str:
    return (site / LANGUAGE_ROOTS[language] / page / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("language", "title", "nav_label", "heading"),
    [
        ("es", "Programa de Trabajadores Agrícolas Temporales México–Canadá", "Mecanismos", "Cómo solicitar"),
        ("en", "Mexico–Canada Seasonal Agricultural Worker Program", "Mechanisms", "How to apply"),
        ("fr", "Programme des travailleurs agricoles saisonniers Mexique–Canada", "Mécanismes", "Comment postuler"),
    ],
)
def test_record_page_is_in_its_language(built, language, title, nav_label, heading) -> None:
    page = html(built, language, "mechanisms/mx-ca-ptat")
    assert f'<html lang="{language}"' in page
    assert f"<title>{title} - " in page
    assert f">{heading}</h2>" in page
    assert nav_label in page
    assert "kb-fallback" not in page  # the mechanism is complete in every language


def test_catalogue_lists_the_record_with_route_and_status(built) -> None:
    page = html(built, "en", "mechanisms")
    row = re.search(r'<tr ([^>]*)><td><a href="mx-ca-ptat/">Mexico–Canada Seasonal Agricultural Worker Program \(SAWP\)</a></td>(.*?)</tr>', page)
    assert row, "the catalogue row links to the record"
    cells = re.findall(r'<td data-label="([^"]+)">(.*?)</td>', row.group(2))
    assert cells == [
        ("Origin → destination", "Mexico → Canada"),
        ("Type", "Memorandum of understanding"),
        ("Sector", "Agriculture"),
        ("Status", "Active"),
    ]
    # codes for the filter script; never contributed text
    assert row.group(1) == (
        'data-origin="MX" data-destination="CA" data-type="memorandum-of-understanding" data-sector="agriculture" '
        'data-status="active" data-stay="seasonal" data-fees="yes" data-portability="unknown" data-return="yes"'
    )


def test_language_switcher_keeps_the_reader_on_the_same_record(built) -> None:
    page = html(built, "fr", "mechanisms/mx-ca-ptat")
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', page))
    assert {lang: href for href, lang in links.items()} == {
        "es": "../../../mechanisms/mx-ca-ptat/",
        "en": "../../../en/mechanisms/mx-ca-ptat/",
        "fr": "../../mechanisms/mx-ca-ptat/",
    }


def test_missing_french_falls_back_to_spanish_with_a_notice(built) -> None:
    french = html(built, "fr", "agreements/mx-ca-sawp-mou-1974")
    assert "pas encore traduite dans cette langue" in french
    assert "Memorando de entendimiento México–Canadá" in french
    assert "kb-fallback" not in html(built, "es", "agreements/mx-ca-sawp-mou-1974")


def test_agreement_and_mechanism_link_both_ways(built) -> None:
    assert 'href="../../agreements/mx-ca-sawp-mou-1974/"' in html(built, "es", "mechanisms/mx-ca-ptat")
    assert 'href="../../mechanisms/mx-ca-ptat/"' in html(built, "es", "agreements/mx-ca-sawp-mou-1974")


def test_each_language_has_its_own_search_index(built) -> None:
    entry = json.loads((built / "pagefind/pagefind-entry.json").read_text())
    pages = {lang: len(list((built / prefix).glob("**/index.html"))) - _other_languages(built, prefix) for lang, prefix in LANGUAGE_ROOTS.items()}
    counts = {lang: entry["languages"][lang]["page_count"] for lang in LANGUAGE_ROOTS}
    assert counts == pages  # every page of a language, and only those, is in that language's index
    assert set(entry["languages"]) == set(LANGUAGE_ROOTS)


def _other_languages(site: Path, prefix: str) -> int:
    if prefix:
        return 0
    return sum(len(list((site / p).glob("**/index.html"))) for p in ("en", "fr"))


def test_no_page_requests_anything_outside_the_site(built) -> None:
    for page in built.glob("**/*.html"):
        text = page.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//', text)
        assert not external, f"{page} loads an external resource"
        assert "fonts.googleapis" not in text and "api.github.com" not in text


def test_no_search_index_is_loaded_before_searching(built) -> None:
    page = html(built, "es", "mechanisms/mx-ca-ptat")
    assert "pagefind" not in re.sub(r"data-pagefind-(body|ignore)", "", page)
    assert "search_index.json" not in page


def test_failed_build_leaves_the_previous_site_untouched(site_root, capsys) -> None:
    site = site_root / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    record = site_root / "mechanisms/mx-ca-ptat.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("status: active", "status: alive"), encoding="utf-8")
    assert main(["--root", str(site_root), "build"]) == 1
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in site_root.iterdir() if p.name.startswith(".kb-build")) == []
    err = capsys.readouterr().err
    assert "mechanisms/mx-ca-ptat.yaml:17:9: status: 'alive' is not in content/taxonomies/statuses.yaml" in err
    assert "Traceback" not in err


def test_two_builds_of_the_same_tree_are_identical(site_root, tmp_path) -> None:
    # The second goes into folders that do not exist yet: the build makes them.
    first, second = build_site(site_root, tmp_path / "a"), build_site(site_root, tmp_path / "new" / "folder" / "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    different = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes() and f.name != "sitemap.xml.gz"]
    assert different == []


PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_contributed_markup_never_reaches_a_reader_as_code(site_root, tmp_path) -> None:
    record = site_root / "mechanisms/mx-ca-ptat.yaml"
    text = record.read_text(encoding="utf-8")
    text = text.replace(  # plain text: reaches <title>, <meta>, <h1> and the catalogue
        "  es: Programa de Trabajadores Agrícolas Temporales México–Canadá",
        f"  es: '{PAYLOAD} Programa'",
    )
    text = text.replace(  # rich text: Markdown subset, links, attribute-list syntax
        "  en: It began in **1974** with a memorandum between the two governments.",
        f"  en: '[x](javascript:alert(3)) {PAYLOAD} {{: onclick=alert(4)}}'",
    )
    text = text.replace("acronym: {es: PTAT,", "acronym: {es: '\"><svg onload=alert(5)>',")  # attribute break-out
    record.write_text(text, encoding="utf-8")
    site = build_site(site_root, tmp_path / "site")
    for page in site.glob("**/*.html"):
        html_text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html_text and "<svg onload" not in html_text, page
        assert not re.search(r"<[^>]*\son(?:error|click|load)\s*=", html_text), f"an event handler reached {page}"
        assert not re.search(r"""href\s*=\s*["']?javascript:""", html_text), f"a javascript: link reached {page}"
    spanish = html(site, "es", "mechanisms/mx-ca-ptat")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in spanish  # shown as text, not dropped
