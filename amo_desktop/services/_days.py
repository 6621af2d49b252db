"""Stored days off as a set of dates: waiting times and series skip them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import days_off_between
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


def _weekdays_through(ordinal: int) -> int:
    """Weekdays (Monday to Friday) among the days with ordinals 1..ordinal; day 1 (1 January of
    the year 1) was a Monday."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


class SchoolCalendar:
    """The school days of some schools within one window of days, loaded once for a whole list.

    Counts the same as `calendar.school_days_between` with the school's stored days off, but
    with arithmetic on weekdays and a bisect over the sorted days off instead of a walk over
    every day, so a list of hundreds of waiting times costs next to nothing.
    """

    def __init__(
        self,
        first: date,
        last: date,
        common: Iterable[date],
        own: dict[str, set[date]],
    ) -> None:
        self.first = first
        self.last = last

        def weekdays_off(days: Iterable[date]) -> set[int]:
            return {d.toordinal() for d in days if d.weekday() < 5 and first < d <= last}

        # School and public holidays, and the days off of every school.
        shared = weekdays_off(days_off_between(first, last, common))
        shared_sorted = sorted(shared)
        self._off: dict[str, list[int]] = {}
        for school, days in own.items():
            extra = weekdays_off(days) - shared
            self._off[school] = sorted(shared | extra) if extra else shared_sorted

    def school_days(self, school_id: str, first: date, last: date) -> int:
        """School days after `first` up to and including `last` (0 when last <= first)."""
        if last <= first:
            return 0
        if first < self.first or last > self.last:
            raise ValueError(f"{first}..{last} lies outside {self.first}..{self.last}")
        off = self._off[school_id]
        a, b = first.toordinal(), last.toordinal()
        return (
            _weekdays_through(b)
            - _weekdays_through(a)
            - (bisect_right(off, b) - bisect_right(off, a))
        )

    def waiting_time(self, school_id: str, received: date, until: date) -> WaitingTime:
        """From received to `until` (intake, start or today), in calendar and school days."""
        return WaitingTime(
            max(0, (until - received).days), self.school_days(school_id, received, until)
        )

    def waiting_days(self, rows: Iterable[tuple[str, date, date]]) -> tuple[list[int], list[int]]:
        """The calendar and school days of many (school, received, until), counted as
        `waiting_time` does, in one loop: the evolution over the years has tens of thousands."""
        calendar: list[int] = []
        school: list[int] = []
        first, last, off_of = self.first, self.last, self._off
        for school_id, received, until in rows:
            if until <= received:
                calendar.append(0)
                school.append(0)
                continue
            if received < first or until > last:
                raise ValueError(f"{received}..{until} lies outside {first}..{last}")
            off = off_of[school_id]
            a, b = received.toordinal(), until.toordinal()
            weeks_a, rest_a = divmod(a, 7)
            weeks_b, rest_b = divmod(b, 7)
            weekdays = (weeks_b - weeks_a) * 5 + min(rest_b, 5) - min(rest_a, 5)
            calendar.append(b - a)
            school.append(weekdays - (bisect_right(off, b) - bisect_right(off, a)))
        return calendar, school


def school_calendar(
    s: Session, school_ids: Iterable[str], first: date, last: date
) -> SchoolCalendar:
    """The SchoolCalendar of many schools from first to last, in one query (lists must not
    query per row)."""
    schools = set(school_ids)
    common: set[date] = set()
    own: dict[str, set[date]] = {school: set() for school in schools}
    # Only `first <= last` in SQL (it is the range of ix_days_off_first); spans that end before
    # `first` are skipped here. Comparing every row's date with a bound parameter in SQL is
    # slow on SQLCipher: the parameter gets numeric affinity by a copy, row after row.
    rows = s.execute(
        select(DayOff.school_id, DayOff.first, DayOff.last).where(
            DayOff.first <= last,
            or_(DayOff.school_id.is_(None), DayOff.school_id.in_(sorted(schools))),
        )
    )
    for school_id, span_first, span_last in rows:
        if span_last < first:
            continue
        target = common if school_id is None else own[school_id]
        day = max(span_first, first)
        end = min(span_last, last)
        while day <= end:
            target.add(day)
            day += timedelta(days=1)
    return SchoolCalendar(first, last, common, own)
