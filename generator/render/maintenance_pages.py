"""Pages for the people who keep the knowledge base up to date: which texts still fall back to
Spanish in which language (for translators), and which records are due for a review.

Record names are shown as written in this language, else in Spanish, without the "not yet
translated" notice: on these pages a missing translation is the subject, not a defect."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.build.errors import BuildError
from generator.load.tree import LANGUAGES
from generator.render.localize import relative_url
from generator.validate.fields import Text
from generator.validate.maintenance import (
    COLLECTIONS,
    DEFAULT_MAX_AGE_DAYS,
    TranslationStatus,
    reference_date,
    stale_records,
    translation_status,
)

if TYPE_CHECKING:
    from generator.render.docs_tree import _Renderer

TRANSLATIONS_PAGE = "translations.md"
MAINTENANCE_PAGE = "maintenance.md"
MAX_AGE_VARIABLE = "KB_MAX_AGE_DAYS"  # the site's threshold; `validate --max-age-days` has its own
SECTION_TITLES = {
    "mechanism": "nav_mechanisms",
    "agreement": "nav_agreements",
    "practice": "nav_practices",
    "taxonomy": "translations_taxonomies",
}


@dataclass(frozen=True)
class StatusRow:
    item: str  # 'mechanisms/mx-ca-ptat', 'taxonomy/countries'
    name: str
    url: str | None
    cells: list[tuple[str, list[str]]]  # per language: (language, labels of the texts that fall back)


def translation_status_page(r: _Renderer) -> str:
    statuses = translation_status(r.kb)
    sections = []
    for kind, title_key in SECTION_TITLES.items():
        rows = [_status_row(r, status) for status in statuses if status.kind == kind]
        if rows:
            sections.append({"title": r.t[title_key], "rows": rows})
    records = [s for s in statuses if s.kind != "taxonomy"]
    summary = [
        {"language": language, "name": r.kb.ui[language]["language_name"],
         "complete": sum(s.complete(language) for s in records), "falling": sum(not s.complete(language) for s in records)}
        for language in LANGUAGES
    ]
    return r.render_page("translations.md.j2", TRANSLATIONS_PAGE,
                         summary=summary, sections=sections, languages=LANGUAGES, language_names=_language_names(r))


def maintenance_page(r: _Renderer) -> str:
    days, today = max_age_days(), reference_date()
    rows = [
        {"item": f"{COLLECTIONS[s.kind]}/{s.record_id}", "name": localized_name(s.name, r.language),
         "url": _url(s.kind, s.record_id), "section": r.t[SECTION_TITLES[s.kind]],
         "reviewed": s.last_reviewed.isoformat(), "age": s.age_days}
        for s in stale_records(r.kb, today, days)
    ]
    return r.render_page("maintenance.md.j2", MAINTENANCE_PAGE, rows=rows, days=str(days), today=today.isoformat())


def max_age_days(environ: Mapping[str, str] | None = None) -> int:
    raw = (os.environ if environ is None else environ).get(MAX_AGE_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_MAX_AGE_DAYS
    if not raw.isdigit() or int(raw) < 1:
        raise BuildError(f"{MAX_AGE_VARIABLE}={raw!r} is not a number of days; expected a whole number such as 365")
    return int(raw)


def localized_name(name: Text | None, language: str) -> str:
    if name is None:
        return ""
    return name.get(language) or name.es


def _status_row(r: _Renderer, status: TranslationStatus) -> StatusRow:
    cells = [(language, [text.label for text in status.missing.get(language, ())]) for language in LANGUAGES]
    if status.kind == "taxonomy":
        return StatusRow(f"taxonomy/{status.item_id}", status.file, None, cells)
    name = localized_name(status.name, r.language)
    return StatusRow(f"{COLLECTIONS[status.kind]}/{status.item_id}", name, _url(status.kind, status.item_id), cells)


def _url(kind: str, record_id: str) -> str:
    return relative_url(TRANSLATIONS_PAGE, f"{COLLECTIONS[kind]}/{record_id}.md")  # both pages sit at the same depth


def _language_names(r: _Renderer) -> dict[str, str]:
    return {language: r.kb.ui[language]["language_name"] for language in LANGUAGES}
