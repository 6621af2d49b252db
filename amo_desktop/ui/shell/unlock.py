"""Later starts: open the vault with login and password, or reset a forgotten password.

After FREE_FAILURES failed unlocks in a row (counted in the key file, so a restart does not
reset them) each next try waits longer: the button counts down (issue 12).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from amo_desktop.errors import KnownError, WrongRecoveryKeyError
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors, ok_cancel, password_edit
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import column
from amo_desktop.ui.shell.password import NewPassword, OwnPasswordDialog

if TYPE_CHECKING:
    from amo_desktop.domain.identity import Identity
    from amo_desktop.services import accounts
    from amo_desktop.storage.vault import Vault

FREE_FAILURES = 5
MAX_DELAY_S = 300.0


def unlock_delay(failures: int) -> float:
    """Seconds to wait before the next try: none for the first failures, then 5 s doubling
    with each further failure, at most five minutes."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(MAX_DELAY_S, 5.0 * 2.0 ** (failures - FREE_FAILURES))


class UnlockDialog(QDialog):
    """Emits `unlocked` once the vault is open; rejecting it means quitting the program.
    `outcome` then tells how many tries failed before and whether to ask for a new password.
    `delay` and `clock` (seconds since the epoch) are there for the tests."""

    unlocked = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        delay: Callable[[int], float] = unlock_delay,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.delay = delay
        self.clock = clock
        self.outcome: accounts.UnlockOutcome | None = None
        self._wait_until = 0.0
        self.countdown = QTimer(self)
        self.countdown.setInterval(250)
        self.countdown.timeout.connect(self._tick)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        self.setWindowTitle(self.tr("AMO Desktop ontgrendelen"))
        self.organisation = QLabel()
        self.organisation.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.hide()
        self.login = QLineEdit()
        self.password = password_edit()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.hide()
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Gebruikersnaam:"), "login", self.login)
        self.errors.add_row(form, self.tr("&Wachtwoord:"), "password", self.password)
        self.buttons, self.ok_button = ok_cancel(
            self, self.tr("&Ontgrendelen"), self.tr("&Afsluiten"), self.try_unlock
        )
        self.forgot_button = QPushButton(self.tr("Wachtwoord &vergeten?"))
        self.forgot_button.setAutoDefault(False)
        self.buttons.addButton(self.forgot_button, QDialogButtonBox.ButtonRole.HelpRole)
        column(
            self,
            self.organisation,
            self.reason,
            form,
            self.hint,
            self.waiting,
            general,
            self.buttons,
        )
        self.forgot_button.clicked.connect(self.open_recovery)
        self.recovery: RecoveryDialog | None = None
        self.own_password: OwnPasswordDialog | None = None
        self.logins: set[str] = set()
        self.setMinimumWidth(460)
        self._fill_from_inventory()

    def _fill_from_inventory(self) -> None:
        """Organisation and logins come from the sidecar, which needs no key (R25)."""
        try:
            sidecar = self.ctx.vault.inventory()
        except KnownError as exc:
            self.errors.show_general(exc.message(self.ctx.lang))
            self.ok_button.setEnabled(False)
            return
        self.organisation.setText(sidecar.organisation)
        self._wait_after(sidecar.failed_unlocks, sidecar.last_failed_unlock_at)
        logins = [s.login for s in sidecar.slots if s.kind == "password"]
        self.logins = {login.casefold() for login in logins}
        completer = QCompleter(logins, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.login.setCompleter(completer)
        if len(logins) == 1:
            self.login.setText(logins[0])

    def prefill_demo(self, login: str, password: str) -> None:
        self.login.setText(login)
        self.hint.setText(fill(self.tr("Demo: het wachtwoord is '%1'."), password))
        self.hint.show()

    def locked_because(self, reason: str, login: str, minutes: int = 0) -> None:
        """After a lock: one line why ("idle", "screen" or "user") and the last user's login,
        so only the password is left to type."""
        texts = {
            "idle": fill(self.tr("Vergrendeld na %1 minuten zonder activiteit"), minutes),
            "screen": self.tr("Vergrendeld omdat het scherm van de computer vergrendeld werd"),
            "user": self.tr("Vergrendeld op uw vraag"),
        }
        if reason in texts:
            self.reason.setText(texts[reason])
            self.reason.show()
        if login:
            self.login.setText(login)
        self.password.setFocus()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        (self.password if self.login.text() else self.login).setFocus()

    def try_unlock(self) -> None:
        if self.remaining() > 0:
            return  # Enter while the button counts down
        self.errors.clear()
        login, password = self.login.text().strip(), self.password.text()
        if not login:
            self.errors.show("login", self.tr("Vul uw gebruikersnaam in."))
            return
        self._set_busy(True)
        vault = self.ctx.vault
        self.ctx.run(
            lambda: _unlock(vault, login, password),
            self._done,
            self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy and self.remaining() <= 0)
        self.forgot_button.setEnabled(not busy)

    def _done(self, result: object) -> None:
        from amo_desktop.services import accounts  # loaded by the unlock's job already

        if isinstance(result, accounts.UnlockOutcome):
            self.outcome = result
        else:  # the recovery reset: a new password, chosen under today's rule
            identity = self.ctx.vault.identity
            assert identity is not None
            self.outcome = accounts.UnlockOutcome(identity, self.ctx.vault.failed_unlocks, False)
        self.countdown.stop()
        if self.outcome.must_change:
            self._ask_own_password(self.password.text())
            return
        self._set_busy(False)
        self.password.clear()
        self.accept()
        self.unlocked.emit()

    def _ask_own_password(self, one_time: str) -> None:
        """A one-time password from the team leader: the user's own first, or locked again."""
        self.own_password = OwnPasswordDialog(self.ctx, one_time, self)
        self.own_password.accepted.connect(self._own_password_set)
        self.own_password.rejected.connect(self._lock_again)
        self.own_password.open()

    def _own_password_set(self) -> None:
        self.own_password = None
        if self.outcome is not None:
            self.outcome = replace(self.outcome, must_change=False, change_password=False)
        self._done(self.outcome)

    def _lock_again(self) -> None:
        """Cancelled: nothing opens; the vault is locked and the dialog waits for a new try."""
        self.own_password = None
        self.outcome = None
        self.password.clear()
        self.ctx.run(self.ctx.vault.lock, lambda _none: self._locked_again())

    def _locked_again(self) -> None:
        self._set_busy(False)
        self.errors.show_general(
            self.tr("Nog vergrendeld: kies bij het ontgrendelen uw eigen wachtwoord.")
        )
        self.password.setFocus()

    def _failed(self, exc: BaseException) -> None:
        """Said under the form; a wrong password may start the wait before the next try."""
        self._set_busy(False)
        self.password.selectAll()
        if not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)
            return
        if self.login.text().strip().casefold() in self.logins:
            self.password.setFocus()
        else:  # perhaps the password typed in the wrong field: don't leave it on the screen
            self.login.clear()
            self.login.setFocus()
        try:
            sidecar = self.ctx.vault.inventory()
        except KnownError:
            return
        self._wait_after(sidecar.failed_unlocks, sidecar.last_failed_unlock_at)

    # --- waiting after too many failures ----------------------------------------------------
    def _wait_after(self, failures: object, last_failed_at: str | None) -> None:
        """Start the countdown when the key file's failures call for a wait not yet over."""
        count = failures if isinstance(failures, int) else 0
        seconds = self.delay(count)
        if seconds <= 0:
            return
        now = self.clock()
        since = _timestamp(last_failed_at)
        self._wait_until = (min(since, now) if since is not None else now) + seconds
        self._tick()
        if self.remaining() > 0:
            self.countdown.start()

    def remaining(self) -> float:
        """Seconds before the next try is allowed (0 when it is)."""
        return max(0.0, self._wait_until - self.clock())

    def _tick(self) -> None:
        left = self.remaining()
        if left <= 0:
            self.countdown.stop()
            self.waiting.hide()
            self.ok_button.setText(self.tr("&Ontgrendelen"))
            self.ok_button.setEnabled(True)
            return
        seconds = int(left + 0.999)
        self.ok_button.setEnabled(False)
        self.ok_button.setText(fill(self.tr("Ontgrendelen (%1 s)"), seconds))
        self.waiting.setText(
            fill(
                self.tr(
                    "Te veel mislukte pogingen na elkaar. Wacht %1 seconden voor u opnieuw "
                    "probeert."
                ),
                seconds,
            )
        )
        self.waiting.show()

    def open_recovery(self) -> None:
        self.recovery = RecoveryDialog(self.ctx, self.login.text().strip(), self)
        self.recovery.reset_done.connect(self._done)
        self.recovery.open()


class RecoveryDialog(QDialog):
    """Forgotten password: the recovery key gives the user a new password and opens the vault."""

    reset_done = Signal(object)

    def __init__(self, ctx: AppContext, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Wachtwoord vergeten"))
        intro = QLabel(
            self.tr(
                "Vraag de teamverantwoordelijke om uw wachtwoord opnieuw in te stellen: u krijgt "
                "een eenmalig wachtwoord. Is er niemand die dat kan, typ dan de herstelsleutel "
                "over van het blad dat bij het instellen werd afgedrukt, en kies een nieuw "
                "wachtwoord."
            )
        )
        intro.setWordWrap(True)
        self.login = QLineEdit(login)
        self.key = QLineEdit()
        self.key.setPlaceholderText("XXXX-XXXX-…")
        self.new_password = NewPassword(
            words=lambda: (self.login.text(), ctx.organisation()), lang=ctx.lang
        )
        self.new_password.meter.watch(self.login)
        self.password, self.repeat = self.new_password.password, self.new_password.repeat
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Gebruikersnaam:"), "login", self.login)
        self.errors.add_row(form, self.tr("&Herstelsleutel:"), "recovery_key", self.key)
        self.new_password.add_rows(self.errors, form, self.tr("&Nieuw wachtwoord:"), "new_password")
        self.buttons, self.ok_button = ok_cancel(
            self, self.tr("Wachtwoord &instellen"), self.tr("Annuleren"), self.submit
        )
        column(self, intro, form, general, self.buttons)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        self.errors.clear()
        if self.new_password.differ(self.errors):
            return
        login, key, new = self.login.text().strip(), self.key.text().strip(), self.password.text()
        self.ok_button.setEnabled(False)
        vault = self.ctx.vault
        self.ctx.run(
            lambda: _reset_with_key(vault, login, key, new),
            self._done,
            self._failed,
        )

    def _done(self, identity: object) -> None:
        self.ok_button.setEnabled(True)
        self.accept()
        self.reset_done.emit(identity)

    def _failed(self, exc: BaseException) -> None:
        """The button comes back; the refusal is said beside its field."""
        self.ok_button.setEnabled(True)
        if isinstance(exc, WrongRecoveryKeyError):
            self.errors.show("recovery_key", exc.message(self.ctx.lang))
        elif not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)


def _timestamp(iso: str | None) -> float | None:
    """Seconds since the epoch of an ISO time from the key file; None when missing or odd."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).timestamp()
    except (TypeError, ValueError):
        return None


def _unlock(vault: Vault, login: str, password: str) -> accounts.UnlockOutcome:
    """The unlock's job, on the worker: the accounts service, and SQLAlchemy and the models it
    needs, are imported here, so the window showed without them (issue 18)."""
    from amo_desktop.services import accounts

    return accounts.unlock(vault, login, password, daily_backup=False, background_check=True)


def _reset_with_key(vault: Vault, login: str, key: str, new: str) -> Identity:
    """The recovery reset's job, on the worker, importing the accounts service as _unlock does."""
    from amo_desktop.services import accounts

    return accounts.reset_password_with_recovery(vault, login, key, new)
