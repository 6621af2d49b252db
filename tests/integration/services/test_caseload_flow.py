"""From the waiting list to a closed trajectory: fair share, sessions, series, notes (issue 3)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amo_desktop.domain.calendar import SchoolYear, flemish_day_off_dates
from amo_desktop.domain.enums import SeriesFrequency
from amo_desktop.domain.rules import series_dates
from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services import (
    figures,
    intake,
    notes,
    reference,
    scheduling,
    trajectories,
    waitlist,
)
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import TODAY, YEAR, Stage, youth_referral

HOLIDAYS = flemish_day_off_dates(SchoolYear(2025)) | flemish_day_off_dates(SchoolYear(2026))


def waiting(stage: Stage, school: str, first: str, received: date, urgency: str = "normaal") -> str:
    with stage.vault.session() as s:
        ref = intake.register_referral(
            s,
            stage.leader,
            youth_referral(stage.schools[school], first=first, received=received, urgency=urgency),
            today=TODAY,
        )
        intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=received)
        return ref.id


def deliver(s: object, stage: Stage, school: str, minutes: int, day: date) -> None:
    """School-level sessions of at most 10 hours a day on school days, until `minutes` is used."""
    while minutes > 0:
        if day.weekday() < 5 and day not in HOLIDAYS:
            chunk = min(minutes, 600)
            scheduling.plan_session(
                s,
                stage.leader,
                SessionInput(  # type: ignore[arg-type]
                    stage.an.user_id, day, time(8), chunk, "overleg_school", school_id=school
                ),
            )
            minutes -= chunk
        day += timedelta(days=1)


def test_fair_share_and_waiting_list_order(stage: Stage) -> None:
    asse, merchtem, opwijk = (
        stage.schools[n] for n in ("Sint-Martinus Asse", "GTSM Merchtem", "VKO Opwijk")
    )
    with stage.vault.session() as s:
        # Pool of 300 coaching hours, teacher hours 6/3/3 -> entitled 150/75/75; Opwijk +40.
        for school, teacher in ((asse, 6), (merchtem, 3), (opwijk, 3)):
            reference.set_capacity(s, stage.leader, school, YEAR, stage.pool, teacher, 100)
        reference.set_capacity(s, stage.leader, opwijk, YEAR, stage.klasbakken, 0, 40)
        caps = {c.school_name: c for c in figures.capacity_figures(s, stage.leader, YEAR, TODAY)}
    assert caps["Sint-Martinus Asse"].entitled_hours == 150
    assert caps["GTSM Merchtem"].entitled_hours == 75
    assert caps["VKO Opwijk"].entitled_hours == 115
    # Asse has used 30 of its hours (20 %), Merchtem 70 of 75 (93 %: warning at 80 %).
    with stage.vault.session() as s:
        deliver(s, stage, asse, 30 * 60, date(2025, 9, 8))
        deliver(s, stage, merchtem, 70 * 60, date(2025, 10, 6))
        caps = {c.school_name: c for c in figures.capacity_figures(s, stage.leader, YEAR, TODAY)}
    assert caps["Sint-Martinus Asse"].used_hours == 30
    assert caps["GTSM Merchtem"].warning == 80 and caps["Sint-Martinus Asse"].warning is None

    old_merchtem = waiting(stage, "GTSM Merchtem", "Lotte", date(2025, 9, 15))
    new_asse = waiting(stage, "Sint-Martinus Asse", "Milan", date(2025, 12, 1))
    old_asse = waiting(stage, "Sint-Martinus Asse", "Nora", date(2025, 9, 20))
    crisis = waiting(stage, "GTSM Merchtem", "Emre", date(2026, 1, 20), urgency="crisis")
    with stage.vault.session() as s:
        entries = waitlist.waiting_list(s, stage.leader, TODAY)
        coach_view = waitlist.waiting_list(s, stage.an, TODAY)
    assert [e.referral_id for e in entries] == [crisis, old_asse, new_asse, old_merchtem]
    assert entries[0].reason_text("nl").startswith("Urgentie crisis")
    assert "gebruikt 20 % van haar deel" in entries[1].reason_text("nl")
    assert entries[1].waiting_school_days < entries[1].waiting_days
    assert entries[1].subject_label == "Nora Peeters"
    assert {e.subject_label for e in coach_view} == {"Individuele jongere"}


def test_trajectory_from_assignment_to_closure(stage: Stage) -> None:
    ref_id = waiting(stage, "VKO Opwijk", "Sam", date(2025, 10, 1))
    with stage.vault.session() as s:
        traj = trajectories.assign_to_coach(
            s,
            stage.leader,
            ref_id,
            stage.an.user_id,
            date(2025, 10, 20),
            co_coach_ids=[stage.yusuf.user_id],
            on=date(2025, 10, 15),
        )
        with pytest.raises(ValidationError):
            trajectories.close_trajectory(
                s, stage.an, traj.id, date(2025, 12, 1), "andere", "onbekend"
            )
        trajectories.start_trajectory(s, stage.an, traj.id, date(2025, 10, 20))
        goal = trajectories.add_goal(
            s, stage.an, traj.id, "Elke dag op tijd op school", "schoolbinding", date(2025, 10, 20)
        )
        with pytest.raises(ValidationError) as info:
            trajectories.close_trajectory(
                s, stage.an, traj.id, date(2026, 1, 30), "doelen_bereikt", "zelfde_school_richting"
            )
        assert info.value.field == "closure_reason"
        trajectories.evaluate_goal(s, stage.yusuf, goal.id, "bereikt", date(2026, 1, 29))
        closed = trajectories.close_trajectory(
            s, stage.an, traj.id, date(2026, 1, 30), "doelen_bereikt", "zelfde_school_richting"
        )
        detail = intake.get_referral(s, stage.leader, ref_id)
        figs = figures.year_figures(s, stage.leader, YEAR, TODAY)
    assert closed.status == "afgesloten"
    assert detail.summary.status == "afgesloten"
    assert [h.to_status for h in detail.history][-3:] == ["toegewezen", "gestart", "afgesloten"]
    assert figs.closed_trajectories == 1 and figs.goals_reached == 1
    with stage.vault.session() as s:
        assert [t.id for t in trajectories.my_caseload(s, stage.yusuf, include_closed=True)] == [
            traj.id
        ]
        with pytest.raises(PermissionDeniedError):
            trajectories.get_trajectory(s, stage.leader.__class__("x", "x", "coach"), traj.id)


def _started(stage: Stage, first: str = "Sam") -> str:
    ref_id = waiting(stage, "VKO Opwijk", first, date(2025, 10, 1))
    with stage.vault.session() as s:
        traj = trajectories.assign_to_coach(
            s, stage.leader, ref_id, stage.an.user_id, date(2025, 10, 20), on=date(2025, 10, 15)
        )
        trajectories.start_trajectory(s, stage.an, traj.id, date(2025, 10, 20))
        return traj.id


def test_series_skips_the_autumn_break_and_can_be_moved_or_cancelled(stage: Stage) -> None:
    traj = _started(stage)
    with stage.vault.session() as s:
        planned = scheduling.plan_series(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id,
                date(2025, 10, 20),
                time(10, 30),
                50,
                "individueel_gesprek",
                trajectory_id=traj,
            ),
            "wekelijks",
            count=4,
        )
    assert [x.on for x in planned.sessions] == [
        date(2025, 10, 20),
        date(2025, 11, 3),
        date(2025, 11, 10),
        date(2025, 11, 17),
    ]
    assert planned.skipped == [date(2025, 10, 27)]
    second = planned.sessions[1]
    with stage.vault.session() as s:
        moved = scheduling.move_session(
            s, stage.an, second.id, date(2025, 11, 4), rest_of_series=True
        )
        assert [m.on for m in moved.sessions] == [
            date(2025, 11, 4),
            date(2025, 11, 11),
            date(2025, 11, 18),
        ]
        assert any(w.code == "day_off" for w in moved.warnings)  # 11/11 Wapenstilstand
        cancelled = scheduling.cancel_session(
            s, stage.an, moved.sessions[1].id, rest_of_series=True
        )
        assert len(cancelled) == 2
        week = scheduling.week(
            s, stage.an, date(2025, 11, 10), stage.an.user_id, include_cancelled=False
        )
        assert week == []
        team_week = scheduling.week(s, stage.yusuf, date(2025, 11, 3))
        assert [x.label for x in team_week] == ["Bezet"]


def test_double_booking_and_day_off_warn_but_save(stage: Stage) -> None:
    with stage.vault.session() as s:
        school = stage.schools["VKO Opwijk"]
        reference.add_day_off(
            s,
            stage.leader,
            date(2025, 10, 15),
            date(2025, 10, 15),
            "Pedagogische studiedag",
            "studiedag",
            school_id=school,
        )
        first = scheduling.plan_session(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id, date(2025, 10, 14), time(9), 60, "klassessie", school_id=school
            ),
        )
        assert first.warnings == []
        clash = scheduling.plan_session(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id,
                date(2025, 10, 14),
                time(9, 30),
                60,
                "klassessie",
                school_id=stage.schools["GTSM Merchtem"],
            ),
        )
        assert [w.code for w in clash.warnings] == ["double_booked"]
        off = scheduling.plan_session(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id, date(2025, 10, 15), time(9), 60, "klassessie", school_id=school
            ),
        )
        assert [w.code for w in off.warnings] == ["day_off"]
        other_school = scheduling.plan_session(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id,
                date(2025, 10, 15),
                time(13),
                60,
                "klassessie",
                school_id=stage.schools["GTSM Merchtem"],
            ),
        )
        assert other_school.warnings == []
        with pytest.raises(PermissionDeniedError):
            scheduling.plan_session(
                s,
                stage.an,
                SessionInput(
                    stage.yusuf.user_id,
                    date(2025, 10, 16),
                    time(9),
                    60,
                    "klassessie",
                    school_id=school,
                ),
            )


def test_notes_keep_every_version_and_drafts_do_not(stage: Stage) -> None:
    traj = _started(stage)
    with stage.vault.session() as s:
        session = scheduling.plan_session(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id,
                date(2025, 10, 21),
                time(10),
                50,
                "individueel_gesprek",
                trajectory_id=traj,
            ),
        ).sessions[0]
        notes.save_note(
            s, stage.an, session.id, NoteInput(content="Eerste versie", agreements="A"), draft=True
        )
        notes.save_note(
            s, stage.an, session.id, NoteInput(content="Tweede", agreements="B"), draft=True
        )
        notes.save_note(s, stage.an, session.id, NoteInput(content="Definitief", agreements="C"))
        notes.save_note(
            s, stage.leader, session.id, NoteInput(content="Aangevuld", agreements="C+")
        )
        history = notes.note_history(s, stage.an, session.id)
        assert [(h.version, h.content, h.author_id) for h in history] == [
            (1, "Definitief", stage.an.user_id),
            (2, "Aangevuld", stage.leader.user_id),
        ]
        assert notes.last_agreements(s, stage.an, traj) == "C+"
        assert notes.last_agreements(s, stage.an, traj, before_session_id=session.id) == ""
        week = scheduling.week(s, stage.yusuf, date(2025, 10, 20))
        assert [(x.label, x.editable) for x in week] == [("Bezet", False)]
        with pytest.raises(PermissionDeniedError):
            notes.get_note(s, stage.yusuf, session.id)
        with pytest.raises(ValidationError):
            notes.save_note(s, stage.an, session.id, NoteInput(visibility="iedereen"))
        notes.add_template(
            s,
            stage.leader,
            "individueel_gesprek",
            "Intakegesprek",
            content="Hulpvraag:\nKrachten:\n",
        )
        assert [t.name for t in notes.templates_for(s, stage.an, "individueel_gesprek")] == [
            "Intakegesprek"
        ]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    first=st.dates(date(2025, 9, 1), date(2026, 6, 1)),
    count=st.integers(1, 30),
    frequency=st.sampled_from(list(SeriesFrequency)),
)
def test_series_never_lands_on_a_day_off_and_keeps_its_count(
    first: date, count: int, frequency: SeriesFrequency
) -> None:
    if first.weekday() >= 5:
        with pytest.raises(ValueError):
            series_dates(first, frequency, HOLIDAYS, count=count)
        return
    dates, skipped = series_dates(first, frequency, HOLIDAYS, count=count)
    assert len(dates) == count
    assert not any(d in HOLIDAYS or d.weekday() >= 5 for d in dates)
    assert all(d in HOLIDAYS or d.weekday() >= 5 for d in skipped)
    step = 7 if frequency == SeriesFrequency.WEKELIJKS else 14
    assert all((d - first).days % step == 0 for d in dates + skipped)
