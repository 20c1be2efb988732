"""Issue 4 pages, checked against counts the test computes itself from the repository's records."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.build.site import build_site
from generator.validate.knowledge_base import validate

REPO = Path(__file__).resolve().parent.parent
ROOTS = {"es": "", "en": "en/", "fr": "fr/"}


@pytest.fixture(scope="module")
def kb():
    return validate(REPO)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(REPO, tmp_path_factory.mktemp("finder") / "site")


def page(site: Path, language: str, path: str) -> str:
    return (site / ROOTS[language] / path / "index.html").read_text(encoding="utf-8")


def table_rows(html_text: str, key: str) -> list[list[str]]:
    table = re.search(rf'<table class="kb-[a-z]+"(?: data-pagefind-ignore)? data-kb-stats="{key}">(.*?)</table>', html_text, re.S).group(1)
    body = table.split("<tbody>")[1]
    return [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def test_statistics_headline_matches_the_records(kb, site) -> None:
    mechanisms = list(kb.mechanisms.values())
    total = len(mechanisms)
    bilateral = sum(m.scope == "bilateral" for m in mechanisms)
    temporary = sum(bool({"temporary", "seasonal", "circular"} & set(m.stay)) for m in mechanisms)
    primary = sum(bool({"agriculture", "fishing-maritime"} & set(m.sectors)) for m in mechanisms)
    rows = table_rows(page(site, "en", "statistics"), "headline")
    assert rows == [
        ["Mechanisms", str(total), ""],
        ["Bilateral", str(bilateral), f"{round(100 * bilateral / total)} %"],
        ["Temporary work schemes", str(temporary), f"{round(100 * temporary / total)} %"],
        ["Oriented to the primary sector", str(primary), f"{round(100 * primary / total)} %"],
    ]


@pytest.mark.parametrize(("key", "values_of"), [
    ("chart-1", lambda m: m.sectors),
    ("chart-2", lambda m: m.destination_countries),
    ("chart-4", lambda m: [m.status]),
])
def test_statistics_breakdowns_match_the_records(kb, site, key, values_of) -> None:
    expected = Counter(value for m in kb.mechanisms.values() for value in set(values_of(m)))
    rows = table_rows(page(site, "es", "statistics"), key)
    assert sorted(int(count) for _, count, _ in rows) == sorted(expected.values())
    assert sum(int(count) for _, count, _ in rows) == sum(expected.values())


def test_statistics_charts_are_accessible_svg(site) -> None:
    text = page(site, "fr", "statistics")
    charts = re.findall(r'<svg class="kb-chart" id="([\w-]+)" role="img" aria-labelledby="\1-title \1-desc"', text)
    assert len(charts) == 7
    for chart in charts:
        assert f'<title id="{chart}-title">' in text and f'<desc id="{chart}-desc">' in text


def test_coverage_gaps_match_the_records(kb, site) -> None:
    rows = table_rows(page(site, "en", "statistics"), "gaps")
    fees = Counter(m.protections.no_fees_for_workers.covered for m in kb.mechanisms.values())
    assert rows[0] == ["No recruitment fees charged to workers", *(str(fees[v]) for v in ("yes", "partial", "no", "unknown"))]


def test_every_country_page_lists_exactly_the_records_naming_it(kb, site) -> None:
    named: dict[str, set[str]] = {}
    for m in kb.mechanisms.values():
        for code in {*m.origin_countries, *m.destination_countries}:
            named.setdefault(code, set()).add(f"mechanisms/{m.id}")
    for a in kb.agreements.values():
        for code in a.parties:
            named.setdefault(code, set()).add(f"agreements/{a.id}")
    for p in kb.practices.values():
        for code in p.countries:
            named.setdefault(code, set()).add(f"practices/{p.id}")
    for code, records in named.items():
        listed = set(re.findall(r'data-kb-record="([\w/-]+)"', page(site, "es", f"countries/{code.lower()}")))
        assert listed == records, code


def test_corridor_matrix_counts_and_links(kb, site) -> None:
    text = page(site, "en", "countries")
    cells = dict(re.findall(r'data-kb-corridor="(\w\w-\w\w)">(\d+)</a>', text))
    expected = Counter(f"{o}-{d}" for m in kb.mechanisms.values() for o in m.origin_countries for d in m.destination_countries)
    assert {k: int(v) for k, v in cells.items()} == dict(expected)
    assert 'href="../mechanisms/?origin=HN&amp;destination=US"' in text


def test_open_data_exports_hold_every_record_in_every_language(kb, site) -> None:
    for collection in ("mechanisms", "agreements", "practices"):
        records = getattr(kb, collection)
        data = json.loads((site / "data" / f"{collection}.json").read_text(encoding="utf-8"))
        assert [item["id"] for item in data] == sorted(records)
        assert all({"es", "en"} <= set(item["name"]) for item in data)
        rows = list(csv.DictReader(io.StringIO((site / "data" / f"{collection}.csv").read_text(encoding="utf-8"))))
        assert [row["id"] for row in rows] == sorted(records)
        assert all(row["name_es"] and row["name_en"] and row["name_fr"] for row in rows)
    assert (site / "schema" / "mechanism.schema.json").is_file()


def test_catalogue_is_complete_without_scripts(kb, site) -> None:
    text = page(site, "es", "mechanisms")
    assert len(re.findall(r'<tr data-origin="', text)) == len(kb.mechanisms)
    assert re.search(r"<form class=\"kb-filters\" data-kb-filters hidden", text)  # only the script reveals the filters
    assert "<tr hidden" not in text


def test_record_pages_say_how_to_cite_them(site) -> None:
    text = page(site, "en", "mechanisms/mx-ca-ptat")
    assert re.search(r'<p class="kb-cite"(?: data-pagefind-ignore)?>Mexico–Canada Seasonal Agricultural Worker Program\. <em>Labour migration pathways in Mesoamerica</em>\. Last reviewed: \d{4}-\d\d-\d\d\. mechanisms/mx-ca-ptat/</p>', text)


def test_phase_and_objective_pages_list_their_practices(kb, site) -> None:
    for phase in kb.taxonomies["cycle-phases"]:
        listed = set(re.findall(r'data-kb-record="(practices/[\w-]+)"', page(site, "en", f"phases/{phase}")))
        assert listed == {f"practices/{p.id}" for p in kb.practices.values() if phase in p.cycle_phases}
    listed = set(re.findall(r'data-kb-record="(practices/[\w-]+)"', page(site, "fr", "objectives/6")))
    assert listed == {f"practices/{p.id}" for p in kb.practices.values() if "6" in p.gcm_objectives}


def test_an_acronym_already_in_the_name_is_not_repeated(kb, site) -> None:
    for m in kb.mechanisms.values():
        if not m.acronym:
            continue
        heading = re.search(r"<h1>(.*?)</h1>", page(site, "es", f"mechanisms/{m.id}"), re.S).group(1)
        assert heading.count(f"({m.acronym.es})") <= 1, m.id
