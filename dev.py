#!/usr/bin/env python3
"""The two commands a contributor needs, on a machine that has only Python 3.11+:

    python3 dev.py serve   build the site and preview it at http://127.0.0.1:8000 (live reload)
    python3 dev.py test    run every check: lint, validation of all records, the test suite

Each first creates .venv and installs the pinned dependencies from pyproject.toml into it
(again only when pyproject.toml changes). Extra arguments go to the underlying command.
`test` also needs Debian's Chromium at /usr/bin/chromium for the browser tests: it installs it
with apt-get when it can (as root), and otherwise says what to do; those tests then skip, or
fail when CI is set.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
STAMP = VENV / ".installed-from"
CHROMIUM = Path("/usr/bin/chromium")
LINT = ["generator", "tests", "dev.py", "benchmarks"]


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


def ensure_chromium() -> str | None:
    """Install Debian's Chromium when it is missing and we can; return why it is missing, if it is."""
    if CHROMIUM.exists():
        return None
    apt_get = shutil.which("apt-get")
    if apt_get and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("Installing Chromium for the browser tests (apt-get install chromium) …", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = [apt_get, "install", "-y", "--no-install-recommends", "chromium"]
        lists = Path("/var/lib/apt/lists")
        if not any(lists.glob("*Packages*")):  # a fresh machine: apt knows no package yet
            subprocess.run([apt_get, "update"], env=env, check=False)
        if subprocess.run(install, env=env, check=False).returncode != 0:
            subprocess.run([apt_get, "update"], env=env, check=False)  # the lists may be stale
            subprocess.run(install, env=env, check=False)
        if CHROMIUM.exists():
            return None
        return (
            "`apt-get install chromium` did not install /usr/bin/chromium (see apt-get's output above); "
            "fix that and run `python3 dev.py test` again."
        )
    return (
        "The browser tests need Chromium at /usr/bin/chromium. On Debian or Ubuntu run "
        "`sudo apt-get update && sudo apt-get install -y chromium`, then `python3 dev.py test` again "
        "(run as root, dev.py installs it itself)."
    )


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(command, cwd=ROOT, check=False, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("serve", "test", "build", "validate"):
        sys.exit(__doc__)
    command, extra = sys.argv[1], sys.argv[2:]
    ensure_environment()
    if command == "test":
        run([str(PYTHON), "-m", "ruff", "check", *LINT])
        run([str(PYTHON), "-m", "generator", "validate"])
        env = dict(os.environ)
        missing = ensure_chromium()
        if missing:
            ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
            print(f"{'ERROR' if ci else 'NOTE'}: {missing}" + ("" if ci else " The browser tests will be skipped."), flush=True)
            env["KB_BROWSER_HELP"] = missing
        run([str(PYTHON), "-m", "pytest", "-q", *extra], env=env)
    elif command == "serve":
        run([str(PYTHON), "-m", "generator", "serve", *extra])
    else:
        run([str(PYTHON), "-m", "generator", command, *extra])


if __name__ == "__main__":
    main()
