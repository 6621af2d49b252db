"""The fast queries behind capacity and waiting times give what the definitions say (issue 3).

capacity_figures sums minutes per school with one index seek per school, and the waiting list
counts school days with a calendar loaded once; both are checked here against the plain
definitions of docs/figures.md, computed row by row, after sessions were planned, moved
(across the reference day and out of the school year), cancelled, called off and deleted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear, school_days_between
from amo_desktop.domain.caseload import GuidanceSession
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.reference import School
from amo_desktop.services import figures, intake, reference, scheduling, waitlist
from amo_desktop.services._days import school_days_off
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import TODAY, YEAR, Stage, youth_referral

NOT_DELIVERED = {"geannuleerd_school", "geannuleerd_begeleider"}


def expected_minutes(s: Session, school_year: int, today: date) -> dict[str, tuple[int, int]]:
    """(used, planned) minutes per school, straight from the definitions, row by row."""
    year = SchoolYear(school_year)
    used: dict[str, int] = defaultdict(int)
    planned: dict[str, int] = defaultdict(int)
    for row in s.scalars(select(GuidanceSession)):
        if row.deleted_at is not None or row.cancelled or row.on not in year:
            continue
        if row.on > today:
            planned[row.school_id] += row.duration_min
        elif row.attendance not in NOT_DELIVERED:
            used[row.school_id] += row.duration_min
    return {school: (used[school], planned[school]) for school in set(used) | set(planned)}


def plan(s: Session, stage: Stage, school: str, on: date, minutes: int) -> str:
    planned = scheduling.plan_session(
        s,
        stage.leader,
        SessionInput(stage.an.user_id, on, time(9), minutes, "overleg_school", school_id=school),
    )
    return planned.sessions[0].id


def assert_capacity_as_defined(s: Session, leader: Identity) -> None:
    active = {school.id: school.name for school in s.scalars(select(School).where(School.active))}
    start = SchoolYear(YEAR).start
    todays = [
        start - timedelta(days=1),
        start,
        TODAY - timedelta(days=1),
        TODAY,
        SchoolYear(YEAR).end,
        SchoolYear(YEAR).end + timedelta(days=1),
    ]
    for school_year in (YEAR - 1, YEAR, YEAR + 1):
        for today in todays:
            expected = expected_minutes(s, school_year, today)
            caps = figures.capacity_figures(s, leader, school_year, today)
            assert [c.school_name for c in caps] == sorted(active.values())
            for cap in caps:
                used, planned = expected.get(cap.school_id, (0, 0))
                assert (cap.used_hours, cap.planned_hours) == (
                    round(used / 60, 2),
                    round(planned / 60, 2),
                ), (school_year, today, cap.school_name)


def test_capacity_follows_every_change_to_sessions(stage: Stage) -> None:
    asse, merchtem, opwijk = (
        stage.schools[n] for n in ("Sint-Martinus Asse", "GTSM Merchtem", "VKO Opwijk")
    )
    with stage.vault.session() as s:
        for school, teacher in ((asse, 6), (merchtem, 3), (opwijk, 3)):
            reference.set_capacity(s, stage.leader, school, YEAR, stage.pool, teacher, 100)
        # The edges: the day before the school year, its first day, the reference day and the
        # day after, its last day and the first day of the next one.
        days = [
            date(2025, 8, 31),
            date(2025, 9, 1),
            TODAY - timedelta(days=1),
            TODAY,
            TODAY + timedelta(days=1),
            date(2026, 8, 31),
            date(2026, 9, 1),
        ]
        ids = {
            (school, day, minutes): plan(s, stage, school, day, minutes)
            for school in (asse, merchtem, opwijk)
            for day in days
            for minutes in (30, 45)
        }
    with stage.vault.session() as s:
        assert_capacity_as_defined(s, stage.leader)

        # Move: past to future, future to past, out of the school year and into it.
        scheduling.move_session(
            s, stage.leader, ids[(asse, date(2025, 9, 1), 30)], TODAY + timedelta(days=3)
        )
        scheduling.move_session(
            s, stage.leader, ids[(asse, TODAY + timedelta(days=1), 45)], date(2025, 10, 6)
        )
        scheduling.move_session(s, stage.leader, ids[(merchtem, TODAY, 30)], date(2026, 9, 2))
        scheduling.move_session(s, stage.leader, ids[(merchtem, date(2025, 8, 31), 45)], TODAY)
        # Cancel, call off (not delivered, still planned if ahead) and a no-show (delivered).
        scheduling.cancel_session(s, stage.leader, ids[(opwijk, TODAY, 45)])
        scheduling.cancel_session(s, stage.leader, ids[(opwijk, TODAY + timedelta(days=1), 30)])
        for school, day, minutes, attendance in (
            (asse, TODAY, 45, "geannuleerd_school"),
            (merchtem, date(2025, 9, 1), 30, "geannuleerd_begeleider"),
            (opwijk, date(2025, 9, 1), 30, "afwezig_niet_verwittigd"),
            (opwijk, date(2026, 8, 31), 45, "geannuleerd_school"),
        ):
            scheduling.record_attendance(s, stage.leader, ids[(school, day, minutes)], attendance)
        # Deleted (a tombstone, as retention or the team exchange leave it).
        for key in ((asse, TODAY - timedelta(days=1), 30), (merchtem, date(2026, 8, 31), 45)):
            row = s.get(GuidanceSession, ids[key])
            assert row is not None
            row.deleted_at = datetime.now(UTC)
        s.flush()
        assert_capacity_as_defined(s, stage.leader)

        # A school that is no longer active drops out of the list; the others keep their hours.
        school_row = s.get(School, opwijk)
        assert school_row is not None
        school_row.active = False
        s.flush()
        assert_capacity_as_defined(s, stage.leader)


def test_waiting_times_count_every_schools_own_days_off(stage: Stage) -> None:
    asse, merchtem = (stage.schools[n] for n in ("Sint-Martinus Asse", "GTSM Merchtem"))
    with stage.vault.session() as s:
        reference.add_day_off(
            s, stage.leader, date(2025, 10, 8), date(2025, 10, 8), "Studiedag", "studiedag", asse
        )
        reference.add_day_off(
            s,
            stage.leader,
            date(2026, 1, 12),
            date(2026, 1, 14),
            "Sneeuw",
            "schoolspecifiek",
            merchtem,
        )
        reference.add_day_off(
            s, stage.leader, date(2025, 11, 21), date(2025, 11, 21), "Extra", "facultatief"
        )
        received = [date(2025, 9, 1), date(2025, 10, 7), date(2025, 11, 20), date(2026, 1, 30)]
        for i, day in enumerate(received):
            for j, school in enumerate((asse, merchtem)):
                ref = intake.register_referral(
                    s,
                    stage.leader,
                    youth_referral(school, first=f"Kind{i}", last=f"School{j}", received=day),
                    today=TODAY,
                )
                intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=day)
    with stage.vault.session() as s:
        for today in (TODAY, date(2026, 6, 30), date(2026, 9, 15)):
            entries = waitlist.waiting_list(s, stage.leader, today)
            assert len(entries) == len(received) * 2
            for e in entries:
                off = school_days_off(s, e.school_id, e.received_on, today)
                assert e.waiting_school_days == school_days_between(e.received_on, today, off)
                assert e.waiting_days == (today - e.received_on).days
            # A school year's figures describe its waiting list at its end, or today if sooner.
            day = min(today, date(2026, 8, 31))
            at_day = waitlist.waiting_list(s, stage.leader, day)
            figs = figures.year_figures(s, stage.leader, YEAR, today)
            assert figs.waiting_on == day
            assert figs.longest_wait_school_days == max(e.waiting_school_days for e in at_day)
            home = figures.waiting_figures(s, stage.leader, day)  # the Overzicht's numbers
            assert asdict(home) == {k: getattr(figs, k) for k in asdict(home)}
            assert home.waiting_now == len(entries)
        # The studiedag and the three snow days are each school's own.
        by_key = {
            (e.school_id, e.received_on): e for e in waitlist.waiting_list(s, stage.leader, TODAY)
        }
        first_asse = by_key[(asse, date(2025, 9, 1))].waiting_school_days
        first_merchtem = by_key[(merchtem, date(2025, 9, 1))].waiting_school_days
        assert first_asse - first_merchtem == 3 - 1
