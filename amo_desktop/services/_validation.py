"""Input checks shared by services; each failure names the field the UI shows it next to."""

from __future__ import annotations

from collections.abc import Callable
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
    """What a referral must be before it is stored, whether typed in, imported or read from a
    form: the first problem is raised."""
    problems = referral_problems(s, data, today)
    if problems:
        raise problems[0]


def referral_problems(s: Session, data: ReferralInput, today: date) -> list[ValidationError]:
    """Every problem of a referral, in the order `check_referral` meets them: a form read back
    shows each beside its field."""
    problems = []
    for check in _referral_checks(s, data, today):
        try:
            check()
        except ValidationError as exc:
            problems.append(exc)
    return problems


def _referral_checks(s: Session, data: ReferralInput, today: date) -> list[Callable[[], object]]:
    checks: list[Callable[[], object]] = [
        lambda: check_date("received_on", data.received_on, today),
        lambda: _check_school(s, data.school_id),
        lambda: check_code("subject_kind", data.subject_kind, SubjectKind),
        lambda: check_code("offer_type", data.offer_type, OfferType),
        lambda: check_code("prevention_level", data.prevention_level, PreventionLevel),
        lambda: check_codes("reasons", data.reasons, ReferralReason, at_least=1),
        lambda: require_text("help_question", data.help_question, 4000),
        lambda: check_code("channel", data.channel, Channel),
        lambda: check_code("referrer_function", data.referrer_function, Function),
        lambda: check_code("urgency", data.urgency, Urgency),
        lambda: check_code("care_phase", data.care_phase, CarePhase),
    ]
    if data.subject_kind == SubjectKind.JONGERE and data.youth_id is None:
        checks += [
            lambda: require_text("youth_first_name", data.youth_first_name, 100),
            lambda: require_text("youth_last_name", data.youth_last_name, 100),
            lambda: check_code("youth_gender", data.youth_gender, Gender),
            lambda: _check_birth_date(data.youth_birth_date, today),
        ]
    if data.subject_kind == SubjectKind.KLASGROEP:
        checks += [
            lambda: require_text("class_group_label", data.class_group_label, 20),
            lambda: _check_pupil_count(data.class_pupil_count),
        ]
    if data.subject_kind in (SubjectKind.GROEP, SubjectKind.LEERKRACHT_TEAM):
        checks.append(lambda: require_text("group_description", data.group_description, 2000))
    return checks


def _check_school(s: Session, school_id: str) -> None:
    if s.get(School, school_id) is None:
        raise ValidationError("school_id", "Kies de school.", "Choose the school.")


def _check_birth_date(birth_date: date | None, today: date) -> None:
    if birth_date is not None and not (date(1990, 1, 1) <= birth_date <= today):
        raise ValidationError(
            "youth_birth_date",
            "Deze geboortedatum klopt niet.",
            "This birth date is not right.",
        )


def _check_pupil_count(count: int) -> None:
    if not 1 <= count <= 60:
        raise ValidationError(
            "class_pupil_count",
            "Vul het aantal leerlingen in (1 tot 60).",
            "Fill in the number of pupils (1 to 60).",
        )


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
