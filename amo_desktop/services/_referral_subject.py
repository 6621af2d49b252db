"""A new referral's rows: who or what it is about (the young person, found again or added and
enrolled for the school year, or the class group) and its own columns, as intake and import
store them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from amo_desktop.domain.caseload import ClassGroup, Referral, Youth, YouthEnrolment
from amo_desktop.domain.enums import ReferralStatus
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.rules import OPEN_STATUSES, grade_of
from amo_desktop.errors import ValidationError

if TYPE_CHECKING:
    from amo_desktop.services.intake import ReferralInput


def find_youth(s: Session, data: ReferralInput) -> Youth | None:
    """The young person chosen by id, or one already known by that name and birth date."""
    if data.youth_id is not None:
        youth = s.get(Youth, data.youth_id)
        if youth is None or youth.deleted_at is not None:
            raise ValidationError(
                "youth_id", "Deze jongere bestaat niet meer.", "This young person no longer exists."
            )
        return youth
    query = select(Youth).where(
        func.amo_fold(Youth.first_name) == data.youth_first_name.strip().casefold(),
        func.amo_fold(Youth.last_name) == data.youth_last_name.strip().casefold(),
        Youth.deleted_at.is_(None),
    )
    candidates = list(s.scalars(query))
    if data.youth_birth_date is not None:
        candidates = [y for y in candidates if y.birth_date in (None, data.youth_birth_date)]
    return candidates[0] if candidates else None


def open_referral(s: Session, youth_id: str) -> str | None:
    """The id of a referral of this young person that is still open, if any."""
    return s.scalar(
        select(Referral.id).where(
            Referral.youth_id == youth_id,
            Referral.deleted_at.is_(None),
            Referral.status.in_([str(x) for x in OPEN_STATUSES]),
        )
    )


def open_class_referral(s: Session, school_id: str, label: str) -> str | None:
    """The id of an open referral of a class with this label at this school, if any."""
    if not label.strip():
        return None
    return s.scalar(
        select(Referral.id)
        .join(ClassGroup, ClassGroup.id == Referral.class_group_id)
        .where(
            Referral.school_id == school_id,
            func.amo_fold(ClassGroup.label) == label.strip().casefold(),
            Referral.deleted_at.is_(None),
            Referral.status.in_([str(x) for x in OPEN_STATUSES]),
        )
        .limit(1)
    )


def referred_before(s: Session, youth_id: str, school_year: int) -> bool:
    """Whether this young person was referred before in the same school year."""
    return (
        s.scalar(
            select(
                exists().where(Referral.youth_id == youth_id, Referral.school_year == school_year)
            )
        )
        or False
    )


def add_youth(s: Session, caller: Identity, data: ReferralInput) -> Youth:
    youth = Youth(
        first_name=data.youth_first_name.strip(),
        last_name=data.youth_last_name.strip(),
        birth_date=data.youth_birth_date,
        gender=data.youth_gender,
        changed_by=caller.user_id,
    )
    s.add(youth)
    s.flush()
    return youth


def enrol(
    s: Session, caller: Identity, data: ReferralInput, youth_id: str, school_year: int
) -> None:
    """The young person's school, class and study year for the school year, unless known."""
    enrolment = s.scalar(
        select(YouthEnrolment).where(
            YouthEnrolment.youth_id == youth_id, YouthEnrolment.school_year == school_year
        )
    )
    if enrolment is None:
        s.add(
            YouthEnrolment(
                **enrolment_values(data, youth_id, school_year), changed_by=caller.user_id
            )
        )


def add_class_group(s: Session, caller: Identity, data: ReferralInput, school_year: int) -> str:
    """A new class group for a class referral; its id."""
    group = ClassGroup(**class_group_values(data, school_year), changed_by=caller.user_id)
    s.add(group)
    s.flush()
    return group.id


def enrolment_values(data: ReferralInput, youth_id: str, school_year: int) -> dict[str, Any]:
    return {
        "youth_id": youth_id,
        "school_year": school_year,
        "school_id": data.school_id,
        "campus_id": None,
        "class_label": data.class_label.strip(),
        "study_year": data.study_year.strip(),
        "grade": grade_of(data.study_year),
    }


def class_group_values(data: ReferralInput, school_year: int) -> dict[str, Any]:
    return {
        "school_id": data.school_id,
        "campus_id": None,
        "school_year": school_year,
        "label": data.class_group_label.strip(),
        "study_year": data.study_year.strip(),
        "grade": grade_of(data.study_year),
        "pupil_count": data.class_pupil_count,
        "deleted_at": None,
    }


def referral_values(
    data: ReferralInput,
    user_id: str,
    school_year: int,
    youth_id: str | None,
    class_group_id: str | None,
    rereferral: bool,
) -> dict[str, Any]:
    """A new referral's columns from the intake form, as registering and importing store it."""
    return {
        "received_on": data.received_on,
        "registered_by": user_id,
        "school_year": school_year,
        "channel": data.channel,
        "referrer_name": data.referrer_name.strip(),
        "referrer_function": data.referrer_function,
        "referrer_org": data.referrer_org.strip(),
        "referrer_contact_id": None,
        "via_clb": data.via_clb,
        "clb_contact_id": None,
        "subject_kind": data.subject_kind,
        "youth_id": youth_id,
        "class_group_id": class_group_id,
        "group_description": data.group_description.strip(),
        "school_id": data.school_id,
        "offer_type": data.offer_type,
        "prevention_level": data.prevention_level,
        "reasons": ",".join(data.reasons),
        "help_question": data.help_question.strip(),
        "actions_taken": data.actions_taken.strip(),
        "care_phase": data.care_phase,
        "urgency": data.urgency,
        "consent_youth": data.consent_youth,
        "parents_informed": data.parents_informed,
        "status": ReferralStatus.NIEUW.value,
        "no_start_reason": None,
        "intake_on": None,
        "start_on": None,
        "waitlist_since": None,
        "is_rereferral": rereferral,
        "changed_by": user_id,
    }
