"""Lock the app when the operating system locks the screen (SECURITY.md R9).

`ScreenLockWatcher.locked` fires when Windows locks the session (Win+L, closing the lid with a
lock policy) or when the Linux desktop's screen saver becomes active. The session controller
connects it to the same lock as Ctrl+L.

- Windows: the main window registers for WTS session notifications
  (`WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION)`); a native event filter
  watches for `WM_WTSSESSION_CHANGE` with `WTS_SESSION_LOCK`.
- Linux: the D-Bus signal `ActiveChanged(true)` of org.freedesktop.ScreenSaver (KDE, XFCE, ...)
  and org.gnome.ScreenSaver (GNOME) on the session bus, when there is one.
- Elsewhere, or without a session bus: nothing (the inactivity lock still works).

The Windows API is only touched on Windows; the message layout is declared here with fixed-size
fields so tests can build a message on any platform and feed it to the filter.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import (
    SLOT,
    QAbstractNativeEventFilter,
    QCoreApplication,
    QObject,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WTS_SESSION_UNLOCK = 0x8
NOTIFY_FOR_THIS_SESSION = 0
WINDOWS_MSG_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")

# (service, path, interface) of the screen savers that announce ActiveChanged(bool)
DBUS_SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class POINT(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int32), ("y", ctypes.c_int32)]


class MSG(ctypes.Structure):
    """winuser.h MSG with the Windows sizes (HWND and WPARAM/LPARAM are pointer-sized)."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt", POINT),
        ("lPrivate", ctypes.c_uint32),
    ]


class WtsEventFilter(QAbstractNativeEventFilter):
    """Calls `on_lock` for WM_WTSSESSION_CHANGE / WTS_SESSION_LOCK; never swallows a message."""

    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self.on_lock = on_lock

    def nativeEventFilter(self, event_type: object, message: object) -> tuple[bool, int]:
        if bytes(event_type) in WINDOWS_MSG_TYPES and message:  # type: ignore[call-overload]
            msg = MSG.from_address(int(message))  # type: ignore[call-overload]
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                self.on_lock()
        return False, 0


class ScreenLockWatcher(QObject):
    """Emits `locked` when the OS locks the screen. `attach(window)` after showing the main
    window (Windows registers that window for the notifications); `detach()` before it goes."""

    locked = Signal()

    def __init__(self, parent: QObject | None = None, platform: str = sys.platform) -> None:
        super().__init__(parent)
        self.platform = platform
        self.filter: WtsEventFilter | None = None
        self.hwnd: int | None = None
        self.dbus_connected: list[str] = []
        if platform == "win32":
            self.filter = WtsEventFilter(self.locked.emit)
            app = QCoreApplication.instance()
            if app is not None:
                app.installNativeEventFilter(self.filter)
        elif platform.startswith("linux"):
            self._connect_dbus()

    # --- Windows ----------------------------------------------------------------------------
    def attach(self, window: QWidget) -> None:
        if self.platform != "win32":
            return
        self.detach()
        hwnd = int(window.winId())
        try:
            wtsapi32 = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
            if wtsapi32.WTSRegisterSessionNotification(
                ctypes.c_void_p(hwnd), NOTIFY_FOR_THIS_SESSION
            ):
                self.hwnd = hwnd
            else:
                log.warning("WTSRegisterSessionNotification failed")
        except OSError:
            log.warning("wtsapi32 not available; no lock on screen lock")

    def detach(self) -> None:
        if self.platform != "win32" or self.hwnd is None:
            return
        hwnd, self.hwnd = self.hwnd, None
        with contextlib.suppress(OSError):
            ctypes.WinDLL("wtsapi32").WTSUnRegisterSessionNotification(  # type: ignore[attr-defined]
                ctypes.c_void_p(hwnd)
            )

    def close(self) -> None:
        self.detach()
        app = QCoreApplication.instance()
        if self.filter is not None and app is not None:
            app.removeNativeEventFilter(self.filter)
        self.filter = None

    # --- Linux ------------------------------------------------------------------------------
    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # not in every PySide6 build
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        for service, path, interface in DBUS_SCREENSAVERS:
            slot = SLOT("on_active_changed(bool)")  # "1…": Qt's code for a slot
            # PySide6's stub wants bytes for the slot; the binding itself takes only the str
            if bus.connect(service, path, interface, "ActiveChanged", self, slot):  # type: ignore[call-overload]
                self.dbus_connected.append(f"{service}{path}")

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        if active:
            self.locked.emit()
