"""Problems as GitHub Actions workflow commands, so each appears on its exact YAML line in a
pull request (`::error file=…,line=…,col=…::field: message`).

GitHub reads a workflow command up to the end of the line and splits its properties on `,`
and `:`; so, as its toolkit does, `%`, CR and LF are percent-encoded in the message, and `:` and
`,` as well in property values."""

from __future__ import annotations

import os
from collections.abc import Mapping

from generator.problems import Problem

LEVELS = ("error", "warning", "notice")


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, level: str = "error") -> str:
    if level not in LEVELS:
        raise ValueError(f"'{level}' is not an annotation level; expected one of: {', '.join(LEVELS)}")
    message = _field_and_message(problem)
    where = f"file={escape_property(problem.path)},line={problem.line},col={problem.column}"
    return f"::{level} {where}::{escape_data(message)}"


def running_in_github_actions(environ: Mapping[str, str] | None = None) -> bool:
    """GitHub sets GITHUB_ACTIONS=true in every step of a workflow run."""
    return (os.environ if environ is None else environ).get("GITHUB_ACTIONS") == "true"


def plain(problem: Problem, level: str = "error") -> str:
    """The line a person reads in a terminal; warnings say so after the place."""
    if level == "error":
        return str(problem)
    return str(Problem(problem.path, problem.line, problem.column, level, _field_and_message(problem)))


def _field_and_message(problem: Problem) -> str:
    return f"{problem.field}: {problem.message}" if problem.field else problem.message
