"""The Flemish school year and its days off: school days drive waiting times and series."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache


@dataclass(frozen=True)
class SchoolYear:
    """1 September to 31 August; lessons end on 30 June."""

    start_year: int

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"

    @property
    def start(self) -> date:
        return date(self.start_year, 9, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 8, 31)

    @property
    def lessons_end(self) -> date:
        return date(self.start_year + 1, 6, 30)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @classmethod
    def of(cls, day: date) -> SchoolYear:
        return cls(day.year if day.month >= 9 else day.year - 1)

    @classmethod
    def parse(cls, label: str) -> SchoolYear:
        """'2025-2026' or '2025'."""
        first = label.strip().split("-")[0]
        if not first.isdigit() or len(first) != 4:
            raise ValueError(label)
        year = cls(int(first))
        if "-" in label and label.strip() != year.label:
            raise ValueError(label)
        return year


@dataclass(frozen=True)
class DayOffSpan:
    first: date
    last: date
    name: str
    kind: str  # a DayOffKind code

    def days(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)


@lru_cache(maxsize=64)
def _flemish(start_year: int) -> tuple[tuple[date, str, str], ...]:
    import holidays  # 0.1 s to import: not before the unlock window shows
    from holidays.constants import PUBLIC, SCHOOL

    years = (start_year, start_year + 1)
    school = holidays.country_holidays(
        "BE", subdiv="Flemish", categories=SCHOOL, years=years, language="nl"
    )
    public = holidays.country_holidays("BE", categories=PUBLIC, years=years, language="nl")
    year = SchoolYear(start_year)
    found: list[tuple[date, str, str]] = []
    for day, name in sorted(school.items()):
        if day in year:
            kind = "schoolvakantie" if "vakantie" in name.lower() else "wettelijke_feestdag"
            found.append((day, name, kind))
    seen = {d for d, _, _ in found}
    for day, name in sorted(public.items()):
        if day in year and day not in seen:
            found.append((day, name, "wettelijke_feestdag"))
    return tuple(sorted(found))


def prepare(start_year: int) -> None:
    """Reads the holidays of that school year ahead, off the path a screen waits on: the first
    look-up imports every country the `holidays` package knows (about 0.5 s, once per run)."""
    _flemish(start_year)


def flemish_days_off(year: SchoolYear) -> list[DayOffSpan]:
    """School holidays and public holidays of one school year, merged into spans per name."""
    spans: list[DayOffSpan] = []
    for day, name, kind in _flemish(year.start_year):
        last = spans[-1] if spans else None
        if last and last.name == name and last.last + timedelta(days=1) == day:
            spans[-1] = DayOffSpan(last.first, day, name, kind)
        else:
            spans.append(DayOffSpan(day, day, name, kind))
    return spans


def flemish_day_off_dates(year: SchoolYear) -> frozenset[date]:
    return frozenset(d for d, _, _ in _flemish(year.start_year))


def is_school_day(day: date, days_off: frozenset[date] | set[date]) -> bool:
    """A weekday that is not a holiday or a school's own day off."""
    return day.weekday() < 5 and day not in days_off


def school_days_between(first: date, last: date, extra_days_off: Iterable[date] = ()) -> int:
    """School days after `first` up to and including `last` (0 when last <= first)."""
    if last <= first:
        return 0
    off: set[date] = set(extra_days_off)
    for start_year in range(SchoolYear.of(first).start_year, SchoolYear.of(last).start_year + 1):
        off |= flemish_day_off_dates(SchoolYear(start_year))
    count = 0
    day = first + timedelta(days=1)
    while day <= last:
        if is_school_day(day, off):
            count += 1
        day += timedelta(days=1)
    return count


def days_off_between(first: date, last: date, extra: Iterable[date] = ()) -> frozenset[date]:
    """Every holiday, public holiday and extra day off from first to last."""
    off: set[date] = set(extra)
    for start_year in range(SchoolYear.of(first).start_year, SchoolYear.of(last).start_year + 1):
        off |= flemish_day_off_dates(SchoolYear(start_year))
    return frozenset(off)
