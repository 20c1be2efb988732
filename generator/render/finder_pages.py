"""Pages that help a reader find a pathway: countries and corridors, statistics, practices by
migration-cycle phase and by GCM objective. Everything is computed from the records at build
time, so the pages never disagree with the records."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.render.charts import bar_chart
from generator.render.statistics import COVERAGE, PROTECTIONS, coverage, distributions, headline_shares

if TYPE_CHECKING:
    from generator.render.docs_tree import _Renderer
    from generator.validate.knowledge_base import KnowledgeBase

# Breakdowns on the statistics page: (distribution, taxonomy for labels or None, ui heading key)
BREAKDOWNS = [
    ("instrument-types", "instrument-types", "stats_by_type"),
    ("sectors", "sectors", "stats_by_sector"),
    ("destinations", "countries", "stats_by_destination"),
    ("origins", "countries", "stats_by_origin"),
    ("statuses", "statuses", "stats_by_status"),
    ("scope", None, "stats_by_scope"),
]


def country_codes(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Country code -> ids of every record that names it (mechanisms, agreements, practices)."""
    named: dict[str, set[str]] = defaultdict(set)
    for m in kb.mechanisms.values():
        for code in {*m.origin_countries, *m.destination_countries}:
            named[code].add(f"mechanisms/{m.id}")
    for a in kb.agreements.values():
        for code in a.parties:
            named[code].add(f"agreements/{a.id}")
    for p in kb.practices.values():
        for code in p.countries:
            named[code].add(f"practices/{p.id}")
    return dict(named)


def country_pages(r: _Renderer) -> dict[str, str]:
    kb, L = r.kb, r.L
    mechanisms = r.sorted_records(kb.mechanisms)
    origins = sorted({c for m in mechanisms for c in m.origin_countries}, key=lambda c: L.term("countries", c))
    destinations = sorted({c for m in mechanisms for c in m.destination_countries}, key=lambda c: L.term("countries", c))
    named = country_codes(kb)
    others = sorted(set(named) - set(origins) - set(destinations), key=lambda c: L.term("countries", c))
    matrix = [[sum(o in m.origin_countries and d in m.destination_countries for m in mechanisms) for d in destinations] for o in origins]
    pages = {"countries/index.md": r.render_page(
        "countries_index.md.j2", "countries/index.md",
        origins=origins, destinations=destinations, others=others, matrix=matrix, named=named,
    )}
    for code in sorted(named):
        path = f"countries/{code.lower()}.md"
        by_destination: dict[str, list] = defaultdict(list)
        for m in mechanisms:
            if code in m.origin_countries:
                for d in m.destination_countries:
                    by_destination[d].append(m)
        pages[path] = r.render_page(
            "country.md.j2", path, code=code,
            by_destination=sorted(by_destination.items(), key=lambda item: L.term("countries", item[0])),
            inbound=[m for m in mechanisms if code in m.destination_countries],
            agreements=[a for a in r.sorted_records(kb.agreements) if code in a.parties],
            practices=[p for p in r.sorted_records(kb.practices) if code in p.countries],
        )
    return pages


def statistics_page(r: _Renderer) -> str:
    kb, L, t = r.kb, r.L, r.t
    total = len(kb.mechanisms)
    sections = []
    breakdowns = distributions(kb)
    for index, (name, taxonomy, heading) in enumerate(BREAKDOWNS):
        rows = [(L.term(taxonomy, c.key) if taxonomy else t[f"scope_{c.key}"], c.count) for c in breakdowns[name]]
        sections.append(_chart_section(r, f"chart-{index}", t[heading], rows, total))
    headline = headline_shares(kb)
    gaps = coverage(kb)
    gap_rows = [
        (t[f"p_{p}"], [gaps[p][value] for value in COVERAGE]) for p in PROTECTIONS
    ]
    gap_chart = _chart_section(r, "chart-gaps", t["stats_gaps"], [(t[f"p_{p}"], gaps[p]["yes"]) for p in PROTECTIONS], total)
    return r.render_page(
        "statistics.md.j2", "statistics.md", total=total, headline=headline, sections=sections,
        gap_rows=gap_rows, coverage_values=COVERAGE, gap_chart=gap_chart,
    )


def _chart_section(r: _Renderer, chart_id: str, title: str, rows: list[tuple[str, int]], total: int) -> dict:
    description = r.t["stats_chart_desc"].format(title=title)
    return {"id": chart_id, "title": title, "rows": rows, "total": total,
            "svg": bar_chart(chart_id, title, description, rows, total)}


def grouping_pages(r: _Renderer) -> dict[str, str]:
    """One page per migration-cycle phase and per GCM objective, with indexes."""
    kb = r.kb
    pages = {}
    groups = [
        ("phases", "cycle-phases", "phases_title", "phases_intro", lambda rec: rec.cycle_phases),
        ("objectives", "gcm-objectives", "objectives_title", "objectives_intro", lambda rec: rec.gcm_objectives),
    ]
    for folder, taxonomy, title_key, intro_key, values_of in groups:
        terms = list(kb.taxonomies[taxonomy])
        members = {
            term: (
                [p for p in r.sorted_records(kb.practices) if term in values_of(p)],
                [m for m in r.sorted_records(kb.mechanisms) if term in values_of(m)],
            )
            for term in terms
        }
        pages[f"{folder}/index.md"] = r.render_page(
            "grouping_index.md.j2", f"{folder}/index.md", folder=folder, taxonomy=taxonomy,
            title=r.t[title_key], intro=r.t[intro_key], members=members,
        )
        for term, (practices, mechanisms) in members.items():
            path = f"{folder}/{term}.md"
            pages[path] = r.render_page(
                "grouping.md.j2", path, taxonomy=taxonomy, term=term, folder=folder,
                practices=practices, mechanisms=mechanisms, parent_title=r.t[title_key],
            )
    return pages


def format_ui(template: str, **values: str) -> Markup:
    """An interface string with {placeholders} filled by escaped values."""
    return Markup.escape(template).format(**values) if values else Markup.escape(template)
