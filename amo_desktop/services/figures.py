"""The one place where every count is defined (docs/figures.md): screens and reports use these."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import (
    ClassGroup,
    Goal,
    GuidanceSession,
    Referral,
    Trajectory,
)
from amo_desktop.domain.enums import Attendance, ReferralStatus
from amo_desktop.domain.reference import CapacityAgreement, Funder, School
from amo_desktop.domain.rules import fair_share_entitlements, usage_ratio, warning_level
from amo_desktop.services.authz import ALL_ROLES, requires
from amo_desktop.storage.vault import Identity

# A session counts as delivered when it is not cancelled, not deleted, lies on or before the
# reference day, and was not called off by the school or the coach.
NOT_DELIVERED_ATTENDANCE = (
    Attendance.GEANNULEERD_SCHOOL.value,
    Attendance.GEANNULEERD_BEGELEIDER.value,
)


def _delivered_sessions(first: date, last: date, today: date) -> Select[GuidanceSession]:
    """Sessions that count as delivered work between first and last (inclusive)."""
    return select(GuidanceSession).where(
        GuidanceSession.on >= first,
        GuidanceSession.on <= min(last, today),
        GuidanceSession.cancelled.is_(False),
        GuidanceSession.deleted_at.is_(None),
        (GuidanceSession.attendance.is_(None))
        | (GuidanceSession.attendance.not_in(NOT_DELIVERED_ATTENDANCE)),
    )


def _planned_sessions(first: date, last: date, today: date) -> Select[GuidanceSession]:
    """Sessions still to come (after today) that are not cancelled."""
    return select(GuidanceSession).where(
        GuidanceSession.on > today,
        GuidanceSession.on >= first,
        GuidanceSession.on <= last,
        GuidanceSession.cancelled.is_(False),
        GuidanceSession.deleted_at.is_(None),
    )


def _minutes_per_school(s: Session, query: Select[GuidanceSession]) -> dict[str, int]:
    sub = query.subquery()
    rows = s.execute(
        select(sub.c.school_id, func.sum(sub.c.duration_min)).group_by(sub.c.school_id)
    )
    return {school: int(total or 0) for school, total in rows}


@dataclass(frozen=True)
class SchoolCapacity:
    school_id: str
    school_name: str
    entitled_hours: float
    used_hours: float
    planned_hours: float
    teacher_hours: float
    ratio: float
    warning: int | None
    by_funder: dict[str, float] = field(default_factory=dict)


@requires(ALL_ROLES)
def capacity_figures(
    s: Session, caller: Identity, school_year: int, today: date
) -> list[SchoolCapacity]:
    """Entitled (fair share), used (delivered) and planned hours per school for a school year."""
    year = SchoolYear(school_year)
    agreements = s.execute(
        select(CapacityAgreement, Funder)
        .join(Funder, Funder.id == CapacityAgreement.funder_id)
        .where(CapacityAgreement.school_year == school_year)
    ).all()
    pool_teacher: dict[str, float] = defaultdict(float)
    pool_hours = 0.0
    other: dict[str, float] = defaultdict(float)
    by_funder: dict[str, dict[str, float]] = defaultdict(dict)
    for agreement, funder in agreements:
        if funder.kind == "urenoverdracht":
            pool_teacher[agreement.school_id] += agreement.teacher_hours
            pool_hours += agreement.coaching_hours
        else:
            other[agreement.school_id] += agreement.coaching_hours
            by_funder[agreement.school_id][funder.name] = agreement.coaching_hours
    entitled = fair_share_entitlements(pool_teacher, pool_hours, other)
    used = _minutes_per_school(s, _delivered_sessions(year.start, year.end, today))
    planned = _minutes_per_school(s, _planned_sessions(year.start, year.end, today))
    result = []
    for school in s.scalars(select(School).where(School.active.is_(True)).order_by(School.name)):
        e = round(entitled.get(school.id, 0.0), 2)
        u = round(used.get(school.id, 0) / 60, 2)
        p = round(planned.get(school.id, 0) / 60, 2)
        funders = dict(by_funder.get(school.id, {}))
        if pool_teacher.get(school.id):
            share = pool_teacher[school.id] / sum(pool_teacher.values())
            funders["urenoverdracht"] = round(pool_hours * share, 2)
        result.append(
            SchoolCapacity(
                school.id,
                school.name,
                e,
                u,
                p,
                pool_teacher.get(school.id, 0.0),
                usage_ratio(e, u, p),
                warning_level(e, u, p),
                funders,
            )
        )
    return result


@dataclass(frozen=True)
class YearFigures:
    """The headline counts of one school year (DOMAIN.md §7.3)."""

    school_year: int
    referrals: int
    referrals_by_school: dict[str, int]
    referrals_by_offer: dict[str, int]
    referrals_by_prevention: dict[str, int]
    referrals_by_reason: dict[str, int]
    waiting_now: int
    median_wait_days: float | None
    longest_wait_days: int | None
    running_trajectories: int
    closed_trajectories: int
    sessions_delivered: int
    hours_delivered: float
    youths_reached: int
    pupils_reached_in_classes: int
    goals_reached: int
    goals_evaluated: int


@requires(ALL_ROLES)
def year_figures(s: Session, caller: Identity, school_year: int, today: date) -> YearFigures:
    """Counts only; no names. Every screen and report takes its numbers from here."""
    year = SchoolYear(school_year)
    live = Referral.deleted_at.is_(None)
    referrals = list(
        s.execute(
            select(
                Referral.school_id, Referral.offer_type, Referral.prevention_level, Referral.reasons
            ).where(live, Referral.school_year == school_year)
        )
    )
    by_school: dict[str, int] = defaultdict(int)
    by_offer: dict[str, int] = defaultdict(int)
    by_prev: dict[str, int] = defaultdict(int)
    by_reason: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {i: n for i, n in s.execute(select(School.id, School.name))}
    for school_id, offer, prevention, reasons in referrals:
        by_school[names.get(school_id, "?")] += 1
        by_offer[offer] += 1
        by_prev[prevention] += 1
        for reason in filter(None, reasons.split(",")):
            by_reason[reason] += 1
    waiting = (
        s.execute(
            select(Referral.received_on).where(
                live, Referral.status == ReferralStatus.WACHTLIJST.value
            )
        )
        .scalars()
        .all()
    )
    waits = [(today - d).days for d in waiting]
    in_year = and_(Trajectory.start_on <= year.end, Trajectory.deleted_at.is_(None))
    running = (
        s.scalar(
            select(func.count()).select_from(Trajectory).where(in_year, Trajectory.end_on.is_(None))
        )
        or 0
    )
    closed = (
        s.scalar(
            select(func.count())
            .select_from(Trajectory)
            .where(
                Trajectory.deleted_at.is_(None),
                Trajectory.end_on >= year.start,
                Trajectory.end_on <= year.end,
            )
        )
        or 0
    )
    delivered = _delivered_sessions(year.start, year.end, today).subquery()
    count, minutes = s.execute(select(func.count(), func.sum(delivered.c.duration_min))).one()
    youths = (
        s.scalar(
            select(func.count(func.distinct(Referral.youth_id)))
            .select_from(delivered)
            .join(Trajectory, Trajectory.id == delivered.c.trajectory_id)
            .join(Referral, Referral.id == Trajectory.referral_id)
            .where(Referral.youth_id.is_not(None))
        )
        or 0
    )
    pupils = (
        s.scalar(
            select(func.sum(ClassGroup.pupil_count)).where(
                ClassGroup.school_year == school_year,
                ClassGroup.deleted_at.is_(None),
                ClassGroup.id.in_(select(delivered.c.class_group_id)),
            )
        )
        or 0
    )
    goals = (
        s.execute(
            select(Goal.evaluation)
            .join(Trajectory, Trajectory.id == Goal.trajectory_id)
            .where(Goal.evaluated_on >= year.start, Goal.evaluated_on <= year.end)
        )
        .scalars()
        .all()
    )
    return YearFigures(
        school_year,
        len(referrals),
        dict(by_school),
        dict(by_offer),
        dict(by_prev),
        dict(by_reason),
        len(waits),
        float(median(waits)) if waits else None,
        max(waits) if waits else None,
        running,
        closed,
        int(count or 0),
        round((minutes or 0) / 60, 2),
        youths,
        int(pupils),
        sum(1 for g in goals if g == "bereikt"),
        sum(1 for g in goals if g != "lopend"),
    )


@requires(ALL_ROLES)
def referrals_per_year(s: Session, caller: Identity) -> dict[int, int]:
    """The evolution of referrals over all school years (anonymised ones still count)."""
    rows = s.execute(
        select(Referral.school_year, func.count())
        .where(Referral.deleted_at.is_(None))
        .group_by(Referral.school_year)
        .order_by(Referral.school_year)
    )
    return {int(year): int(n) for year, n in rows}
