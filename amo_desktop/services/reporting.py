"""Report data: the figures module's numbers assembled per report, and the export audit."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import (
    GuidanceSession,
    Referral,
    SessionNote,
    SteeringMeeting,
    Trajectory,
    Youth,
)
from amo_desktop.domain.figures import SchoolCapacity
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import User
from amo_desktop.domain.reference import CapacityAgreement, Funder, School
from amo_desktop.domain.rules import usage_ratio
from amo_desktop.errors import ValidationError
from amo_desktop.reports.funder import FunderData, FunderSchoolRow
from amo_desktop.reports.planning import PlanningData, PlanningLine
from amo_desktop.reports.signal import SignalData
from amo_desktop.reports.steering import SteeringData
from amo_desktop.reports.trajectory import (
    AUDIENCES,
    GoalLine,
    SessionLine,
    TrajectoryBlock,
    TrajectoryReportData,
)
from amo_desktop.services import audit
from amo_desktop.services._days import school_days_off
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, requires
from amo_desktop.services.figures import capacity_figures, period_figures, referrals_per_year
from amo_desktop.services.meetings import MeetingInfo
from amo_desktop.services.scheduling import week
from amo_desktop.services.trajectories import get_trajectory
from amo_desktop.services.waits import start_waits_per_year


def _period_label(first: date, last: date) -> str:
    year = SchoolYear.of(first)
    if first == year.start and last == year.end:
        return f"Schooljaar {year.label}"
    return f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"


def _check_period(first: date, last: date) -> None:
    if last < first:
        raise ValidationError(
            "to", "De einddatum ligt voor de begindatum.", "The end date is before the start date."
        )
    if SchoolYear.of(first) != SchoolYear.of(last):
        raise ValidationError(
            "to", "Een periode ligt binnen één schooljaar.", "A period lies within one school year."
        )


@requires(TEAMLEADER_ROLES)
def steering_data(
    s: Session,
    caller: Identity,
    organisation: str,
    first: date,
    last: date,
    today: date,
    school_id: str | None = None,
    feedback: str = "",
) -> SteeringData:
    """Stuurgroeprapport (school_id None) or Schoolrapport: aggregates only, no names."""
    _check_period(first, last)
    school_name = None
    if school_id is not None:
        school = s.get(School, school_id)
        if school is None:
            raise ValidationError("school", "Kies een bestaande school.", "Choose a school.")
        school_name = school.name
    year = SchoolYear.of(first)
    period = period_figures(s, caller, first, last, today, school_id)
    capacity = capacity_figures(s, caller, year.start_year, today)
    reader = _school_view(capacity, school_id)
    schools = [school_id] if school_id is not None else None  # a school report: its own trend
    data = SteeringData(
        organisation=organisation,
        period_label=_period_label(first, last),
        period=period,
        year_to_date=(
            period
            if first == year.start
            else period_figures(s, caller, year.start, last, today, school_id)
        ),
        capacity=reader[0],
        evolution=referrals_per_year(s, caller, schools),
        feedback=feedback,
        school_name=school_name,
        made_on=today,
        capacity_total=reader[1],
        start_waits=start_waits_per_year(s, caller, schools),
    )
    audit.record(s, caller.user_id, "export", "report", None, "school" if school_id else "steering")
    return data


MIN_SCHOOLS_FOR_NETWORK_TOTAL = 3


def _school_view(
    capacity: list[SchoolCapacity], school_id: str | None
) -> tuple[list[SchoolCapacity], SchoolCapacity | None]:
    """A school report shows its own capacity row and, as one reference line, the network's
    total; with fewer than three schools that total would describe the other one, so not."""
    if school_id is None:
        return capacity, None
    own = [c for c in capacity if c.school_id == school_id]
    if len(capacity) < MIN_SCHOOLS_FOR_NETWORK_TOTAL:
        return own, None
    entitled = round(sum(c.entitled_hours for c in capacity), 2)
    used = round(sum(c.used_hours for c in capacity), 2)
    planned = round(sum(c.planned_hours for c in capacity), 2)
    total = SchoolCapacity(
        "",
        "Alle scholen samen",
        entitled,
        used,
        planned,
        round(sum(c.teacher_hours for c in capacity), 2),
        usage_ratio(entitled, used, planned),
        None,
    )
    return own, total


@requires(TEAMLEADER_ROLES)
def signal_data(
    s: Session,
    caller: Identity,
    organisation: str,
    municipality: str,
    first: date,
    last: date,
    today: date,
) -> SignalData:
    """Anonymous figures of the schools in one municipality; no school is named."""
    _check_period(first, last)
    wanted = municipality.strip().casefold()
    schools = [sc for sc in s.scalars(select(School)) if sc.municipality.casefold() == wanted]
    if not schools:
        raise ValidationError(
            "municipality",
            f"Er is geen school in '{municipality}'.",
            f"There is no school in '{municipality}'.",
        )
    ids = [sc.id for sc in schools]
    data = SignalData(
        organisation=organisation,
        municipality=schools[0].municipality,
        period_label=_period_label(first, last),
        figures=period_figures(s, caller, first, last, today, school_ids=ids),
        evolution=referrals_per_year(s, caller, school_ids=ids),
        schools_counted=len(ids),
        made_on=today,
    )
    audit.record(s, caller.user_id, "export", "report", None, "signal")
    return data


@requires(TEAMLEADER_ROLES)
def funder_data(
    s: Session,
    caller: Identity,
    organisation: str,
    funder_id: str,
    first: date,
    last: date,
    today: date,
) -> FunderData:
    """Hours agreed with one funder per school, the delivered hours attributed pro rata."""
    _check_period(first, last)
    funder = s.get(Funder, funder_id)
    if funder is None:
        raise ValidationError("funder", "Kies een bestaande financier.", "Choose a funder.")
    year = SchoolYear.of(first)
    agreed_schools = set(
        s.scalars(
            select(CapacityAgreement.school_id).where(
                CapacityAgreement.funder_id == funder.id,
                CapacityAgreement.school_year == year.start_year,
            )
        )
    )
    rows = []
    for cap in capacity_figures(s, caller, year.start_year, today):
        if cap.school_id not in agreed_schools:
            continue
        key = "urenoverdracht" if funder.kind == "urenoverdracht" else funder.name
        agreed = cap.by_funder.get(key, 0.0)
        figures = period_figures(s, caller, first, last, today, cap.school_id)
        share = agreed / cap.entitled_hours if cap.entitled_hours else 0.0
        rows.append(
            FunderSchoolRow(
                cap.school_name,
                round(agreed, 2),
                round(figures.hours_delivered * share, 2),
                figures.referrals,
                figures.youths_reached,
                figures.pupils_reached_in_classes,
            )
        )
    audit.record(s, caller.user_id, "export", "report", funder.id, "funder")
    return FunderData(
        organisation, funder.name, funder.kind, _period_label(first, last), rows, today
    )


@requires(ALL_ROLES)
def trajectory_data(
    s: Session, caller: Identity, organisation: str, youth_id: str, audience: str, today: date
) -> TrajectoryReportData:
    """The young person's trajectories the caller works on; notes filtered by visibility."""
    if audience not in AUDIENCES:
        raise ValidationError(
            "audience", "Kies dossier, school of CLB.", "Choose dossier, school or CLB."
        )
    youth = s.get(Youth, youth_id)
    if youth is None or youth.deleted_at is not None:
        raise ValidationError("pupil", "Deze jongere bestaat niet.", "No such young person.")
    referrals = list(
        s.scalars(
            select(Referral).where(Referral.youth_id == youth_id).order_by(Referral.received_on)
        )
    )
    blocks = [
        _trajectory_block(s, caller, traj_id, audience)
        for traj_id in s.scalars(
            select(Trajectory.id)
            .where(
                Trajectory.referral_id.in_([r.id for r in referrals]),
                Trajectory.deleted_at.is_(None),
            )
            .order_by(Trajectory.start_on)
        )
    ]
    if not blocks:
        raise ValidationError(
            "pupil",
            "Deze jongere heeft (nog) geen traject.",
            "This young person has no trajectory (yet).",
        )
    school = s.get(School, referrals[-1].school_id) if referrals else None
    audit.record(s, caller.user_id, "export", "youth", youth_id, f"trajectory_report:{audience}")
    return TrajectoryReportData(
        organisation,
        f"{youth.first_name} {youth.last_name}".strip(),
        school.name if school else "",
        audience,
        blocks,
        today,
    )


def _trajectory_block(
    s: Session, caller: Identity, trajectory_id: str, audience: str
) -> TrajectoryBlock:
    """One trajectory of the report: its coaches, goals and sessions."""
    info = get_trajectory(s, caller, trajectory_id)  # checks access and logs the opening
    coach_ids = [info.lead_coach_id, *info.co_coach_ids]
    coaches = [u.full_name or u.login for u in (s.get(User, c) for c in coach_ids) if u is not None]
    return TrajectoryBlock(
        info.offer_type,
        info.status,
        info.start_on,
        info.end_on,
        coaches,
        info.closure_reason,
        info.outcome,
        [GoalLine(g.description, g.domain, g.evaluation, g.evaluated_on) for g in info.goals],
        _session_lines(s, trajectory_id, audience),
    )


def _session_lines(s: Session, trajectory_id: str, audience: str) -> list[SessionLine]:
    """The trajectory's sessions in order; a note only when the audience may read it."""
    lines = []
    for row in s.scalars(
        select(GuidanceSession)
        .where(
            GuidanceSession.trajectory_id == trajectory_id,
            GuidanceSession.deleted_at.is_(None),
            GuidanceSession.cancelled.is_(False),
        )
        .order_by(GuidanceSession.on)
    ):
        note = s.scalar(
            select(SessionNote).where(
                SessionNote.session_id == row.id, SessionNote.is_draft.is_(False)
            )
        )
        shown = note is not None and (
            audience == "dossier" or note.visibility == f"deelbaar_{audience}"
        )
        lines.append(
            SessionLine(
                row.on,
                row.contact_type,
                row.duration_min,
                row.attendance,
                note.agreements if shown and note else "",
                note.content if shown and note else "",
                note.next_steps if shown and note else "",
            )
        )
    return lines


@requires(ALL_ROLES)
def planning_data(
    s: Session, caller: Identity, organisation: str, monday: date, coach_id: str | None = None
) -> PlanningData:
    """A week for printing; other coaches' sessions show as 'Bezet' for a coach."""
    if monday.weekday() != 0:
        monday = monday - timedelta(days=monday.weekday())
    sessions = week(s, caller, monday, coach_id)
    users = {u.id: u.full_name or u.login for u in s.scalars(select(User))}
    lines = [
        PlanningLine(
            x.on,
            x.start,
            x.duration_min,
            users.get(x.coach_id, ""),
            x.label,
            x.contact_type,
            x.location,
            x.cancelled,
        )
        for x in sessions
    ]
    off = {}
    for day in school_days_off(s, None, monday, monday + timedelta(days=6)):
        off[day] = "vrije dag"
    who = users.get(coach_id, "") if coach_id else "van het team"
    has_names = any(x.trajectory_id for x in sessions)
    if has_names:
        audit.record(s, caller.user_id, "export", "report", coach_id, "planning")
    return PlanningData(organisation, monday, who, lines, off, has_names)


@requires(TEAMLEADER_ROLES)
def save_meeting(
    s: Session, caller: Identity, data: SteeringData, sequence: int, held_on: date
) -> MeetingInfo:
    """Freeze the figures shown at stuurgroep meeting 1, 2 or 3 of the school year."""
    if sequence not in (1, 2, 3):
        raise ValidationError(
            "sequence",
            "Een schooljaar heeft stuurgroep 1, 2 of 3.",
            "A school year has meeting 1, 2 or 3.",
        )
    if data.school_name is not None:
        raise ValidationError(
            "school",
            "Enkel het stuurgroeprapport wordt bewaard.",
            "Only the steering report is kept.",
        )
    year = data.period.school_year
    if s.scalar(
        select(SteeringMeeting).where(
            SteeringMeeting.school_year == year, SteeringMeeting.sequence == sequence
        )
    ):
        raise ValidationError(
            "sequence",
            f"Stuurgroep {sequence} van dit schooljaar is al bewaard.",
            f"Meeting {sequence} of this school year is saved.",
        )
    meeting = audit.created(
        s,
        caller.user_id,
        "steering_meeting",
        SteeringMeeting(
            school_year=year,
            sequence=sequence,
            held_on=held_on,
            snapshot=data.to_json(),
            feedback=data.feedback,
            changed_by=caller.user_id,
        ),
    )
    return MeetingInfo(meeting.id, year, sequence, held_on)


@requires(TEAMLEADER_ROLES)
def meeting_data(s: Session, caller: Identity, school_year: int, sequence: int) -> SteeringData:
    """The figures exactly as frozen, whatever changed in the vault since."""
    meeting = s.scalar(
        select(SteeringMeeting).where(
            SteeringMeeting.school_year == school_year, SteeringMeeting.sequence == sequence
        )
    )
    if meeting is None:
        raise ValidationError(
            "meeting",
            f"Stuurgroep {sequence} van {school_year}-{school_year + 1} is niet bewaard.",
            "No such saved meeting.",
        )
    return SteeringData.from_json(meeting.snapshot)
