"""Figures computed from the records, set beside the figures the IOM (2021) study reports.

The study's own list could not be consulted; its totals are known from the 2022 concept note
of the RCM Forum on Labor Mobility Programs. The records are compared on the same footing:
mechanisms that existed by 2021 (started in 2021 or earlier, or start unknown)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.validate.knowledge_base import KnowledgeBase
from generator.validate.records import Mechanism

STUDY_YEAR = 2021
PRIMARY_SECTORS = {"agriculture", "fishing-maritime"}
TEMPORARY_STAYS = {"temporary", "seasonal", "circular"}


@dataclass(frozen=True)
class Comparison:
    key: str  # ui string key of the label
    reported: str  # as the concept note gives it
    count: int
    total: int

    @property
    def share(self) -> str:
        return f"{round(100 * self.count / self.total)} %" if self.total else "—"


def existed_by_study(mechanism: Mechanism) -> bool:
    started = mechanism.started
    return started == "unknown" or int(started[:4]) <= STUDY_YEAR


def study_comparison(kb: KnowledgeBase) -> list[Comparison]:
    """The study's reported figures beside the same figures over records that existed by 2021."""
    return _shares([m for m in kb.mechanisms.values() if existed_by_study(m)])


@dataclass(frozen=True)
class Count:
    key: str  # a taxonomy term id, or a fixed value such as "bilateral"
    count: int


PROTECTIONS = ("no_fees_for_workers", "social_security", "social_security_portability", "return_reintegration")
COVERAGE = ("yes", "partial", "no", "unknown")


def count_terms(mechanisms: list[Mechanism], values_of: Callable[[Mechanism], list[str]]) -> list[Count]:
    """How many mechanisms carry each value (a mechanism with two sectors counts in both),
    most frequent first, then by key so the order is stable."""
    tally: dict[str, int] = {}
    for mechanism in mechanisms:
        for value in set(values_of(mechanism)):
            tally[value] = tally.get(value, 0) + 1
    return [Count(key, n) for key, n in sorted(tally.items(), key=lambda item: (-item[1], item[0]))]


def distributions(kb: KnowledgeBase) -> dict[str, list[Count]]:
    """Every breakdown the statistics page shows, computed from the records."""
    mechanisms = sorted(kb.mechanisms.values(), key=lambda m: m.id)
    return {
        "instrument-types": count_terms(mechanisms, lambda m: [m.instrument_type]),
        "sectors": count_terms(mechanisms, lambda m: m.sectors),
        "destinations": count_terms(mechanisms, lambda m: m.destination_countries),
        "origins": count_terms(mechanisms, lambda m: m.origin_countries),
        "statuses": count_terms(mechanisms, lambda m: [m.status]),
        "scope": count_terms(mechanisms, lambda m: [m.scope]),
    }


def headline_shares(kb: KnowledgeBase) -> list[Comparison]:
    """Share bilateral, temporary and primary-sector over every mechanism (not only 2021)."""
    return _shares(list(kb.mechanisms.values()))


def coverage(kb: KnowledgeBase) -> dict[str, dict[str, int]]:
    """For each protection, how many mechanisms offer it: yes, partial, no, unknown."""
    table = {p: dict.fromkeys(COVERAGE, 0) for p in PROTECTIONS}
    for mechanism in kb.mechanisms.values():
        for protection in PROTECTIONS:
            table[protection][getattr(mechanism.protections, protection).covered] += 1
    return table


def _shares(pool: list[Mechanism]) -> list[Comparison]:
    total = len(pool)
    return [
        Comparison("study_total", "25", total, total),
        Comparison("study_bilateral", "14 (56 %)", sum(m.scope == "bilateral" for m in pool), total),
        Comparison("study_temporary", "56 %", sum(bool(TEMPORARY_STAYS & set(m.stay)) for m in pool), total),
        Comparison("study_primary", "45 %", sum(bool(PRIMARY_SECTORS & set(m.sectors)) for m in pool), total),
    ]
