"""Aanmeldingen: the searchable list, the detail with its history, and moving a referral along.

The page only wires: every read and change is one service call on the DB worker (STYLE.md
example 2). Refreshes merge rows by id, so the selection and scroll position stay put.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from amo_desktop.ui.kit.clipboard import copy_action_of
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors
from amo_desktop.ui.kit.tables import (
    ID_ROLE,
    SEARCH_DELAY_MS,
    SORT_ROLE,
    RecordFilter,
    RecordModel,
    setup_table,
    show_list_state,
)
from amo_desktop.ui.kit.widgets import (
    HINT_STYLE,
    TITLE_STYLE,
    date_edit,
    date_of,
    fill_combo,
    format_date,
    label_of,
)

OPEN = "*open"  # the status filter's "all open ones"

# Statuses that belong to another screen: assigning starts a trajectory (Wachtlijst), starting
# and closing are done on the trajectory (Trajecten). The detail does not offer them directly.
_VIA_TRAJECTORY = {ReferralStatus.GESTART.value, ReferralStatus.AFGESLOTEN.value}


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
        from amo_desktop.ui.screens.aanmeldingen.form import ReferralFormDialog

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
        from amo_desktop.ui.flows.assign import AssignDialog

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
