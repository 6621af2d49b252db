"""Trajecten: my caseload, and for the selected trajectory its goals, sessions and notes.

A coach sees their own trajectories; the team leader chooses a coach or sees everyone's.
Every read and change is one service call on the DB worker (STYLE.md example 2).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.enums import TrajectoryStatus
from amo_desktop.services import accounts, reference, scheduling, trajectories
from amo_desktop.services.scheduling import SessionInfo
from amo_desktop.services.trajectories import TrajectoryInfo
from amo_desktop.ui.flows.note_editor import NoteEditor, open_note_editor
from amo_desktop.ui.flows.service_form import ServiceFormDialog
from amo_desktop.ui.flows.sessions import AttendanceDialog, SessionDialog
from amo_desktop.ui.kit.clipboard import copy_action_of
from amo_desktop.ui.kit.columns import size_columns
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.flow import FlowLayout, together
from amo_desktop.ui.kit.forms import labelled
from amo_desktop.ui.kit.settings import remember_header, remember_splitter
from amo_desktop.ui.kit.tables import ID_ROLE, setup_table, show_list_state
from amo_desktop.ui.kit.widgets import TITLE_STYLE, fill_combo, hint
from amo_desktop.ui.screens.trajecten.detail import TrajectoryDetail
from amo_desktop.ui.screens.trajecten.dialogs import (
    CloseDialog,
    EvaluateDialog,
    GoalDialog,
    StartDialog,
)
from amo_desktop.ui.screens.trajecten.models import CaseloadFilter, CaseloadModel

ALL = "*all"


class TrajectoriesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.me = ctx.me
        self.is_leader = ctx.is_leader
        self.dialog: QDialog | None = None
        self.note_editor: NoteEditor | None = None
        self._loaded = False
        self._request = 0
        self.schools: list[reference.SchoolInfo] = []
        self.users: list[accounts.UserInfo] = []
        self._build_table()
        self._build_filters()
        self.detail = TrajectoryDetail()
        self._build_layout()
        self._connect()
        ctx.call(reference.list_schools, True, on_success=self._schools_loaded)
        ctx.call_vault(accounts.list_users, include_removed=True, on_success=self._users_loaded)
        self._update_counts()
        self.reload()

    # --- building -------------------------------------------------------------------------
    def _build_table(self) -> None:
        self.model = CaseloadModel(self)
        self.proxy = CaseloadFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        setup_table(self.table, self.proxy, "caseloadTable")
        self.copy_action = copy_action_of(self.table)
        self.table.sortByColumn(CaseloadModel.COL_START, Qt.SortOrder.DescendingOrder)
        size_columns(self.table, self.model)  # the name keeps its width in a narrow pane
        remember_header(self.table, "trajectories")
        self.count_label = QLabel()
        self.empty_hint = hint(name="caseloadHint")

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("caseloadSearch")
        self.search.setPlaceholderText(self.tr("Zoeken op naam, school, aanbod…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Alle statussen"), None)
        fill_combo(self.status_filter, TrajectoryStatus)
        self.coach_filter = QComboBox()
        self.coach_filter.setObjectName("coachFilter")
        self.coach_filter.addItem(self.tr("Alle coaches"), ALL)
        self.coach_filter.setVisible(self.is_leader)
        self.include_closed = QCheckBox(self.tr("Ook afges&loten"))
        self.filters = FlowLayout()  # wraps on a narrow screen
        for caption, widget, stretch in (
            (self.tr("&Zoeken:"), self.search, 2),
            (self.tr("C&oach:"), self.coach_filter, 0),
            (self.tr("S&tatus:"), self.status_filter, 0),
        ):
            pair = together(labelled(caption, widget), widget)
            if widget is self.coach_filter:
                pair.setVisible(self.is_leader)
            self.filters.addWidget(pair, stretch)
        self.filters.addWidget(self.include_closed)

    def _build_layout(self) -> None:
        title = QLabel(self.tr("Trajecten") if self.is_leader else self.tr("Mijn trajecten"))
        title.setStyleSheet(TITLE_STYLE)
        self.table.setAccessibleName(title.text())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_hint)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 560])  # the detail's goals need room for their text
        remember_splitter(splitter, "trajectories")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(self.filters)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.table)

    def _connect(self) -> None:
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(150)
        self._detail_timer.timeout.connect(self.load_detail)
        self.search.textChanged.connect(self.apply_filters)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.coach_filter.currentIndexChanged.connect(self.reload)
        self.include_closed.toggled.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_counts)
        self.proxy.layoutChanged.connect(self._hidden_by_filter)
        d = self.detail
        d.start_button.clicked.connect(self.open_start)
        d.close_button.clicked.connect(self.open_close)
        d.plan_button.clicked.connect(self.open_plan)
        d.add_goal_button.clicked.connect(self.open_add_goal)
        d.evaluate_button.clicked.connect(self.open_evaluate)
        d.attendance_button.clicked.connect(self.open_attendance)
        d.note_button.clicked.connect(self.open_note)
        # a double-click does what the button does, when the button can
        for view, button in ((d.goals, d.evaluate_button), (d.sessions, d.note_button)):
            view.doubleClicked.connect(lambda _i, b=button: b.isEnabled() and b.click())

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        self._request += 1
        request = self._request
        coach = self.coach_filter.currentData()
        self.ctx.call(
            trajectories.my_caseload,
            include_closed=self.include_closed.isChecked(),
            coach_id=None if coach in (None, ALL) else coach,
            on_success=lambda rows: self._rows_loaded(request, rows),
        )

    def _rows_loaded(self, request: int, rows: list[TrajectoryInfo]) -> None:
        if request != self._request:
            return
        self.model.set_records(rows)
        self._loaded = True
        self._update_counts()
        if self.detail.info is not None and self.model.row_of(self.detail.info.id) < 0:
            self.detail.show_trajectory(None, {}, {})

    def _schools_loaded(self, schools: list[reference.SchoolInfo]) -> None:
        self.schools = schools
        self.model.school_names = {x.id: x.name for x in schools}
        self.model.names_changed()

    def _users_loaded(self, users: list[accounts.UserInfo]) -> None:
        self.users = users
        self.model.user_names = {u.id: u.full_name or u.login for u in users}
        self.model.names_changed()
        if self.is_leader:
            for user in users:
                if user.active:
                    self.coach_filter.addItem(user.full_name or user.login, user.id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded:
            self.reload()
            self.load_detail()

    def apply_filters(self) -> None:
        self.proxy.set_filters(self.search.text(), self.status_filter.currentData())
        self._update_counts()

    def _update_counts(self) -> None:
        show_list_state(
            self.count_label,
            self.empty_hint,
            self.proxy,
            self._loaded,
            (
                self.tr("%1 trajecten"),
                self.tr("%1 van %2 trajecten"),
                self.tr("De trajecten worden geladen…"),
                self.tr(
                    "Nog geen trajecten. Een traject ontstaat wanneer de teamverantwoordelijke een "
                    "aanmelding van de wachtlijst aan een coach toewijst."
                ),
                self.tr("Geen trajecten voor deze zoekopdracht of filter."),
            ),
        )

    # --- selection and detail -------------------------------------------------------------
    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, ID_ROLE) if index.isValid() else None

    def select_trajectory(self, trajectory_id: str) -> bool:
        row = self.model.row_of(trajectory_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.load_detail()
        return True

    def _hidden_by_filter(self) -> None:
        """A filter hid the selected trajectory: its detail goes too."""
        if self.detail.info is not None and self.selected_id() is None:
            self._detail_timer.stop()
            self.detail.show_trajectory(None, {}, {})

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._detail_timer.start()
        else:
            self.detail.show_trajectory(None, {}, {})

    def load_detail(self) -> None:
        trajectory_id = self.selected_id()
        if trajectory_id is None:
            return
        self.ctx.call(
            trajectories.get_trajectory,
            trajectory_id,
            on_success=self._detail_loaded,
        )
        self.ctx.call(
            scheduling.trajectory_sessions,
            trajectory_id,
            on_success=lambda rows: self._sessions_loaded(trajectory_id, rows),
        )

    def _detail_loaded(self, info: TrajectoryInfo) -> None:
        if info.id != self.selected_id():
            return
        listed = TrajectoryInfo(**{**info.__dict__, "goals": []})
        self.model.upsert(listed)
        self.detail.show_trajectory(info, self.model.school_names, self.model.user_names)

    def _sessions_loaded(self, trajectory_id: str, rows: list[SessionInfo]) -> None:
        if trajectory_id == self.selected_id():
            self.detail.set_sessions(rows)

    # --- actions --------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        if isinstance(dialog, ServiceFormDialog):
            dialog.done_with.connect(lambda _r: self._changed())
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.dialog = None
        self.reload()
        self.load_detail()

    def _open_on_trajectory(
        self, dialog: Callable[[AppContext, TrajectoryInfo, date, QWidget], QDialog]
    ) -> QDialog | None:
        info = self.detail.info
        return None if info is None else self._open(dialog(self.ctx, info, self.ctx.today(), self))

    def open_start(self) -> QDialog | None:
        return self._open_on_trajectory(StartDialog)

    def open_close(self) -> QDialog | None:
        return self._open_on_trajectory(CloseDialog)

    def open_add_goal(self) -> QDialog | None:
        return self._open_on_trajectory(GoalDialog)

    def open_evaluate(self) -> QDialog | None:
        goal = self.detail.selected_goal()
        if goal is None:
            return None
        return self._open(EvaluateDialog(self.ctx, goal, self.ctx.today(), self))

    def open_attendance(self) -> QDialog | None:
        session = self.detail.selected_session()
        if session is None:
            return None
        dialog = AttendanceDialog(self.ctx, session, self)
        return self._open(dialog)

    def open_plan(self) -> QDialog | None:
        info = self.detail.info
        if info is None:
            return None
        caseload = [
            t for t in self.model.records() if t.status not in ("afgesloten", "geannuleerd")
        ]
        dialog = SessionDialog(
            self.ctx, caseload, self.schools, self.users, self.ctx.today(), trajectory_id=info.id,
            parent=self,
        )  # fmt: skip
        dialog.planned.connect(lambda _p: self._changed())
        return self._open(dialog)

    def open_note(self) -> NoteEditor | None:
        session = self.detail.selected_session()
        if session is None:
            return None
        self.note_editor = open_note_editor(self.ctx, session, self)
        return self.note_editor
