"""Input checks shared by services; each failure names the field the UI shows it next to."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import cache

from amo_desktop.errors import ValidationError


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
