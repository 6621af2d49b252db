"""A school report's own text for its school: kept per school and school year.

The steering group's feedback belongs to the steering report (and is frozen with its meeting);
a school report never prints it. The text for a school lives in the vault's key-value table
`settings` under `feedback.school.<school id>.<school year>`.
TODO(lead): if this text should travel between laptops (settings is local-only), give it a
table of its own in a migration: `school_report_texts(school_id FK schools.id, school_year int,
text Text, changed_by, created_at, updated_at, PK(school_id, school_year))`, and move these two
functions onto it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import Setting
from amo_desktop.domain.reference import School
from amo_desktop.errors import ValidationError
from amo_desktop.services import audit
from amo_desktop.services.authz import TEAMLEADER_ROLES, requires

MAX_LENGTH = 5_000


def _key(school_id: str, school_year: int) -> str:
    return f"feedback.school.{school_id}.{int(school_year)}"


@requires(TEAMLEADER_ROLES)
def school_feedback(s: Session, caller: Identity, school_id: str, school_year: int) -> str:
    """The text kept for this school's report of this school year ('' when none)."""
    row = s.get(Setting, _key(school_id, school_year))
    return row.value if row is not None else ""


@requires(TEAMLEADER_ROLES)
def save_school_feedback(
    s: Session, caller: Identity, school_id: str, school_year: int, text: str
) -> None:
    """Keep (or, when empty, forget) the text for this school's report; logged, content not."""
    if s.get(School, school_id) is None:
        raise ValidationError("school", "Kies een bestaande school.", "Choose a school.")
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            "school_feedback",
            f"De tekst voor de school is te lang (meer dan {MAX_LENGTH} tekens).",
            f"The text for the school is too long (over {MAX_LENGTH} characters).",
        )
    key = _key(school_id, school_year)
    row = s.get(Setting, key)
    if (row.value if row is not None else "") == text:
        return
    if not text:
        s.delete(row)
    elif row is None:
        s.add(Setting(key=key, value=text))
    else:
        row.value = text
    audit.record(s, caller.user_id, "update", "school_report_text", school_id, str(school_year))
