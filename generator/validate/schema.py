"""Check one document against its model, turning pydantic's errors into located problems
written for contributors: the field, the bad value, and what is expected."""

from __future__ import annotations

import difflib
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, Discriminator, ValidationError

from generator.load.strict_yaml import Document
from generator.problems import Problem, printable, shorten
from generator.validate.fields import UNKNOWN

Model = TypeVar("Model", bound=BaseModel)
_BRANCH_TAGS = {UNKNOWN, "known"}  # loc parts added by maybe(); not real fields


def check(doc: Document, model: type[Model]) -> tuple[Model | None, list[Problem]]:
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        return None, [Problem(doc.path, 1, 1, "", f"the file holds {kind}; expected a mapping of fields (name: value)")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as error:
        return None, [_problem(doc, model, e) for e in error.errors(include_url=False)]


def _problem(doc: Document, model: type[BaseModel], error: dict[str, Any]) -> Problem:
    data_path = _without_branch_tags(model, error["loc"])
    kind = error["type"]
    at_key = kind == "extra_forbidden"
    line, column = doc.locate(data_path, key=at_key)
    field = _dotted(data_path)
    if kind == "missing":
        line, column = doc.locate(data_path[:-1])
    message = _message(kind, error, data_path, model)
    return Problem(doc.path, line, column, field or "(file)", message)


def _without_branch_tags(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """pydantic puts the branch a maybe(...) value took ('known' or 'unknown') after the field
    name; drop it there, and only there, since a contributor may also write a key 'unknown'."""
    path: list[Any] = []
    current: Any = model
    after_maybe = False
    for part in loc:
        if after_maybe and part in _BRANCH_TAGS:
            after_maybe = False
            continue
        path.append(part)
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        after_maybe = part in fields and _has_discriminator(fields[part])
        current = _inner_model(fields[part].annotation) if part in fields else None
    return tuple(path)


def _has_discriminator(info: Any) -> bool:
    def search(node: Any) -> bool:
        return isinstance(node, Discriminator) or any(search(a) for a in typing.get_args(node))
    return any(search(m) for m in info.metadata) or search(info.annotation)


def _dotted(data_path: tuple[Any, ...]) -> str:
    text = ""
    for part in data_path:
        part = part if isinstance(part, int) else printable(str(part))
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _message(kind: str, error: dict[str, Any], data_path: tuple[Any, ...], model: type[BaseModel]) -> str:
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "required field is missing; add it (write 'unknown' if no source gives it)"
    if kind == "extra_forbidden":
        return _unknown_field(str(data_path[-1]), _allowed_fields(model, data_path[:-1]))
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        return f"{_describe(value)} is not allowed; expected one of: {ctx.get('expected', '').replace(chr(39), '')}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if _allowed_fields(model, data_path) == ["es", "en", "fr"]:
            return f"expected the text in each language (es: …, en: …, fr: …), got {_describe(value)}"
        return f"expected a mapping of fields (name: value), got {_describe(value)}"
    if kind == "list_type":
        if _allowed_fields(model, data_path):  # a list of entries, like sources
            return f"expected a list of entries, each starting with '- ', got {_describe(value)}"
        return f"expected a list, e.g. [MX, GT], got {_describe(value)}"
    if kind == "string_type":
        return f"expected text, got {_describe(value)}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length', 1)} item(s)"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{shorten(value)} is not a whole number; expected e.g. 1"
    if kind == "greater_than_equal":
        return f"{shorten(value)} is too small; expected {ctx.get('ge')} or more"
    return f"{error['msg']} (got {_describe(value)})"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return shorten(value)


def _unknown_field(name: str, allowed: list[str]) -> str:
    message = f"unknown field {shorten(name)}"
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean '{close[0]}'?"
    return f"{message}; allowed here: {', '.join(allowed)}" if allowed else message


def _allowed_fields(model: type[BaseModel], data_path: tuple[Any, ...]) -> list[str]:
    """Field names of the model found by following data_path from the record's model."""
    current: Any = model
    for part in data_path:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside list[...], Optional[...], Annotated[...] or maybe(...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _inner_model(argument)
        if found is not None:
            return found
    return None
