"""Find every input file of the knowledge base and read it strictly.

A file that cannot be read yields problems, never an exception, so that one run reports every
mistake in every file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.strict_yaml import MAX_FILE_BYTES, Document, decode_utf8, load_file
from generator.problems import InputError, Problem, printable, shorten

LANGUAGES = ("es", "en", "fr")
RECORD_FOLDERS = {"mechanism": "mechanisms", "agreement": "content/agreements", "practice": "content/practices"}
SAFE_STEM = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # used with fullmatch: '$' would let a final newline through
# Windows cannot create these names with any extension, so a record named so could not be
# checked out, nor its page (mechanisms/aux/index.html) written, on a contributor's machine.
WINDOWS_RESERVED = re.compile(r"con|prn|aux|nul|com[0-9]|lpt[0-9]", re.IGNORECASE)


@dataclass
class LoadedTree:
    """Every input, read but not yet validated."""

    records: dict[str, list[Document]] = field(default_factory=dict)  # record type -> documents
    taxonomies: dict[str, Document] = field(default_factory=dict)  # taxonomy name -> document
    ui: dict[str, Document] = field(default_factory=dict)  # language -> document
    pages: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # language -> name -> (path, text)
    problems: list[Problem] = field(default_factory=list)


def load_tree(root: Path) -> LoadedTree:
    tree = LoadedTree()
    for record_type, folder in RECORD_FOLDERS.items():
        tree.records[record_type] = _load_folder(root, folder, tree.problems)
    for doc in _load_folder(root, "content/taxonomies", tree.problems):
        tree.taxonomies[Path(doc.path).stem] = doc
    for language in LANGUAGES:
        doc = _load_one(root, root / "content/ui" / f"{language}.yaml", tree.problems)
        if doc is not None:
            tree.ui[language] = doc
        tree.pages[language] = _read_pages(root, language, tree.problems)
    return tree


def relative(root: Path, path: Path) -> str:
    """The path as shown in messages: one line, printable, even for a file named with a newline
    or with bytes that are not UTF-8."""
    return printable(path.relative_to(root).as_posix())


def _load_folder(root: Path, folder: str, problems: list[Problem]) -> list[Document]:
    directory = root / folder
    missing = _not_a_folder(root, directory)
    if missing:
        problems.append(Problem(folder, 1, 1, "", missing))
        return []
    documents = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or path.name == "README.md":
            continue
        if not _acceptable_name(root, path, ".yaml", problems):
            continue
        doc = _load_one(root, path, problems)
        if doc is not None:
            documents.append(doc)
    return documents


def _not_a_folder(root: Path, directory: Path) -> str | None:
    if _linked(root, directory):
        return "expected a folder, not a link"
    return None if directory.is_dir() else "folder is missing"


def _linked(root: Path, path: Path) -> bool:
    """A link (or a path through a linked folder) could lead anywhere on the machine that
    builds: to a secret, which would then be published, or to /dev/zero."""
    return path.is_symlink() or not path.resolve().is_relative_to(root.resolve())


def _acceptable_name(root: Path, path: Path, suffix: str, problems: list[Problem]) -> bool:
    """File names become ids and URLs, so they must be safe slugs (no '..', no reserved names)."""
    shown = relative(root, path)
    if _linked(root, path) or not path.is_file():
        problems.append(Problem(shown, 1, 1, "", "expected a regular file, not a folder or a link"))
    elif path.suffix != suffix:
        problems.append(Problem(shown, 1, 1, "", f"unexpected file; record files end in {suffix}"))
    elif not SAFE_STEM.fullmatch(path.stem) and not (suffix == ".yaml" and re.fullmatch(r"[A-Z]{2}", path.stem)):
        problems.append(Problem(
            shown, 1, 1, "",
            f"{shorten(Path(shown).stem)} is not a valid file name; use lower-case letters, digits and single hyphens",
        ))
    elif WINDOWS_RESERVED.fullmatch(path.stem):
        problems.append(Problem(shown, 1, 1, "", f"'{path.stem}' is a reserved device name on Windows; choose another file name"))
    else:
        return True
    return False


def _load_one(root: Path, path: Path, problems: list[Problem]) -> Document | None:
    shown = relative(root, path)
    if _linked(root, path):
        problems.append(Problem(shown, 1, 1, "", "expected a regular file, not a folder or a link"))
        return None
    if not path.is_file():
        problems.append(Problem(shown, 1, 1, "", "file is missing"))
        return None
    try:
        return load_file(path, shown)
    except InputError as error:
        problems.extend(error.problems)
        return None


def _read_pages(root: Path, language: str, problems: list[Problem]) -> dict[str, tuple[str, str]]:
    directory = root / "content/pages" / language
    pages: dict[str, tuple[str, str]] = {}
    missing = _not_a_folder(root, directory)
    if missing:
        problems.append(Problem(relative(root, directory), 1, 1, "", missing))
        return pages
    for path in sorted(directory.iterdir()):
        if not _acceptable_name(root, path, ".md", problems):
            continue
        shown = relative(root, path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(shown, 1, 1, "", f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes"))
            continue
        try:
            pages[path.stem] = (shown, decode_utf8(path.read_bytes(), shown))
        except InputError as error:
            problems.extend(error.problems)
    return pages
