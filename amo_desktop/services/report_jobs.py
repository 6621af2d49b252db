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
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy.orm import Session

from amo_desktop.domain.identity import Identity
from amo_desktop.errors import ValidationError
from amo_desktop.services import audit
from amo_desktop.services.authz import ALL_ROLES, requires

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


@dataclass(frozen=True)
class _Job:
    """One request with what every kind of report needs to build it."""

    s: Session
    caller: Identity
    organisation: str
    request: ReportRequest
    today: date
    author: str


@dataclass(frozen=True)
class _Built:
    """A report's data with how to print it and its Excel sheets, before the PDF exists."""

    title: str
    data: Any
    render: Callable[[io.BytesIO], None]
    sheets: dict[str, list[list[Any]]]
    entity_id: str | None = None
    saved_meeting: int | None = None


@requires(ALL_ROLES)
def build(
    s: Session, caller: Identity, organisation: str, request: ReportRequest, today: date
) -> ReportResult:
    """The report the request asks for; the services check roles and write the audit events."""
    from amo_desktop.reports.excel import to_json

    kind = request.kind
    builder = _BUILDERS.get(kind)
    if builder is None:
        raise ValidationError("kind", "Kies een rapport.", "Choose a report.")
    author = caller.login if caller else ""
    built = builder(_Job(s, caller, organisation, request, today, author))
    buffer = io.BytesIO()
    built.render(buffer)
    has_names = kind in WITH_NAMES or (kind == "planning" and bool(built.data.has_names))
    return ReportResult(
        kind,
        built.title,
        buffer.getvalue(),
        built.sheets,
        to_json(built.data),
        has_names,
        built.entity_id,
        built.saved_meeting,
    )


def _steering(job: _Job) -> _Built:
    """The steering group's report, or a school's: new figures, or a frozen meeting's."""
    from amo_desktop.reports import steering
    from amo_desktop.services import reporting

    request = job.request
    saved = None
    if request.meeting is not None:
        data = reporting.meeting_data(job.s, job.caller, *request.meeting)
    else:
        school_id = None
        if request.kind == "school":
            if not request.school_id:
                raise ValidationError("school", "Kies een school.", "Choose a school.")
            school_id = request.school_id
        first, last = _period(request, job.today)
        feedback = request.feedback or ""
        if school_id is not None:
            feedback = _school_text(job.s, job.caller, school_id, first, request.feedback)
        data = reporting.steering_data(
            job.s, job.caller, job.organisation, first, last, job.today, school_id, feedback
        )
        if request.kind == "steering" and request.save_as_meeting:
            reporting.save_meeting(job.s, job.caller, data, request.save_as_meeting, job.today)
            saved = request.save_as_meeting
    return _printed(
        steering,
        job,
        "Schoolrapport" if request.kind == "school" else "Stuurgroeprapport",
        data,
        saved_meeting=saved,
    )


def _signal(job: _Job) -> _Built:
    from amo_desktop.reports import signal
    from amo_desktop.services import reporting

    municipality = job.request.municipality
    if not municipality.strip():
        raise ValidationError("municipality", "Kies een gemeente.", "Choose a municipality.")
    first, last = _period(job.request, job.today)
    data = reporting.signal_data(
        job.s, job.caller, job.organisation, municipality, first, last, job.today
    )
    return _printed(signal, job, "Signaal lokaal bestuur", data)


def _funder(job: _Job) -> _Built:
    from amo_desktop.reports import funder
    from amo_desktop.services import reporting

    funder_id = job.request.funder_id
    if not funder_id:
        raise ValidationError("funder", "Kies een financier.", "Choose a funder.")
    first, last = _period(job.request, job.today)
    data = reporting.funder_data(
        job.s, job.caller, job.organisation, funder_id, first, last, job.today
    )
    return _printed(funder, job, "Financiersrapport", data)


def _planning(job: _Job) -> _Built:
    from amo_desktop.reports import planning
    from amo_desktop.reports.excel import rows_of
    from amo_desktop.services import reporting

    day = job.request.week or job.today
    coach_id = job.request.coach_id
    monday = day - timedelta(days=day.weekday())
    data = reporting.planning_data(job.s, job.caller, job.organisation, monday, coach_id)
    return _Built(
        "Planning",
        data,
        lambda out: planning.render(data, out, job.author),
        {"Planning": rows_of(data.lines)},
        entity_id=coach_id,
    )


def _trajectory(job: _Job) -> _Built:
    from amo_desktop.reports import trajectory
    from amo_desktop.reports.excel import rows_of
    from amo_desktop.services import reporting

    pupil = _pupil(job.request)
    data = reporting.trajectory_data(
        job.s, job.caller, job.organisation, pupil, job.request.audience, job.today
    )
    return _Built(
        "Trajectverslag",
        data,
        lambda out: trajectory.render(data, out, job.author),
        {"Contactmomenten": rows_of([x for t in data.trajectories for x in t.sessions])},
        entity_id=pupil,
    )


def _access(job: _Job) -> _Built:
    from amo_desktop.reports import access
    from amo_desktop.reports.excel import rows_of
    from amo_desktop.services import subject_access

    pupil = _pupil(job.request)
    data = subject_access.access_export(job.s, job.caller, pupil, job.request.reason)
    return _Built(
        "Inzage-export",
        data,
        lambda out: access.render(data, job.organisation, out, job.author),
        {name[:31]: rows_of(rows) for name, rows in data.tables.items()},
        entity_id=pupil,
    )


def _printed(module: ModuleType, job: _Job, title: str, data: Any, **more: Any) -> _Built:
    """A report its module prints and turns into Excel rows by itself (steering, signal, funder)."""
    return _Built(
        title, data, lambda out: module.render(data, out, job.author), module.as_rows(data), **more
    )


_BUILDERS: dict[str, Callable[[_Job], _Built]] = {
    "steering": _steering,
    "school": _steering,
    "signal": _signal,
    "funder": _funder,
    "planning": _planning,
    "trajectory": _trajectory,
    "access": _access,
}


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


@requires(ALL_ROLES)
def save(s: Session, caller: Identity, result: ReportResult, path: Path, data_dir: Path) -> Path:
    """Writes the report where the user chose (.pdf, .xlsx or .json; never onto the vault's own
    files) and, when it names pupils, logs in the same step that it left the vault."""
    from amo_desktop.reports.excel import write_report  # openpyxl only when a file is saved

    written = write_report(path, result.pdf, result.sheets, result.json_text, protect=data_dir)
    if result.has_names:
        how = "saved" + path.suffix.lower()
        audit.record(
            s, caller.user_id, "export", "report", result.entity_id, f"{result.kind}:{how}"
        )
    return written
