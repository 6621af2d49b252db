"""Overzicht on a real vault: my week, the waiting list in numbers, capacity bars, years."""

from __future__ import annotations

from datetime import date, time

from amo_desktop.services import intake, reference, scheduling
from amo_desktop.services.scheduling import SessionInfo, SessionInput
from amo_desktop.ui.kit.charts import CapacityBars, CapacityRow
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.overzicht.page import OverviewPage, SessionsModel
from tests.gui.test_referrals import TODAY, host, hosted, youth
from tests.gui.test_waitlist import YEAR, waiting_stage


def _session(n: int, day: date, cancelled: bool = False) -> SessionInfo:
    return SessionInfo(
        f"s{n}", day, time(9 + n), 60, "c", "s", None, None, None, "individueel_gesprek",
        "school", None, None, cancelled, f"Jongere {n}",
    )  # fmt: skip


def test_sessions_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = SessionsModel()
    qtmodeltester.check(model, force_py=True)
    model.set_records([_session(1, TODAY), _session(2, date(2026, 2, 4), cancelled=True)])
    assert model.index(0, SessionsModel.COL_DAY).data() == "ma 02/02"
    assert model.index(0, SessionsModel.COL_TIME).data() == "10:00–11:00"
    assert model.index(1, SessionsModel.COL_SUBJECT).data() == "Jongere 2 (geannuleerd)"
    model.set_records([_session(2, date(2026, 2, 4))])
    assert model.rowCount() == 1


def test_sessions_model_with_rows_passes_qtmodeltester(qtmodeltester) -> None:
    """Checked as it comes from a week with sessions, then through a merge and a sort."""
    model = SessionsModel()
    model.set_records([_session(1, TODAY), _session(2, date(2026, 2, 4), cancelled=True)])
    qtmodeltester.check(model, force_py=True)
    model.set_records([_session(2, date(2026, 2, 4)), _session(3, date(2026, 2, 3))])
    model.sort(SessionsModel.COL_DAY)
    assert [model.index(r, SessionsModel.COL_DAY).data() for r in range(2)] == [
        "di 03/02",
        "wo 04/02",
    ]


def test_capacity_bars_text_and_warnings(qtbot) -> None:
    bars = CapacityBars()
    qtbot.addWidget(bars)
    bars.set_rows(
        [
            CapacityRow("A", 40, 10, 2, None),
            CapacityRow("B", 20, 14, 3, 80),
            CapacityRow("C", 10, 12, 0, 100),
            CapacityRow("D", 0, 1.5, 0, 100),
        ]
    )
    lines = bars.lines()
    assert lines[0] == "A: 10 + 2 van 40 u (30 %)"
    assert lines[1].endswith("⚠ boven 80 %")
    assert lines[2].endswith("⚠ op of over 100 %")
    assert lines[3].startswith("D: geen afspraak · 1,5 u gebruikt")
    bars.resize(900, bars.sizeHint().height())
    assert not bars.grab().isNull()  # paints without errors


def test_overview_shows_numbers_and_bars(qtbot, ctx: AppContext) -> None:
    stage = waiting_stage(ctx)
    leader = stage.leader
    asse = stage.schools["Sint-Martinus Asse"]
    with ctx.vault.session() as s:
        # Asse: 8 h used of its 20; plus 9 h planned later in this week and the next -> 85 %
        for day in (date(2026, 2, 3), date(2026, 2, 5)):
            scheduling.plan_session(
                s,
                leader,
                SessionInput(leader.user_id, day, time(9), 270, "klassessie", school_id=asse),
            )
        intake.register_referral(
            s, leader, youth(asse, "Oud", "Jaar", date(2024, 11, 4)), today=TODAY
        )
        reference.set_capacity(s, leader, asse, YEAR - 1, stage.pool, 3, 20)
    window = host(qtbot, 1100, 900)
    ctx.today = lambda: TODAY
    page = OverviewPage(ctx, parent=window)
    hosted(window, page)
    qtbot.waitUntil(lambda: page.data is not None)

    assert page.subtitle.text() == "Week van 02/02/2026 · schooljaar 2025-2026"
    assert page.sessions.rowCount() == 2
    assert page.sessions_proxy.index(0, SessionsModel.COL_DAY).data() == "di 03/02"
    assert page.sessions_hint.isHidden()
    assert page.waiting_value.text() == "3"
    assert page.longest_value.text() == str((TODAY - date(2025, 10, 6)).days)

    lines = page.capacity.lines()
    assert len(lines) == 2
    assert lines[0].startswith("GTSM Merchtem: 0 + 0 van 20 u")
    assert lines[1] == "Sint-Martinus Asse: 8 + 9 van 20 u (85 %) ⚠ boven 80 %"
    assert "80 %" in page.capacity_hint.text()
    assert page.capacity_box.title() == "Capaciteit per school (2025-2026), in uren"

    assert page.years.counts[-2:] == [("2024-2025", 1, False), ("2025-2026", 3, True)]
    assert page.years_text.text() == (
        "Dit schooljaar tot nu: 3 aanmeldingen. Vorig schooljaar in totaal: 1."
    )
    assert not page.grab().isNull()


def test_overview_empty_vault_gives_hints(qtbot, ctx: AppContext) -> None:
    window = host(qtbot)
    ctx.today = lambda: TODAY
    page = OverviewPage(ctx, parent=window)
    hosted(window, page)
    qtbot.waitUntil(lambda: page.data is not None)
    assert "Geen sessies gepland" in page.sessions_hint.text()
    assert page.waiting_value.text() == "0" and page.longest_value.text() == "–"
    assert "Nog geen scholen" in page.capacity_hint.text()
    assert page.years.counts == [("2025-2026", 0, True)]
