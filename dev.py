#!/usr/bin/env python3
"""The two commands a contributor needs, on a machine that has only Python 3.11+:

    python3 dev.py serve   build the site and preview it at http://127.0.0.1:8000 (live reload)
    python3 dev.py test    run every check: lint, validation of all records, the test suite

Each first creates .venv and installs the pinned dependencies from pyproject.toml into it
(again only when pyproject.toml changes). Extra arguments go to the underlying command.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
STAMP = VENV / ".installed-from"


def ensure_environment() -> None:
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    digest = hashlib.sha256(pyproject).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == digest:
        return
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.create(VENV, with_pip=True)
    project = tomllib.loads(pyproject.decode())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    print("Installing pinned dependencies …", flush=True)
    run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements])
    STAMP.write_text(digest)


def run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("serve", "test", "build", "validate"):
        sys.exit(__doc__)
    command, extra = sys.argv[1], sys.argv[2:]
    ensure_environment()
    if command == "test":
        run([str(PYTHON), "-m", "ruff", "check", "generator", "tests", "dev.py"])
        run([str(PYTHON), "-m", "generator", "validate"])
        run([str(PYTHON), "-m", "pytest", "-q", *extra])
    elif command == "serve":
        run([str(PYTHON), "-m", "generator", "serve", *extra])
    else:
        run([str(PYTHON), "-m", "generator", command, *extra])


if __name__ == "__main__":
    main()
