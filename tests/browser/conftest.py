"""Session fixtures for the browser tests: the repository's own site, built once into a
temporary folder, served on 127.0.0.1, and one headless Debian Chromium driven by Playwright.

Without Chromium the tests skip with the reason (or fail when CI is set: CI must run them)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.build.site import build_site
from generator.validate.knowledge_base import KnowledgeBase, validate

from .support import CHROMIUM, CHROMIUM_ARGS, SiteServer, browser_unavailable, in_ci

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def browser_ready() -> None:
    reason = browser_unavailable()
    if reason is None:
        return
    if in_ci():
        pytest.fail(f"CI is set, so the browser tests must run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return validate(REPO)


@pytest.fixture(scope="session")
def site(browser_ready: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site (the repository's own records), as readers get it."""
    return build_site(REPO, tmp_path_factory.mktemp("browser") / "site")


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[SiteServer]:
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def browser(server: SiteServer):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """Everything one browser context asked for or complained about."""

    origin: str
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith((self.origin, "data:", "blob:"))]


@pytest.fixture
def watched(browser, server: SiteServer):
    """A new context (no cache, no cookies) whose every request and error is recorded."""
    context = browser.new_context()
    watch = Watch(origin=server.url)
    context.on("request", lambda request: watch.requests.append(request.url))
    context.on("console", lambda message: _console(watch, message))
    context.on("weberror", lambda error: watch.problems.append(f"uncaught: {error.error}"))
    context.on("response", lambda response: response.status >= 400 and watch.problems.append(f"HTTP {response.status}: {response.url}"))
    context.on("requestfailed", lambda request: _failed(watch, request))
    yield context, watch
    context.close()


def _console(watch: Watch, message) -> None:
    if message.type == "error":
        watch.problems.append(f"console error on {message.page.url if message.page else '?'}: {message.text}")


def _failed(watch: Watch, request) -> None:
    # Leaving a page cancels what it was still fetching (Material's sitemap look-up): not a fault.
    if request.failure != "net::ERR_ABORTED":
        watch.problems.append(f"failed: {request.url} ({request.failure})")


def url(server: SiteServer, language: str, path: str) -> str:
    prefix = "" if language == "es" else f"{language}/"
    return f"{server.url}{prefix}{path}"
