"""A strict YAML reader for contributed files.

PyYAML's safe loader keeps the last of two equal keys, expands aliases (a few hundred bytes
can become gigabytes) and turns `NO`, `1.10`, `012`, `12:30` and `2019-03-01` into booleans,
numbers and dates. This reader walks PyYAML's event stream instead, so:

- every scalar stays the text the contributor typed; the models convert and reject;
- duplicate keys, anchors, aliases, explicit tags and several documents are errors;
- every value keeps its line and column, so a later error can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.problems import InputError, Problem, shorten

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 20  # records nest four levels at most; deeper input is a mistake or an attack
Location = tuple[int, int]
DataPath = tuple[str | int, ...]


@dataclass
class Document:
    """The data of one file, and the position of each value and each mapping key in it."""

    path: str
    data: Any
    values: dict[DataPath, Location] = field(default_factory=dict)
    keys: dict[DataPath, Location] = field(default_factory=dict)

    def locate(self, data_path: DataPath, *, key: bool = False) -> Location:
        """Position of the value (or its key) at data_path, else of its closest parent."""
        table = self.keys if key else self.values
        for end in range(len(data_path), -1, -1):
            prefix = data_path[:end]
            if prefix in table:
                return table[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)


def load_file(path: Path, display: str) -> Document:
    """Read one YAML file strictly; raise InputError with a located problem if it is bad."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _fail(display, 1, 1, f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
    return load_bytes(path.read_bytes(), display)


def load_bytes(raw: bytes, display: str) -> Document:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise _fail(display, 1, 1, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    text = _decode(raw, display)
    if not text.strip():
        raise _fail(display, 1, 1, "the file is empty; expected a mapping of fields")
    return _Reader(display, text).read()


def _decode(raw: bytes, display: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = err.start - (before.rfind(b"\n") + 1) + 1
        bad = raw[err.start : err.start + 1].hex()
        raise _fail(display, line, column, f"byte 0x{bad} is not UTF-8; save the file as UTF-8") from None


def _fail(display: str, line: int, column: int, message: str) -> InputError:
    return InputError([Problem(display, line, column, "", message)])


def _at(mark: Any) -> Location:
    return (mark.line + 1, mark.column + 1)


class _Reader:
    """Builds plain data (dict, list, str) from PyYAML events, recording positions."""

    def __init__(self, display: str, text: str):
        self.display = display
        self.text = text
        self.doc = Document(display, None)

    def read(self) -> Document:
        try:
            events = list(yaml.parse(self.text, Loader=yaml.SafeLoader))
        except yaml.MarkedYAMLError as err:
            raise self._syntax_error(err) from None
        except yaml.YAMLError as err:  # reader errors, e.g. control characters
            raise _fail(self.display, 1, 1, f"not valid YAML: {err}") from None
        documents = [e for e in events if isinstance(e, yaml.DocumentStartEvent)]
        if len(documents) > 1:
            raise _fail(self.display, *_at(documents[1].start_mark), "only one YAML document per file; remove '---'")
        self.events = iter(events[2:])  # skip StreamStart, DocumentStart
        self.doc.data = self._node(next(self.events), ())
        return self.doc

    def _syntax_error(self, err: yaml.MarkedYAMLError) -> InputError:
        mark = err.problem_mark or err.context_mark
        line, column = _at(mark) if mark else (1, 1)
        message = f"YAML syntax error: {err.problem or err.context}"
        if err.context and err.problem:
            message += f" ({err.context})"
        lines = self.text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            message += "; YAML does not allow tabs for indentation, use spaces"
        return _fail(self.display, line, column, message)

    def _node(self, event: Any, data_path: DataPath) -> Any:
        self._refuse_special(event)
        if len(data_path) > MAX_DEPTH:
            raise _fail(self.display, *_at(event.start_mark), f"nested more than {MAX_DEPTH} levels deep")
        self.doc.values[data_path] = _at(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(data_path)
        return self._mapping(data_path)

    def _refuse_special(self, event: Any) -> None:
        line, column = _at(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            raise _fail(self.display, line, column, f"aliases (*{event.anchor}) are not allowed; write the value out")
        if event.anchor is not None:
            raise _fail(self.display, line, column, f"anchors (&{event.anchor}) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise _fail(self.display, line, column, f"tags ({tag}) are not allowed; write a plain value")

    def _sequence(self, data_path: DataPath) -> list[Any]:
        items: list[Any] = []
        for event in self.events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            items.append(self._node(event, (*data_path, len(items))))
        return items

    def _mapping(self, data_path: DataPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for event in self.events:
            if isinstance(event, yaml.MappingEndEvent):
                return result
            key_at = _at(event.start_mark)
            if not isinstance(event, yaml.ScalarEvent):
                self._refuse_special(event)
                raise _fail(self.display, *key_at, "a key must be plain text, not a list or mapping")
            self._refuse_special(event)
            key = event.value
            if key in result:
                first = self.doc.keys[(*data_path, key)]
                raise _fail(
                    self.display, *key_at,
                    f"duplicate key {shorten(key)}: first at line {first[0]}, again at line {key_at[0]}; keep one",
                )
            self.doc.keys[(*data_path, key)] = key_at
            result[key] = self._node(next(self.events), (*data_path, key))
        return result
