"""Column widths a user can change on a narrow screen: starting widths and a stretch column with a floor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from amo_desktop.ui.kit.tables import RecordModel


def size_columns(view: QTableView, model: RecordModel, stretch: int | None = None) -> None:
    """Columns the user can widen, starting at their `Column.width`; column `stretch`, or
    else the last one, takes the room that is left (a `stretch` column with a width of its
    own never less than that width)."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        if model.columns[stretch].width:
            StretchFloor(view, stretch, model.columns[stretch].width)
    for number, column in enumerate(model.columns):
        if column.width and number != stretch:
            view.setColumnWidth(number, column.width)


class StretchFloor(QObject):
    """Column `column` of `view` takes the room the others leave, but not under `floor`
    pixels: on a narrow screen it keeps `floor` and the table scrolls sideways, instead of a
    wrapped text making every row a tower."""

    def __init__(self, view: QTableView, column: int, floor: int) -> None:
        super().__init__(view)
        self.view = view
        self.column = column
        self.floor = floor
        view.viewport().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, section: int, _old: int, _new: int) -> None:
        if section != self.column:
            self.fit()

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        others = sum(
            header.sectionSize(n)
            for n in range(header.count())
            if n != self.column and not header.isSectionHidden(n)
        )
        stretch = self.view.viewport().width() - others >= self.floor
        mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(self.column) != mode:
            header.setSectionResizeMode(self.column, mode)
            if not stretch:  # the user may widen it from there
                header.resizeSection(self.column, self.floor)
