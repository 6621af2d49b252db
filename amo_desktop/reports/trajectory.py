"""Trajectverslag: one young person's trajectories for the file or a round-table meeting."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from amo_desktop.domain.enums import (
    Attendance,
    ClosureReason,
    ContactType,
    GoalEvaluation,
    GuidanceDomain,
    OfferType,
    SchoolOutcome,
    TrajectoryStatus,
    label_of,
)
from amo_desktop.reports.blocks import table
from amo_desktop.reports.document import ReportMeta, build_pdf
from amo_desktop.reports.style import styles

AUDIENCES = {
    "dossier": "voor het dossier (alle verslagen)",
    "school": "voor de school (enkel verslagen deelbaar met de school)",
    "clb": "voor het CLB (enkel verslagen deelbaar met het CLB)",
}


@dataclass(frozen=True)
class GoalLine:
    description: str
    domain: str
    evaluation: str
    evaluated_on: date | None


@dataclass(frozen=True)
class SessionLine:
    on: date
    contact_type: str
    duration_min: int
    attendance: str | None
    agreements: str = ""
    content: str = ""
    next_steps: str = ""


@dataclass(frozen=True)
class TrajectoryBlock:
    offer_type: str
    status: str
    start_on: date
    end_on: date | None
    coaches: list[str]
    closure_reason: str | None
    outcome: str | None
    goals: list[GoalLine] = field(default_factory=list)
    sessions: list[SessionLine] = field(default_factory=list)


@dataclass(frozen=True)
class TrajectoryReportData:
    organisation: str
    youth_name: str
    school_name: str
    audience: str
    trajectories: list[TrajectoryBlock]
    made_on: date


def _esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


def story(data: TrajectoryReportData) -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = [
        Paragraph(f"Trajectverslag: {_esc(data.youth_name)}", st["title"]),
        Paragraph(f"{data.school_name} · {AUDIENCES[data.audience]}", st["subtitle"]),
    ]
    for block in data.trajectories:
        period = f"{block.start_on:%d/%m/%Y} – " + (
            f"{block.end_on:%d/%m/%Y}" if block.end_on else "lopend"
        )
        parts.append(Paragraph(f"{label_of(block.offer_type, OfferType)} ({period})", st["h1"]))
        facts = [
            ("Status", label_of(block.status, TrajectoryStatus)),
            ("Begeleiders", ", ".join(block.coaches)),
        ]
        if block.closure_reason:
            facts.append(("Afsluitreden", label_of(block.closure_reason, ClosureReason)))
        if block.outcome:
            facts.append(("Schoolpositie", label_of(block.outcome, SchoolOutcome)))
        parts.append(table(["", ""], facts, widths=(40, 134), numeric_from=9))
        parts.append(Paragraph("Doelen", st["h2"]))
        parts.append(
            table(
                ["Doel", "Domein", "Evaluatie", "Op"],
                [
                    (
                        _esc(g.description),
                        label_of(g.domain, GuidanceDomain),
                        label_of(g.evaluation, GoalEvaluation),
                        f"{g.evaluated_on:%d/%m/%Y}" if g.evaluated_on else "",
                    )
                    for g in block.goals
                ]
                or [("(nog geen doelen)", "", "", "")],
                widths=(80, 40, 34, 20),
                numeric_from=9,
            )
        )
        parts.append(Paragraph("Contactmomenten", st["h2"]))
        for session in block.sessions:
            lines = [
                f"<b>{session.on:%d/%m/%Y}</b> · {label_of(session.contact_type, ContactType)}"
                f" · {session.duration_min} min"
                + (f" · {label_of(session.attendance, Attendance)}" if session.attendance else "")
            ]
            for title, text in (
                ("Verslag", session.content),
                ("Afspraken", session.agreements),
                ("Volgende stappen", session.next_steps),
            ):
                if text.strip():
                    lines.append(f"<i>{title}:</i> {_esc(text)}")
            parts.append(KeepTogether([Paragraph("<br/>".join(lines), st["body"])]))
        if not block.sessions:
            parts.append(Paragraph("(nog geen contactmomenten)", st["small"]))
    return parts


def render(data: TrajectoryReportData, out: Path | IO[bytes], author: str = "") -> None:
    meta = ReportMeta(
        title="Trajectverslag",
        period=f"{data.made_on:%d/%m/%Y}",
        organisation=data.organisation,
        author=author,
        confidential=True,
        subject=f"Trajectverslag {AUDIENCES[data.audience]}",
        keywords=("AMO", "traject"),
    )
    build_pdf(out, meta, story(data))
