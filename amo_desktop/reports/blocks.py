"""Tables, key figures and the small-cell rule, shared by every report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from amo_desktop.domain.enums import label_of
from amo_desktop.reports.disclosure import SMALL_CELL, Disclosure, formatted, protect, small
from amo_desktop.reports.numbers import number, percent
from amo_desktop.reports.style import FONT, FONT_BOLD, GREY_FAINT, GREY_LIGHT, styles

# the small-cell rule lives in reports/disclosure.py, the number format in reports/numbers.py
__all__ = [
    "SMALL_CELL",
    "count_table",
    "key_figures",
    "number",
    "percent",
    "small",
    "suppressed_cells",
    "table",
]


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[float] | None = None,
    numeric_from: int = 1,
) -> Table:
    """A plain grid with a grey header; columns from `numeric_from` on are right-aligned."""
    st = styles()
    data: list[list[Flowable | str]] = [[Paragraph(h, st["cell_bold"]) for h in header]]
    for row in rows:
        data.append(
            [
                _number_cell(str(cell))
                if i >= numeric_from and widths
                else Paragraph(str(cell), st["cell_right"] if i >= numeric_from else st["cell"])
                for i, cell in enumerate(row)
            ]
        )
    result = Table(
        data,
        colWidths=[w * mm for w in widths] if widths else None,
        repeatRows=1,
        hAlign="LEFT",
        spaceBefore=2,
        spaceAfter=8,  # a sentence after a table never sticks to it
    )
    result.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), GREY_FAINT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, GREY_LIGHT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, GREY_LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                # numbers as plain text, drawn as their Paragraph would draw them
                ("FONTSIZE", (numeric_from, 1), (-1, -1), 8.5),
                ("LEADING", (numeric_from, 1), (-1, -1), 10.5),
                ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return result


# A number as printed (1.234,5 · 0 · – · 47\u00a0%), nothing a Paragraph would read as
# markup or as a space.
_PLAIN = re.compile("[0-9.,+\\-–—]{1,12}(\u00a0%)?")


def _number_cell(text: str) -> Flowable | str:
    """A short number is drawn as plain text (a Paragraph costs its parse and line breaking,
    ~25 % of a report's rendering); the Table style gives it the cell_right font, size and
    leading, so the page is the same to the pixel. Anything else stays a Paragraph."""
    if _PLAIN.fullmatch(text):
        return text
    return Paragraph(text, styles()["cell_right"])


def suppressed_cells(counts: Mapping[str, int]) -> dict[str, str]:
    """A one-way table's cells as printed beside its total (reports/disclosure.py)."""
    problem = Disclosure()
    problem.add_table("cells", counts, total="total")
    shown = protect(problem)
    return {k: formatted(shown[("cells", k)]) for k in counts}


def count_table(
    title: str,
    counts: Mapping[str, int],
    enum: type[StrEnum] | None = None,
    suppress: bool = True,
    total: bool = True,
) -> Flowable:
    """'What — how many' with a total row when asked, under the disclosure control of
    reports/disclosure.py (a table on its own; tables that share a total go through
    reports/printed.py together)."""
    from amo_desktop.reports.printed import Builder

    if not suppress:
        rows = [(label_of(k, enum), number(v)) for k, v in sorted(counts.items())]
        rows += [("Totaal", number(sum(counts.values())))] if total else []
        return table([title, "Aantal"], rows or [("(geen)", "0")], widths=(120, 30))
    builder = Builder()
    builder.one_way("table", (title, "Aantal"), counts, "cells", "total" if total else None, enum)
    return builder.done().flowable("table")


def key_figures(pairs: Sequence[tuple[str, str]]) -> Table:
    """A row of big numbers with their caption, the report's first glance."""
    # The big number's own line height counts, or a two-line caption runs over the card's edge.
    card = ParagraphStyle("keyFigure", parent=styles()["cell"], autoLeading="max")
    cells = [
        [
            Paragraph(f"<font name='{FONT_BOLD}' size='16'>{value}</font><br/>{caption}", card)
            for caption, value in pairs
        ]
    ]
    result = Table(cells, colWidths=[174 * mm / max(1, len(pairs))] * len(pairs))
    result.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, GREY_LIGHT),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, GREY_LIGHT),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),  # the numbers on one line
            ]
        )
    )
    return result
