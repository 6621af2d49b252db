"""The forms on a trajectory (start, close, add a goal, evaluate one): each OK is one service call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from amo_desktop.domain.enums import ClosureReason, GoalEvaluation, GuidanceDomain, SchoolOutcome
from amo_desktop.services import trajectories
from amo_desktop.services.trajectories import GoalInfo, TrajectoryInfo
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FormDialog
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import date_edit, fill_combo


class ServiceFormDialog(FormDialog):
    """The kit's form whose OK runs one service call itself, with an optional intro above the
    fields; `done_with(result)` tells the page the change is saved."""

    done_with = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(ctx, "", "", parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.intro)
        self.submitted.connect(self.submit)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def submit(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def run(self, service: Callable[..., Any], *args: Any) -> None:
        self.ctx.call(service, *args, on_success=self._done, on_failure=self.failed)

    def _done(self, result: Any) -> None:
        self.done_with.emit(result)
        self.succeeded(result)


class GoalDialog(ServiceFormDialog):
    def __init__(
        self, ctx: AppContext, trajectory: TrajectoryInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Doel toevoegen"))
        self.ok_button.setText(self.tr("&Toevoegen"))
        self.trajectory = trajectory
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Bv. Gaat elke dag naar school"))
        self.domain = QComboBox()
        fill_combo(self.domain, GuidanceDomain)
        self.add("description", self.tr("&Doel:"), self.description)
        self.add("domain", self.tr("Do&mein:"), self.domain)
        self.set_on = date_edit(max(today, trajectory.start_on))
        self.add("set_on", self.tr("&Gesteld op:"), self.set_on)

    def submit(self, values: dict[str, Any]) -> None:
        self.run(
            trajectories.add_goal,
            self.trajectory.id,
            values["description"],
            values["domain"],
            values["set_on"],
        )


class EvaluateDialog(ServiceFormDialog):
    def __init__(
        self, ctx: AppContext, goal: GoalInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Doel evalueren"))
        self.ok_button.setText(self.tr("&Evalueren"))
        self.goal = goal
        self.set_intro(f"<b>{goal.description}</b>")
        self.evaluation = QComboBox()
        fill_combo(self.evaluation, GoalEvaluation, goal.evaluation)
        self.add("evaluation", self.tr("&Evaluatie:"), self.evaluation)
        self.on = date_edit(max(today, goal.set_on))
        self.note = QLineEdit(goal.evaluation_note)
        self.add("on", self.tr("&Datum:"), self.on)
        self.add("note", self.tr("&Toelichting:"), self.note)

    def submit(self, values: dict[str, Any]) -> None:
        self.run(
            trajectories.evaluate_goal,
            self.goal.id,
            values["evaluation"],
            values["on"],
            values["note"],
        )


class StartDialog(ServiceFormDialog):
    def __init__(
        self, ctx: AppContext, trajectory: TrajectoryInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Traject starten"))
        self.ok_button.setText(self.tr("&Starten"))
        self.trajectory = trajectory
        self.set_intro(
            fill(
                self.tr("Het traject van <b>%1</b> start; de aanmelding wordt 'Gestart'."),
                trajectory.subject_label,
            )
        )
        self.on = date_edit(today)
        self.add("on", self.tr("&Startdatum:"), self.on)

    def submit(self, values: dict[str, Any]) -> None:
        self.run(trajectories.start_trajectory, self.trajectory.id, values["on"])


class CloseDialog(ServiceFormDialog):
    def __init__(
        self, ctx: AppContext, trajectory: TrajectoryInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Traject afsluiten"))
        self.ok_button.setText(self.tr("&Afsluiten"))
        self.trajectory = trajectory
        self.set_intro(
            fill(
                self.tr("Het traject van <b>%1</b> en de aanmelding worden afgesloten."),
                trajectory.subject_label,
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
        self.add("on", self.tr("&Einddatum:"), self.on)
        self.add("closure_reason", self.tr("&Reden:"), self.reason)
        self.add("outcome", self.tr("&Uitkomst:"), self.outcome)
        self.add("summary", self.tr("&Samenvatting:"), self.summary)

    def submit(self, values: dict[str, Any]) -> None:
        if values["closure_reason"] is None:
            self._refuse("closure_reason", self.tr("Kies waarom het traject stopt."))
            return
        if values["outcome"] is None:
            self._refuse("outcome", self.tr("Kies de uitkomst voor de schoolloopbaan."))
            return
        self.run(
            trajectories.close_trajectory,
            self.trajectory.id,
            values["on"],
            values["closure_reason"],
            values["outcome"],
            values["summary"],
        )

    def _refuse(self, field: str, text: str) -> None:
        self.errors.show(field, text)
        self.ok_button.setEnabled(True)
