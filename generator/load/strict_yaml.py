"""A strict YAML reader for contributed files.

PyYAML's safe loader keeps the last of two equal keys, expands aliases (a few hundred bytes
can become gigabytes) and turns `NO`, `1.10`, `012`, `12:30` and `2019-03-01` into booleans,
numbers and dates. This reader walks PyYAML's event stream instead, so:

- every scalar stays the text the contributor typed; the models convert and reject;
- duplicate keys, anchors, aliases, explicit tags and several documents are errors;
- every value keeps its line and column, so a later error can point at it;
- events are read one at a time, so a limit (depth, a forbidden anchor) stops the parser
  early: PyYAML's scanner slows down quadratically with nesting, and 100,000 nested '['
  would take minutes to parse in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.yaml_messages import at as _at
from generator.load.yaml_messages import describe_character, forbidden_character, reader_error, syntax_error
from generator.problems import InputError, Problem, shorten

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 20  # records nest four levels at most; deeper input is a mistake or an attack
EMPTY = "the file is empty; expected a mapping of fields"
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
    """Read one YAML file strictly; raise InputError with a located problem if it is bad.
    An oversized file is refused from its size, before anything is read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _fail(display, 1, 1, _too_big(size))
    with path.open("rb") as stream:  # the file may have grown since stat(): read no more than the limit
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise _fail(display, 1, 1, _too_big(len(raw)))
    return load_bytes(raw, display)


def _too_big(size: int) -> str:
    return f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes"


def load_bytes(raw: bytes, display: str) -> Document:
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        raise _fail(display, 1, 1, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    text = decode_utf8(raw, display)
    if not text.strip():
        raise _fail(display, 1, 1, EMPTY)
    return _Reader(display, text).read()


def decode_utf8(raw: bytes, display: str) -> str:
    """The text of a file, or InputError located at the first byte that is not UTF-8."""
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


FAST_LOADER = getattr(yaml, "CSafeLoader", None)  # None where PyYAML was built without libyaml


class _Reader:
    """Builds plain data (dict, list, str) from PyYAML events, recording positions."""

    def __init__(self, display: str, text: str):
        self.display = display
        self.text = text
        self.doc = Document(display, None)
        self.last_quoted: yaml.ScalarEvent | None = None  # a quote spanning lines, for syntax_error
        # YAML only makes characters through escapes in "double quotes": when the file itself
        # holds no forbidden character, only those scalars need the check (one scan, not 100,000).
        self.text_is_clean = forbidden_character(text) is None

    def read(self) -> Document:
        """libyaml's parser is about 25 times faster than PyYAML's own; PyYAML's gives the
        clearer syntax messages. So: the fast parser first, and on any problem read the file
        again with PyYAML's, whose message the contributor then sees."""
        # Tabs and unprintable characters: libyaml accepts some that PyYAML refuses; keep one rule.
        plain = "\t" not in self.text and not yaml.reader.Reader.NON_PRINTABLE.search(self.text)
        if FAST_LOADER is not None and plain:
            try:
                return self._read_with(FAST_LOADER)
            except (InputError, yaml.YAMLError):
                self.doc = Document(self.display, None)
                self.last_quoted = None
        return self._read_with(yaml.SafeLoader)

    def _read_with(self, loader: type) -> Document:
        try:
            self.events = yaml.parse(self.text, Loader=loader)
            next(self.events)  # StreamStart
            start = next(self.events)
            if isinstance(start, yaml.StreamEndEvent):  # nothing but comments
                raise _fail(self.display, 1, 1, EMPTY)
            self.doc.data = self._node(next(self.events), ())
            if self.doc.data == "":  # '---' alone
                raise _fail(self.display, 1, 1, EMPTY)
            next(self.events)  # DocumentEnd
            after = next(self.events)
        except yaml.MarkedYAMLError as err:
            raise _fail(self.display, *syntax_error(err, self.text, self.last_quoted)) from None
        except yaml.reader.ReaderError as err:
            raise _fail(self.display, *reader_error(err, self.text)) from None
        except yaml.YAMLError as err:  # not raised by PyYAML 6's parser today; kept so no error escapes unlocated
            raise _fail(self.display, 1, 1, f"not valid YAML: {' '.join(str(err).split())}") from None
        if isinstance(after, yaml.DocumentStartEvent):
            raise _fail(self.display, *_at(after.start_mark), "only one YAML document per file; remove '---'")
        return self.doc

    def _node(self, event: Any, data_path: DataPath) -> Any:
        self._refuse_special(event)
        if len(data_path) > MAX_DEPTH:
            raise _fail(self.display, *_at(event.start_mark), f"nested more than {MAX_DEPTH} levels deep")
        self.doc.values[data_path] = _at(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            return self._text(event)
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(data_path)
        return self._mapping(data_path)

    def _refuse_special(self, event: Any) -> None:
        if isinstance(event, yaml.AliasEvent):
            raise _fail(self.display, *_at(event.start_mark), f"aliases (*{event.anchor}) are not allowed; write the value out")
        if event.anchor is not None:
            raise _fail(self.display, *_at(event.start_mark), f"anchors (&{event.anchor}) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise _fail(self.display, *_at(event.start_mark), f"tags ({tag}) are not allowed; write a plain value")

    def _text(self, event: yaml.ScalarEvent) -> str:
        bad = None if self.text_is_clean and event.style != '"' else forbidden_character(event.value)
        if bad is not None:
            raise _fail(self.display, *_at(event.start_mark), f"{describe_character(bad)} is not allowed in text; remove it")
        multiline_quote = event.style in ('"', "'") and event.end_mark.line > event.start_mark.line
        self.last_quoted = event if multiline_quote else None
        return event.value

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
            key = self._text(event)
            if key in result:
                first = self.doc.keys[(*data_path, key)]
                where = (f"first at line {first[0]}, again at line {key_at[0]}" if first[0] != key_at[0]
                         else f"twice on line {key_at[0]} (columns {first[1]} and {key_at[1]})")
                raise _fail(self.display, *key_at, f"duplicate key {shorten(key)}: {where}; keep one")
            self.doc.keys[(*data_path, key)] = key_at
            result[key] = self._node(next(self.events), (*data_path, key))
        return result
