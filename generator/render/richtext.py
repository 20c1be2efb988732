"""Contributors' rich text: a small Markdown subset turned into sanitised HTML.

Contributed text never reaches MkDocs as Markdown (where raw HTML and attribute syntax would
pass through): it is rendered here, cleaned with an allow-list, and embedded as finished HTML.
"""

from __future__ import annotations

import functools

import markdown
import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "code", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"https", "http", "mailto"}


_MARKDOWN = markdown.Markdown(extensions=[], output_format="html")  # built once: building is costly


@functools.lru_cache(maxsize=4096)  # country and phase pages repeat the records' texts
def to_html(text: str) -> str:
    """Markdown subset -> safe HTML: no raw HTML, no attributes but link targets."""
    rendered = _MARKDOWN.reset().convert(text)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
