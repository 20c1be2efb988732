"""The per-language MkDocs configurations, written by the generator from trusted values only
(interface strings and fixed settings), never from record content."""

from __future__ import annotations

import html
import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.build.errors import BuildError
from generator.load.tree import LANGUAGES
from generator.validate.knowledge_base import KnowledgeBase

# Ordered for a migrant first: where to go, how to stay safe; then what officials compare.
# An entry is (interface-string key, docs path), or (key, [entries]) for a section.
NavEntry = tuple[str, "str | list[NavEntry]"]
NAV: list[NavEntry] = [
    ("nav_home", "index.md"),
    ("nav_mechanisms", "mechanisms/index.md"),
    ("nav_countries", "countries/index.md"),
    ("nav_safety", "safety.md"),
    ("nav_agreements", "agreements/index.md"),
    ("nav_practices", "practices/index.md"),
    ("nav_statistics", "statistics.md"),
    ("nav_methodology", "methodology.md"),
    ("nav_glossary", "glossary.md"),
    ("nav_data", "data.md"),
    # For contributors, translators and reviewers: one section, after what readers need.
    ("nav_contribute", [
        ("nav_contributing", "contributing.md"),
        ("nav_fields", "fields.md"),
        ("nav_translations", "translations.md"),
        ("nav_maintenance", "maintenance.md"),
    ]),
    ("nav_search", "search.md"),
]


def site_prefix(language: str) -> str:
    """Where a language lives in the site: Spanish at the root, the others below it."""
    return "" if language == "es" else f"{language}/"


def site_url(language: str, base: str | None = None) -> str | None:
    """The published address of a language's site, from SITE_URL (the deploy sets it to
    https://OWNER.github.io/REPO/ for a project site); None when unset, as in local previews."""
    base = (os.environ.get("SITE_URL", "") if base is None else base).strip()
    if not base:
        return None
    parts = urlsplit(base)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise BuildError(f"SITE_URL {base!r} is not a site address; expected e.g. https://owner.github.io/repo/")
    return base.rstrip("/") + "/" + site_prefix(language)


def language_config(kb: KnowledgeBase, language: str, base_config: Path, docs_dir: Path, site_dir: Path) -> dict:
    ui = kb.ui[language]
    up = "../" if language != "es" else ""
    config = {
        "INHERIT": str(base_config),
        "site_name": html.escape(ui["site_name"]),
        "site_description": html.escape(ui["site_description"]),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        # Paths in an INHERITed file resolve against the generated config, so name them here.
        "theme": {"language": language, "custom_dir": str(base_config.parent / "overrides")},
        "nav": _nav(ui, NAV),
        "extra": {
            "search_page": "search/",
            # Not `alternate`: with it Material adds <link rel=alternate> to every page head, and
            # its script then downloads each language's whole sitemap on every page load.
            "languages": [
                {"name": kb.ui[other]["language_name"], "lang": other, "link": "" if other == language else up + site_prefix(other)}
                for other in LANGUAGES
            ],
        },
    }
    address = site_url(language)
    if address:  # canonical links, the sitemap and the 404 page's links need the published address
        config["site_url"] = address
    return config


def _nav(ui: dict[str, str], entries: list[NavEntry]) -> list[dict]:
    return [{html.escape(ui[key]): target if isinstance(target, str) else _nav(ui, target)} for key, target in entries]


def write_config(config: dict, path: Path) -> None:
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
