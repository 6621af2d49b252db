"""Feedback a person can trust (issue 15): the status bar says what each action did, and after an
action the selection stays on the row acted on or clears; it never jumps to the next pupil."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from amo_desktop.services import exchange, intake, trajectories
from amo_desktop.ui.flows.sessions import SessionDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.tables import Column, RecordFilter, RecordModel, setup_table
from amo_desktop.ui.screens.aanmeldingen.page import OPEN, ReferralsPage
from amo_desktop.ui.screens.beheer.backup import BackupTab
from amo_desktop.ui.screens.beheer.import_tab import ImportTab
from amo_desktop.ui.screens.rapporten.page import ReportsPage
from amo_desktop.ui.screens.trajecten.dialogs import (
    CloseDialog,
    EvaluateDialog,
    GoalDialog,
    StartDialog,
)
from amo_desktop.ui.screens.trajecten.page import TrajectoriesPage
from amo_desktop.ui.screens.uitwisselen.page import ExchangePage
from amo_desktop.ui.screens.wachtlijst.page import WaitlistPage
from amo_desktop.ui.shell.main_window import MainWindow
from amo_desktop.ui.shell.session import SessionController
from tests.conftest import LEADER_PASSWORD
from tests.gui.test_admin import _csv, _row
from tests.gui.test_exchange_page import _invite
from tests.gui.test_planning import _page as planning_page
from tests.gui.test_planning import build_plan
from tests.gui.test_referrals import COACH_PASSWORD, TODAY, _fill_form, host, hosted, youth
from tests.gui.test_reports_page import TODAY as REPORT_DAY
from tests.gui.test_reports_page import seed
from tests.gui.test_waitlist import waiting_stage


def said(ctx: AppContext) -> list[str]:
    """Every text the screens give the status bar from now on."""
    texts: list[str] = []
    ctx.status_line.said.connect(texts.append)
    return texts


# --- the kit: one keeper for every list --------------------------------------------------
@dataclass(frozen=True)
class Row:
    id: str
    name: str


def _table(qtbot) -> tuple[QTableView, RecordModel, RecordFilter]:
    model = RecordModel(columns=[Column("Naam", lambda r: r.name)])
    proxy = RecordFilter()
    proxy.setSourceModel(model)
    table = QTableView()
    qtbot.addWidget(table)
    setup_table(table, proxy, "rows")
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    model.set_records([Row(str(n), f"naam {n}") for n in range(5)])
    return table, model, proxy


def _selected(table: QTableView) -> list[str]:
    return [i.data(RecordModel.ID_ROLE) for i in table.selectionModel().selectedRows()]


def _select(table: QTableView, model: RecordModel, proxy: RecordFilter, key: str) -> None:
    table.selectRow(proxy.mapFromSource(model.index(model.row_of(key), 0)).row())


def test_a_row_that_leaves_the_list_takes_the_selection_with_it(qtbot) -> None:
    """Qt itself selects the next row when the selected one goes: the keeper clears instead."""
    table, model, proxy = _table(qtbot)
    _select(table, model, proxy, "2")
    model.set_records([Row(str(n), f"naam {n}") for n in (0, 1, 3, 4)])
    assert _selected(table) == []
    assert not table.selectionModel().currentIndex().isValid()
    # hidden by a filter works the same
    _select(table, model, proxy, "3")
    proxy.words = ["naam 4"]
    proxy.refilter()
    assert _selected(table) == [] and not table.currentIndex().isValid()


def test_the_row_acted_on_stays_selected_when_it_moves_and_others_go(qtbot) -> None:
    table, model, proxy = _table(qtbot)
    _select(table, model, proxy, "3")
    # row 3 is renamed so it sorts first, row 2 (above it) is gone
    model.set_records([Row("0", "naam 0"), Row("1", "naam 1"), Row("3", "a"), Row("4", "naam 4")])
    assert _selected(table) == ["3"]
    assert table.currentIndex().row() == 0
    model.set_columns([Column("Andere titel", lambda r: r.name)])  # a reset: found again by id
    assert _selected(table) == ["3"]


# --- the status bar -----------------------------------------------------------------------
def test_the_main_window_shows_what_an_assignment_did_and_clears_the_selection(
    qtbot, ctx: AppContext, qapp
) -> None:
    stage = waiting_stage(ctx)
    ctx.today = lambda: TODAY
    session = SessionController(ctx, qapp)
    session.start()
    window = session.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show_page("waiting")
    page = window.page("waiting")
    assert isinstance(page, WaitlistPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and bool(page.users))
    page.select_referral(stage.ids["zoe"])  # the middle row: Milan above, the class below
    assert page.assign_button.isEnabled()
    dialog = page.open_assign()
    assert dialog is not None
    dialog.lead.setCurrentIndex(dialog.lead.findText("An Coach"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert window.statusBar().currentMessage() == "Zoë Peeters toegewezen aan coach An Coach."
    assert page.table.selectionModel().selectedRows() == []
    assert page.selected_entry() is None
    assert not page.assign_button.isEnabled()


def test_the_main_window_says_a_backup_settings_and_a_new_password(
    qtbot, ctx: AppContext, qapp, tmp_path: Path
) -> None:
    session = SessionController(ctx, qapp)
    session.start()
    window = session.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    bar = window.statusBar()
    ctx.prompts.save_path = tmp_path / "kopie.amobak"  # type: ignore[attr-defined]
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bar.currentMessage() == "Reservekopie gemaakt.", timeout=10_000)

    settings = window.open_settings()
    settings.minutes.setValue(12)
    settings.save()
    assert bar.currentMessage() == "Instellingen opgeslagen."

    password = window.change_password()
    password.old.setText(LEADER_PASSWORD)
    password.new.setText("een heel ander wachtwoord")
    password.repeat.setText("een heel ander wachtwoord")
    password.submit()
    qtbot.waitUntil(lambda: bar.currentMessage() == "Wachtwoord gewijzigd.", timeout=10_000)


def test_saving_a_referral_keeps_it_selected_and_says_so(qtbot, ctx: AppContext) -> None:
    stage_page = _referrals(qtbot, ctx)
    page, ids = stage_page
    texts = said(ctx)
    page.new_action.trigger()
    form = page.form
    assert form is not None
    _fill_form(form, "GTSM Merchtem", "Lina", "Maes")
    form.help_question.setPlainText("Zit niet goed in haar vel.")
    QTest.keyClick(form.youth_last_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form is None)
    assert texts == ["Aanmelding van Lina Maes opgeslagen."]

    # a change of status is saved: the same referral stays selected, its detail with it
    assert page.select_referral(ids["zoe"])
    # Lina's detail may still be on screen: wait for Zoë's, whose buttons are asked for
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.summary.id == ids["zoe"]
    )
    qtbot.mouseClick(page.detail.status_buttons["wachtlijst"], Qt.MouseButton.LeftButton)
    dialog = page.transition_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(texts) == 2)
    assert texts[-1] == "Status van Zoë Peeters gewijzigd in 'Op wachtlijst'."
    qtbot.waitUntil(lambda: page.detail.detail.summary.status == "wachtlijst")
    assert page.selected_id() == ids["zoe"]


def test_a_referral_that_leaves_the_filtered_list_is_no_longer_selected(
    qtbot, ctx: AppContext
) -> None:
    """Only open referrals are listed; once Zoë's is withdrawn, nobody else is selected."""
    page, ids = _referrals(qtbot, ctx)
    page.status_filter.setCurrentIndex(page.status_filter.findData(OPEN))
    assert page.select_referral(ids["zoe"])
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    qtbot.mouseClick(page.detail.status_buttons["ingetrokken"], Qt.MouseButton.LeftButton)
    dialog = page.transition_dialog
    assert dialog is not None
    dialog.reason.setText("De school trekt de vraag in")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    qtbot.wait(300)  # longer than the detail's delay: no other pupil's detail comes
    assert page.selected_id() is None
    assert page.table.selectionModel().selectedRows() == []
    assert page.detail.detail is None


def _referrals(qtbot, ctx: AppContext) -> tuple[ReferralsPage, dict[str, str]]:
    from tests.gui.test_referrals import build_stage

    stage = build_stage(ctx.vault)
    window = host(qtbot)
    ctx.today = lambda: TODAY
    page = ReferralsPage(ctx, parent=window)
    hosted(window, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.school_filter.count() == 3)
    return page, stage.ids


def test_trajectory_actions_say_what_they_did(qtbot, ctx: AppContext) -> None:
    """Start, a goal, closing: each is said; a closed trajectory leaves the list and the
    selection goes with it, not to Milan's trajectory below."""
    plan = build_plan(ctx.vault)
    leader = plan.leader
    with ctx.vault.session() as s:
        milan = intake.register_referral(
            s, leader, youth(plan.school, "Milan", "Janssens", date(2025, 9, 1)), today=TODAY
        ).id
        intake.transition_referral(s, leader, milan, "wachtlijst", on=date(2025, 9, 2))
        planned = trajectories.assign_to_coach(
            s, leader, milan, plan.coach.user_id, date(2025, 9, 8)
        ).id
    window = host(qtbot, 1200, 800)
    ctx.today = lambda: date(2025, 10, 20)
    page = TrajectoriesPage(ctx, parent=window)
    hosted(window, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    texts = said(ctx)

    assert page.select_trajectory(planned)
    qtbot.waitUntil(lambda: page.detail.info is not None and page.detail.info.id == planned)
    start = page.open_start()
    assert isinstance(start, StartDialog)
    qtbot.mouseClick(start.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(texts))
    assert texts == ["Traject van Milan Janssens gestart."]

    assert page.select_trajectory(plan.trajectory)
    qtbot.waitUntil(lambda: page.detail.info is not None and page.detail.info.id == plan.trajectory)
    goal = page.open_add_goal()
    assert isinstance(goal, GoalDialog)
    goal.description.setText("Gaat elke dag naar school")
    qtbot.mouseClick(goal.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(texts) == 2)
    assert texts[-1] == "Doel toegevoegd voor Zoë Peeters."
    qtbot.waitUntil(lambda: page.detail.goals_model.rowCount() == 1)
    page.detail.goals.setCurrentIndex(page.detail.goals_proxy.index(0, 0))
    evaluate = page.open_evaluate()
    assert isinstance(evaluate, EvaluateDialog)
    evaluate.evaluation.setCurrentIndex(evaluate.evaluation.findData("bereikt"))
    qtbot.mouseClick(evaluate.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(texts) == 3)
    assert texts[-1] == "Doel geëvalueerd: Bereikt."

    close = page.open_close()
    assert isinstance(close, CloseDialog)
    close.reason.setCurrentIndex(close.reason.findData("gestopt_jongere"))
    close.outcome.setCurrentIndex(close.outcome.findData("zelfde_school_richting"))
    qtbot.mouseClick(close.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert texts[-1] == "Traject van Zoë Peeters afgesloten."
    qtbot.wait(300)  # longer than the detail's delay
    assert page.selected_id() is None
    assert page.table.selectionModel().selectedRows() == []
    assert page.detail.info is None


def test_planning_actions_say_what_they_did(qtbot, ctx: AppContext) -> None:
    plan = build_plan(ctx.vault)
    ctx.vault.lock()
    ctx.vault.unlock("an", COACH_PASSWORD)
    page = planning_page(qtbot, ctx)
    qtbot.waitUntil(lambda: len(page.caseload) == 1)
    texts = said(ctx)
    QTest.keySequence(page.week, "Ctrl+N")
    dialog = page.dialog
    assert isinstance(dialog, SessionDialog)
    dialog.trajectory.setCurrentIndex(dialog.trajectory.findData(plan.trajectory))
    dialog.start.setTime(QTime(10, 0))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.week.sessions) == 1)
    assert texts == ["1 contactmoment(en) ingepland."]

    page.week.select_session(page.week.sessions[0].id)
    attendance = page.open_attendance()
    assert attendance is not None
    attendance.ok_button.click()
    qtbot.waitUntil(lambda: len(texts) == 2)
    assert texts[-1] == "Aanwezigheid opgeslagen."

    editor = page.open_note()
    assert editor is not None
    qtbot.waitUntil(lambda: editor.loaded)
    editor.content.setPlainText("Kennismaking.")
    editor.autosave()  # a draft is no version: nothing said
    qtbot.waitUntil(lambda: editor.stored_is_draft)
    editor.save()
    qtbot.waitUntil(lambda: len(texts) == 3)
    assert texts[-1] == "Verslag opgeslagen (versie 1)."
    editor.reject()

    move = page.open_move()
    assert move is not None
    move.start.setTime(QTime(11, 0))
    qtbot.mouseClick(move.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(texts) == 4)
    assert texts[-1] == "Contactmoment verplaatst."

    qtbot.waitUntil(lambda: page.week.sessions[0].start == time(11))
    page.week.select_session(page.week.sessions[0].id)
    page.cancel_selected()
    qtbot.waitUntil(lambda: len(texts) == 5)
    assert texts[-1] == "1 contactmoment(en) geannuleerd."


def test_report_import_backup_and_exchange_say_what_they_did(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    seed(ctx.vault)
    texts = said(ctx)
    reports = ReportsPage(ctx, today=REPORT_DAY)
    qtbot.addWidget(reports)
    qtbot.waitUntil(lambda: reports.params.school.count() == 1)
    reports.params.set_kind("steering")
    reports.generate()
    qtbot.waitUntil(lambda: reports.output.result is not None, timeout=20_000)
    assert texts[-1].startswith("Klaar: ")
    ctx.prompts.save_path = tmp_path / "stuurgroep.pdf"  # type: ignore[attr-defined]
    reports.output.save_as()
    qtbot.waitUntil(lambda: "Rapport bewaard in" in texts[-1])
    assert str(tmp_path / "stuurgroep.pdf") in texts[-1]

    imports = ImportTab(ctx, today=REPORT_DAY)
    qtbot.addWidget(imports)
    imports.path.setText(str(_csv(tmp_path / "goed.csv", [_row("Anna")])))
    imports.check()
    qtbot.waitUntil(imports.import_button.isEnabled)
    imports.import_button.click()
    qtbot.waitUntil(lambda: texts[-1].startswith("Klaar: 1 aanmelding(en) ingelezen."))

    backups = BackupTab(ctx)
    qtbot.addWidget(backups)
    with qtbot.waitSignal(backups.backup_made, timeout=10_000):
        backups.backup_now()
    assert texts[-1].startswith("Reservekopie gemaakt en gecontroleerd: ")

    _invite(ctx, tmp_path)
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    exchange.set_folder(ctx.vault, ctx.vault.identity, str(folder))
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    page.sync_now()
    qtbot.waitUntil(lambda: texts[-1].startswith("Uitgewisseld: "), timeout=10_000)
    assert texts[-1] == "Uitgewisseld: 0 bestand(en) ingelezen, 0 gewijzigde rijen."
