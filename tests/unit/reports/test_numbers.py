"""One number format for every report (nl-BE), and chart labels that are never cut."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth

from amo_desktop.reports.blocks import number, percent, small
from amo_desktop.reports.charts import LABEL_SIZE, evolution, grouped_bars, year_label
from amo_desktop.reports.style import FONT, register_fonts


def test_numbers_in_the_flemish_format() -> None:
    assert number(1234.5) == "1.234,5"
    assert number(1234) == "1.234" and number(1234.0) == "1.234"
    assert number(3.96) == "4"  # whole after rounding: no ",0"
    assert number(0.04) == "0" and number(None) == "–"
    assert small(1234) == "1.234" and small(3) == "<5"


def test_a_percentage_keeps_its_sign() -> None:
    assert percent(209, 513) == "41\u00a0%"
    assert percent(1, 0) == "–"


def _labels(drawing: Drawing) -> tuple[object, list[str]]:
    chart = next(
        c for c in drawing.contents if isinstance(c, VerticalBarChart | HorizontalBarChart)
    )
    return chart, list(chart.categoryAxis.categoryNames)


def test_long_school_names_are_never_cut() -> None:
    register_fonts()
    names = [
        "Technisch Instituut Ter Linden Merchtem",
        "Vrije Middenschool Sint-Ursula Merchtem",
        "BuSO De Kleine Linde Opwijk",
    ] * 3
    drawing = grouped_bars(names, [("Recht", [10.0] * 9), ("Gebruikt", [5.0] * 9)], "Uren")
    chart, labels = _labels(drawing)
    assert {label.replace("\n", " ") for label in labels} == set(names)  # every word is there
    assert isinstance(chart, HorizontalBarChart)  # too many for under the bars: turned
    widest = max(stringWidth(line, FONT, LABEL_SIZE) for x in labels for line in x.split("\n"))
    assert widest <= chart.x  # the labels stay inside the drawing, left of the bars


def test_a_few_names_wrap_under_their_bars() -> None:
    register_fonts()
    names = ["Technisch Instituut Ter Linden Merchtem", "GO! Atheneum De Bron Asse"]
    chart, labels = _labels(grouped_bars(names, [("Recht", [1.0, 2.0])], "Uren"))
    assert isinstance(chart, VerticalBarChart)
    assert [x.replace("\n", " ") for x in labels] == names


def test_the_running_school_year_says_so() -> None:
    register_fonts()
    assert year_label(2025, in_progress=2025) == "2025-26 (tot nu)"
    assert year_label(2024, in_progress=2025) == "2024-25"
    _, labels = _labels(evolution({2024: 10, 2025: 4}, in_progress=2025))
    assert labels[-1].replace("\n", " ") == "2025-26 (tot nu)"


def test_a_small_count_is_neither_drawn_nor_written_on_a_chart() -> None:
    register_fonts()
    chart, labels = _labels(evolution({2023: 12, 2024: 3, 2025: 0}))
    assert chart.data == [[12, 0, 0]]
    assert chart.barLabelArray == [["12", "<5", "0"]]
    assert len(labels) == 3


def test_forty_schools_fit_one_page_and_the_steering_report_prints() -> None:
    """The large vault's 40 schools made a turned chart 1,130 pt tall: the PDF failed."""
    from reportlab.graphics import renderPDF

    from amo_desktop.reports.charts import MAX_PLOT

    register_fonts()
    names = [f"Vrije Middenschool Sint-Ursula Merchtem campus {i}" for i in range(40)]
    series = [(s, [float(i) for i in range(40)]) for s in ("Recht", "Gebruikt", "Gepland")]
    drawing = grouped_bars(names, series, "Uren")
    chart, labels = _labels(drawing)
    assert isinstance(chart, HorizontalBarChart) and chart.height <= MAX_PLOT
    assert drawing.height < 690  # the report's frame is 719 pt high
    assert all("\n" not in label for label in labels)
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")
