"""One working flow through the real main window on a real vault, with the real session:

a coach takes in a referral (Aanmeldingen), locks; the team leader unlocks, puts it on the
waiting list and assigns it to the coach (Wachtlijst), locks; the coach unlocks, starts the
trajectory, plans a weekly series (Planning), writes and saves a note (Trajecten > Verslag) and
closes the trajectory. Every switch of user goes through Ctrl+L and the unlock dialog.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from shiboken6 import isValid

from amo_desktop.services import accounts, reference, scheduling, trajectories
from amo_desktop.ui.flows.note_editor import NoteEditor
from amo_desktop.ui.flows.sessions import SessionDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.aanmeldingen.form import ReferralFormDialog
from amo_desktop.ui.screens.aanmeldingen.models import ReferralsModel
from amo_desktop.ui.screens.aanmeldingen.page import ReferralsPage
from amo_desktop.ui.screens.planning.page import PlanningPage, monday_of
from amo_desktop.ui.screens.trajecten.dialogs import CloseDialog, StartDialog
from amo_desktop.ui.screens.trajecten.models import CaseloadModel
from amo_desktop.ui.screens.trajecten.page import TrajectoriesPage
from amo_desktop.ui.screens.wachtlijst.models import WaitlistModel
from amo_desktop.ui.screens.wachtlijst.page import WaitlistPage
from amo_desktop.ui.shell.main_window import MainWindow
from amo_desktop.ui.shell.session import SessionController
from tests.conftest import LEADER, LEADER_PASSWORD

COACH, COACH_PASSWORD = "an", "coach-wachtwoord"
WAIT = 10_000


def _switch_user(qtbot, session: SessionController, login: str, password: str) -> MainWindow:
    """Ctrl+L, then the unlock dialog as the next user; returns the fresh main window."""
    with qtbot.waitSignal(session.locked, timeout=WAIT):
        session.window.lock_action.trigger()
    assert session.window is None and not session.ctx.vault.is_unlocked
    dialog = session.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.login.setText(login)
    dialog.password.setText(password)
    with qtbot.waitSignal(session.window_opened, timeout=WAIT) as opened:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    window = opened.args[0]
    assert window.user_label.text() == f"Gebruiker: {login}"
    return window


def _column(view_proxy, column: int) -> list[str]:
    return [view_proxy.index(r, column).data() for r in range(view_proxy.rowCount())]


def test_referral_to_closed_trajectory(qtbot, qapp, ctx: AppContext) -> None:
    vault = ctx.vault
    leader = vault.identity
    coach = accounts.add_user(vault, leader, COACH, "coach", "An Coach", COACH_PASSWORD)
    with vault.session() as s:
        reference.add_school(s, leader, "Sint-Martinus Asse", "SMA Asse")
    vault.lock()
    vault.unlock(COACH, COACH_PASSWORD)
    session = SessionController(ctx, qapp)
    session.start()
    window = session.window
    assert window is not None and "Beheer" not in window.page_titles()

    # --- the coach takes in a referral ----------------------------------------------------
    window.show_page("referrals")
    referrals = window.pages["referrals"]
    assert isinstance(referrals, ReferralsPage)
    qtbot.waitUntil(lambda: referrals.loaded and referrals.school_filter.count() == 2)
    assert referrals.model.rowCount() == 0 and not referrals.empty_hint.isHidden()
    referrals.new_action.trigger()
    form = referrals.form
    assert isinstance(form, ReferralFormDialog) and form.isVisible()
    qtbot.waitUntil(lambda: form.school.findText("Sint-Martinus Asse") >= 0)
    form.school.setCurrentIndex(form.school.findText("Sint-Martinus Asse"))
    form.youth_first_name.setText("Lina")
    form.youth_last_name.setText("Maes")
    form.offer_type.setCurrentIndex(form.offer_type.findData("individuele_begeleiding"))
    form.prevention_level.setCurrentIndex(form.prevention_level.findData("preventief"))
    form.set_reasons(["schoolmoeheid"])
    form.help_question.setPlainText("Zit niet goed in haar vel.")
    form.consent_youth.setChecked(True)  # without it the trajectory cannot start
    assert form.next_waitlist.isChecked() and not form.next_assign.isVisibleTo(form)
    form.next_clarify.setFocus()  # the next step, by keyboard: not "Nieuw"
    QTest.keyClick(form.next_clarify, Qt.Key.Key_Space)
    QTest.keyClick(form.youth_last_name, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: referrals.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: referrals.detail.detail is not None, timeout=WAIT)
    assert referrals.detail.heading.text() == "Lina Maes"
    assert _column(referrals.proxy, ReferralsModel.COL_STATUS) == ["In vraagverheldering"]
    referral_id = referrals.selected_id()
    assert referral_id is not None

    # --- the team leader: waiting list, then assign on the Wachtlijst page ------------------
    window = _switch_user(qtbot, session, LEADER, LEADER_PASSWORD)
    assert window.page_titles()[-1] == "Beheer"
    window.show_page("referrals")
    referrals = window.pages["referrals"]
    qtbot.waitUntil(lambda: referrals.model.rowCount() == 1, timeout=WAIT)
    assert referrals.select_referral(referral_id)
    qtbot.waitUntil(lambda: referrals.detail.detail is not None, timeout=WAIT)
    qtbot.mouseClick(referrals.detail.status_buttons["wachtlijst"], Qt.MouseButton.LeftButton)
    transition = referrals.transition_dialog
    assert transition is not None and transition.isVisible()
    transition.reason.setText("Intake gedaan, nog geen plaats")
    QTest.keyClick(transition.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: _column(referrals.proxy, ReferralsModel.COL_STATUS) == ["Op wachtlijst"],
        timeout=WAIT,
    )

    window.show_page("waiting")
    waiting = window.pages["waiting"]
    assert isinstance(waiting, WaitlistPage)
    qtbot.waitUntil(lambda: waiting.model.rowCount() == 1, timeout=WAIT)
    assert _column(waiting.proxy, WaitlistModel.COL_SUBJECT) == ["Lina Maes"]
    assert _column(waiting.proxy, WaitlistModel.COL_POSITION) == ["1"]
    assert waiting.summary.text().startswith("1 wachtend")
    waiting.select_referral(referral_id)
    qtbot.mouseClick(waiting.assign_button, Qt.MouseButton.LeftButton)
    assign = waiting.dialog
    assert assign is not None and assign.isVisible()
    qtbot.waitUntil(lambda: assign.lead.findText("An Coach") >= 0, timeout=WAIT)
    assign.lead.setCurrentIndex(assign.lead.findText("An Coach"))
    qtbot.mouseClick(assign.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: waiting.model.rowCount() == 0, timeout=WAIT)

    # --- the coach: start, plan a weekly series, write a note, close -------------------------
    window = _switch_user(qtbot, session, COACH, COACH_PASSWORD)
    window.show_page("trajectories")
    caseload = window.pages["trajectories"]
    assert isinstance(caseload, TrajectoriesPage)
    qtbot.waitUntil(lambda: caseload.model.rowCount() == 1, timeout=WAIT)
    assert _column(caseload.proxy, CaseloadModel.COL_SUBJECT) == ["Lina Maes"]
    trajectory_id = caseload.model.records()[0].id
    assert caseload.select_trajectory(trajectory_id)
    qtbot.waitUntil(lambda: caseload.detail.info is not None, timeout=WAIT)
    assert caseload.detail.heading.text() == "Lina Maes"
    assert caseload.detail.start_button.isVisibleTo(caseload)  # assigned, not started yet
    start = caseload.open_start()
    assert isinstance(start, StartDialog)
    qtbot.mouseClick(start.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: caseload.detail.info is not None and caseload.detail.info.status == "lopend",
        timeout=WAIT,
    )
    assert "Lopend" in caseload.detail.facts.text()

    window.show_page("planning")
    planning = window.pages["planning"]
    assert isinstance(planning, PlanningPage)
    qtbot.waitUntil(lambda: planning._loaded and len(planning.caseload) == 1, timeout=WAIT)
    planning.next_week()  # a Monday that is surely ahead, whatever day the test runs
    monday = monday_of(planning.ctx.today()) + timedelta(weeks=1)
    qtbot.waitUntil(lambda: planning.week.monday == monday and planning._loaded, timeout=WAIT)
    dialog = planning.open_new()
    assert isinstance(dialog, SessionDialog) and dialog.isVisible()
    assert not dialog.coach.isEnabled()  # a coach plans for themself
    dialog.trajectory.setCurrentIndex(dialog.trajectory.findData(trajectory_id))
    dialog.start.setTime(dialog.start.time().fromString("10:00", "HH:mm"))
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("wekelijks"))
    dialog.count.setValue(4)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def previewing() -> bool:  # a preview to confirm, e.g. when the series meets a holiday
        return isValid(dialog) and dialog.preview_box.isVisible()

    qtbot.waitUntil(lambda: previewing() or len(planning.week.sessions) == 1, timeout=WAIT)
    if previewing():
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(planning.week.sessions) == 1, timeout=WAIT)
    first = planning.week.sessions[0]
    assert first.on == monday and first.label == "Lina Maes"
    assert first.start.strftime("%H:%M") == "10:00"
    assert planning.week.block_rect(first.id) is not None
    with vault.session() as s:
        series = scheduling.trajectory_sessions(s, vault.identity, trajectory_id)
    assert len(series) == 4
    assert all((b.on - a.on).days % 7 == 0 for a, b in pairwise(series))

    window.show_page("trajectories")
    caseload = window.pages["trajectories"]
    qtbot.waitUntil(lambda: caseload.detail.sessions_model.rowCount() == 4, timeout=WAIT)
    caseload.detail.sessions.setCurrentIndex(caseload.detail.sessions_proxy.index(0, 0))
    editor = caseload.open_note()
    assert isinstance(editor, NoteEditor)
    qtbot.waitUntil(lambda: editor.loaded, timeout=WAIT)
    assert editor.status.text() == "Nieuw verslag."
    editor.content.setPlainText("Kennismaking met Lina; ze wil haar klas terug leren kennen.")
    editor.agreements.setPlainText("Elke maandag om 10 uur bij de coach.")
    editor.save()
    qtbot.waitUntil(lambda: not editor.stored_is_draft and not editor.is_dirty(), timeout=WAIT)
    assert editor.status.text().startswith("Versie 1")
    editor.accept()

    close = caseload.open_close()
    assert isinstance(close, CloseDialog)
    close.reason.setCurrentIndex(close.reason.findData("gestopt_school"))
    close.outcome.setCurrentIndex(close.outcome.findData("zelfde_school_richting"))
    close.summary.setPlainText("In overleg met de school gestopt.")
    qtbot.mouseClick(close.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: caseload.model.rowCount() == 0, timeout=WAIT)  # closed: hidden
    assert "Nog geen trajecten" in caseload.empty_hint.text()
    caseload.include_closed.setChecked(True)
    qtbot.waitUntil(lambda: caseload.model.rowCount() == 1, timeout=WAIT)
    assert _column(caseload.proxy, CaseloadModel.COL_STATUS) == ["Afgesloten"]
    with vault.session() as s:
        closed = trajectories.get_trajectory(s, vault.identity, trajectory_id)
    assert closed.status == "afgesloten" and closed.closure_reason == "gestopt_school"
    assert closed.lead_coach_id == coach.id

    with qtbot.waitSignal(session.finished, timeout=WAIT):
        window.quit_action.trigger()
    assert not vault.is_unlocked
