"""Rules that protect a pupil, each asserted for itself so that breaking it fails a test."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import text

from amo_desktop.errors import PermissionDeniedError
from amo_desktop.services import (
    intake,
    notes,
    reference,
    retention,
    scheduling,
    trajectories,
    waitlist,
)
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from tests.integration.exchange.conftest import Team, cell, join_as, swap
from tests.integration.exchange.conftest import team as team
from tests.integration.services.conftest import TODAY, YEAR, Stage, youth_referral
from tests.integration.services.test_retention import closed_case
from tests.integration.sqlcipher_pages import all_pages, pages_containing

# One canary per identifying or free-text field that anonymising must empty.
CANARIES = {
    "youth_first_name": "Voornaamkanarie",
    "youth_last_name": "Achternaamkanarie",
    "class_label": "KLAS-KAN",
    "help_question": "Hulpvraagkanarie over thuis",
    "actions_taken": "Reedsgedaankanarie",
    "referrer_name": "Doorverwijzerkanarie",
}


def _audit(stage: Stage, action: str, entity: str, entity_id: str) -> int:
    with stage.vault.raw_connection() as conn:
        row = conn.execute(
            "SELECT COUNT(*) FROM audit_events WHERE action=? AND entity=? AND entity_id=?",
            (action, entity, entity_id),
        ).fetchone()
    return int(row[0])


def _started(stage: Stage, school: str = "VKO Opwijk", **extra: object) -> tuple[str, str]:
    """An's started trajectory for a new referral; returns (referral id, trajectory id)."""
    with stage.vault.session() as s:
        ref = intake.register_referral(
            s, stage.leader, youth_referral(stage.schools[school], **extra), today=TODAY
        )
        intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=date(2025, 10, 7))
        traj = trajectories.assign_to_coach(
            s, stage.leader, ref.id, stage.an.user_id, date(2025, 10, 20), on=date(2025, 10, 15)
        )
        trajectories.start_trajectory(s, stage.an, traj.id, date(2025, 10, 20))
    return ref.id, traj.id


def _talk(stage: Stage, trajectory: str, on: date) -> SessionInput:
    """An's 50-minute individual talk at 10:00 in the trajectory."""
    return SessionInput(
        stage.an.user_id, on, time(10), 50, "individueel_gesprek", trajectory_id=trajectory
    )


def test_anonymising_empties_every_identifying_field(stage: Stage) -> None:
    with stage.vault.session() as s:
        ref = intake.register_referral(
            s,
            stage.leader,
            youth_referral(
                stage.schools["VKO Opwijk"],
                first=CANARIES["youth_first_name"],
                last=CANARIES["youth_last_name"],
                youth_birth_date=date(2010, 5, 1),
                class_label=CANARIES["class_label"],
                help_question=CANARIES["help_question"],
                actions_taken=CANARIES["actions_taken"],
                referrer_name=CANARIES["referrer_name"],
            ),
            today=TODAY,
        )
        intake.transition_referral(
            s,
            stage.leader,
            ref.id,
            "niet_gestart",
            on=date(2025, 10, 8),
            no_start_reason="opgelost",
        )
        youth = intake.get_referral(s, stage.leader, ref.id).youth_id
    assert youth is not None
    assert retention.anonymise(stage.vault, stage.leader, [youth], date(2045, 5, 2)) == 1
    with stage.vault.raw_connection() as conn:
        person = conn.execute(
            "SELECT first_name, last_name, birth_date, municipality, flags FROM youths WHERE id=?",
            (youth,),
        ).fetchone()
        referral = conn.execute(
            "SELECT referrer_name, help_question, actions_taken, group_description "
            "FROM referrals WHERE id=?",
            (ref.id,),
        ).fetchone()
        classes = conn.execute(
            "SELECT class_label FROM youth_enrolments WHERE youth_id=?", (youth,)
        ).fetchall()
    assert person == ("", "", None, "", "")
    assert referral == ("", "", "", "")
    assert classes and all(c == ("",) for c in classes)
    pages = all_pages(stage.vault.db_path, bytes(stage.vault._require_dek()))
    for field, canary in CANARIES.items():
        assert pages_containing(pages, canary.encode()) == [], field


def test_an_open_referral_keeps_a_young_person_from_being_due(stage: Stage) -> None:
    youth, _ = closed_case(stage)
    with stage.vault.session() as s:
        assert [d.youth_id for d in retention.due(s, stage.leader, date(2045, 5, 1))] == [youth]
        again = youth_referral(stage.schools["VKO Opwijk"], received=date(2025, 11, 3))
        again.youth_id = youth
        second = intake.register_referral(
            s, stage.leader, again, today=TODAY, confirm_duplicate=True
        )
        intake.transition_referral(s, stage.leader, second.id, "wachtlijst", on=date(2025, 11, 4))
        assert retention.due(s, stage.leader, date(2099, 1, 1)) == []


def test_a_coach_may_not_erase_or_anonymise(stage: Stage) -> None:
    youth, _ = closed_case(stage)
    with pytest.raises(PermissionDeniedError):
        retention.erase(stage.vault, stage.an, youth, "verzoek")
    with pytest.raises(PermissionDeniedError):
        retention.anonymise(stage.vault, stage.an, [youth], date(2045, 5, 2))
    assert stage.vault.check()["youths"] == 1


def test_opening_a_trajectory_and_a_note_is_audited(stage: Stage) -> None:
    _, traj = _started(stage)
    with stage.vault.session() as s:
        session = scheduling.plan_session(s, stage.an, _talk(stage, traj, date(2025, 10, 21)))
        session = session.sessions[0]
        note = notes.save_note(s, stage.an, session.id, NoteInput(content="Gesprek verliep goed."))
    assert _audit(stage, "open", "trajectory", traj) == 0
    with stage.vault.session() as s:
        trajectories.get_trajectory(s, stage.leader, traj)
    assert _audit(stage, "open", "trajectory", traj) == 1
    assert _audit(stage, "open", "session_note", note.id) == 0
    with stage.vault.session() as s:
        assert notes.get_note(s, stage.leader, session.id) is not None
    assert _audit(stage, "open", "session_note", note.id) == 1


def test_a_real_second_coach_is_refused_anothers_trajectory_and_notes(stage: Stage) -> None:
    _, traj = _started(stage)
    with stage.vault.session() as s:
        session = scheduling.plan_session(s, stage.an, _talk(stage, traj, date(2025, 10, 21)))
        session = session.sessions[0]
        notes.save_note(s, stage.an, session.id, NoteInput(content="Vertrouwelijk."))
    # Yusuf is a real user of this vault (a slot, a users row), not an invented identity.
    assert cell(stage.vault, "SELECT COUNT(*) FROM users WHERE id=:u", u=stage.yusuf.user_id) == 1
    with stage.vault.session() as s:
        with pytest.raises(PermissionDeniedError):
            trajectories.get_trajectory(s, stage.yusuf, traj)
        with pytest.raises(PermissionDeniedError):
            notes.get_note(s, stage.yusuf, session.id)
        with pytest.raises(PermissionDeniedError):
            notes.note_history(s, stage.yusuf, session.id)
        with pytest.raises(PermissionDeniedError):
            scheduling.trajectory_sessions(s, stage.yusuf, traj)
        assert trajectories.get_trajectory(s, stage.an, traj).id == traj


def test_a_series_skips_the_schools_own_day_off(stage: Stage) -> None:
    _, traj = _started(stage)
    with stage.vault.session() as s:
        reference.add_day_off(
            s,
            stage.leader,
            date(2025, 11, 19),
            date(2025, 11, 19),
            "Pedagogische studiedag",
            "studiedag",
            school_id=stage.schools["VKO Opwijk"],
        )
        planned = scheduling.plan_series(
            s,
            stage.an,
            _talk(stage, traj, date(2025, 11, 5)),
            "wekelijks",
            count=3,
        )
    assert planned.skipped == [date(2025, 11, 19)]
    assert [x.on for x in planned.sessions] == [
        date(2025, 11, 5),
        date(2025, 11, 12),
        date(2025, 11, 26),
    ]


def test_a_school_without_agreed_hours_waits_behind_one_with_hours(stage: Stage) -> None:
    asse, merchtem = stage.schools["Sint-Martinus Asse"], stage.schools["GTSM Merchtem"]
    with stage.vault.session() as s:
        reference.set_capacity(s, stage.leader, asse, YEAR, stage.pool, 6, 100)  # Merchtem: none
        ids = {}
        for school, first, received in (
            (merchtem, "Lotte", date(2025, 9, 15)),
            (asse, "Milan", date(2025, 12, 1)),
        ):
            ref = intake.register_referral(
                s,
                stage.leader,
                youth_referral(school, first=first, received=received),
                today=TODAY,
            )
            intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=received)
            ids[first] = ref.id
        entries = waitlist.waiting_list(s, stage.leader, TODAY)
    assert [e.referral_id for e in entries] == [ids["Milan"], ids["Lotte"]]
    assert entries[1].school_usage_pct is None and "geen afgesproken uren" in entries[
        1
    ].reason_text("nl")


def test_a_coachs_laptop_gets_no_identifying_field_of_a_waiting_pupil(
    team: Team, tmp_path: Path
) -> None:
    stage = team.stage
    with stage.vault.session() as s:
        waiting = youth_referral(
            stage.schools["GTSM Merchtem"],
            first="Wachtvoornaam",
            last="Wachtachternaam",
            youth_birth_date=date(2011, 3, 14),
            class_label="3WACHT",
            help_question="Wachthulpvraag",
            actions_taken="Wachtacties",
            referrer_name="Wachtverwijzer",
        )
        ref = intake.register_referral(s, stage.leader, waiting, today=TODAY)
        intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=date(2025, 10, 9))
    an = join_as(tmp_path, stage.vault, stage.leader, "an")
    swap(an, team.leader)
    assert cell(an.vault, "SELECT COUNT(*) FROM referrals WHERE id=:r", r=ref.id) == 1
    pages = all_pages(an.vault.db_path, bytes(an.vault._require_dek()))
    for canary in (
        "Wachtvoornaam",
        "Wachtachternaam",
        "3WACHT",
        "Wachthulpvraag",
        "Wachtacties",
        "Wachtverwijzer",
        "2011-03-14",
    ):
        assert pages_containing(pages, canary.encode()) == [], canary
    with an.vault.engine.connect() as conn:
        born = conn.execute(
            text(
                "SELECT y.birth_date FROM youths y JOIN referrals r ON r.youth_id=y.id "
                "WHERE r.id=:r"
            ),
            {"r": ref.id},
        ).scalar()
    assert born is None
    with stage.vault.session() as s:
        trajectories.assign_to_coach(s, stage.leader, ref.id, stage.an.user_id, date(2025, 11, 3))
    swap(team.leader, an)  # now An's: what was withheld arrives
    class_label = "SELECT e.class_label FROM youth_enrolments e JOIN referrals r "
    class_label += "ON r.youth_id = e.youth_id WHERE r.id = :r"
    assert cell(an.vault, class_label, r=ref.id) == "3WACHT"
