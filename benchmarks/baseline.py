"""The baseline the issue compares against: what users would otherwise build by hand. Plain
MkDocs + Material with mkdocs-static-i18n (three languages, one Markdown file per page and
language), every page in the navigation, Material's own search. It is installed in a throwaway
virtual environment inside the benchmark's temporary folder, never in the project's pins."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import yaml

PINS = ["mkdocs==1.6.1", "mkdocs-material==9.8.1", "mkdocs-static-i18n==1.3.1"]
LANGUAGES = {"es": "Español", "en": "English", "fr": "Français"}
FOLDERS = {"mechanisms": "mechanisms", "agreements": "content/agreements", "practices": "content/practices"}


def make_venv(folder: Path) -> Path:
    """A virtual environment with the baseline's packages; returns its Python."""
    python = folder / "bin" / "python"
    if not python.exists():
        venv.create(folder, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PINS], check=True, capture_output=True)
    return python


def write_project(synthetic_root: Path, target: Path) -> Path:
    """The same records as hand-written Markdown pages; returns the mkdocs.yml path."""
    docs = target / "docs"
    nav: list[Any] = [{"Inicio": "index.md"}]
    for language in LANGUAGES:
        _write(docs / f"index.{language}.md", f"# {LANGUAGES[language]}\n\nBaseline home page ({language}).\n")
    for section, folder in FOLDERS.items():
        entries = []
        for path in sorted((synthetic_root / folder).glob("*.yaml")):
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
            for language in LANGUAGES:
                _write(docs / section / f"{path.stem}.{language}.md", page(record, language))
            entries.append(f"{section}/{path.stem}.md")
        nav.append({section.capitalize(): entries})
    config = {
        "site_name": "Baseline: MkDocs + Material + mkdocs-static-i18n",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "language": "es", "font": False},
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "suffix", "languages": [
                {"locale": lang, "name": name, "build": True, **({"default": True} if lang == "es" else {})}
                for lang, name in LANGUAGES.items()
            ]}},
        ],
        "nav": nav,
    }
    config_path = target / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_path


def page(record: dict, language: str) -> str:
    """A page as a person would write it: title, then each field as a section."""
    lines = [f"# {_text(record['name'], language)}", ""]
    for key, value in record.items():
        if key in ("id", "name"):
            continue
        body = _body(value, language)
        if body:
            lines += [f"## {key.replace('_', ' ').capitalize()}", "", body, ""]
    return "\n".join(lines)


def _text(value: Any, language: str) -> str:
    return str(value.get(language) or value.get("es")) if isinstance(value, dict) else str(value)


def _body(value: Any, language: str) -> str:
    if isinstance(value, dict) and "es" in value:
        return _text(value, language)
    if isinstance(value, dict):
        return "\n".join(f"- **{k}**: {_inline(v, language)}" for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(f"- {_inline(item, language)}" for item in value)
    return str(value)


def _inline(value: Any, language: str) -> str:
    if isinstance(value, dict) and "es" in value:
        return _text(value, language).replace("\n", " ")
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_inline(v, language)}" for k, v in value.items())
    return str(value)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_command(python: Path, config: Path) -> list[str]:
    return [str(python), "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]


if __name__ == "__main__":
    sys.exit("Run benchmarks/run.py; this module is used by it.")
