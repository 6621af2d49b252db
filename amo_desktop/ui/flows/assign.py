"""Assigning a coach to a referral: opened from Aanmeldingen and from the Wachtlijst."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from amo_desktop.services import trajectories
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors, ok_cancel
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import column, date_edit, date_of, hint


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
        note = hint(
            self.tr(
                "De aanmelding krijgt de status 'Toegewezen' en er wordt een traject gepland. "
                "De coach start het traject zelf bij Trajecten."
            )
        )
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Coach:"), "lead_coach_id", self.lead)
        self.errors.add_row(form, self.tr("C&o-coaches:"), "co_coach_ids", self.co_coaches)
        self.errors.add_row(form, self.tr("&Startdatum:"), "start_on", self.start_on)
        self.buttons, self.ok_button = ok_cancel(
            self, self.tr("&Toewijzen"), self.tr("Annuleren"), self.submit
        )
        column(self, intro, form, note, general, self.buttons)
        self.lead.currentIndexChanged.connect(self._lead_changed)
        self.setMinimumWidth(460)

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
            on_success=self._done,
            on_failure=self._failed,
        )

    def _done(self, info: Any) -> None:
        self.assigned.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        """The button works again; a field's error goes beside it, any other to ctx.fail."""
        self.ok_button.setEnabled(True)
        if not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)
