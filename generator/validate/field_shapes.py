"""What each field of a record model looks like, read from the models themselves.

The skeleton written by `python -m generator new` and the field reference on the site are both
generated from this, so neither can drift from what the validator accepts."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal, Union

from annotated_types import MinLen
from pydantic import AfterValidator, BaseModel

from generator.validate.fields import UNKNOWN, RichText, Text

# The validator function of each value type in fields.py -> the kind of value it accepts.
VALUE_KINDS = {
    "_slug": "id",
    "_country_code": "country",
    "_year": "year",
    "_calendar_date": "date",
    "_partial_date": "partial-date",
    "_url": "url",
    "_gcm_objective": "gcm-objective",
    "_not_blank": "text",
}


@dataclass(frozen=True)
class Shape:
    """kind: 'model', 'choice', 'number' or a value kind from VALUE_KINDS."""

    kind: str
    model: type[BaseModel] | None = None
    choices: tuple[str, ...] = ()
    is_list: bool = False
    unknown: bool = False  # the word `unknown` is also accepted

    @property
    def is_text(self) -> bool:
        return self.model is not None and issubclass(self.model, Text)

    @property
    def is_rich_text(self) -> bool:
        return self.model is not None and issubclass(self.model, RichText)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    description: str
    required: bool
    min_items: int
    shape: Shape


def fields_of(model: type[BaseModel]) -> list[FieldSpec]:
    """Every field of the model, in declaration order."""
    specs = []
    for name, info in model.model_fields.items():
        min_items = next((m.min_length for m in info.metadata if isinstance(m, MinLen)), 0)
        specs.append(FieldSpec(name, info.description or "", info.is_required(), min_items, shape_of(info.annotation, info.metadata)))
    return specs


def nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """Models used inside `model` (depth first, each once, in the order fields name them)."""
    found: list[type[BaseModel]] = []

    def visit(current: type[BaseModel]) -> None:
        for spec in fields_of(current):
            inner = spec.shape.model
            if inner is not None and inner not in found:
                found.append(inner)
                visit(inner)

    visit(model)
    return found


def shape_of(annotation: Any, metadata: typing.Sequence[Any] = ()) -> Shape:
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *extra = typing.get_args(annotation)
        return shape_of(base, [*metadata, *extra])
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        known = [a for a in options if not _is_unknown_word(a)]
        inner = shape_of(known[0], metadata)
        return replace(inner, unknown=inner.unknown or len(known) < len(options))
    if origin is list:
        return replace(shape_of(typing.get_args(annotation)[0]), is_list=True)
    if origin is Literal:
        values = typing.get_args(annotation)
        return Shape("choice", choices=tuple(v for v in values if v != UNKNOWN), unknown=UNKNOWN in values)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("model", model=annotation)
    if annotation is int:
        return Shape("number")
    names = [m.func.__name__ for m in metadata if isinstance(m, AfterValidator)]
    return Shape(next((VALUE_KINDS[n] for n in names if n in VALUE_KINDS), "text"))


def _is_unknown_word(annotation: Any) -> bool:
    """The `Literal['unknown']` branch that maybe() adds."""
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return typing.get_origin(annotation) is Literal and typing.get_args(annotation) == (UNKNOWN,)
