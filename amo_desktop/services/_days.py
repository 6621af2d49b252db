"""Stored days off as a set of dates: waiting times and series skip them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import school_days_between
from amo_desktop.domain.reference import DayOff


def school_days_off(s: Session, school_id: str | None, first: date, last: date) -> set[date]:
    """The stored days off (all schools + this school) as dates; used by waiting time and series."""
    days: set[date] = set()
    query = select(DayOff).where(DayOff.last >= first, DayOff.first <= last)
    if school_id is None:
        query = query.where(DayOff.school_id.is_(None))
    else:
        query = query.where(or_(DayOff.school_id.is_(None), DayOff.school_id == school_id))
    for row in s.scalars(query):
        day = row.first
        while day <= row.last:
            days.add(day)
            day = day + timedelta(days=1)
    return days


@dataclass(frozen=True)
class WaitingTime:
    calendar_days: int
    school_days: int


def waiting_time(received: date, until: date, days_off: set[date]) -> WaitingTime:
    """From received to `until` (intake, start or today), in calendar and school days; days_off
    from days_off_by_school, loaded once for a whole list."""
    return WaitingTime(
        max(0, (until - received).days), school_days_between(received, until, days_off)
    )


def days_off_by_school(
    s: Session, school_ids: set[str], first: date, last: date
) -> dict[str, set[date]]:
    """school_days_off for many schools in one query (lists must not query per row)."""
    common: set[date] = set()
    own: dict[str, set[date]] = {school: set() for school in school_ids}
    rows = s.scalars(select(DayOff).where(DayOff.last >= first, DayOff.first <= last))
    for row in rows:
        if row.school_id is not None and row.school_id not in own:
            continue
        target = common if row.school_id is None else own[row.school_id]
        day = row.first
        while day <= row.last:
            target.add(day)
            day = day + timedelta(days=1)
    return {school: days | common for school, days in own.items()}
