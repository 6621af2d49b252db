"""Each place on the waiting list says why, in Dutch and English, numbered from one."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from amo_desktop.domain.caseload import Referral
from amo_desktop.domain.reference import School
from amo_desktop.services import intake, reference, scheduling, waitlist
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import TODAY, YEAR, Stage, youth_referral


def test_an_empty_waiting_list_is_empty_for_every_role(stage: Stage) -> None:
    with stage.vault.session() as s:
        assert waitlist.waiting_list(s, stage.an, TODAY) == []
        assert waitlist.waiting_list(s, stage.leader, TODAY) == []


def test_each_place_gives_its_reason_in_dutch_and_english(stage: Stage) -> None:
    asse, merchtem = stage.schools["Sint-Martinus Asse"], stage.schools["GTSM Merchtem"]
    with stage.vault.session() as s:
        reference.set_capacity(s, stage.leader, asse, YEAR, stage.pool, 6, 10)  # Merchtem: none
        talk = SessionInput(  # type: ignore[arg-type]
            stage.an.user_id, date(2025, 10, 6), time(8), 6 * 60, "overleg_school", school_id=asse
        )
        scheduling.plan_session(s, stage.leader, talk)  # 6 of Asse's 10 hours: 60 %
        for school, first, received, urgency in (
            (merchtem, "Lotte", date(2025, 9, 15), "normaal"),
            (asse, "Milan", date(2025, 12, 1), "hoog"),
        ):
            ref = intake.register_referral(
                s,
                stage.leader,
                youth_referral(school, first=first, received=received, urgency=urgency),
                today=TODAY,
            )
            intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=received)
        entries = waitlist.waiting_list(s, stage.leader, TODAY)
    assert [(e.position, e.school_name, e.urgency) for e in entries] == [
        (1, "Sint-Martinus Asse", "hoog"),
        (2, "GTSM Merchtem", "normaal"),
    ]
    milan, lotte = entries
    assert (milan.received_on, milan.offer_type) == (date(2025, 12, 1), "individuele_begeleiding")
    assert (milan.waiting_days, milan.school_usage_pct) == (63, 60)
    assert 0 < milan.waiting_school_days < milan.waiting_days
    days = f"{milan.waiting_days} dagen ({milan.waiting_school_days} schooldagen)"
    assert (
        milan.reason_text("nl")
        == f"Urgentie hoog; Sint-Martinus Asse gebruikt 60 % van haar deel; wacht {days}"
    )
    days_en = f"{milan.waiting_days} days ({milan.waiting_school_days} school days)"
    assert milan.reason_text("en") == (
        f"Urgency hoog; Sint-Martinus Asse uses 60% of its share; waiting {days_en}"
    )
    assert lotte.reason_text("nl").startswith(
        "Urgentie normaal; GTSM Merchtem heeft geen afgesproken uren;"
    )
    assert lotte.reason_text("en").startswith(
        "Urgency normaal; GTSM Merchtem has no agreed hours; waiting"
    )
    assert (milan.reason, lotte.reason) == ("share_used", "no_agreed_hours")
    assert lotte.school_usage_pct is None and lotte.subject_label == "Lotte Peeters"


def _waiting(stage: Stage, s, school: str, first: str, received: date) -> str:  # type: ignore[no-untyped-def]
    ref = intake.register_referral(
        s, stage.leader, youth_referral(school, first=first, received=received), today=TODAY
    )
    intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=received)
    return ref.id


def test_a_school_no_longer_active_keeps_its_pupils_waiting_behind_those_with_hours(
    stage: Stage,
) -> None:
    """Capacity figures cover active schools only: a pupil of a school that stopped is still
    listed, as a school without agreed hours, never dropped or crashing the list."""
    asse, merchtem = stage.schools["Sint-Martinus Asse"], stage.schools["GTSM Merchtem"]
    with stage.vault.session() as s:
        reference.set_capacity(s, stage.leader, asse, YEAR, stage.pool, 6, 10)
        reference.set_capacity(s, stage.leader, merchtem, YEAR, stage.pool, 6, 10)
        _waiting(stage, s, merchtem, "Lotte", date(2025, 9, 15))
        _waiting(stage, s, asse, "Milan", date(2025, 12, 1))
        s.get(School, merchtem).active = False  # type: ignore[union-attr]
        s.flush()
        entries = waitlist.waiting_list(s, stage.leader, TODAY)
    assert [(e.subject_label, e.reason, e.school_usage_pct) for e in entries] == [
        ("Milan Peeters", "share_used", 0),
        ("Lotte Peeters", "no_agreed_hours", None),
    ]


def test_a_deleted_referral_leaves_the_waiting_list(stage: Stage) -> None:
    """A referral removed on another laptop arrives as a tombstone (deleted_at): not waiting."""
    asse = stage.schools["Sint-Martinus Asse"]
    with stage.vault.session() as s:
        gone = _waiting(stage, s, asse, "Lotte", date(2025, 9, 15))
        _waiting(stage, s, asse, "Milan", date(2025, 12, 1))
        s.get(Referral, gone).deleted_at = datetime(2026, 1, 5, tzinfo=UTC)  # type: ignore[union-attr]
        s.flush()
        entries = waitlist.waiting_list(s, stage.leader, TODAY)
    assert [e.subject_label for e in entries] == ["Milan Peeters"]
