"""The one error type a contributor sees: a located problem in an input file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, located to the line and column (both 1-based)."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class InputError(Exception):
    """Raised when input files have problems; carries all of them, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def shorten(value: object, limit: int = 60) -> str:
    """Quote a contributor's value for a message, cut so one bad line stays readable."""
    text = printable(value if isinstance(value, str) else repr(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def printable(text: str) -> str:
    """Text for a one-line message: a line break, tab or other invisible character in a
    contributor's key or value is shown as its escape (\\n, \\t, \\x1b)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
