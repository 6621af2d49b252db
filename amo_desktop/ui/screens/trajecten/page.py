"""Trajecten: my caseload, and for the selected trajectory its goals, sessions and notes.

A coach sees their own trajectories; the team leader chooses a coach or sees everyone's.
Every read and change is one service call on the DB worker (STYLE.md example 2).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.enums import (
    Attendance,
    ClosureReason,
    ContactType,
    GoalEvaluation,
    GuidanceDomain,
    OfferType,
    SchoolOutcome,
    TrajectoryStatus,
)
from amo_desktop.errors import KnownError
from amo_desktop.services import accounts, reference, scheduling, trajectories
from amo_desktop.services.authz import TEAMLEADER_ROLES
from amo_desktop.services.scheduling import SessionInfo
from amo_desktop.services.trajectories import GoalInfo, TrajectoryInfo
from amo_desktop.ui.kit.clipboard import copy_action_of
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors
from amo_desktop.ui.kit.tables import (
    ID_ROLE,
    OBJECT_ROLE,
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

ALL = "*all"
_STATUS_ORDER = {s.value: i for i, s in enumerate(TrajectoryStatus)}


class CaseloadModel(RecordModel):
    """TrajectoryInfo rows; school and coach names come from lookups the page fills in."""

    COL_SUBJECT, COL_SCHOOL, COL_OFFER, COL_COACH, COL_START, COL_STATUS = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.school_names: dict[str, str] = {}
        self.user_names: dict[str, str] = {}

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Onderwerp"),
            self.tr("School"),
            self.tr("Aanbod"),
            self.tr("Coach"),
            self.tr("Start"),
            self.tr("Status"),
        )

    def display(self, t: TrajectoryInfo, column: int) -> Any:
        if column == self.COL_SUBJECT:
            return t.subject_label
        if column == self.COL_SCHOOL:
            return self.school_names.get(t.school_id, "")
        if column == self.COL_OFFER:
            return label_of(OfferType, t.offer_type)
        if column == self.COL_COACH:
            names = [self.user_names.get(t.lead_coach_id, "")]
            names += [self.user_names.get(c, "") for c in t.co_coach_ids]
            return ", ".join(n for n in names if n)
        if column == self.COL_START:
            return format_date(t.start_on)
        if column == self.COL_STATUS:
            return label_of(TrajectoryStatus, t.status)
        return None

    def sort_key(self, t: TrajectoryInfo, column: int) -> Any:
        if column == self.COL_START:
            return t.start_on.toordinal()
        if column == self.COL_STATUS:
            return _STATUS_ORDER.get(t.status, 99)
        return str(self.display(t, column)).casefold()

    def names_changed(self) -> None:
        self.forget_texts()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.COLUMN_COUNT - 1)
            )
            self.resort()  # sorted on school or coach: the names decide the order


class CaseloadFilter(RecordFilter):
    """Search words over every column, and open/closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None

    def set_filters(self, search: str = "", status: str | None = None) -> None:
        self.words = search.casefold().split()
        self.status = status
        self.refilter()

    def narrows(self) -> bool:
        return bool(self.status)

    def accepts(self, t: TrajectoryInfo) -> bool:
        return not self.status or t.status == self.status


class GoalsModel(RecordModel):
    COL_DESCRIPTION, COL_DOMAIN, COL_SET, COL_EVALUATION, COL_EVALUATED = range(5)
    COLUMN_COUNT = 5

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Doel"),
            self.tr("Domein"),
            self.tr("Gesteld op"),
            self.tr("Evaluatie"),
            self.tr("Geëvalueerd op"),
        )

    def display(self, g: GoalInfo, column: int) -> Any:
        if column == self.COL_DESCRIPTION:
            return g.description
        if column == self.COL_DOMAIN:
            return label_of(GuidanceDomain, g.domain)
        if column == self.COL_SET:
            return format_date(g.set_on)
        if column == self.COL_EVALUATION:
            return label_of(GoalEvaluation, g.evaluation)
        if column == self.COL_EVALUATED:
            return format_date(g.evaluated_on)
        return None

    def sort_key(self, g: GoalInfo, column: int) -> Any:
        if column == self.COL_SET:
            return g.set_on.toordinal()
        if column == self.COL_EVALUATED:
            return g.evaluated_on.toordinal() if g.evaluated_on else 0
        return str(self.display(g, column)).casefold()

    def extra(self, g: GoalInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DESCRIPTION:
            return g.description + (f"\n\n{g.evaluation_note}" if g.evaluation_note else "")
        return None


class SessionsModel(RecordModel):
    COL_DATE, COL_TIME, COL_TYPE, COL_ATTENDANCE = range(4)
    COLUMN_COUNT = 4

    def headers(self) -> Sequence[str]:
        return (self.tr("Datum"), self.tr("Uur"), self.tr("Soort"), self.tr("Aanwezigheid"))

    def display(self, x: SessionInfo, column: int) -> Any:
        if column == self.COL_DATE:
            return format_date(x.on)
        if column == self.COL_TIME:
            return f"{x.start:%H:%M}–{x.end:%H:%M}"
        if column == self.COL_TYPE:
            return label_of(ContactType, x.contact_type)
        if column == self.COL_ATTENDANCE:
            if x.cancelled:
                return self.tr("Geannuleerd")
            text = label_of(Attendance, x.attendance)
            if x.present_count is not None:
                text += f" ({x.present_count})"
            return text
        return None

    def sort_key(self, x: SessionInfo, column: int) -> Any:
        if column in (self.COL_DATE, self.COL_TIME):
            return f"{x.on.isoformat()} {x.start:%H:%M}"
        return str(self.display(x, column)).casefold()

    def extra(self, x: SessionInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and x.cancelled:
            return Qt.GlobalColor.gray
        return None


class _FormDialog(QDialog):
    """A small form whose OK runs one service call; errors appear next to their field."""

    done_with = Signal(object)

    def __init__(self, ctx: AppContext, title: str, ok: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(460)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def run(self, service: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.errors.clear()
        self.ok_button.setEnabled(False)
        self.ctx.call(service, *args, on_success=self._done, on_failure=self._failed, **kwargs)

    def submit(self) -> None:
        raise NotImplementedError

    def _done(self, result: Any) -> None:
        self.done_with.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not self.errors.show_error(exc, self.ctx.lang):
            raise exc


class GoalDialog(_FormDialog):
    def __init__(
        self, ctx: AppContext, trajectory: TrajectoryInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, "", "", parent)
        self.setWindowTitle(self.tr("Doel toevoegen"))
        self.ok_button.setText(self.tr("&Toevoegen"))
        self.trajectory = trajectory
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Bv. Gaat elke dag naar school"))
        self.domain = QComboBox()
        fill_combo(self.domain, GuidanceDomain)
        self.set_on = date_edit(max(today, trajectory.start_on))
        self.errors.add_row(self.form, self.tr("&Doel:"), "description", self.description)
        self.errors.add_row(self.form, self.tr("Do&mein:"), "domain", self.domain)
        self.errors.add_row(self.form, self.tr("&Gesteld op:"), "set_on", self.set_on)

    def submit(self) -> None:
        self.run(
            trajectories.add_goal,
            self.trajectory.id,
            self.description.text(),
            self.domain.currentData(),
            date_of(self.set_on),
        )


class EvaluateDialog(_FormDialog):
    def __init__(
        self, ctx: AppContext, goal: GoalInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, "", "", parent)
        self.setWindowTitle(self.tr("Doel evalueren"))
        self.ok_button.setText(self.tr("&Evalueren"))
        self.goal = goal
        self.set_intro(f"<b>{goal.description}</b>")
        self.evaluation = QComboBox()
        fill_combo(self.evaluation, GoalEvaluation, goal.evaluation)
        self.on = date_edit(max(today, goal.set_on))
        self.note = QLineEdit(goal.evaluation_note)
        self.errors.add_row(self.form, self.tr("&Evaluatie:"), "evaluation", self.evaluation)
        self.errors.add_row(self.form, self.tr("&Datum:"), "on", self.on)
        self.errors.add_row(self.form, self.tr("&Toelichting:"), "note", self.note)

    def submit(self) -> None:
        self.run(
            trajectories.evaluate_goal,
            self.goal.id,
            self.evaluation.currentData(),
            date_of(self.on),
            self.note.text(),
        )


class StartDialog(_FormDialog):
    def __init__(
        self, ctx: AppContext, trajectory: TrajectoryInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, "", "", parent)
        self.setWindowTitle(self.tr("Traject starten"))
        self.ok_button.setText(self.tr("&Starten"))
        self.trajectory = trajectory
        self.set_intro(
            self.tr("Het traject van <b>%1</b> start; de aanmelding wordt 'Gestart'.").replace(
                "%1", trajectory.subject_label
            )
        )
        self.on = date_edit(today)
        self.errors.add_row(self.form, self.tr("&Startdatum:"), "on", self.on)

    def submit(self) -> None:
        self.run(trajectories.start_trajectory, self.trajectory.id, date_of(self.on))


class CloseDialog(_FormDialog):
    def __init__(
        self, ctx: AppContext, trajectory: TrajectoryInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, "", "", parent)
        self.setWindowTitle(self.tr("Traject afsluiten"))
        self.ok_button.setText(self.tr("&Afsluiten"))
        self.trajectory = trajectory
        self.set_intro(
            self.tr("Het traject van <b>%1</b> en de aanmelding worden afgesloten.").replace(
                "%1", trajectory.subject_label
            )
        )
        self.on = date_edit(today)
        self.reason = QComboBox()
        self.reason.setPlaceholderText(self.tr("Kies de reden…"))
        fill_combo(self.reason, ClosureReason)
        self.reason.setCurrentIndex(-1)
        self.outcome = QComboBox()
        self.outcome.setPlaceholderText(self.tr("Kies de uitkomst…"))
        fill_combo(self.outcome, SchoolOutcome)
        self.outcome.setCurrentIndex(-1)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(90)
        self.errors.add_row(self.form, self.tr("&Einddatum:"), "on", self.on)
        self.errors.add_row(self.form, self.tr("&Reden:"), "closure_reason", self.reason)
        self.errors.add_row(self.form, self.tr("&Uitkomst:"), "outcome", self.outcome)
        self.errors.add_row(self.form, self.tr("&Samenvatting:"), "summary", self.summary)

    def submit(self) -> None:
        self.errors.clear()
        if self.reason.currentData() is None:
            self.errors.show("closure_reason", self.tr("Kies waarom het traject stopt."))
            return
        if self.outcome.currentData() is None:
            self.errors.show("outcome", self.tr("Kies de uitkomst voor de schoolloopbaan."))
            return
        self.run(
            trajectories.close_trajectory,
            self.trajectory.id,
            date_of(self.on),
            self.reason.currentData(),
            self.outcome.currentData(),
            self.summary.toPlainText(),
        )


def _small_table(model: RecordModel, name: str, stretch: int) -> tuple[QTableView, Any]:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    setup_table(table, proxy, name)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(110)
    return table, proxy


class TrajectoryDetail(QWidget):
    """The selected trajectory: facts, actions, goals and sessions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: TrajectoryInfo | None = None
        self.heading = QLabel()
        self.heading.setObjectName("trajectoryHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.facts = QLabel()
        self.facts.setObjectName("trajectoryFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(
            self.tr("Kies een traject in de lijst om de doelen en sessies te zien.")
        )
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Traject &starten…"))
        self.close_button = QPushButton(self.tr("Traject a&fsluiten…"))
        self.plan_button = QPushButton(self.tr("Contactmoment &inplannen…"))
        self.goals_model = GoalsModel(self)
        self.goals, self.goals_proxy = _small_table(
            self.goals_model, "goalsTable", GoalsModel.COL_DESCRIPTION
        )
        goal_header = self.goals.horizontalHeader()
        goal_header.setSectionResizeMode(GoalsModel.COL_DOMAIN, QHeaderView.ResizeMode.Interactive)
        self.goals.setColumnWidth(GoalsModel.COL_DOMAIN, 130)
        self.goals.setWordWrap(True)
        self.add_goal_button = QPushButton(self.tr("&Doel toevoegen…"))
        self.evaluate_button = QPushButton(self.tr("&Evalueren…"))
        self.sessions_model = SessionsModel(self)
        self.sessions, self.sessions_proxy = _small_table(
            self.sessions_model, "sessionsTable", SessionsModel.COL_TYPE
        )
        self.sessions.sortByColumn(SessionsModel.COL_DATE, Qt.SortOrder.AscendingOrder)
        self.attendance_button = QPushButton(self.tr("Aan&wezigheid…"))
        self.note_button = QPushButton(self.tr("Ve&rslag…"))
        self.goals_hint = QLabel()
        self.goals_hint.setStyleSheet(HINT_STYLE)
        self.sessions_hint = QLabel()
        self.sessions_hint.setStyleSheet(HINT_STYLE)

        actions = QHBoxLayout()
        for button in (self.start_button, self.close_button, self.plan_button):
            actions.addWidget(button)
        actions.addStretch()
        goal_buttons = QHBoxLayout()
        goal_buttons.addWidget(self.add_goal_button)
        goal_buttons.addWidget(self.evaluate_button)
        goal_buttons.addWidget(self.goals_hint, 1)
        session_buttons = QHBoxLayout()
        session_buttons.addWidget(self.attendance_button)
        session_buttons.addWidget(self.note_button)
        session_buttons.addWidget(self.sessions_hint, 1)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.heading)
        body.addWidget(self.facts)
        body.addLayout(actions)
        for caption, table, buttons in (
            (self.tr("Doelen"), self.goals, goal_buttons),
            (self.tr("Sessies"), self.sessions, session_buttons),
        ):
            label = QLabel(caption)
            label.setStyleSheet("font-weight: bold;")
            body.addWidget(label)
            body.addWidget(table, 1)
            body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self.show_trajectory(None, {}, {})

    def show_trajectory(
        self, info: TrajectoryInfo | None, schools: dict[str, str], users: dict[str, str]
    ) -> None:
        self.info = info
        self.empty.setVisible(info is None)
        self.body.setVisible(info is not None)
        if info is None:
            self.goals_model.set_records([])
            self.sessions_model.set_records([])
            return
        self.heading.setText(info.subject_label)
        coaches = ", ".join(users.get(c, "") for c in [info.lead_coach_id, *info.co_coach_ids])
        lines = [
            f"{schools.get(info.school_id, '')} · {label_of(OfferType, info.offer_type)}",
            self.tr("Status: %1").replace("%1", label_of(TrajectoryStatus, info.status)),
            self.tr("Coach: %1").replace("%1", coaches),
            self.tr("Start: %1").replace("%1", format_date(info.start_on)),
        ]
        if info.end_on:
            lines.append(
                self.tr("Afgesloten op %1: %2 – %3")
                .replace("%1", format_date(info.end_on))
                .replace("%2", label_of(ClosureReason, info.closure_reason))
                .replace("%3", label_of(SchoolOutcome, info.outcome))
            )
        self.facts.setText("\n".join(lines))
        self.goals_model.set_records(info.goals)
        closed = info.status in (
            TrajectoryStatus.AFGESLOTEN.value,
            TrajectoryStatus.GEANNULEERD.value,
        )
        planned = info.status == TrajectoryStatus.GEPLAND.value
        self.start_button.setVisible(planned)
        self.close_button.setVisible(not planned and not closed)
        self.plan_button.setEnabled(not closed)
        self.add_goal_button.setEnabled(not closed and not planned)
        self.goals_hint.setText(
            self.tr("Start het traject om doelen te stellen.")
            if planned
            else (self.tr("Nog geen doelen.") if not info.goals else "")
        )

    def set_sessions(self, sessions: list[SessionInfo]) -> None:
        self.sessions_model.set_records(sessions)
        self.sessions_hint.setText(
            "" if sessions else self.tr("Nog geen sessies: plan er een bij Planning.")
        )

    def selected_goal(self) -> GoalInfo | None:
        index = self.goals.currentIndex()
        return self.goals_proxy.data(index, OBJECT_ROLE) if index.isValid() else None

    def selected_session(self) -> SessionInfo | None:
        index = self.sessions.currentIndex()
        return self.sessions_proxy.data(index, OBJECT_ROLE) if index.isValid() else None


class TrajectoriesPage(QWidget):
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
        assert identity is not None
        self.me = identity.user_id
        self.is_leader = identity.role in TEAMLEADER_ROLES
        self.dialog: QDialog | None = None
        self.note_editor: Any = None
        self._loaded = False
        self._request = 0

        self.model = CaseloadModel(self)
        self.proxy = CaseloadFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        setup_table(self.table, self.proxy, "caseloadTable")
        self.copy_action = copy_action_of(self.table)
        self.table.sortByColumn(CaseloadModel.COL_START, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the name keeps its width in a narrow pane
        for column, width in (
            (CaseloadModel.COL_SUBJECT, 160),
            (CaseloadModel.COL_SCHOOL, 140),
            (CaseloadModel.COL_OFFER, 150),
            (CaseloadModel.COL_COACH, 120),
            (CaseloadModel.COL_START, 90),
            (CaseloadModel.COL_STATUS, 90),
        ):
            self.table.setColumnWidth(column, width)

        title = QLabel(self.tr("Trajecten") if self.is_leader else self.tr("Mijn trajecten"))
        title.setStyleSheet(TITLE_STYLE)
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
        self.include_closed = QCheckBox(self.tr("Ook a&fgesloten"))
        filters = QHBoxLayout()
        search_label = QLabel(self.tr("&Zoeken:"))
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        coach_label = QLabel(self.tr("&Coach:"))
        coach_label.setBuddy(self.coach_filter)
        coach_label.setVisible(self.is_leader)
        filters.addWidget(coach_label)
        filters.addWidget(self.coach_filter)
        status_label = QLabel(self.tr("S&tatus:"))
        status_label.setBuddy(self.status_filter)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.include_closed)
        self.count_label = QLabel()
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("caseloadHint")
        self.empty_hint.setStyleSheet(HINT_STYLE)
        self.empty_hint.setWordWrap(True)

        self.detail = TrajectoryDetail()
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
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.table)

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
        d.goals.doubleClicked.connect(lambda _i: self.open_evaluate())
        d.sessions.doubleClicked.connect(lambda _i: self.open_note())
        self.schools: list[reference.SchoolInfo] = []
        self.users: list[accounts.UserInfo] = []
        ctx.call(reference.list_schools, True, on_success=self._schools_loaded)
        vault = ctx.vault
        ctx.worker.submit(
            lambda: accounts.list_users(vault, vault.identity, include_removed=True),
            self._users_loaded,
        )
        self._update_counts()
        self.reload()

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
            on_failure=self._failed,
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
            self.proxy.rowCount(),
            self.model.rowCount(),
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
            on_failure=self._failed,
        )
        self.ctx.call(
            scheduling.trajectory_sessions,
            trajectory_id,
            on_success=lambda rows: self._sessions_loaded(trajectory_id, rows),
            on_failure=self._failed,
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

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.ctx.prompts.error(self, self.tr("Trajecten"), exc.message(self.ctx.lang))

    # --- actions --------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        if isinstance(dialog, _FormDialog):
            dialog.done_with.connect(lambda _r: self._changed())
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.dialog = None
        self.reload()
        self.load_detail()

    def open_start(self) -> QDialog | None:
        info = self.detail.info
        if info is None:
            return None
        return self._open(StartDialog(self.ctx, info, self.today(), self))

    def open_close(self) -> QDialog | None:
        info = self.detail.info
        if info is None:
            return None
        return self._open(CloseDialog(self.ctx, info, self.today(), self))

    def open_add_goal(self) -> QDialog | None:
        info = self.detail.info
        if info is None:
            return None
        return self._open(GoalDialog(self.ctx, info, self.today(), self))

    def open_evaluate(self) -> QDialog | None:
        goal = self.detail.selected_goal()
        if goal is None:
            return None
        return self._open(EvaluateDialog(self.ctx, goal, self.today(), self))

    def open_attendance(self) -> QDialog | None:
        from amo_desktop.ui.flows.sessions import AttendanceDialog

        session = self.detail.selected_session()
        if session is None:
            return None
        dialog = AttendanceDialog(self.ctx, session, self)
        dialog.saved.connect(lambda _i: self._changed())
        return self._open(dialog)

    def open_plan(self) -> QDialog | None:
        from amo_desktop.ui.flows.sessions import SessionDialog

        info = self.detail.info
        if info is None:
            return None
        caseload = [
            t for t in self.model.records() if t.status not in ("afgesloten", "geannuleerd")
        ]
        dialog = SessionDialog(
            self.ctx, caseload, self.schools, self.users, self.today(), trajectory_id=info.id,
            parent=self,
        )  # fmt: skip
        dialog.planned.connect(lambda _p: self._changed())
        return self._open(dialog)

    def open_note(self) -> Any:
        from amo_desktop.ui.flows.note_editor import NoteEditor

        session = self.detail.selected_session()
        if session is None:
            return None
        editor = NoteEditor(self.ctx, session, self)
        editor.finished.connect(editor.deleteLater)
        self.note_editor = editor
        editor.open()
        return editor
