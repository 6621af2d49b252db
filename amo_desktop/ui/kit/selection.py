"""A list's selection stays on the record acted on while its rows change, or clears: never the next row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, QObject
from PySide6.QtWidgets import QAbstractItemView

Find = Callable[[str], QModelIndex]  # a record's id -> its index in the view's model


class SelectionKeeper(QObject):
    """Qt moves the selection to the neighbouring row when the selected row goes (after an
    assignment the next pupil would be selected, its buttons enabled). This notes the ids of
    the selected records just before the rows change and, after, selects them again where they
    still are, or else clears the selection and the current row.

    It must hear the "about to change" signals before the view does, so `set_model` connects
    them before the view gets its model, and the "changed" ones after the view's own."""

    def __init__(self, view: QAbstractItemView, model: QAbstractItemModel, role: int, find: Find):
        super().__init__(view)
        self.view = view
        self.model = model
        self.role = role
        self.find = find
        self._before: list[str] | None = None  # the selected ids while the rows change
        for about in (
            model.rowsAboutToBeRemoved,
            model.layoutAboutToBeChanged,
            model.modelAboutToBeReset,
        ):
            about.connect(self._note)

    def connect_after(self) -> None:
        for changed in (self.model.rowsRemoved, self.model.layoutChanged, self.model.modelReset):
            changed.connect(self._restore)

    def selected_ids(self) -> list[str]:
        selection = self.view.selectionModel()
        if selection is None:
            return []
        return [str(index.data(self.role)) for index in selection.selectedRows()]

    def _note(self, *_args: object) -> None:
        if self._before is None:
            self._before = self.selected_ids()

    def _restore(self, *_args: object) -> None:
        before, self._before = self._before, None
        selection = self.view.selectionModel()
        if before is None or selection is None:
            return
        if self.selected_ids() == before:
            return  # the usual case: the rows moved or others went, the selection is right
        found = [index for index in map(self.find, before) if index.isValid()]
        if not found:
            selection.clear()  # the record left the list: nothing selected, nothing current
            return
        flags = QItemSelectionModel.SelectionFlag
        selection.select(found[0], flags.ClearAndSelect | flags.Rows)
        for index in found[1:]:
            selection.select(index, flags.Select | flags.Rows)
        selection.setCurrentIndex(found[0], flags.NoUpdate)


def set_model(view: QAbstractItemView, model: QAbstractItemModel, role: int, find: Find) -> None:
    """`view.setModel(model)` with a `SelectionKeeper` that finds records by their id (`role`)."""
    keeper = SelectionKeeper(view, model, role, find)
    view.setModel(model)
    keeper.connect_after()
