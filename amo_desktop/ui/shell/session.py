"""The life of one session: set up or unlock, work in the main window, lock, unlock again.

Locking (Ctrl+L, inactivity or the OS locking the screen, SECURITY.md R9) clears our copy on
the clipboard (R10), deletes the main window with every page on it, drops this laptop's changes
in the team's shared folder when there is one, and then locks the vault on the DB worker (after
any job still running), so no widget with data and no key stays alive. Unlocking builds a fresh
window and syncs with the shared folder again (and every five minutes while it is open).

The unlock's quick_check (R17) runs beside the open window; its verdict reaches the window
through `IntegrityVerdict`, a signal that may be emitted from the check's thread.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from amo_desktop.domain import calendar
from amo_desktop.ui.kit.clipboard import clear_sensitive
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.shell.autolock import InactivityWatcher
from amo_desktop.ui.shell.screen_lock import ScreenLockWatcher
from amo_desktop.ui.shell.unlock import UnlockDialog

if TYPE_CHECKING:  # imported when needed: the unlock window shows without them (issue 18)
    from amo_desktop.services.accounts import UnlockOutcome
    from amo_desktop.ui.screens.uitwisselen.page import AutoSync
    from amo_desktop.ui.shell.main_window import MainWindow
    from amo_desktop.ui.shell.wizard import FirstRunWizard

log = logging.getLogger(__name__)


def prepare_ahead(today: date) -> threading.Thread:
    """While the user types the password: the holiday tables the Overzicht needs (their first
    look-up costs about 0.5 s), on a thread of their own so the unlock never waits for it,
    started once the unlock window is painted so that its thread does not slow the showing."""
    year = calendar.SchoolYear.of(today).start_year
    thread = threading.Thread(target=calendar.prepare, args=(year,), name="amo-prepare")
    thread.daemon = True
    thread.start()
    return thread


class IntegrityVerdict(QObject):
    """Carries the check's verdict (None or the error) from its thread to the GUI thread."""

    arrived = Signal(object)


class SessionController(QObject):
    """Emits `finished(exit_code)` when the user quits; app.py ends the event loop on it."""

    finished = Signal(int)
    locked = Signal()
    window_opened = Signal(object)

    def __init__(self, ctx: AppContext, app: QApplication, autolock_ms: int | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.app = app
        interval = autolock_ms or ctx.settings.autolock_minutes() * 60_000
        self.watcher = InactivityWatcher(interval, self)
        app.installEventFilter(self.watcher)
        self.watcher.idle.connect(self.lock_idle)
        self.screen_lock = ScreenLockWatcher(self)
        # queued: a native event filter or D-Bus delivery must not delete the window under it
        self.screen_lock.locked.connect(self.lock_screen, Qt.ConnectionType.QueuedConnection)
        ctx.worker.busy_changed.connect(self._show_busy)
        self.window: MainWindow | None = None
        self.auto_sync: AutoSync | None = None  # made with the first main window
        self.wizard: FirstRunWizard | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self._why_locked: tuple[str, str, int] | None = None  # reason, last login, minutes
        self.verdict = IntegrityVerdict(self)
        self.verdict.arrived.connect(self._integrity_known)

    def start(self) -> None:
        if self.ctx.vault.is_unlocked:
            self.open_main_window()
        elif self.ctx.vault.exists():
            self.show_unlock()
        else:
            self.show_wizard()

    def show_wizard(self) -> FirstRunWizard:
        from amo_desktop.ui.shell.wizard import FirstRunWizard

        self.wizard = FirstRunWizard(self.ctx)
        self.wizard.created.connect(self.open_main_window)
        self.wizard.rejected.connect(self.quit)
        self.wizard.show()
        return self.wizard

    def show_unlock(self) -> UnlockDialog:
        dialog = UnlockDialog(self.ctx)
        if self.ctx.demo_login and self.ctx.demo_password:
            dialog.prefill_demo(self.ctx.demo_login, self.ctx.demo_password)
        dialog.unlocked.connect(self.open_main_window)
        dialog.rejected.connect(self.quit)
        if self._why_locked is not None:
            dialog.locked_because(*self._why_locked)
            self._why_locked = None
        self.unlock_dialog = dialog
        dialog.installEventFilter(self)  # its first paint starts the holiday warm-up
        dialog.show()
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The unlock window's first paint: now the warm-up thread cannot slow its showing.
        The session itself listens (a filter object owned by the dialog crashed Qt when the
        dialog went before its first paint: tests/gui/test_password_reset.py)."""
        if event.type() == QEvent.Type.Paint and watched is self.unlock_dialog:
            watched.removeEventFilter(self)
            prepare_ahead(self.ctx.today())
        return False

    def open_main_window(self) -> MainWindow:
        outcome = self.unlock_dialog.outcome if self.unlock_dialog is not None else None
        for done in (self.wizard, self.unlock_dialog):
            if done is not None:
                done.hide()
                done.deleteLater()
        self.wizard = self.unlock_dialog = None
        from amo_desktop.ui.shell.main_window import MainWindow

        window = MainWindow(self.ctx)
        window.lock_requested.connect(self.lock)
        window.quit_requested.connect(self.quit)
        self.watcher.follow(window)  # this user's auto-lock time, and any change at once
        self.window = window
        window.show()
        self.watcher.start()
        self.screen_lock.attach(window)
        self.window_opened.emit(window)
        self.ctx.vault.when_checked(self.verdict.arrived.emit)
        self._daily_backup_in_background(window)
        self._connect_exchange(window)
        if outcome is not None:
            QTimer.singleShot(0, lambda: self._after_unlock(window, outcome))
        return window

    def _after_unlock(self, window: MainWindow, outcome: UnlockOutcome) -> None:
        """Failed tries since the last unlock, then a password chosen before today's rule."""
        if window is not self.window:
            return  # locked again meanwhile
        if outcome.failed_attempts:
            count = outcome.failed_attempts
            text = (
                self.tr("1 mislukte poging sinds uw laatste aanmelding.")
                if count == 1
                else fill(self.tr("%1 mislukte pogingen sinds uw laatste aanmelding."), count)
            )
            window.statusBar().showMessage(text, 30_000)
            self.ctx.prompts.info(window, self.tr("Mislukte pogingen"), text)
        if outcome.change_password and self.ctx.prompts.confirm(
            window,
            self.tr("Wachtwoord wijzigen"),
            self.tr(
                "Uw wachtwoord voldoet niet meer aan de regels: minstens 12 tekens en moeilijk "
                "te raden. Het blijft werken, maar kies nu best een nieuw."
            ),
            self.tr("Nu &wijzigen"),
        ):
            window.change_password()

    def _integrity_known(self, error: object) -> None:
        if self.window is not None:  # a verdict queued before a lock finds no window
            self.window.show_integrity(error)

    def _connect_exchange(self, window: MainWindow) -> None:
        """The shared folder is synced now, every few minutes, and once more at lock."""
        from amo_desktop.ui.screens.uitwisselen.page import AutoSync

        if self.auto_sync is None:
            self.auto_sync = AutoSync(self.ctx, self)
        self.auto_sync.finished.connect(window.exchange_synced)
        self.auto_sync.failed.connect(window.exchange_failed)
        self.auto_sync.start()

    def _last_sync(self) -> None:
        """Before locking: drop this laptop's changes in the shared folder (errors only logged)."""
        from amo_desktop.ui.screens.uitwisselen.page import sync_if_configured

        if self.auto_sync is not None:
            self.auto_sync.stop()
        vault = self.ctx.vault
        self.ctx.run(lambda: sync_if_configured(vault), None, self._sync_failed)

    def _sync_failed(self, exc: BaseException) -> None:
        """The window is gone already: the next sync brings the changes, so only a log line."""
        log.warning("exchange at lock failed: %s", type(exc).__name__)

    def _daily_backup_in_background(self, window: MainWindow) -> None:
        """The daily backup runs on the DB worker after the window shows, not inside unlock."""
        vault = self.ctx.vault
        if vault.is_unlocked and vault.backup_due():
            window.statusBar().showMessage(self.tr("Dagelijkse reservekopie wordt gemaakt…"))
            self.ctx.run(
                lambda: vault.backup(reason="daily"),
                window.backup_done_in_background,
                window.backup_failed_in_background,
            )

    def _drop_window(self) -> None:
        self.watcher.stop()
        self.screen_lock.detach()
        clear_sensitive()
        window, self.window = self.window, None
        if window is None:
            return
        for dialog in window.findChildren(QDialog):
            dialog.reject()  # ends a nested exec() so the window can really go
        window.hide()
        window.deleteLater()

    def lock_idle(self) -> None:
        self.lock("idle")

    def lock_screen(self) -> None:
        self.lock("screen")

    def lock(self, reason: str = "user") -> None:
        """reason ("user", "idle" or "screen") and the user's login go to the unlock dialog."""
        if self.window is None:
            return
        identity = self.ctx.vault.identity
        login = identity.login if identity is not None else ""
        self._why_locked = (reason, login, self.window.user_settings.autolock_minutes())
        self._drop_window()
        self._last_sync()
        self.ctx.run(self.ctx.vault.lock, self._after_lock)

    def _after_lock(self, _result: object) -> None:
        self.locked.emit()
        self.show_unlock()

    def quit(self) -> None:
        had_window = self.window is not None
        self._drop_window()
        if had_window:
            self._last_sync()
        self.ctx.run(self.ctx.vault.lock, self._after_quit)

    def _after_quit(self, _result: object) -> None:
        self.finished.emit(0)

    def _show_busy(self, busy: bool) -> None:
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()
