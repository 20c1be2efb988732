"""Everything language-specific the templates need: interface strings, record text with the
Spanish fallback for missing French, taxonomy labels, and links between pages."""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.render.richtext import to_html
from generator.validate.fields import UNKNOWN, Text
from generator.validate.knowledge_base import KnowledgeBase

FALLBACK_LANGUAGE = "es"


@dataclass
class Localizer:
    """Per-language helpers; `fell_back` records whether the current page used a fallback."""

    language: str
    kb: KnowledgeBase
    page: str = "index.md"
    fell_back: bool = False
    ui: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.ui = self.kb.ui[self.language]

    def start_page(self, page: str) -> None:
        self.page = page
        self.fell_back = False

    def text(self, value: Text | str | None) -> str:
        """Plain text in this language (escaped later by the template), or 'unknown' wording."""
        if value is None or value == UNKNOWN:
            return self.ui["unknown"]
        assert isinstance(value, Text)
        localized = value.get(self.language)
        if localized is None:
            self.fell_back = True
            localized = value.get(FALLBACK_LANGUAGE)
        return localized or ""

    def rich(self, value: Text | str | None) -> Markup:
        """Rich text rendered from the Markdown subset and sanitised."""
        if value is None or value == UNKNOWN:
            return Markup("<p>{}</p>").format(self.ui["unknown"])
        return Markup(to_html(self.text(value)))

    def term(self, taxonomy: str, term_id: str) -> str:
        if term_id == UNKNOWN and term_id not in self.kb.taxonomies[taxonomy]:
            return self.ui["unknown"]
        return self.text(self.kb.taxonomies[taxonomy][term_id].label)

    def terms(self, taxonomy: str, term_ids: list[str]) -> str:
        return ", ".join(self.term(taxonomy, term_id) for term_id in term_ids)

    def value(self, raw: str | None) -> str:
        """A plain value that may be 'unknown' (dates, years)."""
        return self.ui["unknown"] if raw in (None, UNKNOWN) else str(raw)

    def url(self, target: str) -> str:
        """Relative link from the current page to another docs page (directory URLs)."""
        return relative_url(self.page, target)


def page_directory(docs_path: str) -> str:
    """'mechanisms/x.md' -> 'mechanisms/x', 'mechanisms/index.md' -> 'mechanisms', 'index.md' -> ''."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index").rstrip("/")
    return stem


@functools.lru_cache(maxsize=65536)  # pages link to the same few targets thousands of times
def relative_url(source: str, target: str) -> str:
    target_dir, _, anchor = page_directory(target.split("#")[0]), "", target.partition("#")[2]
    link = posixpath.relpath(target_dir or ".", page_directory(source) or ".")
    link = "./" if link == "." else link + "/"
    return f"{link}#{anchor}" if anchor else link
