"""Material's language selector, as a reader uses it: from a record to the same record in the
other language, on a desktop screen and on a phone."""

from __future__ import annotations

import pytest

from .conftest import url
from .test_search import RECORD

PAIRS = [(a, b) for a in ("es", "en", "fr") for b in ("es", "en", "fr") if a != b]
PHONE = {"width": 360, "height": 740}


@pytest.mark.parametrize(("start", "target"), PAIRS)
def test_switching_language_keeps_the_same_record(kb, server, watched, start, target) -> None:
    context, watch = watched
    page = context.new_page()
    page.goto(url(server, start, f"mechanisms/{RECORD}/"))
    switch_language(page, target)
    assert page.url == url(server, target, f"mechanisms/{RECORD}/")
    assert page.locator("html").get_attribute("lang") == target
    name = kb.mechanisms[RECORD].name
    assert (name.get(target) or name.es) in page.locator("h1").inner_text()
    assert watch.problems == []


def test_switching_language_on_a_phone(kb, browser, server) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(url(server, "en", f"mechanisms/{RECORD}/"))
        switch_language(page, "es", tap=True)
        assert page.url == url(server, "es", f"mechanisms/{RECORD}/")
        assert kb.mechanisms[RECORD].name.es in page.locator("h1").inner_text()
    finally:
        context.close()


def switch_language(page, language: str, tap: bool = False) -> None:
    """Open the selector (hover on a desktop, tap on a phone) and choose the language."""
    button = page.locator(".md-select button")
    button.tap() if tap else button.hover()
    with page.expect_navigation():
        page.locator(f"a.md-select__link[hreflang={language}]").click()
