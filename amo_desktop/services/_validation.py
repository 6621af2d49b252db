"""Input checks shared by services; each failure names the field the UI shows it next to."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from amo_desktop.domain.enums import (
    CarePhase,
    Channel,
    Function,
    Gender,
    OfferType,
    PreventionLevel,
    ReferralReason,
    ReferralStatus,
    SubjectKind,
    Urgency,
)
from amo_desktop.domain.reference import School
from amo_desktop.domain.rules import allowed_next
from amo_desktop.errors import ValidationError

if TYPE_CHECKING:
    from amo_desktop.services.intake import ReferralInput


def require_text(field: str, value: str, max_length: int = 200) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise ValidationError(field, "Dit veld is verplicht.", "This field is required.")
    if len(cleaned) > max_length:
        raise ValidationError(
            field,
            f"Gebruik hoogstens {max_length} tekens.",
            f"Use at most {max_length} characters.",
        )
    return cleaned


@cache
def _codes(enum: type[StrEnum]) -> frozenset[str]:
    """An enum's codes, built once: a bulk import checks ten of them per row."""
    return frozenset(m.value for m in enum)


def check_code(field: str, value: str | None, enum: type[StrEnum]) -> str:
    if value is None or value not in _codes(enum):
        raise ValidationError(
            field, "Kies een waarde uit de lijst.", "Choose a value from the list."
        )
    return value


def check_codes(field: str, values: list[str], enum: type[StrEnum], at_least: int = 0) -> list[str]:
    allowed = _codes(enum)
    if len(values) < at_least:
        raise ValidationError(field, "Kies minstens één waarde.", "Choose at least one value.")
    if any(v not in allowed for v in values):
        raise ValidationError(field, "Kies waarden uit de lijst.", "Choose values from the list.")
    return list(dict.fromkeys(values))


def check_date(field: str, value: date | None, today: date, allow_future: bool = False) -> date:
    if value is None:
        raise ValidationError(
            field, "Vul een datum in (dd/mm/jjjj).", "Fill in a date (dd/mm/yyyy)."
        )
    if value.year < 2000:
        raise ValidationError(
            field, "Deze datum ligt te ver in het verleden.", "This date is too far in the past."
        )
    if not allow_future and value > today:
        raise ValidationError(
            field, "Deze datum ligt in de toekomst.", "This date is in the future."
        )
    return value


def check_referral(s: Session, data: ReferralInput, today: date) -> None:
    """What a referral must be before it is stored, whether typed in or imported."""
    check_date("received_on", data.received_on, today)
    if s.get(School, data.school_id) is None:
        raise ValidationError("school_id", "Kies de school.", "Choose the school.")
    check_code("subject_kind", data.subject_kind, SubjectKind)
    check_code("offer_type", data.offer_type, OfferType)
    check_code("prevention_level", data.prevention_level, PreventionLevel)
    check_codes("reasons", data.reasons, ReferralReason, at_least=1)
    require_text("help_question", data.help_question, 4000)
    check_code("channel", data.channel, Channel)
    check_code("referrer_function", data.referrer_function, Function)
    check_code("urgency", data.urgency, Urgency)
    check_code("care_phase", data.care_phase, CarePhase)
    if data.subject_kind == SubjectKind.JONGERE and data.youth_id is None:
        require_text("youth_first_name", data.youth_first_name, 100)
        require_text("youth_last_name", data.youth_last_name, 100)
        check_code("youth_gender", data.youth_gender, Gender)
        if data.youth_birth_date is not None and not (
            date(1990, 1, 1) <= data.youth_birth_date <= today
        ):
            raise ValidationError(
                "youth_birth_date",
                "Deze geboortedatum klopt niet.",
                "This birth date is not right.",
            )
    if data.subject_kind == SubjectKind.KLASGROEP:
        require_text("class_group_label", data.class_group_label, 20)
        if not 1 <= data.class_pupil_count <= 60:
            raise ValidationError(
                "class_pupil_count",
                "Vul het aantal leerlingen in (1 tot 60).",
                "Fill in the number of pupils (1 to 60).",
            )
    if data.subject_kind in (SubjectKind.GROEP, SubjectKind.LEERKRACHT_TEAM):
        require_text("group_description", data.group_description, 2000)


def check_move(current: ReferralStatus, target: ReferralStatus, on: date, received: date) -> None:
    """A referral moves only along the workflow, and never to a day before it was received."""
    if target not in allowed_next(current):
        raise ValidationError(
            "to_status",
            f"Een aanmelding met status '{current.label}' kan niet naar '{target.label}'.",
            f"A referral with status '{current.value}' cannot move to '{target.value}'.",
        )
    if on < received:
        raise ValidationError(
            "on",
            "Deze datum ligt voor de aanmelding.",
            "This date is before the referral was received.",
        )
