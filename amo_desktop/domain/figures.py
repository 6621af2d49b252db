"""Plain results of the figures module, shared by screens and reports (docs/figures.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from amo_desktop.domain.calendar import SchoolYear


@dataclass(frozen=True)
class SchoolCapacity:
    school_id: str
    school_name: str
    entitled_hours: float
    used_hours: float
    planned_hours: float
    teacher_hours: float
    ratio: float
    warning: int | None
    by_funder: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class WaitingFigures:
    """The waiting list as of one day: its size and how long people wait (DOMAIN.md §4.3)."""

    waiting_now: int
    median_wait_days: float | None
    longest_wait_days: int | None
    median_wait_school_days: float | None
    longest_wait_school_days: int | None


@dataclass(frozen=True)
class StartWaits:
    """Time from referral to the start of guidance, over the referrals that started in a span:
    the measure the network was founded for (shorter waiting lists)."""

    started: int
    median_days: float | None
    longest_days: int | None
    median_school_days: float | None
    longest_school_days: int | None


@dataclass(frozen=True)
class PeriodFigures:
    """The headline counts of a period, optionally for one school (DOMAIN.md §7.3, §4.3)."""

    first: date
    last: date
    school_id: str | None
    referrals: int
    referrals_by_school: dict[str, int]
    referrals_by_offer: dict[str, int]
    referrals_by_prevention: dict[str, int]
    referrals_by_reason: dict[str, int]
    referrals_by_grade: dict[str, int]
    waiting_now: int
    median_wait_days: float | None
    longest_wait_days: int | None
    median_wait_school_days: float | None
    longest_wait_school_days: int | None
    running_trajectories: int
    closed_trajectories: int
    closure_reasons: dict[str, int]
    outcomes: dict[str, int]
    sessions_delivered: int
    hours_delivered: float
    youths_reached: int
    classes_reached: int
    pupils_reached_in_classes: int
    goals_reached: int
    goals_evaluated: int
    # The day the waiting figures describe: the period's last day, or today if that is earlier.
    waiting_on: date | None = None
    started: int = 0
    median_start_days: float | None = None
    longest_start_days: int | None = None
    median_start_school_days: float | None = None
    longest_start_school_days: int | None = None

    @property
    def school_year(self) -> int:
        return SchoolYear.of(self.first).start_year
