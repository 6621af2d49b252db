"""Wachtlijst: who waits in which order and why; the team leader assigns to a coach from here.

The order and the reason sentence come from services/waitlist.py; coaches get the entries
without pupil names (need to know), so this view never has names to hide.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.enums import OfferType, Urgency
from amo_desktop.errors import KnownError
from amo_desktop.services import accounts, waitlist
from amo_desktop.services.authz import TEAMLEADER_ROLES
from amo_desktop.services.waitlist import WaitlistEntry
from amo_desktop.ui.flows.assign import AssignDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.tables import OBJECT_ROLE, RecordFilter, RecordModel, setup_table
from amo_desktop.ui.kit.widgets import (
    HINT_STYLE,
    TITLE_STYLE,
    format_date,
    label_of,
)

_URGENT = {Urgency.HOOG.value, Urgency.CRISIS.value}
ROWS_PER_STEP = 25  # rows fitted to their text at a time: about one screen


def _soon(parent: QObject, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer that runs `slot` once the events waiting now are handled."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer


class WaitlistModel(RecordModel):
    """The waiting list in its fair order; positions are recomputed by the service."""

    (
        COL_POSITION,
        COL_RECEIVED,
        COL_SCHOOL,
        COL_SUBJECT,
        COL_OFFER,
        COL_URGENCY,
        COL_DAYS,
        COL_SCHOOL_DAYS,
        COL_REASON,
    ) = range(9)
    COLUMN_COUNT = 9

    def __init__(self, lang: str = "nl", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def record_id(self, e: WaitlistEntry) -> str:
        return e.referral_id

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Plaats"),
            self.tr("Ontvangen"),
            self.tr("School"),
            self.tr("Onderwerp"),
            self.tr("Aanbod"),
            self.tr("Urgentie"),
            self.tr("Wacht (dagen)"),
            self.tr("Schooldagen"),
            self.tr("Waarom deze plaats"),
        )

    def display(self, e: WaitlistEntry, column: int) -> Any:
        if column == self.COL_POSITION:
            return str(e.position)
        if column == self.COL_RECEIVED:
            return format_date(e.received_on)
        if column == self.COL_SCHOOL:
            return e.school_name
        if column == self.COL_SUBJECT:
            return e.subject_label
        if column == self.COL_OFFER:
            return label_of(OfferType, e.offer_type)
        if column == self.COL_URGENCY:
            return label_of(Urgency, e.urgency)
        if column == self.COL_DAYS:
            return str(e.waiting_days)
        if column == self.COL_SCHOOL_DAYS:
            return str(e.waiting_school_days)
        if column == self.COL_REASON:
            return e.reason_en if self.lang == "en" else e.reason
        return None

    def sort_key(self, e: WaitlistEntry, column: int) -> Any:
        if column == self.COL_RECEIVED:
            return e.received_on.toordinal()
        if column == self.COL_URGENCY:
            return list(Urgency).index(Urgency(e.urgency)) if e.urgency in set(Urgency) else 9
        if column in (self.COL_POSITION, self.COL_REASON):
            return e.position
        if column == self.COL_DAYS:
            return e.waiting_days
        if column == self.COL_SCHOOL_DAYS:
            return e.waiting_school_days
        return str(self.display(e, column)).casefold()

    def extra(self, e: WaitlistEntry, column: int, role: int) -> Any:
        numeric = (self.COL_POSITION, self.COL_DAYS, self.COL_SCHOOL_DAYS)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_REASON:
            return self.display(e, column)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_URGENCY and e.urgency in _URGENT:
            font = QFont()
            font.setBold(True)
            return font
        return None


class WaitlistPage(QWidget):
    """The ordered list, a short summary above it, and 'Toewijzen aan coach…' for the leader."""

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
        self.users: list[Any] = []
        self.dialog: AssignDialog | None = None
        self._loaded = False

        self.model = WaitlistModel(ctx.lang, self)
        self.proxy = RecordFilter(self)  # sorts in the model, on the sort keys
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        setup_table(self.table, self.proxy, "waitlistTable")
        self.table.sortByColumn(WaitlistModel.COL_POSITION, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WaitlistModel.COL_REASON, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (WaitlistModel.COL_POSITION, 55),
            (WaitlistModel.COL_RECEIVED, 85),
            (WaitlistModel.COL_SCHOOL, 140),
            (WaitlistModel.COL_SUBJECT, 130),
            (WaitlistModel.COL_OFFER, 130),
            (WaitlistModel.COL_URGENCY, 70),
            (WaitlistModel.COL_DAYS, 95),
            (WaitlistModel.COL_SCHOOL_DAYS, 90),
        ):
            self.table.setColumnWidth(column, width)
        # the reason is the point of this list: wrap it rather than cut it off. Each row gets
        # the height of its text, the rows in view first and the others a screenful at a time
        # after (`_fit_rows`), not ResizeToContents, which measured every row several times
        # before the first paint.
        self.table.setWordWrap(True)
        self._rows_to_fit: list[int] = []
        self._fit_timer = _soon(self, self._fit_step)
        self._refit_timer = _soon(self, self._fit_rows)  # once the widths have settled
        header.sectionResized.connect(lambda *_: self._refit_timer.start())
        self.proxy.layoutChanged.connect(lambda *_: self._refit_timer.start())
        self.table.viewport().installEventFilter(self)  # its width moves the reason column

        title = QLabel(self.tr("Wachtlijst"))
        title.setStyleSheet(TITLE_STYLE)
        self.summary = QLabel()
        self.summary.setObjectName("waitlistSummary")
        explain = QLabel(
            self.tr(
                "Volgorde: eerst de urgentie, dan de school die het minst van haar deel gebruikt, "
                "dan wie het langst wacht."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(HINT_STYLE)
        self.assign_button = QPushButton(self.tr("&Toewijzen aan coach…"))
        self.assign_button.setEnabled(False)
        self.assign_button.setVisible(self.is_leader)
        self.assign_button.clicked.connect(self.open_assign)
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.reload)
        self.empty_hint = QLabel()
        self.empty_hint.setStyleSheet(HINT_STYLE)
        self.empty_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch()
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        if not self.is_leader:
            privacy = QLabel(
                self.tr(
                    "U ziet geen namen: enkel de teamverantwoordelijke ziet wie er wacht. "
                    "Uw eigen aanmeldingen vindt u bij Aanmeldingen."
                )
            )
            privacy.setWordWrap(True)
            privacy.setStyleSheet(HINT_STYLE)
            privacy.setObjectName("privacyHint")
            layout.addWidget(privacy)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        self.setFocusProxy(self.table)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.open_assign)
        self._update_summary()
        if self.is_leader:
            vault = ctx.vault
            ctx.worker.submit(lambda: accounts.list_users(vault, vault.identity), self._users)
        self.reload()

    def reload(self) -> None:
        self.ctx.call(
            waitlist.waiting_list, self.today(), on_success=self._loaded_rows, on_failure=self._fail
        )

    def _loaded_rows(self, entries: list[WaitlistEntry]) -> None:
        self.model.set_records(entries)  # positions moved: the model sorts again
        self._loaded = True
        self._fit_rows()
        self._update_summary()
        self._selection_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._refit_timer.start()
        return super().eventFilter(watched, event)

    def _fit_rows(self) -> None:
        """Fit the row heights to the wrapped text again (new rows, order or widths)."""
        first = max(0, self.table.rowAt(0))
        count = self.proxy.rowCount()
        self._rows_to_fit = [*range(first, count), *range(min(first, count))]
        self._fit_step()

    def _fit_step(self) -> None:
        rows, self._rows_to_fit = (
            self._rows_to_fit[:ROWS_PER_STEP],
            self._rows_to_fit[ROWS_PER_STEP:],
        )
        count = self.proxy.rowCount()
        for row in rows:
            if row < count:
                self.table.resizeRowToContents(row)
        if self._rows_to_fit:
            self._fit_timer.start()  # the rest after the events waiting now, a paint included

    def _users(self, users: list[Any]) -> None:
        self.users = users

    def _fail(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.ctx.prompts.error(self, self.tr("Wachtlijst"), exc.message(self.ctx.lang))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded:
            self.reload()

    def _update_summary(self) -> None:
        entries: list[WaitlistEntry] = self.model.records()
        if not self._loaded:
            self.summary.setText("")
            hint = self.tr("De wachtlijst wordt geladen…")
        elif not entries:
            self.summary.setText(self.tr("Niemand op de wachtlijst"))
            hint = self.tr(
                "Niemand wacht. Een aanmelding komt hier met de stap 'Op wachtlijst' bij "
                "Aanmeldingen."
            )
        else:
            longest = max(e.waiting_days for e in entries)
            self.summary.setText(
                self.tr("%1 wachtend · langste wachttijd %2 dagen")
                .replace("%1", str(len(entries)))
                .replace("%2", str(longest))
            )
            hint = ""
        self.empty_hint.setText(hint)
        self.empty_hint.setVisible(bool(hint))

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
            self.ctx, entry.referral_id, entry.subject_label, self, today=self.today()
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
