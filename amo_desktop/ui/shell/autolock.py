"""Auto-lock (SECURITY.md R9): any key or mouse event restarts the timer; silence locks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from amo_desktop.ui.shell.main_window import MainWindow

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class InactivityWatcher(QObject):
    """Install on the QApplication; emits `idle` after `interval_ms` without user input, or
    after the signed-in user's own time (`follow`)."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms  # for whoever has not chosen a time of their own
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.idle)

    def follow(self, window: MainWindow) -> None:
        """The time of the user who unlocked `window`, and a new one at once when they change
        it in Instellingen."""
        minutes = window.user_settings.own_autolock_minutes()
        self.timer.setInterval(minutes * 60_000 if minutes else self.interval_ms)
        window.autolock_changed.connect(self.set_minutes)

    def set_minutes(self, minutes: int) -> None:
        """A new time counts from now."""
        self.timer.setInterval(minutes * 60_000)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.timer.isActive() and event.type() in ACTIVITY_EVENTS:
            self.timer.start()  # restart
        return False
