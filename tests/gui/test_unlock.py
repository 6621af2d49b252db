"""Unlocking: Dutch error on a wrong password, main window on the right one, recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt

from amo_desktop.storage.errors import WrongPasswordError
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.context import AppContext
from amo_desktop.ui.main_window import MainWindow
from amo_desktop.ui.session import SessionController
from amo_desktop.ui.unlock import UnlockDialog
from tests.conftest import LEADER, LEADER_PASSWORD, corrupt_a_page


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
