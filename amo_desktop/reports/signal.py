"""Signaal lokaal bestuur: an anonymous trend for one municipality; counts only, no schools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from amo_desktop.domain.enums import Grade, OfferType, PreventionLevel, ReferralReason
from amo_desktop.domain.figures import PeriodFigures
from amo_desktop.reports.blocks import count_table, key_figures, small, table
from amo_desktop.reports.document import ReportMeta, build_pdf
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
    f = data.figures
    grades = dict(f.referrals_by_grade)
    parts: list[Flowable] = [
        Paragraph(f"Signaal aan het lokaal bestuur {data.municipality}", st["title"]),
        Paragraph(f"{data.organisation} · {data.period_label}", st["subtitle"]),
        Paragraph(
            f"Dit overzicht telt de aanmeldingen uit {data.schools_counted} secundaire "
            f"school{'' if data.schools_counted == 1 else 'en'} in {data.municipality}. Het bevat "
            "geen namen en geen cijfers per school; elk aantal van 1 tot 4 staat als "
            "\u201c&lt;5\u201d, zodat niemand herkenbaar is. Een \u201cx\u201d verbergt een tweede "
            "cijfer, zodat een klein aantal niet uit het totaal af te leiden is.",
            st["body"],
        ),
        Spacer(1, 6),
        key_figures(
            [
                ("aanmeldingen", small(f.referrals)),
                ("op de wachtlijst", small(f.waiting_now)),
                ("jongeren individueel bereikt", small(f.youths_reached)),
                ("leerlingen bereikt via klassen", small(f.pupils_reached_in_classes)),
            ]
        ),
        Paragraph("Waarover gaan de aanmeldingen?", st["h1"]),
        count_table(
            "Thema (meerdere per aanmelding mogelijk)",
            f.referrals_by_reason,
            ReferralReason,
            total=False,
        ),
        KeepTogether(
            [
                Paragraph("Welk aanbod werd gevraagd?", st["h2"]),
                count_table("Aanbod", f.referrals_by_offer, OfferType),
            ]
        ),
        KeepTogether(
            [
                Paragraph("Preventief of curatief", st["h2"]),
                count_table("Aard", f.referrals_by_prevention, PreventionLevel),
            ]
        ),
        KeepTogether([Paragraph("Per graad", st["h2"]), count_table("Graad", grades, Grade)]),
        KeepTogether(
            [
                Paragraph("Evolutie over de schooljaren", st["h2"]),
                table(
                    ["Schooljaar", "Aanmeldingen"],
                    [(f"{y}-{y + 1}", small(n)) for y, n in sorted(data.evolution.items())]
                    or [("(geen)", "0")],
                    widths=(60, 30),
                ),
            ]
        ),
    ]
    return parts


def render(data: SignalData, out: Path | IO[bytes], author: str = "") -> None:
    meta = ReportMeta(
        title=f"Signaal lokaal bestuur {data.municipality}",
        period=data.period_label,
        organisation=data.organisation,
        author=author,
        subject=f"Anoniem signaal {data.municipality} {data.period_label}",
        keywords=("AMO", "signaal", "lokaal bestuur"),
    )
    build_pdf(out, meta, story(data))
