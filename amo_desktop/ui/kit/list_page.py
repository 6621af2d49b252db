"""The frame every list screen shares: title, filter bar, typed search, the table and its count."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.ui.kit.columns import size_columns
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.flow import FlowLayout, together
from amo_desktop.ui.kit.forms import labelled
from amo_desktop.ui.kit.tables import (
    SEARCH_DELAY_MS,
    RecordFilter,
    RecordModel,
    setup_table,
    show_list_state,
)
from amo_desktop.ui.kit.widgets import TITLE_STYLE, hint


class ListPage(QWidget):
    """A list screen: the rows load when it is first shown and again on every later show.

    A subclass, in its `__init__`:
      1. `super().__init__(ctx, self.tr("Title"), parent)`: `self.page_layout` (a column) then
         holds the title and `self.filter_bar` (a row to add buttons and filters to);
      2. `self.setup_list(model, proxy, "objectName")`: `self.table` on the proxy, with
         `self.count_label` and `self.empty_hint` kept up to date by `update_counts`; then
         `size_columns()` for the starting widths (the model's `Column.width`s);
      3. optionally `add_search(placeholder, name)` and `add_filter(caption, combo)`: both
         call `apply_filters` (the search after a short typing pause);
      4. places `self.list_area()` (table, hint, count) in `self.page_layout` or elsewhere.
    It implements `reload()` (one `ctx.call` whose `on_success` ends in `rows_loaded(rows)`),
    `count_texts()` (the five texts of `show_list_state`) and, with filters, `apply_filters()`
    (which calls `super().apply_filters()` first). `self.loaded` tells whether rows came;
    `clear_filters()` shows every row again; a list with a count of its own (not "%1 van %2")
    overrides `update_counts`.
    """

    model: RecordModel
    proxy: RecordFilter
    table: QTableView

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.search: QLineEdit | None = None
        self.filters: list[QComboBox] = []
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet(TITLE_STYLE)
        self.filter_bar = FlowLayout()  # wraps on a narrow screen
        self.count_label = QLabel()
        self.empty_hint = hint()
        self.page_layout = QVBoxLayout(self)
        self.page_layout.addWidget(self.title_label)
        self.page_layout.addLayout(self.filter_bar)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        load_on_first_show(self, self.reload)

    # --- building -------------------------------------------------------------------------
    def setup_list(self, model: RecordModel, proxy: RecordFilter, name: str) -> QTableView:
        """`self.table` showing `proxy` over `model`; the count follows every change."""
        self.model = model
        self.proxy = proxy
        proxy.setSourceModel(model)
        self.table = QTableView()
        setup_table(self.table, proxy, name)
        self.table.setAccessibleName(self.title_label.text())  # what a screen reader calls it
        for signal in (
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.modelReset,
            proxy.layoutChanged,
        ):
            signal.connect(self.update_counts)
        self.setFocusProxy(self.table)
        return self.table

    def size_columns(self, stretch: int | None = None) -> None:
        """Columns the user can widen, starting at the model's `Column.width`s; column
        `stretch`, or else the last one, takes the room that is left."""
        size_columns(self.table, self.model, stretch)

    def add_search(self, placeholder: str, name: str) -> QLineEdit:
        """A search field (with its '&Zoeken:' label) in the filter bar."""
        self.search = QLineEdit()
        self.search.setObjectName(name)
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        label = labelled(self.tr("&Zoeken:"), self.search)
        self.filter_bar.addWidget(together(label, self.search), 2)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        return self.search

    def add_filter(self, caption: str, combo: QComboBox) -> QComboBox:
        """A labelled combo in the filter bar; choosing in it filters at once."""
        self.filter_bar.addWidget(together(labelled(caption, combo), combo))
        self.filters.append(combo)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    def list_area(self, with_count: bool = True) -> QWidget:
        """The table with the empty-state hint (and the count) below it."""
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        if with_count:
            layout.addWidget(self.count_label)
        return area

    # --- loading and filtering ------------------------------------------------------------
    def reload(self) -> None:
        """Ask the service for the rows; subclasses implement it."""
        raise NotImplementedError

    def rows_loaded(self, rows: Sequence[Any]) -> None:
        """Merge the rows into the model and update the count. The scroll stays, and the
        selection stays on its record or clears when that record left (never the next row)."""
        self.model.set_records(rows)
        self.loaded = True
        self.update_counts()

    def showEvent(self, event: QShowEvent) -> None:
        was_loaded = self.loaded
        super().showEvent(event)
        if was_loaded:
            self.reload()  # another screen may have changed a row; merging keeps the selection

    def clear_filters(self) -> None:
        """Empty the search and put every filter back on its first choice ('all')."""
        if self.search is not None:
            self.search.clear()
        for combo in self.filters:
            combo.setCurrentIndex(0)
        self.apply_filters()  # now, not after the typing pause

    def apply_filters(self) -> None:
        """Subclasses pass their conditions to the proxy after calling this."""
        self._search_timer.stop()

    def search_text(self) -> str:
        return self.search.text() if self.search is not None else ""

    def count_texts(self) -> tuple[str, str, str, str, str]:
        """Translated "%1 …", "%1 van %2 …", loading, nothing yet, nothing matches."""
        raise NotImplementedError

    def update_counts(self) -> None:
        show_list_state(
            self.count_label, self.empty_hint, self.proxy, self.loaded, self.count_texts()
        )
