"""Pure rules: fair share adds up, the waiting-list order is urgency > share > waiting time."""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amo_desktop.domain.enums import SeriesFrequency, Urgency
from amo_desktop.domain.rules import (
    URGENCY_RANK,
    WaitingCandidate,
    fair_share_entitlements,
    series_dates,
    usage_ratio,
    waiting_order_key,
    warning_level,
)

SCHOOLS = st.sampled_from(["a", "b", "c", "d", "e"])
HOURS = st.floats(0, 500, allow_nan=False, allow_subnormal=False)  # 5e-324 breaks the check itself


@given(st.dictionaries(SCHOOLS, HOURS, min_size=1), HOURS, st.dictionaries(SCHOOLS, HOURS))
def test_entitlements_add_up_to_pool_plus_other_funders(
    teacher: dict[str, float], pool: float, other: dict[str, float]
) -> None:
    entitled = fair_share_entitlements(teacher, pool, other)
    expected = (pool if sum(teacher.values()) > 0 else 0) + sum(other.values())
    assert math.isclose(sum(entitled.values()), expected, abs_tol=1e-6)
    total = sum(teacher.values())
    for school, hours in teacher.items():
        if total and hours:
            assert entitled[school] >= pool * hours / total - 1e-9


def test_fair_share_example_from_domain_md() -> None:
    entitled = fair_share_entitlements({"asse": 6, "merchtem": 3}, 90, {"merchtem": 10})
    assert entitled == {"asse": 60, "merchtem": 40}


def test_a_pool_without_teacher_hours_entitles_no_school() -> None:
    assert fair_share_entitlements({"asse": 0}, 90, {"merchtem": 10}) == {"asse": 0, "merchtem": 10}


def test_warning_levels() -> None:
    assert warning_level(100, 50, 29) is None
    assert warning_level(100, 50, 30) == 80
    assert warning_level(100, 90, 10) == 100
    assert warning_level(0, 1, 0) == 100
    assert warning_level(0, 0, 0) is None


CANDIDATES = st.lists(
    st.builds(
        WaitingCandidate,
        st.uuids().map(str),
        st.sampled_from([u.value for u in Urgency]),
        st.floats(0, 3, allow_nan=False),
        st.integers(0, 400),
    ),
    max_size=30,
)


@given(CANDIDATES)
def test_waiting_list_order(candidates: list[WaitingCandidate]) -> None:
    ordered = sorted(candidates, key=waiting_order_key)
    for first, second in itertools.pairwise(ordered):
        r1, r2 = URGENCY_RANK[Urgency(first.urgency)], URGENCY_RANK[Urgency(second.urgency)]
        assert r1 <= r2
        if r1 == r2:
            assert first.school_ratio <= second.school_ratio
            if first.school_ratio == second.school_ratio:
                assert first.waiting_days >= second.waiting_days


def test_grade_of_study_year() -> None:
    from amo_desktop.domain.rules import grade_of

    assert [grade_of(x) for x in ("1A", "2b", "3", "4", "5", "6", "7", "OKAN", "BuSO-OV3", "")] == [
        "g1",
        "g1",
        "g2",
        "g2",
        "g3",
        "g3",
        "se_n_se",
        "okan",
        "buso",
        "onbekend",
    ]


def test_warning_levels_with_a_small_entitlement() -> None:
    """An entitlement under one hour still warns at 80 %, not at once at 100 %."""
    assert warning_level(0.5, 0.2, 0.2) == 80
    assert warning_level(1, 0.5, 0.3) == 80
    assert warning_level(1, 0.5, 0.2) is None
    assert usage_ratio(1, 0.5, 0.25) == 0.75
    assert usage_ratio(0, 0, 0) == float("inf")
    assert warning_level(0, 0, 1) == 100  # only planned hours, no entitlement


def test_grade_of_edge_cases() -> None:
    from amo_desktop.domain.rules import grade_of

    cases = {" 3 ": "g2", "OV3": "buso", "okan-2": "okan", "x": "onbekend", "9": "onbekend"}
    assert {year: grade_of(year) for year in cases} == cases


def test_a_series_until_a_date_includes_that_date_and_stops_after_it() -> None:
    monday = date(2025, 9, 8)
    dates, skipped = series_dates(
        monday, SeriesFrequency.WEKELIJKS, {date(2025, 9, 15)}, until=date(2025, 9, 29)
    )
    assert dates == [monday, date(2025, 9, 22), date(2025, 9, 29)]
    assert skipped == [date(2025, 9, 15)]
    dates, _ = series_dates(monday, SeriesFrequency.TWEEWEKELIJKS, set(), until=date(2025, 9, 21))
    assert dates == [monday]


def test_a_series_needs_an_end_and_a_weekday_and_stops_at_its_limit() -> None:
    monday = date(2025, 9, 8)
    with pytest.raises(ValueError, match=r"^a series needs a count or an end date$"):
        series_dates(monday, SeriesFrequency.WEKELIJKS, set())
    with pytest.raises(ValueError, match=r"^a series starts on a weekday$"):
        series_dates(date(2025, 9, 13), SeriesFrequency.WEKELIJKS, set(), count=2)
    with pytest.raises(ValueError, match=r"^a series starts on a weekday$"):
        series_dates(date(2025, 9, 14), SeriesFrequency.WEKELIJKS, set(), count=2)
    far = monday + timedelta(weeks=1000)
    assert len(series_dates(monday, SeriesFrequency.WEKELIJKS, set(), until=far)[0]) == 400
    dates, _ = series_dates(monday, SeriesFrequency.WEKELIJKS, set(), until=far, limit=3)
    assert len(dates) == 6
    # The limit counts skipped days too.
    dates, skipped = series_dates(
        monday, SeriesFrequency.WEKELIJKS, {date(2025, 9, 15)}, until=far, limit=2
    )
    assert (len(dates), skipped) == (3, [date(2025, 9, 15)])
    assert series_dates(monday, SeriesFrequency.WEKELIJKS, set(), count=2, until=far)[0] == [
        monday,
        date(2025, 9, 15),
    ]


def test_a_two_weekly_series_steps_two_weeks_and_skips_a_day_off_without_counting_it() -> None:
    monday = date(2025, 9, 8)
    dates, skipped = series_dates(
        monday, SeriesFrequency.TWEEWEKELIJKS, {date(2025, 9, 22)}, count=3
    )
    assert dates == [monday, date(2025, 10, 6), date(2025, 10, 20)]
    assert skipped == [date(2025, 9, 22)]
