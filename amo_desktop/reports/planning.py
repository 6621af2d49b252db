"""A coach's or the team's week on one page: days as sections, sessions in time order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import IO

from reportlab.platypus import Flowable, Paragraph

from amo_desktop.domain.enums import ContactType, Location, label_of
from amo_desktop.reports.blocks import table
from amo_desktop.reports.document import ReportMeta, build_pdf
from amo_desktop.reports.style import styles

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@dataclass(frozen=True)
class PlanningLine:
    on: date
    start: time
    duration_min: int
    coach: str
    label: str
    contact_type: str
    location: str
    cancelled: bool


@dataclass(frozen=True)
class PlanningData:
    organisation: str
    monday: date
    who: str  # a coach's name or "het team"
    lines: list[PlanningLine]
    days_off: dict[date, str]
    has_names: bool


def story(data: PlanningData) -> list[Flowable]:
    st = styles()
    sunday = data.monday + timedelta(days=6)
    parts: list[Flowable] = [
        Paragraph(f"Planning {data.who}", st["title"]),
        Paragraph(f"Week van {data.monday:%d/%m/%Y} tot {sunday:%d/%m/%Y}", st["subtitle"]),
    ]
    for offset in range(7):
        day = data.monday + timedelta(days=offset)
        lines = [x for x in data.lines if x.on == day]
        if offset >= 5 and not lines:
            continue
        off = f" – {data.days_off[day]}" if day in data.days_off else ""
        parts.append(Paragraph(f"{DAYS[offset].capitalize()} {day:%d/%m}{off}", st["h2"]))
        rows = [
            (
                f"{x.start:%H:%M}",
                f"{x.duration_min} min",
                x.coach,
                x.label,
                label_of(x.contact_type, ContactType),
                label_of(x.location, Location) + (" (geannuleerd)" if x.cancelled else ""),
            )
            for x in lines
        ]
        parts.append(
            table(
                ["Uur", "Duur", "Coach", "Wie / wat", "Soort", "Waar"],
                rows or [("", "", "", "Geen contactmomenten", "", "")],
                widths=(14, 16, 34, 46, 36, 28),
                numeric_from=9,
            )
        )
    return parts


def render(data: PlanningData, out: Path | IO[bytes], author: str = "") -> None:
    meta = ReportMeta(
        title=f"Planning {data.who}",
        period=f"week van {data.monday:%d/%m/%Y}",
        organisation=data.organisation,
        author=author,
        confidential=data.has_names,
        subject="Weekplanning",
        keywords=("AMO", "planning"),
    )
    build_pdf(out, meta, story(data))
