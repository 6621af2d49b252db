"""Intake's next step, class duplicates, assigning and starting at once, and coach loads
(issue 15) on a real vault."""

from __future__ import annotations

from datetime import date, time

import pytest

from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services import intake, reference, scheduling, trajectories
from amo_desktop.services.intake import DuplicateReferralError, ReferralInput
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import TODAY, YEAR, Stage, youth_referral


def class_referral(school_id: str, label: str = "2A") -> ReferralInput:
    return ReferralInput(
        received_on=date(2026, 1, 12),
        school_id=school_id,
        subject_kind="klasgroep",
        offer_type="klasbegeleiding",
        prevention_level="preventief",
        reasons=["pesten"],
        help_question="Onrust in de klas.",
        class_group_label=label,
        study_year="2e jaar",
        class_pupil_count=22,
    )


@pytest.mark.parametrize("step", ["wachtlijst", "vraagverheldering"])
def test_the_next_step_is_taken_in_the_same_save(stage: Stage, step: str) -> None:
    with stage.vault.session() as s:
        made = intake.register_referral(
            s, stage.an, youth_referral(stage.schools["VKO Opwijk"]), today=TODAY, next_status=step
        )
        detail = intake.get_referral(s, stage.an, made.id)
    assert made.status == step
    assert [(h.from_status, h.to_status) for h in detail.history] == [
        (None, "nieuw"),
        ("nieuw", step),
    ]
    assert detail.waitlist_since == (TODAY if step == "wachtlijst" else None)


def test_a_next_step_the_intake_cannot_take_stores_nothing(stage: Stage) -> None:
    with pytest.raises(ValidationError) as info, stage.vault.session() as s:
        intake.register_referral(
            s,
            stage.an,
            youth_referral(stage.schools["VKO Opwijk"]),
            today=TODAY,
            next_status="toegewezen",
        )
    assert info.value.field == "next_status"
    with stage.vault.session() as s:
        assert intake.list_referrals(s, stage.leader) == []


def test_an_open_class_referral_at_the_school_is_warned(stage: Stage) -> None:
    opwijk, asse = stage.schools["VKO Opwijk"], stage.schools["Sint-Martinus Asse"]
    with stage.vault.session() as s:
        first = intake.register_referral(s, stage.an, class_referral(opwijk), today=TODAY)
        other_school = intake.register_referral(s, stage.an, class_referral(asse), today=TODAY)
        other_class = intake.register_referral(
            s, stage.an, class_referral(opwijk, "2B"), today=TODAY
        )
    assert other_school.id != other_class.id
    with pytest.raises(DuplicateReferralError) as info, stage.vault.session() as s:
        intake.register_referral(s, stage.an, class_referral(opwijk, " 2a "), today=TODAY)
    assert info.value.existing_id == first.id and info.value.field == "class_group_label"
    assert "klas" in info.value.message("nl")
    with stage.vault.session() as s:
        intake.transition_referral(s, stage.an, first.id, "ingetrokken", on=TODAY)
        again = intake.register_referral(s, stage.an, class_referral(opwijk), today=TODAY)
        with pytest.raises(DuplicateReferralError):
            intake.register_referral(s, stage.an, class_referral(opwijk), today=TODAY)
        confirmed = intake.register_referral(
            s, stage.an, class_referral(opwijk), today=TODAY, confirm_duplicate=True
        )
    assert confirmed.id != again.id


def _waiting(stage: Stage, **extra: object) -> str:
    with stage.vault.session() as s:
        return intake.register_referral(
            s,
            stage.leader,
            youth_referral(stage.schools["VKO Opwijk"], **extra),
            today=TODAY,
            next_status="wachtlijst",
        ).id


def test_assign_and_start_in_one_step(stage: Stage) -> None:
    ref_id = _waiting(stage)
    with stage.vault.session() as s:
        info = trajectories.assign_to_coach(
            s,
            stage.leader,
            ref_id,
            stage.an.user_id,
            date(2026, 2, 2),
            co_coach_ids=[stage.yusuf.user_id],
            on=TODAY,
            start_now=True,
        )
        detail = intake.get_referral(s, stage.leader, ref_id)
    assert info.status == "lopend" and info.start_on == date(2026, 2, 2)
    assert info.co_coach_ids == [stage.yusuf.user_id]
    assert [h.to_status for h in detail.history] == ["nieuw", "wachtlijst", "toegewezen", "gestart"]


def test_assign_and_start_without_consent_changes_nothing(stage: Stage) -> None:
    ref_id = _waiting(stage, consent_youth=False)
    with pytest.raises(ValidationError) as info, stage.vault.session() as s:
        trajectories.assign_to_coach(
            s, stage.leader, ref_id, stage.an.user_id, TODAY, on=TODAY, start_now=True
        )
    assert info.value.field == "consent_youth"
    with stage.vault.session() as s:
        assert intake.get_referral(s, stage.leader, ref_id).summary.status == "wachtlijst"
        assert trajectories.my_caseload(s, stage.leader) == []


def test_coach_loads_count_running_trajectories_and_the_next_four_weeks(stage: Stage) -> None:
    running = _waiting(stage)
    planned = _waiting(stage, first="Milan")
    with stage.vault.session() as s:
        trajectories.assign_to_coach(
            s, stage.leader, running, stage.an.user_id, TODAY, [stage.yusuf.user_id], TODAY, True
        )
        trajectories.assign_to_coach(s, stage.leader, planned, stage.an.user_id, TODAY, on=TODAY)
        school = stage.schools["VKO Opwijk"]
        for day, minutes in (
            (date(2026, 2, 3), 90),
            (date(2026, 3, 2), 60),
            (date(2026, 3, 3), 60),
        ):
            scheduling.plan_session(
                s,
                stage.leader,
                SessionInput(
                    stage.an.user_id, day, time(9), minutes, "overleg_school", school_id=school
                ),
            )
        loads = {c.name: c for c in trajectories.coach_loads(s, stage.leader, TODAY)}
        with pytest.raises(PermissionDeniedError):
            trajectories.coach_loads(s, stage.an, TODAY)
    # 2 Feb + 28 days = 2 March: the session of 3 March lies beyond the four weeks.
    assert (loads["An"].running, loads["An"].planned_hours) == (1, 2.5)
    assert (loads["Yusuf"].running, loads["Yusuf"].planned_hours) == (1, 0)
    assert set(loads) >= {"An", "Yusuf"}


def test_school_share_of_the_referrals_school(stage: Stage) -> None:
    ref_id = _waiting(stage)
    with stage.vault.session() as s:
        assert trajectories.school_share(s, stage.leader, ref_id, TODAY) is not None
        reference.set_capacity(
            s, stage.leader, stage.schools["VKO Opwijk"], YEAR, stage.klasbakken, 0, 40
        )
        share = trajectories.school_share(s, stage.leader, ref_id, TODAY)
    assert share is not None and share.school_name == "VKO Opwijk" and share.entitled_hours == 40
