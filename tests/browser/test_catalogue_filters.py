"""The mechanism catalogue's filters: they narrow the table, the count follows, and the address
reproduces the view; without JavaScript the whole table is there."""

from __future__ import annotations

from .conftest import url

VISIBLE_ROWS = "table[data-kb-catalogue] tbody tr:not([hidden])"


def visible(page) -> list[str]:
    return page.eval_on_selector_all(VISIBLE_ROWS, "rows => rows.map((r) => r.querySelector('a').getAttribute('href'))")


def attribute_of_visible(page, name: str) -> list[str]:
    return page.eval_on_selector_all(VISIBLE_ROWS, f"rows => rows.map((r) => r.getAttribute('data-{name}'))")


def test_filters_narrow_the_table_and_the_address_reproduces_the_view(server, watched) -> None:
    context, watch = watched
    page = context.new_page()
    page.goto(url(server, "en", "mechanisms/"))
    everything = visible(page)
    assert len(everything) > 3
    page.locator("form[data-kb-filters] summary").click()

    page.select_option("select[name=destination]", "CA")
    to_canada = visible(page)
    assert 0 < len(to_canada) < len(everything)
    assert all("CA" in codes.split() for codes in attribute_of_visible(page, "destination"))
    assert "destination=CA" in page.url

    page.check("input[type=checkbox][name=fees]")
    narrower = visible(page)
    assert set(narrower) <= set(to_canada)
    assert all(covered in ("yes", "partial") for covered in attribute_of_visible(page, "fees"))
    count = page.inner_text(".kb-filter-count")
    assert str(len(narrower)) in count and str(len(everything)) in count

    shared = page.url
    assert "fees=yes" in shared
    again = context.new_page()
    again.goto(shared)
    assert visible(again) == narrower
    assert again.input_value("select[name=destination]") == "CA"
    assert again.is_checked("input[type=checkbox][name=fees]")

    page.select_option("select[name=destination]", "")
    page.uncheck("input[type=checkbox][name=fees]")
    assert visible(page) == everything
    assert page.url.endswith("/en/mechanisms/")
    assert watch.problems == []


def test_an_unknown_filter_value_in_the_address_is_ignored(server, watched) -> None:
    context, _ = watched
    page = context.new_page()
    page.goto(url(server, "es", "mechanisms/?destination=%22%3E%3Cimg%20src%3Dx%3E&sector=agriculture"))
    assert page.input_value("select[name=destination]") == ""
    assert all("agriculture" in codes.split() for codes in attribute_of_visible(page, "sector"))
    assert page.locator("table img").count() == 0


def test_without_javascript_the_whole_table_is_shown(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url(server, "fr", "mechanisms/?destination=CA"))
        rows = page.locator("table[data-kb-catalogue] tbody tr")
        assert rows.count() == page.locator(VISIBLE_ROWS).count() > 3
        assert page.locator("form[data-kb-filters]").is_hidden()
    finally:
        context.close()
