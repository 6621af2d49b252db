"""Load a widget's data the first time it is shown, not when it is built.

The main window builds a page on first navigation, and a Beheer tab asks for its rows only when
its tab is opened: unlocking a big vault then waits for the first page alone (issue 4).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _FirstShow(QObject):
    """Calls `load` at the widget's first Show (or other) event, then goes away."""

    def __init__(
        self, widget: QWidget, load: Callable[[], None], kind: QEvent.Type = QEvent.Type.Show
    ) -> None:
        super().__init__(widget)
        self._load: Callable[[], None] | None = load
        self._kind = kind
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self._kind and self._load is not None:
            load, self._load = self._load, None
            watched.removeEventFilter(self)
            self.deleteLater()
            load()
        return False


def load_on_first_show(widget: QWidget, load: Callable[[], None]) -> None:
    """Run `load` once, when `widget` is first shown (at once if it is visible already)."""
    if widget.isVisible():
        load()
    else:
        _FirstShow(widget, load)
