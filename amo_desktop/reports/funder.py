"""Financiersrapport: per funder the hours agreed and delivered, and the reach, per school."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.platypus import Flowable, Paragraph

from amo_desktop.domain.enums import FunderKind
from amo_desktop.reports.blocks import key_figures, number, percent, table
from amo_desktop.reports.charts import grouped_bars
from amo_desktop.reports.document import build_period_pdf
from amo_desktop.reports.outgoing import funder_printed
from amo_desktop.reports.printed import Count
from amo_desktop.reports.style import styles


@dataclass(frozen=True)
class FunderSchoolRow:
    school_name: str
    hours_agreed: float
    hours_delivered: float
    referrals: int
    youths_reached: int
    pupils_in_classes: int


@dataclass(frozen=True)
class FunderData:
    organisation: str
    funder_name: str
    funder_kind: str
    period_label: str
    rows: list[FunderSchoolRow] = field(default_factory=list)
    made_on: date = field(default_factory=date.today)

    @property
    def hours_agreed(self) -> float:
        return round(sum(r.hours_agreed for r in self.rows), 2)

    @property
    def hours_delivered(self) -> float:
        return round(sum(r.hours_delivered for r in self.rows), 2)


def story(data: FunderData) -> list[Flowable]:
    st = styles()
    printed = funder_printed(data)
    kind = FunderKind(data.funder_kind).label if data.funder_kind else ""
    pct = percent(data.hours_delivered, data.hours_agreed)
    return [
        Paragraph(f"Financiersrapport: {data.funder_name}", st["title"]),
        Paragraph(f"{data.organisation} · {kind} · {data.period_label}", st["subtitle"]),
        key_figures(
            [
                ("uren afgesproken", number(data.hours_agreed)),
                ("uren geleverd", number(data.hours_delivered)),
                ("benut", pct),
                ("jongeren bereikt", printed.show(("funder", "youths"))),
            ]
        ),
        Paragraph("Per school", st["h1"]),
        *(
            printed.flowables("Per school", widths=(46, 28, 25, 25, 25, 25))
            if data.rows
            else [
                table(["School", "Afgesproken uren"], [("(geen afspraken)", "")], widths=(46, 28))
            ]
        ),
        Paragraph(
            "Geleverde uren per school zijn het deel van de geleverde begeleidingsuren van "
            "die school dat overeenkomt met het aandeel van deze financier in haar "
            "afgesproken uren.",
            st["small"],
        ),
        grouped_bars(
            [r.school_name for r in data.rows],
            [
                ("Afgesproken", [r.hours_agreed for r in data.rows]),
                ("Geleverd", [r.hours_delivered for r in data.rows]),
            ],
            "Uren per school",
        ),
    ]


def as_rows(data: FunderData) -> dict[str, list[list[Any]]]:
    """The same table and marks as the PDF, with the key figures."""
    printed = funder_printed(data)
    return {
        "Kerncijfers": [
            ["Kerncijfer", "Waarde"],
            ["Uren afgesproken", data.hours_agreed],
            ["Uren geleverd", data.hours_delivered],
            ["Jongeren bereikt", printed.value(Count(("funder", "youths")))],
        ],
        **printed.sheets(),
    }


def render(data: FunderData, out: Path | IO[bytes], author: str = "") -> None:
    name = f"Financiersrapport {data.funder_name}"
    build_period_pdf(out, data, story(data), author, name, name, ("financier",))
