"""Herstelsleutel: the sheet the team leader prints at setup and keeps away from the laptop."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import IO

from reportlab.platypus import Flowable, Paragraph, Spacer

from amo_desktop.reports.document import ReportMeta, build_pdf
from amo_desktop.reports.style import styles


def story(organisation: str, vault_id: str, recovery_key: str) -> list[Flowable]:
    st = styles()
    groups = recovery_key.split("-")
    lines = ["-".join(groups[i : i + 5]) for i in range(0, len(groups), 5)]
    return [
        Paragraph("Herstelsleutel AMO Desktop", st["title"]),
        Paragraph(f"{organisation} · kluis {vault_id}", st["subtitle"]),
        Paragraph(
            "Met deze sleutel opent u de kluis als iemand zijn wachtwoord vergeet, ook als "
            "alle wachtwoorden vergeten zijn. Wie deze sleutel heeft, kan alle gegevens "
            "lezen.",
            st["body"],
        ),
        Spacer(1, 10),
        *[Paragraph(line, st["key"]) for line in lines],
        Spacer(1, 14),
        Paragraph(
            "Bewaar dit blad in een kluis of afgesloten kast, nooit bij de laptop en nooit "
            "als foto of bestand op de laptop. Typ de sleutel over in AMO Desktop bij "
            "\u201cWachtwoord vergeten?\u201d; streepjes en hoofdletters maken niet uit.",
            st["body"],
        ),
    ]


def render(organisation: str, vault_id: str, recovery_key: str, out: Path | IO[bytes]) -> None:
    meta = ReportMeta(
        title="Herstelsleutel",
        period=f"{datetime.now():%d/%m/%Y}",
        organisation=organisation,
        confidential=True,
        subject="Herstelsleutel van de kluis",
        keywords=("AMO", "herstelsleutel"),
    )
    build_pdf(out, meta, story(organisation, vault_id, recovery_key))


def text(organisation: str, vault_id: str, recovery_key: str) -> str:
    """The plain-text sheet, for a .txt beside the PDF."""
    return (
        "AMO Desktop - herstelsleutel / recovery key\n"
        f"Organisatie: {organisation}\nKluis: {vault_id}\n\n{recovery_key}\n\n"
        "Bewaar dit blad op een veilige plaats (kluis, afgesloten kast), nooit bij de laptop.\n"
    )
