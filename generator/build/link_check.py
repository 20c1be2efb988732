"""Internal link check over a built site: every relative `href` and `src` in every HTML file
must lead to a file of the site, and every `#anchor` to an element with that id.

MkDocs' strict build catches a missing page in Markdown, but not a bad link written by a
template, a script path or an anchor in generated HTML; this reads what readers will get.
External addresses (with a scheme or `//host`) are left to the scheduled external check."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = ("href", "src")
ERROR_PAGE = "404.html"
# Fragments a browser handles without any element: the top of the page (HTML standard).
IMPLICIT_FRAGMENTS = {"", "top"}


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # the HTML file, relative to the site
    url: str  # the link as written
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url!r}: {self.reason}"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRIBUTES:
                self.links.append(value.strip())
            elif name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)


def check_site(site: Path, base_path: str | None = None) -> list[BrokenLink]:
    """Every broken internal link in the site, sorted.

    `base_path` is where the site is served (e.g. '/repo/' for a project site), for links written
    from the server root. MkDocs writes those only in error pages, and only knows the server
    root when site_url is set; so without a base path, such links in error pages are skipped
    and elsewhere resolved from the site folder."""
    site = site.resolve()
    if not site.is_dir():
        raise FileNotFoundError(f"{site} is not a folder; build the site first (python3 dev.py build)")
    pages: dict[Path, _Page] = {}
    broken = []
    for path in sorted(site.rglob("*.html")):
        page = _parsed(path, pages)
        for url in page.links:
            reason = _problem(site, path, url, base_path, pages)
            if reason:
                broken.append(BrokenLink(path.relative_to(site).as_posix(), url, reason))
    return sorted(set(broken))


def _parsed(path: Path, pages: dict[Path, _Page]) -> _Page:
    if path not in pages:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        page.close()
        pages[path] = page
    return pages[path]


def _problem(site: Path, page: Path, url: str, base_path: str, pages: dict[Path, _Page]) -> str | None:
    parts = urlsplit(url)
    if parts.scheme:
        return None  # external, mailto:, tel: … (the validator lets records link only to https, http and mailto)
    if url.startswith("//"):
        return "protocol-relative address ('//…'); write a relative path, or https:// for another site"
    if parts.path.startswith("/") and base_path is None and page.name == ERROR_PAGE:
        return None  # where the server root is depends on the deploy (SITE_URL); see the docstring
    target = _target(site, page, unquote(parts.path), base_path or "/")
    if isinstance(target, str):
        return target
    fragment = unquote(parts.fragment)
    if fragment.lower() in IMPLICIT_FRAGMENTS or target.suffix != ".html":
        return None
    if fragment not in _parsed(target, pages).ids:
        return f"no element with id '{fragment}' in {target.relative_to(site).as_posix()}"
    return None


def _target(site: Path, page: Path, path: str, base_path: str) -> Path | str:
    """The file a link path leads to, or the reason it leads nowhere."""
    if not path:
        return page
    if path.startswith("/"):
        base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        if not (path + "/").startswith(base) and path != base.rstrip("/"):
            return f"absolute path outside the site (served at {base})"
        relative = path[len(base):] if path.startswith(base) else ""
    else:
        relative = posixpath.join(page.parent.relative_to(site).as_posix(), path)
    normal = posixpath.normpath(relative) if relative else "."
    if normal == ".." or normal.startswith("../"):
        return "leads outside the site"
    target = site / normal
    if path.endswith("/") or target.is_dir():  # a directory URL is served by its index.html
        target = target / "index.html"
    if not target.is_file():
        return f"no file {target.relative_to(site).as_posix()}"
    return target
