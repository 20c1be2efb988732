"""PyYAML's error messages, rewritten so a contributor knows where to look and what to change.

PyYAML names the place where it gave up, which for an unclosed quote or bracket is the end of
the file; the useful place is where the quote or bracket was opened."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

Location = tuple[int, int]
Located = tuple[int, int, str]  # line, column, message

# What PyYAML was reading when it gave up -> what was left open.
_OPENED = {"quoted scalar": ("quote", "the closing quote"), "flow sequence": ("'['", "']'"), "flow mapping": ("'{'", "'}'")}
_HINTS = {  # the first key found in PyYAML's problem text gives the hint
    "mapping values are not allowed": "if the text contains ': ', put it in quotes; otherwise check the indentation",
    "unknown escape character": "inside double quotes a backslash starts an escape; use single quotes, or write \\\\",
    "found ']'": "nothing is open here for it to close; remove it",
    "found '}'": "nothing is open here for it to close; remove it",
    "expected <block end>": "check the indentation of this line",
    "cannot start any token": "put the text in quotes",
}
TAB_HINT = "YAML does not allow tabs for indentation, use spaces"


def at(mark: Any) -> Location:
    return (mark.line + 1, mark.column + 1)


def syntax_error(err: yaml.MarkedYAMLError, text: str, last_quoted: Any = None) -> Located:
    """Where a syntax error should be reported, and what to say. last_quoted is the last quoted
    text read before the error: one that ran over several lines may have swallowed them."""
    unclosed = _unclosed(err) or _runaway_quote(err, last_quoted)
    if unclosed:
        return unclosed
    mark = err.problem_mark or err.context_mark
    line, column = at(mark) if mark else (1, 1)
    problem, context = err.problem or "", err.context or ""
    message = f"YAML syntax error: {problem or context}" + (f" ({context})" if problem and context else "")
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        return line, column, f"{message}; {TAB_HINT}"
    hint = next((hint for key, hint in _HINTS.items() if key in problem), None)
    return line, column, f"{message}; {hint}" if hint else message


def _unclosed(err: yaml.MarkedYAMLError) -> Located | None:
    """A quote or bracket still open at the end of the file, or a bracket still open on a later line."""
    opened = next((o for construct, o in _OPENED.items() if construct in (err.context or "")), None)
    if opened is None or err.context_mark is None or err.problem_mark is None:
        return None
    what, closer = opened
    if "end of stream" in (err.problem or "") or "<stream end>" in (err.problem or ""):
        return (*at(err.context_mark), f"YAML syntax error: the {what} opened here is never closed; add {closer}")
    if err.problem_mark.line > err.context_mark.line and what != "quote":
        still = at(err.problem_mark)
        return (*at(err.context_mark), f"YAML syntax error: the {what} opened here is still open at line {still[0]}; add {closer}")
    return None


def _runaway_quote(err: yaml.MarkedYAMLError, quoted: Any) -> Located | None:
    if quoted is None or err.problem_mark is None or quoted.end_mark.line != err.problem_mark.line:
        return None
    end = quoted.end_mark.line + 1
    return (*at(quoted.start_mark), f"YAML syntax error: the quote opened here runs on to line {end}; is its closing quote missing?")


def reader_error(err: yaml.reader.ReaderError, text: str) -> Located:
    """A character YAML does not accept anywhere in a file (a control character)."""
    position = max(0, min(err.position, len(text)))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column, f"{describe_character(err.character)} is not allowed in a YAML file; remove it"


def describe_character(character: str | int) -> str:
    code = character if isinstance(character, int) else ord(character)
    category = unicodedata.category(chr(code))
    kind = {"Cc": "a control character", "Cs": "half of a surrogate pair"}.get(category, "not a character")
    return f"the character U+{code:04X} ({kind})"


# Control characters and unpaired surrogates can only arrive through escapes such as "\x1b",
# "\r" or "\ud800": they would reach terminals (a carriage return can hide the start of an
# error message), HTML and files. Tabs and line feeds are text.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def forbidden_character(value: str) -> str | None:
    """The first character of value that no text should hold, else None."""
    found = _FORBIDDEN.search(value)
    return found.group() if found else None
