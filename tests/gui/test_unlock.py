"""Unlocking: Dutch error on a wrong password, main window on the right one, recovery key."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from amo_desktop.errors import WrongPasswordError
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import StrengthMeter
from amo_desktop.ui.shell.main_window import MainWindow
from amo_desktop.ui.shell.password import ChangePasswordDialog
from amo_desktop.ui.shell.session import SessionController
from amo_desktop.ui.shell.unlock import MAX_DELAY_S, UnlockDialog, unlock_delay
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD, corrupt_a_page


def _dialog(qtbot, ctx: AppContext) -> UnlockDialog:
    ctx.vault.lock()
    dialog = UnlockDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_only_user_is_prefilled(qtbot, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    assert dialog.login.text() == LEADER
    assert dialog.organisation.text() == "Groep INTRO"


def test_wrong_password_shows_dutch_message(qtbot, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.password.setText("niet het wachtwoord")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter unlocks
    qtbot.waitUntil(lambda: dialog.errors.visible_text("") != "", timeout=5000)
    assert dialog.errors.visible_text("") == WrongPasswordError().message("nl")
    assert "niet juist" in dialog.errors.visible_text("")
    assert not ctx.vault.is_unlocked
    assert dialog.isVisible()


def test_correct_password_opens_the_main_window(qtbot, ctx: AppContext, qapp) -> None:
    ctx.vault.lock()
    session = SessionController(ctx, qapp)
    session.start()
    dialog = session.unlock_dialog
    assert dialog is not None
    dialog.password.setText(LEADER_PASSWORD)
    with qtbot.waitSignal(session.window_opened, timeout=10_000) as opened:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    window = opened.args[0]
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.isVisible()
    assert ctx.vault.is_unlocked and ctx.vault.identity.login == LEADER
    assert window.user_label.text() == f"Gebruiker: {LEADER}"
    assert window.role_label.text() == "Rol: Teamverantwoordelijke"
    with ctx.vault.raw_connection() as conn:  # R20: OFF in the program's own process
        assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] in (0, "0")


def test_forgotten_password_reset_with_recovery_key(
    qtbot, created_vault: tuple[Vault, str], ctx: AppContext
) -> None:
    _vault, recovery_key = created_vault
    dialog = _dialog(qtbot, ctx)
    dialog.open_recovery()
    recovery = dialog.recovery
    assert recovery is not None and recovery.login.text() == LEADER
    recovery.key.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-IIII")
    recovery.password.setText("nieuw-wachtwoord-1")
    recovery.repeat.setText("nieuw-wachtwoord-1")
    recovery.submit()
    qtbot.waitUntil(lambda: recovery.errors.visible_text("recovery_key") != "", timeout=5000)
    assert not ctx.vault.is_unlocked

    recovery.key.setText(recovery_key)
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000):
        recovery.submit()
    assert ctx.vault.is_unlocked
    ctx.vault.lock()
    assert ctx.vault.unlock(LEADER, "nieuw-wachtwoord-1").login == LEADER


def _unlock_through_the_dialog(qtbot, ctx: AppContext, qapp) -> MainWindow:
    session = SessionController(ctx, qapp)
    session.start()
    dialog = session.unlock_dialog
    assert dialog is not None
    dialog.login.setText(LEADER)
    dialog.password.setText(LEADER_PASSWORD)
    with qtbot.waitSignal(session.window_opened, timeout=10_000) as opened:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    window = opened.args[0]
    qtbot.addWidget(window)
    return window


def test_the_window_shows_while_the_vault_is_checked(qtbot, ctx: AppContext, qapp) -> None:
    ctx.vault.lock()
    window = _unlock_through_the_dialog(qtbot, ctx, qapp)
    assert window.state_label.text() in {
        "Kluis ontgrendeld, wordt gecontroleerd…",
        "Kluis ontgrendeld",
    }
    qtbot.waitUntil(lambda: window.state_label.text() == "Kluis ontgrendeld", timeout=10_000)
    assert ctx.vault.integrity == "ok" and ctx.prompts.kinds() == []  # type: ignore[attr-defined]


def test_a_damaged_vault_opens_read_only_at_the_backups(qtbot, ctx: AppContext, qapp) -> None:
    corrupt_a_page(ctx.vault)
    window = _unlock_through_the_dialog(qtbot, ctx, qapp)
    prompts = ctx.prompts
    qtbot.waitUntil(lambda: "error" in prompts.kinds(), timeout=10_000)  # type: ignore[attr-defined]
    (_kind, title, text) = prompts.calls[-1]  # type: ignore[attr-defined]
    assert title == "Kluis beschadigd"
    assert "niets meer opgeslagen" in text and "Beheer › Reservekopieën" in text
    assert window.state_label.text() == "Kluis beschadigd: alleen lezen"
    assert window.admin is not None and window.stack.currentWidget().isAncestorOf(window.admin)
    assert window.admin.tabs.currentWidget() is window.admin.backups
    assert ctx.vault.integrity == "failed"


# --- issue 12: failed unlocks and passwords below the rule --------------------------------------
def _fail(vault: Vault, times: int) -> None:
    for _ in range(times):
        with pytest.raises(WrongPasswordError):
            vault.unlock(LEADER, "niet het wachtwoord")


def test_the_delay_grows_after_five_failures() -> None:
    delays = [unlock_delay(n) for n in range(1, 12)]
    assert delays[:4] == [0, 0, 0, 0]
    assert 0 < delays[4] < delays[5] < delays[6]  # after the 5th, 6th, 7th failure in a row
    assert delays[-1] == MAX_DELAY_S


def test_after_five_failures_the_button_counts_down(qtbot, ctx: AppContext) -> None:
    ctx.vault.lock()
    _fail(ctx.vault, 4)
    now = [time.time()]
    dialog = UnlockDialog(ctx, delay=lambda n: 30.0 if n >= 5 else 0.0, clock=lambda: now[0])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.isEnabled() and dialog.remaining() == 0  # four are free
    dialog.password.setText("nog altijd fout")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.remaining() > 0, timeout=5000)
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Ontgrendelen (30 s)"
    assert "Wacht 30 seconden" in dialog.waiting.text()
    assert ctx.vault.inventory().failed_unlocks == 5

    dialog.password.setText(LEADER_PASSWORD)
    dialog.try_unlock()  # Enter during the countdown does nothing
    assert not ctx.vault.is_unlocked
    now[0] += 12
    dialog._tick()
    assert dialog.ok_button.text() == "Ontgrendelen (18 s)"
    now[0] += 18
    dialog._tick()
    assert dialog.ok_button.isEnabled() and dialog.waiting.isHidden()
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.failed_attempts == 5


def test_a_restart_keeps_the_wait(qtbot, ctx: AppContext) -> None:
    """The count and time are in the key file: a new dialog waits the rest of the delay."""
    ctx.vault.lock()
    _fail(ctx.vault, 6)
    last = datetime.fromisoformat(ctx.vault.inventory().last_failed_unlock_at).timestamp()
    dialog = UnlockDialog(ctx, delay=lambda n: 10.0 * n, clock=lambda: last + 45)
    qtbot.addWidget(dialog)
    assert dialog.remaining() == pytest.approx(15.0)  # 60 s for six failures, 45 s ago
    assert not dialog.ok_button.isEnabled()


def test_after_unlock_the_failures_are_told_and_a_weak_password_is_asked_to_change(
    qtbot, ctx: AppContext, qapp, tmp_path: Path
) -> None:
    old = Vault(tmp_path / "old", kdf=FAST_KDF)
    old.create("Groep INTRO", LEADER, "Lea Peeters", "password1234")  # before the rule
    old.lock()
    _fail(old, 3)
    ctx.vault.lock()
    ctx.vault = old
    session = SessionController(ctx, qapp)
    session.start()
    dialog = session.unlock_dialog
    assert dialog is not None
    dialog.password.setText("password1234")
    with qtbot.waitSignal(session.window_opened, timeout=10_000) as opened:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    window = opened.args[0]
    qtbot.addWidget(window)
    prompts = ctx.prompts
    qtbot.waitUntil(lambda: "confirm" in prompts.kinds(), timeout=5000)  # type: ignore[attr-defined]
    kind, title, text = prompts.calls[0]  # type: ignore[attr-defined]
    assert (kind, text) == ("info", "3 mislukte pogingen sinds uw laatste aanmelding.")
    assert window.statusBar().currentMessage() == text or "reservekopie" in (
        window.statusBar().currentMessage()
    )
    kind, title, text = prompts.calls[1]  # type: ignore[attr-defined]
    assert title == "Wachtwoord wijzigen" and "minstens 12 tekens" in text
    change = window.findChild(ChangePasswordDialog)
    assert change is not None and change.isVisible()
    assert old.inventory().failed_unlocks == 0
    session.quit()


def test_no_notice_after_a_clean_unlock_with_a_strong_password(
    qtbot, ctx: AppContext, qapp
) -> None:
    ctx.vault.lock()
    window = _unlock_through_the_dialog(qtbot, ctx, qapp)
    qtbot.wait(50)
    assert ctx.prompts.kinds() == []  # type: ignore[attr-defined]
    assert window.findChild(ChangePasswordDialog) is None


def test_the_recovery_dialog_measures_and_refuses_a_weak_password(
    qtbot, created_vault: tuple[Vault, str], ctx: AppContext
) -> None:
    _vault, recovery_key = created_vault
    dialog = _dialog(qtbot, ctx)
    dialog.open_recovery()
    recovery = dialog.recovery
    assert recovery is not None
    recovery.key.setText(recovery_key)
    recovery.password.setText("password1234")
    meter = recovery.findChild(StrengthMeter)
    assert meter.word.text() == "Sterkte: zwak" and "veelgebruikt" in meter.advice.text()
    recovery.repeat.setText("password1234")
    recovery.submit()
    qtbot.waitUntil(lambda: recovery.errors.visible_text("new_password") != "", timeout=5000)
    assert "te makkelijk te raden" in recovery.errors.visible_text("new_password")
    assert not ctx.vault.is_unlocked


def test_an_unknown_login_is_cleared_after_the_try(qtbot, ctx: AppContext) -> None:
    """A password typed into the user name field by mistake does not stay readable on screen."""
    dialog = _dialog(qtbot, ctx)
    dialog.login.setText("geheim-wachtwoord-1")
    dialog.password.setText("iets")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.errors.visible_text("") != "", timeout=5000)
    assert dialog.login.text() == ""
    assert dialog.login.hasFocus() or not dialog.isActiveWindow()
    dialog.login.setText(LEADER.upper())  # a known login, in another case, stays
    dialog.password.setText("niet het wachtwoord")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() or dialog.remaining() > 0, timeout=5000)
    qtbot.waitUntil(lambda: dialog.errors.visible_text("") != "", timeout=5000)
    assert dialog.login.text() == LEADER.upper()
    assert not ctx.vault.is_unlocked
