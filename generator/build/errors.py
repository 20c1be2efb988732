from __future__ import annotations


class BuildError(Exception):
    """MkDocs or Pagefind failed; the message says what they reported."""
