"""Lookups several services share: a record loaded only for who may see it, a subject's label."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from amo_desktop.domain.caseload import (
    ClassGroup,
    GuidanceSession,
    Referral,
    Trajectory,
    TrajectoryCoach,
    Youth,
)
from amo_desktop.domain.enums import SubjectKind
from amo_desktop.domain.identity import Identity
from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services.authz import TEAMLEADER_ROLES

_Record = TypeVar("_Record", Referral, Trajectory, GuidanceSession)


def _load(
    s: Session,
    model: type[_Record],
    key: str,
    missing: ValidationError,
    may: Callable[[_Record], bool],
) -> _Record:
    """A record that was not deleted, for a caller that `may` have it."""
    row = s.get(model, key)
    if row is None or row.deleted_at is not None:
        raise missing
    if not may(row):
        raise PermissionDeniedError()
    return row


# --- a referral's subject -----------------------------------------------------------------
def label_of(
    kind: str,
    first: str | None,
    last: str | None,
    anonymised: bool,
    class_label: str | None,
    show_names: bool,
) -> str:
    """What a referral's subject is called on screens and in lists; the one rule for it.
    Compared with plain strings: a list of 16,000 referrals calls it for every row."""
    if kind == _JONGERE and first is not None:
        if not show_names or anonymised:
            return _JONGERE_LABEL
        return f"{first} {last or ''}".strip()
    if kind == _KLASGROEP and class_label is not None:
        return f"Klas {class_label}"
    return SubjectKind(kind).label


_JONGERE, _KLASGROEP = SubjectKind.JONGERE.value, SubjectKind.KLASGROEP.value
_JONGERE_LABEL = SubjectKind.JONGERE.label


def subject_labels(s: Session, referral_ids: set[str], show_names: bool) -> dict[str, str]:
    """Subject labels of many referrals in one query (lists must not load row by row)."""
    labels: dict[str, str] = {}
    ids = sorted(referral_ids)
    for start in range(0, len(ids), 900):
        rows = s.execute(
            select(
                Referral.id,
                Referral.subject_kind,
                Youth.first_name,
                Youth.last_name,
                Youth.anonymised_at,
                ClassGroup.label,
            )
            .outerjoin(Youth, Youth.id == Referral.youth_id)
            .outerjoin(ClassGroup, ClassGroup.id == Referral.class_group_id)
            .where(Referral.id.in_(ids[start : start + 900]))
        )
        for rid, kind, first, last, anonymised, class_label in rows:
            labels[rid] = label_of(
                kind, first, last, anonymised is not None, class_label, show_names
            )
    return labels


def subject_label(s: Session, referral: Referral, show_names: bool) -> str:
    return subject_labels(s, {referral.id}, show_names).get(
        referral.id, SubjectKind(referral.subject_kind).label
    )


# --- referrals ----------------------------------------------------------------------------
def visible_to_coach(caller: Identity) -> ColumnElement[bool]:
    """Referrals a coach may read: registered by them, or in a trajectory they coach."""
    lead = select(Trajectory.referral_id).where(Trajectory.lead_coach_id == caller.user_id)
    co = (
        select(Trajectory.referral_id)
        .join(TrajectoryCoach, TrajectoryCoach.trajectory_id == Trajectory.id)
        .where(TrajectoryCoach.user_id == caller.user_id)
    )
    return or_(Referral.registered_by == caller.user_id, Referral.id.in_(lead), Referral.id.in_(co))


def _can_read_referral(s: Session, caller: Identity, referral: Referral) -> bool:
    if caller.role in TEAMLEADER_ROLES:
        return True
    query = select(Referral.id).where(Referral.id == referral.id, visible_to_coach(caller))
    return s.scalar(query) is not None


def load_referral(s: Session, caller: Identity, referral_id: str) -> Referral:
    missing = ValidationError(
        "referral_id", "Deze aanmelding bestaat niet.", "This referral does not exist."
    )
    return _load(s, Referral, referral_id, missing, lambda r: _can_read_referral(s, caller, r))


# --- trajectories -------------------------------------------------------------------------
def trajectory_coaches(s: Session, trajectory_id: str) -> list[str]:
    """The co-coaches' user ids."""
    return list(
        s.scalars(
            select(TrajectoryCoach.user_id).where(TrajectoryCoach.trajectory_id == trajectory_id)
        )
    )


def _may_work_on(s: Session, caller: Identity, trajectory: Trajectory) -> bool:
    """The lead coach, a co-coach, or the team leader."""
    return (
        caller.role in TEAMLEADER_ROLES
        or trajectory.lead_coach_id == caller.user_id
        or caller.user_id in trajectory_coaches(s, trajectory.id)
    )


def load_trajectory(s: Session, caller: Identity, trajectory_id: str) -> Trajectory:
    missing = ValidationError(
        "trajectory_id", "Dit traject bestaat niet.", "This trajectory does not exist."
    )
    return _load(s, Trajectory, trajectory_id, missing, lambda t: _may_work_on(s, caller, t))


# --- sessions -----------------------------------------------------------------------------
def _may_edit_session(s: Session, caller: Identity, row: GuidanceSession) -> bool:
    if caller.role in TEAMLEADER_ROLES or row.coach_id == caller.user_id:
        return True
    if row.trajectory_id:
        trajectory = s.get(Trajectory, row.trajectory_id)
        if trajectory is not None and trajectory.lead_coach_id == caller.user_id:
            return True
        coaches = s.scalars(
            select(TrajectoryCoach.user_id).where(
                TrajectoryCoach.trajectory_id == row.trajectory_id
            )
        )
        return caller.user_id in set(coaches)
    return False


def load_session(s: Session, caller: Identity, session_id: str) -> GuidanceSession:
    missing = ValidationError(
        "session_id", "Dit contactmoment bestaat niet.", "This session does not exist."
    )
    return _load(s, GuidanceSession, session_id, missing, lambda g: _may_edit_session(s, caller, g))
