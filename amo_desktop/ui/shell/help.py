"""Help inside the program: F1 opens the user guide at the screen in view, and a list of the
shortcuts the windows really have."""

from __future__ import annotations

import re
import weakref
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.config import guide_path
from amo_desktop.ui.kit.text import fill

# The heading of docs/handleiding.md that tells about each screen (the page keys of the window).
SECTIONS = {
    "overview": "Het overzicht",
    "referrals": "Een aanmelding invoeren",
    "waiting": "De wachtlijst bekijken",
    "planning": "Planning en reeksen",
    "trajectories": "Een verslag schrijven met een sjabloon",
    "reports": "Rapporten",
    "admin": "De teamverantwoordelijke: de eerste keer instellen",
    "exchange": "Werken als team: uitwisselen",
}

_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)\n?")


class Pages(Protocol):
    """What help needs of the main window: its pages and which one is in view."""

    nav: QListWidget
    page_keys: list[str]

    def page(self, key: str) -> QWidget: ...


def guide_markdown(path: Path) -> str:
    """The guide's text; a picture whose file is not there (the frozen bundle ships none) is
    left out rather than shown as a broken image."""
    text = path.read_text(encoding="utf-8")
    return _IMAGE.sub(lambda m: m.group(0) if (path.parent / m.group(1)).is_file() else "", text)


def _lay_out(dialog: QDialog, content: QWidget, width: int, height: int) -> None:
    """`content` filling `dialog`, with a Close button (Escape closes too) under it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content, 1)
    layout.addWidget(buttons)
    dialog.resize(width, height)


class HelpWindow(QDialog):
    """The user guide, rendered from its Markdown, beside the program (not modal)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handleiding"))
        self.setObjectName("helpWindow")
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setAccessibleName(self.windowTitle())
        self.browser.setOpenExternalLinks(True)
        if path.is_file():
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(f"{path.parent}/"))
            self.browser.setMarkdown(guide_markdown(path))
        else:
            self.browser.setPlainText(
                fill(self.tr("De handleiding is niet gevonden (%1)."), str(path))
            )
        _lay_out(self, self.browser, 760, 640)

    def show_section(self, heading: str) -> bool:
        """Scrolls to the heading `heading`; False when the guide has no such heading."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip() == heading:
                self.browser.setTextCursor(QTextCursor(block))
                layout = self.browser.document().documentLayout()
                top = layout.blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))
                return True
            block = block.next()
        return False


def _keys(sequences: list[QKeySequence]) -> str:
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()
    )


def _name(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcuts_of(widget: QWidget, own_only: bool = False) -> list[tuple[str, str]]:
    """(what, keys) of the actions, buttons and shortcuts in `widget` that have keys of their
    own; a button's Alt+letter from its underlined letter is left out (it shows itself)."""
    rows: list[tuple[str, str]] = []
    actions = widget.actions() if own_only else widget.findChildren(QAction)
    for action in actions:
        keys = _keys(action.shortcuts())
        if keys and action.text():
            rows.append((_name(action.text()), keys))
    if not own_only:
        for button in widget.findChildren(QAbstractButton):
            shortcut = button.shortcut()
            if not shortcut.isEmpty() and shortcut != QKeySequence.mnemonic(button.text()):
                rows.append((_name(button.text()), _keys([shortcut])))
    return list(dict.fromkeys(rows))


class ShortcutsDialog(QDialog):
    """Every shortcut of the main window and its screens, in a table: where, what, keys."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sneltoetsen"))
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.windowTitle())
        self.table.setHorizontalHeaderLabels([self.tr("Waar"), self.tr("Wat"), self.tr("Toetsen")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        _lay_out(self, self.table, 560, 520)


class HelpMenu(QObject):
    """Help › Handleiding (F1) and Help › Sneltoetsen in `menu` of the main window `main`."""

    def __init__(self, main: Pages, menu: QMenu) -> None:
        super().__init__(menu)
        # Not a strong reference: the window owns this menu, and a cycle would keep the
        # window's Python object alive after Qt deleted the window (at lock).
        self._main = weakref.ref(main)
        self.guide: HelpWindow | None = None
        self.shortcuts: ShortcutsDialog | None = None
        owner = self.window_of_main()
        self.guide_action = QAction(self.tr("&Handleiding"), owner)
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.triggered.connect(self.open_guide)
        self.shortcuts_action = QAction(self.tr("&Sneltoetsen"), owner)
        self.shortcuts_action.triggered.connect(self.open_shortcuts)
        for action in (self.guide_action, self.shortcuts_action):
            owner.addAction(action)  # F1 works with the menu bar hidden too
            menu.addAction(action)
        menu.addSeparator()

    @property
    def main(self) -> Pages:
        main = self._main()
        assert main is not None  # this menu goes with its window
        return main

    def window_of_main(self) -> QWidget:
        return self.main.nav.window()

    def current_key(self) -> str:
        row = self.main.nav.currentRow()
        return self.main.page_keys[row] if 0 <= row < len(self.main.page_keys) else ""

    def open_guide(self) -> HelpWindow:
        if self.guide is None:
            self.guide = HelpWindow(guide_path(), self.window_of_main())
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        self.guide.show_section(SECTIONS.get(self.current_key(), ""))
        return self.guide

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """Where, what, keys: the window's own actions first, then each screen's (a screen is
        built here if it was not opened yet, so its shortcuts are listed too)."""
        general = self.tr("Overal")
        own = shortcuts_of(self.window_of_main(), own_only=True)
        rows = [(general, what, keys) for what, keys in own]
        for number, key in enumerate(self.main.page_keys):
            title = self.main.nav.item(number).text()
            page = self.main.page(key)
            rows += [(title, what, keys) for what, keys in shortcuts_of(page)]
        return rows

    def open_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.shortcut_rows(), self.window_of_main())
        dialog.finished.connect(dialog.deleteLater)
        self.shortcuts = dialog
        dialog.open()
        return dialog
