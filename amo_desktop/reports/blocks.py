"""Tables, key figures and the small-cell rule, shared by every report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from amo_desktop.reports.style import FONT, FONT_BOLD, GREY_FAINT, GREY_LIGHT, styles

SMALL_CELL = 5


def small(n: int | None, suppress: bool = True) -> str:
    """A count of pupils as shown in aggregate reports: 1 to 4 becomes '<5' (SECURITY.md R23).

    Zero stays 0: it points to nobody.
    """
    if n is None:
        return "–"
    if suppress and 0 < n < SMALL_CELL:
        return "<5"
    return number(n)


def number(value: float | int | None, decimals: int = 1) -> str:
    """The one number format of every report (nl-BE): 1.234,5; a whole number (also after
    rounding) without decimals; '–' for no value."""
    if value is None:
        return "–"
    rounded = round(float(value), decimals)
    if rounded.is_integer():
        return f"{int(rounded):,}".replace(",", ".")
    return f"{rounded:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")


def percent(part: float, whole: float) -> str:
    """A share as a whole percentage, '47 %' (nl-BE: a space before the sign); '–' for none."""
    if not whole:
        return "–"
    return f"{number(round(100 * part / whole))}\u00a0%"  # the sign never on the next line


def label(code: str, enum: type[StrEnum] | None) -> str:
    if enum is None:
        return code
    try:
        return str(getattr(enum(code), "label", code))
    except ValueError:
        return code


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[float] | None = None,
    numeric_from: int = 1,
) -> Table:
    """A plain grid with a grey header; columns from `numeric_from` on are right-aligned."""
    st = styles()
    data: list[list[Flowable]] = [[Paragraph(h, st["cell_bold"]) for h in header]]
    for row in rows:
        data.append(
            [
                Paragraph(str(cell), st["cell_right"] if i >= numeric_from else st["cell"])
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
            ]
        )
    )
    return result


def suppressed_cells(counts: Mapping[str, int]) -> dict[str, str]:
    """Small cells as '<5', plus secondary suppression: when exactly one cell is small, the
    next smallest is shown as 'x', so the small one cannot be worked out from the total."""
    shown = {k: small(v) for k, v in counts.items()}
    small_keys = [k for k, v in counts.items() if 0 < v < SMALL_CELL]
    if len(small_keys) == 1:
        others = sorted((v, k) for k, v in counts.items() if v >= SMALL_CELL)
        if others:
            shown[others[0][1]] = "x"
    return shown


def count_table(
    title: str,
    counts: Mapping[str, int],
    enum: type[StrEnum] | None = None,
    suppress: bool = True,
    total: bool = True,
) -> Table:
    """'What — how many' sorted by size, small cells suppressed; a total row when asked."""
    shown = suppressed_cells(counts) if suppress else {k: str(v) for k, v in counts.items()}
    rows = [
        (label(k, enum), shown[k])
        for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    if not rows:
        rows = [("(geen)", "0")]
    if total:
        rows.append(("Totaal", small(sum(counts.values()), suppress)))
    return table([title, "Aantal"], rows, widths=(120, 30))


def key_figures(pairs: Sequence[tuple[str, str]]) -> Table:
    """A row of big numbers with their caption, the report's first glance."""
    st = styles()
    cells = [
        [
            Paragraph(
                f"<font name='{FONT_BOLD}' size='16'>{value}</font><br/>{caption}", st["cell"]
            )
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
            ]
        )
    )
    return result
