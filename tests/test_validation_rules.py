"""One row per validation rule: a change to a valid record, and the exact messages it must give.

Each row edits tests/fixtures/site/mechanisms/mx-ca-ptat.yaml (a trimmed real record) in a
temporary copy of the site tree, so the line and column in each message are exact."""

from __future__ import annotations

import pytest

from generator.problems import InputError
from generator.validate.knowledge_base import validate

RULES = [
    pytest.param(
        "scope: bilateral",
        "scope: bilaterl",
        [
            "mechanisms/mx-ca-ptat.yaml:13:8: scope: 'bilaterl' is not allowed; expected one of: bilateral, multilateral, unilateral, non-state or unknown"
        ],
        id="wrong scope",
    ),
    pytest.param(
        "summary:",
        "sumary:",
        [
            "mechanisms/mx-ca-ptat.yaml:2:1: summary: required field is missing; add it (write 'unknown' if no source gives it)",
            "mechanisms/mx-ca-ptat.yaml:8:1: sumary: unknown field 'sumary'; did you mean 'summary'?",
        ],
        id="unknown field typo",
    ),
    pytest.param(
        "status: active\n",
        "",
        ["mechanisms/mx-ca-ptat.yaml:2:1: status: required field is missing; add it (write 'unknown' if no source gives it)"],
        id="missing required",
    ),
    pytest.param(
        "  en: Mexican farmworkers work a season on Canadian farms and return home.\n",
        "",
        ["mechanisms/mx-ca-ptat.yaml:9:3: summary.en: required field is missing; add it (write 'unknown' if no source gives it)"],
        id="missing english",
    ),
    pytest.param(
        "  es: Campesinos mexicanos trabajan una temporada en granjas de Canadá y vuelven a casa.",
        "  es: ''",
        ["mechanisms/mx-ca-ptat.yaml:9:7: summary.es: must not be empty; write 'unknown' if no source gives it"],
        id="empty spanish",
    ),
    pytest.param(
        "destination_countries: [CA]",
        "destination_countries: [XX]",
        [
            "mechanisms/mx-ca-ptat.yaml:15:25: destination_countries[0]: 'XX' is not in content/taxonomies/countries.yaml; see the ids listed there"
        ],
        id="unknown country",
    ),
    pytest.param(
        "origin_countries: [MX]",
        "origin_countries: [mx]",
        ["mechanisms/mx-ca-ptat.yaml:14:20: origin_countries[0]: 'mx' is not an ISO 3166-1 alpha-2 code; expected two capital letters, e.g. MX"],
        id="lowercase country",
    ),
    pytest.param(
        "origin_countries: [MX]",
        "origin_countries: [NO]",
        [
            "mechanisms/mx-ca-ptat.yaml:14:20: origin_countries[0]: 'NO' is not in content/taxonomies/countries.yaml; see the ids listed there"
        ],
        id="NO as bool-looking country",
    ),
    pytest.param(
        "sectors: [agriculture]",
        "sectors: [agricultura]",
        [
            "mechanisms/mx-ca-ptat.yaml:18:11: sectors[0]: 'agricultura' is not in content/taxonomies/sectors.yaml; known: agriculture, agro-industry, construction, domestic-work, fishing-maritime, health-care, manufacturing, services, skilled-trades, tourism-hospitality, unknown, various"
        ],
        id="unknown sector",
    ),
    pytest.param(
        "sectors: [agriculture]",
        "sectors: agriculture",
        ["mechanisms/mx-ca-ptat.yaml:18:10: sectors: expected a list, e.g. [MX, GT], got 'agriculture'"],
        id="list given scalar",
    ),
    pytest.param(
        'started: "1974"',
        "started: 20219",
        ["mechanisms/mx-ca-ptat.yaml:16:10: started: '20219' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-07-30"],
        id="bad year",
    ),
    pytest.param(
        "last_reviewed: 2026-11-22",
        "last_reviewed: 2026-02-31",
        ["mechanisms/mx-ca-ptat.yaml:56:16: last_reviewed: '2026-02-31' is not a date; expected YYYY-MM-DD, e.g. 2026-11-22"],
        id="31 february",
    ),
    pytest.param(
        "url: https://seecat.qroo.gob.mx/ptat/",
        "url: javascript:alert(1)",
        [
            "mechanisms/mx-ca-ptat.yaml:41:10: official_channels[0].url: 'javascript:alert(1)' is not an allowed link; expected an address starting with https://, http:// or mailto: and without spaces"
        ],
        id="javascript url",
    ),
    pytest.param(
        "url: https://seecat.qroo.gob.mx/ptat/",
        "url: data:text/html,hi",
        [
            "mechanisms/mx-ca-ptat.yaml:41:10: official_channels[0].url: 'data:text/html,hi' is not an allowed link; expected an address starting with https://, http:// or mailto: and without spaces"
        ],
        id="data url",
    ),
    pytest.param(
        "url: https://seecat.qroo.gob.mx/ptat/",
        "url: file:///etc/passwd",
        [
            "mechanisms/mx-ca-ptat.yaml:41:10: official_channels[0].url: 'file:///etc/passwd' is not an allowed link; expected an address starting with https://, http:// or mailto: and without spaces"
        ],
        id="file url",
    ),
    pytest.param(
        "url: https://seecat.qroo.gob.mx/ptat/",
        "url: https://seecat.qroo.gob.mx/pt at/",
        [
            "mechanisms/mx-ca-ptat.yaml:41:10: official_channels[0].url: 'https://seecat.qroo.gob.mx/pt at/' is not an allowed link; expected an address starting with https://, http:// or mailto: and without spaces"
        ],
        id="url with space",
    ),
    pytest.param(
        "id: mx-ca-ptat",
        "id: mx-ca-sawp",
        ["mechanisms/mx-ca-ptat.yaml:2:5: id: 'mx-ca-sawp' does not match the file name; expected 'mx-ca-ptat' (or rename the file)"],
        id="id mismatch",
    ),
    pytest.param(
        "id: mx-ca-ptat",
        "id: ../etc/passwd",
        [
            "mechanisms/mx-ca-ptat.yaml:2:5: id: '../etc/passwd' does not match the file name; expected 'mx-ca-ptat' (or rename the file)",
            "mechanisms/mx-ca-ptat.yaml:2:5: id: '../etc/passwd' is not a valid id; use lower-case letters, digits and single hyphens, at most 80 characters (e.g. mx-ca-ptat)",
        ],
        id="id not slug",
    ),
    pytest.param(
        'gcm_objectives: ["5", "21"]',
        'gcm_objectives: ["5", "24"]',
        ["mechanisms/mx-ca-ptat.yaml:49:23: gcm_objectives[1]: '24' is not a GCM objective; expected a number from 1 to 23"],
        id="gcm out of range",
    ),
    pytest.param(
        "    source: 1",
        "    source: 3",
        ["mechanisms/mx-ca-ptat.yaml:48:13: figures[0].source: '3' names source 3, but the record lists 1 source(s)"],
        id="figure cites missing source",
    ),
    pytest.param(
        'covered: "yes", detail: {es: La',
        "covered: si, detail: {es: La",
        [
            "mechanisms/mx-ca-ptat.yaml:26:34: protections.no_fees_for_workers.covered: 'si' is not allowed; expected one of: yes, partial, no or unknown"
        ],
        id="coverage wrong",
    ),
    pytest.param(
        "gcm_objectives:",
        "related: [mx-ca-nope]\ngcm_objectives:",
        ["mechanisms/mx-ca-ptat.yaml:49:11: related[0]: 'mx-ca-nope' is not the id of any file in mechanisms/"],
        id="dangling related",
    ),
    pytest.param(
        "details:\n  es: Empezó en **1974** con un memorando entre los dos gobiernos.\n  en: It began in **1974** with a memorandum between the two governments.\n  fr: Il a commencé en **1974** par un protocole d'entente entre les deux gouvernements.\n",
        "details: Empezó en 1974.\n",
        ["mechanisms/mx-ca-ptat.yaml:30:10: details: expected the text in each language (es: …, en: …, fr: …), got 'Empezó en 1974.'"],
        id="text not mapping",
    ),
    pytest.param(
        "  fr: Des ouvriers agricoles mexicains travaillent une saison dans des fermes canadiennes puis rentrent.",
        "  pt: Trabalhadores.",
        ["mechanisms/mx-ca-ptat.yaml:11:3: summary.pt: unknown field 'pt'; allowed here: es, en, fr"],
        id="unknown language",
    ),
    pytest.param(
        "sources:\n",
        "sources: []\nx_sources:\n",
        [
            "mechanisms/mx-ca-ptat.yaml:48:13: figures[0].source: '1' names source 1, but the record lists 0 source(s)",
            "mechanisms/mx-ca-ptat.yaml:50:10: sources: needs at least 1 item(s)",
            "mechanisms/mx-ca-ptat.yaml:51:1: x_sources: unknown field 'x_sources'; did you mean 'sources'?",
        ],
        id="no sources",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), RULES)
def test_rule_gives_exact_located_messages(site_root, old: str, new: str, expected: list[str]) -> None:
    record = site_root / "mechanisms/mx-ca-ptat.yaml"
    text = record.read_text(encoding="utf-8")
    assert old in text, "the fixture changed: update this row"
    record.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        validate(site_root)
    assert [str(problem) for problem in caught.value.problems] == expected


def test_the_unchanged_fixture_is_valid(site_root) -> None:
    kb = validate(site_root)
    assert sorted(kb.mechanisms) == ["mx-ca-ptat"]


def test_every_problem_in_every_file_is_reported_in_one_run(site_root) -> None:
    record = site_root / "mechanisms/mx-ca-ptat.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("scope: bilateral", "scope: twoway"), encoding="utf-8")
    (site_root / "content/practices/broken.yaml").write_text("id: broken\nid: again\n", encoding="utf-8")
    (site_root / "mechanisms/Bad Name.yaml").write_text("id: x\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        validate(site_root)
    assert [str(p) for p in caught.value.problems] == [
        "content/practices/broken.yaml:2:1: duplicate key 'id': first at line 1, again at line 2; keep one",
        "mechanisms/Bad Name.yaml:1:1: 'Bad Name' is not a valid file name; use lower-case letters, digits and single hyphens",
        "mechanisms/mx-ca-ptat.yaml:13:8: scope: 'twoway' is not allowed; expected one of: bilateral, multilateral, unilateral, "
        "non-state or unknown",
    ]
