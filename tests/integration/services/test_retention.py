"""Retention: due list per rule, anonymising keeps counts and leaves no text in the file."""

from __future__ import annotations

from datetime import date, time

import pytest

from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services import figures, intake, notes, retention, scheduling, trajectories
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import YEAR, Stage, youth_referral
from tests.integration.sqlcipher_pages import all_pages, pages_containing

NOTE_CANARY = "NOTITIE-KANARIE-9f2c1e"
NAME_CANARY = "Kanarievogelsen"


def closed_case(
    stage: Stage, offer: str = "individuele_begeleiding", first: str = "Zoë"
) -> tuple[str, str]:
    """A referral with a trajectory closed on 30/01/2026 and a note; returns (youth, session)."""
    with stage.vault.session() as s:
        ref = intake.register_referral(
            s,
            stage.leader,
            youth_referral(
                stage.schools["VKO Opwijk"],
                first=first,
                last=NAME_CANARY,
                offer_type=offer,
                youth_birth_date=date(2010, 5, 1),
            ),
            today=date(2026, 2, 2),
        )
        intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=date(2025, 10, 7))
        traj = trajectories.assign_to_coach(
            s, stage.leader, ref.id, stage.an.user_id, date(2025, 10, 20), on=date(2025, 10, 15)
        )
        trajectories.start_trajectory(s, stage.an, traj.id, date(2025, 10, 20))
        session = scheduling.plan_session(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id,
                date(2025, 10, 21),
                time(10),
                50,
                "individueel_gesprek",
                trajectory_id=traj.id,
            ),
        ).sessions[0]
        notes.save_note(s, stage.an, session.id, NoteInput(content=NOTE_CANARY))
        notes.save_note(s, stage.an, session.id, NoteInput(content=NOTE_CANARY + " v2"))
        trajectories.close_trajectory(
            s, stage.an, traj.id, date(2026, 1, 30), "andere", "zelfde_school_richting"
        )
        detail = intake.get_referral(s, stage.leader, ref.id)
        assert detail.youth_id is not None
        return detail.youth_id, session.id


def test_a_young_person_is_due_only_when_every_referral_is(stage: Stage) -> None:
    youth, _ = closed_case(stage)
    same, _ = closed_case(stage, offer="naft_individueel")  # same person, referred again
    assert same == youth
    with stage.vault.session() as s:
        assert retention.due(s, stage.leader, date(2031, 2, 1)) == []
        assert [d.due_on for d in retention.due(s, stage.leader, date(2045, 5, 1))] == [
            date(2045, 5, 1)
        ]


def test_due_follows_the_rules(stage: Stage) -> None:
    youth, _ = closed_case(stage)
    naft, _ = closed_case(stage, offer="naft_individueel", first="Jonas")
    with stage.vault.session() as s:
        assert retention.due(s, stage.leader, date(2031, 1, 29)) == []
        due = retention.due(s, stage.leader, date(2031, 1, 30))
        assert [(d.youth_id, d.due_on) for d in due] == [(youth, date(2031, 1, 30))]
        later = retention.due(s, stage.leader, date(2045, 5, 1))
        assert {d.youth_id for d in later} == {youth, naft}  # born 1/5/2010, turns 35
        retention.set_rule(s, stage.leader, "individuele_begeleiding", "years_after_closure", 1)
        assert [d.youth_id for d in retention.due(s, stage.leader, date(2027, 1, 30))] == [youth]
        with pytest.raises(PermissionDeniedError):
            retention.due(s, stage.an, date(2031, 1, 30))


def test_anonymise_keeps_counts_and_removes_the_text_from_the_file(stage: Stage) -> None:
    youth, session_id = closed_case(stage)
    today = date(2031, 2, 1)
    with stage.vault.session() as s:
        before = figures.year_figures(s, stage.leader, YEAR, today)
        with pytest.raises(ValidationError):
            retention.anonymise(stage.vault, stage.leader, [youth], date(2030, 1, 1))
    assert retention.anonymise(stage.vault, stage.leader, [youth], today) == 1
    with stage.vault.session() as s:
        after = figures.year_figures(s, stage.leader, YEAR, today)
        assert after.referrals == before.referrals == 1
        assert after.sessions_delivered == before.sessions_delivered == 1
        assert notes.note_history(s, stage.leader, session_id)[-1].content == ""
        assert intake.list_referrals(s, stage.leader)[0].subject_label == "Individuele jongere"
        assert retention.due(s, stage.leader, today) == []
    key = bytes(stage.vault._require_dek())
    pages = all_pages(stage.vault.db_path, key)
    for canary in (NOTE_CANARY, NAME_CANARY):
        assert pages_containing(pages, canary.encode()) == []


def test_erase_removes_every_row_and_records_the_reason(stage: Stage) -> None:
    youth, _ = closed_case(stage)
    retention.erase(stage.vault, stage.leader, youth, "verzoek tot wissing 2026-014")
    counts = stage.vault.check()
    assert counts["youths"] == counts["referrals"] == counts["sessions"] == 0
    assert counts["session_notes"] == counts["note_versions"] == 0
    pages = all_pages(stage.vault.db_path, bytes(stage.vault._require_dek()))
    assert pages_containing(pages, NOTE_CANARY.encode()) == []
    with stage.vault.raw_connection() as conn:
        detail = conn.execute("SELECT detail FROM audit_events WHERE action='erase'").fetchone()
    assert detail[0] == "reason=verzoek tot wissing 2026-014"
