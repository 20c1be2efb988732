"""The strict reader: each hazard of contributed YAML gives one exact, located message."""

from __future__ import annotations

import pytest

from generator.load.strict_yaml import MAX_FILE_BYTES, load_bytes, load_file
from generator.problems import InputError

CASES = [
    ("duplicate key", b"id: a\nname: x\nid: b\n",
     "f.yaml:3:1: duplicate key 'id': first at line 1, again at line 3; keep one"),
    ("anchor", b"a: &x 1\n", "f.yaml:1:4: anchors (&x) are not allowed; write the value out"),
    ("alias bomb", b"a: [1]\nb: *a\n", "f.yaml:2:4: aliases (*a) are not allowed; write the value out"),
    ("python tag", b"a: !!python/object/apply:os.system [ls]\n",
     "f.yaml:1:4: tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed; write a plain value"),
    ("tab indent", b"a:\n\t- b\n",
     "f.yaml:2:1: YAML syntax error: found character '\\t' that cannot start any token "
     "(while scanning for the next token); YAML does not allow tabs for indentation, use spaces"),
    ("unclosed list", b"a: [1, 2\n",
     "f.yaml:1:4: YAML syntax error: the '[' opened here is never closed; add ']'"),
    ("bad indentation", b"a: 1\n b: 2\n",
     "f.yaml:2:3: YAML syntax error: mapping values are not allowed here; if the text contains ': ', put it in quotes; otherwise check the indentation"),
    ("byte-order mark", b"\xef\xbb\xbfa: 1\n",
     "f.yaml:1:1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"),
    ("latin-1 byte", b"a: ok\nb: caf\xe9\n", "f.yaml:2:7: byte 0xe9 is not UTF-8; save the file as UTF-8"),
    ("empty file", b"  \n", "f.yaml:1:1: the file is empty; expected a mapping of fields"),
    ("two documents", b"a: 1\n---\nb: 2\n", "f.yaml:2:1: only one YAML document per file; remove '---'"),
    ("deep nesting", b"a: " + b"[" * 25 + b"]" * 25 + b"\n", "f.yaml:1:24: nested more than 20 levels deep"),
    ("complex key", b"? [a, b]\n: 1\n", "f.yaml:1:3: a key must be plain text, not a list or mapping"),
]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_hazard_gives_one_located_message(raw: bytes, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_bytes(raw, "f.yaml")
    assert [str(p) for p in caught.value.problems] == [expected]


def test_yaml_1_1_scalars_stay_exactly_as_typed() -> None:
    doc = load_bytes(b"country: NO\nversion: 1.10\ncode: 012\ntime: 12:30\nday: 2019-03-01\nflag: on\nnothing: ~\n", "f.yaml")
    assert doc.data == {
        "country": "NO", "version": "1.10", "code": "012", "time": "12:30",
        "day": "2019-03-01", "flag": "on", "nothing": "~",
    }


def test_positions_are_kept_for_values_and_keys() -> None:
    doc = load_bytes(b"a:\n  b: [x, y]\n", "f.yaml")
    assert doc.values[("a", "b", 1)] == (2, 10)
    assert doc.keys[("a", "b")] == (2, 3)
    assert doc.locate(("a", "b", 7)) == (2, 6)  # a missing item points at its list


def test_oversized_file_is_refused_before_reading(tmp_path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES)
    with pytest.raises(InputError) as caught:
        load_file(big, "big.yaml")
    assert str(caught.value) == f"big.yaml:1:1: the file is {MAX_FILE_BYTES + 3:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes"


def test_fast_and_pure_python_parsers_read_every_record_alike(monkeypatch) -> None:
    """The loader parses with libyaml when it can; it must read exactly what PyYAML reads."""
    from pathlib import Path

    from generator.load import strict_yaml

    if strict_yaml.FAST_LOADER is None:
        pytest.skip("PyYAML was built without libyaml here")
    repo = Path(__file__).resolve().parent.parent
    files = sorted([*repo.glob("mechanisms/*.yaml"), *repo.glob("content/**/*.yaml")])
    fast = [load_file(path, path.name) for path in files]
    monkeypatch.setattr(strict_yaml, "FAST_LOADER", None)
    slow = [load_file(path, path.name) for path in files]
    assert len(files) > 50
    for a, b in zip(fast, slow, strict=True):
        assert (a.data, a.values, a.keys) == (b.data, b.values, b.keys), a.path
