"""Uitwisselen: the tables of the team's laptops and of the exchanges made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject

from amo_desktop.services.exchange import HistoryEntry, PeerInfo
from amo_desktop.ui.kit.context import format_datetime
from amo_desktop.ui.kit.tables import Column, RecordModel
from amo_desktop.ui.screens.uitwisselen.conflicts import CONTEXT

DIRECTIONS = {
    "export": "Uitgevoerd",
    "import": "Ingelezen",
    "refused": "Geweigerd",
    "invite": "Uitnodiging",
    "join": "Aangesloten",
}


def stamp_text(value: datetime | str | None) -> str:
    """A stamp (datetime or ISO text) as dd/mm/jjjj uu:mm, like the rest of the program."""
    if isinstance(value, datetime):
        value = value.isoformat()
    return format_datetime(value)


def peer_state(peer: PeerInfo) -> str:
    if peer.revoked:
        return QCoreApplication.translate(CONTEXT, "Verwijderd uit het team")
    if peer.joined:
        return QCoreApplication.translate(CONTEXT, "Aangesloten")
    return QCoreApplication.translate(CONTEXT, "Uitgenodigd, nog niet aangesloten")


class PeersModel(RecordModel):
    """The team's laptops: whose, in what role, joined or not, and when they last sent."""

    def __init__(self, role_label: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=[
                Column(QCoreApplication.translate(CONTEXT, "Medewerker"), lambda p: p.login),
                Column(QCoreApplication.translate(CONTEXT, "Rol"), lambda p: role_label(p.role)),
                Column(QCoreApplication.translate(CONTEXT, "Laptop"), peer_state),
                Column(
                    QCoreApplication.translate(CONTEXT, "Laatst ontvangen"),
                    lambda p: stamp_text(p.last_import_at),
                    lambda p: p.last_import_at.isoformat() if p.last_import_at else "",
                ),
            ],
            key=lambda p: p.vault_id,
        )


class HistoryModel(RecordModel):
    """The exchanges made; an entry has no id, so each refresh replaces them all."""

    CONTEXT = CONTEXT
    COLUMNS = (
        Column("Wanneer", lambda h: stamp_text(h.at), lambda h: h.at.isoformat()),
        Column(
            "Wat",
            lambda h: QCoreApplication.translate(CONTEXT, DIRECTIONS.get(h.direction, h.direction)),
        ),
        Column("Met", lambda h: h.peer),
        Column("Rijen", lambda h: h.rows),
        Column("Conflicten", lambda h: h.conflicts),
        Column("Melding", lambda h: h.message),
    )

    def record_id(self, record: HistoryEntry) -> str:
        return str(id(record))
