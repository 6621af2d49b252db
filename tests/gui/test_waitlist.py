"""Wachtlijst on a real vault: the fair order with its reasons, assigning, and no names for coaches."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt

from amo_desktop.domain.caseload import Referral
from amo_desktop.domain.wait_estimate import WaitRange
from amo_desktop.services import intake, reference, scheduling, trajectories
from amo_desktop.services.scheduling import SessionInput
from amo_desktop.services.waitlist import PlaceReason, WaitlistEntry
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.tables import SORT_ROLE
from amo_desktop.ui.screens.wachtlijst.models import WaitlistModel
from amo_desktop.ui.screens.wachtlijst.page import WaitlistPage
from tests.gui.test_referrals import (
    COACH_PASSWORD,
    TODAY,
    Stage,
    build_stage,
    host,
    hosted,
    youth,
)

YEAR = 2025


def waiting_stage(ctx: AppContext) -> Stage:
    """Zoë (Asse, normal), Milan (Merchtem, high) and the class (Asse) on the waiting list;
    Asse has used more of its share than Merchtem."""
    stage = build_stage(ctx.vault)
    leader = stage.leader
    asse, merchtem = stage.schools["Sint-Martinus Asse"], stage.schools["GTSM Merchtem"]
    with ctx.vault.session() as s:
        for school in (asse, merchtem):
            reference.set_capacity(s, leader, school, YEAR, stage.pool, 3, 20)
        session = SessionInput(
            leader.user_id, date(2025, 9, 10), time(9), 480, "overleg_school", school_id=asse
        )
        scheduling.plan_session(s, leader, session)
        for key, on in (
            ("zoe", date(2025, 10, 8)),
            ("milan", date(2025, 11, 5)),
            ("klas", date(2026, 1, 14)),
        ):
            intake.transition_referral(s, leader, stage.ids[key], "wachtlijst", on=on)
    return stage


def _column(page: WaitlistPage, column: int) -> list[object]:
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def _page(qtbot, ctx: AppContext) -> WaitlistPage:
    window = host(qtbot, 1200, 600)
    ctx.today = lambda: TODAY
    page = WaitlistPage(ctx, parent=window)
    hosted(window, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    return page


def _entry(position: int, referral: str, days: int) -> WaitlistEntry:
    return WaitlistEntry(
        position, referral, date(2025, 10, 1), "s", "School", "Individuele jongere",
        "individuele_begeleiding", "normaal", days, days - 10, 40, PlaceReason.SHARE_USED,
    )  # fmt: skip


def test_waitlist_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = WaitlistModel()
    qtmodeltester.check(model, force_py=True)
    model.set_records([_entry(1, "a", 90), _entry(2, "b", 60), _entry(3, "c", 30)])
    model.set_records([_entry(1, "b", 61), _entry(2, "c", 31), _entry(3, "d", 1)])  # a assigned
    assert [model.index(r, WaitlistModel.COL_POSITION).data() for r in range(3)] == ["1", "2", "3"]
    assert model.index(0, WaitlistModel.COL_DAYS).data() == "61"
    assert model.index(0, WaitlistModel.COL_DAYS).data(SORT_ROLE) == 61
    assert model.index(0, WaitlistModel.COL_REASON).data() == (
        "Urgentie normaal; School gebruikt 40 % van haar deel; wacht 61 dagen (51 schooldagen)"
    )
    english = WaitlistModel("en")
    english.set_records([replace(_entry(1, "a", 90), reason=PlaceReason.NO_AGREED_HOURS)])
    assert english.index(0, WaitlistModel.COL_REASON).data() == (
        "Urgency normaal; School has no agreed hours; waiting 90 days (80 school days)"
    )


def test_waitlist_model_with_rows_passes_qtmodeltester(qtmodeltester) -> None:
    model = WaitlistModel()
    model.set_records([_entry(1, "a", 90), _entry(2, "b", 60)])
    qtmodeltester.check(model, force_py=True)
    model.sort(WaitlistModel.COL_DAYS)
    assert model.index(0, WaitlistModel.COL_DAYS).data() == "60"


def test_order_reasons_and_assignment(qtbot, ctx: AppContext) -> None:
    stage = waiting_stage(ctx)
    page = _page(qtbot, ctx)
    assert _column(page, WaitlistModel.COL_POSITION) == ["1", "2", "3"]
    # high urgency first, then the school that used least of its share, then the longest wait
    assert _column(page, WaitlistModel.COL_SUBJECT) == ["Milan Janssens", "Zoë Peeters", "Klas 3B"]
    reasons = _column(page, WaitlistModel.COL_REASON)
    assert str(reasons[0]).startswith("Urgentie hoog; GTSM Merchtem")
    assert all("schooldagen" in str(r) for r in reasons)
    assert _column(page, WaitlistModel.COL_RECEIVED)[0] == "03/11/2025"
    assert page.summary.text().startswith("3 wachtend")
    assert page.assign_button.isVisible() and not page.assign_button.isEnabled()

    page.select_referral(stage.ids["zoe"])
    assert page.assign_button.isEnabled()
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.visible_text("lead_coach_id") == "Kies wie het traject leidt."
    qtbot.waitUntil(lambda: dialog.lead.count() == 2)
    dialog.lead.setCurrentIndex(dialog.lead.findText("An Coach"))
    assert dialog.lead.currentIndex() == 0  # coaches come first
    leader_item = dialog.co_coaches.findItems("Lea Peeters", Qt.MatchFlag.MatchExactly)[0]
    leader_item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert stage.ids["zoe"] not in [e.referral_id for e in page.model.records()]
    assert _column(page, WaitlistModel.COL_POSITION) == ["1", "2"]
    with ctx.vault.session() as s:
        caseload = trajectories.my_caseload(s, ctx.vault.identity, coach_id=stage.coach.user_id)
        status = intake.get_referral(s, ctx.vault.identity, stage.ids["zoe"]).summary.status
    assert [t.referral_id for t in caseload] == [stage.ids["zoe"]]
    assert caseload[0].co_coach_ids == [stage.leader.user_id]
    assert status == "toegewezen"


def test_assign_and_start_from_the_waiting_list(qtbot, ctx: AppContext) -> None:
    stage = waiting_stage(ctx)
    page = _page(qtbot, ctx)
    page.select_referral(stage.ids["zoe"])
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loads.rowCount() == 2 and dialog.lead.count() == 2)
    qtbot.waitUntil(lambda: "Sint-Martinus Asse" in dialog.school_share.text())
    dialog.lead.setCurrentIndex(dialog.lead.findText("An Coach"))
    dialog.start_now.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    qtbot.waitUntil(lambda: page.dialog is None)
    with ctx.vault.session() as s:
        caseload = trajectories.my_caseload(s, ctx.vault.identity, coach_id=stage.coach.user_id)
        status = intake.get_referral(s, ctx.vault.identity, stage.ids["zoe"]).summary.status
    assert [(t.referral_id, t.status) for t in caseload] == [(stage.ids["zoe"], "lopend")]
    assert status == "gestart"


def test_rows_grow_to_their_wrapped_reason(qtbot, ctx: AppContext) -> None:
    """The whole reason stays readable: each row is as tall as its text, also after the
    window gets narrower."""
    waiting_stage(ctx)
    page = _page(qtbot, ctx)
    table = page.table

    def fitted() -> bool:
        return all(
            table.rowHeight(r) == table.sizeHintForRow(r) for r in range(page.proxy.rowCount())
        )

    page.window().resize(1500, 600)  # wide enough for the reason on one line
    qtbot.waitUntil(fitted)
    one_line = table.rowHeight(0)
    page.window().resize(1000, 600)  # the reason column gets narrow: its text wraps
    qtbot.waitUntil(lambda: fitted() and table.rowHeight(0) > one_line)


def test_hidden_page_fits_rows_when_shown_again(qtbot, ctx: AppContext) -> None:
    """While another screen is shown the list fits no rows (that screen loads quicker); shown
    again, its rows fit the width it has then."""
    waiting_stage(ctx)
    page = _page(qtbot, ctx)
    table = page.table
    page.window().resize(1500, 600)
    qtbot.waitUntil(lambda: table.rowHeight(0) == table.sizeHintForRow(0))
    one_line = table.rowHeight(0)
    page.hide()
    page._fit_rows()  # as a change of rows or widths would ask
    assert page._rows_to_fit and table.rowHeight(0) == one_line  # left for later
    page.window().resize(1000, 600)
    page.show()
    qtbot.waitUntil(lambda: not page._rows_to_fit)
    assert all(table.rowHeight(r) == table.sizeHintForRow(r) for r in range(page.proxy.rowCount()))
    assert table.rowHeight(0) > one_line


def test_coach_sees_no_names(qtbot, ctx: AppContext) -> None:
    waiting_stage(ctx)
    ctx.vault.lock()
    ctx.vault.unlock("an", COACH_PASSWORD)
    page = _page(qtbot, ctx)
    subjects = _column(page, WaitlistModel.COL_SUBJECT)
    assert "Individuele jongere" in subjects and "Klas 3B" in subjects
    everything = " ".join(
        str(page.proxy.index(r, c).data())
        for r in range(page.proxy.rowCount())
        for c in range(WaitlistModel.COLUMN_COUNT)
    )
    for name in ("Zoë", "Peeters", "Milan", "Janssens"):
        assert name not in everything
    assert not page.assign_button.isVisible()
    assert page.open_assign() is None
    assert page.findChild(type(page.summary), "privacyHint").isVisible()


@pytest.mark.parametrize("lang", ["en"])
def test_reason_follows_the_language(qtbot, ctx: AppContext, lang: str) -> None:
    waiting_stage(ctx)
    ctx.lang = lang
    page = _page(qtbot, ctx)
    assert str(_column(page, WaitlistModel.COL_REASON)[0]).startswith("Urgency hoog")


def test_the_expected_wait_column_words_the_range(qtmodeltester) -> None:
    model = WaitlistModel()
    model.set_records(
        [
            replace(_entry(1, "a", 90), expected=WaitRange(3, 6, 20)),
            replace(_entry(2, "b", 60), expected=WaitRange(0, 2, 20)),
            _entry(3, "c", 30),  # too little history
        ]
    )
    qtmodeltester.check(model, force_py=True)
    texts = [model.index(r, WaitlistModel.COL_EXPECTED).data() for r in range(3)]
    assert texts == ["3–6 weken", "0–2 weken", "onvoldoende gegevens"]
    model.sort(WaitlistModel.COL_EXPECTED)
    assert model.index(0, WaitlistModel.COL_EXPECTED).data() == "0–2 weken"
    assert model.index(2, WaitlistModel.COL_EXPECTED).data() == "onvoldoende gegevens"
    tip = model.index(0, WaitlistModel.COL_EXPECTED).data(Qt.ItemDataRole.ToolTipRole)
    assert "geen belofte" in tip


def test_the_page_shows_each_entrys_expected_wait(qtbot, ctx: AppContext) -> None:
    """A year of starts behind the list gives a range where the past holds enough like it."""
    stage = waiting_stage(ctx)
    asse = stage.schools["Sint-Martinus Asse"]
    with ctx.vault.session() as s:
        for i in range(12):
            received = date(2025, 9, 1) + timedelta(days=7 * i)
            data = replace(
                youth(asse, f"Vroeger{i}", "Historiek", received),
                offer_type="individuele_begeleiding",
            )
            ref = intake.register_referral(s, stage.leader, data, confirm_duplicate=True)
            row = s.get(Referral, ref.id)
            assert row is not None
            row.status, row.start_on = "gestart", received + timedelta(days=14 + 7 * (i % 6))
    page = _page(qtbot, ctx)
    texts = _column(page, WaitlistModel.COL_EXPECTED)
    subjects = _column(page, WaitlistModel.COL_SUBJECT)
    by_subject = dict(zip(subjects, texts, strict=True))
    # the class: no class history, the team's waits stand in; it waited three weeks already
    assert str(by_subject["Klas 3B"]).endswith(" weken")
    # Milan is urgent: no urgent starts yet; Zoë has waited longer than nearly all before her
    assert by_subject["Milan Janssens"] == "onvoldoende gegevens"
    assert by_subject["Zoë Peeters"] == "onvoldoende gegevens"
