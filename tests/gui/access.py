"""What a screen reader, a keyboard user or a high-contrast palette needs from a window: a name
for every input, a buddy for every form label, focus on every input, no fixed colours, and no
Alt+letter that two things on screen answer to."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.gui.fit import describe, shown_widgets

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QAbstractItemView)
# Qt's own parts of these widgets are named by Qt (or are not inputs of their own).
QT_PARTS = (QAbstractSpinBox, QComboBox, QCalendarWidget, QAbstractItemView, QTabBar)
# A background colour in a style sheet that is not one of the palette's roles.
FIXED_BACKGROUND = re.compile(r"background(-color)?\s*:\s*(?!palette\()[^;]+", re.IGNORECASE)
MNEMONIC = re.compile(r"&([^&\s])")


def inputs_of(top: QWidget) -> list[QWidget]:
    """The visible inputs of the window `top`: fields, lists, buttons without text."""
    found = []
    for widget in shown_widgets(top, QT_PARTS):
        is_input = isinstance(widget, INPUTS)
        if isinstance(widget, QAbstractButton):
            is_input = not widget.text()
        if is_input:
            found.append(widget)
    return found


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for `widget`: its accessible name, else its buddy's text."""
    if widget.accessibleName():
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unbuddied_labels(top: QWidget) -> list[str]:
    """Labels in a form's label column that move focus nowhere."""
    found = []
    for form in top.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = item.widget() if item is not None else None
            field_widget = field.widget() if field is not None else None
            if not isinstance(label, QLabel) or not label.text() or not label.isVisible():
                continue
            labels_an_input = field_widget is not None and not isinstance(
                field_widget, QLabel | QAbstractButton
            )
            if labels_an_input and label.buddy() is None:
                found.append(f"{describe(label)}: a form label without a buddy")
    return found


def access_problems(top: QWidget) -> list[str]:
    problems = []
    for widget in inputs_of(top):
        if not spoken_name(widget).strip():
            problems.append(f"{describe(widget)}: no accessible name")
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and widget.isEnabled():
            problems.append(f"{describe(widget)}: cannot get focus")
    problems += unbuddied_labels(top)
    for widget in [top, *top.findChildren(QWidget)]:
        if isinstance(widget, INPUTS) and FIXED_BACKGROUND.search(widget.styleSheet()):
            problems.append(f"{describe(widget)}: a fixed background colour")
    app = QApplication.instance()
    sheet = app.styleSheet() if isinstance(app, QApplication) else ""
    if FIXED_BACKGROUND.search(sheet):
        problems.append("the application's style sheet fixes a background colour")
    return problems


def _mnemonic_texts(widget: QWidget) -> list[str]:
    """The texts with an Alt+letter that WIDGET answers to (a disabled button will, later)."""
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLabel):
        buddy = widget.buddy()
        return [widget.text()] if buddy is not None and buddy.isVisible() else []
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    if isinstance(widget, QMenuBar):
        return [action.text() for action in widget.actions() if action.isVisible()]
    return []


def mnemonic_clashes(top: QWidget) -> list[str]:
    """Alt+letters that two visible buttons, labels, tabs or menus share: Qt then moves the
    focus between them instead of doing what either says."""
    owners: dict[str, list[str]] = defaultdict(list)
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        for text in _mnemonic_texts(widget):
            found = MNEMONIC.search(text.replace("&&", ""))
            if found:
                owners[found.group(1).casefold()].append(text)
    return [
        f"Alt+{letter.upper()}: {' / '.join(texts)}"
        for letter, texts in sorted(owners.items())
        if len(texts) > 1
    ]
