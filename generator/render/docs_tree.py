"""Render the knowledge base into one Markdown docs tree per language.

The output is deterministic (records sorted by id, stable templates), so rebuilding an
unchanged tree gives identical files, and golden tests can compare them byte for byte.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.gc_pause import cycle_collector_paused
from generator.render.catalogue_filters import catalogue_data, catalogue_filters
from generator.render.field_reference import field_reference_page
from generator.render.finder_pages import country_pages, format_ui, grouping_pages, statistics_page
from generator.render.localize import Localizer, relative_url
from generator.render.maintenance_pages import maintenance_page, translation_status_page
from generator.render.open_data import data_fields, export_names, exports
from generator.render.statistics import study_comparison
from generator.validate.knowledge_base import KnowledgeBase

FALLBACK_MARKER = "<!-- kb:fallback-notice -->"
SEARCH_BUNDLE = "pagefind/"  # Pagefind writes its bundle at the root of the whole site


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates never change during a build: skip a file check per page
    )
    # Front matter values: already HTML-escaped text, quoted as a JSON string (valid YAML).
    env.filters["yaml_string"] = lambda value: Markup(json.dumps(str(value), ensure_ascii=False))
    env.filters["fill"] = format_ui
    return env


def render_language(kb: KnowledgeBase, language: str) -> dict[str, str]:
    """Docs path -> file text, for one language. The open-data files are language-neutral and
    live once, at the root of the Spanish site (/data/)."""
    with cycle_collector_paused():
        pages = _Renderer(kb, language).all_pages()
        if language == "es":
            pages.update({f"data/{name}": text for name, text in exports(kb).items()})
    return pages


def write_tree(pages: dict[str, str], docs_dir: Path) -> None:
    root = docs_dir.resolve()
    for docs_path, text in sorted(pages.items()):
        target = docs_dir / docs_path
        # Ids and codes are validated as slugs already; this is the second line of defence.
        if not target.resolve().is_relative_to(root):
            raise ValueError(f"refusing to write {docs_path!r} outside the docs folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _with_acronym(name: str, acronym: str) -> str:
    """'Name (ACRONYM)', unless the name already carries the acronym."""
    return f"{name} ({acronym})" if acronym and acronym not in name else name


def _linking(records: dict) -> dict[str, list[str]]:
    """Mechanism id -> sorted ids of the records (agreements or practices) that list it."""
    linking: dict[str, list[str]] = {}
    for record_id in sorted(records):
        for mechanism_id in dict.fromkeys(records[record_id].mechanisms):
            linking.setdefault(mechanism_id, []).append(record_id)
    return linking


class _Renderer:
    def __init__(self, kb: KnowledgeBase, language: str):
        self.kb = kb
        self.language = language
        self.env = environment()
        self.L = Localizer(language, kb)
        self.t = kb.ui[language]
        # Which agreements and practices name each mechanism, found once rather than per page.
        self.agreements_of, self.practices_of = _linking(kb.agreements), _linking(kb.practices)
        # The published address, for "how to cite"; set by the deploy (SITE_URL), else a site path.
        base = os.environ.get("SITE_URL", "").rstrip("/")
        self.site_url = f"{base}/{'' if language == 'es' else language + '/'}" if base else ""

    def all_pages(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        pages.update(self._narrative_pages())
        pages.update(self._record_pages("mechanisms", "mechanism.md.j2", self.kb.mechanisms))
        pages.update(self._record_pages("agreements", "agreement.md.j2", self.kb.agreements))
        pages.update(self._record_pages("practices", "practice.md.j2", self.kb.practices))
        pages["mechanisms/index.md"] = self._mechanism_catalogue()
        pages["agreements/index.md"] = self._agreement_catalogue()
        pages["practices/index.md"] = self._practice_catalogue()
        pages["search.md"] = self._render("search.md.j2", "search.md", bundle=self._bundle_url())
        pages.update(country_pages(self))
        pages.update(grouping_pages(self))
        pages["statistics.md"] = statistics_page(self)
        pages["fields.md"] = field_reference_page(self)
        pages["translations.md"] = translation_status_page(self)
        pages["maintenance.md"] = maintenance_page(self)
        pages["data.md"] = self._render(
            "data.md.j2", "data.md", files=export_names(), fields=data_fields(), data_root=self._site_root("data.md") + "data/"
        )
        return dict(sorted(pages.items()))

    def render_page(self, template: str, docs_path: str, **context: object) -> str:
        return self._render(template, docs_path, **context)

    def sorted_records(self, records: dict) -> list:
        return self._sorted(records)

    def _render(self, template: str, docs_path: str, **context: object) -> str:
        self.L.start_page(docs_path)
        text = self.env.get_template(template).render(L=self.L, t=self.t, **context)
        notice = ""
        if self.L.fell_back:
            notice = f'<div class="admonition info kb-fallback" role="note"><p>{Markup.escape(self.t["not_translated"])}</p></div>'
        return text.replace(FALLBACK_MARKER, notice)

    def _names(self, records: dict) -> dict[str, str]:
        return {record_id: self.L.text(record.name) for record_id, record in records.items()}

    def _record_pages(self, folder: str, template: str, records: dict) -> dict[str, str]:
        context = {
            "mechanism_names": self._names(self.kb.mechanisms),
            "agreement_names": self._names(self.kb.agreements),
            "practice_names": self._names(self.kb.practices),
        }
        pages = {}
        for record_id in sorted(records):
            record = records[record_id]
            links = {"agreements": self.agreements_of.get(record_id, []), "practices": self.practices_of.get(record_id, [])}
            path = f"{folder}/{record_id}.md"
            address = f"{self.site_url}{folder}/{record_id}/" if self.site_url else f"{folder}/{record_id}/"
            pages[path] = self._render(template, path, r=record, page_address=address, **links, **context)
        return pages

    def _catalogue(self, folder: str, title: str, intro: str, headings: list[str], rows: list[dict], **extra: object) -> str:
        context = {"filters": None, "browse": None, **extra}
        return self._render("catalogue.md.j2", f"{folder}/index.md", title=title, intro=intro, headings=headings, rows=rows, **context)

    def _mechanism_catalogue(self) -> str:
        L, t = self.L, self.t
        rows = [
            {
                "path": f"mechanisms/{m.id}.md",
                "name": _with_acronym(L.text(m.name), L.text(m.acronym) if m.acronym else ""),
                "data": catalogue_data(m),
                "cells": [
                    f"{L.terms('countries', m.origin_countries)} → {L.terms('countries', m.destination_countries)}",
                    L.term("instrument-types", m.instrument_type),
                    L.terms("sectors", m.sectors),
                    L.term("statuses", m.status),
                ],
            }
            for m in self._sorted(self.kb.mechanisms)
        ]
        headings = [t["col_name"], t["col_route"], t["col_type"], t["col_sector"], t["col_status"]]
        filters = catalogue_filters(self.kb, L, t)
        return self._catalogue("mechanisms", t["nav_mechanisms"], t["catalogue_intro"], headings, rows, filters=filters)

    def _agreement_catalogue(self) -> str:
        L, t = self.L, self.t
        rows = [
            {
                "path": f"agreements/{a.id}.md",
                "name": L.text(a.name),
                "cells": [L.terms("countries", a.parties), L.value(a.signed), L.term("statuses", a.status)],
            }
            for a in self._sorted(self.kb.agreements)
        ]
        headings = [t["col_name"], t["col_parties"], t["col_signed"], t["col_status"]]
        return self._catalogue("agreements", t["nav_agreements"], t["agreements_intro"], headings, rows)

    def _practice_catalogue(self) -> str:
        L, t = self.L, self.t
        rows = [
            {
                "path": f"practices/{p.id}.md",
                "name": L.text(p.name),
                "cells": [L.terms("countries", p.countries), L.terms("cycle-phases", p.cycle_phases)],
            }
            for p in self._sorted(self.kb.practices)
        ]
        headings = [t["col_name"], t["col_countries"], t["col_phases"]]
        browse = [(t["phases_title"], "phases/index.md"), (t["objectives_title"], "objectives/index.md")]
        return self._catalogue("practices", t["nav_practices"], t["practices_intro"], headings, rows, browse=browse)

    def _sorted(self, records: dict) -> list:
        """Alphabetical by the name readers see in this language (then id, to stay stable)."""
        return sorted(records.values(), key=lambda r: (self.L.text(r.name).casefold(), r.id))

    def _narrative_pages(self) -> dict[str, str]:
        pages = {}
        for name, body in sorted(self.kb.pages[self.language].items()):
            appendix = self._appendix(name)
            pages[f"{name}.md"] = body.rstrip("\n") + ("\n\n" + appendix if appendix else "") + "\n"
        return pages

    def _appendix(self, name: str) -> str:
        """Generated sections appended to narrative pages (never contributor HTML)."""
        if name == "methodology":
            return self._render("study_comparison.md.j2", "methodology.md", rows=study_comparison(self.kb))
        if name == "index":
            origins = sorted({c for m in self.kb.mechanisms.values() for c in m.origin_countries}, key=lambda c: self.L.term("countries", c))
            return self._render("home_countries.md.j2", "index.md", origins=origins)
        if name == "glossary":
            return self._render("glossary_terms.md.j2", "glossary.md", taxonomies=self.kb.taxonomies)
        return ""

    def _bundle_url(self) -> str:
        return self._site_root("search.md") + SEARCH_BUNDLE

    def _site_root(self, page: str) -> str:
        """Relative link from a page to the root of the whole site (where the Spanish site is)."""
        return relative_url(page, "index.md") + ("" if self.language == "es" else "../")
