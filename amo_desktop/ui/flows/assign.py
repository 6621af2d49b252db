"""Assigning a coach to a referral, with each coach's load and the school's share in view, and
starting the trajectory at once if wanted: opened from Aanmeldingen and from the Wachtlijst."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from amo_desktop.domain.figures import SchoolCapacity
from amo_desktop.services import trajectories
from amo_desktop.services.trajectories import CoachLoad
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors, ok_cancel
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import VerticalScrollArea, column, date_edit, date_of, hint


class AssignDialog(QDialog):
    """Lead coach, co-coaches and start date; runs assign_to_coach and emits `assigned`."""

    assigned = Signal(object)  # TrajectoryInfo

    def __init__(
        self,
        ctx: AppContext,
        referral_id: str,
        subject: str,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.referral_id = referral_id
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Toewijzen aan coach"))
        intro = QLabel(fill(self.tr("Wie begeleidt <b>%1</b>?"), subject))
        intro.setWordWrap(True)
        self.lead = QComboBox()
        self.lead.setPlaceholderText(self.tr("Kies de coach…"))
        self.co_coaches = QListWidget()
        self.co_coaches.setObjectName("coCoaches")
        self.co_coaches.setMaximumHeight(110)
        self.start_on = date_edit(self.today)
        self.start_now = QCheckBox(self.tr("Traject &meteen starten"))
        self.note = hint("")
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Coach:"), "lead_coach_id", self.lead)
        self.errors.add_row(form, self.tr("C&o-coaches:"), "co_coach_ids", self.co_coaches)
        self.errors.add_row(form, self.tr("&Startdatum:"), "start_on", self.start_on)
        form.addRow("", self.start_now)
        self.buttons, self.ok_button = ok_cancel(
            self, self.tr("&Toewijzen"), self.tr("Annuleren"), self.submit
        )
        loads_title = QLabel(self.tr("&Belasting van de coaches"))
        self._build_loads()
        loads_title.setBuddy(self.loads)
        self.school_share = hint(self.tr("Het deel van de school wordt geladen…"))
        body = QWidget()  # scrolls on a low screen; the buttons stay
        rows = (intro, loads_title, self.loads, self.school_share, form, self.note, general)
        column(body, *rows).setContentsMargins(0, 0, 0, 0)
        column(self, VerticalScrollArea(body), self.buttons)
        self.lead.currentIndexChanged.connect(self._lead_changed)
        self.start_now.toggled.connect(self._start_now_changed)
        self._start_now_changed()
        self.setMinimumWidth(520)
        self.ctx.call(trajectories.coach_loads, self.today, on_success=self.show_loads)
        self.ctx.call(
            trajectories.school_share, referral_id, self.today, on_success=self.show_school_share
        )

    def _build_loads(self) -> None:
        """A small read-only table: who carries how much right now."""
        self.loads = QTableWidget(0, 3)
        self.loads.setObjectName("coachLoads")
        self.loads.setAccessibleName(self.tr("Belasting van de coaches"))
        self.loads.setHorizontalHeaderLabels(
            [self.tr("Coach"), self.tr("Lopende trajecten"), self.tr("Uren gepland (4 weken)")]
        )
        self.loads.verticalHeader().hide()
        self.loads.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.loads.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.loads.setTabKeyNavigation(False)
        header = self.loads.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.loads.setMaximumHeight(150)

    def show_loads(self, loads: list[CoachLoad]) -> None:
        rows = sorted(loads, key=lambda c: c.name.casefold())
        self.loads.setRowCount(len(rows))
        for row, load in enumerate(rows):
            hours = f"{load.planned_hours:.1f}".replace(".", ",")
            for col, text in enumerate((load.name, str(load.running), hours)):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.loads.setItem(row, col, item)

    def show_school_share(self, share: SchoolCapacity | None) -> None:
        if share is None:  # a school no longer active has no share to show
            self.school_share.hide()
            return
        if share.entitled_hours <= 0:
            self.school_share.setText(
                fill(self.tr("%1 heeft dit schooljaar geen afgesproken uren."), share.school_name)
            )
            return
        self.school_share.setText(
            fill(
                self.tr("%1: %2 van %3 uur gebruikt of gepland (%4 %) dit schooljaar."),
                share.school_name,
                _hours(share.used_hours + share.planned_hours),
                _hours(share.entitled_hours),
                str(round(share.ratio * 100)),
            )
        )

    def _start_now_changed(self) -> None:
        if self.start_now.isChecked():
            self.note.setText(
                self.tr(
                    "De aanmelding krijgt de status 'Gestart' en het traject loopt vanaf de "
                    "startdatum."
                )
            )
            self.ok_button.setText(self.tr("&Toewijzen en starten"))
            return
        self.note.setText(
            self.tr(
                "De aanmelding krijgt de status 'Toegewezen' en er wordt een traject gepland. "
                "De coach start het traject zelf bij Trajecten."
            )
        )
        self.ok_button.setText(self.tr("&Toewijzen"))

    def set_users(self, users: Sequence[Any]) -> None:
        """Active users, coaches first; the team leader can coach too."""
        active = sorted(
            (u for u in users if u.active),
            key=lambda u: (u.role != "coach", (u.full_name or u.login).casefold()),
        )
        self.lead.clear()
        self.co_coaches.clear()
        for user in active:
            name = user.full_name or user.login
            self.lead.addItem(name, user.id)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, user.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.co_coaches.addItem(item)
        self.lead.setCurrentIndex(-1)

    def _lead_changed(self) -> None:
        """The lead coach is not also a co-coach."""
        lead = self.lead.currentData()
        for i in range(self.co_coaches.count()):
            item = self.co_coaches.item(i)
            is_lead = item.data(Qt.ItemDataRole.UserRole) == lead
            item.setHidden(is_lead)
            if is_lead:
                item.setCheckState(Qt.CheckState.Unchecked)

    def co_coach_ids(self) -> list[str]:
        return [
            self.co_coaches.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.co_coaches.count())
            if self.co_coaches.item(i).checkState() == Qt.CheckState.Checked
        ]

    def submit(self) -> None:
        self.errors.clear()
        lead = self.lead.currentData()
        if lead is None:
            self.errors.show("lead_coach_id", self.tr("Kies wie het traject leidt."))
            return
        self.ok_button.setEnabled(False)
        self.ctx.call(
            trajectories.assign_to_coach,
            self.referral_id,
            lead,
            date_of(self.start_on),
            co_coach_ids=self.co_coach_ids(),
            on=self.today,
            start_now=self.start_now.isChecked(),
            on_success=self._done,
            on_failure=self._failed,
        )

    def _done(self, info: Any) -> None:
        said = (
            self.tr("Traject gestart voor %1 met coach %2.")
            if self.start_now.isChecked()
            else self.tr("%1 toegewezen aan coach %2.")
        )
        self.ctx.status(fill(said, info.subject_label, self.lead.currentText()))
        self.assigned.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        """The button works again; a field's error goes beside it, any other to ctx.fail."""
        self.ok_button.setEnabled(True)
        if not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)


def _hours(value: float) -> str:
    """Hours as a Dutch number: 12,5."""
    return f"{value:.1f}".replace(".", ",").removesuffix(",0")
