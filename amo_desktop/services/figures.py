"""The one place where every count is defined (docs/figures.md): screens and reports use these."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from statistics import median
from typing import NamedTuple

from sqlalchemy import ColumnElement, ScalarSelect, Select, and_, func, select, true
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import (
    ClassGroup,
    Goal,
    GuidanceSession,
    Referral,
    Trajectory,
    YouthEnrolment,
)
from amo_desktop.domain.enums import Attendance, ReferralStatus, TrajectoryStatus
from amo_desktop.domain.figures import PeriodFigures, SchoolCapacity, WaitingFigures
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.reference import CapacityAgreement, Funder, School
from amo_desktop.domain.rules import (
    fair_share_entitlements,
    grade_of,
    usage_ratio,
    warning_level,
)
from amo_desktop.services._days import school_calendar
from amo_desktop.services.authz import ALL_ROLES, requires
from amo_desktop.services.waits import start_waits, waiting_on

# A session counts as delivered when it is not cancelled, not deleted, lies on or before the
# reference day, and was not called off by the school or the coach.
NOT_DELIVERED_ATTENDANCE = (
    Attendance.GEANNULEERD_SCHOOL.value,
    Attendance.GEANNULEERD_BEGELEIDER.value,
)

# A planned trajectory has not started; a cancelled one never will (docs/figures.md).
NOT_RUNNING = (TrajectoryStatus.GEPLAND.value, TrajectoryStatus.GEANNULEERD.value)


def _delivered_conditions(first: date, last: date, today: date) -> list[ColumnElement[bool]]:
    """Sessions that count as delivered work between first and last (inclusive)."""
    return [
        GuidanceSession.on >= first,
        GuidanceSession.on <= min(last, today),
        GuidanceSession.cancelled.is_(False),
        GuidanceSession.deleted_at.is_(None),
        (GuidanceSession.attendance.is_(None))
        | (GuidanceSession.attendance.not_in(NOT_DELIVERED_ATTENDANCE)),
    ]


def _planned_conditions(first: date, last: date, today: date) -> list[ColumnElement[bool]]:
    """Sessions still to come (after today) between first and last that are not cancelled."""
    # One lower bound, which the index seeks to. A second one would be compared row by row,
    # and comparing a date column (numeric affinity) with a bound parameter copies the
    # parameter for every row: on SQLCipher each copy locks and unlocks memory.
    after_today = GuidanceSession.on > today if today >= first else GuidanceSession.on >= first
    return [
        after_today,
        GuidanceSession.on <= last,
        GuidanceSession.cancelled.is_(False),
        GuidanceSession.deleted_at.is_(None),
    ]


def _delivered_sessions(first: date, last: date, today: date) -> Select[GuidanceSession]:
    """Sessions that count as delivered work between first and last (inclusive)."""
    return select(GuidanceSession).where(*_delivered_conditions(first, last, today))


def _school_minutes(conditions: list[ColumnElement[bool]]) -> ScalarSelect[int]:
    """The minutes of the matching sessions of the school in the enclosing query, or 0.

    One seek per school in ix_sessions_school_on: no sort of all sessions by school."""
    return (
        select(func.coalesce(func.sum(GuidanceSession.duration_min), 0))
        .where(GuidanceSession.school_id == School.id, *conditions)
        .scalar_subquery()
    )


@requires(ALL_ROLES)
def capacity_figures(
    s: Session, caller: Identity, school_year: int, today: date
) -> list[SchoolCapacity]:
    """Entitled (fair share), used (delivered) and planned hours per school for a school year."""
    year = SchoolYear(school_year)
    agreements = s.execute(
        select(
            CapacityAgreement.school_id,
            CapacityAgreement.teacher_hours,
            CapacityAgreement.coaching_hours,
            Funder.kind,
            Funder.name,
        )
        .join(Funder, Funder.id == CapacityAgreement.funder_id)
        .where(CapacityAgreement.school_year == school_year)
    ).all()
    pool_teacher: dict[str, float] = defaultdict(float)
    pool_hours = 0.0
    other: dict[str, float] = defaultdict(float)
    by_funder: dict[str, dict[str, float]] = defaultdict(dict)
    for school_id, teacher_hours, coaching_hours, funder_kind, funder_name in agreements:
        if funder_kind == "urenoverdracht":
            pool_teacher[school_id] += teacher_hours
            pool_hours += coaching_hours
        else:
            other[school_id] += coaching_hours
            by_funder[school_id][funder_name] = coaching_hours
    entitled = fair_share_entitlements(pool_teacher, pool_hours, other)
    schools = s.execute(
        select(
            School.id,
            School.name,
            _school_minutes(_delivered_conditions(year.start, year.end, today)),
            _school_minutes(_planned_conditions(year.start, year.end, today)),
        )
        .where(School.active.is_(True))
        .order_by(School.name)
    ).all()
    result = []
    for school_id, school_name, used_min, planned_min in schools:
        e = round(entitled.get(school_id, 0.0), 2)
        u = round(int(used_min or 0) / 60, 2)
        p = round(int(planned_min or 0) / 60, 2)
        funders = dict(by_funder.get(school_id, {}))
        if pool_teacher.get(school_id):
            share = pool_teacher[school_id] / sum(pool_teacher.values())
            funders["urenoverdracht"] = round(pool_hours * share, 2)
        result.append(
            SchoolCapacity(
                school_id,
                school_name,
                e,
                u,
                p,
                pool_teacher.get(school_id, 0.0),
                usage_ratio(e, u, p),
                warning_level(e, u, p),
                funders,
            )
        )
    return result


YearFigures = PeriodFigures


@requires(ALL_ROLES)
def waiting_figures(s: Session, caller: Identity, today: date) -> WaitingFigures:
    """The waiting list's figures alone, for the home page: the same numbers as in
    period_figures without counting a whole year of referrals and sessions."""
    return _waiting(s, today, None)


def _waiting(s: Session, today: date, schools: list[str] | None) -> WaitingFigures:
    in_school = Referral.school_id.in_(schools) if schools is not None else true()
    waiting = s.execute(
        select(Referral.school_id, Referral.received_on).where(
            Referral.deleted_at.is_(None),
            in_school,
            Referral.status == ReferralStatus.WACHTLIJST.value,
        )
    ).all()
    oldest = min((received for _, received in waiting), default=today)
    days = school_calendar(s, {sid for sid, _ in waiting}, oldest, today)
    waits = [days.waiting_time(sid, received, today) for sid, received in waiting]
    calendar = [w.calendar_days for w in waits]
    school_days = [w.school_days for w in waits]
    return WaitingFigures(
        len(waits),
        float(median(calendar)) if calendar else None,
        max(calendar) if calendar else None,
        float(median(school_days)) if school_days else None,
        max(school_days) if school_days else None,
    )


class _ReferralCounts(NamedTuple):
    total: int
    by_school: dict[str, int]
    by_offer: dict[str, int]
    by_prevention: dict[str, int]
    by_reason: dict[str, int]
    by_grade: dict[str, int]


class _ClosedCounts(NamedTuple):
    running: int
    closed: int
    closure_reasons: dict[str, int]
    outcomes: dict[str, int]


class _Reach(NamedTuple):
    sessions: int
    hours: float
    youths: int
    classes: int
    pupils: int


@requires(ALL_ROLES)
def period_figures(
    s: Session,
    caller: Identity,
    first: date,
    last: date,
    today: date,
    school_id: str | None = None,
    school_ids: Sequence[str] | None = None,
) -> PeriodFigures:
    """Counts only; no names. Every screen and report takes its numbers from here.

    Referrals count by date received in [first, last]; sessions, closures and evaluations by
    their own date in the period; the waiting list as it was at the end of the period (or
    today, if the period has not ended), read from the status history.
    """
    schools = [school_id] if school_id else list(school_ids) if school_ids is not None else None
    in_school = Referral.school_id.in_(schools) if schools is not None else true()
    refs = _referral_counts(s, in_school, first, last)
    waiting_day = min(last, today)
    # A period that has not ended shows the list as it is (the home page's numbers); an ended
    # one as it was on its last day, from the status history.
    waits = _waiting(s, today, schools) if last >= today else waiting_on(s, caller, last, schools)
    to_start = start_waits(s, caller, first, waiting_day, schools)
    traj: ColumnElement[bool] = Trajectory.deleted_at.is_(None)
    if schools is not None:  # every trajectory has its referral: no subquery for all schools
        traj = and_(traj, Trajectory.referral_id.in_(select(Referral.id).where(in_school)))
    closed = _trajectory_counts(s, traj, first, last)
    reach = _reach(s, first, last, today, schools)
    goals_reached, goals_evaluated = _goal_counts(s, traj, first, last)
    return PeriodFigures(
        first,
        last,
        school_id,
        refs.total,
        refs.by_school,
        refs.by_offer,
        refs.by_prevention,
        refs.by_reason,
        refs.by_grade,
        waits.waiting_now,
        waits.median_wait_days,
        waits.longest_wait_days,
        waits.median_wait_school_days,
        waits.longest_wait_school_days,
        closed.running,
        closed.closed,
        closed.closure_reasons,
        closed.outcomes,
        reach.sessions,
        reach.hours,
        reach.youths,
        reach.classes,
        reach.pupils,
        goals_reached,
        goals_evaluated,
        waiting_day,
        to_start.started,
        to_start.median_days,
        to_start.longest_days,
        to_start.median_school_days,
        to_start.longest_school_days,
    )


def _referral_counts(
    s: Session, in_school: ColumnElement[bool], first: date, last: date
) -> _ReferralCounts:
    """The referrals received in [first, last], counted by school, offer, prevention level,
    reason and grade."""
    live = Referral.deleted_at.is_(None)
    referrals = list(
        s.execute(
            select(
                Referral.school_id,
                Referral.offer_type,
                Referral.prevention_level,
                Referral.reasons,
                YouthEnrolment.study_year,
                ClassGroup.study_year,
            )
            .outerjoin(
                YouthEnrolment,
                and_(
                    YouthEnrolment.youth_id == Referral.youth_id,
                    YouthEnrolment.school_year == Referral.school_year,
                ),
            )
            .outerjoin(ClassGroup, ClassGroup.id == Referral.class_group_id)
            .where(live, in_school, Referral.received_on >= first, Referral.received_on <= last)
        )
    )
    by_school: dict[str, int] = defaultdict(int)
    by_offer: dict[str, int] = defaultdict(int)
    by_prev: dict[str, int] = defaultdict(int)
    by_reason: dict[str, int] = defaultdict(int)
    by_grade: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {i: n for i, n in s.execute(select(School.id, School.name))}
    for ref_school, offer, prevention, reasons, youth_year, class_year in referrals:
        by_school[names.get(ref_school, "?")] += 1
        by_offer[offer] += 1
        by_prev[prevention] += 1
        by_grade[grade_of(youth_year or class_year or "")] += 1
        for reason in filter(None, reasons.split(",")):
            by_reason[reason] += 1
    return _ReferralCounts(
        len(referrals),
        dict(by_school),
        dict(by_offer),
        dict(by_prev),
        dict(by_reason),
        dict(by_grade),
    )


def _trajectory_counts(
    s: Session, traj: ColumnElement[bool], first: date, last: date
) -> _ClosedCounts:
    """The trajectories running at the end of the period, and those closed in it by reason
    and outcome."""
    running = (
        s.scalar(
            select(func.count())
            .select_from(Trajectory)
            .where(
                traj,
                Trajectory.start_on <= last,
                Trajectory.status.not_in(NOT_RUNNING),
                (Trajectory.end_on.is_(None)) | (Trajectory.end_on > last),
            )
        )
        or 0
    )
    closed_rows = s.execute(
        select(Trajectory.closure_reason, Trajectory.outcome).where(
            traj, Trajectory.end_on >= first, Trajectory.end_on <= last
        )
    ).all()
    closure_reasons: dict[str, int] = defaultdict(int)
    outcomes: dict[str, int] = defaultdict(int)
    for closure, outcome in closed_rows:
        closure_reasons[closure or "andere"] += 1
        outcomes[outcome or "onbekend"] += 1
    return _ClosedCounts(running, len(closed_rows), dict(closure_reasons), dict(outcomes))


def _reach(s: Session, first: date, last: date, today: date, schools: list[str] | None) -> _Reach:
    """The sessions delivered in the period, their hours, and the youths and classes reached."""
    delivered_query = _delivered_sessions(first, last, today)
    if schools is not None:
        delivered_query = delivered_query.where(GuidanceSession.school_id.in_(schools))
    delivered = delivered_query.subquery()
    count, minutes = s.execute(select(func.count(), func.sum(delivered.c.duration_min))).one()
    youths = (
        s.scalar(
            select(func.count(func.distinct(Referral.youth_id)))
            .join(Trajectory, Trajectory.referral_id == Referral.id)
            .where(
                Referral.youth_id.is_not(None),
                Trajectory.id.in_(select(delivered.c.trajectory_id)),
            )
        )
        or 0
    )
    class_rows = s.execute(
        select(ClassGroup.id, ClassGroup.pupil_count).where(
            ClassGroup.deleted_at.is_(None), ClassGroup.id.in_(select(delivered.c.class_group_id))
        )
    ).all()
    return _Reach(
        int(count or 0),
        round((minutes or 0) / 60, 2),
        youths,
        len(class_rows),
        int(sum(n for _, n in class_rows)),
    )


def _goal_counts(s: Session, traj: ColumnElement[bool], first: date, last: date) -> tuple[int, int]:
    """Goals evaluated in the period as (reached, evaluated)."""
    goals = (
        s.execute(
            select(Goal.evaluation)
            .join(Trajectory, Trajectory.id == Goal.trajectory_id)
            .where(traj, Goal.evaluated_on >= first, Goal.evaluated_on <= last)
        )
        .scalars()
        .all()
    )
    return sum(1 for g in goals if g == "bereikt"), sum(1 for g in goals if g != "lopend")


@requires(ALL_ROLES)
def year_figures(s: Session, caller: Identity, school_year: int, today: date) -> PeriodFigures:
    """period_figures for a whole school year (1/9 to 31/8)."""
    year = SchoolYear(school_year)
    return period_figures(s, caller, year.start, year.end, today)


@requires(ALL_ROLES)
def referrals_per_year(
    s: Session, caller: Identity, school_ids: Sequence[str] | None = None
) -> dict[int, int]:
    """The evolution of referrals over all school years (anonymised ones still count)."""
    query = select(Referral.school_year, func.count()).where(Referral.deleted_at.is_(None))
    if school_ids is not None:
        query = query.where(Referral.school_id.in_(list(school_ids)))
    rows = s.execute(query.group_by(Referral.school_year).order_by(Referral.school_year))
    return {int(year): int(n) for year, n in rows}
