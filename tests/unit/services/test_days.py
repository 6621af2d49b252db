"""SchoolCalendar counts school days exactly as calendar.school_days_between (issue 3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amo_desktop.domain.calendar import school_days_between
from amo_desktop.services._days import SchoolCalendar, WaitingTime

DAYS = st.dates(date(2023, 6, 1), date(2028, 9, 30))


@given(
    DAYS,
    st.integers(0, 800),
    st.sets(DAYS, max_size=30),
    st.lists(st.sets(DAYS, max_size=10), min_size=1, max_size=4),
    st.data(),
)
def test_counts_like_the_day_by_day_walk(
    first: date,
    span: int,
    common: set[date],
    own: list[set[date]],
    data: st.DataObject,
) -> None:
    last = first + timedelta(days=span)
    schools = {f"school-{i}": days for i, days in enumerate(own)}
    calendar = SchoolCalendar(first, last, common, schools)
    for school, days in schools.items():
        a = data.draw(st.dates(first, last))
        b = data.draw(st.dates(first, last))
        expected = school_days_between(a, b, common | days)
        assert calendar.school_days(school, a, b) == expected
        assert calendar.waiting_time(school, a, b) == WaitingTime(max(0, (b - a).days), expected)
    assert calendar.school_days("school-0", first, last) == school_days_between(
        first, last, common | own[0]
    )


def test_weekends_holidays_and_own_days_off() -> None:
    # Monday 6/10/2025 to Monday 13/10/2025: five school days, one of them a studiedag.
    calendar = SchoolCalendar(
        date(2025, 9, 1), date(2026, 2, 2), set(), {"a": {date(2025, 10, 8)}, "b": set()}
    )
    assert calendar.school_days("b", date(2025, 10, 6), date(2025, 10, 13)) == 5
    assert calendar.school_days("a", date(2025, 10, 6), date(2025, 10, 13)) == 4
    # Friday 24/10/2025 to Monday 3/11/2025: the autumn break lies between.
    assert calendar.school_days("b", date(2025, 10, 24), date(2025, 11, 3)) == 1
    assert calendar.school_days("b", date(2025, 10, 13), date(2025, 10, 6)) == 0


def test_refuses_what_it_has_not_loaded() -> None:
    calendar = SchoolCalendar(date(2025, 9, 1), date(2026, 2, 2), set(), {"a": set()})
    with pytest.raises(KeyError):
        calendar.school_days("elsewhere", date(2025, 10, 6), date(2025, 10, 13))
    with pytest.raises(ValueError):
        calendar.school_days("a", date(2025, 8, 1), date(2025, 10, 13))
    with pytest.raises(ValueError):
        calendar.school_days("a", date(2025, 10, 6), date(2026, 2, 3))
