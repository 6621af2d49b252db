"""How often the real wait fell inside the range the estimate gave on the day of referral.

Replays a history: for each referral, on its day received, the estimate from only what was known
the day before (the starts before it, the waiting list at the end of the day before), then the
real wait beside it. Pure: the service (or a test's generated history) gives the referrals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from amo_desktop.domain.rules import WaitingCandidate, waiting_order_key
from amo_desktop.domain.wait_estimate import PastStart, Question, WaitHistory, expected_wait

NO_RATIO = float("inf")  # a school without agreed hours (or shares not replayed)


@dataclass(frozen=True)
class PastReferral:
    """A referral as the backtest needs it; `waiting` are its spells on the list [from, to)."""

    id: str
    school_id: str
    offer_type: str
    urgency: str
    received_on: date
    start_on: date | None
    still_open: bool  # not started and not ended: its wait is not over yet
    waiting: tuple[tuple[date, date], ...] = ()


@dataclass(frozen=True)
class BacktestResult:
    estimated: int  # referrals that got a range and whose outcome is known
    covered: int  # ... whose real wait fell inside it
    too_little: int  # referrals that got "onvoldoende gegevens"
    median_width: float | None  # weeks
    median_wait: float | None  # weeks, of the estimated ones that started

    @property
    def coverage(self) -> float | None:
        return self.covered / self.estimated if self.estimated else None


def ahead_of(
    waiting: Sequence[PastReferral],
    r: PastReferral,
    day: date,
    ratios: dict[str, float],
) -> int:
    """How many of the same offer type wait before a new referral `r` in the fair order."""
    mine = waiting_order_key(
        WaitingCandidate(r.id, r.urgency, ratios.get(r.school_id, NO_RATIO), 0)
    )
    count = 0
    for other in waiting:
        if other.offer_type != r.offer_type or other.id == r.id:
            continue
        candidate = WaitingCandidate(
            other.id,
            other.urgency,
            ratios.get(other.school_id, NO_RATIO),
            (day - other.received_on).days,
        )
        if waiting_order_key(candidate) < mine:
            count += 1
    return count


def _on_list(referrals: Sequence[PastReferral], day: date) -> list[PastReferral]:
    """The waiting list at the end of `day`."""
    return [r for r in referrals if any(a <= day < b for a, b in r.waiting)]


def backtest(
    referrals: Sequence[PastReferral],
    first: date,
    last: date,
    today: date,
    ratios_on: Callable[[date], dict[str, float]] = lambda _day: {},
) -> BacktestResult:
    """The referrals received from `first` to `last`, each estimated on its day received;
    `today` is the end of the data (a referral still waiting longer than its range is a miss)."""
    history = [
        PastStart(r.offer_type, r.urgency, r.received_on, r.start_on)
        for r in referrals
        if r.start_on is not None
    ]
    asked = sorted((r for r in referrals if first <= r.received_on <= last), key=_received)
    estimated = covered = too_little = 0
    widths: list[int] = []
    waits: list[float] = []
    for day, group in _by_day(asked):
        known = WaitHistory(p for p in history if p.start_on < day)
        waiting = _on_list(referrals, day - timedelta(days=1))
        ratios = ratios_on(day)
        for r in group:
            q = Question(day, r.offer_type, r.urgency, ahead_of(waiting, r, day, ratios))
            estimate = expected_wait(known, q)
            if estimate is None:
                too_little += 1
                continue
            low, high = estimate.low * 7, estimate.high * 7
            if r.start_on is not None:
                wait = (r.start_on - day).days
                waits.append(wait / 7)
            elif r.still_open and (today - day).days > high:
                wait = (today - day).days  # waits longer than the range already: a miss
            else:
                continue  # ended without a start, or still inside its range: no outcome
            estimated += 1
            covered += low <= wait <= high
            widths.append(estimate.high - estimate.low)
    return BacktestResult(
        estimated,
        covered,
        too_little,
        float(median(widths)) if widths else None,
        float(median(waits)) if waits else None,
    )


def _received(r: PastReferral) -> date:
    return r.received_on


def _by_day(referrals: list[PastReferral]) -> list[tuple[date, list[PastReferral]]]:
    days: dict[date, list[PastReferral]] = {}
    for r in referrals:
        days.setdefault(r.received_on, []).append(r)
    return list(days.items())
