"""Planning on a real vault: a series over the autumn break, moving and cancelling the rest of a
series, the team view for a coach, and the .ics export without names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import AuditEvent
from amo_desktop.services import accounts, intake, reference, scheduling, trajectories
from amo_desktop.services.scheduling import SessionInfo, SessionInput
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.flows.sessions import SessionDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.planning.page import PlanningPage
from amo_desktop.ui.screens.planning.week_view import lanes
from tests.gui.test_referrals import COACH_PASSWORD, host, hosted, youth

TODAY = date(2025, 10, 20)  # a Monday; the autumn break is 27/10 - 02/11/2025


@dataclass
class Plan:
    vault: Vault
    leader: Identity
    coach: Identity
    school: str
    trajectory: str


def build_plan(vault: Vault) -> Plan:
    """A school with the Flemish holidays loaded and Zoë's running trajectory with coach An."""
    leader = vault.identity
    assert leader is not None
    user = accounts.add_user(vault, leader, "an", "coach", "An Coach", COACH_PASSWORD)
    coach = Identity(user.id, user.login, user.role)
    with vault.session() as s:
        reference.load_flemish_holidays(s, leader, 2025)
        school = reference.add_school(s, leader, "Sint-Martinus Asse", "SMA Asse").id
        referral = intake.register_referral(
            s, leader, youth(school, "Zoë", "Peeters", date(2025, 9, 15)), today=TODAY
        ).id
        intake.transition_referral(s, leader, referral, "wachtlijst", on=date(2025, 9, 16))
        trajectory = trajectories.assign_to_coach(s, leader, referral, user.id, date(2025, 9, 22))
        trajectories.start_trajectory(s, leader, trajectory.id, date(2025, 9, 22))
    return Plan(vault, leader, coach, school, trajectory.id)


def _page(qtbot, ctx: AppContext) -> PlanningPage:
    window = host(qtbot, 1200, 800)
    ctx.today = lambda: TODAY
    page = PlanningPage(ctx, parent=window)
    hosted(window, page)
    qtbot.waitUntil(lambda: page._loaded and bool(page.users) and bool(page.schools))
    return page


def _key(qtbot, page: PlanningPage, key: Qt.Key) -> None:
    """As a user would after a dialog: back in the main window, focus on the grid."""
    page.window().activateWindow()
    qtbot.waitUntil(lambda: page.window().isActiveWindow())
    page.week.setFocus()
    QTest.keyClick(page.week, key)


def _week(page: PlanningPage) -> list[SessionInfo]:
    return page.week.sessions


def _info(n: int, on: date, start: time, minutes: int) -> SessionInfo:
    return SessionInfo(
        f"s{n}", on, start, minutes, "c", "sch", None, None, None, "individueel_gesprek",
        "school", None, None, False, f"S{n}",
    )  # fmt: skip


def test_overlapping_sessions_share_the_day() -> None:
    day = date(2025, 10, 20)
    places = lanes(
        [
            _info(1, day, time(9), 60),
            _info(2, day, time(9, 30), 60),
            _info(3, day, time(11), 30),
            _info(4, day, time(9), 30),
        ]
    )
    assert places["s1"] == (0, 2) and places["s4"] == (1, 2)
    assert places["s2"] == (1, 2)  # 09:30 starts when s4 ends: it reuses that lane
    assert places["s3"] == (0, 1)


def test_series_over_the_autumn_break_then_move_and_cancel(qtbot, ctx: AppContext) -> None:
    plan = build_plan(ctx.vault)
    ctx.vault.lock()
    ctx.vault.unlock("an", COACH_PASSWORD)
    page = _page(qtbot, ctx)
    assert page.week_label.text() == "Week 43 · 20/10/2025 – 24/10/2025"
    assert "Geen contactmomenten" in page.hint.text()
    qtbot.waitUntil(lambda: len(page.caseload) == 1)

    QTest.keySequence(page.week, "Ctrl+N")
    dialog = page.dialog
    assert isinstance(dialog, SessionDialog) and dialog.isVisible()
    assert not dialog.coach.isEnabled()  # a coach plans for themself
    dialog.trajectory.setCurrentIndex(dialog.trajectory.findData(plan.trajectory))
    dialog.start.setTime(dialog.start.time().fromString("10:00", "HH:mm"))
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("wekelijks"))
    dialog.count.setValue(3)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview_box.isVisible())
    assert "27/10/2025" in dialog.preview.text()  # skipped: herfstvakantie
    assert dialog.ok_button.text() == "&Bevestigen"
    with ctx.vault.session() as s:  # the preview saved nothing
        assert scheduling.trajectory_sessions(s, ctx.vault.identity, plan.trajectory) == []
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_week(page)) == 1)
    first = _week(page)[0]
    assert (first.on, first.start, first.label) == (TODAY, time(10), "Zoë Peeters")
    assert page.week.block_rect(first.id) is not None

    _key(qtbot, page, Qt.Key.Key_PageDown)  # the autumn break: shaded, empty
    qtbot.waitUntil(lambda: page.week.monday == date(2025, 10, 27) and page._loaded)
    qtbot.waitUntil(lambda: "Herfstvakantie" in page.week.days_off.get(date(2025, 10, 27), ""))
    assert _week(page) == []
    _key(qtbot, page, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: len(_week(page)) == 1)
    assert _week(page)[0].on == date(2025, 11, 3)

    # move this one and the rest of the series a day later
    _key(qtbot, page, Qt.Key.Key_Right)
    assert page.selected() is not None and page.move_action.isEnabled()
    move = page.open_move()
    assert move is not None and move.scope.isVisibleTo(move)
    move.on.setDate(move.on.date().addDays(1))
    move.scope.rest.setChecked(True)
    qtbot.mouseClick(move.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: move.preview.isVisibleTo(move))  # 11/11 is Wapenstilstand
    assert "11/11/2025 is een vrije dag" in move.preview.text()
    assert move.ok_button.text() == "Toch &verplaatsen"
    qtbot.mouseClick(move.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_week(page)) and _week(page)[0].on == date(2025, 11, 4))
    with ctx.vault.session() as s:
        days = [
            x.on for x in scheduling.trajectory_sessions(s, ctx.vault.identity, plan.trajectory)
        ]
    assert days == [TODAY, date(2025, 11, 4), date(2025, 11, 11)]  # moved, not re-skipped

    # cancel the rest of the series, after the scope choice and a confirmation
    page.week.select_session(_week(page)[0].id)
    page.cancel_selected()
    scope = page.dialog
    assert scope is not None
    scope.scope.rest.setChecked(True)
    scope.accept()
    qtbot.waitUntil(lambda: _week(page)[0].cancelled)
    assert ctx.prompts.kinds()[-1] == "confirm"
    assert "volgende" in ctx.prompts.calls[-1][2]
    with ctx.vault.session() as s:
        rows = scheduling.trajectory_sessions(s, ctx.vault.identity, plan.trajectory)
    assert [x.cancelled for x in rows] == [False, True, True]
    assert not page.move_action.isEnabled()

    _key(qtbot, page, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: page.week.monday == TODAY and len(_week(page)) == 1)


def test_team_view_shows_colleagues_as_busy(qtbot, ctx: AppContext) -> None:
    plan = build_plan(ctx.vault)
    with ctx.vault.session() as s:
        scheduling.plan_session(
            s,
            plan.leader,
            SessionInput(
                plan.leader.user_id, TODAY, time(13), 60, "overleg_school", school_id=plan.school
            ),
        )
        scheduling.plan_session(
            s,
            plan.leader,
            SessionInput(
                plan.coach.user_id,
                TODAY,
                time(13, 30),
                50,
                "individueel_gesprek",
                trajectory_id=plan.trajectory,
            ),
        )
    ctx.vault.lock()
    ctx.vault.unlock("an", COACH_PASSWORD)
    page = _page(qtbot, ctx)
    qtbot.waitUntil(lambda: len(_week(page)) == 1)
    page.view.setCurrentIndex(page.view.findData("team"))
    qtbot.waitUntil(lambda: len(_week(page)) == 2)
    busy, mine = sorted(_week(page), key=lambda x: x.start)
    assert busy.label == "Bezet" and mine.label == "Zoë Peeters"
    assert not page.is_editable(busy) and page.is_editable(mine)
    assert "Bezet" in page.hint.text()
    page.week.select_session(busy.id)
    assert not page.move_action.isEnabled() and not page.note_action.isEnabled()
    assert page.open_move() is None


def test_export_has_no_names_unless_asked(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    plan = build_plan(ctx.vault)
    with ctx.vault.session() as s:
        scheduling.plan_session(
            s,
            plan.leader,
            SessionInput(
                plan.leader.user_id,
                TODAY,
                time(9),
                50,
                "individueel_gesprek",
                trajectory_id=plan.trajectory,
            ),
        )
    page = _page(qtbot, ctx)
    qtbot.waitUntil(lambda: len(_week(page)) == 1)
    dialog = page.open_export()
    assert not dialog.with_names.isChecked()
    target = tmp_path / "week"
    ctx.prompts.save_path = target
    dialog.ok_button.click()
    written = tmp_path / "week.ics"
    qtbot.waitUntil(lambda: ctx.prompts.kinds()[-1:] == ["info"])
    text = written.read_text(encoding="utf-8")
    assert "SUMMARY:Individueel gesprek – SMA Asse" in text
    assert "Zoë" not in text and "Peeters" not in text
    assert "TZID=Europe/Brussels" in text

    page.export(TODAY, TODAY, with_names=True)
    qtbot.waitUntil(lambda: "Zoë" in written.read_text(encoding="utf-8"))
    qtbot.waitUntil(lambda: not ctx.worker.busy)
    # Every export is audited, with counts only: the .ics export was not, before issue 14.
    with ctx.vault.session() as s:
        details = s.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.action == "export", AuditEvent.entity == "calendar"
            )
        ).all()
    assert sorted(details) == ["ics:1:no-names", "ics:1:with-names"]


@pytest.mark.parametrize("kind", ["attendance"])
def test_record_attendance(qtbot, ctx: AppContext, kind: str) -> None:
    plan = build_plan(ctx.vault)
    with ctx.vault.session() as s:
        scheduling.plan_session(
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
        )
    page = _page(qtbot, ctx)
    page.view.setCurrentIndex(page.view.findData("team"))
    qtbot.waitUntil(lambda: len(_week(page)) == 1)
    page.week.select_session(_week(page)[0].id)
    dialog = page.open_attendance()
    assert dialog is not None
    dialog.attendance.setCurrentIndex(dialog.attendance.findData("afwezig_verwittigd"))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: _week(page)[0].attendance == "afwezig_verwittigd")
    assert "Afwezig (verwittigd)" in page.selection_label.text()


def test_warnings_are_worded_by_the_screen_once_each(qapp) -> None:
    """The service gives codes and facts; the screen words them (and a series repeats them)."""
    from datetime import date, time

    from amo_desktop.services.scheduling import Warning
    from amo_desktop.ui.flows.sessions import warning_texts

    day = date(2025, 11, 11)
    texts = warning_texts(
        [
            Warning("double_booked", day, time(8, 30)),
            Warning("day_off", day),
            Warning("day_off", day),
        ]
    )
    assert texts == [
        "De coach heeft op 11/11/2025 om 08:30 al een contactmoment.",
        "11/11/2025 is een vrije dag voor deze school.",
    ]
