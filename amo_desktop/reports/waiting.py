"""The steering and school report's story of waiting: the list as it was at the end of the
period, the time to the start of guidance, and how both evolved over the school years.

Every count and every waiting time comes from the report's masked model (reports/outgoing.py),
so the PDF prints what the Excel workbook prints."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from amo_desktop.domain.figures import PeriodFigures, StartWaits
from amo_desktop.reports.charts import evolution, grouped_bars, year_label
from amo_desktop.reports.disclosure import FEW, SMALL_CELL
from amo_desktop.reports.numbers import number
from amo_desktop.reports.printed import Printed
from amo_desktop.reports.style import styles


def waiting_tables(p: PeriodFigures, printed: Printed) -> list[Flowable]:
    """The waiting list on its reference day and the time to start, side by side in days."""
    st = styles()
    day = p.waiting_on or p.last
    when = f"vandaag ({day:%d/%m/%Y})" if day < p.last else f"op {day:%d/%m/%Y}"
    waiting = printed.show(("period", "waiting"))
    started = printed.show(("period", "started"))
    lead = ParagraphStyle("lead", parent=st["body"], keepWithNext=1)  # stays with its table
    return [
        Paragraph(
            f"Op de wachtlijst {when}: <b>{_escape(waiting)}</b>. Hun wachttijd tot die dag:",
            lead,
        ),
        *printed.flowables("Wachtlijst", widths=(90, 40, 44)),
        Paragraph(
            f"Gestart in de periode: <b>{_escape(started)}</b> begeleidingen. De tijd van "
            "aanmelding tot de start van de begeleiding:",
            lead,
        ),
        *printed.flowables("Tijd tot start in de periode", widths=(90, 40, 44)),
    ]


def _start_chart(start_waits: dict[int, StartWaits], in_progress: int | None) -> Flowable:
    """The median time to start per school year; a year with fewer than 5 starts has no bar."""
    years = sorted(start_waits)

    def bars(values: list[float | None]) -> tuple[list[float], list[str]]:
        shown = [
            None if start_waits[y].started < SMALL_CELL else v
            for y, v in zip(years, values, strict=True)
        ]
        return [v or 0 for v in shown], [FEW if v is None else number(v) for v in shown]

    calendar, calendar_marks = bars([start_waits[y].median_days for y in years])
    school, school_marks = bars([start_waits[y].median_school_days for y in years])
    return grouped_bars(
        [year_label(y, in_progress) for y in years],
        [("kalenderdagen", calendar), ("schooldagen", school)],
        "Mediaan tijd tot de start (dagen)",
        width=86 * mm,
        height=62 * mm,
        labels=[calendar_marks, school_marks],
    )


def evolution_pair(
    referrals: dict[int, int],
    start_waits: dict[int, StartWaits],
    in_progress: int | None,
    printed: Printed,
) -> Flowable:
    """Referrals per school year beside the median time to start per school year."""
    half = 86 * mm
    marks = {y: printed.show(("evolution", y)) for y in referrals}
    pair = Table(
        [
            [
                evolution(referrals, "Aanmeldingen", in_progress, width=half, shown=marks),
                _start_chart(start_waits, in_progress),
            ]
        ],
        colWidths=[half + 2 * mm, half + 2 * mm],
        hAlign="LEFT",
    )
    pair.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return pair


def waiting_section(
    heading: str,
    p: PeriodFigures,
    referrals: dict[int, int],
    start_waits: dict[int, StartWaits],
    in_progress: int | None,
    printed: Printed,
) -> list[Flowable]:
    """Section 'Wachtlijst en wachttijd': tables, then the two evolutions and their figures."""
    st = styles()
    return [
        Paragraph(heading, st["h1"]),
        *waiting_tables(p, printed),
        KeepTogether(
            [
                Paragraph("Evolutie over de schooljaren", st["h2"]),
                evolution_pair(referrals, start_waits, in_progress, printed),
                Paragraph(
                    "Links de aanmeldingen per schooljaar; rechts hoe lang wie dat schooljaar "
                    "startte, mediaan gewacht heeft tussen aanmelding en start (geen staaf: "
                    "minder dan 5 gestart).",
                    st["small"],
                ),
            ]
        ),
        KeepTogether(
            [
                printed.flowable("Evolutie", widths=(60, 30)),
                printed.flowable("Tijd tot start", widths=(26, 19, 33, 33, 31.5, 31.5)),
            ]
        ),
    ]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
