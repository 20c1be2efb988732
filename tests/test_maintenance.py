"""Translation status and staleness: what falls back to Spanish in which language, which records
are due for review, how validate reports both, and the pages that list them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.build.errors import BuildError
from generator.render.docs_tree import render_language
from generator.render.maintenance_pages import max_age_days
from generator.validate.knowledge_base import validate
from generator.validate.maintenance import (
    fallback_problems,
    reference_date,
    stale_records,
    staleness_problems,
    translation_status,
)

AGREEMENT = "content/agreements/mx-ca-sawp-mou-1974.yaml"


def epoch(day: date) -> str:
    return str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))


def test_only_the_agreement_without_french_falls_back(site_root: Path) -> None:
    statuses = {(s.kind, s.item_id): s for s in translation_status(validate(site_root))}
    agreement = statuses[("agreement", "mx-ca-sawp-mou-1974")]
    assert [t.label for t in agreement.missing["fr"]] == ["name", "summary", "details"]
    assert agreement.complete("es") and agreement.complete("en") and not agreement.complete("fr")
    incomplete = sorted(key for key, s in statuses.items() if s.missing)
    assert incomplete == [("agreement", "mx-ca-sawp-mou-1974")]


def test_fallbacks_are_located_on_their_lines(site_root: Path) -> None:
    problems = fallback_problems(site_root, translation_status(validate(site_root)))
    assert [str(p) for p in problems] == [
        f"{AGREEMENT}:3:3: name: no French text; the fr site shows the Spanish text with a notice",
        f"{AGREEMENT}:6:3: summary: no French text; the fr site shows the Spanish text with a notice",
        f"{AGREEMENT}:15:3: details: no French text; the fr site shows the Spanish text with a notice",
    ]


def test_nested_texts_and_taxonomy_labels_are_found(site_root: Path) -> None:
    record = site_root / "mechanisms/mx-ca-ptat.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace(", fr: Recrute et sélectionne.}", "}"), encoding="utf-8")
    sectors = site_root / "content/taxonomies/sectors.yaml"
    sectors.write_text(sectors.read_text(encoding="utf-8").replace(", fr: Agriculture}", "}", 1), encoding="utf-8")
    statuses = {(s.kind, s.item_id): s for s in translation_status(validate(site_root))}
    assert [t.label for t in statuses[("mechanism", "mx-ca-ptat")].missing["fr"]] == ["institutions[0].role"]
    assert [t.label for t in statuses[("taxonomy", "sectors")].missing["fr"]] == ["agriculture.label"]
    located = {str(p) for p in fallback_problems(site_root, list(statuses.values()))}
    assert "content/taxonomies/sectors.yaml:3:12: agriculture.label: no French text; the fr site shows the Spanish text with a notice" in located
    assert "mechanisms/mx-ca-ptat.yaml:23:11: institutions[0].role: no French text; the fr site shows the Spanish text with a notice" in located


def test_records_older_than_the_limit_are_stale_oldest_first(site_root: Path) -> None:
    kb = validate(site_root)
    reviewed = date(2026, 11, 22)
    assert stale_records(kb, date(2027, 11, 22), 365) == []  # exactly 365 days is not older
    stale = stale_records(kb, date(2027, 11, 23), 365)
    assert [(s.kind, s.record_id, s.age_days) for s in stale] == [
        ("agreement", "mx-ca-sawp-mou-1974", 366),
        ("mechanism", "mx-ca-ptat", 366),
        ("practice", "standard-contract-consular-support", 366),
    ]
    assert {s.last_reviewed for s in stale} == {reviewed}
    assert [str(p) for p in staleness_problems(site_root, stale[1:2], 365)] == [
        "mechanisms/mx-ca-ptat.yaml:56:16: last_reviewed: last reviewed 366 days ago (more than 365); "
        "check the record against its sources and update the date"
    ]


def test_reference_date_honours_source_date_epoch() -> None:
    assert reference_date({"SOURCE_DATE_EPOCH": epoch(date(2030, 1, 2))}) == date(2030, 1, 2)
    assert reference_date({}) == date.today()


def test_validate_warns_about_stale_records_and_still_succeeds(site_root: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2028, 1, 1)))
    assert main(["--root", str(site_root), "validate", "--format", "github"]) == 0
    out, err = capsys.readouterr()
    assert (
        "mechanisms/mx-ca-ptat.yaml:56:16: warning: last_reviewed: last reviewed 405 days ago (more than 365); "
        "check the record against its sources and update the date"
    ) in err.splitlines()
    assert (
        "::warning file=mechanisms/mx-ca-ptat.yaml,line=56,col=16::last_reviewed: last reviewed 405 days ago (more than 365); "
        "check the record against its sources and update the date"
    ) in out.splitlines()
    assert "3 record(s) last reviewed more than 365 days ago (warnings above)." in out
    assert main(["--root", str(site_root), "validate", "--max-age-days", "500"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_validate_fails_on_fallback_only_when_asked(site_root: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2026, 11, 22)))
    assert main(["--root", str(site_root), "validate"]) == 0
    assert "3 text(s) fall back to Spanish; --fail-on-fallback makes that an error." in capsys.readouterr().out
    assert main(["--root", str(site_root), "validate", "--fail-on-fallback"]) == 1
    err = capsys.readouterr().err
    assert f"{AGREEMENT}:3:3: name: no French text; the fr site shows the Spanish text with a notice" in err
    assert "3 problem(s) found" in err


def test_max_age_must_be_a_positive_number(site_root: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--root", str(site_root), "validate", "--max-age-days", "0"])
    assert max_age_days({}) == 365
    assert max_age_days({"KB_MAX_AGE_DAYS": "30"}) == 30
    with pytest.raises(BuildError, match="KB_MAX_AGE_DAYS='a year' is not a number of days"):
        max_age_days({"KB_MAX_AGE_DAYS": "a year"})


def test_translation_page_lists_each_record_and_language(site_root: Path) -> None:
    page = render_language(validate(site_root), "fr")["translations.md"]
    assert '<tr data-language="fr"><td>Français</td><td>2</td><td>1</td></tr>' in page
    assert (
        '<td data-language="fr" data-status="fallback">Affichée en espagnol: name, summary, details</td>'
    ) in page
    assert '<tr data-item="mechanisms/mx-ca-ptat"><td><a href="../mechanisms/mx-ca-ptat/">' in page
    assert page.count('data-status="complete"') == 3 * 3 - 1 + 7 * 3  # records, then taxonomy files
    assert "kb-fallback" not in page  # a missing translation is this page's subject, not a defect of it


def test_maintenance_page_lists_stale_records_or_says_none(site_root: Path, monkeypatch) -> None:
    kb = validate(site_root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2026, 12, 1)))
    page = render_language(kb, "en")["maintenance.md"]
    assert 'data-kb-maintenance="none">No record has gone more than 365 days without a review.</p>' in page
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2028, 1, 1)))
    monkeypatch.setenv("KB_MAX_AGE_DAYS", "400")
    page = render_language(kb, "es")["maintenance.md"]
    assert "Fichas revisadas por última vez hace más de 400 días (a fecha de 2028-01-01)." in page
    assert (
        '<tr data-item="mechanisms/mx-ca-ptat"><td><a href="../mechanisms/mx-ca-ptat/">'
        "Programa de Trabajadores Agrícolas Temporales México–Canadá</a></td><td>Mecanismos</td>"
        '<td><time datetime="2026-11-22">2026-11-22</time></td><td>405</td></tr>'
    ) in page
    assert page.count("<tr data-item=") == 3
