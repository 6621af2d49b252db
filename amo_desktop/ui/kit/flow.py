"""A row of buttons and filters that wraps onto a next line on a narrow (or scaled) screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right at their preferred width, a new line when the next does not fit;
    the items that may grow (a search field, a stretch) share what is left of their line.
    Side by side columns (widgets that may grow down) start at the top of their line.

    It takes the calls a filter row makes on a QHBoxLayout: `addWidget(widget, stretch)`,
    `addSpacing(width)` and `addStretch()` (a stretch pushes what follows to the line's end).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._grows: dict[int, int] = {}  # id(item) -> stretch
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # --- what a QHBoxLayout row offers ----------------------------------------------------
    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        super().addWidget(widget)
        if stretch:
            self._grows[id(self._items[-1])] = stretch

    def addSpacing(self, width: int) -> None:
        self.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Fixed))

    def addStretch(self, stretch: int = 1) -> None:
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding))
        self._grows[id(self._items[-1])] = stretch

    # --- QLayout --------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._grows.pop(id(item), None)
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest single item: the rest goes onto more lines."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # --- placing --------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty() or item.spacerItem()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            wanted = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + wanted > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + wanted
            lines[-1].append(item)
        return lines

    @staticmethod
    def _cell(item: QLayoutItem, x: int, y: int, width: int, line_height: int) -> QRect:
        """A column that may grow down fills its line's height; a button or field is centred
        on the line."""
        if item.expandingDirections() & Qt.Orientation.Vertical:
            return QRect(x, y, width, line_height)
        height = min(item.sizeHint().height(), line_height)
        return QRect(QPoint(x, y + (line_height - height) // 2), QSize(width, height))

    def _place(self, rect: QRect, move: bool) -> int:
        """Lays the items out in `rect` (when `move`); returns the height they take."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = inner.y()
        for line in self._lines(inner.width()):
            widths = [min(item.sizeHint().width(), inner.width()) for item in line]
            left = inner.width() - sum(widths) - self.spacing() * (len(line) - 1)
            stretches: list[int] = [self._grows.get(id(item), 0) for item in line]
            total = sum(stretches)
            if left > 0 and total:
                widths = [w + left * s // total for w, s in zip(widths, stretches, strict=True)]
            height = max((item.sizeHint().height() for item in line), default=0)
            x = inner.x()
            for item, item_width in zip(line, widths, strict=True):
                if move:
                    item.setGeometry(self._cell(item, x, y, item_width, height))
                x += item_width + self.spacing()
            y += height + self.spacing()
        return y - self.spacing() - inner.y() + margins.top() + margins.bottom()


def together(label: QWidget, field: QWidget) -> QWidget:
    """A label and its field that wrap as one, so a label never ends a line and its field
    starts the next; the field takes the room the pair gets."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(label)
    row.addWidget(field, 1)
    return box
