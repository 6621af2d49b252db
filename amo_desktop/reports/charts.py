"""Bar charts with reportlab.graphics, in greys with labels so they read in black and white.

Labels are never cut: a category name is wrapped under its bars, and when names do not fit
there (long school names, many schools) the chart turns: horizontal bars, names on the left.
Every number on a chart is written by `numbers.number`, like the tables."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from amo_desktop.reports.disclosure import hidden, small
from amo_desktop.reports.numbers import number
from amo_desktop.reports.style import FONT, GREY_DARK, SERIES

LABEL_SIZE = 7
MAX_LINES = 3
TOP = 18  # the title's line, and room for the label above the tallest bar
LEGEND = 14
MAX_PLOT = 150 * mm  # a turned chart stays on one page, with its title and legend


def _wrap(name: str, width: float) -> list[str]:
    """The name in lines no wider than `width` points (a word longer than that stays whole)."""
    chars = max(4, int(width / (LABEL_SIZE * 0.55)))
    lines = textwrap.wrap(name, chars, break_long_words=False) or [""]
    return lines


def _shortened(name: str, width: float) -> str:
    """The name on one line of at most `width` points, ending in '…' when it had to be cut."""
    if stringWidth(name, FONT, LABEL_SIZE) <= width:
        return name
    while name and stringWidth(name + "…", FONT, LABEL_SIZE) > width:
        name = name[:-1]
    return name.rstrip() + "…"


def _fits(lines: list[str], width: float) -> bool:
    return len(lines) <= MAX_LINES and all(
        stringWidth(line, FONT, LABEL_SIZE) <= width for line in lines
    )


def _value_range(chart: VerticalBarChart | HorizontalBarChart, top: float) -> None:
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labelTextFormat = number
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top * 1.18  # room for the label above the longest bar


def _bars(
    chart: VerticalBarChart | HorizontalBarChart,
    n_series: int,
    labels: Sequence[Sequence[str]] | None,
) -> None:
    for i in range(n_series):
        chart.bars[i].fillColor = SERIES[i % len(SERIES)]
        chart.bars[i].strokeColor = GREY_DARK
        chart.bars[i].strokeWidth = 0.4
    chart.barLabelFormat = number
    if labels is not None:  # written by the caller, e.g. '<5' over a count it hides
        chart.barLabelFormat = "values"
        chart.barLabelArray = [list(row) or [""] for row in labels]  # as data: [0] when empty
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6


def _decorate(
    drawing: Drawing, series: Sequence[tuple[str, Sequence[float]]], title: str, legend: bool
) -> None:
    width, height = drawing.width, drawing.height
    drawing.add(
        String(
            width - 2,
            height - 10,
            title,
            fontName=FONT,
            fontSize=8,
            textAnchor="end",
            fillColor=GREY_DARK,
        )
    )
    if legend:
        key = Legend()
        key.x, key.y = 4, height - 16
        key.fontName = FONT
        key.fontSize = 8
        key.alignment = "right"
        key.columnMaximum = 1
        key.deltax = max(stringWidth(name, FONT, 8) for name, _ in series) + 24
        key.dx, key.dy = 8, 8
        key.colorNamePairs = [(SERIES[i % len(SERIES)], name) for i, (name, _) in enumerate(series)]
        drawing.add(key)


def grouped_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    title: str,
    width: float = 174 * mm,
    height: float = 70 * mm,
    legend: bool = True,
    labels: Sequence[Sequence[str]] | None = None,
) -> Drawing:
    """One group of bars per category (e.g. per school: entitled, used, planned); `labels`,
    one row per series, replaces the numbers written over the bars (a hidden count writes its
    mark and has no bar)."""
    top = max([max(v) for _, v in series if v] + [1])
    slot = (width - 44) / max(1, len(categories))
    wrapped = [_wrap(c, slot - 2) for c in categories]
    if not all(_fits(lines, slot - 2) for lines in wrapped):
        return _horizontal(categories, series, title, width, legend, top, labels)
    lines = max((len(w) for w in wrapped), default=1)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 10 + lines * (LABEL_SIZE + 2)
    chart.width = width - chart.x - 8
    chart.height = height - chart.y - TOP - (LEGEND if legend else 0)
    chart.data = [list(values) or [0] for _, values in series]
    chart.categoryAxis.categoryNames = ["\n".join(w) for w in wrapped] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.leading = LABEL_SIZE + 1.5
    _value_range(chart, top)
    chart.barSpacing = 1
    chart.groupSpacing = 6
    _bars(chart, len(series), labels)
    chart.barLabels.nudge = 6
    drawing.add(chart)
    _decorate(drawing, series, title, legend)
    return drawing


def _horizontal(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    title: str,
    width: float,
    legend: bool,
    top: float,
    labels: Sequence[Sequence[str]] | None,
) -> Drawing:
    """The chart turned: a row per category, the whole name (wrapped) on the left."""
    label_width = min(62 * mm, max(stringWidth(c, FONT, LABEL_SIZE) for c in categories) + 6)
    wrapped = [_wrap(c, label_width - 6) for c in categories]
    lines = max(len(w) for w in wrapped)
    row = max(len(series) * 7 + 6, lines * (LABEL_SIZE + 1.5) + 6)
    crowded = row * len(categories) > MAX_PLOT
    if crowded:  # many schools: thinner rows and one line per name, so it fits a page
        row = MAX_PLOT / len(categories)
        wrapped = [[_shortened(c, label_width - 6)] for c in categories]
    plot = row * len(categories)
    height = plot + 18 + TOP + (LEGEND if legend else 0)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = width - label_width - 30, plot
    # the first category on top, as in the table above it
    chart.data = [list(reversed(list(values))) or [0] for _, values in series]
    chart.categoryAxis.categoryNames = ["\n".join(w) for w in reversed(wrapped)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.leading = LABEL_SIZE + 1.5
    chart.categoryAxis.reverseDirection = False
    _value_range(chart, top)
    chart.barSpacing = 0.5
    chart.groupSpacing = 4
    _bars(chart, len(series), [list(reversed(row)) for row in labels] if labels else None)
    if crowded and labels is None:  # bars too thin to write on: the table above has the figures
        chart.barLabelFormat = None
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    _decorate(drawing, series, title, legend)
    return drawing


def year_label(year: int, in_progress: int | None = None) -> str:
    """'2024-25', and '2025-26 (tot nu)' for the school year still running."""
    name = f"{year}-{(year + 1) % 100:02d}"
    return f"{name} (tot nu)" if year == in_progress else name


def evolution(
    per_year: dict[int, int],
    title: str = "Evolutie aanmeldingen",
    in_progress: int | None = None,
    width: float = 174 * mm,
    shown: dict[int, str] | None = None,
) -> Drawing:
    """Referrals per school year, labelled '2024-25'; the running year '(tot nu)'. A hidden
    count (its mark from the report's disclosure control in `shown`; without it, 1 to 4 reads
    '<5') has no bar, so its height cannot give the number away, and writes its mark."""
    years = sorted(per_year)
    names = [year_label(y, in_progress) for y in years]
    marks = [shown[y] if shown and y in shown else small(per_year[y]) for y in years]
    heights = [0 if hidden(mark) else per_year[y] for y, mark in zip(years, marks, strict=True)]
    return grouped_bars(
        names,
        [("Aanmeldingen", heights)],
        title,
        width=width,
        height=60 * mm,
        legend=False,
        labels=[marks],
    )
