"""Intake and the referral workflow on a real vault (issue 3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amo_desktop.domain.enums import ReferralStatus
from amo_desktop.domain.rules import TRANSITIONS
from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services import intake
from amo_desktop.services.intake import DuplicateReferralError, ReferralInput
from tests.integration.services.conftest import TODAY, Stage, youth_referral


def test_register_and_read_back(stage: Stage) -> None:
    with stage.vault.session() as s:
        made = intake.register_referral(
            s, stage.an, youth_referral(stage.schools["VKO Opwijk"]), today=TODAY
        )
    assert made.status == "nieuw" and made.subject_label == "Zoë Peeters"
    with stage.vault.session() as s:
        detail = intake.get_referral(s, stage.an, made.id)
    assert detail.reasons == ["spijbelen", "schoolmoeheid"]
    assert [(h.from_status, h.to_status) for h in detail.history] == [(None, "nieuw")]
    assert "vraagverheldering" in detail.allowed_next and "afgesloten" not in detail.allowed_next


def test_duplicate_is_warned_then_confirmed(stage: Stage) -> None:
    school = stage.schools["VKO Opwijk"]
    with stage.vault.session() as s:
        first = intake.register_referral(s, stage.an, youth_referral(school), today=TODAY)
    with pytest.raises(DuplicateReferralError) as info, stage.vault.session() as s:
        intake.register_referral(
            s, stage.an, youth_referral(school, first="zoë", last="PEETERS"), today=TODAY
        )
    assert info.value.existing_id == first.id and info.value.field == "youth"
    with stage.vault.session() as s:
        second = intake.register_referral(
            s, stage.an, youth_referral(school), today=TODAY, confirm_duplicate=True
        )
        assert second.is_rereferral
        assert len(intake.list_referrals(s, stage.leader)) == 2


@pytest.mark.parametrize(
    "change,field",
    [
        ({"reasons": []}, "reasons"),
        ({"reasons": ["toverkunst"]}, "reasons"),
        ({"help_question": "  "}, "help_question"),
        ({"received_on": date(2030, 1, 1)}, "received_on"),
        ({"school_id": "nope"}, "school_id"),
        ({"youth_last_name": ""}, "youth_last_name"),
        ({"urgency": "paniek"}, "urgency"),
        (
            {"subject_kind": "klasgroep", "class_group_label": "2B", "class_pupil_count": 0},
            "class_pupil_count",
        ),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(
    stage: Stage, change: dict[str, object], field: str
) -> None:
    data = replace(youth_referral(stage.schools["VKO Opwijk"]), **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as info, stage.vault.session() as s:
        intake.register_referral(s, stage.an, data, today=TODAY)
    assert info.value.field == field and info.value.message("nl")
    with stage.vault.session() as s:
        assert intake.list_referrals(s, stage.leader) == []


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    first=TEXT,
    last=TEXT,
    question=TEXT,
    reasons=st.lists(TEXT, max_size=3),
    received=st.dates(date(1995, 1, 1), date(2031, 1, 1)),
)
def test_any_input_is_stored_or_refused_with_a_field(
    stage: Stage, first: str, last: str, question: str, reasons: list[str], received: date
) -> None:
    data = ReferralInput(
        received_on=received,
        school_id=stage.schools["GTSM Merchtem"],
        subject_kind="jongere",
        offer_type="klasbegeleiding",
        prevention_level="preventief",
        reasons=reasons,
        help_question=question,
        youth_first_name=first,
        youth_last_name=last,
    )
    try:
        with stage.vault.session() as s:
            made = intake.register_referral(
                s, stage.leader, data, today=TODAY, confirm_duplicate=True
            )
    except ValidationError as exc:
        assert exc.field in {
            "received_on",
            "reasons",
            "help_question",
            "youth_first_name",
            "youth_last_name",
        }
    else:
        assert made.status == "nieuw"
        assert question.strip() and first.strip() and last.strip() and reasons


def test_workflow_keeps_history_and_refuses_nonsense(stage: Stage) -> None:
    with stage.vault.session() as s:
        ref = intake.register_referral(
            s, stage.an, youth_referral(stage.schools["VKO Opwijk"]), today=TODAY
        )
        with pytest.raises(ValidationError) as info:
            intake.transition_referral(s, stage.an, ref.id, "afgesloten", on=TODAY)
        assert "kan niet" in info.value.message("nl")
        intake.transition_referral(s, stage.an, ref.id, "vraagverheldering", on=date(2025, 10, 8))
        intake.transition_referral(s, stage.an, ref.id, "wachtlijst", on=date(2025, 10, 9))
        intake.transition_referral(s, stage.leader, ref.id, "toegewezen", on=date(2025, 11, 3))
        intake.transition_referral(
            s, stage.an, ref.id, "gestart", on=date(2025, 11, 5), reason="Eerste gesprek gepland"
        )
        with pytest.raises(ValidationError):
            intake.transition_referral(s, stage.an, ref.id, "wachtlijst", on=TODAY)
        detail = intake.get_referral(s, stage.an, ref.id)
    assert [h.to_status for h in detail.history] == [
        "nieuw",
        "vraagverheldering",
        "wachtlijst",
        "toegewezen",
        "gestart",
    ]
    assert detail.intake_on == date(2025, 10, 8) and detail.start_on == date(2025, 11, 5)
    assert detail.history[-1].reason == "Eerste gesprek gepland"


def test_not_started_needs_a_reason(stage: Stage) -> None:
    with stage.vault.session() as s:
        ref = intake.register_referral(
            s, stage.an, youth_referral(stage.schools["VKO Opwijk"]), today=TODAY
        )
        with pytest.raises(ValidationError) as info:
            intake.transition_referral(s, stage.an, ref.id, "niet_gestart", on=TODAY)
        assert info.value.field == "no_start_reason"
        intake.transition_referral(
            s, stage.an, ref.id, "niet_gestart", on=TODAY, no_start_reason="geen_toestemming"
        )


def test_every_status_pair_is_either_allowed_or_refused(stage: Stage) -> None:
    allowed_pairs = {(a, b) for a, nexts in TRANSITIONS.items() for b in nexts}
    assert (ReferralStatus.GESTART, ReferralStatus.AFGESLOTEN) in allowed_pairs
    assert all(not TRANSITIONS[t] for t in (ReferralStatus.AFGESLOTEN, ReferralStatus.INGETROKKEN))
    assert (ReferralStatus.NIEUW, ReferralStatus.AFGESLOTEN) not in allowed_pairs


def test_coach_sees_only_own_referrals(stage: Stage) -> None:
    with stage.vault.session() as s:
        mine = intake.register_referral(
            s, stage.an, youth_referral(stage.schools["VKO Opwijk"]), today=TODAY
        )
        theirs = intake.register_referral(
            s, stage.yusuf, youth_referral(stage.schools["VKO Opwijk"], first="Jonas"), today=TODAY
        )
        assert [r.id for r in intake.list_referrals(s, stage.an)] == [mine.id]
        with pytest.raises(PermissionDeniedError):
            intake.get_referral(s, stage.an, theirs.id)
        with pytest.raises(PermissionDeniedError):
            intake.transition_referral(s, stage.an, theirs.id, "vraagverheldering")
        assert len(intake.list_referrals(s, stage.leader)) == 2
        assert [r.id for r in intake.list_referrals(s, stage.leader, search="jonas")] == [theirs.id]
