"""The small-cell rule and secondary suppression (SECURITY.md R23)."""

from __future__ import annotations

from amo_desktop.reports.blocks import number, small, suppressed_cells


def test_small_cells() -> None:
    assert [small(n) for n in (0, 1, 4, 5, 12)] == ["0", "<5", "<5", "5", "12"]
    assert small(3, suppress=False) == "3"


def test_one_small_cell_hides_the_next_smallest_so_the_total_does_not_reveal_it() -> None:
    shown = suppressed_cells({"a": 21, "b": 7, "c": 3, "d": 0})
    assert shown == {"a": "21", "b": "x", "c": "<5", "d": "0"}


def test_two_small_cells_need_no_second_suppression() -> None:
    assert suppressed_cells({"a": 9, "b": 2, "c": 1}) == {"a": "9", "b": "<5", "c": "<5"}


def test_numbers_use_a_decimal_comma() -> None:
    assert number(4605.8) == "4.605,8" and number(12) == "12" and number(133.0) == "133"


def test_an_empty_evolution_with_marks_still_draws() -> None:
    """A new vault has no school years yet: the chart is empty, not a crash."""
    from reportlab.graphics import renderPDF

    from amo_desktop.reports.charts import evolution
    from amo_desktop.reports.style import register_fonts

    register_fonts()
    pdf = renderPDF.drawToString(evolution({}, shown={}))
    assert pdf.startswith(b"%PDF")
