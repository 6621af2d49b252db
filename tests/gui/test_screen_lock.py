"""R9: the OS locking the screen locks the app like Ctrl+L. The Windows message path is fed a
constructed MSG (no Windows API is called here); the Linux path through its D-Bus slot."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys

import pytest

from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.shell import screen_lock
from amo_desktop.ui.shell.screen_lock import (
    MSG,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WTS_SESSION_UNLOCK,
    ScreenLockWatcher,
    WtsEventFilter,
)
from amo_desktop.ui.shell.session import SessionController


def _feed(event_filter: WtsEventFilter, message: int, wparam: int, kind: bytes) -> object:
    msg = MSG(hwnd=None, message=message, wParam=wparam, lParam=1)
    return event_filter.nativeEventFilter(kind, ctypes.addressof(msg))


def test_windows_message_filter_reports_only_the_lock() -> None:
    seen: list[str] = []
    event_filter = WtsEventFilter(lambda: seen.append("lock"))
    assert _feed(event_filter, WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, b"windows_generic_MSG")
    assert seen == []
    _feed(event_filter, 0x0100, WTS_SESSION_LOCK, b"windows_generic_MSG")  # WM_KEYDOWN
    _feed(event_filter, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, b"xcb_generic_event_t")
    assert seen == []
    result = _feed(event_filter, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, b"windows_generic_MSG")
    assert seen == ["lock"]
    assert result == (False, 0)  # the message goes on to Qt as usual
    assert event_filter.nativeEventFilter(b"windows_generic_MSG", 0) == (False, 0)


def test_msg_has_the_windows_layout() -> None:
    pointer = ctypes.sizeof(ctypes.c_void_p)
    assert MSG.message.offset == pointer
    assert MSG.wParam.offset == 2 * pointer
    assert MSG.time.offset == 4 * pointer
    assert ctypes.sizeof(MSG) == (48 if pointer == 8 else 32)  # as sizeof(MSG) on Windows


def test_windows_watcher_emits_locked_without_calling_windows(qtbot, qapp, monkeypatch) -> None:
    installed: list[object] = []
    monkeypatch.setattr(qapp, "installNativeEventFilter", installed.append)
    monkeypatch.setattr(qapp, "removeNativeEventFilter", installed.remove)
    watcher = ScreenLockWatcher(platform="win32")
    assert installed == [watcher.filter]
    with qtbot.waitSignal(watcher.locked, timeout=1000):
        _feed(watcher.filter, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, b"windows_generic_MSG")
    watcher.detach()  # never registered: nothing to do
    watcher.close()
    assert installed == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the D-Bus path is Linux's")
def test_linux_screensaver_signal(qtbot) -> None:
    watcher = ScreenLockWatcher()
    assert watcher.filter is None
    with qtbot.assertNotEmitted(watcher.locked):
        watcher.on_active_changed(False)
    with qtbot.waitSignal(watcher.locked, timeout=1000):
        watcher.on_active_changed(True)


def test_other_platforms_do_nothing() -> None:
    watcher = ScreenLockWatcher(platform="darwin")
    assert watcher.filter is None and watcher.dbus_connected == []
    watcher.attach(None)  # type: ignore[arg-type]
    watcher.close()


def test_screen_lock_locks_the_session(qtbot, qapp, ctx: AppContext) -> None:
    session = SessionController(ctx, qapp)
    session.start()
    assert session.window is not None
    with qtbot.waitSignal(session.locked, timeout=5000):
        session.screen_lock.on_active_changed(True)  # what D-Bus (or WTS) delivers
    assert not ctx.vault.is_unlocked and session.window is None
    assert session.unlock_dialog is not None and session.unlock_dialog.isVisible()
    session.unlock_dialog.reject()


def test_dbus_names() -> None:
    interfaces = {interface for _s, _p, interface in screen_lock.DBUS_SCREENSAVERS}
    assert interfaces == {"org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"}


DBUS_SCRIPT = """
from PySide6.QtCore import QTimer
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication
from amo_desktop.ui.shell.screen_lock import ScreenLockWatcher
app = QApplication([])
bus = QDBusConnection.sessionBus()
bus.registerService("org.freedesktop.ScreenSaver")  # play the desktop's screen saver
watcher = ScreenLockWatcher()
seen = []
watcher.locked.connect(lambda: (seen.append(1), app.quit()))
for active in (False, True):
    signal = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
    )
    signal.setArguments([active])
    bus.send(signal)
QTimer.singleShot(5000, app.quit)
app.exec()
print(len(watcher.dbus_connected), len(seen))
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dbus-run-session") is None,
    reason="needs a private D-Bus session (dbus-run-session)",
)
def test_linux_screensaver_over_a_real_session_bus() -> None:
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", DBUS_SCRIPT],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3", "1"]  # three screen savers watched, one lock
