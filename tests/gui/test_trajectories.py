"""Trajecten on a real vault: the caseload and its filter, goals, closing, and the note editor
with drafts, versions and history."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import Qt

from amo_desktop.domain.note_templates import default_texts
from amo_desktop.services import notes, scheduling
from amo_desktop.services.notes import NoteInfo
from amo_desktop.services.scheduling import SessionInfo, SessionInput
from amo_desktop.services.trajectories import GoalInfo, TrajectoryInfo
from amo_desktop.ui.flows.note_editor import NoteEditor, VersionsModel
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.tables import OBJECT_ROLE
from amo_desktop.ui.screens.trajecten.detail import TrajectoryDetail
from amo_desktop.ui.screens.trajecten.dialogs import CloseDialog, EvaluateDialog, GoalDialog
from amo_desktop.ui.screens.trajecten.models import (
    CaseloadFilter,
    CaseloadModel,
    GoalsModel,
    SessionsModel,
)
from amo_desktop.ui.screens.trajecten.page import TrajectoriesPage
from tests.gui.test_planning import TODAY, build_plan
from tests.gui.test_referrals import host, hosted


def _trajectory(n: int, status: str = "lopend") -> TrajectoryInfo:
    return TrajectoryInfo(
        f"t{n}", f"r{n}", f"Jongere {n}", "s1", "individuele_begeleiding", "u1", [],
        date(2025, 9, n), None, status, None, None,
    )  # fmt: skip


def test_models_pass_qtmodeltester(qtmodeltester) -> None:
    caseload = CaseloadModel()
    caseload.user_names = {"u1": "An Coach"}
    caseload.set_records([_trajectory(i) for i in range(1, 5)])
    proxy = CaseloadFilter()
    proxy.setSourceModel(caseload)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filters("jongere 3")
    assert proxy.rowCount() == 1
    proxy.set_filters("", "gepland")
    assert proxy.rowCount() == 0
    caseload.set_records([_trajectory(2, "afgesloten"), _trajectory(7)])
    assert caseload.index(0, CaseloadModel.COL_STATUS).data() == "Afgesloten"
    assert caseload.index(1, CaseloadModel.COL_COACH).data() == "An Coach"

    goals = GoalsModel()
    goals.set_records(
        [
            GoalInfo(
                "g1", "Elke dag op school", "schoolbinding", date(2025, 9, 1), "lopend", None, ""
            )
        ]
    )
    qtmodeltester.check(goals, force_py=True)
    sessions = SessionsModel()
    info = scheduling.SessionInfo(
        "x", date(2025, 9, 1), time(9), 50, "c", "s", "t", None, None, "klassessie", "school",
        "aanwezig", 18, False, "Klas 3B",
    )  # fmt: skip
    sessions.set_records([info])
    qtmodeltester.check(sessions, force_py=True)
    assert sessions.index(0, SessionsModel.COL_ATTENDANCE).data() == "Aanwezig (18)"
    versions = VersionsModel()
    versions.user_names = {"u1": "Lea Peeters"}
    at = datetime(2025, 10, 20, 8, tzinfo=UTC)
    versions.set_records(
        [
            NoteInfo(f"n{v}", "x", v, "u1", at, "tekst", "", "", "", {}, "intern", v == 2)
            for v in (1, 2)
        ]
    )
    qtmodeltester.check(versions, force_py=True)
    assert versions.index(1, VersionsModel.COL_KIND).data() == "Concept"


def _page(qtbot, ctx: AppContext) -> TrajectoriesPage:
    window = host(qtbot, 1200, 800)
    ctx.today = lambda: TODAY
    page = TrajectoriesPage(ctx, parent=window)
    hosted(window, page)
    qtbot.waitUntil(lambda: page._loaded and page.model.rowCount() >= 1)
    return page


def test_caseload_goals_and_closing(qtbot, ctx: AppContext) -> None:
    plan = build_plan(ctx.vault)
    page = _page(qtbot, ctx)
    assert page.coach_filter.isVisible()  # the team leader chooses a coach or all
    qtbot.waitUntil(lambda: page.coach_filter.count() == 3)
    page.coach_filter.setCurrentIndex(page.coach_filter.findData(plan.leader.user_id))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert "Nog geen trajecten" in page.empty_hint.text()
    page.coach_filter.setCurrentIndex(page.coach_filter.findData(plan.coach.user_id))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.search.setText("peeters asse")
    assert page.proxy.rowCount() == 1
    page.search.setText("milan")
    assert page.proxy.rowCount() == 0 and "zoekopdracht" in page.empty_hint.text()
    page.search.clear()

    assert page.select_trajectory(plan.trajectory)
    qtbot.waitUntil(lambda: page.detail.info is not None and page.detail.info.id == plan.trajectory)
    assert page.detail.heading.text() == "Zoë Peeters"
    assert "Lopend" in page.detail.facts.text()

    # closing with 'doelen bereikt' needs a reached goal: the service says so next to the field
    close = page.open_close()
    assert isinstance(close, CloseDialog)
    close.reason.setCurrentIndex(close.reason.findData("doelen_bereikt"))
    close.outcome.setCurrentIndex(close.outcome.findData("zelfde_school_richting"))
    qtbot.mouseClick(close.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: close.errors.visible_text("closure_reason") != "")
    assert "minstens één doel" in close.errors.visible_text("closure_reason")
    close.reject()

    goal = page.open_add_goal()
    assert isinstance(goal, GoalDialog)
    goal.description.setText("Gaat elke dag naar school")
    goal.domain.setCurrentIndex(goal.domain.findData("schoolbinding"))
    qtbot.mouseClick(goal.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.goals_model.rowCount() == 1)
    page.detail.goals.setCurrentIndex(page.detail.goals_proxy.index(0, 0))
    evaluate = page.open_evaluate()
    assert isinstance(evaluate, EvaluateDialog)
    evaluate.evaluation.setCurrentIndex(evaluate.evaluation.findData("bereikt"))
    qtbot.mouseClick(evaluate.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.detail.goals_model.index(0, GoalsModel.COL_EVALUATION).data() == "Bereikt"
    )

    close = page.open_close()
    close.reason.setCurrentIndex(close.reason.findData("doelen_bereikt"))
    close.outcome.setCurrentIndex(close.outcome.findData("zelfde_school_richting"))
    qtbot.mouseClick(close.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)  # closed ones are hidden by default
    page.include_closed.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, CaseloadModel.COL_STATUS).data() == "Afgesloten"


def test_note_drafts_versions_and_history(qtbot, ctx: AppContext) -> None:
    plan = build_plan(ctx.vault)
    with ctx.vault.session() as s:
        notes.add_template(
            s, plan.leader, "individueel_gesprek", "Eerste gesprek",
            content="Kennismaking.", next_steps="Volgende afspraak plannen.",
        )  # fmt: skip
        session = scheduling.plan_session(
            s,
            plan.leader,
            SessionInput(
                plan.coach.user_id,
                TODAY,
                time(9),
                50,
                "individueel_gesprek",
                trajectory_id=plan.trajectory,
            ),
        ).sessions[0]
        later = scheduling.plan_session(
            s,
            plan.leader,
            SessionInput(
                plan.coach.user_id,
                date(2025, 11, 3),
                time(9),
                50,
                "individueel_gesprek",
                trajectory_id=plan.trajectory,
            ),
        ).sessions[0]
    page = _page(qtbot, ctx)
    page.select_trajectory(plan.trajectory)
    qtbot.waitUntil(lambda: page.detail.sessions_model.rowCount() == 2)
    page.detail.sessions.setCurrentIndex(page.detail.sessions_proxy.index(0, 0))
    editor = page.open_note()
    assert isinstance(editor, NoteEditor)
    qtbot.waitUntil(lambda: editor.loaded)
    assert editor.status.text() == "Nieuw verslag."
    assert editor.template_button.isEnabled()
    editor.template_menu.actions()[0].trigger()
    assert editor.content.toPlainText() == "Kennismaking."
    editor.observations.setPlainText("Zoë is rustig.")

    editor.autosave()  # what the 30-second timer does
    qtbot.waitUntil(lambda: editor.stored_is_draft)
    with ctx.vault.session() as s:
        stored = notes.get_note(s, plan.leader, session.id)
    assert stored is not None and stored.is_draft and stored.observations == "Zoë is rustig."
    assert "Concept" in editor.status.text()

    editor.agreements.setPlainText("Elke ochtend melden bij de leerlingenbegeleider.")
    editor.save()
    qtbot.waitUntil(lambda: not editor.stored_is_draft and not editor.is_dirty())
    assert editor.status.text().startswith("Versie 1")
    editor.next_steps.setPlainText("Gesprek met ouders.")
    editor.save()
    qtbot.waitUntil(lambda: editor.version == 2 and not editor.is_dirty())

    versions = editor.open_versions()
    qtbot.waitUntil(lambda: versions.model.rowCount() == 2)
    qtbot.waitUntil(
        lambda: versions.model.index(0, VersionsModel.COL_AUTHOR).data() == "Lea Peeters"
    )
    assert "Elke ochtend" in versions.text.toPlainText()
    versions.reject()

    editor.content.setPlainText("Nog iets, niet opgeslagen.")
    editor.reject()  # closing (or locking) keeps the typed text as a draft, silently
    qtbot.waitUntil(lambda: not ctx.worker.busy)
    with ctx.vault.session() as s:
        stored = notes.get_note(s, plan.leader, session.id)
        history = notes.note_history(s, plan.leader, session.id)
    assert stored is not None and stored.is_draft
    assert stored.content == "Nog iets, niet opgeslagen."
    assert [n.version for n in history] == [1, 2, 3]  # two versions, then the draft

    again = page.open_note()
    qtbot.waitUntil(lambda: again.loaded)
    assert again.content.toPlainText() == "Nog iets, niet opgeslagen."
    again.reject()

    page.detail.sessions.setCurrentIndex(page.detail.sessions_proxy.index(1, 0))
    second = page.open_note()
    assert second.session.id == later.id
    qtbot.waitUntil(lambda: second.loaded)
    assert second.content.toPlainText() == default_texts("individueel_gesprek")[0]  # new: headings
    second.copy_last_agreements()
    qtbot.waitUntil(lambda: "Elke ochtend melden" in second.agreements.toPlainText())
    assert second.agreements.toPlainText().startswith("Afspraken van vorige keer:")
    second.reject()


def _session(n: int, cancelled: bool = False, editable: bool = True) -> SessionInfo:
    return SessionInfo(
        f"s{n}", date(2025, 10, n), time(9), 50, "u1", "s1", "t1", None, None,
        "individueel_gesprek", "", None, None, cancelled, "Jongere 1", editable,
    )  # fmt: skip


def _tip(button) -> str | None:
    """None when `button` can be clicked, else the reason it shows (tooltip = status tip)."""
    assert button.toolTip() == button.statusTip()
    return None if button.isEnabled() else button.toolTip()


def test_actions_that_cannot_apply_are_disabled_with_the_reason(qtbot) -> None:
    detail = TrajectoryDetail()
    qtbot.addWidget(detail)
    planned = _trajectory(1, "gepland")
    detail.show_trajectory(planned, {}, {})
    start_first = "Start het traject om doelen te stellen."
    assert _tip(detail.add_goal_button) == start_first
    assert _tip(detail.evaluate_button) == start_first
    assert _tip(detail.plan_button) is None

    running = _trajectory(1)
    detail.show_trajectory(running, {}, {})
    assert _tip(detail.add_goal_button) is None
    assert _tip(detail.evaluate_button) == "Voeg eerst een doel toe."
    detail.set_sessions([])
    assert _tip(detail.attendance_button) == "Nog geen sessies: plan er een bij Planning."
    assert _tip(detail.note_button) == "Nog geen sessies: plan er een bij Planning."

    goal = GoalInfo("g1", "Naar school", "schoolbinding", date(2025, 9, 2), None, None, "")
    detail.show_trajectory(TrajectoryInfo(**{**running.__dict__, "goals": [goal]}), {}, {})
    assert _tip(detail.evaluate_button) == "Kies eerst een doel in de lijst."
    detail.goals.setCurrentIndex(detail.goals_proxy.index(0, 0))
    assert _tip(detail.evaluate_button) is None

    detail.set_sessions([_session(1), _session(2, cancelled=True), _session(3, editable=False)])
    assert _tip(detail.note_button) == "Kies eerst een sessie in de lijst."
    by_id = {
        detail.sessions_proxy.index(row, 0).data(OBJECT_ROLE).id: row
        for row in range(detail.sessions_proxy.rowCount())
    }
    detail.sessions.setCurrentIndex(detail.sessions_proxy.index(by_id["s1"], 0))
    assert _tip(detail.attendance_button) is None and _tip(detail.note_button) is None
    detail.sessions.setCurrentIndex(detail.sessions_proxy.index(by_id["s2"], 0))
    assert _tip(detail.attendance_button) == "Deze sessie is geannuleerd."
    assert _tip(detail.note_button) is None  # why it was cancelled can still be written down
    detail.sessions.setCurrentIndex(detail.sessions_proxy.index(by_id["s3"], 0))
    assert _tip(detail.attendance_button) == "Deze sessie is van een collega."

    for status, why in (("afgesloten", "afgesloten"), ("geannuleerd", "geannuleerd")):
        detail.show_trajectory(_trajectory(1, status), {}, {})
        assert _tip(detail.plan_button) == f"Dit traject is {why}."
        assert _tip(detail.add_goal_button) == f"Dit traject is {why}."
        assert not detail.start_button.isVisibleTo(detail)
        assert not detail.close_button.isVisibleTo(detail)


def test_evaluate_waits_for_a_goal_on_the_page(qtbot, ctx: AppContext) -> None:
    plan = build_plan(ctx.vault)
    page = _page(qtbot, ctx)
    page.select_trajectory(plan.trajectory)
    qtbot.waitUntil(lambda: page.detail.info is not None)
    assert not page.detail.evaluate_button.isEnabled()
    assert page.detail.evaluate_button.toolTip() == "Voeg eerst een doel toe."
    assert page.detail.close_button.isVisible() and not page.detail.start_button.isVisible()
    goal = page.open_add_goal()
    assert isinstance(goal, GoalDialog)
    goal.description.setText("Gaat elke dag naar school")
    goal.domain.setCurrentIndex(goal.domain.findData("schoolbinding"))
    qtbot.mouseClick(goal.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.goals_model.rowCount() == 1)
    assert page.detail.evaluate_button.toolTip() == "Kies eerst een doel in de lijst."
    page.detail.goals.setCurrentIndex(page.detail.goals_proxy.index(0, 0))
    assert page.detail.evaluate_button.isEnabled()
    qtbot.mouseClick(page.detail.evaluate_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, EvaluateDialog)
    page.dialog.reject()
    page.dialog = None
    goals = page.detail.goals
    where = goals.visualRect(page.detail.goals_proxy.index(0, 0)).center()
    qtbot.mouseClick(goals.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(goals.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert isinstance(page.dialog, EvaluateDialog)  # a double-click on a goal evaluates it
    page.dialog.reject()
