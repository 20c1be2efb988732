"""The per-language MkDocs configurations, written by the generator from trusted values only
(interface strings and fixed settings), never from record content."""

from __future__ import annotations

import html
from pathlib import Path

import yaml

from generator.load.tree import LANGUAGES
from generator.validate.knowledge_base import KnowledgeBase

# Ordered for a migrant first: where to go, how to stay safe; then what officials compare.
NAV = [
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
    ("nav_search", "search.md"),
]


def site_prefix(language: str) -> str:
    """Where a language lives in the site: Spanish at the root, the others below it."""
    return "" if language == "es" else f"{language}/"


def language_config(kb: KnowledgeBase, language: str, base_config: Path, docs_dir: Path, site_dir: Path) -> dict:
    ui = kb.ui[language]
    up = "../" if language != "es" else ""
    return {
        "INHERIT": str(base_config),
        "site_name": html.escape(ui["site_name"]),
        "site_description": html.escape(ui["site_description"]),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        # Paths in an INHERITed file resolve against the generated config, so name them here.
        "theme": {"language": language, "custom_dir": str(base_config.parent / "overrides")},
        "nav": [{html.escape(ui[key]): path} for key, path in NAV],
        "extra": {
            "search_page": "search/",
            "alternate": [
                {"name": kb.ui[other]["language_name"], "lang": other, "link": "" if other == language else up + site_prefix(other)}
                for other in LANGUAGES
            ],
        },
    }


def write_config(config: dict, path: Path) -> None:
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
