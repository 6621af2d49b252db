"""Table models and views every list in the program shares: merge by id, sort in Python, filter in one pass."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
)

from amo_desktop.ui.kit.clipboard import install_copy_action
from amo_desktop.ui.kit.selection import set_model
from amo_desktop.ui.kit.text import fill

AnyIndex = QModelIndex | QPersistentModelIndex


SEARCH_DELAY_MS = 150  # typing filters once the keys pause, not on every key of a word


def show_list_state(
    count_label: QLabel,
    empty_hint: QLabel,
    proxy: QSortFilterProxyModel,
    loaded: bool,
    texts: tuple[str, str, str, str, str],
) -> None:
    """The count above a list and the hint when it is empty, the same on every list page:
    the rows `proxy` shows of all its source model's rows.

    texts (already translated): "%1 …", "%1 van %2 …", loading, nothing yet, nothing matches.
    """
    shown, total = proxy.rowCount(), proxy.sourceModel().rowCount()
    all_of, some_of, loading, nothing, no_match = texts
    count_label.setText(fill(all_of, total) if shown == total else fill(some_of, shown, total))
    hint = loading if not loaded else nothing if total == 0 else no_match if shown == 0 else ""
    empty_hint.setText(hint)
    empty_hint.setVisible(bool(hint))


def setup_table(table: QTableView, model: QSortFilterProxyModel, name: str) -> None:
    """A read-only, row-selecting, sortable table on a proxy that sorts on native values;
    when its rows change, the selection stays on its record or clears (`SelectionKeeper`)."""
    table.setObjectName(name)
    set_model(table, model, RecordModel.ID_ROLE, lambda key: index_of(model, key))
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
    install_copy_action(table)  # Ctrl+C copies the row, cleared after 30 s (R10)


@dataclass(frozen=True)
class Column:
    """One column of a RecordModel: its title, the text of a record and, when that text does
    not sort right (dates, numbers), the native value to sort on. Texts sort casefolded."""

    title: str
    text: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    width: int = 0  # pixels a view starts it at (`columns.size_columns`); 0: Qt's own


class RecordModel(QAbstractTableModel):
    """Rows are frozen records with an id. `set_records` merges by id: changed rows emit
    dataChanged, new rows are inserted (in one batch), gone rows removed; nothing is reset.

    Sorting happens here, in Python, on one `sort_key` per row (`sort`); a proxy over this
    model then only filters (`RecordFilter`). QSortFilterProxyModel's own sort would call
    `data()` twice per comparison: seconds for the 15,000 referrals of a big vault.

    The columns are said in one of two ways. `Column`s: passed in (`columns=`, titles already
    translated) or declared as the class's `COLUMNS` (titles are source texts, translated in
    the context `CONTEXT`, the class name by default). Or a subclass names its columns (COL_*
    constants, COLUMN_COUNT) and gives `headers`, `display` and `sort_key` itself.
    Records without an `id` name theirs with `key=`.
    """

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
    ID_ROLE = Qt.ItemDataRole.UserRole + 3
    COLUMN_COUNT = 0
    COLUMNS: Sequence[Column] = ()
    KEEP_TEXTS = False  # True: a cell's text depends on its record alone, so it is kept
    CONTEXT = ""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        columns: Sequence[Column] | None = None,
        key: Callable[[Any], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._texts: dict[str, tuple[Any, str]] = {}  # id -> (record, its search text)
        self.version = 0  # goes up with every change to the rows or their texts
        self.texts_version = 0  # goes up when the texts change but the records do not
        self._row_texts: tuple[int, list[str]] | None = None  # (version, search_texts())
        self._cells: dict[int, tuple[Any, list[Any]]] = {}  # id(record) -> (record, texts)
        self._key = key
        self._titles_translated = columns is not None
        self.columns: list[Column] = []
        self._use_columns(columns if columns is not None else self.COLUMNS)

    def _use_columns(self, columns: Sequence[Column]) -> None:
        self.columns = list(columns)
        if self.columns:
            self.COLUMN_COUNT = len(self.columns)

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Other columns (already translated), the same rows: the views start again."""
        self.beginResetModel()
        self._titles_translated = True
        self.columns = list(columns)
        self.COLUMN_COUNT = len(self.columns)
        self._texts.clear()
        self._cells.clear()
        self.version += 1
        self.texts_version += 1
        self.endResetModel()

    # --- subclass hooks (the Column versions unless a subclass overrides them) --------------
    def headers(self) -> Sequence[str]:
        if self._titles_translated:
            return [c.title for c in self.columns]
        context = self.CONTEXT or type(self).__name__
        return [QCoreApplication.translate(context, c.title) for c in self.columns]

    def display(self, record: Any, column: int) -> Any:
        value = self.columns[column].text(record)
        return "" if value is None else str(value)

    def sort_key(self, record: Any, column: int) -> Any:
        if not self.columns:
            return self.display(record, column)
        spec = self.columns[column]
        value = (spec.sort or spec.text)(record)
        return value.casefold() if isinstance(value, str) else value

    def record_id(self, record: Any) -> str:
        return str(record.id if self._key is None else self._key(record))

    def extra(self, record: Any, column: int, role: int) -> Any:
        """Other roles (tooltips, alignment, colours); None by default."""
        return None

    # --- searching ------------------------------------------------------------------------
    def search_text(self, record: Any) -> str:
        """Every column's text in one casefolded string, made once per record (a filter
        reads it for every row at each keystroke)."""
        key = self.record_id(record)
        known = self._texts.get(key)
        if known is not None and known[0] is record:
            return known[1]
        text = " ".join(
            str(self.display(record, c) or "") for c in range(self.COLUMN_COUNT)
        ).casefold()
        self._texts[key] = (record, text)
        return text

    def prepare_texts_soon(self, step: int = 2000) -> None:
        """Make the search texts STEP rows at a time from the event loop: a long list paints
        first and stays responsive, and the first keystroke is then as quick as the rest."""
        version = self.version

        def more(start: int) -> None:
            rows = self._rows
            if self.version != version:  # the rows changed: a keystroke makes what it needs
                return
            for record in rows[start : start + step]:
                self.search_text(record)
            if start + step < len(rows):
                QTimer.singleShot(0, self, lambda: more(start + step))

        QTimer.singleShot(0, self, lambda: more(0))

    @property
    def texts_ready(self) -> bool:
        """Whether every row's search text is made (prepare_texts_soon is done)."""
        return len(self._texts) >= len(self._rows)

    def search_texts(self) -> list[str]:
        """Every row's search text in row order, kept until the rows change."""
        if self._row_texts is None or self._row_texts[0] != self.version:
            self._row_texts = (self.version, [self.search_text(r) for r in self._rows])
        return self._row_texts[1]

    def forget_texts(self) -> None:
        """The displayed texts changed without the records changing (e.g. names arrived)."""
        self._texts.clear()
        self._cells.clear()
        self.version += 1
        self.texts_version += 1

    # --- changing the rows ----------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        if not self._rows:  # the first load: nothing to merge with, and it arrives in order
            self._texts.clear()
            self._cells.clear()
            self._append(self._sorted(records))
            return
        wanted = {self.record_id(r) for r in records}
        self._remove_rows([i for i, r in enumerate(self._rows) if self.record_id(r) not in wanted])
        if len(self._texts) > len(wanted):
            self._texts = {k: v for k, v in self._texts.items() if k in wanted}
        if len(self._cells) > len(records):
            kept = {id(r) for r in records}
            self._cells = {k: v for k, v in self._cells.items() if k in kept}
        position = {self.record_id(r): i for i, r in enumerate(self._rows)}
        added: list[Any] = []
        changed: list[int] = []
        for record in records:
            row = position.get(self.record_id(record))
            if row is None:
                added.append(record)
            elif self._rows[row] != record:
                self.version += 1
                self._rows[row] = record
                changed.append(row)
        for first, last in _runs(sorted(changed)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMN_COUNT - 1))
        if added and not self._rows:
            self._append(self._sorted(added))  # arrives in order: no re-sort after
            return
        self._append(added)
        self.resort()

    def upsert(self, record: Any) -> None:
        """One record changed or was added (after a save)."""
        row = self.row_of(self.record_id(record))
        if row < 0:
            self._append([record])
        else:
            self.version += 1
            self._rows[row] = record
            self._changed(row)
        self.resort()

    def remove(self, record_id: str) -> None:
        """One record is gone (after a delete)."""
        row = self.row_of(record_id)
        if row >= 0:
            self._remove_rows([row])

    def _remove_rows(self, rows: list[int]) -> None:
        """Remove rows (ascending numbers), each consecutive run in one go, from the end so
        the numbers still to do stay valid."""
        for first, last in reversed(_runs(rows)):
            self.version += 1
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def _append(self, records: Sequence[Any]) -> None:
        if not records:
            return
        row = len(self._rows)
        self.version += 1
        self.beginInsertRows(QModelIndex(), row, row + len(records) - 1)
        self._rows.extend(records)
        self.endInsertRows()

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def records(self) -> list[Any]:
        return list(self._rows)

    def records_view(self) -> Sequence[Any]:
        """The rows in their order, not copied: read them at once, do not keep them."""
        return self._rows

    def record_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        for row, record in enumerate(self._rows):
            if self.record_id(record) == record_id:
                return row
        return -1

    # --- sorting --------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on `sort_key` and keep it sorted through later changes; column -1: as loaded.
        Stable, like Qt's own sort: equal keys keep their order."""
        self._sort_column, self._sort_order = column, order
        self.resort()

    def _sort_keys(self, records: Sequence[Any]) -> list[tuple[int, Any]]:
        column = self._sort_column
        if self.columns and type(self).sort_key is RecordModel.sort_key:
            spec = self.columns[column]  # `sort_key` inlined: one call per row, not three
            values = list(map(spec.sort or spec.text, records))
            keys = [v.casefold() if isinstance(v, str) else v for v in values]
        else:
            keys = [self.sort_key(record, column) for record in records]
        return [(1, 0) if k is None else (0, k) for k in keys]  # like Qt: no value sorts last

    def _sorted_order(self, records: Sequence[Any]) -> list[int]:
        keys = self._sort_keys(records)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(records)), key=keys.__getitem__, reverse=descending)

    def _sorted(self, records: Sequence[Any]) -> list[Any]:
        if self._sort_column < 0:
            return list(records)
        return [records[i] for i in self._sorted_order(records)]

    def resort(self) -> None:
        """Put the rows back in order after a change the model did not make itself."""
        if self._sort_column < 0 or len(self._rows) < 2:
            return
        order = self._sorted_order(self._rows)
        if all(old == new for new, old in enumerate(order)):
            return  # already in order: no layout change for the views
        self.version += 1
        self.layoutAboutToBeChanged.emit()
        new_row = [0] * len(order)
        for new, old in enumerate(order):
            new_row[old] = new
        self._rows = [self._rows[i] for i in order]
        before = self.persistentIndexList()
        after = [self.index(new_row[i.row()], i.column()) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # --- the model interface --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.headers()
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every role of every painted or measured cell: plain int comparisons
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        record = self._rows[row]
        column = index.column()
        role = int(role)
        if role == _DISPLAY:
            return self._shown(record, column) if self.KEEP_TEXTS else self.display(record, column)
        if role == _SORT:
            return self.sort_key(record, column)
        if role == _OBJECT:
            return record
        if role == _ID:
            return self.record_id(record)
        return self.extra(record, column, role)

    def _shown(self, record: Any, column: int) -> Any:
        """`display`, kept per record until its texts are forgotten (a view asks each cell's
        text again for every paint, size hint and tooltip)."""
        known = self._cells.get(id(record))
        if known is None or known[0] is not record:
            known = (record, [_UNSET] * self.COLUMN_COUNT)
            self._cells[id(record)] = known
        cells = known[1]
        value = cells[column]
        if value is _UNSET:
            value = cells[column] = self.display(record, column)
        return value


# the roles under their old names, for the pages that import them
SORT_ROLE = RecordModel.SORT_ROLE
OBJECT_ROLE = RecordModel.OBJECT_ROLE
ID_ROLE = RecordModel.ID_ROLE
_DISPLAY, _SORT = int(Qt.ItemDataRole.DisplayRole), int(SORT_ROLE)
_OBJECT, _ID = int(OBJECT_ROLE), int(ID_ROLE)
_UNSET = object()  # a cell whose text is not made yet


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class RecordFilter(QSortFilterProxyModel):
    """A filter over a RecordModel that reads the records themselves, never `data()`, and
    leaves sorting to the model (`RecordModel.sort`), so it keeps the model's order.

    When the conditions change (`refilter`), every row is judged in one pass in Python, the
    search words against the model's ready-made texts, and the views get one layout change,
    not a signal for each run of rows that hides or shows: that keeps typing in the 15,000
    referrals of a big vault quick. The verdicts belong to the records, so they hold when the
    model sorts; records the model adds or replaces later are judged one by one.

    `words` must all occur in a row's text; subclasses add exact conditions with `narrows`
    (any set?) and `accepts` (does this record pass them?).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self._records: RecordModel | None = None
        self._judged: dict[int, Any] = {}  # id(record) -> record, for every record judged
        self._accepted: set[int] = set()  # id(record) of those that passed
        self._made: tuple[list[Any], list[bool]] | None = None  # (rows, verdicts) not yet in those
        self._texts_version = -1  # the model's texts_version the verdicts were made with
        self._by_row: list[bool] | None = None  # the verdict per row, within `refilter`
        self._open = True  # no condition at the last refilter: rows arriving all pass

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self._records = model if isinstance(model, RecordModel) else None
        self._judged, self._accepted, self._made = {}, set(), None
        super().setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._records is None:
            super().sort(column, order)
        else:
            self._records.sort(column, order)

    # --- subclass hooks -------------------------------------------------------------------
    def narrows(self) -> bool:
        """Whether any condition besides the search words is set."""
        return False

    def accepts(self, record: Any) -> bool:
        """Whether the record passes the conditions besides the search words."""
        return True

    # --- filtering ------------------------------------------------------------------------
    def refilter(self) -> None:
        """Apply changed conditions to every row."""
        records = self._records
        self._open = not self.words and not self.narrows()
        if records is not None:
            judged = self._judge(records)
            self._made = (list(records.records_view()), judged)  # the lookups: when needed
            self._texts_version = records.texts_version
            self._by_row = judged
        self.invalidate()  # not sorting itself, this only filters again
        self._by_row = None

    def _verdicts(self) -> tuple[dict[int, Any], set[int]]:
        """The verdicts of the last refilter by record, made from its rows the first time a
        row is judged outside it (a keystroke does not pay for them)."""
        if self._made is not None:
            rows, judged = self._made
            self._made = None
            self._judged = {id(r): r for r in rows}  # holding the record keeps its id its own
            self._accepted = {id(r) for r, v in zip(rows, judged, strict=True) if v}
        return self._judged, self._accepted

    def _judge(self, records: RecordModel) -> list[bool]:
        rows = records.records_view()
        verdicts = [self.accepts(r) for r in rows] if self.narrows() else [True] * len(rows)
        words = self.words
        if len(words) == 1:
            word = words[0]
            verdicts = [
                v and word in t for v, t in zip(verdicts, records.search_texts(), strict=True)
            ]
        elif words:
            verdicts = [
                v and all(w in t for w in words)
                for v, t in zip(verdicts, records.search_texts(), strict=True)
            ]
        return verdicts

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        judged = self._by_row
        if judged is not None:  # within refilter: the verdicts by row, no lookups
            return judged[source_row]
        records = self._records
        if records is None:
            return super().filterAcceptsRow(source_row, source_parent)
        if self._open:  # nothing set (a flag: this runs for each of 16k rows loaded)
            return True
        record = records.record_at(source_row)
        if record is None:
            return False
        key = id(record)
        judged_records, accepted = self._verdicts()
        if self._texts_version == records.texts_version and judged_records.get(key) is record:
            return key in accepted
        return self.accepts(record) and self.matches_words(record)

    def matches_words(self, record: Any) -> bool:
        if not self.words:
            return True
        assert self._records is not None
        text = self._records.search_text(record)
        return all(word in text for word in self.words)


def table_view(
    model: RecordModel,
    name: str,
    stretch: int = 0,
    sort_column: int | None = 0,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    proxy: QSortFilterProxyModel | None = None,
) -> QTableView:
    """A small list's table: `setup_table` over `proxy` (a `RecordFilter` by default), sorted
    on `sort_column` (None: as Qt starts a sortable view), the columns as wide as their texts
    but `stretch`, which takes the room left."""
    if proxy is None:
        proxy = RecordFilter(model)
        proxy.setSourceModel(model)
    view = QTableView()
    setup_table(view, proxy, name)
    if sort_column is not None:
        view.sortByColumn(sort_column, order)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def sorted_table(
    model: RecordModel,
    name: str,
    stretch: int,
    sort_column: int | None = None,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> tuple[QTableView, QSortFilterProxyModel]:
    """`table_view` over a Qt proxy that sorts the view on `sort_key` (SORT_ROLE) while the
    model keeps the order it was loaded in; the view and that proxy."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return table_view(model, name, stretch, sort_column, order, proxy), proxy


def index_of(model: QAbstractItemModel, key: str) -> QModelIndex:
    """Where the record with id `key` is in a RecordModel or a proxy over one (invalid when
    it is not there, or filtered out)."""
    if isinstance(model, RecordModel):
        row = model.row_of(key)
        return model.index(row, 0) if row >= 0 else QModelIndex()
    if isinstance(model, QSortFilterProxyModel):
        found = index_of(model.sourceModel(), key)
        return model.mapFromSource(found) if found.isValid() else QModelIndex()
    return QModelIndex()


def selected_records(view: QTableView) -> list[Any]:
    """The records of the selected rows, in the order they were selected."""
    model = view.model()
    return [model.data(i, RecordModel.OBJECT_ROLE) for i in view.selectionModel().selectedRows()]


def selected_record(view: QTableView) -> Any:
    """The record of the (first) selected row, or None."""
    chosen = selected_records(view)
    return chosen[0] if chosen else None
