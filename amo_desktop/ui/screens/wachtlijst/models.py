"""The waiting list as a table: its fair order, the waiting times and why each has its place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from amo_desktop.domain.enums import OfferType, Urgency
from amo_desktop.services.waitlist import WaitlistEntry
from amo_desktop.ui.kit.tables import RecordModel
from amo_desktop.ui.kit.widgets import format_date, label_of

_URGENT = {Urgency.HOOG.value, Urgency.CRISIS.value}


class WaitlistModel(RecordModel):
    """The waiting list in its fair order; positions are recomputed by the service."""

    (
        COL_POSITION,
        COL_RECEIVED,
        COL_SCHOOL,
        COL_SUBJECT,
        COL_OFFER,
        COL_URGENCY,
        COL_DAYS,
        COL_SCHOOL_DAYS,
        COL_REASON,
    ) = range(9)
    COLUMN_COUNT = 9

    def __init__(self, lang: str = "nl", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def record_id(self, e: WaitlistEntry) -> str:
        return e.referral_id

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Plaats"),
            self.tr("Ontvangen"),
            self.tr("School"),
            self.tr("Onderwerp"),
            self.tr("Aanbod"),
            self.tr("Urgentie"),
            self.tr("Wacht (dagen)"),
            self.tr("Schooldagen"),
            self.tr("Waarom deze plaats"),
        )

    def display(self, e: WaitlistEntry, column: int) -> Any:
        if column == self.COL_POSITION:
            return str(e.position)
        if column == self.COL_RECEIVED:
            return format_date(e.received_on)
        if column == self.COL_SCHOOL:
            return e.school_name
        if column == self.COL_SUBJECT:
            return e.subject_label
        if column == self.COL_OFFER:
            return label_of(OfferType, e.offer_type)
        if column == self.COL_URGENCY:
            return label_of(Urgency, e.urgency)
        if column == self.COL_DAYS:
            return str(e.waiting_days)
        if column == self.COL_SCHOOL_DAYS:
            return str(e.waiting_school_days)
        if column == self.COL_REASON:
            return e.reason_text(self.lang)
        return None

    def sort_key(self, e: WaitlistEntry, column: int) -> Any:
        if column == self.COL_RECEIVED:
            return e.received_on.toordinal()
        if column == self.COL_URGENCY:
            return list(Urgency).index(Urgency(e.urgency)) if e.urgency in set(Urgency) else 9
        if column in (self.COL_POSITION, self.COL_REASON):
            return e.position
        if column == self.COL_DAYS:
            return e.waiting_days
        if column == self.COL_SCHOOL_DAYS:
            return e.waiting_school_days
        return str(self.display(e, column)).casefold()

    def extra(self, e: WaitlistEntry, column: int, role: int) -> Any:
        numeric = (self.COL_POSITION, self.COL_DAYS, self.COL_SCHOOL_DAYS)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_REASON:
            return self.display(e, column)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_URGENCY and e.urgency in _URGENT:
            font = QFont()
            font.setBold(True)
            return font
        return None
