"""Moving a referral to its next status: the date, the reason and why it did not start."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from amo_desktop.domain.enums import NoStartReason, ReferralStatus
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors, ok_cancel
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import (
    at_least_wide,
    column,
    date_edit,
    date_of,
    fill_combo,
    label_of,
)


class TransitionDialog(QDialog):
    """Date, reason and (for 'niet gestart') the no-start reason; emits `submitted(dict)`."""

    submitted = Signal(dict)

    def __init__(
        self, ctx: AppContext, current: str, target: str, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.target = target
        self.setWindowTitle(self.tr("Status wijzigen"))
        intro = QLabel(
            fill(
                self.tr("Van <b>%1</b> naar <b>%2</b>."),
                label_of(ReferralStatus, current),
                label_of(ReferralStatus, target),
            )
        )
        self.on = date_edit(today)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Waarom? (komt in de geschiedenis)"))
        self.no_start = QComboBox()
        fill_combo(self.no_start, NoStartReason)
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Datum:"), "on", self.on)
        if target == ReferralStatus.NIET_GESTART.value:
            self.no_start.setCurrentIndex(-1)
            self.errors.add_row(
                form, self.tr("Reden &geen opstart:"), "no_start_reason", self.no_start
            )
        self.errors.add_row(form, self.tr("&Toelichting:"), "reason", self.reason)
        self.buttons, self.ok_button = ok_cancel(
            self, self.tr("&Wijzigen"), self.tr("Annuleren"), self._submit
        )
        at_least_wide(column(self, intro, form, general, self.buttons), 440)

    def _submit(self) -> None:
        self.errors.clear()
        no_start = None
        if self.target == ReferralStatus.NIET_GESTART.value:
            no_start = self.no_start.currentData()
            if no_start is None:
                self.errors.show("no_start_reason", self.tr("Kies waarom het niet start."))
                return
        self.ok_button.setEnabled(False)
        self.submitted.emit(
            {
                "to_status": self.target,
                "on": date_of(self.on),
                "reason": self.reason.text(),
                "no_start_reason": no_start,
            }
        )

    def show_error(self, exc: BaseException) -> bool:
        self.ok_button.setEnabled(True)
        return self.errors.show_error(exc, self.ctx.lang)
