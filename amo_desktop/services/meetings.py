"""The saved steering-group meetings, listed without loading ReportLab (Rapporten's choices)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.caseload import SteeringMeeting
from amo_desktop.domain.identity import Identity
from amo_desktop.services.authz import TEAMLEADER_ROLES, requires


@dataclass(frozen=True)
class MeetingInfo:
    id: str
    school_year: int
    sequence: int
    held_on: date


@requires(TEAMLEADER_ROLES)
def list_meetings(s: Session, caller: Identity) -> list[MeetingInfo]:
    rows = s.scalars(
        select(SteeringMeeting).order_by(SteeringMeeting.school_year, SteeringMeeting.sequence)
    )
    return [MeetingInfo(m.id, m.school_year, m.sequence, m.held_on) for m in rows]
