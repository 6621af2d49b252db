"""The Aanmeldingen lists: referral summaries with their filter, and a referral's history."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import OfferType, ReferralStatus, Urgency
from amo_desktop.services.intake import ReferralSummary, TransitionInfo
from amo_desktop.ui.kit.tables import Column, RecordFilter, RecordModel
from amo_desktop.ui.kit.widgets import format_date, label_of


class ReferralsModel(RecordModel):
    """The referral summaries a caller may see."""

    COL_RECEIVED, COL_SUBJECT, COL_SCHOOL, COL_OFFER, COL_URGENCY, COL_STATUS = range(6)
    KEEP_TEXTS = True  # a row's texts depend on its summary alone: each repaint reuses them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            (
                Column(
                    self.tr("Ontvangen"),
                    lambda r: format_date(r.received_on),
                    lambda r: r.received_on.toordinal(),  # a native value: QVariant keeps ints
                    width=90,
                ),
                Column(self.tr("Onderwerp"), self._subject, width=170),
                Column(self.tr("School"), lambda r: r.school_name, width=140),
                Column(self.tr("Aanbod"), lambda r: label_of(OfferType, r.offer_type), width=130),
                Column(
                    self.tr("Urgentie"),
                    lambda r: label_of(Urgency, r.urgency),
                    lambda r: _URGENCY_ORDER.get(r.urgency, 9),
                    width=75,
                ),
                Column(
                    self.tr("Status"),
                    lambda r: label_of(ReferralStatus, r.status),
                    lambda r: _STATUS_ORDER.get(r.status, 99),
                ),
            )
        )

    def _subject(self, r: ReferralSummary) -> str:
        return r.subject_label + (self.tr(" (heraanmelding)") if r.is_rereferral else "")


_URGENCY_ORDER = {u.value: i for i, u in enumerate(Urgency)}
_STATUS_ORDER = {s.value: i for i, s in enumerate(ReferralStatus)}


class ReferralFilter(RecordFilter):
    """Status, school and school year as exact filters; the search words match any column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statuses: frozenset[str] | None = None
        self.school_id: str | None = None
        self.school_year: int | None = None

    def set_filters(
        self,
        statuses: frozenset[str] | None = None,
        school_id: str | None = None,
        school_year: int | None = None,
        search: str = "",
    ) -> None:
        self.statuses, self.school_id, self.school_year = statuses, school_id, school_year
        self.words = search.casefold().split()
        self.refilter()

    def narrows(self) -> bool:
        return self.statuses is not None or bool(self.school_id) or self.school_year is not None

    def accepts(self, r: ReferralSummary) -> bool:
        if self.statuses is not None and r.status not in self.statuses:
            return False
        if self.school_id and r.school_id != self.school_id:
            return False
        return self.school_year is None or (
            SchoolYear.of(r.received_on).start_year == self.school_year
        )


class HistoryModel(RecordModel):
    """A referral's status changes, oldest first: who, when, from, to and why."""

    COL_AT, COL_USER, COL_FROM, COL_TO, COL_REASON = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, key=lambda t: f"{t.at.isoformat()}|{t.to_status}")
        self.user_names: dict[str, str] = {}
        self.set_columns(
            (
                Column(
                    self.tr("Wanneer"),
                    lambda t: _local(t.at).strftime("%d/%m/%Y %H:%M"),
                    lambda t: _local(t.at).isoformat(),
                ),
                Column(
                    self.tr("Wie"), lambda t: self.user_names.get(t.user_id or "", t.user_id or "")
                ),
                Column(self.tr("Van"), lambda t: label_of(ReferralStatus, t.from_status) or "—"),
                Column(self.tr("Naar"), lambda t: label_of(ReferralStatus, t.to_status)),
                Column(self.tr("Reden"), lambda t: t.reason),
            )
        )

    def extra(self, t: TransitionInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_REASON and t.reason:
            return t.reason
        return None


def _local(at: datetime) -> datetime:
    """Stored stamps are UTC (naive from SQLite); show them in local time."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone()
