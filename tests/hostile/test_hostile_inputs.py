"""The hostile-input corpus, run through the real command line.

Each case gives exit status 1, exactly its expected `path:line:column: …` messages, no
traceback, and leaves a previously built site/ byte for byte as it was (see README.md here).
Committed cases live in cases/; cases that cannot be committed are made by GENERATED below."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_site_root

from .hostile_support import assert_refused, problem_lines, run_cli, write_previous_site

CASES = Path(__file__).resolve().parent / "cases"
COMMITTED = sorted(path for path in CASES.iterdir() if path.is_dir())
FIFTY_MB = 50 * 1024 * 1024
LIMIT = "the limit is 262,144 bytes"
NOT_A_FILE = "expected a regular file, not a folder or a link"
RECORD = Path(__file__).resolve().parent.parent / "fixtures/site/mechanisms/mx-ca-ptat.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A valid site tree with an earlier build in site/."""
    root = make_site_root(tmp_path / "repo")
    write_previous_site(root / "site")
    return root


@pytest.mark.parametrize("case", COMMITTED, ids=[case.name for case in COMMITTED])
def test_committed_case_is_refused_with_its_exact_messages(root: Path, case: Path) -> None:
    for source in sorted(case.rglob("*")):
        if source.is_file() and source.name != "expected.txt":
            target = root / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    assert_refused(root, problem_lines(case / "expected.txt"))


# ---- cases made by the test: too big to commit, or not representable in git on every system ----


def sparse_file(path: Path, size: int, start: bytes = b"id: huge\n") -> None:
    """A file of `size` bytes that takes no disk space (the rest is a hole of zero bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        stream.write(start)
        stream.truncate(size)


def huge_record(root: Path, outside: Path) -> None:
    sparse_file(root / "mechanisms/huge.yaml", FIFTY_MB)


def huge_page(root: Path, outside: Path) -> None:
    sparse_file(root / "content/pages/en/safety.md", FIFTY_MB, b"# Safety\n")


def deeply_nested_flow(root: Path, outside: Path) -> None:
    # 100,000 nested lists in 200 kB: fully parsed, PyYAML would take minutes on this.
    (root / "content/agreements/deep.yaml").write_text("x: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")


def windows_device_names(root: Path, outside: Path) -> None:
    # Decision: refused. Windows cannot create these names with any extension, so the record
    # could not be checked out there, nor its page folder (mechanisms/con/) be written.
    for name in ("con", "prn", "aux", "nul", "com1", "lpt9"):
        (root / f"mechanisms/{name}.yaml").write_text(RECORD.read_text(encoding="utf-8").replace("mx-ca-ptat", name), encoding="utf-8")


def linked_record(root: Path, outside: Path) -> None:
    secret = outside / "secret.yaml"
    secret.write_text("id: leak\n", encoding="utf-8")
    (root / "mechanisms/leak.yaml").symlink_to(secret)


def linked_interface_file(root: Path, outside: Path) -> None:
    # A link to /dev/zero would never end if read; a link anywhere could publish a secret.
    (root / "content/ui/fr.yaml").unlink()
    (root / "content/ui/fr.yaml").symlink_to(outside / "fr.yaml")
    (outside / "fr.yaml").write_text("site_name: x\n", encoding="utf-8")


def linked_folder(root: Path, outside: Path) -> None:
    shutil.move(root / "content/practices", outside / "practices")
    (root / "content/practices").symlink_to(outside / "practices", target_is_directory=True)


def linked_parent_folder(root: Path, outside: Path) -> None:
    """The interface files are real files, but in a folder that is a link: still refused."""
    shutil.move(root / "content/ui", outside / "ui")
    (root / "content/ui").symlink_to(outside / "ui", target_is_directory=True)


def folder_named_like_a_record(root: Path, outside: Path) -> None:
    (root / "mechanisms/notes.yaml").mkdir()


def newline_in_file_name(root: Path, outside: Path) -> None:
    (root / "mechanisms/mx-ca\n.yaml").write_text("id: \"mx-ca\\n\"\n", encoding="utf-8")


def non_utf8_file_name(root: Path, outside: Path) -> None:
    try:
        (root / "mechanisms").joinpath(os.fsdecode(b"caf\xe9.yaml")).write_text("id: cafe\n", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system only takes UTF-8 file names")


GENERATED: list[tuple[str, Callable[[Path, Path], None], list[str]]] = [
    ("50-MB-record", huge_record, [f"mechanisms/huge.yaml:1:1: the file is 52,428,800 bytes; {LIMIT}"]),
    ("50-MB-page", huge_page, [f"content/pages/en/safety.md:1:1: the file is 52,428,800 bytes; {LIMIT}"]),
    ("100000-nested-lists", deeply_nested_flow, ["content/agreements/deep.yaml:1:24: nested more than 20 levels deep"]),
    ("windows-device-names", windows_device_names, [
        f"mechanisms/{name}.yaml:1:1: '{name}' is a reserved device name on Windows; choose another file name"
        for name in ("aux", "com1", "con", "lpt9", "nul", "prn")
    ]),
    ("symlinked-record", linked_record, [f"mechanisms/leak.yaml:1:1: {NOT_A_FILE}"]),
    ("symlinked-interface-file", linked_interface_file, [f"content/ui/fr.yaml:1:1: {NOT_A_FILE}"]),
    ("symlinked-folder", linked_folder, ["content/practices:1:1: expected a folder, not a link"]),
    ("file-in-a-linked-folder", linked_parent_folder, [f"content/ui/{language}.yaml:1:1: {NOT_A_FILE}" for language in ("en", "es", "fr")]),
    ("folder-named-like-a-record", folder_named_like_a_record, [f"mechanisms/notes.yaml:1:1: {NOT_A_FILE}"]),
    ("newline-in-file-name", newline_in_file_name, [
        "mechanisms/mx-ca\\n.yaml:1:1: 'mx-ca\\n' is not a valid file name; use lower-case letters, digits and single hyphens"
    ]),
    ("non-utf8-file-name", non_utf8_file_name, [
        "mechanisms/caf\\udce9.yaml:1:1: 'caf\\udce9' is not a valid file name; use lower-case letters, digits and single hyphens"
    ]),
]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links, device names and newlines in names are POSIX cases")
@pytest.mark.parametrize(("make", "expected"), [case[1:] for case in GENERATED], ids=[case[0] for case in GENERATED])
def test_generated_case_is_refused_with_its_exact_messages(root: Path, tmp_path: Path, make, expected: list[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    make(root, outside)
    assert_refused(root, expected)


def test_the_corpus_has_at_least_forty_distinct_cases() -> None:
    inputs = {tuple((p.relative_to(case).as_posix(), p.read_bytes()) for p in sorted(case.rglob("*.*")) if p.name != "expected.txt")
              for case in COMMITTED}
    assert len(inputs) == len(COMMITTED), "two committed cases hold the same files"
    assert all(problem_lines(case / "expected.txt") for case in COMMITTED), "every case names its messages"
    assert len(COMMITTED) + len(GENERATED) >= 40


def test_a_50_mb_file_is_refused_from_its_size_without_being_read(root: Path) -> None:
    sparse_file(root / "mechanisms/huge.yaml", FIFTY_MB)
    tracemalloc.start()
    try:
        run = run_cli("--root", str(root), "validate")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert run.status == 1 and f"mechanisms/huge.yaml:1:1: the file is 52,428,800 bytes; {LIMIT}" in run.stderr
    assert peak < 20 * 1024 * 1024, f"validation held {peak:,} bytes at once: the file was read"
    assert run.seconds < 5


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_read_no_further_than_the_limit(root: Path) -> None:
    """stat() says /dev/zero is empty; only a bounded read stops it (links are refused anyway)."""
    from generator.load.strict_yaml import load_file
    from generator.problems import InputError

    with pytest.raises(InputError) as caught:
        load_file(Path("/dev/zero"), "content/ui/fr.yaml")
    assert str(caught.value) == f"content/ui/fr.yaml:1:1: the file is 262,145 bytes; {LIMIT}"


@pytest.mark.parametrize("case", ["comments-only", "python-tag", "syntax-unclosed-quote", "type-superscript-digit"])
def test_the_installed_command_refuses_a_case_in_its_own_process(root: Path, case: str) -> None:
    """The same as above through `python -m generator`: the exit status and stderr a CI job sees."""
    shutil.copytree(CASES / case, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "build"],
        capture_output=True, text=True, check=False, cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[:-1] == problem_lines(CASES / case / "expected.txt")


def test_hidden_files_and_readmes_in_record_folders_are_ignored(root: Path) -> None:
    """Decision: editors' hidden files and a folder README are not records, so they are skipped;
    they are never built either, so nothing in them can reach the site."""
    (root / "mechanisms/.draft.yaml").write_bytes(b"\tnot: [valid")
    (root / "mechanisms/README.md").write_text("# Mechanisms\n", encoding="utf-8")
    run = run_cli("--root", str(root), "validate")
    assert (run.status, run.stderr) == (0, "")
