"""Sessions to an agenda file (.ics): only what the caller may see, and an audit line for the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from amo_desktop.domain.identity import Identity
from amo_desktop.reports.ical import CalendarEntry, build_ics
from amo_desktop.services import audit
from amo_desktop.services.authz import ALL_ROLES, requires
from amo_desktop.services.files import save_output
from amo_desktop.services.scheduling import SessionInfo, sessions_between


@dataclass(frozen=True)
class CalendarRequest:
    """What to export: the file, the period, whose sessions (None: the team), the names."""

    path: Path
    first: date
    last: date
    coach_id: str | None
    schools: dict[str, str]
    coaches: dict[str, str] | None  # None: the user's own week, no coach names needed
    with_names: bool


@requires(ALL_ROLES)
def export_calendar(
    s: Session, caller: Identity, request: CalendarRequest, data_dir: Path | None
) -> int:
    """Writes the period's sessions to the file (atomic and private, never onto the vault's
    own files) and audits that a file left the vault; returns how many sessions went in."""
    r = request
    found = sessions_between(s, caller, r.first, r.last, r.coach_id)
    entries = _entries(found, r.schools, r.coaches)
    save_output(r.path, build_ics(entries, with_names=r.with_names), data_dir)
    names = "with-names" if r.with_names else "no-names"
    audit.record(s, caller.user_id, "export", "calendar", None, f"ics:{len(entries)}:{names}")
    return len(entries)


def _entries(
    sessions: list[SessionInfo], schools: dict[str, str], coaches: dict[str, str] | None
) -> list[CalendarEntry]:
    """The sessions that go ahead, as agenda entries; someone else's only as busy.
    `coaches` names the coach of each entry (None: the user's own week, no names needed)."""
    return [
        CalendarEntry(
            x.id,
            x.on,
            x.start,
            x.duration_min,
            x.contact_type if x.editable else "",
            x.location if x.editable else "",
            schools.get(x.school_id, "") if x.editable else x.label,
            subject=x.label,
            coach=coaches.get(x.coach_id, "") if coaches is not None else "",
        )
        for x in sessions
        if not x.cancelled
    ]
