"""Passwords the user types: the rows every new-password form shares (first run, joining a
team, a forgotten password), Account > Wachtwoord wijzigen, and replacing a one-time password."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from amo_desktop.errors import WrongPasswordError
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors, StrengthMeter, ok_cancel, password_edit
from amo_desktop.ui.kit.widgets import column

CONTEXT = "NewPassword"


class NewPassword:
    """A new password, typed twice, with its strength meter under it."""

    def __init__(
        self, words: Callable[[], Sequence[str | None]] | None = None, lang: str = "nl"
    ) -> None:
        self.password = password_edit()
        self.repeat = password_edit()
        self.meter = StrengthMeter(self.password, words=words, lang=lang)

    def add_rows(self, errors: FieldErrors, form: QFormLayout, label: str, field: str) -> None:
        """'label' (errors for `field`), the meter, then the repeat row (errors: 'repeat')."""
        errors.add_row(form, label, field, self.password)
        form.addRow("", self.meter)
        repeat = QCoreApplication.translate(CONTEXT, "&Herhaal wachtwoord:")
        errors.add_row(form, repeat, "repeat", self.repeat)

    def differ(self, errors: FieldErrors) -> bool:
        """True (and said beside the repeat row) when the two typed passwords differ."""
        if self.password.text() == self.repeat.text():
            return False
        errors.show("repeat", QCoreApplication.translate(CONTEXT, "De wachtwoorden verschillen."))
        return True

    def clear(self) -> None:
        self.password.clear()
        self.repeat.clear()


def _for_unlocked_user(ctx: AppContext) -> NewPassword:
    """The unlocked user's new password, judged against their login and the organisation."""
    login = ctx.vault.identity.login if ctx.vault.identity else ""
    return NewPassword(words=lambda: (login, ctx.organisation()), lang=ctx.lang)


class ChangePasswordDialog(QDialog):
    """The unlocked user changes their own password."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Wachtwoord wijzigen"))
        self.old = password_edit()
        self.new_password = _for_unlocked_user(ctx)
        self.new, self.repeat = self.new_password.password, self.new_password.repeat
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Hui&dig wachtwoord:"), "old_password", self.old)
        self.new_password.add_rows(self.errors, form, self.tr("&Nieuw wachtwoord:"), "new_password")
        self.buttons, self.ok_button = ok_cancel(
            self, self.tr("&Wijzigen"), self.tr("Annuleren"), self.submit
        )
        column(self, form, general, self.buttons)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        self.errors.clear()
        if self.new_password.differ(self.errors):
            return
        self.ok_button.setEnabled(False)
        from amo_desktop.services import accounts  # the vault is open: loaded by the unlock

        self.ctx.call_vault(
            accounts.change_password,
            self.old.text(),
            self.new.text(),
            on_success=self._done,
            on_failure=self._failed,
        )

    def _done(self, _result: object) -> None:
        self.ok_button.setEnabled(True)
        self.ctx.status(self.tr("Wachtwoord gewijzigd."))
        self.accept()
        self.ctx.prompts.info(
            self.parentWidget(),
            self.tr("Wachtwoord gewijzigd"),
            self.tr("Uw wachtwoord is gewijzigd."),
        )

    def _failed(self, exc: BaseException) -> None:
        """The button comes back; the refusal is said beside its field."""
        self.ok_button.setEnabled(True)
        if isinstance(exc, WrongPasswordError):
            self.errors.show("old_password", self.tr("Het huidige wachtwoord is niet juist."))
        elif not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)


class OwnPasswordDialog(QDialog):
    """Right after unlocking with the team leader's one-time password: the user chooses their
    own before anything opens. Accepted once it is set; rejecting it means locking again."""

    def __init__(self, ctx: AppContext, one_time: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.one_time = one_time
        self.setWindowTitle(self.tr("Kies uw eigen wachtwoord"))
        intro = QLabel(
            self.tr(
                "U opende AMO Desktop met een eenmalig wachtwoord van de teamverantwoordelijke. "
                "Kies nu uw eigen wachtwoord; alleen u kent het."
            )
        )
        intro.setWordWrap(True)
        self.new_password = _for_unlocked_user(ctx)
        self.new, self.repeat = self.new_password.password, self.new_password.repeat
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.new_password.add_rows(self.errors, form, self.tr("&Nieuw wachtwoord:"), "new_password")
        self.buttons, self.ok_button = ok_cancel(
            self,
            self.tr("Wachtwoord &instellen"),
            self.tr("Annuleren en &vergrendelen"),
            self.submit,
        )
        column(self, intro, form, general, self.buttons)
        self.setMinimumWidth(460)

    def submit(self) -> None:
        self.errors.clear()
        if self.new_password.differ(self.errors):
            return
        if self.new.text() == self.one_time:
            self.errors.show(
                "new_password", self.tr("Kies een ander wachtwoord dan het eenmalige.")
            )
            return
        self.ok_button.setEnabled(False)
        from amo_desktop.services import accounts  # the vault is open: loaded by the unlock

        self.ctx.call_vault(
            accounts.change_password,
            self.one_time,
            self.new.text(),
            on_success=self._done,
            on_failure=self._failed,
        )

    def _done(self, _result: object) -> None:
        self.ok_button.setEnabled(True)
        self.one_time = ""
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        """The button comes back; the refusal is said beside the new password."""
        self.ok_button.setEnabled(True)
        if not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)
