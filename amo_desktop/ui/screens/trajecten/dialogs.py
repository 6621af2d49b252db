"""The forms on a trajectory (start, close, add a goal, evaluate one): each OK is one service call."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from amo_desktop.domain.enums import ClosureReason, GoalEvaluation, GuidanceDomain, SchoolOutcome
from amo_desktop.services import trajectories
from amo_desktop.services.trajectories import GoalInfo, TrajectoryInfo
from amo_desktop.ui.flows.service_form import ServiceFormDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import date_edit, fill_combo, label_of, unchosen_combo


class GoalDialog(ServiceFormDialog):
    def __init__(
        self, ctx: AppContext, trajectory: TrajectoryInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, parent)
        self.describe(self.tr("Doel toevoegen"), self.tr("&Toevoegen"))
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
            said=fill(self.tr("Doel toegevoegd voor %1."), self.trajectory.subject_label),
        )


class EvaluateDialog(ServiceFormDialog):
    def __init__(
        self, ctx: AppContext, goal: GoalInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, parent)
        self.describe(
            self.tr("Doel evalueren"), self.tr("&Evalueren"), f"<b>{goal.description}</b>"
        )
        self.goal = goal
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
            said=fill(
                self.tr("Doel geëvalueerd: %1."), label_of(GoalEvaluation, values["evaluation"])
            ),
        )


class StartDialog(ServiceFormDialog):
    def __init__(
        self, ctx: AppContext, trajectory: TrajectoryInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, parent)
        self.describe(
            self.tr("Traject starten"),
            self.tr("&Starten"),
            fill(
                self.tr("Het traject van <b>%1</b> start; de aanmelding wordt 'Gestart'."),
                trajectory.subject_label,
            ),
        )
        self.trajectory = trajectory
        self.on = date_edit(today)
        self.add("on", self.tr("Start&datum:"), self.on)

    def submit(self, values: dict[str, Any]) -> None:
        self.run(
            trajectories.start_trajectory,
            self.trajectory.id,
            values["on"],
            said=fill(self.tr("Traject van %1 gestart."), self.trajectory.subject_label),
        )


class CloseDialog(ServiceFormDialog):
    def __init__(
        self, ctx: AppContext, trajectory: TrajectoryInfo, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, parent)
        self.describe(
            self.tr("Traject afsluiten"),
            self.tr("&Afsluiten"),
            fill(
                self.tr("Het traject van <b>%1</b> en de aanmelding worden afgesloten."),
                trajectory.subject_label,
            ),
        )
        self.trajectory = trajectory
        self.on = date_edit(today)
        self.reason = unchosen_combo(ClosureReason, self.tr("Kies de reden…"))
        self.outcome = unchosen_combo(SchoolOutcome, self.tr("Kies de uitkomst…"))
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
            said=fill(self.tr("Traject van %1 afgesloten."), self.trajectory.subject_label),
        )

    def _refuse(self, field: str, text: str) -> None:
        self.errors.show(field, text)
        self.ok_button.setEnabled(True)
