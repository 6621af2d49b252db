"""Per coach the hours already booked, so the demo never puts a coach in two places at once."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, time, timedelta
from functools import cache

from amo_desktop.demo.tables import DURATION, MEETING_SLOTS, SLOTS

DAY_START = 8 * 60  # the masks count 5-minute units from 08:00
DAY_END = 17 * 60  # a meeting ends by then
TRIES = 10  # school days a session may move when its coach is busy
WITH_PUPILS = ("individueel_gesprek", "klassessie", "groepssessie")  # in a lesson hour


def starts(contact: str) -> tuple[time, ...]:
    """Work with pupils starts at a lesson hour; a meeting at a quarter hour that ends by 17:00."""
    if contact in WITH_PUPILS:
        return SLOTS
    last = DAY_END - DURATION[contact]
    return tuple(t for t in MEETING_SLOTS if t.hour * 60 + t.minute <= last)


class Agenda:
    """Taken 5-minute units per (coach, day) as bits of an int; booked minutes per coach."""

    def __init__(self) -> None:
        self._taken: dict[tuple[int, date], int] = {}
        self.booked: Counter[int] = Counter()

    @staticmethod
    @cache
    def _mask(start: time, duration: int) -> int:
        first = (start.hour * 60 + start.minute - DAY_START) // 5
        return ((1 << -(-duration // 5)) - 1) << first

    def _free_for(self, coach: int, days: Sequence[date], start: time, duration: int) -> int:
        """How many of the days, from the first on, the coach is free at that hour."""
        mask = self._mask(start, duration)
        for n, d in enumerate(days):
            if self._taken.get((coach, d), 0) & mask:
                return n
        return len(days)

    def _take(self, coach: int, days: Sequence[date], start: time, duration: int) -> None:
        mask = self._mask(start, duration)
        for d in days:
            self._taken[(coach, d)] = self._taken.get((coach, d), 0) | mask
        self.booked[coach] += duration * len(days)

    def least_booked(self, coaches: Sequence[int], rng: random.Random) -> list[int]:
        """The coaches, the one with the fewest booked minutes first (ties at random)."""
        return sorted(coaches, key=lambda c: (self.booked[c], rng.random()))

    def book(
        self,
        coaches: Sequence[int],
        days: Callable[[date], list[date]],
        first: date,
        next_day: Callable[[date], date],
        contact: str,
        rng: random.Random,
        tries: int = TRIES,
    ) -> tuple[int, list[date], time]:
        """Coach, dates and hour of a session or series starting on `first` or a few school
        days later (up to `tries`): the first coach free at one hour on all its dates; when nobody is, forced
        on the first coach."""
        duration, hours = DURATION[contact], starts(contact)
        day = first
        for _ in range(tries):
            dates = days(day)
            if not dates:  # moved past the last day
                break
            for coach in coaches:
                for start in rng.sample(hours, len(hours)):
                    if self._free_for(coach, dates, start, duration) == len(dates):
                        self._take(coach, dates, start, duration)
                        return coach, dates, start
            day = next_day(day + timedelta(days=1))
        return self.force(coaches[0], days(first), contact, rng)

    def force(
        self, coach: int, dates: list[date], contact: str, rng: random.Random
    ) -> tuple[int, list[date], time]:
        """Books the dates at a random hour even where the coach is busy (a team far over its
        hours, as at the large scale)."""
        start = rng.choice(starts(contact))
        self._take(coach, dates, start, DURATION[contact])
        return coach, dates, start

    def book_longest(
        self,
        coaches: Sequence[int],
        days: Callable[[date], list[date]],
        first: date,
        next_day: Callable[[date], date],
        contact: str,
        rng: random.Random,
    ) -> tuple[int, list[date], time] | None:
        """Coach and hour free for the longest run of the dates from `first` (or a few school
        days later) on; that run is booked and returned (a series that meets a busy hour stops
        there). None when nobody is free on any of those days."""
        duration, hours = DURATION[contact], starts(contact)
        day = first
        for _ in range(TRIES):
            dates = days(day)
            if not dates:  # moved past the last day
                break
            n, coach, start = self._longest(coaches, dates, rng.sample(hours, len(hours)), duration)
            if n:
                self._take(coach, dates[:n], start, duration)
                return coach, dates[:n], start
            day = next_day(day + timedelta(days=1))
        return None

    def _longest(
        self, coaches: Sequence[int], dates: list[date], hours: list[time], duration: int
    ) -> tuple[int, int, time]:
        """The longest free run of the dates over the coaches and hours, its coach and hour."""
        best = (0, coaches[0], hours[0])
        for coach in coaches:
            for start in hours:
                n = self._free_for(coach, dates, start, duration)
                if n > best[0]:
                    best = (n, coach, start)
                    if n == len(dates):
                        return best
        return best
