"""Who or what a new referral is about: the young person, found again or added and enrolled for
the school year, or the class group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from amo_desktop.domain.caseload import ClassGroup, Referral, Youth, YouthEnrolment
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
                youth_id=youth_id,
                school_year=school_year,
                school_id=data.school_id,
                class_label=data.class_label.strip(),
                study_year=data.study_year.strip(),
                grade=grade_of(data.study_year),
                changed_by=caller.user_id,
            )
        )


def add_class_group(s: Session, caller: Identity, data: ReferralInput, school_year: int) -> str:
    """A new class group for a class referral; its id."""
    group = ClassGroup(
        school_id=data.school_id,
        school_year=school_year,
        label=data.class_group_label.strip(),
        study_year=data.study_year.strip(),
        grade=grade_of(data.study_year),
        pupil_count=data.class_pupil_count,
        changed_by=caller.user_id,
    )
    s.add(group)
    s.flush()
    return group.id
