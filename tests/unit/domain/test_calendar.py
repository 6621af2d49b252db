"""The school calendar matches the published Flemish holidays (DOMAIN.md §2.2 and its CSV)."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amo_desktop.domain.calendar import (
    SchoolYear,
    flemish_day_off_dates,
    flemish_days_off,
    school_days_between,
)

CSV = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "design"
    / ("vlaamse_schoolvakanties_2024-2030.csv")
)


def test_school_year_bounds_and_labels() -> None:
    year = SchoolYear.of(date(2026, 3, 1))
    assert year.label == "2025-2026"
    assert year.start == date(2025, 9, 1) and year.end == date(2026, 8, 31)
    assert SchoolYear.of(date(2026, 9, 1)).label == "2026-2027"
    assert SchoolYear.parse("2025-2026") == year == SchoolYear.parse("2025")
    with pytest.raises(ValueError):
        SchoolYear.parse("2025-2027")


def test_table_of_domain_md_2025_2026() -> None:
    spans = {s.name: (s.first, s.last) for s in flemish_days_off(SchoolYear(2025))}
    assert spans["Herfstvakantie"] == (date(2025, 10, 27), date(2025, 11, 2))
    assert spans["Kerstvakantie"] == (date(2025, 12, 22), date(2026, 1, 4))
    assert spans["Krokusvakantie"] == (date(2026, 2, 16), date(2026, 2, 22))
    assert spans["Paasvakantie"] == (date(2026, 4, 6), date(2026, 4, 19))
    assert date(2025, 11, 11) in flemish_day_off_dates(SchoolYear(2025))


@pytest.mark.skipif(not CSV.exists(), reason="the shared design folder is not beside the repo")
def test_every_row_of_the_shared_csv() -> None:
    with open(CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        year = SchoolYear.parse(row["schooljaar"])
        off = flemish_day_off_dates(year)
        first, last = date.fromisoformat(row["van"]), date.fromisoformat(row["tot_en_met"])
        day = first
        while day <= last:
            assert day in off, (row, day)
            day += timedelta(days=1)


def test_school_days_skip_weekends_and_holidays() -> None:
    # Friday 24/10/2025 to Monday 3/11/2025: the autumn break lies between.
    assert school_days_between(date(2025, 10, 24), date(2025, 11, 3)) == 1
    assert school_days_between(date(2025, 10, 6), date(2025, 10, 13)) == 5
    assert school_days_between(date(2025, 10, 6), date(2025, 10, 13), [date(2025, 10, 8)]) == 4
    assert school_days_between(date(2025, 10, 13), date(2025, 10, 6)) == 0


@given(st.dates(date(2024, 9, 1), date(2029, 6, 1)), st.integers(0, 120))
def test_school_days_never_exceed_calendar_days(first: date, span: int) -> None:
    last = first + timedelta(days=span)
    assert 0 <= school_days_between(first, last) <= span
