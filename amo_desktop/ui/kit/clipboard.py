"""Copies of pupil data on the clipboard (SECURITY.md R10).

`copy_sensitive(text)` puts the text on the clipboard and clears it again after 30 seconds, but
only when the clipboard still holds our copy (a later copy by the user, in any program, is left
alone). Locking the app clears it at once (`clear_sensitive()`, called by the session).

On Windows the copy is kept out of the clipboard history (Win+V) and the cloud clipboard, and
clipboard monitors are asked to ignore it: the formats "ExcludeClipboardContentFromMonitorProcessing",
"CanIncludeInClipboardHistory" = 0 and "CanUploadToCloudClipboard" = 0 (a DWORD), as KeePassXC
does. On Linux, KDE's Klipper skips copies marked "x-kde-passwordManagerHint: secret".

Tables built with `setup_table` get a "Kopiëren" action (Ctrl+C and the context menu) that copies
the selected row through this module; it also replaces QAbstractItemView's own Ctrl+C, which would
put the cell on the clipboard for good.
"""

from __future__ import annotations

import secrets
import struct
import sys

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView

CLEAR_AFTER_MS = 30_000
MARKER_FORMAT = "application/x-amo-desktop-sensitive"
_DWORD_ZERO = struct.pack("<I", 0)
WINDOWS_FORMATS = {
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "CanIncludeInClipboardHistory": _DWORD_ZERO,
    "CanUploadToCloudClipboard": _DWORD_ZERO,
}
LINUX_FORMATS = {"x-kde-passwordManagerHint": b"secret"}


def sensitive_mime(text: str, marker: bytes, platform: str = sys.platform) -> QMimeData:
    """The text with our marker, plus the platform's 'do not keep this' formats."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData(MARKER_FORMAT, marker)
    extra = WINDOWS_FORMATS if platform == "win32" else LINUX_FORMATS
    for name, value in extra.items():
        mime.setData(name, value)
    return mime


class SensitiveClipboard(QObject):
    """Owns our copy on the clipboard; one per application (see `guard()`)."""

    def __init__(self, timeout_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.clear)
        self._marker: bytes | None = None
        self._text = ""

    @property
    def timeout_ms(self) -> int:
        return self.timer.interval()

    def set_timeout_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)

    def _clipboard(self) -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, text: str) -> None:
        self._marker = secrets.token_hex(16).encode()
        self._text = text
        self._clipboard().setMimeData(sensitive_mime(text, self._marker))
        self.timer.start()

    def holds_ours(self) -> bool:
        if self._marker is None:
            return False
        mime = self._clipboard().mimeData()
        if mime is None:
            return False
        if mime.hasFormat(MARKER_FORMAT):
            return bytes(mime.data(MARKER_FORMAT).data()) == self._marker
        # some platforms drop private formats: then the same text still counts as ours
        return mime.hasText() and mime.text() == self._text

    def clear(self) -> bool:
        """Empties the clipboard if it still holds our copy; True if it did."""
        self.timer.stop()
        ours = self.holds_ours()
        if ours:
            self._clipboard().clear()
        self._marker, self._text = None, ""
        return ours


_guard: SensitiveClipboard | None = None


def guard() -> SensitiveClipboard:
    """The application's one guard, parented to the QApplication."""
    global _guard
    app = QCoreApplication.instance()
    if _guard is None or _guard.parent() is not app:
        _guard = SensitiveClipboard(parent=app)
    return _guard


def copy_sensitive(text: str) -> None:
    guard().copy(text)


def clear_sensitive() -> bool:
    return _guard.clear() if _guard is not None else False


def selected_row_text(view: QAbstractItemView) -> str:
    """The visible cells of the selected rows, tab-separated, one line per row."""
    model = view.model()
    selection = view.selectionModel()
    if model is None or selection is None:
        return ""
    rows = sorted({index.row() for index in selection.selectedIndexes()})
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    hidden = getattr(view, "isColumnHidden", lambda _c: False)
    lines = []
    for row in rows:
        cells = [
            str(model.index(row, column).data() or "")
            for column in range(model.columnCount())
            if not hidden(column)
        ]
        lines.append("\t".join(cells))
    return "\n".join(lines)


def install_copy_action(view: QAbstractItemView) -> QAction:
    """'Kopiëren' (Ctrl+C, and in the context menu) copies the selected row with copy_sensitive."""
    action = QAction(QCoreApplication.translate("Clipboard", "&Kopiëren"), view)
    action.setObjectName("copyAction")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def copy() -> None:
        text = selected_row_text(view)
        if text:
            copy_sensitive(text)

    action.triggered.connect(copy)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def copy_action_of(view: QAbstractItemView) -> QAction:
    """The action `install_copy_action` put on this view."""
    action = view.findChild(QAction, "copyAction")
    assert action is not None, "setup_table installs the copy action"
    return action
