"""The caseload list, its filter, and a trajectory's goals and sessions as table models."""

from __future__ import annotations

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
from amo_desktop.ui.kit.tables import Column, RecordFilter, RecordModel
from amo_desktop.ui.kit.widgets import format_date, label_of

_STATUS_ORDER = {s.value: i for i, s in enumerate(TrajectoryStatus)}


class CaseloadModel(RecordModel):
    """TrajectoryInfo rows; school and coach names come from lookups the page fills in."""

    COL_SUBJECT, COL_SCHOOL, COL_OFFER, COL_COACH, COL_START, COL_STATUS = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.school_names: dict[str, str] = {}
        self.user_names: dict[str, str] = {}
        self.set_columns(
            (
                Column(self.tr("Onderwerp"), lambda t: t.subject_label, width=160),
                Column(
                    self.tr("School"), lambda t: self.school_names.get(t.school_id, ""), width=140
                ),
                Column(self.tr("Aanbod"), lambda t: label_of(OfferType, t.offer_type), width=150),
                Column(self.tr("Coach"), self._coaches, width=120),
                Column(
                    self.tr("Start"),
                    lambda t: format_date(t.start_on),
                    lambda t: t.start_on.toordinal(),
                    width=90,
                ),
                Column(
                    self.tr("Status"),
                    lambda t: label_of(TrajectoryStatus, t.status),
                    lambda t: _STATUS_ORDER.get(t.status, 99),
                    width=90,
                ),
            )
        )

    def _coaches(self, t: TrajectoryInfo) -> str:
        names = [self.user_names.get(t.lead_coach_id, "")]
        names += [self.user_names.get(c, "") for c in t.co_coach_ids]
        return ", ".join(n for n in names if n)

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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            (
                Column(self.tr("Doel"), lambda g: g.description),
                Column(self.tr("Domein"), lambda g: label_of(GuidanceDomain, g.domain)),
                Column(
                    self.tr("Gesteld op"),
                    lambda g: format_date(g.set_on),
                    lambda g: g.set_on.toordinal(),
                ),
                Column(self.tr("Evaluatie"), lambda g: label_of(GoalEvaluation, g.evaluation)),
                Column(
                    self.tr("Geëvalueerd op"),
                    lambda g: format_date(g.evaluated_on),
                    lambda g: g.evaluated_on.toordinal() if g.evaluated_on else 0,
                ),
            )
        )

    def extra(self, g: GoalInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DESCRIPTION:
            return g.description + (f"\n\n{g.evaluation_note}" if g.evaluation_note else "")
        return None


class SessionsModel(RecordModel):
    COL_DATE, COL_TIME, COL_TYPE, COL_ATTENDANCE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            (
                Column(self.tr("Datum"), lambda x: format_date(x.on), _when),
                Column(self.tr("Uur"), lambda x: f"{x.start:%H:%M}–{x.end:%H:%M}", _when),
                Column(self.tr("Soort"), lambda x: label_of(ContactType, x.contact_type)),
                Column(self.tr("Aanwezigheid"), self._attendance),
            )
        )

    def _attendance(self, x: SessionInfo) -> str:
        if x.cancelled:
            return self.tr("Geannuleerd")
        text = label_of(Attendance, x.attendance)
        if x.present_count is not None:
            text += f" ({x.present_count})"
        return text

    def extra(self, x: SessionInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and x.cancelled:
            return Qt.GlobalColor.gray
        return None


def _when(x: SessionInfo) -> str:
    return f"{x.on.isoformat()} {x.start:%H:%M}"
