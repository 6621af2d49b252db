"""Instellingen and the remembered layout, per user, through the real window on a real vault."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from amo_desktop.services import exchange
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.shell.main_window import MainWindow
from amo_desktop.ui.shell.session import SessionController
from amo_desktop.ui.shell.settings_dialog import SettingsDialog
from tests.conftest import LEADER


@pytest.fixture
def session(qtbot, ctx: AppContext, qapp) -> SessionController:
    controller = SessionController(ctx, qapp)
    controller.start()
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    return controller


def _open(qtbot, window: MainWindow) -> SettingsDialog:
    window.settings_action.trigger()
    (dialog,) = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.status is not None, timeout=15_000)
    return dialog


def _ok(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_a_new_autolock_time_is_the_users_own_and_counts_at_once(
    qtbot, session: SessionController
) -> None:
    ctx, window = session.ctx, session.window
    assert session.watcher.timer.interval() == 5 * 60_000
    dialog = _open(qtbot, window)
    assert (dialog.minutes.minimum(), dialog.minutes.maximum()) == (1, 60)
    assert dialog.minutes.value() == 5
    dialog.minutes.setValue(12)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        _ok(qtbot, dialog)
    assert session.watcher.timer.interval() == 12 * 60_000
    assert session.watcher.timer.isActive()
    assert ctx.settings.for_user(ctx.me).autolock_minutes() == 12
    assert ctx.settings.for_user("someone-else").autolock_minutes() == 5
    assert ctx.settings.autolock_minutes() == 5  # the installation's time did not change


def test_the_users_own_time_applies_at_the_next_unlock(qtbot, ctx: AppContext, qapp) -> None:
    ctx.settings.for_user(ctx.me).set_autolock_minutes(2)
    session = SessionController(ctx, qapp)
    session.start()
    qtbot.addWidget(session.window)
    assert session.watcher.timer.interval() == 2 * 60_000


def test_cancel_changes_nothing(qtbot, session: SessionController) -> None:
    ctx = session.ctx
    dialog = _open(qtbot, session.window)
    dialog.minutes.setValue(30)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.reject()
    assert session.watcher.timer.interval() == 5 * 60_000
    assert ctx.settings.for_user(ctx.me).own_autolock_minutes() is None
    assert not ctx.settings.has_language()


def test_the_language_from_the_dialog_is_the_menus_too(qtbot, session: SessionController) -> None:
    ctx, window = session.ctx, session.window
    dialog = _open(qtbot, window)
    assert dialog.language.currentData() == "nl"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        _ok(qtbot, dialog)
    assert ctx.settings.language() == "en"
    assert window.language_actions["en"].isChecked()
    assert ctx.prompts.calls[-1][:2] == ("info", "Taal")


def _join_team(ctx: AppContext) -> None:
    """An invitation makes the team leader's laptop the first of a team."""
    from amo_desktop.services import accounts

    vault = ctx.vault
    accounts.add_user(vault, vault.identity, "an", "coach", "An Claes", "An-haar-laptop-2026")
    exchange.invite(
        vault, vault.identity, "an", kdf={"memory_kib": 8_192, "iterations": 1, "lanes": 1}
    )


def test_the_shared_folder_is_chosen_and_kept_in_the_vault(
    qtbot, session: SessionController, tmp_path: Path
) -> None:
    ctx = session.ctx
    _join_team(ctx)
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    ctx.prompts.choose_folder = lambda _parent, _title: str(shared)
    dialog = _open(qtbot, session.window)
    qtbot.waitUntil(dialog.choose_button.isEnabled, timeout=5000)
    assert dialog.folder.text() == ""
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.folder.text() == str(shared)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        _ok(qtbot, dialog)
    assert exchange.status(ctx.vault, ctx.vault.identity).folder == str(shared.resolve())

    again = _open(qtbot, session.window)
    qtbot.waitUntil(lambda: again.folder.text() == str(shared.resolve()), timeout=5000)
    qtbot.mouseClick(again.clear_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(again.finished, timeout=5000):
        _ok(qtbot, again)
    assert exchange.status(ctx.vault, ctx.vault.identity).folder == ""


def test_a_folder_that_is_gone_is_told_beside_the_field(
    qtbot, session: SessionController, tmp_path: Path
) -> None:
    ctx = session.ctx
    _join_team(ctx)
    ctx.prompts.choose_folder = lambda _parent, _title: str(tmp_path / "weg")
    dialog = _open(qtbot, session.window)
    qtbot.waitUntil(dialog.choose_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.errors.visible_text("folder") != "", timeout=5000)
    assert "bestaat niet" in dialog.errors.visible_text("folder")
    assert dialog.isVisible() and dialog.ok_button.isEnabled()


def test_without_a_team_the_folder_cannot_be_chosen(qtbot, session: SessionController) -> None:
    dialog = _open(qtbot, session.window)
    qtbot.waitUntil(lambda: "team" in dialog.folder_hint.text(), timeout=5000)
    assert not dialog.choose_button.isEnabled()


def test_window_splitter_and_columns_come_back_for_the_same_user(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(760, 540)  # the offscreen screen is 800 × 600
    page = window.page("referrals")
    window.show_page("referrals")
    page.table.setColumnWidth(0, 333)
    page.splitter.setSizes([300, 700])  # the detail wider than the list, unlike at first
    assert page.splitter.sizes()[0] < page.splitter.sizes()[1]
    assert window.height() == 540  # not the 700 a first window gets
    window.hide()  # as locking does

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.height() == 540  # (its width is held to the small offscreen screen's)
    again.show()
    again.show_page("referrals")
    page = again.page("referrals")
    assert page.table.columnWidth(0) == 333
    assert page.splitter.sizes()[0] < page.splitter.sizes()[1]

    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    stored.beginGroup("users")
    assert stored.childGroups() == [ctx.me] != [LEADER]  # the id, never the login
    other = ctx.settings.for_user("someone-else")
    assert other.state("window") is None


def test_the_beheer_lists_keep_their_order(qtbot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.page("admin").schools.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    window.hide()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    header = again.page("admin").schools.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
