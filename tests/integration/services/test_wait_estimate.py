"""The expected wait: from the vault's own past, never a promise, and right often enough.

On a real vault: too little history says so, the number ahead follows the fair order, the list
gets its estimates in one pass. On generated histories: the range held the real wait at least
80 % of the time at a useful width, and more ahead or less urgent never gives a shorter range.
"""

from __future__ import annotations

from datetime import date, timedelta
from statistics import median

import pytest

from amo_desktop.domain.wait_backtest import backtest
from amo_desktop.domain.wait_estimate import (
    MIN_HISTORY,
    PastStart,
    Question,
    WaitHistory,
    active_days,
    expected_wait,
    project,
)
from amo_desktop.errors import PermissionDeniedError
from amo_desktop.services import reference, wait_estimate
from tests.integration.services.conftest import TODAY, YEAR, Stage
from tests.integration.services.wait_history import generate, started_referral, waiting_referral

OFFER = "individuele_begeleiding"


@pytest.fixture
def history(stage: Stage) -> Stage:
    """Sixteen starts in the last months (waits of 2 to 8 weeks) and three on the list."""
    asse = stage.schools["Sint-Martinus Asse"]
    for i in range(16):
        started_referral(
            stage, asse, f"Oud{i}", date(2025, 9, 8) + timedelta(days=7 * i), 14 + 3 * i
        )
    for i, name in enumerate(("Lotte", "Milan", "Noor")):
        waiting_referral(stage, asse, name, date(2026, 1, 5) + timedelta(days=i))
    return stage


def test_too_little_history_says_so(stage: Stage) -> None:
    asse = stage.schools["Sint-Martinus Asse"]
    with stage.vault.session() as s:
        new = wait_estimate.expected_for_new(s, stage.leader, TODAY, asse, OFFER, "normaal")
        entries = wait_estimate.estimated_waiting_list(s, stage.leader, TODAY)
    assert new.range is None and (new.ahead, new.list_length) == (0, 0)
    assert new.school_usage_pct is None  # Asse has no agreed hours
    assert entries == []


def test_a_new_referral_gets_a_range_behind_those_waiting(history: Stage) -> None:
    asse = history.schools["Sint-Martinus Asse"]
    with history.vault.session() as s:
        reference.set_capacity(s, history.leader, asse, YEAR, history.pool, 6, 10)
        new = wait_estimate.expected_for_new(s, history.leader, TODAY, asse, OFFER, "normaal")
        urgent = wait_estimate.expected_for_new(s, history.leader, TODAY, asse, OFFER, "crisis")
        other = wait_estimate.expected_for_new(
            s, history.leader, TODAY, asse, "klasbegeleiding", "normaal"
        )
    assert new.range is not None and new.range.basis == 14  # two start after today
    assert 0 <= new.range.low < new.range.high
    assert (new.ahead, new.list_length, new.school_usage_pct) == (3, 3, 0)
    assert urgent.ahead == 0  # crisis goes first; no crisis history: too little to say
    assert urgent.range is None
    # another offer type has nobody ahead and no history of its own: the team's waits
    assert other.ahead == 0 and other.range is not None


def test_the_list_gets_its_estimates_in_one_pass(history: Stage) -> None:
    with history.vault.session() as s:
        entries = wait_estimate.estimated_waiting_list(s, history.leader, TODAY)
        one = wait_estimate.expected_for_referral(s, history.leader, entries[-1].referral_id, TODAY)
    ranges = [e.expected for e in entries]
    assert all(r is not None for r in ranges)
    highs = [r.high for r in ranges if r is not None]
    assert highs == sorted(highs)  # further down the list: never sooner
    assert one.ahead == 2 and one.range == entries[-1].expected


def test_a_coach_cannot_ask_for_a_referral_not_theirs(history: Stage) -> None:
    with history.vault.session() as s:
        first = wait_estimate.estimated_waiting_list(s, history.leader, TODAY)[0]
        with pytest.raises(PermissionDeniedError):
            wait_estimate.expected_for_referral(s, history.an, first.referral_id, TODAY)
        with pytest.raises(PermissionDeniedError):
            wait_estimate.backtest_waits(s, history.an, date(2025, 9, 1), TODAY, TODAY)


def test_the_backtest_on_the_vault_replays_each_day(history: Stage) -> None:
    with history.vault.session() as s:
        result = wait_estimate.backtest_waits(s, history.leader, date(2025, 9, 1), TODAY, TODAY)
    # the first MIN_HISTORY referrals had too little before them; the rest got a range
    assert result.too_little >= MIN_HISTORY
    assert result.estimated + result.too_little <= 19


def test_summer_does_not_count_as_waiting() -> None:
    assert active_days(date(2025, 6, 1), date(2025, 9, 10)) == 101 - 62
    assert active_days(date(2025, 9, 1), date(2025, 10, 1)) == 30
    assert project(date(2025, 6, 20), 14) == date(2025, 9, 4)
    assert project(date(2025, 10, 1), 7) == date(2025, 10, 8)


def _waits(n: int, days: int, day: date, urgency: str = "normaal") -> list[PastStart]:
    return [
        PastStart(OFFER, urgency, day - timedelta(days=days + 10 + i), day - timedelta(days=10 + i))
        for i in range(n)
    ]


def test_more_ahead_is_never_sooner_and_more_urgent_never_later() -> None:
    day = date(2026, 2, 2)
    history = WaitHistory(
        [*_waits(20, 35, day), *_waits(10, 10, day, "hoog"), *_waits(12, 60, day, "laag")]
    )
    previous = None
    for ahead in range(0, 40, 3):
        now = expected_wait(history, Question(day, OFFER, "normaal", ahead))
        assert now is not None
        if previous is not None:
            assert (now.low, now.high) >= (previous.low, previous.high)
            assert now.high >= previous.high
        previous = now
        urgent = expected_wait(history, Question(day, OFFER, "hoog", ahead))
        assert urgent is not None
        assert urgent.low <= now.low and urgent.high <= now.high
    assert expected_wait(history, Question(day, OFFER, "crisis", 0)) is None


@pytest.mark.parametrize("capacity", [0.75, 0.8, 0.9])
def test_generated_histories_hold_the_real_wait_often_enough(capacity: float) -> None:
    """Five seeded histories of four school years; the last three replayed day by day."""
    estimated = covered = 0
    widths = []
    for seed in range(1, 6):
        past, end = generate(seed, capacity=capacity)
        result = backtest(past, date(2020, 9, 1), end, end)
        estimated += result.estimated
        covered += result.covered
        assert result.median_width is not None
        widths.append(result.median_width)
        assert result.too_little < result.estimated / 10
    assert covered / estimated >= 0.8
    assert median(widths) <= 6  # weeks: a range a school can plan with
