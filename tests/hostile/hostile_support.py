"""Helpers shared by the hostile-input tests: run the real command line, and prove that a
refused build left the previous site exactly as it was."""

from __future__ import annotations

import contextlib
import io
import re
import time
from dataclasses import dataclass
from pathlib import Path

from generator.__main__ import main

LOCATED = re.compile(r"^[^\n]+:\d+:\d+: \S")  # path:line:column: message
# A stand-in for a site built earlier: nested folders, text and binary files. The hostile runs
# all stop at validation, so what matters is that not one byte of it changes.
PREVIOUS_SITE = {
    "index.html": b"<!doctype html><html lang=\"es\"><title>previous build</title></html>\n",
    "en/mechanisms/mx-ca-ptat/index.html": b"<!doctype html><html lang=\"en\"><title>SAWP</title></html>\n",
    "sitemap.xml": b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset></urlset>\n",
    "pagefind/fragment/en_0001.pf_fragment": bytes(range(256)),
    "data/mechanisms.json": b"[]\n",
}


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str
    seconds: float


def run_cli(*argv: str) -> Run:
    """`python -m generator ARGV`, in this process; an uncaught exception fails the test."""
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return Run(status, out.getvalue(), err.getvalue(), time.perf_counter() - start)


def write_previous_site(site: Path) -> None:
    for name, content in PREVIOUS_SITE.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder (None) under folder."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes() if path.is_file() else None)
        for path in sorted(folder.rglob("*"))
    }


def problem_lines(expected_file: Path) -> list[str]:
    """The messages listed in an expected.txt ('#' lines describe the case)."""
    lines = expected_file.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def assert_refused(root: Path, expected: list[str], *, max_seconds: float = 10.0) -> Run:
    """Build root through the command line; it must fail with exactly `expected`, located,
    without a traceback, quickly, and leave site/ and the folder around it untouched."""
    site = root / "site"
    before = snapshot(site)
    run = run_cli("--root", str(root), "build")
    assert "Traceback" not in run.stderr
    assert run.status == 1, run.stderr
    lines = run.stderr.splitlines()
    assert lines[:-1] == expected
    assert lines[-1] == f"{len(expected)} problem(s) found; nothing was built."
    assert all(LOCATED.match(line) for line in lines[:-1]), "every message starts with path:line:column"
    assert snapshot(site) == before, "the previous site changed"
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".kb-build")) == []
    assert run.seconds < max_seconds, f"refusing took {run.seconds:.1f} s"
    return run
