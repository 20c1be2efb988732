"""Figures computed from the records, set beside the figures the IOM (2021) study reports.

The study's own list could not be consulted; its totals are known from the 2022 concept note
of the RCM Forum on Labor Mobility Programs. The records are compared on the same footing:
mechanisms that existed by 2021 (started in 2021 or earlier, or start unknown)."""

from __future__ import annotations

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
    pool = [m for m in kb.mechanisms.values() if existed_by_study(m)]
    total = len(pool)
    return [
        Comparison("study_total", "25", total, total),
        Comparison("study_bilateral", "14 (56 %)", sum(m.scope == "bilateral" for m in pool), total),
        Comparison("study_temporary", "56 %", sum(bool(TEMPORARY_STAYS & set(m.stay)) for m in pool), total),
        Comparison("study_primary", "45 %", sum(bool(PRIMARY_SECTORS & set(m.sectors)) for m in pool), total),
    ]
