"""The right-hand pane of Trajecten: the selected trajectory's facts, actions, goals and sessions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QWidget,
)

from amo_desktop.domain.enums import ClosureReason, OfferType, SchoolOutcome, TrajectoryStatus
from amo_desktop.services.scheduling import SessionInfo
from amo_desktop.services.trajectories import GoalInfo, TrajectoryInfo
from amo_desktop.ui.kit.tables import OBJECT_ROLE, sorted_table
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import column, format_date, hint, label_of
from amo_desktop.ui.screens.trajecten.models import GoalsModel, SessionsModel

_CLOSED = (TrajectoryStatus.AFGESLOTEN.value, TrajectoryStatus.GEANNULEERD.value)


def _row(*widgets: QWidget, stretch_last: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    if stretch_last:
        row.setStretchFactor(widgets[-1], 1)
    else:
        row.addStretch()
    return row


def _allow(button: QPushButton, why_not: str) -> None:
    """`button` can be clicked when there is no reason why not; else the reason is its tip."""
    button.setEnabled(not why_not)
    button.setToolTip(why_not)
    button.setStatusTip(why_not)


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
        self.empty = hint(self.tr("Kies een traject in de lijst om de doelen en sessies te zien."))
        self.start_button = QPushButton(self.tr("Traject &starten…"))
        self.close_button = QPushButton(self.tr("Traject a&fsluiten…"))
        self.plan_button = QPushButton(self.tr("Contactmoment in&plannen…"))
        self._build_goals()
        self._build_sessions()
        self.body = QWidget()
        body = column(
            self.body,
            self.heading,
            self.facts,
            _row(self.start_button, self.close_button, self.plan_button),
        )
        body.setContentsMargins(0, 0, 0, 0)
        for caption, table, buttons in (
            (
                self.tr("Doelen"),
                self.goals,
                _row(
                    self.add_goal_button, self.evaluate_button, self.goals_hint, stretch_last=True
                ),
            ),
            (
                self.tr("Sessies"),
                self.sessions,
                _row(
                    self.attendance_button, self.note_button, self.sessions_hint, stretch_last=True
                ),
            ),
        ):
            label = QLabel(caption)
            label.setStyleSheet("font-weight: bold;")
            table.setAccessibleName(caption)
            body.addWidget(label)
            body.addWidget(table, 1)
            body.addLayout(buttons)
        column(self, self.empty).addWidget(self.body, 1)
        for view in (self.goals, self.sessions):
            model = view.model()
            for signal in (
                view.selectionModel().currentChanged,
                model.modelReset,
                model.rowsInserted,
                model.rowsRemoved,
                model.dataChanged,
            ):
                signal.connect(lambda *_: self.update_actions())
        self.show_trajectory(None, {}, {})

    def _build_goals(self) -> None:
        self.goals_model = GoalsModel(self)
        self.goals, self.goals_proxy = sorted_table(
            self.goals_model, "goalsTable", GoalsModel.COL_DESCRIPTION
        )
        self.goals.setMinimumHeight(80)
        goal_header = self.goals.horizontalHeader()
        goal_header.setSectionResizeMode(GoalsModel.COL_DOMAIN, QHeaderView.ResizeMode.Interactive)
        self.goals.setColumnWidth(GoalsModel.COL_DOMAIN, 130)
        self.goals.setWordWrap(True)
        self.add_goal_button = QPushButton(self.tr("&Doel toevoegen…"))
        self.evaluate_button = QPushButton(self.tr("&Evalueren…"))
        self.goals_hint = hint()

    def _build_sessions(self) -> None:
        self.sessions_model = SessionsModel(self)
        self.sessions, self.sessions_proxy = sorted_table(
            self.sessions_model, "sessionsTable", SessionsModel.COL_TYPE, SessionsModel.COL_DATE
        )
        self.sessions.setMinimumHeight(80)
        self.attendance_button = QPushButton(self.tr("Aan&wezigheid…"))
        self.note_button = QPushButton(self.tr("Ve&rslag…"))
        self.sessions_hint = hint()

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
        self.facts.setText(self._facts(info, schools, users))
        self.goals_model.set_records(info.goals)
        closed = info.status in _CLOSED
        planned = info.status == TrajectoryStatus.GEPLAND.value
        self.start_button.setVisible(planned)
        self.close_button.setVisible(not planned and not closed)
        self.update_actions()
        self.goals_hint.setText(
            self.tr("Start het traject om doelen te stellen.")
            if planned
            else (self.tr("Nog geen doelen.") if not info.goals else "")
        )

    def _facts(self, info: TrajectoryInfo, schools: dict[str, str], users: dict[str, str]) -> str:
        coaches = ", ".join(users.get(c, "") for c in [info.lead_coach_id, *info.co_coach_ids])
        lines = [
            f"{schools.get(info.school_id, '')} · {label_of(OfferType, info.offer_type)}",
            fill(self.tr("Status: %1"), label_of(TrajectoryStatus, info.status)),
            fill(self.tr("Coach: %1"), coaches),
            fill(self.tr("Start: %1"), format_date(info.start_on)),
        ]
        if info.end_on:
            lines.append(
                fill(
                    self.tr("Afgesloten op %1: %2 – %3"),
                    format_date(info.end_on),
                    label_of(ClosureReason, info.closure_reason),
                    label_of(SchoolOutcome, info.outcome),
                )
            )
        return "\n".join(lines)

    def set_sessions(self, sessions: list[SessionInfo]) -> None:
        self.sessions_model.set_records(sessions)
        self.sessions_hint.setText(
            "" if sessions else self.tr("Nog geen sessies: plan er een bij Planning.")
        )

    def update_actions(self) -> None:
        """Each action is enabled only when it can apply; else its tooltip says why not."""
        info = self.info
        ended = self._ended(info)
        planned = info is not None and info.status == TrajectoryStatus.GEPLAND.value
        start_first = self.tr("Start het traject om doelen te stellen.")
        _allow(self.plan_button, ended)
        _allow(self.add_goal_button, ended or (start_first if planned else ""))
        goal = self.selected_goal()
        if info is not None and not info.goals:
            no_goal = start_first if planned else self.tr("Voeg eerst een doel toe.")
        else:
            no_goal = self.tr("Kies eerst een doel in de lijst.") if goal is None else ""
        _allow(self.evaluate_button, no_goal)
        session = self.selected_session()
        if session is None:
            no_session = (
                self.tr("Kies eerst een sessie in de lijst.")
                if self.sessions_model.rowCount()
                else self.tr("Nog geen sessies: plan er een bij Planning.")
            )
        else:
            no_session = self.tr("Deze sessie is van een collega.") if not session.editable else ""
        cancelled = self.tr("Deze sessie is geannuleerd.") if session and session.cancelled else ""
        _allow(self.attendance_button, no_session or cancelled)
        _allow(self.note_button, no_session)

    def _ended(self, info: TrajectoryInfo | None) -> str:
        """Why nothing can be added to `info` any more, or "" while it runs."""
        if info is None or info.status not in _CLOSED:
            return ""
        if info.status == TrajectoryStatus.GEANNULEERD.value:
            return self.tr("Dit traject is geannuleerd.")
        return self.tr("Dit traject is afgesloten.")

    def selected_goal(self) -> GoalInfo | None:
        index = self.goals.currentIndex()
        goal: GoalInfo | None = (
            self.goals_proxy.data(index, OBJECT_ROLE) if index.isValid() else None
        )
        return goal

    def selected_session(self) -> SessionInfo | None:
        index = self.sessions.currentIndex()
        session: SessionInfo | None = (
            self.sessions_proxy.data(index, OBJECT_ROLE) if index.isValid() else None
        )
        return session
