"""How much demo data each scale makes, and the yearly growth of referrals it follows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

Progress = Callable[[float], None]

# The synthetic evolution of individual referrals (DOMAIN.md §8.2), with invented years around it.
EVOLUTION = {
    2014: 50,
    2015: 55,
    2016: 62,
    2017: 68,
    2018: 74,
    2019: 45,  # COVID dip
    2020: 58,
    2021: 79,
    2022: 96,
    2023: 104,
    2024: 118,
    2025: 126,
}
DEFAULT_TODAY = date(2026, 2, 2)  # a Monday in school year 2025-2026, after the Christmas break


def evolution(year: int) -> float:
    if year in EVOLUTION:
        return EVOLUTION[year]
    if year < min(EVOLUTION):
        return EVOLUTION[min(EVOLUTION)]
    return EVOLUTION[max(EVOLUTION)] * 1.06 ** (year - max(EVOLUTION))


@dataclass(frozen=True)
class Scale:
    name: str
    years: int
    schools: int
    coaches: int
    referral_factor: float  # x EVOLUTION for individual referrals
    sessions_per_year: int  # at evolution 100; school-level work fills up to this
    audit_target: int | None = None  # pad with 'open' events up to this many (large only)
    region: str = "amo"


SCALES = {
    # tests only: small enough to run through the services in a few seconds
    "tiny": Scale("tiny", 2, 3, 2, 0.12, 260),
    "typical": Scale("typical", 6, 6, 4, 1.0, 2_500),
    "large": Scale("large", 10, 40, 25, 14.5, 30_000, audit_target=1_000_000, region="regio"),
}
