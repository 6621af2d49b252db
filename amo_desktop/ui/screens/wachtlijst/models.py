"""The waiting list as a table: its fair order, the waiting times and why each has its place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from amo_desktop.domain.enums import OfferType, Urgency
from amo_desktop.services.waitlist import WaitlistEntry
from amo_desktop.ui.kit.tables import Column, RecordModel
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import format_date, label_of

_URGENT = {Urgency.HOOG.value, Urgency.CRISIS.value}


def _urgency_rank(e: WaitlistEntry) -> int:
    return list(Urgency).index(Urgency(e.urgency)) if e.urgency in set(Urgency) else 9


def _expected_key(e: WaitlistEntry) -> tuple[int, int]:
    """Sorted by the range; 'onvoldoende gegevens' last."""
    return (e.expected.low, e.expected.high) if e.expected is not None else (10**6, 10**6)


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
        COL_EXPECTED,
        COL_REASON,
    ) = range(10)
    COLUMN_COUNT = 10  # also known before a model is made
    KEEP_TEXTS = True  # each row is measured for its wrapped reason: its texts made once

    def __init__(self, lang: str = "nl", parent: QWidget | None = None) -> None:
        super().__init__(parent, key=lambda e: e.referral_id)
        self.lang = lang
        self.set_columns(
            (
                Column(self.tr("Plaats"), lambda e: e.position, width=55),
                Column(
                    self.tr("Ontvangen"),
                    lambda e: format_date(e.received_on),
                    lambda e: e.received_on.toordinal(),
                    width=85,
                ),
                Column(self.tr("School"), lambda e: e.school_name, width=140),
                Column(self.tr("Onderwerp"), lambda e: e.subject_label, width=130),
                Column(self.tr("Aanbod"), lambda e: label_of(OfferType, e.offer_type), width=130),
                Column(
                    self.tr("Urgentie"),
                    lambda e: label_of(Urgency, e.urgency),
                    _urgency_rank,
                    width=70,
                ),
                Column(self.tr("Wacht (dagen)"), lambda e: e.waiting_days, width=95),
                Column(self.tr("Schooldagen"), lambda e: e.waiting_school_days, width=90),
                Column(self.tr("Verwachte wachttijd"), self._expected, _expected_key, width=135),
                Column(
                    self.tr("Waarom deze plaats"),
                    lambda e: e.reason_text(self.lang),
                    lambda e: e.position,
                    width=280,  # the least it gets: a narrower one makes every row a tower
                ),
            )
        )

    def _expected(self, e: WaitlistEntry) -> str:
        if e.expected is None:
            return self.tr("onvoldoende gegevens")
        return fill(self.tr("%1–%2 weken"), e.expected.low, e.expected.high)

    def extra(self, e: WaitlistEntry, column: int, role: int) -> Any:
        # asked for every role of every cell each time a row is measured: ints compared first
        if role == _ALIGNMENT and column in _NUMERIC:
            return _RIGHT
        if role == _TOOLTIP and column == self.COL_REASON:
            return self.display(e, column)
        if role == _TOOLTIP and column == self.COL_EXPECTED:
            return self.tr(
                "Nog te wachten vanaf vandaag, geschat uit de wachttijden en de starts van de "
                "voorbije maanden: geen belofte."
            )
        if role == _FONT and column == self.COL_URGENCY and e.urgency in _URGENT:
            font = QFont()
            font.setBold(True)
            return font
        return None


_ALIGNMENT, _TOOLTIP = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_NUMERIC = (WaitlistModel.COL_POSITION, WaitlistModel.COL_DAYS, WaitlistModel.COL_SCHOOL_DAYS)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
