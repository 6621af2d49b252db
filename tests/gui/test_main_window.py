"""The main window on a real vault: roles, users, backup, about, lock and auto-lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView

from amo_desktop.services import accounts
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.beheer.users import UsersPage
from amo_desktop.ui.shell.main_window import MainWindow
from amo_desktop.ui.shell.session import SessionController
from tests.conftest import LEADER, LEADER_PASSWORD

NAV = [
    "Overzicht",
    "Aanmeldingen",
    "Wachtlijst",
    "Planning",
    "Trajecten",
    "Rapporten",
    "Uitwisselen",
]


@pytest.fixture
def session(qtbot, ctx: AppContext, qapp) -> SessionController:
    controller = SessionController(ctx, qapp)
    controller.start()
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    return controller


def _users_page(qtbot, window: MainWindow) -> UsersPage:
    window.show_page("admin")  # built on first navigation
    assert window.admin is not None
    page = window.admin.users
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=5000)
    return page


def _alive_tables() -> list[QTableView]:
    return [w for w in QApplication.allWidgets() if isinstance(w, QTableView)]


def test_team_leader_sees_beheer(session: SessionController) -> None:
    window = session.window
    assert window.page_titles() == [*NAV, "Beheer"]
    assert "Laatste reservekopie:" in window.backup_label.text()
    assert window.state_label.text() == "Kluis ontgrendeld"


def test_only_the_first_page_is_built_at_start(qtbot, session: SessionController) -> None:
    """Unlocking a big vault waits for the Overzicht alone (issue 4); a page is built, and
    loads, when it is first shown."""
    window = session.window
    assert list(window.pages) == ["overview"] and window.admin is None
    assert not window.findChildren(UsersPage)
    window.show_page("waiting")
    assert list(window.pages) == ["overview", "waiting"]
    assert window.stack.currentWidget().isAncestorOf(window.pages["waiting"])
    window.show_page("admin")
    assert window.admin is not None and window.pages["admin"] is window.admin
    qtbot.waitUntil(lambda: window.admin.users.model.rowCount() == 1)
    window.show_page("overview")
    assert window.stack.currentWidget().isAncestorOf(window.pages["overview"])
    qtbot.waitUntil(lambda: not session.ctx.worker.busy)


def test_coach_does_not_see_beheer(qtbot, ctx: AppContext) -> None:
    vault = ctx.vault
    accounts.add_user(vault, vault.identity, "coach.an", "coach", "An", "coach-wachtwoord")
    vault.lock()
    vault.unlock("coach.an", "coach-wachtwoord")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.page_titles() == NAV
    assert window.admin is None and not window.findChildren(UsersPage)
    assert window.role_label.text() == "Rol: Coach"


def test_add_and_remove_user_through_the_dialogs(qtbot, session: SessionController) -> None:
    ctx, window = session.ctx, session.window
    page = _users_page(qtbot, window)
    assert page.model.rowCount() == 1

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.login.setText("coach.yusuf")
    dialog.full_name.setText("Yusuf Şahin")
    dialog.role.setCurrentIndex(dialog.role.findData("coach"))
    dialog.password.setText("coach-wachtwoord")
    dialog.repeat.setText("coach-wachtwoord")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    assert page.dialog is None
    logins = [u.login for u in accounts.list_users(ctx.vault, ctx.vault.identity)]
    assert logins == [LEADER, "coach.yusuf"] or sorted(logins) == sorted([LEADER, "coach.yusuf"])

    row = page.proxy.mapFromSource(page.model.index(1, 0)).row()
    page.table.selectRow(row)
    assert page.remove_button.isEnabled()
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    kind, _title, text = ctx.prompts.calls[-1]
    assert kind == "confirm" and "sleutel van de kluis" in text and "vernieuwd" in text
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert [u.login for u in accounts.list_users(ctx.vault, ctx.vault.identity)] == [LEADER]


def test_add_user_shows_validation_next_to_field(qtbot, session: SessionController) -> None:
    page = _users_page(qtbot, session.window)
    dialog = page.open_add_dialog()
    dialog.login.setText(LEADER)  # exists already
    dialog.password.setText("coach-wachtwoord")
    dialog.repeat.setText("coach-wachtwoord")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.visible_text("login") != "", timeout=5000)
    assert "bestaat al" in dialog.errors.visible_text("login")
    assert dialog.isVisible() and page.model.rowCount() == 1


def test_ctrl_l_locks_and_leaves_no_table_alive(qtbot, session: SessionController) -> None:
    ctx, window = session.ctx, session.window
    _users_page(qtbot, window)
    assert _alive_tables()
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(session.locked, timeout=5000):
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not ctx.vault.is_unlocked
    qtbot.waitUntil(lambda: not _alive_tables(), timeout=2000)
    assert session.window is None

    dialog = session.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.password.setText(LEADER_PASSWORD)
    with qtbot.waitSignal(session.window_opened, timeout=10_000) as opened:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(opened.args[0])
    assert ctx.vault.is_unlocked and opened.args[0] is not window


def test_inactivity_locks(qtbot, ctx: AppContext, qapp) -> None:
    session = SessionController(ctx, qapp, autolock_ms=300)
    session.start()
    qtbot.addWidget(session.window)
    with qtbot.waitSignal(session.locked, timeout=5000):
        pass
    assert not ctx.vault.is_unlocked
    assert session.unlock_dialog is not None


def test_activity_postpones_the_autolock(qtbot, ctx: AppContext, qapp) -> None:
    """A key press starts the idle time again; without input the vault locks. Read from the
    timer itself, so a loaded machine that is slow between keys cannot fail it."""
    session = SessionController(ctx, qapp, autolock_ms=60_000)
    session.start()
    window = session.window
    qtbot.addWidget(window)
    timer = session.watcher.timer
    qtbot.waitUntil(lambda: 0 < timer.remainingTime() < 59_500, timeout=5000)
    QTest.keyClick(window.nav, Qt.Key.Key_Down)
    assert timer.remainingTime() > 59_500  # counting from the key press again
    assert ctx.vault.is_unlocked
    timer.setInterval(300)
    timer.start()
    with qtbot.waitSignal(session.locked, timeout=5000):
        pass
    assert not ctx.vault.is_unlocked


def test_backup_from_the_file_menu(qtbot, session: SessionController, tmp_path: Path) -> None:
    ctx, window = session.ctx, session.window
    ctx.prompts.save_path = tmp_path / "kopie.amobak"
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: "info" in ctx.prompts.kinds(), timeout=10_000)
    assert (tmp_path / "kopie.amobak").exists()
    assert "nog geen" not in window.backup_label.text()


def test_about_shows_versions(session: SessionController) -> None:
    session.window.about_action.trigger()
    kind, title, text = session.ctx.prompts.calls[-1]
    assert (kind, title) == ("about", "Over AMO Desktop")
    assert "SQLCipher" in text and "Qt" in text and "OpenSSL" in text


def test_language_choice_is_stored(session: SessionController) -> None:
    session.window.language_actions["en"].trigger()
    assert session.ctx.settings.language() == "en"


def test_quit_locks_and_finishes(qtbot, session: SessionController) -> None:
    with qtbot.waitSignal(session.finished, timeout=5000) as finished:
        session.window.quit_action.trigger()
    assert finished.args == [0]
    assert not session.ctx.vault.is_unlocked


def test_daily_backup_runs_after_the_window_shows(qtbot, tmp_path) -> None:
    """Unlock from the GUI skips the daily backup; the session makes it in the background."""
    from amo_desktop.services import accounts
    from amo_desktop.storage.vault import Vault
    from tests.conftest import FAST_KDF

    vault = Vault(tmp_path / "data", kdf=FAST_KDF)
    accounts.create_vault(vault, "Org", "lea", "Lea", "teamleider-wachtwoord")
    vault.lock()
    vault.unlock("lea", "teamleider-wachtwoord", daily_backup=False)
    assert vault.backup_due() and not list(vault.backup_dir.glob("*.amobak"))
    vault.backup(reason="daily")
    assert not vault.backup_due()
    vault.lock()
