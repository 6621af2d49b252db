"""The steering and school report's story of waiting: the list as it was at the end of the
period, the time to the start of guidance, and how both evolved over the school years."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from amo_desktop.domain.figures import PeriodFigures, StartWaits
from amo_desktop.reports.blocks import number, small, table
from amo_desktop.reports.charts import evolution, grouped_bars, year_label
from amo_desktop.reports.style import styles


def waiting_tables(p: PeriodFigures) -> list[Flowable]:
    """The waiting list on its reference day and the time to start, side by side in days."""
    st = styles()
    day = p.waiting_on or p.last
    when = f"vandaag ({day:%d/%m/%Y})" if day < p.last else f"op {day:%d/%m/%Y}"
    return [
        Paragraph(
            f"Op de wachtlijst {when}: <b>{small(p.waiting_now)}</b>. Hun wachttijd tot die dag:",
            st["body"],
        ),
        table(
            ["Wie op de wachtlijst staat", "Kalenderdagen", "Schooldagen"],
            [
                (
                    "Mediaan wachttijd",
                    number(p.median_wait_days),
                    number(p.median_wait_school_days),
                ),
                (
                    "Langste wachttijd",
                    number(p.longest_wait_days),
                    number(p.longest_wait_school_days),
                ),
            ],
            widths=(90, 40, 44),
        ),
        Paragraph(
            f"Gestart in de periode: <b>{small(p.started)}</b> begeleidingen. De tijd van "
            "aanmelding tot de start van de begeleiding:",
            st["body"],
        ),
        table(
            ["Tijd tot de start", "Kalenderdagen", "Schooldagen"],
            [
                (
                    "Mediaan",
                    number(p.median_start_days),
                    number(p.median_start_school_days),
                ),
                ("Langste", number(p.longest_start_days), number(p.longest_start_school_days)),
            ],
            widths=(90, 40, 44),
        ),
    ]


def evolution_pair(
    referrals: dict[int, int], start_waits: dict[int, StartWaits], in_progress: int | None
) -> Flowable:
    """Referrals per school year beside the median time to start per school year."""
    half = 86 * mm
    years = sorted(start_waits)
    waits = grouped_bars(
        [year_label(y, in_progress) for y in years] or ["(geen)"],
        [
            ("kalenderdagen", [start_waits[y].median_days or 0 for y in years]),
            ("schooldagen", [start_waits[y].median_school_days or 0 for y in years]),
        ],
        "Mediaan tijd tot de start (dagen)",
        width=half,
        height=62 * mm,
    )
    pair = Table(
        [[evolution(referrals, "Aanmeldingen", in_progress, width=half), waits]],
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
) -> list[Flowable]:
    """Section 'Wachtlijst en wachttijd': tables, then the two evolutions."""
    st = styles()
    return [
        Paragraph(heading, st["h1"]),
        *waiting_tables(p),
        KeepTogether(
            [
                Paragraph("Evolutie over de schooljaren", st["h2"]),
                evolution_pair(referrals, start_waits, in_progress),
                Paragraph(
                    "Links de aanmeldingen per schooljaar; rechts hoe lang wie dat schooljaar "
                    "startte, mediaan gewacht heeft tussen aanmelding en start.",
                    st["small"],
                ),
            ]
        ),
    ]
