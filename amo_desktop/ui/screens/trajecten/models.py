"""The caseload list, its filter, and a trajectory's goals and sessions as table models."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from amo_desktop.domain.enums import (
    Attendance,
    ContactType,
    GoalEvaluation,
    GuidanceDomain,
    OfferType,
    TrajectoryStatus,
)
from amo_desktop.services.scheduling import SessionInfo
from amo_desktop.services.trajectories import GoalInfo, TrajectoryInfo
from amo_desktop.ui.kit.tables import RecordFilter, RecordModel
from amo_desktop.ui.kit.widgets import format_date, label_of

_STATUS_ORDER = {s.value: i for i, s in enumerate(TrajectoryStatus)}


class CaseloadModel(RecordModel):
    """TrajectoryInfo rows; school and coach names come from lookups the page fills in."""

    COL_SUBJECT, COL_SCHOOL, COL_OFFER, COL_COACH, COL_START, COL_STATUS = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.school_names: dict[str, str] = {}
        self.user_names: dict[str, str] = {}

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Onderwerp"),
            self.tr("School"),
            self.tr("Aanbod"),
            self.tr("Coach"),
            self.tr("Start"),
            self.tr("Status"),
        )

    def display(self, t: TrajectoryInfo, column: int) -> Any:
        if column == self.COL_SUBJECT:
            return t.subject_label
        if column == self.COL_SCHOOL:
            return self.school_names.get(t.school_id, "")
        if column == self.COL_OFFER:
            return label_of(OfferType, t.offer_type)
        if column == self.COL_COACH:
            names = [self.user_names.get(t.lead_coach_id, "")]
            names += [self.user_names.get(c, "") for c in t.co_coach_ids]
            return ", ".join(n for n in names if n)
        if column == self.COL_START:
            return format_date(t.start_on)
        if column == self.COL_STATUS:
            return label_of(TrajectoryStatus, t.status)
        return None

    def sort_key(self, t: TrajectoryInfo, column: int) -> Any:
        if column == self.COL_START:
            return t.start_on.toordinal()
        if column == self.COL_STATUS:
            return _STATUS_ORDER.get(t.status, 99)
        return str(self.display(t, column)).casefold()

    def names_changed(self) -> None:
        self.forget_texts()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.COLUMN_COUNT - 1)
            )
            self.resort()  # sorted on school or coach: the names decide the order


class CaseloadFilter(RecordFilter):
    """Search words over every column, and open/closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None

    def set_filters(self, search: str = "", status: str | None = None) -> None:
        self.words = search.casefold().split()
        self.status = status
        self.refilter()

    def narrows(self) -> bool:
        return bool(self.status)

    def accepts(self, t: TrajectoryInfo) -> bool:
        return not self.status or t.status == self.status


class GoalsModel(RecordModel):
    COL_DESCRIPTION, COL_DOMAIN, COL_SET, COL_EVALUATION, COL_EVALUATED = range(5)
    COLUMN_COUNT = 5

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Doel"),
            self.tr("Domein"),
            self.tr("Gesteld op"),
            self.tr("Evaluatie"),
            self.tr("Geëvalueerd op"),
        )

    def display(self, g: GoalInfo, column: int) -> Any:
        if column == self.COL_DESCRIPTION:
            return g.description
        if column == self.COL_DOMAIN:
            return label_of(GuidanceDomain, g.domain)
        if column == self.COL_SET:
            return format_date(g.set_on)
        if column == self.COL_EVALUATION:
            return label_of(GoalEvaluation, g.evaluation)
        if column == self.COL_EVALUATED:
            return format_date(g.evaluated_on)
        return None

    def sort_key(self, g: GoalInfo, column: int) -> Any:
        if column == self.COL_SET:
            return g.set_on.toordinal()
        if column == self.COL_EVALUATED:
            return g.evaluated_on.toordinal() if g.evaluated_on else 0
        return str(self.display(g, column)).casefold()

    def extra(self, g: GoalInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DESCRIPTION:
            return g.description + (f"\n\n{g.evaluation_note}" if g.evaluation_note else "")
        return None


class SessionsModel(RecordModel):
    COL_DATE, COL_TIME, COL_TYPE, COL_ATTENDANCE = range(4)
    COLUMN_COUNT = 4

    def headers(self) -> Sequence[str]:
        return (self.tr("Datum"), self.tr("Uur"), self.tr("Soort"), self.tr("Aanwezigheid"))

    def display(self, x: SessionInfo, column: int) -> Any:
        if column == self.COL_DATE:
            return format_date(x.on)
        if column == self.COL_TIME:
            return f"{x.start:%H:%M}–{x.end:%H:%M}"
        if column == self.COL_TYPE:
            return label_of(ContactType, x.contact_type)
        if column == self.COL_ATTENDANCE:
            if x.cancelled:
                return self.tr("Geannuleerd")
            text = label_of(Attendance, x.attendance)
            if x.present_count is not None:
                text += f" ({x.present_count})"
            return text
        return None

    def sort_key(self, x: SessionInfo, column: int) -> Any:
        if column in (self.COL_DATE, self.COL_TIME):
            return f"{x.on.isoformat()} {x.start:%H:%M}"
        return str(self.display(x, column)).casefold()

    def extra(self, x: SessionInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and x.cancelled:
            return Qt.GlobalColor.gray
        return None
