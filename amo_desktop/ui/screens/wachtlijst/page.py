"""Wachtlijst: who waits in which order and why; the team leader assigns to a coach from here.

The order and the reason come from services/waitlist.py; coaches get the entries without pupil
names (need to know), so this view never has names to hide.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from amo_desktop.services import accounts, wait_estimate
from amo_desktop.services.waitlist import WaitlistEntry
from amo_desktop.ui.flows.assign import AssignDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.list_page import ListPage
from amo_desktop.ui.kit.settings import remember_header
from amo_desktop.ui.kit.tables import OBJECT_ROLE, RecordFilter
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import hint
from amo_desktop.ui.screens.wachtlijst.models import WaitlistModel

ROWS_PER_STEP = 25  # rows fitted to their text at a time: about one screen
FRAME_MS = 20  # between two steps of fitting rows out of view: a paint (a frame) goes first


def _soon(parent: QObject, slot: Callable[[], None], interval: int = 0) -> QTimer:
    """A single-shot timer that runs `slot` once the events waiting now are handled (and
    INTERVAL ms have passed)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer


class WaitlistPage(ListPage):
    """The ordered list, a short summary above it, and 'Toewijzen aan coach…' for the leader."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Wachtlijst"), parent)
        self.is_leader = ctx.is_leader
        self.users: list[Any] = []
        self.dialog: AssignDialog | None = None
        self._users_asked = False
        self._build_table()
        self._build_bar()
        explain = hint(
            self.tr(
                "Volgorde: eerst de urgentie, dan de school die het minst van haar deel gebruikt, "
                "dan wie het langst wacht."
            )
        )
        self.page_layout.insertWidget(1, explain)
        if not self.is_leader:
            privacy = hint(
                self.tr(
                    "U ziet geen namen: enkel de teamverantwoordelijke ziet wie er wacht. "
                    "Uw eigen aanmeldingen vindt u bij Aanmeldingen."
                ),
                "privacyHint",
            )
            self.page_layout.insertWidget(2, privacy)
        self.page_layout.addWidget(self.list_area(with_count=False), 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.open_assign)
        self.update_counts()

    def _build_table(self) -> None:
        # RecordFilter sorts in the model, on the sort keys
        self.setup_list(WaitlistModel(self.ctx.lang, self), RecordFilter(self), "waitlistTable")
        self.table.sortByColumn(WaitlistModel.COL_POSITION, Qt.SortOrder.AscendingOrder)
        self.size_columns(stretch=WaitlistModel.COL_REASON)
        remember_header(self.table, "waiting")
        # the reason is the point of this list: wrap it rather than cut it off. Each row gets
        # the height of its text, the rows in view first and the others a screenful at a time
        # after (`_fit_rows`), not ResizeToContents, which measured every row several times
        # before the first paint.
        self.table.setWordWrap(True)
        self._rows_to_fit: list[int] = []
        self._fit_timer = _soon(self, self._fit_step, FRAME_MS)  # the window asks a paint
        # a few ms after a change; steps without a pause would each come before it
        self._refit_timer = _soon(self, self._fit_rows)  # once the widths have settled
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._refit_timer.start())
        self.proxy.layoutChanged.connect(lambda *_: self._refit_timer.start())
        self.table.viewport().installEventFilter(self)  # its width moves the reason column

    def _build_bar(self) -> None:
        """Assign and refresh on the left, the summary (the list's count) on the right."""
        self.assign_button = QPushButton(self.tr("&Toewijzen aan coach…"))
        self.assign_button.setEnabled(False)
        self.assign_button.setVisible(self.is_leader)
        self.assign_button.clicked.connect(self.open_assign)
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.reload)
        self.summary = self.count_label
        self.summary.setObjectName("waitlistSummary")
        self.filter_bar.addWidget(self.assign_button)
        self.filter_bar.addWidget(self.refresh_button)
        self.filter_bar.addStretch()
        self.filter_bar.addWidget(self.summary)

    def reload(self) -> None:
        if self.is_leader and not self._users_asked:
            self._users_asked = True
            self.ctx.call_vault(accounts.list_users, on_success=self._users)
        self.ctx.call(
            wait_estimate.estimated_waiting_list, self.ctx.today(), on_success=self._loaded_rows
        )

    def _loaded_rows(self, entries: list[WaitlistEntry]) -> None:
        self.rows_loaded(entries)  # positions moved: the model sorts again
        self._fit_rows()
        self._refit_timer.stop()  # asked by that sort: these rows are being fitted already
        self._selection_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.table.viewport()
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):  # only the width moves the reason column (a hint going away makes it taller)
            self._refit_timer.start()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._rows_to_fit:
            self._fit_timer.start()  # what was left while another screen was shown

    def _fit_rows(self) -> None:
        """Fit the row heights to the wrapped text again (new rows, order or widths): the rows
        in view at once, the others a step at a time after."""
        first = max(0, self.table.rowAt(0))
        count = self.proxy.rowCount()
        self._rows_to_fit = [*range(first, count), *range(min(first, count))]
        self._fit_step(in_view=True)

    def _fit_step(self, in_view: bool = False) -> None:
        """Fit the next ROWS_PER_STEP rows, or with IN_VIEW those up to the bottom of the view.
        Not while the page is hidden (another screen is shown): the rest waits for showEvent."""
        if not self.isVisible():
            return
        table, count = self.table, self.proxy.rowCount()
        bottom = table.viewport().height()
        done = 0
        for row in self._rows_to_fit[:ROWS_PER_STEP]:
            done += 1
            if row < count:
                table.resizeRowToContents(row)
                if in_view and table.rowViewportPosition(row) + table.rowHeight(row) >= bottom:
                    break  # the view is full: the rest after the first paint
        del self._rows_to_fit[:done]
        if self._rows_to_fit:
            self._fit_timer.start()  # the rest after the events waiting now, a paint included

    def _users(self, users: list[Any]) -> None:
        self.users = users

    def update_counts(self) -> None:
        """The summary says how many wait and the longest wait, not "%1 of %2"."""
        entries: list[WaitlistEntry] = self.model.records()
        if not self.loaded:
            self.summary.setText("")
            text = self.tr("De wachtlijst wordt geladen…")
        elif not entries:
            self.summary.setText(self.tr("Niemand op de wachtlijst"))
            text = self.tr(
                "Niemand wacht. Een aanmelding komt hier met de stap 'Op wachtlijst' bij "
                "Aanmeldingen."
            )
        else:
            longest = max(e.waiting_days for e in entries)
            self.summary.setText(
                fill(self.tr("%1 wachtend · langste wachttijd %2 dagen"), len(entries), longest)
            )
            text = ""
        self.empty_hint.setText(text)
        self.empty_hint.setVisible(bool(text))

    def selected_entry(self) -> WaitlistEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], OBJECT_ROLE) if rows else None

    def select_referral(self, referral_id: str) -> None:
        row = self.model.row_of(referral_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _selection_changed(self) -> None:
        self.assign_button.setEnabled(self.is_leader and self.selected_entry() is not None)

    def open_assign(self) -> AssignDialog | None:
        entry = self.selected_entry()
        if entry is None or not self.is_leader:
            return None
        self.dialog = AssignDialog(
            self.ctx, entry.referral_id, entry.subject_label, self, today=self.ctx.today()
        )
        self.dialog.set_users(self.users)
        self.dialog.assigned.connect(self._assigned)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()
        return self.dialog

    def _assigned(self, _info: Any) -> None:
        self.reload()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.table.setFocus()
