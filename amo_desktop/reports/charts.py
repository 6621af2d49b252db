"""Bar charts with reportlab.graphics, in greys with labels so they read in black and white."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm

from amo_desktop.reports.style import FONT, GREY_DARK, SERIES


def grouped_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    title: str,
    width: float = 174 * mm,
    height: float = 70 * mm,
    legend: bool = True,
    labels: Sequence[Sequence[str]] | None = None,
) -> Drawing:
    """One group of bars per category (e.g. per school: entitled, used, planned); `labels`
    replaces the numbers printed on the bars (a hidden count prints its mark)."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 38
    chart.width, chart.height = width - 50, height - 70
    chart.data = [list(values) or [0] for _, values in series]
    chart.categoryAxis.categoryNames = [c[:26] for c in categories] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 20 if len(categories) > 5 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(categories) > 5 else "n"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([max(v) for _, v in series if v] + [1])
    chart.valueAxis.valueMax = top * 1.15
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i, _ in enumerate(series):
        chart.bars[i].fillColor = SERIES[i % len(SERIES)]
        chart.bars[i].strokeColor = GREY_DARK
        chart.bars[i].strokeWidth = 0.4
    chart.barLabelFormat = "%.0f"
    if labels is not None:
        chart.barLabelFormat = "values"
        chart.barLabelArray = [list(row) or [""] for row in labels]  # as data: [0] when empty
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 6
    drawing.add(chart)
    if legend:
        key = Legend()
        key.x, key.y = 30, height - 10
        key.fontName = FONT
        key.fontSize = 8
        key.alignment = "right"
        key.columnMaximum = 1
        key.deltax = 90
        key.colorNamePairs = [(SERIES[i % len(SERIES)], name) for i, (name, _) in enumerate(series)]
        drawing.add(key)
    drawing.add(
        String(
            width - 5,
            height - 10,
            title,
            fontName=FONT,
            fontSize=8,
            textAnchor="end",
            fillColor=GREY_DARK,
        )
    )
    return drawing


def evolution(
    per_year: dict[int, int],
    title: str = "Evolutie aanmeldingen",
    shown: dict[int, str] | None = None,
) -> Drawing:
    """Referrals per school year, labelled '2024-25'; a year whose count is hidden (`shown`
    gives its mark) has no bar, so its height cannot give the number away."""
    years = sorted(per_year)
    names = [f"{y}-{(y + 1) % 100:02d}" for y in years]
    marks = [(shown or {}).get(y, str(per_year[y])) for y in years]
    heights = [per_year[y] if mark.isdigit() else 0 for y, mark in zip(years, marks, strict=True)]
    return grouped_bars(
        names,
        [("Aanmeldingen", heights)],
        title,
        height=60 * mm,
        legend=False,
        labels=[marks] if shown is not None else None,
    )
