"""Trajectories: assigning from the waiting list, goals and evaluations, closing with an outcome."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import (
    Goal,
    GuidanceSession,
    Referral,
    Trajectory,
    TrajectoryCoach,
)
from amo_desktop.domain.enums import (
    ClosureReason,
    GoalEvaluation,
    GuidanceDomain,
    ReferralStatus,
    SchoolOutcome,
    SubjectKind,
    TrajectoryStatus,
)
from amo_desktop.domain.figures import SchoolCapacity
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import User
from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services import audit
from amo_desktop.services._lookups import (
    load_referral,
    load_trajectory,
    subject_label,
    subject_labels,
    trajectory_coaches,
)
from amo_desktop.services._validation import check_code, require_text
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, requires
from amo_desktop.services.figures import NOT_RUNNING, capacity_figures
from amo_desktop.services.intake import transition_referral

_CANCELLED_NL = "Dit traject is geannuleerd: de aanmelding is niet gestart."
_CANCELLED_EN = "This trajectory was cancelled: the referral did not start."


@dataclass(frozen=True)
class GoalInfo:
    id: str
    description: str
    domain: str
    set_on: date
    evaluation: str
    evaluated_on: date | None
    evaluation_note: str


@dataclass(frozen=True)
class TrajectoryInfo:
    id: str
    referral_id: str
    subject_label: str
    school_id: str
    offer_type: str
    lead_coach_id: str
    co_coach_ids: list[str]
    start_on: date
    end_on: date | None
    status: str
    closure_reason: str | None
    outcome: str | None
    goals: list[GoalInfo] = field(default_factory=list)


def _info(s: Session, t: Trajectory, with_goals: bool = False) -> TrajectoryInfo:
    referral = s.get(Referral, t.referral_id)
    assert referral is not None
    goals = []
    if with_goals:
        goals = [
            GoalInfo(
                g.id,
                g.description,
                g.domain,
                g.set_on,
                g.evaluation,
                g.evaluated_on,
                g.evaluation_note,
            )
            for g in s.scalars(
                select(Goal).where(Goal.trajectory_id == t.id).order_by(Goal.set_on, Goal.id)
            )
        ]
    return TrajectoryInfo(
        t.id,
        t.referral_id,
        subject_label(s, referral, True),
        referral.school_id,
        t.offer_type,
        t.lead_coach_id,
        trajectory_coaches(s, t.id),
        t.start_on,
        t.end_on,
        t.status,
        t.closure_reason,
        t.outcome,
        goals,
    )


def _check_coach(s: Session, user_id: str, field_name: str) -> None:
    user = s.get(User, user_id)
    if user is None or not user.active:
        raise ValidationError(field_name, "Kies een actieve medewerker.", "Choose an active user.")


@requires(TEAMLEADER_ROLES)
def assign_to_coach(
    s: Session,
    caller: Identity,
    referral_id: str,
    lead_coach_id: str,
    start_on: date,
    co_coach_ids: list[str] | None = None,
    on: date | None = None,
    start_now: bool = False,
) -> TrajectoryInfo:
    """From the waiting list (or intake) to a coach: the referral is 'toegewezen' on `on`;
    with `start_now` the trajectory also starts on `start_on`, in the same unit of work."""
    referral = load_referral(s, caller, referral_id)
    _check_coach(s, lead_coach_id, "lead_coach_id")
    for co in co_coach_ids or []:
        _check_coach(s, co, "co_coach_ids")
    transition_referral(s, caller, referral_id, ReferralStatus.TOEGEWEZEN.value, on=on)
    trajectory = Trajectory(
        referral_id=referral.id,
        offer_type=referral.offer_type,
        prevention_level=referral.prevention_level,
        lead_coach_id=lead_coach_id,
        start_on=start_on,
        status=TrajectoryStatus.GEPLAND.value,
        changed_by=caller.user_id,
    )
    s.add(trajectory)
    s.flush()
    for co in dict.fromkeys(co_coach_ids or []):
        if co != lead_coach_id:
            s.add(TrajectoryCoach(trajectory_id=trajectory.id, user_id=co))
    audit.record(s, caller.user_id, "create", "trajectory", trajectory.id)
    if start_now:
        return start_trajectory(s, caller, trajectory.id, start_on)
    return _info(s, trajectory)


@requires(ALL_ROLES)
def start_trajectory(s: Session, caller: Identity, trajectory_id: str, on: date) -> TrajectoryInfo:
    trajectory = load_trajectory(s, caller, trajectory_id)
    if trajectory.status == TrajectoryStatus.GEANNULEERD.value:
        raise ValidationError("status", _CANCELLED_NL, _CANCELLED_EN)
    if trajectory.status != TrajectoryStatus.GEPLAND.value:
        raise ValidationError("status", "Dit traject is al gestart.", "Already started.")
    transition_referral(s, caller, trajectory.referral_id, ReferralStatus.GESTART.value, on=on)
    trajectory.status = TrajectoryStatus.LOPEND.value
    trajectory.start_on = on
    audit.changed(s, caller.user_id, "start", "trajectory", trajectory)
    return _info(s, trajectory)


@requires(ALL_ROLES)
def add_goal(
    s: Session, caller: Identity, trajectory_id: str, description: str, domain: str, set_on: date
) -> GoalInfo:
    trajectory = load_trajectory(s, caller, trajectory_id)
    check_code("domain", domain, GuidanceDomain)
    if set_on < trajectory.start_on:
        raise ValidationError(
            "set_on",
            "Een doel kan niet voor de start van het traject.",
            "A goal cannot be set before the trajectory starts.",
        )
    goal = audit.created(
        s,
        caller.user_id,
        "goal",
        Goal(
            trajectory_id=trajectory.id,
            description=require_text("description", description, 1000),
            domain=domain,
            set_on=set_on,
            changed_by=caller.user_id,
        ),
    )
    return GoalInfo(goal.id, goal.description, goal.domain, goal.set_on, goal.evaluation, None, "")


@requires(ALL_ROLES)
def evaluate_goal(
    s: Session, caller: Identity, goal_id: str, evaluation: str, on: date, note: str = ""
) -> GoalInfo:
    goal = s.get(Goal, goal_id)
    if goal is None:
        raise ValidationError("goal_id", "Dit doel bestaat niet.", "This goal does not exist.")
    load_trajectory(s, caller, goal.trajectory_id)
    check_code("evaluation", evaluation, GoalEvaluation)
    if on < goal.set_on:
        raise ValidationError(
            "on", "De evaluatie ligt voor het doel.", "The evaluation is before the goal was set."
        )
    goal.evaluation = evaluation
    goal.evaluated_on = on
    goal.evaluation_note = note.strip()
    audit.changed(s, caller.user_id, "evaluate", "goal", goal)
    return GoalInfo(
        goal.id,
        goal.description,
        goal.domain,
        goal.set_on,
        goal.evaluation,
        goal.evaluated_on,
        goal.evaluation_note,
    )


@requires(ALL_ROLES)
def close_trajectory(
    s: Session,
    caller: Identity,
    trajectory_id: str,
    on: date,
    closure_reason: str,
    outcome: str,
    summary: str = "",
) -> TrajectoryInfo:
    """Closes trajectory and referral; 'doelen bereikt' needs a goal that was reached."""
    trajectory = load_trajectory(s, caller, trajectory_id)
    check_code("closure_reason", closure_reason, ClosureReason)
    check_code("outcome", outcome, SchoolOutcome)
    if trajectory.status == TrajectoryStatus.GEPLAND.value:
        raise ValidationError(
            "status",
            "Dit traject is nooit gestart: zet de aanmelding op "
            "'niet gestart' in plaats van het af te sluiten.",
            "This trajectory never started: mark the referral 'not started'.",
        )
    if trajectory.status == TrajectoryStatus.AFGESLOTEN.value:
        raise ValidationError("status", "Dit traject is al afgesloten.", "Already closed.")
    if trajectory.status == TrajectoryStatus.GEANNULEERD.value:
        raise ValidationError("status", _CANCELLED_NL, _CANCELLED_EN)
    if on < trajectory.start_on:
        raise ValidationError("on", "De einddatum ligt voor de start.", "End is before start.")
    evaluations = list(
        s.scalars(select(Goal.evaluation).where(Goal.trajectory_id == trajectory.id))
    )
    if closure_reason == ClosureReason.DOELEN_BEREIKT and GoalEvaluation.BEREIKT not in evaluations:
        raise ValidationError(
            "closure_reason",
            "'Doelen bereikt' kan pas als minstens één doel als bereikt is geëvalueerd.",
            "'Goals reached' needs at least one goal evaluated as reached.",
        )
    transition_referral(
        s,
        caller,
        trajectory.referral_id,
        ReferralStatus.AFGESLOTEN.value,
        on=on,
        reason=ClosureReason(closure_reason).label,
    )
    trajectory.status = TrajectoryStatus.AFGESLOTEN.value
    trajectory.end_on = on
    trajectory.closure_reason = closure_reason
    trajectory.outcome = outcome
    trajectory.summary = summary.strip()
    audit.changed(s, caller.user_id, "close", "trajectory", trajectory)
    return _info(s, trajectory)


@requires(ALL_ROLES)
def my_caseload(
    s: Session, caller: Identity, include_closed: bool = False, coach_id: str | None = None
) -> list[TrajectoryInfo]:
    """A coach's own trajectories (lead or co-coach); the team leader sees everyone's, or one
    coach's with coach_id."""
    query = select(Trajectory).where(Trajectory.deleted_at.is_(None))
    if caller.role not in TEAMLEADER_ROLES:
        if coach_id not in (None, caller.user_id):
            raise PermissionDeniedError()
        coach_id = caller.user_id
    if coach_id is not None:
        co = select(TrajectoryCoach.trajectory_id).where(TrajectoryCoach.user_id == coach_id)
        query = query.where(or_(Trajectory.lead_coach_id == coach_id, Trajectory.id.in_(co)))
    if not include_closed:
        ended = (TrajectoryStatus.AFGESLOTEN.value, TrajectoryStatus.GEANNULEERD.value)
        query = query.where(Trajectory.status.not_in(ended))
    found = s.execute(
        query.add_columns(Referral.school_id, Referral.subject_kind)
        .join(Referral, Referral.id == Trajectory.referral_id)
        .order_by(Trajectory.start_on.desc())
    ).all()
    # Three queries for the whole list, not three per trajectory.
    labels = subject_labels(s, {t.referral_id for t, _, _ in found}, True)
    coaches = _co_coaches(s, [t.id for t, _, _ in found])
    return [
        TrajectoryInfo(
            t.id,
            t.referral_id,
            labels.get(t.referral_id, SubjectKind(kind).label),
            school_id,
            t.offer_type,
            t.lead_coach_id,
            coaches.get(t.id, []),
            t.start_on,
            t.end_on,
            t.status,
            t.closure_reason,
            t.outcome,
        )
        for t, school_id, kind in found
    ]


def _co_coaches(s: Session, trajectory_ids: list[str]) -> dict[str, list[str]]:
    """The co-coaches' user ids of many trajectories, as trajectory_coaches gives them."""
    found: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(trajectory_ids), 900):
        rows = s.execute(
            select(TrajectoryCoach.trajectory_id, TrajectoryCoach.user_id).where(
                TrajectoryCoach.trajectory_id.in_(trajectory_ids[start : start + 900])
            )
        )
        for trajectory_id, user_id in rows:
            found[trajectory_id].append(user_id)
    return found


@requires(ALL_ROLES)
def get_trajectory(s: Session, caller: Identity, trajectory_id: str) -> TrajectoryInfo:
    trajectory = load_trajectory(s, caller, trajectory_id)
    audit.record(s, caller.user_id, "open", "trajectory", trajectory.id)
    return _info(s, trajectory, with_goals=True)


# The weeks ahead whose planned sessions count in a coach's load.
LOAD_DAYS = 28


@dataclass(frozen=True)
class CoachLoad:
    """What a coach carries now: running trajectories and hours planned in the next 4 weeks."""

    user_id: str
    name: str
    running: int
    planned_hours: float


@requires(TEAMLEADER_ROLES)
def coach_loads(s: Session, caller: Identity, today: date) -> list[CoachLoad]:
    """Every active user's load, for choosing a coach (lead or co-coach, as in my_caseload)."""
    ended = (*NOT_RUNNING, TrajectoryStatus.AFGESLOTEN.value)
    running: dict[str, set[str]] = {}
    rows = s.execute(
        select(Trajectory.id, Trajectory.lead_coach_id, TrajectoryCoach.user_id)
        .outerjoin(TrajectoryCoach, TrajectoryCoach.trajectory_id == Trajectory.id)
        .where(Trajectory.deleted_at.is_(None), Trajectory.status.not_in(ended))
    ).all()
    for trajectory_id, lead, co in rows:
        for user_id in (lead, co):
            if user_id is not None:
                running.setdefault(user_id, set()).add(trajectory_id)
    minutes: dict[str, int] = {
        coach: total
        for coach, total in s.execute(
            select(GuidanceSession.coach_id, func.sum(GuidanceSession.duration_min))
            .where(
                GuidanceSession.on > today,
                GuidanceSession.on <= today + timedelta(days=LOAD_DAYS),
                GuidanceSession.cancelled.is_(False),
                GuidanceSession.deleted_at.is_(None),
            )
            .group_by(GuidanceSession.coach_id)
        )
    }
    users = s.scalars(select(User).where(User.active.is_(True), User.removed_at.is_(None)))
    return [
        CoachLoad(
            u.id,
            u.full_name or u.login,
            len(running.get(u.id, ())),
            round(int(minutes.get(u.id) or 0) / 60, 2),
        )
        for u in users
    ]


@requires(TEAMLEADER_ROLES)
def school_share(
    s: Session, caller: Identity, referral_id: str, today: date
) -> SchoolCapacity | None:
    """The referral's school's hours this school year (docs/figures.md), or None without any."""
    referral = load_referral(s, caller, referral_id)
    year = SchoolYear.of(today).start_year
    for figures in capacity_figures(s, caller, year, today):
        if figures.school_id == referral.school_id:
            return figures
    return None
