"""One page of every kind, in every language, opened in Chromium: no console error, no
failed or broken request, and not one request outside the site (no fonts, CDNs or APIs)."""

from __future__ import annotations

from pathlib import Path

from .conftest import url


def one_page_of_each_kind(site: Path) -> list[str]:
    """Site paths, one per (language, section, depth): the home page, each catalogue, one record
    of each type, one country, statistics, the narrative pages, search, the 404 page."""
    chosen: dict[tuple[str, ...], str] = {}
    for page in sorted(site.rglob("*.html")):
        parts = page.relative_to(site).parts
        language = parts[0] if parts[0] in ("en", "fr") else "es"
        inner = parts[1:] if language != "es" else parts
        key = (language, inner[0], str(len(inner)))
        chosen.setdefault(key, page.relative_to(site).as_posix().removesuffix("index.html"))
    return sorted(chosen.values())


def test_no_page_logs_an_error_or_requests_anything_outside_the_site(site, server, watched) -> None:
    context, watch = watched
    page = context.new_page()
    paths = one_page_of_each_kind(site)
    assert {"", "en/", "fr/", "mechanisms/", "en/search/", "fr/statistics/", "404.html"} <= set(paths)
    for path in paths:
        page.goto(server.url + path, wait_until="load")
    assert watch.problems == []
    assert watch.outside() == []
    assert len(watch.requests) >= len(paths)


def test_searching_and_filtering_stay_inside_the_site(server, watched) -> None:
    context, watch = watched
    page = context.new_page()
    for language in ("es", "en", "fr"):
        page.goto(url(server, language, "search/?q=canada"))
        page.wait_for_selector(".kb-search-results li")
        page.goto(url(server, language, "mechanisms/?destination=CA"))
        page.wait_for_selector("table[data-kb-catalogue]")
    assert watch.problems == []
    assert watch.outside() == []
    assert any("/pagefind/" in request for request in watch.requests)


def test_a_record_page_downloads_no_search_index(server, watched) -> None:
    context, watch = watched
    page = context.new_page()
    page.goto(url(server, "es", "mechanisms/mx-ca-ptat/"), wait_until="networkidle")
    page.goto(url(server, "en", "mechanisms/"), wait_until="networkidle")
    assert [r for r in watch.requests if "pagefind" in r or "search_index" in r] == []
