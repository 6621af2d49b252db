"""Issue 15: the team leader resets a forgotten password in Beheer › Gebruikers, the user picks
their own right after unlocking; the lock screen says why it locked and who was working."""

from __future__ import annotations

from PySide6.QtCore import Qt

from amo_desktop.services import accounts, password_policy
from amo_desktop.storage.keyslots import Sidecar
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import StrengthMeter
from amo_desktop.ui.screens.beheer.users import UsersPage
from amo_desktop.ui.shell.password import OwnPasswordDialog
from amo_desktop.ui.shell.session import SessionController
from amo_desktop.ui.shell.unlock import UnlockDialog
from tests.conftest import LEADER, LEADER_PASSWORD

COACH_PASSWORD = "coach-wachtwoord-sterk"
ONCE = "eenmalig-Wachtwoord-7q"
OWN = "mijn-eigen-Wachtwoord-9z"
WAIT = 10_000


def _add_coach(ctx: AppContext) -> None:
    accounts.add_user(ctx.vault, ctx.vault.identity, "jan", "coach", "Jan Janssens", COACH_PASSWORD)


def _marked(ctx: AppContext, login: str) -> bool:
    slot = Sidecar.load(ctx.vault.keys_path).slot_for_login(login)
    assert slot is not None
    return slot.must_change


def _reset_from_beheer(qtbot, ctx: AppContext) -> None:
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    assert not page.reset_button.isEnabled()
    page.table.selectRow(1)  # lea: oneself, use Account › Wachtwoord wijzigen
    assert page.selected_user().login == LEADER and not page.reset_button.isEnabled()
    page.table.selectRow(0)
    assert page.selected_user().login == "jan" and page.reset_button.isEnabled()
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    dialog = page.reset_dialog
    assert dialog is not None and dialog.isVisible()
    proposed = dialog.password.text()
    assert password_policy.password_verdict(proposed).ok
    dialog.propose_button.click()
    assert dialog.password.text() != proposed
    dialog.password.setText("kort")
    assert dialog.findChild(StrengthMeter).word.text() == "Sterkte: zwak"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.visible_text("password") != "", timeout=WAIT)
    assert not _marked(ctx, "jan")
    dialog.password.setText(ONCE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "info" in ctx.prompts.kinds(), timeout=WAIT)
    assert "Jan Janssens" in ctx.prompts.calls[-1][2]
    assert _marked(ctx, "jan")


def _unlock_as_jan(qtbot, dialog: UnlockDialog) -> OwnPasswordDialog:
    dialog.login.setText("jan")
    dialog.password.setText(ONCE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.own_password is not None, timeout=WAIT)
    own = dialog.own_password
    assert own is not None and own.isVisible() and own.findChild(StrengthMeter) is not None
    return own


def test_a_reset_password_must_be_replaced_at_the_next_unlock(qtbot, ctx: AppContext, qapp) -> None:
    _add_coach(ctx)
    _reset_from_beheer(qtbot, ctx)
    ctx.vault.lock()
    session = SessionController(ctx, qapp)
    session.start()
    dialog = session.unlock_dialog
    assert dialog is not None
    opened: list[object] = []
    session.window_opened.connect(opened.append)

    own = _unlock_as_jan(qtbot, dialog)  # cancelling locks again, nothing opens
    assert ctx.vault.is_unlocked and not opened
    own.reject()
    qtbot.waitUntil(lambda: not ctx.vault.is_unlocked, timeout=WAIT)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=WAIT)
    assert dialog.isVisible() and not opened and dialog.password.text() == ""
    assert "eigen wachtwoord" in dialog.errors.visible_text("")
    assert _marked(ctx, "jan")

    own = _unlock_as_jan(qtbot, dialog)
    own.new.setText(ONCE)
    own.repeat.setText(ONCE)
    own.submit()  # the one-time password again is refused
    assert own.errors.visible_text("new_password") != "" and own.isVisible()
    own.new.setText(OWN)
    own.repeat.setText(OWN)
    with qtbot.waitSignal(session.window_opened, timeout=WAIT) as window:
        qtbot.mouseClick(own.ok_button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(window.args[0])
    assert ctx.vault.identity.login == "jan" and not _marked(ctx, "jan")
    # the daily backup runs on the database thread once the window shows: let it finish
    # before this thread locks the vault (the app itself locks through that thread)
    qtbot.waitUntil(lambda: not ctx.worker.busy, timeout=WAIT)
    ctx.vault.lock()
    assert ctx.vault.unlock("jan", OWN).login == "jan"


def _lock_and_wait(qtbot, session: SessionController, lock) -> UnlockDialog:
    with qtbot.waitSignal(session.locked, timeout=WAIT):
        lock()
    dialog = session.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_lock_screen_says_why_and_fills_in_the_last_user(qtbot, ctx: AppContext, qapp) -> None:
    _add_coach(ctx)
    ctx.vault.lock()
    jan = ctx.vault.unlock("jan", COACH_PASSWORD)
    ctx.settings.for_user(jan.user_id).set_autolock_minutes(7)  # jan's own time (Instellingen)
    session = SessionController(ctx, qapp, autolock_ms=60_000)
    session.start()
    qtbot.addWidget(session.window)
    dialog = _lock_and_wait(qtbot, session, session.window.lock_action.trigger)
    assert dialog.reason.isVisibleTo(dialog)
    assert dialog.reason.text() == "Vergrendeld op uw vraag"
    assert dialog.login.text() == "jan" and dialog.focusWidget() is dialog.password

    dialog.login.setText(LEADER)
    dialog.password.setText(LEADER_PASSWORD)
    with qtbot.waitSignal(session.window_opened, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    dialog = _lock_and_wait(qtbot, session, session.screen_lock.locked.emit)
    assert dialog.reason.text() == "Vergrendeld omdat het scherm van de computer vergrendeld werd"
    assert dialog.login.text() == LEADER

    dialog.login.setText("jan")
    dialog.password.setText(COACH_PASSWORD)
    with qtbot.waitSignal(session.window_opened, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    dialog = _lock_and_wait(qtbot, session, session.watcher.idle.emit)
    assert dialog.reason.text() == "Vergrendeld na 7 minuten zonder activiteit"
    assert dialog.login.text() == "jan" and dialog.focusWidget() is dialog.password


def test_a_fresh_start_gives_no_reason(qtbot, ctx: AppContext, qapp) -> None:
    ctx.vault.lock()
    session = SessionController(ctx, qapp)
    session.start()
    dialog = session.unlock_dialog
    assert dialog is not None and not dialog.reason.isVisibleTo(dialog)
