"""Planning: sessions and recurring series that skip days off, with conflict warnings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.caseload import (
    ClassGroup,
    GuidanceSession,
    Referral,
    SessionSeries,
    Trajectory,
    TrajectoryCoach,
)
from amo_desktop.domain.enums import Attendance, ContactType, Location, SeriesFrequency
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import User
from amo_desktop.domain.reference import School
from amo_desktop.domain.rules import series_dates
from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services import audit, reference
from amo_desktop.services._days import school_days_off
from amo_desktop.services._lookups import (
    load_session,
    load_trajectory,
    subject_label,
    subject_labels,
)
from amo_desktop.services._validation import check_code
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, requires


@dataclass
class SessionInput:
    coach_id: str
    on: date
    start: time
    duration_min: int
    contact_type: str
    location: str = "school"
    trajectory_id: str | None = None
    school_id: str | None = None
    class_group_id: str | None = None
    participants: str = ""


@dataclass(frozen=True)
class Warning:
    """Something to confirm, not an error: the session is saved anyway. A code and its facts;
    the front end words it."""

    code: str  # "double_booked" | "day_off"
    on: date
    at: time | None = None  # double_booked: when the coach's other session starts


@dataclass(frozen=True)
class SessionInfo:
    id: str
    on: date
    start: time
    duration_min: int
    coach_id: str
    school_id: str
    trajectory_id: str | None
    class_group_id: str | None
    series_id: str | None
    contact_type: str
    location: str
    attendance: str | None
    present_count: int | None
    cancelled: bool
    label: str  # subject shown in the week view; "Bezet" for someone else's session
    editable: bool = True  # False: someone else's session, shown only as busy

    @property
    def end(self) -> time:
        return (datetime.combine(self.on, self.start) + timedelta(minutes=self.duration_min)).time()


@dataclass(frozen=True)
class Planned:
    sessions: list[SessionInfo]
    skipped: list[date]
    warnings: list[Warning]


@dataclass(frozen=True)
class WeekPlan:
    """What the planning grid shows for one week."""

    monday: date
    coach_id: str | None
    sessions: list[SessionInfo]
    days_off: dict[date, str]


def _label(s: Session, row: GuidanceSession, visible: bool) -> str:
    if not visible:
        return "Bezet"
    if row.trajectory_id:
        trajectory = s.get(Trajectory, row.trajectory_id)
        referral = s.get(Referral, trajectory.referral_id) if trajectory else None
        if referral is not None:
            return subject_label(s, referral, True)
    if row.class_group_id:
        group = s.get(ClassGroup, row.class_group_id)
        if group is not None:
            return f"Klas {group.label}"
    school = s.get(School, row.school_id)
    return school.short_name or school.name if school else ""


def _session_info(row: GuidanceSession, visible: bool, label: str) -> SessionInfo:
    return SessionInfo(
        row.id,
        row.on,
        row.start,
        row.duration_min,
        row.coach_id,
        row.school_id,
        row.trajectory_id if visible else None,
        row.class_group_id,
        row.series_id,
        row.contact_type,
        row.location,
        row.attendance,
        row.present_count,
        row.cancelled,
        label,
        visible,
    )


def _info(s: Session, row: GuidanceSession, visible: bool = True) -> SessionInfo:
    return _session_info(row, visible, _label(s, row, visible))


# A trajectory's lead coach and referral, by trajectory id.
_Trajectories = dict[str, tuple[str, str]]


@dataclass(frozen=True)
class _Names:
    """What the week shows for a session: its subject, else its class group, else its school."""

    subjects: dict[str, str]  # by referral id
    groups: dict[str, str]  # by class group id
    schools: dict[str, str]  # by school id

    def label(self, row: GuidanceSession, visible: bool, trajectories: _Trajectories) -> str:
        if not visible:
            return "Bezet"
        if row.trajectory_id in trajectories:
            referral_id = trajectories[row.trajectory_id][1]
            if referral_id in self.subjects:
                return self.subjects[referral_id]
        if row.class_group_id in self.groups:
            return f"Klas {self.groups[row.class_group_id]}"
        return self.schools.get(row.school_id, "")


def _infos(s: Session, caller: Identity, rows: list[GuidanceSession]) -> list[SessionInfo]:
    """SessionInfo for many rows with a handful of queries (the team week has thousands)."""
    trajectories, co_coached = _trajectory_coaches(
        s, caller, {r.trajectory_id for r in rows if r.trajectory_id}
    )
    leader = caller.role in TEAMLEADER_ROLES

    def editable(row: GuidanceSession) -> bool:
        if leader or row.coach_id == caller.user_id:
            return True
        if row.trajectory_id in trajectories:
            return (
                trajectories[row.trajectory_id][0] == caller.user_id
                or row.trajectory_id in co_coached
            )
        return False

    visible = {r.id: editable(r) for r in rows}
    names = _names(s, rows, visible, trajectories)
    return [
        _session_info(r, visible[r.id], names.label(r, visible[r.id], trajectories)) for r in rows
    ]


def _trajectory_coaches(
    s: Session, caller: Identity, traj_ids: set[str]
) -> tuple[_Trajectories, set[str]]:
    """The trajectories' lead coaches and referrals, and those the caller co-coaches."""
    trajectories: _Trajectories = {}
    co_coached: set[str] = set()
    ids = sorted(traj_ids)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for tid, lead, rid in s.execute(
            select(Trajectory.id, Trajectory.lead_coach_id, Trajectory.referral_id).where(
                Trajectory.id.in_(chunk)
            )
        ):
            trajectories[tid] = (lead, rid)
        co_coached |= set(
            s.scalars(
                select(TrajectoryCoach.trajectory_id).where(
                    TrajectoryCoach.trajectory_id.in_(chunk),
                    TrajectoryCoach.user_id == caller.user_id,
                )
            )
        )
    return trajectories, co_coached


def _names(
    s: Session,
    rows: list[GuidanceSession],
    visible: dict[str, bool],
    trajectories: _Trajectories,
) -> _Names:
    """The subjects of the visible sessions, the class groups' and the schools' names."""
    subjects = subject_labels(
        s,
        {
            trajectories[r.trajectory_id][1]
            for r in rows
            if visible[r.id] and r.trajectory_id in trajectories
        },
        True,
    )
    groups: dict[str, str] = {}
    group_ids = sorted({r.class_group_id for r in rows if r.class_group_id})
    if group_ids:
        groups = {
            i: lbl
            for i, lbl in s.execute(
                select(ClassGroup.id, ClassGroup.label).where(ClassGroup.id.in_(group_ids))
            )
        }
    schools = {
        i: short or name
        for i, name, short in s.execute(select(School.id, School.name, School.short_name))
    }
    return _Names(subjects, groups, schools)


def _validate(s: Session, caller: Identity, data: SessionInput) -> str:
    """Checks the input and returns the school the session counts for."""
    if caller.role not in TEAMLEADER_ROLES and data.coach_id != caller.user_id:
        raise PermissionDeniedError()
    coach = s.get(User, data.coach_id)
    if coach is None or not coach.active:
        raise ValidationError("coach_id", "Kies een actieve medewerker.", "Choose an active user.")
    check_code("contact_type", data.contact_type, ContactType)
    check_code("location", data.location, Location)
    if not 5 <= data.duration_min <= 600:
        raise ValidationError(
            "duration_min",
            "Een contactmoment duurt 5 tot 600 minuten.",
            "A session lasts 5 to 600 minutes.",
        )
    if data.on.year < 2000 or data.on.year > 2100:
        raise ValidationError("on", "Kies een geldige datum.", "Choose a valid date.")
    if data.trajectory_id:
        trajectory = load_trajectory(s, caller, data.trajectory_id)
        referral = s.get(Referral, trajectory.referral_id)
        assert referral is not None
        return referral.school_id
    if data.class_group_id:
        group = s.get(ClassGroup, data.class_group_id)
        if group is None:
            raise ValidationError(
                "class_group_id", "Kies een bestaande klasgroep.", "Choose an existing class group."
            )
        return group.school_id
    if data.school_id is None or s.get(School, data.school_id) is None:
        raise ValidationError(
            "school_id",
            "Kies een traject, klasgroep of school.",
            "Choose a trajectory, class group or school.",
        )
    return data.school_id


def _overlaps(a_start: time, a_min: int, b_start: time, b_min: int) -> bool:
    a0 = a_start.hour * 60 + a_start.minute
    b0 = b_start.hour * 60 + b_start.minute
    return a0 < b0 + b_min and b0 < a0 + a_min


def _warnings(
    s: Session,
    coach_id: str,
    school_id: str,
    on: date,
    start: time,
    minutes: int,
    ignore_id: str | None = None,
) -> list[Warning]:
    found = []
    same_day = s.scalars(
        select(GuidanceSession).where(
            GuidanceSession.coach_id == coach_id,
            GuidanceSession.on == on,
            GuidanceSession.cancelled.is_(False),
            GuidanceSession.deleted_at.is_(None),
        )
    )
    for other in same_day:
        if other.id != ignore_id and _overlaps(start, minutes, other.start, other.duration_min):
            found.append(Warning("double_booked", on, other.start))
            break
    if on in school_days_off(s, school_id, on, on) or on.weekday() >= 5:
        found.append(Warning("day_off", on))
    return found


@requires(ALL_ROLES)
def plan_session(s: Session, caller: Identity, data: SessionInput) -> Planned:
    school_id = _validate(s, caller, data)
    warnings = _warnings(s, data.coach_id, school_id, data.on, data.start, data.duration_min)
    row = _create(s, caller, data, school_id, None)
    return Planned([_info(s, row)], [], warnings)


def _create(
    s: Session, caller: Identity, data: SessionInput, school_id: str, series_id: str | None
) -> GuidanceSession:
    row = audit.created(
        s,
        caller.user_id,
        "session",
        GuidanceSession(
            trajectory_id=data.trajectory_id,
            school_id=school_id,
            class_group_id=data.class_group_id,
            coach_id=data.coach_id,
            series_id=series_id,
            on=data.on,
            start=data.start,
            duration_min=data.duration_min,
            contact_type=data.contact_type,
            location=data.location,
            participants=data.participants,
            changed_by=caller.user_id,
        ),
    )
    return row


@requires(ALL_ROLES)
def plan_series(
    s: Session,
    caller: Identity,
    data: SessionInput,
    frequency: str,
    count: int | None = None,
    until: date | None = None,
) -> Planned:
    """Weekly or two-weekly, N times or until a date, skipping holidays and the school's days off."""
    check_code("frequency", frequency, SeriesFrequency)
    if count is None and until is None:
        raise ValidationError(
            "count",
            "Kies een aantal keer of een einddatum.",
            "Choose a number of times or an end date.",
        )
    if count is not None and not 1 <= count <= 60:
        raise ValidationError(
            "count", "Een reeks telt 1 tot 60 contactmomenten.", "A series has 1 to 60 sessions."
        )
    if until is not None and (until < data.on or (until - data.on).days > 400):
        raise ValidationError(
            "until",
            "De einddatum ligt voor de start of te ver weg.",
            "The end date is before the start or too far away.",
        )
    if data.on.weekday() >= 5:
        raise ValidationError(
            "on", "Een reeks start op een weekdag.", "A series starts on a weekday."
        )
    school_id = _validate(s, caller, data)
    horizon = until or data.on + timedelta(weeks=(count or 1) * 2 + 60)
    off = school_days_off(s, school_id, data.on, horizon)
    dates, skipped = series_dates(data.on, SeriesFrequency(frequency), off, count, until)
    series = SessionSeries(
        frequency=frequency, first_on=data.on, count=count, until=until, changed_by=caller.user_id
    )
    s.add(series)
    s.flush()
    warnings: list[Warning] = []
    rows = []
    for day in dates:
        warnings += [
            w
            for w in _warnings(s, data.coach_id, school_id, day, data.start, data.duration_min)
            if w.code == "double_booked"
        ]
        rows.append(_create(s, caller, replace(data, on=day), school_id, series.id))
    return Planned([_info(s, r) for r in rows], skipped, warnings)


def _targets(s: Session, row: GuidanceSession, rest_of_series: bool) -> list[GuidanceSession]:
    if not rest_of_series or row.series_id is None:
        return [row]
    return list(
        s.scalars(
            select(GuidanceSession)
            .where(
                GuidanceSession.series_id == row.series_id,
                GuidanceSession.on >= row.on,
                GuidanceSession.deleted_at.is_(None),
                GuidanceSession.cancelled.is_(False),
            )
            .order_by(GuidanceSession.on)
        )
    )


@requires(ALL_ROLES)
def move_session(
    s: Session,
    caller: Identity,
    session_id: str,
    new_on: date,
    new_start: time | None = None,
    rest_of_series: bool = False,
) -> Planned:
    """Move one session, or it and the later ones of its series by the same number of days."""
    row = load_session(s, caller, session_id)
    shift = new_on - row.on
    warnings: list[Warning] = []
    moved = []
    for target in _targets(s, row, rest_of_series):
        target.on = target.on + shift
        if new_start is not None:
            target.start = new_start
        target.changed_by = caller.user_id
        warnings += _warnings(
            s,
            target.coach_id,
            target.school_id,
            target.on,
            target.start,
            target.duration_min,
            ignore_id=target.id,
        )
        audit.record(s, caller.user_id, "move", "session", target.id)
        moved.append(_info(s, target))
    return Planned(moved, [], warnings)


@requires(ALL_ROLES)
def cancel_session(
    s: Session, caller: Identity, session_id: str, rest_of_series: bool = False
) -> list[str]:
    """Cancelled sessions stay visible as cancelled; nothing is deleted."""
    row = load_session(s, caller, session_id)
    cancelled = []
    for target in _targets(s, row, rest_of_series):
        target.cancelled = True
        audit.changed(s, caller.user_id, "cancel", "session", target)
        cancelled.append(target.id)
    return cancelled


@requires(ALL_ROLES)
def record_attendance(
    s: Session, caller: Identity, session_id: str, attendance: str, present_count: int | None = None
) -> SessionInfo:
    row = load_session(s, caller, session_id)
    check_code("attendance", attendance, Attendance)
    if present_count is not None and not 0 <= present_count <= 60:
        raise ValidationError(
            "present_count", "Vul 0 tot 60 aanwezigen in.", "Fill in 0 to 60 present."
        )
    row.attendance = attendance
    row.present_count = present_count
    audit.changed(s, caller.user_id, "attendance", "session", row)
    return _info(s, row)


@requires(ALL_ROLES)
def week(
    s: Session,
    caller: Identity,
    monday: date,
    coach_id: str | None = None,
    include_cancelled: bool = True,
) -> list[SessionInfo]:
    """One week from `monday`: a coach's (coach_id) or the whole team's (None).

    A coach sees other coaches' sessions as 'Bezet', without the pupil.
    """
    sunday = monday + timedelta(days=6)
    query = select(GuidanceSession).where(
        GuidanceSession.on >= monday,
        GuidanceSession.on <= sunday,
        GuidanceSession.deleted_at.is_(None),
    )
    if coach_id is not None:
        query = query.where(GuidanceSession.coach_id == coach_id)
    if not include_cancelled:
        query = query.where(GuidanceSession.cancelled.is_(False))
    rows = list(s.scalars(query.order_by(GuidanceSession.on, GuidanceSession.start)))
    return _infos(s, caller, rows)


@requires(ALL_ROLES)
def trajectory_sessions(s: Session, caller: Identity, trajectory_id: str) -> list[SessionInfo]:
    load_trajectory(s, caller, trajectory_id)
    rows = s.scalars(
        select(GuidanceSession)
        .where(GuidanceSession.trajectory_id == trajectory_id, GuidanceSession.deleted_at.is_(None))
        .order_by(GuidanceSession.on, GuidanceSession.start)
    )
    return [_info(s, r) for r in rows]


@requires(ALL_ROLES)
def week_plan(s: Session, caller: Identity, monday: date, coach_id: str | None) -> WeekPlan:
    """The week's sessions (see `week`) and the days off for all schools, by day."""
    sunday = monday + timedelta(days=6)
    sessions = week(s, caller, monday, coach_id)
    days_off: dict[date, str] = {}
    for span in reference.list_days_off(s, caller, monday, sunday):
        day = max(span.first, monday)
        while day <= min(span.last, sunday):
            days_off.setdefault(day, span.name)
            day += timedelta(days=1)
    return WeekPlan(monday, coach_id, sessions, days_off)


@requires(ALL_ROLES)
def sessions_between(
    s: Session, caller: Identity, first: date, last: date, coach_id: str | None
) -> list[SessionInfo]:
    """The sessions from `first` to `last` (both included), week by week as `week` sees them."""
    found: list[SessionInfo] = []
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        found += [x for x in week(s, caller, monday, coach_id) if first <= x.on <= last]
        monday += timedelta(days=7)
    return found
