"""The expected wait for a referral as a range of weeks, from the team's own past: no promise.

Two things from the vault's history make the range: the waits (day received to start) of the
referrals of the same offer type and urgency that started in the last year, and the rate at
which referrals of that offer type started in the last three months, against the number ahead
on the waiting list. July and August do not count as waiting time (no guidance starts then):
past waits are measured without them and a range that would end in them moves to September.
Pure functions; the service reads the history and the list.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from amo_desktop.domain.enums import Urgency

WINDOW_DAYS = 365  # the past waits the range rests on: starts in the last year
RATE_DAYS = 91  # the start rate: starts in the last three months
MIN_HISTORY = 8  # fewer past starts than this: too little to say anything
LOW_Q = 0.1
HIGH_Q = 0.9
SUMMER = (7, 8)  # months without starts

# Urgency groups with their own past: low and normal wait alike. Least urgent first.
GROUPS: tuple[tuple[str, ...], ...] = (
    (Urgency.LAAG.value, Urgency.NORMAAL.value),
    (Urgency.HOOG.value,),
    (Urgency.CRISIS.value,),
)
_GROUP_OF = {u: i for i, group in enumerate(GROUPS) for u in group}
ANY_OFFER = "*"  # the waits of every offer type, when one offer type has too few


@dataclass(frozen=True)
class PastStart:
    offer_type: str
    urgency: str
    received_on: date
    start_on: date


@dataclass(frozen=True)
class WaitRange:
    """From `low` to `high` weeks, counted from the day it was estimated; `basis` past starts."""

    low: int
    high: int
    basis: int


def _in_summer(day: date) -> bool:
    return day.month in SUMMER


def active_days(first: date, last: date) -> int:
    """Days from `first` to `last` that are not in July or August."""
    days = (last - first).days
    if days <= 0:
        return 0
    if first.year == last.year and (last.month < SUMMER[0] or first.month > SUMMER[-1]):
        return days  # the common case: no summer in between
    summer = 0
    for year in range(first.year, last.year + 1):
        begin = max(first, date(year, SUMMER[0], 1))
        end = min(last, date(year, SUMMER[-1] + 1, 1))
        summer += max(0, (end - begin).days)
    return days - summer


def project(day: date, days: float) -> date:
    """The day `days` active days after `day`: July and August are skipped."""
    current = day
    left = math.ceil(days)
    while True:
        if _in_summer(current):
            current = date(current.year, SUMMER[-1] + 1, 1)
        summer_start = date(current.year, SUMMER[0], 1)
        room = (summer_start - current).days if current < summer_start else left + 1
        if left < room:
            return current + timedelta(days=left)
        left -= room
        current = summer_start


def _quantile(values: list[int], q: float, start: int = 0) -> float:
    """The q-quantile of sorted `values[start:]` (linear between neighbours)."""
    position = start + q * (len(values) - 1 - start)
    below = math.floor(position)
    above = min(below + 1, len(values) - 1)
    return values[below] + (values[above] - values[below]) * (position - below)


class WaitHistory:
    """The started referrals of the past, sorted for the windows the estimate looks at."""

    def __init__(self, starts: Iterable[PastStart]) -> None:
        waits: dict[tuple[str, int], list[tuple[date, int]]] = defaultdict(list)
        started: dict[tuple[str, int], list[date]] = defaultdict(list)
        for p in starts:
            group = _GROUP_OF.get(p.urgency)
            if group is None or p.start_on < p.received_on:
                continue
            row = (p.start_on, active_days(p.received_on, p.start_on))
            waits[(p.offer_type, group)].append(row)
            waits[(ANY_OFFER, group)].append(row)
            started[(p.offer_type, group)].append(p.start_on)
        self._waits = {key: sorted(rows) for key, rows in waits.items()}
        self._starts = {key: sorted(days) for key, days in started.items()}
        self._window: dict[tuple[str, int, date], list[int]] = {}

    def waits(self, offer_type: str, group: int, day: date) -> list[int]:
        """Active-day waits (sorted) of the starts in the year before `day`."""
        key = (offer_type, group, day)
        if key not in self._window:  # a whole list asks on one day: sort once
            rows = self._waits.get((offer_type, group), [])
            first = bisect.bisect_left(rows, (day - timedelta(days=WINDOW_DAYS),))
            last = bisect.bisect_left(rows, (day,))
            self._window[key] = sorted(wait for _, wait in rows[first:last])
        return self._window[key]

    def rate(self, offer_type: str, group: int, day: date) -> float:
        """Starts per active week in the three months before `day` of the offer type that were
        not more urgent than `group`: the more urgent ones go first, the rest is left for it."""
        begin = day - timedelta(days=RATE_DAYS)
        count = 0
        for more in range(group + 1):
            days = self._starts.get((offer_type, more), [])
            count += bisect.bisect_left(days, day) - bisect.bisect_left(days, begin)
        weeks = active_days(begin, day) / 7
        return count / weeks if weeks > 0 else 0.0


@dataclass(frozen=True)
class Question:
    """What is asked: a referral of this offer type and urgency, on `day`, `ahead` before it on
    the waiting list (same offer type), having waited `waited` days already."""

    day: date
    offer_type: str
    urgency: str
    ahead: int
    waited: int = 0


def _raw(history: WaitHistory, q: Question, group: int) -> WaitRange | None:
    """The range one urgency group's past gives (None: too little of it)."""
    rate = history.rate(q.offer_type, group, q.day)
    done = active_days(q.day - timedelta(days=q.waited), q.day)
    waits = history.waits(q.offer_type, group, q.day)
    start = bisect.bisect_left(waits, done)  # the past referrals that waited this long too
    if len(waits) - start < MIN_HISTORY:  # too few of this offer type: the team's waits
        waits = history.waits(ANY_OFFER, group, q.day)
        start = bisect.bisect_left(waits, done)
    if len(waits) - start < MIN_HISTORY:
        return None
    low = _quantile(waits, LOW_Q, start) - done
    high = _quantile(waits, HIGH_Q, start) - done
    if rate > 0:  # the list as it is now: its turn at the recent rate of starts
        high = max(high, (q.ahead + 1) / rate * 7)
    first = (project(q.day, low) - q.day).days // 7
    last = math.ceil((project(q.day, high) - q.day).days / 7)
    return WaitRange(first, max(last, first + 1, 1), len(waits) - start)


def expected_wait(history: WaitHistory, q: Question) -> WaitRange | None:
    """The range of weeks for the question, or None when the past holds too little.

    A more urgent referral never gets a longer range than a less urgent one with the same
    number ahead: each bound is at most that of the less urgent groups.
    """
    own = _GROUP_OF.get(q.urgency)
    if own is None:
        return None
    result = _raw(history, q, own)
    if result is None:
        return None
    for group in range(own):
        other = _raw(history, q, group)
        if other is not None:
            result = WaitRange(
                min(result.low, other.low), min(result.high, other.high), result.basis
            )
    return result
