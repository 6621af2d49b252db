"""Aanmeldingen: the searchable list, the detail with its history, and moving a referral along.

The page only wires: every read and change is one service call on the DB worker (STYLE.md
example 2). Refreshes merge rows by id, so the selection and scroll position stay put.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import (
    Function,
    LabeledEnum,
    NoStartReason,
    OfferType,
    PreventionLevel,
    ReferralReason,
    ReferralStatus,
    Urgency,
)
from amo_desktop.domain.rules import OPEN_STATUSES
from amo_desktop.errors import KnownError
from amo_desktop.services import accounts, intake, reference
from amo_desktop.services.authz import TEAMLEADER_ROLES
from amo_desktop.services.intake import ReferralDetail, ReferralSummary, TransitionInfo
from amo_desktop.ui.clipboard import copy_action_of, install_copy_action
from amo_desktop.ui.context import DATE_FORMAT, AppContext
from amo_desktop.ui.forms import FieldErrors

AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3

QT_DATE_FORMAT = "dd/MM/yyyy"
OPEN = "*open"  # the status filter's "all open ones"
SEARCH_DELAY_MS = 150  # typing filters once the keys pause, not on every key of a word
TITLE_STYLE = "font-size: 16pt; font-weight: bold;"
HINT_STYLE = "color: palette(dark); font-style: italic;"

# Statuses that belong to another screen: assigning starts a trajectory (Wachtlijst), starting
# and closing are done on the trajectory (Trajecten). The detail does not offer them directly.
_VIA_TRAJECTORY = {ReferralStatus.GESTART.value, ReferralStatus.AFGESLOTEN.value}


def format_date(day: date | None) -> str:
    return day.strftime(DATE_FORMAT) if day else ""


def label_of(enum: type[LabeledEnum], code: str | None) -> str:
    """The Dutch label of a code; the code itself if it is unknown (never crash on old data)."""
    if not code:
        return ""
    return _label(enum, code)


@functools.cache
def _label(enum: type[LabeledEnum], code: str) -> str:
    """Labels are constants: looked up once per code (a list shows thousands of rows)."""
    try:
        return enum(code).label
    except ValueError:
        return code


def fill_combo(combo: QComboBox, enum: type[LabeledEnum], selected: str | None = None) -> None:
    for member in enum:
        combo.addItem(member.label, member.value)
    if selected is not None:
        combo.setCurrentIndex(max(0, combo.findData(selected)))


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat(QT_DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    return edit


def date_of(edit: QDateEdit) -> date:
    qdate = edit.date()
    return date(qdate.year(), qdate.month(), qdate.day())


def show_list_state(
    count_label: QLabel,
    empty_hint: QLabel,
    shown: int,
    total: int,
    loaded: bool,
    texts: tuple[str, str, str, str, str],
) -> None:
    """The count above a list and the hint when it is empty, the same on every list page.

    texts (already translated): "%1 …", "%1 van %2 …", loading, nothing yet, nothing matches.
    """
    all_of, some_of, loading, nothing, no_match = texts
    count_label.setText(
        all_of.replace("%1", str(total))
        if shown == total
        else some_of.replace("%1", str(shown)).replace("%2", str(total))
    )
    hint = loading if not loaded else nothing if total == 0 else no_match if shown == 0 else ""
    empty_hint.setText(hint)
    empty_hint.setVisible(bool(hint))


def setup_table(table: QTableView, model: QSortFilterProxyModel, name: str) -> None:
    """A read-only, row-selecting, sortable table on a proxy that sorts on native values."""
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
    install_copy_action(table)  # Ctrl+C copies the row, cleared after 30 s (R10)


class RecordModel(QAbstractTableModel):
    """Rows are frozen records with an id. `set_records` merges by id: changed rows emit
    dataChanged, new rows are inserted (in one batch), gone rows removed; nothing is reset.

    Sorting happens here, in Python, on one `sort_key` per row (`sort`); a proxy over this
    model then only filters (`RecordFilter`). QSortFilterProxyModel's own sort would call
    `data()` twice per comparison: seconds for the 15,000 referrals of a big vault.

    Subclasses name their columns (COL_* constants) and give `headers`, `display` and `sort_key`.
    """

    COLUMN_COUNT = 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._texts: dict[str, tuple[Any, str]] = {}  # id -> (record, its search text)
        self.version = 0  # goes up with every change to the rows or their texts
        self.texts_version = 0  # goes up when the texts change but the records do not
        self._row_texts: tuple[int, list[str]] | None = None  # (version, search_texts())

    # --- subclass hooks -------------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def display(self, record: Any, column: int) -> Any:
        raise NotImplementedError

    def sort_key(self, record: Any, column: int) -> Any:
        return self.display(record, column)

    def record_id(self, record: Any) -> str:
        return str(record.id)

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

    def search_texts(self) -> list[str]:
        """Every row's search text in row order, kept until the rows change."""
        if self._row_texts is None or self._row_texts[0] != self.version:
            self._row_texts = (self.version, [self.search_text(r) for r in self._rows])
        return self._row_texts[1]

    def forget_texts(self) -> None:
        """The displayed texts changed without the records changing (e.g. names arrived)."""
        self._texts.clear()
        self.version += 1
        self.texts_version += 1

    # --- changing the rows ----------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        wanted = {self.record_id(r) for r in records}
        self._remove_rows([i for i, r in enumerate(self._rows) if self.record_id(r) not in wanted])
        if len(self._texts) > len(wanted):
            self._texts = {k: v for k, v in self._texts.items() if k in wanted}
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
            added = self._sorted(added)  # the first load arrives in order: no re-sort after
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
        keys = []
        for record in records:
            key = self.sort_key(record, column)
            keys.append((1, 0) if key is None else (0, key))  # like Qt: no value sorts last
        return keys

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == SORT_ROLE:
            return self.sort_key(record, column)
        if role == OBJECT_ROLE:
            return record
        if role == ID_ROLE:
            return self.record_id(record)
        return self.extra(record, column, role)


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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self._records: RecordModel | None = None
        self._judged: dict[int, Any] = {}  # id(record) -> record, for every record judged
        self._accepted: set[int] = set()  # id(record) of those that passed
        self._texts_version = -1  # the model's texts_version the verdicts were made with

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self._records = model if isinstance(model, RecordModel) else None
        self._judged, self._accepted = {}, set()
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
        if records is not None:
            rows = records.records_view()
            verdicts = zip(rows, self._judge(records), strict=True)
            self._judged = {id(r): r for r in rows}  # holding the record keeps its id its own
            self._accepted = {id(r) for r, v in verdicts if v}
            self._texts_version = records.texts_version
        self.invalidate()  # not sorting itself, this only filters again

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
        records = self._records
        if records is None:
            return super().filterAcceptsRow(source_row, source_parent)
        record = records.record_at(source_row)
        if record is None:
            return False
        key = id(record)
        if self._texts_version == records.texts_version and self._judged.get(key) is record:
            return key in self._accepted
        return self.accepts(record) and self.matches_words(record)

    def matches_words(self, record: Any) -> bool:
        if not self.words:
            return True
        assert self._records is not None
        text = self._records.search_text(record)
        return all(word in text for word in self.words)


class ReferralsModel(RecordModel):
    """The referral summaries a caller may see."""

    COL_RECEIVED, COL_SUBJECT, COL_SCHOOL, COL_OFFER, COL_URGENCY, COL_STATUS = range(6)
    COLUMN_COUNT = 6

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Ontvangen"),
            self.tr("Onderwerp"),
            self.tr("School"),
            self.tr("Aanbod"),
            self.tr("Urgentie"),
            self.tr("Status"),
        )

    def display(self, r: ReferralSummary, column: int) -> Any:
        if column == self.COL_RECEIVED:
            return format_date(r.received_on)
        if column == self.COL_SUBJECT:
            return r.subject_label + (self.tr(" (heraanmelding)") if r.is_rereferral else "")
        if column == self.COL_SCHOOL:
            return r.school_name
        if column == self.COL_OFFER:
            return label_of(OfferType, r.offer_type)
        if column == self.COL_URGENCY:
            return label_of(Urgency, r.urgency)
        if column == self.COL_STATUS:
            return label_of(ReferralStatus, r.status)
        return None

    def sort_key(self, r: ReferralSummary, column: int) -> Any:
        if column == self.COL_RECEIVED:
            return r.received_on.toordinal()  # a native value; QVariant keeps ints exactly
        if column == self.COL_URGENCY:
            return _URGENCY_ORDER.get(r.urgency, 9)
        if column == self.COL_STATUS:
            return _STATUS_ORDER.get(r.status, 99)
        return str(self.display(r, column)).casefold()


_URGENCY_ORDER = {u.value: i for i, u in enumerate(Urgency)}
_STATUS_ORDER = {s.value: i for i, s in enumerate(ReferralStatus)}


class ReferralFilter(RecordFilter):
    """Status, school and school year as exact filters; the search words match any column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statuses: frozenset[str] | None = None
        self.school_id: str | None = None
        self.school_year: int | None = None

    def set_filters(
        self,
        statuses: frozenset[str] | None = None,
        school_id: str | None = None,
        school_year: int | None = None,
        search: str = "",
    ) -> None:
        self.statuses, self.school_id, self.school_year = statuses, school_id, school_year
        self.words = search.casefold().split()
        self.refilter()

    def narrows(self) -> bool:
        return self.statuses is not None or bool(self.school_id) or self.school_year is not None

    def accepts(self, r: ReferralSummary) -> bool:
        if self.statuses is not None and r.status not in self.statuses:
            return False
        if self.school_id and r.school_id != self.school_id:
            return False
        return self.school_year is None or (
            SchoolYear.of(r.received_on).start_year == self.school_year
        )


class HistoryModel(RecordModel):
    """A referral's status changes, oldest first: who, when, from, to and why."""

    COL_AT, COL_USER, COL_FROM, COL_TO, COL_REASON = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_names: dict[str, str] = {}

    def record_id(self, t: TransitionInfo) -> str:
        return f"{t.at.isoformat()}|{t.to_status}"

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Wanneer"),
            self.tr("Wie"),
            self.tr("Van"),
            self.tr("Naar"),
            self.tr("Reden"),
        )

    def display(self, t: TransitionInfo, column: int) -> Any:
        if column == self.COL_AT:
            return _local(t.at).strftime("%d/%m/%Y %H:%M")
        if column == self.COL_USER:
            return self.user_names.get(t.user_id or "", t.user_id or "")
        if column == self.COL_FROM:
            return label_of(ReferralStatus, t.from_status) or "—"
        if column == self.COL_TO:
            return label_of(ReferralStatus, t.to_status)
        if column == self.COL_REASON:
            return t.reason
        return None

    def sort_key(self, t: TransitionInfo, column: int) -> Any:
        if column == self.COL_AT:
            return _local(t.at).isoformat()
        return str(self.display(t, column)).casefold()

    def extra(self, t: TransitionInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_REASON and t.reason:
            return t.reason
        return None


def _local(at: Any) -> Any:
    """Stored stamps are UTC (naive from SQLite); show them in local time."""
    from datetime import UTC

    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone()


class TransitionDialog(QDialog):
    """Date, reason and (for 'niet gestart') the no-start reason; emits `submitted(dict)`."""

    submitted = Signal(dict)

    def __init__(
        self, ctx: AppContext, current: str, target: str, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.target = target
        self.setWindowTitle(self.tr("Status wijzigen"))
        intro = QLabel(
            self.tr("Van <b>%1</b> naar <b>%2</b>.")
            .replace("%1", label_of(ReferralStatus, current))
            .replace("%2", label_of(ReferralStatus, target))
        )
        self.on = date_edit(today)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Waarom? (komt in de geschiedenis)"))
        self.no_start = QComboBox()
        fill_combo(self.no_start, NoStartReason)
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Datum:"), "on", self.on)
        if target == ReferralStatus.NIET_GESTART.value:
            self.no_start.setCurrentIndex(-1)
            self.errors.add_row(
                form, self.tr("Reden &geen opstart:"), "no_start_reason", self.no_start
            )
        self.errors.add_row(form, self.tr("&Toelichting:"), "reason", self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Wijzigen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)

    def _submit(self) -> None:
        self.errors.clear()
        no_start = None
        if self.target == ReferralStatus.NIET_GESTART.value:
            no_start = self.no_start.currentData()
            if no_start is None:
                self.errors.show("no_start_reason", self.tr("Kies waarom het niet start."))
                return
        self.ok_button.setEnabled(False)
        self.submitted.emit(
            {
                "to_status": self.target,
                "on": date_of(self.on),
                "reason": self.reason.text(),
                "no_start_reason": no_start,
            }
        )

    def show_error(self, exc: BaseException) -> bool:
        self.ok_button.setEnabled(True)
        return self.errors.show_error(exc, self.ctx.lang)


class ReferralDetailPanel(QWidget):
    """The selected referral: its fields, history and the next steps it allows.

    Emits `transition_requested(target)` for a status button and `assign_requested()` for
    'Toewijzen aan coach…' (team leader only).
    """

    transition_requested = Signal(str)
    assign_requested = Signal()

    def __init__(self, can_assign: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.can_assign = can_assign
        self.detail: ReferralDetail | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(self.tr("Kies een aanmelding in de lijst om ze hier te zien."))
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.setWordWrap(True)
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, caption in self._captions():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"detail_{key}")
            self.values[key] = value
            self.fields.addRow(caption, value)
        self.history_model = HistoryModel(self)
        self.history_proxy = QSortFilterProxyModel(self)
        self.history_proxy.setSourceModel(self.history_model)
        self.history_proxy.setSortRole(SORT_ROLE)
        self.history = QTableView()
        setup_table(self.history, self.history_proxy, "historyTable")
        self.history.setSortingEnabled(False)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.history.setMinimumHeight(120)
        self.buttons_box = QGroupBox(self.tr("Volgende stap"))
        self.buttons_row = QHBoxLayout(self.buttons_box)
        self.buttons_hint = QLabel()
        self.buttons_hint.setWordWrap(True)
        self.buttons_hint.setStyleSheet(HINT_STYLE)
        self.status_buttons: dict[str, QPushButton] = {}
        self.assign_button = QPushButton(self.tr("Toewijzen aan &coach…"))
        self.assign_button.clicked.connect(self.assign_requested)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.heading)
        body.addLayout(self.fields)
        body.addWidget(self.buttons_box)
        body.addWidget(self.buttons_hint)
        history_title = QLabel(self.tr("Geschiedenis"))
        history_title.setStyleSheet("font-weight: bold;")
        body.addWidget(history_title)
        body.addWidget(self.history, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self.show_detail(None)

    def _captions(self) -> list[tuple[str, str]]:
        return [
            ("received", self.tr("Ontvangen:")),
            ("school", self.tr("School:")),
            ("status", self.tr("Status:")),
            ("offer", self.tr("Aanbod:")),
            ("prevention", self.tr("Preventieniveau:")),
            ("urgency", self.tr("Urgentie:")),
            ("reasons", self.tr("Redenen:")),
            ("question", self.tr("Hulpvraag:")),
            ("referrer", self.tr("Aanmelder:")),
            ("dates", self.tr("Verloop:")),
        ]

    def show_detail(self, detail: ReferralDetail | None) -> None:
        self.detail = detail
        self.empty.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            self.history_model.set_records([])
            self._set_buttons([])
            return
        r = detail.summary
        self.heading.setText(r.subject_label)
        referrer = detail.referrer_name or self.tr("(geen naam)")
        referrer += f" – {label_of(Function, detail.referrer_function)}"
        if detail.via_clb:
            referrer += self.tr(", via het CLB")
        dates = [
            (self.tr("intake"), detail.intake_on),
            (self.tr("wachtlijst sinds"), detail.waitlist_since),
            (self.tr("start"), detail.start_on),
        ]
        steps = ", ".join(f"{name} {format_date(day)}" for name, day in dates if day)
        status = label_of(ReferralStatus, r.status)
        if detail.no_start_reason:
            status += f" ({label_of(NoStartReason, detail.no_start_reason)})"
        texts = {
            "received": format_date(r.received_on),
            "school": r.school_name,
            "status": status,
            "offer": label_of(OfferType, r.offer_type),
            "prevention": label_of(PreventionLevel, detail.prevention_level),
            "urgency": label_of(Urgency, r.urgency),
            "reasons": "; ".join(label_of(ReferralReason, x) for x in detail.reasons),
            "question": detail.help_question,
            "referrer": referrer,
            "dates": steps or "—",
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.history_model.set_records(detail.history)
        self._set_buttons(detail.allowed_next)

    def _set_buttons(self, allowed: list[str]) -> None:
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            widget = item.widget()
            if widget is not None and widget is not self.assign_button:
                widget.deleteLater()
        self.status_buttons.clear()
        ordered = [s.value for s in ReferralStatus if s.value in allowed]
        hints = []
        for target in ordered:
            if target in _VIA_TRAJECTORY:
                hints.append(self.tr("Starten en afsluiten doet u bij Trajecten."))
                continue
            if target == ReferralStatus.TOEGEWEZEN.value:
                if self.can_assign:
                    self.buttons_row.addWidget(self.assign_button)
                else:
                    hints.append(self.tr("Toewijzen aan een coach doet de teamverantwoordelijke."))
                continue
            button = QPushButton(label_of(ReferralStatus, target) + "…")
            button.setObjectName(f"to_{target}")
            button.clicked.connect(lambda _=False, t=target: self.transition_requested.emit(t))
            self.status_buttons[target] = button
            self.buttons_row.addWidget(button)
        self.assign_button.setVisible(
            self.can_assign and ReferralStatus.TOEGEWEZEN.value in ordered
        )
        self.buttons_row.addStretch()
        self.buttons_box.setVisible(
            bool(self.status_buttons) or self.assign_button.isVisibleTo(self)
        )
        if not ordered:
            hints.append(self.tr("Deze aanmelding is afgerond: er volgt geen stap meer."))
        self.buttons_hint.setText(" ".join(dict.fromkeys(hints)))
        self.buttons_hint.setVisible(bool(hints))


class ReferralsPage(QWidget):
    """Aanmeldingen: filters above, the list left, the selected referral right."""

    def __init__(
        self,
        ctx: AppContext,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        identity = ctx.vault.identity
        self.is_leader = identity is not None and identity.role in TEAMLEADER_ROLES
        self.schools: list[Any] = []
        self.users: list[Any] = []
        self.form: Any = None
        self.transition_dialog: TransitionDialog | None = None
        self.assign_dialog: Any = None
        self._loaded = False
        self._select_after_load: str | None = None

        self.model = ReferralsModel(self)
        self.proxy = ReferralFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        setup_table(self.table, self.proxy, "referralsTable")
        self.copy_action = copy_action_of(self.table)
        self.table.sortByColumn(ReferralsModel.COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (ReferralsModel.COL_RECEIVED, 90),
            (ReferralsModel.COL_SUBJECT, 170),
            (ReferralsModel.COL_SCHOOL, 140),
            (ReferralsModel.COL_OFFER, 130),
            (ReferralsModel.COL_URGENCY, 75),
        ):
            self.table.setColumnWidth(column, width)

        title = QLabel(self.tr("Aanmeldingen"))
        title.setStyleSheet(TITLE_STYLE)
        self.new_action = QAction(self.tr("&Nieuwe aanmelding…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.open_new_form)
        self.addAction(self.new_action)  # Ctrl+N while this page is shown
        self.new_button = QPushButton(self.tr("&Nieuwe aanmelding…  (Ctrl+N)"))
        self.new_button.clicked.connect(self.open_new_form)
        self.search = QLineEdit()
        self.search.setObjectName("referralSearch")
        self.search.setPlaceholderText(self.tr("Zoeken op naam, school, aanbod…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Alle statussen"), None)
        self.status_filter.addItem(self.tr("Alle lopende"), OPEN)
        fill_combo(self.status_filter, ReferralStatus)
        self.school_filter = QComboBox()
        self.school_filter.addItem(self.tr("Alle scholen"), None)
        for combo in (self.status_filter, self.school_filter):
            combo.setMinimumContentsLength(12)  # long names are elided, the row fits 1280 px
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.year_filter = QComboBox()
        self.year_filter.addItem(self.tr("Alle schooljaren"), None)
        current = SchoolYear.of(today()).start_year
        for year in range(current, current - 6, -1):
            self.year_filter.addItem(SchoolYear(year).label, year)

        filters = QHBoxLayout()
        filters.addWidget(self.new_button)
        filters.addSpacing(12)
        search_label = QLabel(self.tr("&Zoeken:"))
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        for caption, combo in (
            (self.tr("S&tatus:"), self.status_filter),
            (self.tr("Sc&hool:"), self.school_filter),
            (self.tr("Schoo&ljaar:"), self.year_filter),
        ):
            label = QLabel(caption)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
        self.count_label = QLabel()
        self.empty_hint = QLabel()
        self.empty_hint.setStyleSheet(HINT_STYLE)
        self.empty_hint.setWordWrap(True)

        self.detail = ReferralDetailPanel(self.is_leader)
        self.detail.transition_requested.connect(self.open_transition)
        self.detail.assign_requested.connect(self.open_assign)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_hint)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([680, 380])

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(200)  # arrowing through the list opens no file per row
        self._detail_timer.timeout.connect(self.load_detail)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.status_filter, self.school_filter, self.year_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.rowsInserted.connect(self._update_counts)
        self.proxy.rowsRemoved.connect(self._update_counts)
        self.proxy.modelReset.connect(self._update_counts)
        self.proxy.layoutChanged.connect(self._update_counts)
        self.proxy.layoutChanged.connect(self._hidden_by_filter)
        self.setFocusProxy(self.table)
        self._update_counts()
        self.ctx.call(reference.list_schools, on_success=self._schools_loaded)
        vault = ctx.vault
        ctx.worker.submit(
            lambda: accounts.list_users(vault, vault.identity, include_removed=True),
            self._users_loaded,
        )
        self.reload()

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.call(intake.list_referrals, on_success=self._loaded_rows)

    def _loaded_rows(self, rows: list[ReferralSummary]) -> None:
        self.model.set_records(rows)
        self.model.search_texts()  # made now, so the first keystroke is as quick as the rest
        self._loaded = True
        self._update_counts()
        if self._select_after_load:
            self.select_referral(self._select_after_load)
            self._select_after_load = None

    def _schools_loaded(self, schools: list[Any]) -> None:
        self.schools = schools
        for school in schools:
            self.school_filter.addItem(school.name, school.id)

    def _users_loaded(self, users: list[Any]) -> None:
        self.users = users
        self.detail.history_model.user_names = {u.id: u.full_name or u.login for u in users}

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded:
            self.reload()  # another page may have changed a status; merging keeps the selection

    # --- filters --------------------------------------------------------------------------
    def apply_filters(self) -> None:
        self._search_timer.stop()
        status = self.status_filter.currentData()
        if status == OPEN:
            statuses: frozenset[str] | None = frozenset(s.value for s in OPEN_STATUSES)
        else:
            statuses = frozenset({status}) if status else None
        self.proxy.set_filters(
            statuses=statuses,
            school_id=self.school_filter.currentData(),
            school_year=self.year_filter.currentData(),
            search=self.search.text(),
        )
        self._update_counts()

    def _update_counts(self) -> None:
        show_list_state(
            self.count_label,
            self.empty_hint,
            self.proxy.rowCount(),
            self.model.rowCount(),
            self._loaded,
            (
                self.tr("%1 aanmeldingen"),
                self.tr("%1 van %2 aanmeldingen"),
                self.tr("De aanmeldingen worden geladen…"),
                self.tr(
                    "Nog geen aanmeldingen. Kies 'Nieuwe aanmelding…' (Ctrl+N) om de eerste in te "
                    "voeren."
                ),
                self.tr("Geen aanmeldingen voor deze zoekopdracht of filter."),
            ),
        )

    # --- selection and detail -------------------------------------------------------------
    def selected_id(self) -> str | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.proxy.data(index, ID_ROLE)

    def select_referral(self, referral_id: str) -> bool:
        row = self.model.row_of(referral_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by a filter: clear the filters to show it
            self.search.clear()
            for combo in (self.status_filter, self.school_filter, self.year_filter):
                combo.setCurrentIndex(0)
            self.apply_filters()  # now, not after the typing pause
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        self.table.setCurrentIndex(index)
        return True

    def _hidden_by_filter(self) -> None:
        """A filter hid the selected referral: its detail goes too (no other file opens)."""
        if self.detail.detail is not None and self.selected_id() is None:
            self._detail_timer.stop()
            self.detail.show_detail(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.show_detail(None)
            return
        self._detail_timer.start()

    def load_detail(self) -> None:
        referral_id = self.selected_id()
        if referral_id is None:
            self.detail.show_detail(None)
            return
        self.ctx.call(
            intake.get_referral,
            referral_id,
            on_success=self._detail_loaded,
            on_failure=self._failed,
        )

    def _detail_loaded(self, detail: ReferralDetail) -> None:
        if detail.summary.id != self.selected_id():
            return  # the user moved on meanwhile
        self.model.upsert(detail.summary)
        self.detail.show_detail(detail)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.ctx.prompts.error(self, self.tr("Aanmeldingen"), exc.message(self.ctx.lang))

    # --- new referral ---------------------------------------------------------------------
    def open_new_form(self) -> Any:
        from amo_desktop.ui.referral_form import ReferralFormDialog

        if self.form is not None:
            self.form.raise_()
            self.form.activateWindow()
            return self.form
        self.form = ReferralFormDialog(self.ctx, self.schools, self.today(), self)
        self.form.submitted.connect(self._register)
        self.form.open_existing.connect(self._open_existing)
        self.form.finished.connect(self._form_closed)
        self.form.open()
        return self.form

    def _register(self, data: intake.ReferralInput, confirm_duplicate: bool) -> None:
        self.ctx.call(
            intake.register_referral,
            data,
            confirm_duplicate=confirm_duplicate,
            today=self.today(),
            on_success=self._registered,
            on_failure=self._register_failed,
        )

    def _registered(self, summary: ReferralSummary) -> None:
        self.model.upsert(summary)
        if self.form is not None:
            self.form.saved()
        self.select_referral(summary.id)
        self.load_detail()

    def _register_failed(self, exc: BaseException) -> None:
        if self.form is None or not self.form.show_error(exc):
            raise exc

    def _open_existing(self, referral_id: str) -> None:
        if self.form is not None:
            self.form.discard()
        if not self.select_referral(referral_id):
            self._select_after_load = referral_id
            self.reload()
        self.load_detail()

    def _form_closed(self) -> None:
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        self.table.setFocus()

    # --- transitions ----------------------------------------------------------------------
    def open_transition(self, target: str) -> TransitionDialog | None:
        detail = self.detail.detail
        if detail is None:
            return None
        dialog = TransitionDialog(self.ctx, detail.summary.status, target, self.today(), self)
        referral_id = detail.summary.id
        dialog.submitted.connect(lambda values: self._transition(referral_id, values))
        dialog.finished.connect(dialog.deleteLater)
        self.transition_dialog = dialog
        dialog.open()
        return dialog

    def _transition(self, referral_id: str, values: dict[str, Any]) -> None:
        self.ctx.call(
            intake.transition_referral,
            referral_id,
            values["to_status"],
            reason=values["reason"],
            on=values["on"],
            no_start_reason=values["no_start_reason"],
            on_success=self._transitioned,
            on_failure=self._transition_failed,
        )

    def _transitioned(self, summary: ReferralSummary) -> None:
        self.model.upsert(summary)
        if self.transition_dialog is not None:
            self.transition_dialog.accept()
            self.transition_dialog = None
        self.load_detail()

    def _transition_failed(self, exc: BaseException) -> None:
        dialog = self.transition_dialog
        if dialog is None or not dialog.show_error(exc):
            raise exc

    # --- assigning (team leader) ----------------------------------------------------------
    def open_assign(self) -> Any:
        from amo_desktop.ui.waitlist import AssignDialog

        detail = self.detail.detail
        if detail is None or not self.is_leader:
            return None
        dialog = AssignDialog(self.ctx, detail.summary.id, detail.summary.subject_label, self)
        dialog.set_users(self.users)
        dialog.assigned.connect(lambda _info: self._after_assign(detail.summary.id))
        dialog.finished.connect(dialog.deleteLater)
        self.assign_dialog = dialog
        dialog.open()
        return dialog

    def _after_assign(self, referral_id: str) -> None:
        self.assign_dialog = None
        self.reload()
        self.load_detail()
