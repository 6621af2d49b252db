"""What a school laptop's screen shows badly: a window larger than the screen, widgets squeezed
under their minimum, clipped text, horizontal scrollbars in forms, overlapping neighbours.

Run as a program (`python -m tests.gui.fit WIDTH HEIGHT [FOLDER]`, QT_SCALE_FACTOR in the
environment, which must be set before Qt starts): it walks every page and dialog of a demo vault
(tour.py; in FOLDER when given, where `tour.make_demo` made it, else made in a temporary folder)
and prints the problems as JSON, one "screen: widget: problem" line each.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QTabBar,
    QWidget,
)

SLACK = 1  # pixels of rounding at fractional scale factors
# Qt's own parts inside these are sized by the style: cells and headers clip by design, and a
# tab bar too narrow for its tabs scrolls them with small arrow buttons.
INSIDES = (QAbstractItemView, QCalendarWidget, QAbstractSpinBox, QComboBox, QTabBar)


def describe(widget: QWidget) -> str:
    """Class, object name and text: enough to find the widget in the code."""
    name = widget.objectName()
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    parts = [type(widget).__name__]
    if name and not name.startswith("qt_"):
        parts.append(f"#{name}")
    if text:
        parts.append(repr(text[:40]))
    return " ".join(parts)


def ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    """The widgets between `widget` and its window `top`."""
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def shown_widgets(top: QWidget, insides: tuple[type, ...] = INSIDES) -> list[QWidget]:
    """The visible widgets of the window `top`, without the insides of lists and tables (their
    headers and cells clip by design), of spin boxes, combos, tab bars and calendars."""
    return [
        widget
        for widget in top.findChildren(QWidget)
        if widget.window() is top
        and widget.isVisible()
        and not any(isinstance(parent, insides) for parent in ancestors(widget, top))
    ]


def required_size(widget: QWidget) -> QSize:
    """The size a layout never goes under for `widget` (Qt's qSmartMinSize, simplified)."""
    hint = widget.minimumSizeHint()
    policy = widget.sizePolicy()
    width = widget.minimumWidth() or hint.width()
    height = widget.minimumHeight() or hint.height()
    if policy.horizontalPolicy() == QSizePolicy.Policy.Ignored and not widget.minimumWidth():
        width = 0
    if policy.verticalPolicy() == QSizePolicy.Policy.Ignored and not widget.minimumHeight():
        height = 0
    return QSize(width, height).boundedTo(widget.maximumSize())


def plain_text(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def text_problem(widget: QWidget) -> str | None:
    """A one-line label or button whose text is wider than the room it has."""
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text() or Qt.mightBeRichText(widget.text()):
            return None
        room = widget.contentsRect().width() - 2 * widget.margin() - max(widget.indent(), 0)
    elif isinstance(widget, QAbstractButton):
        if not widget.text():
            return None
        room = widget.contentsRect().width()
    else:
        return None
    metrics = QFontMetrics(widget.font())
    needed = max(metrics.horizontalAdvance(line) for line in plain_text(widget.text()).split("\n"))
    if needed > room + SLACK:
        return f"text {needed} px wide in {room} px"
    return None


def laid_out_children(parent: QWidget) -> list[QWidget]:
    """The visible child widgets that `parent`'s layout (and its sub-layouts) places."""
    found: list[QWidget] = []

    def walk(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            child = item.widget()
            if child is not None:
                if child.isVisible() and not child.isWindow():
                    found.append(child)
            elif item.layout() is not None:
                walk(item.layout())

    if parent.layout() is not None:
        walk(parent.layout())
    return found


def overlaps(parent: QWidget) -> list[str]:
    children = laid_out_children(parent)
    found = []
    for number, first in enumerate(children):
        for second in children[number + 1 :]:
            common: QRect = first.geometry().intersected(second.geometry())
            if common.width() > SLACK and common.height() > SLACK:
                found.append(f"{describe(first)} overlaps {describe(second)}")
    return found


def fit_problems(top: QWidget, limit: QSize) -> list[str]:
    """Every way `top` (a window or dialog) does not fit a screen with `limit` room."""
    problems = []
    if top.width() > limit.width() + SLACK or top.height() > limit.height() + SLACK:
        problems.append(
            f"window {top.width()}x{top.height()} larger than the screen's "
            f"{limit.width()}x{limit.height()} (minimum {top.minimumSizeHint().width()}x"
            f"{top.minimumSizeHint().height()})"
        )
    for widget in shown_widgets(top):
        need = required_size(widget)
        if widget.width() + SLACK < need.width() or widget.height() + SLACK < need.height():
            problems.append(
                f"{describe(widget)}: {widget.width()}x{widget.height()} under its minimum "
                f"{need.width()}x{need.height()}"
            )
        text = text_problem(widget)
        if text:
            problems.append(f"{describe(widget)}: {text}")
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{describe(widget)}: horizontal scrollbar in a form")
        problems += overlaps(widget)
    return problems + overlaps(top)


def main(width: int, height: int, demo: str | None = None) -> int:
    from tests.gui.tour import Screen, Tour, demo_context

    app = QApplication([])
    screen = Screen(width, height, float(os.environ.get("QT_SCALE_FACTOR", "1")))
    report: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        tour = Tour(demo_context(Path(demo or folder)), screen)
        limit = screen.window_size()
        try:
            for name, top in tour.stops():
                report += [f"{name}: {problem}" for problem in fit_problems(top, limit)]
        finally:
            tour.close()
    print(json.dumps(report))
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:4]))
