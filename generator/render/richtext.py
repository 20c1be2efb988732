"""Contributors' rich text: a small Markdown subset turned into sanitised HTML.

Contributed text never reaches MkDocs as Markdown (where raw HTML and attribute syntax would
pass through): it is rendered here, cleaned with an allow-list, and embedded as finished HTML.

The Markdown is CommonMark, rendered by cmark-gfm's C library. Python-Markdown took over half
of the generator's time, and it read a wrapped line that begins with a year ("…desde\n2016.")
as a new numbered list item, dropping the year; CommonMark only lets a list starting at 1
interrupt a paragraph.
"""

from __future__ import annotations

import functools

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "code", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"https", "http", "mailto"}

# cmark's own "safe" mode would replace a whole HTML block (text included) with a comment and
# drop unsafe links silently; nh3 below is the one sanitiser, and it keeps the text of
# refused tags, so cmark passes everything on to it.
_CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE


@functools.lru_cache(maxsize=32768)  # country pages repeat the records' texts: keep a whole language
def to_html(text: str) -> str:
    """Markdown subset -> safe HTML: no raw HTML, no attributes but link targets."""
    rendered = cmarkgfm.markdown_to_html(text, options=_CMARK_OPTIONS).rstrip("\n")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
