"""Search in the real browser: each language finds only its own pages, accents and capitals
are optional, and a record is found by its name, acronym, country and sector."""

from __future__ import annotations

import unicodedata

import pytest

from .conftest import url

RECORD = "mx-ca-ptat"  # the README's example record
ALL_RESULTS = """async (query) => {
  const form = document.querySelector("form[data-kb-search]");
  const pagefind = await import(new URL(form.getAttribute("data-bundle"), document.baseURI).href + "pagefind.js");
  const found = await pagefind.search(query);
  return (await Promise.all(found.results.map((r) => r.data()))).map((d) => d.url);
}"""

# The status is written first, then the first results are fetched and listed (or "no results").
ANSWERED = """() => {
  const form = document.querySelector("form[data-kb-search]");
  const status = form.querySelector(".kb-search-status").textContent;
  return status !== "" && (status === form.getAttribute("data-none") || form.querySelector(".kb-search-results li") !== null);
}"""


def folded(text: str) -> str:
    """What people type on a phone: no accents, lower case."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def search(page, query: str) -> list[str]:
    """Type a query in the search page's form; return the result links shown."""
    page.fill("#kb-search-input", query)
    page.eval_on_selector(".kb-search-status", "status => { status.textContent = ''; }")
    page.press("#kb-search-input", "Enter")
    page.wait_for_function(ANSWERED)
    return page.eval_on_selector_all(".kb-search-results a", "links => links.map((a) => a.getAttribute('href'))")


def in_language(links: list[str], language: str) -> bool:
    if language == "es":
        return all(link.startswith("/") and not link.startswith(("/en/", "/fr/")) for link in links)
    return all(link.startswith(f"/{language}/") for link in links)


def queries(kb, language: str) -> dict[str, str]:
    record = kb.mechanisms[RECORD]

    def text(value) -> str:
        return value.get(language) or value.es

    return {
        "name": text(record.name),
        "acronym": text(record.acronym),
        "country": text(kb.taxonomies["countries"][record.destination_countries[0]].label),
        "sector": text(kb.taxonomies["sectors"][record.sectors[0]].label),
    }


@pytest.mark.parametrize("language", ["es", "en", "fr"])
def test_a_record_is_found_by_name_acronym_country_and_sector_with_or_without_accents(kb, server, watched, language) -> None:
    context, watch = watched
    page = context.new_page()
    page.goto(url(server, language, "search/"))
    record_url = f"/{'' if language == 'es' else language + '/'}mechanisms/{RECORD}/"
    for kind, typed in queries(kb, language).items():
        for query in dict.fromkeys([typed, folded(typed)]):
            shown = search(page, query)
            everything = page.evaluate(ALL_RESULTS, query)
            assert shown, f"{language}: nothing found for {query!r} ({kind})"
            assert in_language(shown, language) and in_language(everything, language), f"{language}: {query!r} found another language"
            assert record_url in everything, f"{language}: {query!r} ({kind}) does not find {record_url}"
            if kind in ("name", "acronym"):
                assert record_url in shown[:5], f"{language}: {query!r} ({kind}) ranks {record_url} below the first five: {shown}"
    assert watch.problems == []


@pytest.mark.parametrize("language", ["es", "en", "fr"])
def test_each_language_finds_only_its_own_pages(server, watched, language) -> None:
    context, _ = watched
    page = context.new_page()
    page.goto(url(server, language, "search/"))
    for query in ("canada", "mexico", "ptat", "guatemala"):
        shown = search(page, query)
        assert shown and in_language(shown, language), (query, shown)
        assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize(("accented", "plain"), [("migración", "migracion"), ("agrícola", "agricola"), ("Canadá", "canada"), ("PTAT", "ptat")])
def test_accents_and_capitals_are_optional_in_spanish(server, watched, accented, plain) -> None:
    context, _ = watched
    page = context.new_page()
    page.goto(url(server, "es", "search/"))
    assert search(page, plain), f"nothing found for {plain!r}"
    assert sorted(page.evaluate(ALL_RESULTS, plain)) == sorted(page.evaluate(ALL_RESULTS, accented))


def test_a_query_in_the_address_is_searched_on_arrival(server, watched) -> None:
    context, _ = watched
    page = context.new_page()
    page.goto(url(server, "fr", "search/?q=ptas"))
    page.wait_for_selector(".kb-search-results li")
    assert page.input_value("#kb-search-input") == "ptas"
    links = page.eval_on_selector_all(".kb-search-results a", "links => links.map((a) => a.getAttribute('href'))")
    assert f"/fr/mechanisms/{RECORD}/" in links


def test_results_come_five_at_a_time_and_more_loads_the_next_five(server, watched) -> None:
    context, _ = watched
    page = context.new_page()
    page.goto(url(server, "es", "search/"))
    assert not page.is_visible(".kb-search-more")  # nothing to show more of before a search
    page.fill("#kb-search-input", "honduras")
    page.click("form[data-kb-search] button[type=submit]")
    page.wait_for_selector(".kb-search-results li")
    total = int(page.inner_text(".kb-search-status").split()[0])
    assert total > 5
    assert page.locator(".kb-search-results li").count() == 5
    page.click(".kb-search-more")
    page.wait_for_function("document.querySelectorAll('.kb-search-results li').length > 5")
    assert page.locator(".kb-search-results li").count() == min(10, total)


@pytest.mark.parametrize("language", ["es", "en", "fr"])
def test_headings_repeated_on_every_record_do_not_make_every_record_a_result(kb, server, watched, language) -> None:
    # Searching for a section heading used to find every record (each page has it), and the
    # words of those headings filled the index every search downloads. They are left out.
    context, _ = watched
    page = context.new_page()
    page.goto(url(server, language, "search/"))
    heading = kb.ui[language]["h_complaints"]
    found = [link for link in page.evaluate(ALL_RESULTS, heading) if "/mechanisms/" in link and not link.endswith("/mechanisms/")]
    assert len(found) < len(kb.mechanisms) // 2, f"{language}: {heading!r} finds {len(found)} of {len(kb.mechanisms)} records"
