"""Every figure of the home page (Overzicht) gathered in one unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.figures import SchoolCapacity, WaitingFigures
from amo_desktop.domain.identity import Identity
from amo_desktop.services import figures, scheduling
from amo_desktop.services.authz import ALL_ROLES, requires
from amo_desktop.services.scheduling import SessionInfo


@dataclass(frozen=True)
class OverviewData:
    monday: date
    school_year: int
    sessions: list[SessionInfo]  # the caller's own sessions of this week
    waiting: WaitingFigures
    capacity: list[SchoolCapacity]
    per_year: dict[int, int]  # referrals per school year (its first calendar year)


@requires(ALL_ROLES)
def overview(s: Session, caller: Identity, today: date) -> OverviewData:
    """My week, the waiting list, capacity this school year and the referrals per year."""
    monday = today - timedelta(days=today.weekday())
    year = SchoolYear.of(today).start_year
    return OverviewData(
        monday,
        year,
        scheduling.week(s, caller, monday, coach_id=caller.user_id),
        figures.waiting_figures(s, caller, today),
        figures.capacity_figures(s, caller, year, today),
        figures.referrals_per_year(s, caller),
    )
