"""Signaal lokaal bestuur: an anonymous trend for one municipality; counts only, no schools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from amo_desktop.domain.figures import PeriodFigures
from amo_desktop.reports.blocks import key_figures
from amo_desktop.reports.document import build_period_pdf
from amo_desktop.reports.outgoing import signal_printed
from amo_desktop.reports.printed import Count
from amo_desktop.reports.style import styles


@dataclass(frozen=True)
class SignalData:
    organisation: str
    municipality: str
    period_label: str
    figures: PeriodFigures
    evolution: dict[int, int]
    schools_counted: int
    made_on: date


def story(data: SignalData) -> list[Flowable]:
    st = styles()
    printed = signal_printed(data)
    parts: list[Flowable] = [
        Paragraph(f"Signaal aan het lokaal bestuur {data.municipality}", st["title"]),
        Paragraph(f"{data.organisation} · {data.period_label}", st["subtitle"]),
        Paragraph(
            f"Dit overzicht telt de aanmeldingen uit {data.schools_counted} secundaire "
            f"school{'' if data.schools_counted == 1 else 'en'} in {data.municipality}. Het bevat "
            "geen namen en geen cijfers per school; elk aantal van 1 tot 4 staat als "
            "\u201c&lt;5\u201d, zodat niemand herkenbaar is. Een \u201cx\u201d verbergt een ander "
            "cijfer, zodat een klein aantal niet uit de andere cijfers of het totaal af te leiden "
            "is.",
            st["body"],
        ),
        Spacer(1, 6),
        key_figures(
            [
                ("aanmeldingen", printed.show(("period", "referrals"))),
                ("op de wachtlijst", printed.show(("period", "waiting"))),
                ("jongeren individueel bereikt", printed.show(("period", "youths"))),
                ("leerlingen bereikt via klassen", printed.show(("period", "pupils"))),
            ]
        ),
        Paragraph("Waarover gaan de aanmeldingen?", st["h1"]),
        *printed.flowables("Thema's"),
        KeepTogether(
            [Paragraph("Welk aanbod werd gevraagd?", st["h2"]), *printed.flowables("Aanbod")]
        ),
        KeepTogether(
            [
                Paragraph("Preventief of curatief", st["h2"]),
                *printed.flowables("Preventief of curatief"),
            ]
        ),
        KeepTogether([Paragraph("Per graad", st["h2"]), *printed.flowables("Per graad")]),
        KeepTogether(
            [
                Paragraph("Evolutie over de schooljaren", st["h2"]),
                *printed.flowables("Evolutie", widths=(60, 30)),
            ]
        ),
    ]
    return parts


def as_rows(data: SignalData) -> dict[str, list[list[Any]]]:
    """The same tables and marks as the PDF, one sheet each, the key figures first."""
    printed = signal_printed(data)
    key_rows: list[list[Any]] = [
        ["Kerncijfer", "Waarde"],
        *[
            [label, printed.value(Count(("period", name)))]
            for label, name in (
                ("Aanmeldingen", "referrals"),
                ("Op de wachtlijst", "waiting"),
                ("Jongeren individueel bereikt", "youths"),
                ("Leerlingen bereikt via klassen", "pupils"),
            )
        ],
    ]
    return {"Kerncijfers": key_rows, **printed.sheets()}


def render(data: SignalData, out: Path | IO[bytes], author: str = "") -> None:
    build_period_pdf(
        out,
        data,
        story(data),
        author,
        f"Signaal lokaal bestuur {data.municipality}",
        f"Anoniem signaal {data.municipality}",
        ("signaal", "lokaal bestuur"),
    )
