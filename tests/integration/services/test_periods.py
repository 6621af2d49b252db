"""Past periods tell their own story: the waiting list as it was, the time to start, and no
planned trajectory left behind by a referral that never started."""

from __future__ import annotations

from datetime import date, time

from amo_desktop.domain.calendar import school_days_between
from amo_desktop.services import figures, intake, scheduling, trajectories, waits
from amo_desktop.services._days import school_days_off
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import TODAY, Stage, youth_referral

RUNNING = {"lopend", "gepauzeerd", "nazorg"}


def _started_in_period_two(stage: Stage) -> tuple[str, str]:
    """Zoë waits in period 1 (Sep-Oct) and starts in period 2 (Nov-Dec); Amira never starts."""
    school = stage.schools["Sint-Martinus Asse"]
    with stage.vault.session() as s:
        zoe = intake.register_referral(
            s, stage.leader, youth_referral(school, received=date(2025, 9, 15)), today=TODAY
        )
        intake.transition_referral(s, stage.leader, zoe.id, "wachtlijst", on=date(2025, 10, 1))
        plan = trajectories.assign_to_coach(
            s, stage.leader, zoe.id, stage.an.user_id, date(2025, 11, 10), on=date(2025, 11, 3)
        )
        trajectories.start_trajectory(s, stage.an, plan.id, date(2025, 11, 10))
        amira = intake.register_referral(
            s,
            stage.leader,
            youth_referral(school, first="Amira", received=date(2025, 9, 22)),
            today=TODAY,
        )
        intake.transition_referral(s, stage.leader, amira.id, "wachtlijst", on=date(2025, 9, 29))
        dropped = trajectories.assign_to_coach(
            s, stage.leader, amira.id, stage.yusuf.user_id, date(2026, 3, 2), on=date(2026, 1, 12)
        )
        scheduling.plan_session(
            s,
            stage.yusuf,
            SessionInput(
                stage.yusuf.user_id,
                date(2026, 3, 2),
                time(9),
                60,
                "individueel_gesprek",
                trajectory_id=dropped.id,
            ),
        )
        intake.transition_referral(
            s,
            stage.leader,
            amira.id,
            "niet_gestart",
            on=date(2026, 1, 20),
            no_start_reason="niet_bereikbaar",
        )
    return school, dropped.id


def test_a_past_period_shows_the_waiting_list_as_it_was(stage: Stage) -> None:
    school, _ = _started_in_period_two(stage)
    with stage.vault.session() as s:
        one = figures.period_figures(s, stage.leader, date(2025, 9, 1), date(2025, 10, 31), TODAY)
        two = figures.period_figures(s, stage.leader, date(2025, 11, 1), date(2025, 12, 31), TODAY)
        now = figures.waiting_figures(s, stage.leader, TODAY)
        this_year = figures.period_figures(
            s, stage.leader, date(2025, 9, 1), date(2026, 8, 31), TODAY
        )
        off = school_days_off(s, school, date(2025, 9, 1), date(2026, 8, 31))
    end = date(2025, 10, 31)
    assert one.waiting_on == end
    assert one.waiting_now == 2  # both waited on 31 October
    assert one.longest_wait_days == (end - date(2025, 9, 15)).days
    assert one.longest_wait_school_days == school_days_between(date(2025, 9, 15), end, off)
    assert one.started == 0 and one.median_start_days is None
    assert two.waiting_now == 1  # Zoë started, Amira still waited on 31 December
    assert two.started == 1
    assert two.median_start_days == (date(2025, 11, 10) - date(2025, 9, 15)).days
    assert two.longest_start_school_days == school_days_between(
        date(2025, 9, 15), date(2025, 11, 10), off
    )
    # The period that has not ended: as of today, the same as the home page's waiting list.
    assert this_year.waiting_on == TODAY
    assert this_year.waiting_now == now.waiting_now == 0


def test_time_to_start_per_school_year(stage: Stage) -> None:
    school, _ = _started_in_period_two(stage)
    other = stage.schools["VKO Opwijk"]
    with stage.vault.session() as s:
        per_year = waits.start_waits_per_year(s, stage.leader)
        own = waits.start_waits_per_year(s, stage.leader, [school])
        none = waits.start_waits_per_year(s, stage.leader, [other])
    assert list(per_year) == [2025] and per_year[2025].started == 1
    assert per_year[2025].median_days == 56.0
    assert own == per_year and none == {}


def test_a_referral_that_never_starts_leaves_no_planned_trajectory(stage: Stage) -> None:
    _, dropped = _started_in_period_two(stage)
    with stage.vault.session() as s:
        caseload = trajectories.my_caseload(s, stage.leader)
        year = figures.period_figures(s, stage.leader, date(2025, 9, 1), date(2026, 8, 31), TODAY)
        cancelled = trajectories.get_trajectory(s, stage.leader, dropped)
        sessions = scheduling.week(s, stage.leader, date(2026, 3, 2))
    assert cancelled.status == "geannuleerd"
    assert dropped not in {t.id for t in caseload}
    # caseload and the steering report agree on what runs
    assert sum(1 for t in caseload if t.status in RUNNING) == year.running_trajectories == 1
    assert all(t.status in RUNNING | {"gepland"} for t in caseload)
    assert [x.cancelled for x in sessions if x.trajectory_id == dropped] == [True]
