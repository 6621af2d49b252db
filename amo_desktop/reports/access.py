"""Inzage-export as PDF (for the young person or parents) and as JSON (machine-readable)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from reportlab.platypus import Flowable, Paragraph

from amo_desktop.reports.blocks import table
from amo_desktop.reports.document import ReportMeta, build_pdf
from amo_desktop.reports.style import styles

TABLE_TITLES = {
    "youths": "Jongere",
    "youth_enrolments": "Inschrijvingen per schooljaar",
    "referrals": "Aanmeldingen",
    "referral_transitions": "Statuswijzigingen van de aanmeldingen",
    "trajectories": "Trajecten",
    "trajectory_coaches": "Begeleiders van de trajecten",
    "goals": "Doelen",
    "sessions": "Contactmomenten",
    "session_notes": "Verslagen",
    "note_versions": "Eerdere versies van verslagen",
}
HIDDEN = frozenset({"changed_by"})


def _escape(value: Any) -> str:
    text = "" if value is None else str(value)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


def story(export: Any, organisation: str) -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = [
        Paragraph("Inzage in de gegevens over een jongere", st["title"]),
        Paragraph(f"{organisation} · gemaakt op {export.made_at:%d/%m/%Y %H:%M}", st["subtitle"]),
        Paragraph(
            "Dit document bevat alle gegevens die AMO Desktop over deze jongere bewaart, "
            "en wie het dossier wanneer heeft geopend of gewijzigd. Reden van de export: "
            f"{_escape(export.reason)}.",
            st["body"],
        ),
    ]
    for name, rows in export.tables.items():
        parts.append(Paragraph(f"{TABLE_TITLES.get(name, name)} ({len(rows)})", st["h1"]))
        if not rows:
            parts.append(Paragraph("Geen gegevens.", st["small"]))
        for row in rows:
            pairs = [
                (k, _escape(v))
                for k, v in row.items()
                if k not in HIDDEN and v not in (None, "", "{}")
            ]
            parts.append(table(["Veld", "Waarde"], pairs, widths=(45, 129), numeric_from=9))
    parts.append(Paragraph(f"Toegangslog ({len(export.access_log)})", st["h1"]))
    parts.append(
        table(
            ["Wanneer", "Wie (id)", "Wat", "Gegeven"],
            [
                (
                    _escape(r["at"]),
                    _escape(r["user_id"]),
                    _escape(r["action"]),
                    _escape(r["entity"]),
                )
                for r in export.access_log
            ]
            or [("", "", "", "")],
            widths=(45, 60, 30, 39),
            numeric_from=9,
        )
    )
    return parts


def render(export: Any, organisation: str, out: Path | IO[bytes], author: str = "") -> None:
    meta = ReportMeta(
        title="Inzage-export",
        period=f"{export.made_at:%d/%m/%Y}",
        organisation=organisation,
        author=author,
        confidential=True,
        subject="Inzage in persoonsgegevens (AVG art. 15)",
        keywords=("AVG", "inzage"),
    )
    build_pdf(out, meta, story(export, organisation))


def to_json(export: Any) -> str:
    return json.dumps(asdict(export), default=str, indent=2, ensure_ascii=False)
