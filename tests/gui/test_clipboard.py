"""R10: copies of pupil data leave the clipboard after the timeout (if still ours) and on lock;
Ctrl+C in the Aanmeldingen and Trajecten tables goes through the guard."""

from __future__ import annotations

import struct
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest

from amo_desktop.ui.kit import clipboard
from amo_desktop.ui.kit.clipboard import (
    MARKER_FORMAT,
    SensitiveClipboard,
    clear_sensitive,
    copy_sensitive,
    guard,
    sensitive_mime,
)
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.aanmeldingen.models import ReferralsModel
from amo_desktop.ui.screens.aanmeldingen.page import ReferralsPage
from amo_desktop.ui.screens.trajecten.page import TrajectoriesPage
from amo_desktop.ui.shell.session import SessionController
from tests.gui.test_planning import TODAY as PLAN_TODAY
from tests.gui.test_planning import build_plan
from tests.gui.test_referrals import TODAY, build_stage, host, hosted

SHORT_MS = 150


@pytest.fixture
def short_guard(qapp) -> Iterator[SensitiveClipboard]:
    """The application's guard with a short timeout; the clipboard empty before and after."""
    board = QGuiApplication.clipboard()
    board.clear()
    the_guard = guard()
    the_guard.set_timeout_ms(SHORT_MS)
    yield the_guard
    the_guard.clear()
    the_guard.set_timeout_ms(clipboard.CLEAR_AFTER_MS)
    board.clear()


def _text() -> str:
    return QGuiApplication.clipboard().text()


def test_default_timeout_is_30_seconds() -> None:
    assert clipboard.CLEAR_AFTER_MS == 30_000
    assert SensitiveClipboard().timeout_ms == 30_000


def test_windows_formats_keep_it_out_of_history_and_cloud() -> None:
    mime = sensitive_mime("Zoë Peeters", b"m", platform="win32")
    assert mime.text() == "Zoë Peeters"
    zero = struct.pack("<I", 0)
    assert bytes(mime.data("CanIncludeInClipboardHistory").data()) == zero
    assert bytes(mime.data("CanUploadToCloudClipboard").data()) == zero
    assert mime.hasFormat("ExcludeClipboardContentFromMonitorProcessing")
    linux = sensitive_mime("x", b"m", platform="linux")
    assert bytes(linux.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert not linux.hasFormat("CanIncludeInClipboardHistory")


def test_cleared_after_the_timeout(qtbot, short_guard: SensitiveClipboard) -> None:
    copy_sensitive("Zoë Peeters\tSint-Martinus Asse")
    assert _text() == "Zoë Peeters\tSint-Martinus Asse"
    assert QGuiApplication.clipboard().mimeData().hasFormat(MARKER_FORMAT)
    assert short_guard.holds_ours()
    qtbot.waitUntil(lambda: _text() == "", timeout=2000)
    assert not short_guard.timer.isActive()


def test_a_later_copy_of_the_user_is_left_alone(qtbot, short_guard: SensitiveClipboard) -> None:
    copy_sensitive("Zoë Peeters")
    QGuiApplication.clipboard().setText("boodschappenlijst")  # the user copies something else
    assert not short_guard.holds_ours()
    qtbot.wait(SHORT_MS * 3)
    assert _text() == "boodschappenlijst"
    assert clear_sensitive() is False


def test_locking_clears_at_once(qtbot, qapp, ctx: AppContext, short_guard) -> None:
    short_guard.set_timeout_ms(60_000)
    session = SessionController(ctx, qapp)
    session.start()
    copy_sensitive("Milan Janssens")
    assert _text() == "Milan Janssens"
    with qtbot.waitSignal(session.locked, timeout=5000):
        session.lock()
    assert _text() == ""
    assert not short_guard.timer.isActive()
    session.unlock_dialog.reject()


def _copy_with_keys(qtbot, table) -> None:
    window = table.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    table.setFocus()
    QTest.keySequence(table, QKeySequence(QKeySequence.StandardKey.Copy))


def test_ctrl_c_in_aanmeldingen_copies_the_row(qtbot, ctx: AppContext, short_guard) -> None:
    stage = build_stage(ctx.vault)
    window = host(qtbot)
    ctx.today = lambda: TODAY
    page = ReferralsPage(ctx, parent=window)
    hosted(window, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.copy_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert page.copy_action.text() == "&Kopiëren"
    assert page.copy_action in page.table.actions()  # also in the context menu
    page.select_referral(stage.ids["zoe"])
    _copy_with_keys(qtbot, page.table)
    cells = _text().split("\t")
    assert cells[ReferralsModel.COL_SUBJECT] == "Zoë Peeters"
    assert cells[ReferralsModel.COL_RECEIVED] == "06/10/2025"
    assert short_guard.holds_ours()
    qtbot.waitUntil(lambda: _text() == "", timeout=2000)


def test_copy_in_trajecten(qtbot, ctx: AppContext, short_guard) -> None:
    plan = build_plan(ctx.vault)
    window = host(qtbot)
    ctx.today = lambda: PLAN_TODAY
    page = TrajectoriesPage(ctx, parent=window)
    hosted(window, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.select_trajectory(plan.trajectory)
    _copy_with_keys(qtbot, page.table)
    assert "Zoë Peeters" in _text()
    assert short_guard.holds_ours()
    page.copy_action.trigger()  # from the context menu: the same
    assert "Zoë Peeters" in _text()
