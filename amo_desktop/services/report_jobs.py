"""One report from a request: the data from its service, the PDF in memory, the Excel sheets
and the JSON text; the CLI and the Rapporten page (on the DB worker) both call `build`.

The PDF is rendered into a `BytesIO`: it stays in memory until the user saves it (SECURITY.md
R11: no plaintext outside the vault, no temp file with names).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from amo_desktop.errors import ValidationError
from amo_desktop.services import audit
from amo_desktop.services.authz import ALL_ROLES, requires
from amo_desktop.storage.vault import Identity

KINDS = ("steering", "school", "funder", "signal", "planning", "trajectory", "access")
# Reports that name young people: the page shows them as confidential.
WITH_NAMES = frozenset({"trajectory", "access"})


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    first: date | None = None
    last: date | None = None
    school_id: str | None = None
    funder_id: str | None = None
    municipality: str = ""
    coach_id: str | None = None
    week: date | None = None
    pupil_id: str | None = None
    audience: str = "dossier"
    reason: str = ""
    # The text of the report asked for: the steering group's feedback, or a school report's
    # own text for its school (None: the one kept for that school and school year).
    feedback: str | None = None
    save_as_meeting: int | None = None  # steering: freeze as stuurgroep 1, 2 or 3
    meeting: tuple[int, int] | None = None  # steering: reprint (school year, sequence)


@dataclass
class ReportResult:
    kind: str
    title: str
    pdf: bytes
    sheets: dict[str, list[list[Any]]]
    json_text: str
    has_names: bool
    entity_id: str | None = None
    saved_meeting: int | None = None
    notes: list[str] = field(default_factory=list)


@requires(ALL_ROLES)
def build(
    s: Session, caller: Identity, organisation: str, request: ReportRequest, today: date
) -> ReportResult:
    """The report the request asks for; the services check roles and write the audit events."""
    from amo_desktop.reports import access, funder, planning, signal, steering, trajectory
    from amo_desktop.reports.excel import rows_of, to_json
    from amo_desktop.services import reporting, subject_access

    author = caller.login if caller else ""
    kind = request.kind
    data: Any
    entity_id: str | None = None
    saved: int | None = None
    render: Callable[[io.BytesIO], None]
    if kind in ("steering", "school"):
        if request.meeting is not None:
            data = reporting.meeting_data(s, caller, *request.meeting)
        else:
            school_id = None
            if kind == "school":
                if not request.school_id:
                    raise ValidationError("school", "Kies een school.", "Choose a school.")
                school_id = request.school_id
            first, last = _period(request, today)
            feedback = request.feedback or ""
            if school_id is not None:
                feedback = _school_text(s, caller, school_id, first, request.feedback)
            data = reporting.steering_data(
                s, caller, organisation, first, last, today, school_id, feedback
            )
            if kind == "steering" and request.save_as_meeting:
                reporting.save_meeting(s, caller, data, request.save_as_meeting, today)
                saved = request.save_as_meeting
        frozen = data
        render = lambda out: steering.render(frozen, out, author)  # noqa: E731
        sheets = steering.as_rows(data)
        title = "Schoolrapport" if kind == "school" else "Stuurgroeprapport"
    elif kind == "signal":
        if not request.municipality.strip():
            raise ValidationError("municipality", "Kies een gemeente.", "Choose a municipality.")
        first, last = _period(request, today)
        data = reporting.signal_data(
            s, caller, organisation, request.municipality, first, last, today
        )
        render = lambda out: signal.render(data, out, author)  # noqa: E731
        sheets = signal.as_rows(data)
        title = "Signaal lokaal bestuur"
    elif kind == "funder":
        if not request.funder_id:
            raise ValidationError("funder", "Kies een financier.", "Choose a funder.")
        first, last = _period(request, today)
        data = reporting.funder_data(s, caller, organisation, request.funder_id, first, last, today)
        render = lambda out: funder.render(data, out, author)  # noqa: E731
        sheets = funder.as_rows(data)
        title = "Financiersrapport"
    elif kind == "planning":
        day = request.week or today
        data = reporting.planning_data(
            s, caller, organisation, day - timedelta(days=day.weekday()), request.coach_id
        )
        render = lambda out: planning.render(data, out, author)  # noqa: E731
        sheets = {"Planning": rows_of(data.lines)}
        title = "Planning"
        entity_id = request.coach_id
    elif kind == "trajectory":
        pupil = _pupil(request)
        data = reporting.trajectory_data(s, caller, organisation, pupil, request.audience, today)
        render = lambda out: trajectory.render(data, out, author)  # noqa: E731
        sheets = {"Contactmomenten": rows_of([x for t in data.trajectories for x in t.sessions])}
        title = "Trajectverslag"
        entity_id = pupil
    elif kind == "access":
        pupil = _pupil(request)
        data = subject_access.access_export(s, caller, pupil, request.reason)
        render = lambda out: access.render(data, organisation, out, author)  # noqa: E731
        sheets = {name[:31]: rows_of(rows) for name, rows in data.tables.items()}
        title = "Inzage-export"
        entity_id = pupil
    else:
        raise ValidationError("kind", "Kies een rapport.", "Choose a report.")
    buffer = io.BytesIO()
    render(buffer)
    has_names = kind in WITH_NAMES or (kind == "planning" and bool(data.has_names))
    return ReportResult(
        kind, title, buffer.getvalue(), sheets, to_json(data), has_names, entity_id, saved
    )


def _school_text(
    s: Session, caller: Identity, school_id: str, first: date, text: str | None
) -> str:
    """A school report prints its school's own text, never the steering group's feedback."""
    from amo_desktop.domain.calendar import SchoolYear
    from amo_desktop.services import report_feedback

    year = SchoolYear.of(first).start_year
    if text is None:
        return report_feedback.school_feedback(s, caller, school_id, year)
    report_feedback.save_school_feedback(s, caller, school_id, year, text)
    return text.strip()


def _period(request: ReportRequest, today: date) -> tuple[date, date]:
    if request.first is None or request.last is None:
        from amo_desktop.domain.calendar import SchoolYear

        year = SchoolYear.of(today)
        return year.start, min(today, year.end)
    return request.first, request.last


def _pupil(request: ReportRequest) -> str:
    if not request.pupil_id:
        raise ValidationError("pupil", "Kies een jongere.", "Choose a young person.")
    return request.pupil_id


@requires(ALL_ROLES)
def record_output(s: Session, caller: Identity, kind: str, entity_id: str | None, how: str) -> None:
    """Saving or printing a report is logged like generating it (issue 5)."""
    audit.record(s, caller.user_id, "export", "report", entity_id, f"{kind}:{how}")
