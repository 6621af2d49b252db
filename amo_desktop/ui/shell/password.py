"""Account > Wachtwoord wijzigen: the unlocked user changes their own password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from amo_desktop.errors import WrongPasswordError
from amo_desktop.services import accounts
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors, StrengthMeter, password_edit


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Wachtwoord wijzigen"))
        self.old = password_edit()
        self.new = password_edit()
        self.repeat = password_edit()
        login = ctx.vault.identity.login if ctx.vault.identity else ""
        meter = StrengthMeter(self.new, words=lambda: (login, ctx.organisation()), lang=ctx.lang)
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Huidig wachtwoord:"), "old_password", self.old)
        self.errors.add_row(form, self.tr("&Nieuw wachtwoord:"), "new_password", self.new)
        form.addRow("", meter)
        self.errors.add_row(form, self.tr("&Herhaal wachtwoord:"), "repeat", self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Wijzigen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        self.errors.clear()
        if self.new.text() != self.repeat.text():
            self.errors.show("repeat", self.tr("De wachtwoorden verschillen."))
            return
        vault, caller = self.ctx.vault, self.ctx.vault.identity
        old, new = self.old.text(), self.new.text()
        self.ok_button.setEnabled(False)
        self.ctx.worker.submit(
            lambda: accounts.change_password(vault, caller, old, new), self._done, self._failed
        )

    def _done(self, _result: object) -> None:
        self.ok_button.setEnabled(True)
        self.accept()
        self.ctx.prompts.info(
            self.parentWidget(),
            self.tr("Wachtwoord gewijzigd"),
            self.tr("Uw wachtwoord is gewijzigd."),
        )

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, WrongPasswordError):
            self.errors.show("old_password", self.tr("Het huidige wachtwoord is niet juist."))
        elif not self.errors.show_error(exc, self.ctx.lang):
            raise exc
