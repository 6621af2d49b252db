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


def waiting_time(s: Session, school_id: str, received: date, until: date) -> WaitingTime:
    """From received to `until` (intake, start or today), in calendar and school days."""
    off = school_days_off(s, school_id, received, until)
    return WaitingTime(max(0, (until - received).days), school_days_between(received, until, off))
