"""Retention (SECURITY.md R22): what is due, anonymising that keeps counts, erasure on request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from amo_desktop.domain.caseload import (
    Goal,
    GuidanceSession,
    NoteVersion,
    Referral,
    ReferralTransition,
    RetentionRule,
    SessionNote,
    Trajectory,
    TrajectoryCoach,
    Youth,
    YouthEnrolment,
)
from amo_desktop.domain.enums import OfferType
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.rules import OPEN_STATUSES
from amo_desktop.errors import ValidationError
from amo_desktop.services import audit
from amo_desktop.services._validation import require_text
from amo_desktop.services.authz import TEAMLEADER_ROLES, requires
from amo_desktop.storage.vault import Vault
from amo_desktop.sync import ledger

UNTIL_AGE = "until_age"
YEARS_AFTER_CLOSURE = "years_after_closure"
# DOMAIN.md Part 1: NAFT (recognised youth care) until the young person turns 35; other
# trajectories anonymised 5 years after closure. Settings until a DPO decides otherwise.
DEFAULT_RULES: dict[str, tuple[str, int]] = {
    o.value: ((UNTIL_AGE, 35) if o.value.startswith("naft") else (YEARS_AFTER_CLOSURE, 5))
    for o in OfferType
}
# Without a birth date, assume the young person was 12 when referred (the youngest in secondary).
ASSUMED_AGE_AT_REFERRAL = 12


@dataclass(frozen=True)
class RuleInfo:
    offer_type: str
    rule: str
    value: int
    is_default: bool


@dataclass(frozen=True)
class DueItem:
    youth_id: str
    due_on: date
    rule: str  # e.g. "individuele_begeleiding:years_after_closure:5"
    referrals: int


def _rules(s: Session) -> dict[str, tuple[str, int]]:
    rules = dict(DEFAULT_RULES)
    for row in s.scalars(select(RetentionRule)):
        rules[row.offer_type] = (row.rule, row.value)
    return rules


@requires(TEAMLEADER_ROLES)
def list_rules(s: Session, caller: Identity) -> list[RuleInfo]:
    stored = {r.offer_type for r in s.scalars(select(RetentionRule))}
    return [RuleInfo(o, r, v, o not in stored) for o, (r, v) in sorted(_rules(s).items())]


@requires(TEAMLEADER_ROLES)
def set_rule(s: Session, caller: Identity, offer_type: str, rule: str, value: int) -> RuleInfo:
    if offer_type not in DEFAULT_RULES:
        raise ValidationError("offer_type", "Kies een aanbod uit de lijst.", "Choose an offer.")
    if rule not in (UNTIL_AGE, YEARS_AFTER_CLOSURE):
        raise ValidationError("rule", "Kies een regel uit de lijst.", "Choose a rule.")
    low, high = (18, 100) if rule == UNTIL_AGE else (0, 50)
    if not low <= value <= high:
        raise ValidationError(
            "value",
            f"Kies een waarde van {low} tot {high}.",
            f"Choose a value from {low} to {high}.",
        )
    row = s.scalar(select(RetentionRule).where(RetentionRule.offer_type == offer_type))
    if row is None:
        row = RetentionRule(offer_type=offer_type)
        s.add(row)
    row.rule, row.value, row.changed_by = rule, value, caller.user_id
    audit.record(
        s, caller.user_id, "update", "retention_rule", None, f"{offer_type}:{rule}:{value}"
    )
    return RuleInfo(offer_type, rule, value, False)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@requires(TEAMLEADER_ROLES)
def due(s: Session, caller: Identity, today: date) -> list[DueItem]:
    """Young people whose every referral has ended and whose retention period has passed.

    Three queries for the whole vault (the region-scale vault has 10,000 young people)."""
    rules = _rules(s)
    open_statuses = [str(x) for x in OPEN_STATUSES]
    ends: dict[str, date | None] = {
        rid: end
        for rid, end in s.execute(
            select(Trajectory.referral_id, func.max(Trajectory.end_on))
            .where(Trajectory.end_on.is_not(None))
            .group_by(Trajectory.referral_id)
        )
    }
    births: dict[str, date | None] = {
        yid: born
        for yid, born in s.execute(
            select(Youth.id, Youth.birth_date).where(
                Youth.anonymised_at.is_(None), Youth.deleted_at.is_(None)
            )
        )
    }
    per_youth: dict[str, list[tuple[date, str] | None]] = {}
    for rid, yid, status, changed, received, offer in s.execute(
        select(
            Referral.id,
            Referral.youth_id,
            Referral.status,
            Referral.status_changed_at,
            Referral.received_on,
            Referral.offer_type,
        ).where(Referral.youth_id.is_not(None))
    ):
        if yid not in births:
            continue
        if status in open_statuses:
            per_youth.setdefault(yid, []).append(None)  # still open: not due
            continue
        closed = ends.get(rid) or changed.date()
        rule, value = rules[offer]
        if rule == UNTIL_AGE:
            born = births[yid] or _add_years(received, -ASSUMED_AGE_AT_REFERRAL)
            when = max(_add_years(born, value), closed)
        else:
            when = _add_years(closed, value)
        per_youth.setdefault(yid, []).append((when, f"{offer}:{rule}:{value}"))
    items = []
    for yid, dates in per_youth.items():
        if any(d is None for d in dates):
            continue
        latest, rule_text = max(d for d in dates if d is not None)
        if latest <= today:
            items.append(DueItem(yid, latest, rule_text, len(dates)))
    return sorted(items, key=lambda item: (item.due_on, item.youth_id))


def _linked(s: Session, youth_id: str) -> tuple[list[str], list[str], list[str], list[str]]:
    referrals = list(s.scalars(select(Referral.id).where(Referral.youth_id == youth_id)))
    trajectories = list(
        s.scalars(select(Trajectory.id).where(Trajectory.referral_id.in_(referrals)))
    )
    sessions = list(
        s.scalars(select(GuidanceSession.id).where(GuidanceSession.trajectory_id.in_(trajectories)))
    )
    notes = list(s.scalars(select(SessionNote.id).where(SessionNote.session_id.in_(sessions))))
    return referrals, trajectories, sessions, notes


@requires(TEAMLEADER_ROLES)
def anonymise(vault: Vault, caller: Identity, youth_ids: list[str], today: date) -> int:
    """Removes identity and free text, keeps the rows that the figures count; then makes sure
    the old text is gone from the file (secure_delete is on; the WAL is checkpointed)."""
    with vault.session() as s:
        due_now = {item.youth_id: item for item in due(s, caller, today)}
        done = 0
        for youth_id in youth_ids:
            if youth_id not in due_now:
                raise ValidationError(
                    "youth_ids",
                    "Dit dossier is nog niet aan de beurt.",
                    "This file is not due yet.",
                )
            youth = s.get(Youth, youth_id)
            assert youth is not None
            referrals, trajectories, sessions, notes = _linked(s, youth_id)
            youth.first_name = youth.last_name = youth.municipality = youth.flags = ""
            youth.birth_date = None
            youth.anonymised_at = datetime.now(UTC)
            s.execute(
                update(YouthEnrolment)
                .where(YouthEnrolment.youth_id == youth_id)
                .values(class_label="")
            )
            s.execute(
                update(Referral)
                .where(Referral.id.in_(referrals))
                .values(referrer_name="", help_question="", actions_taken="", group_description="")
            )
            s.execute(
                update(ReferralTransition)
                .where(ReferralTransition.referral_id.in_(referrals))
                .values(reason="")
            )
            s.execute(update(Trajectory).where(Trajectory.id.in_(trajectories)).values(summary=""))
            s.execute(
                update(Goal)
                .where(Goal.trajectory_id.in_(trajectories))
                .values(description="", evaluation_note="")
            )
            s.execute(
                update(GuidanceSession)
                .where(GuidanceSession.id.in_(sessions))
                .values(participants="")
            )
            s.execute(delete(NoteVersion).where(NoteVersion.note_id.in_(notes)))
            _forget_clashes(s, youth_id, referrals, trajectories, sessions, notes)
            s.execute(
                update(SessionNote)
                .where(SessionNote.id.in_(notes))
                .values(content="", observations="", agreements="", next_steps="")
            )
            audit.record(
                s,
                caller.user_id,
                "anonymise",
                "youth",
                youth_id,
                f"on={today.isoformat()} rule={due_now[youth_id].rule}",
            )
            done += 1
    vault.checkpoint()
    return done


def _forget_clashes(
    s: Session,
    youth_id: str,
    referrals: list[str],
    trajectories: list[str],
    sessions: list[str],
    notes: list[str],
) -> None:
    conn = s.connection()
    for tbl, keys in (
        ("youths", [youth_id]),
        ("referrals", referrals),
        ("trajectories", trajectories),
        ("sessions", sessions),
        ("session_notes", notes),
    ):
        ledger.forget_conflicts(conn, tbl, list(keys))


@requires(TEAMLEADER_ROLES)
def erase(vault: Vault, caller: Identity, youth_id: str, reason: str) -> None:
    """Erasure on request (AVG art. 17): every row about the young person goes; the reason
    (no names, please) and who did it stay in the audit trail."""
    reason = require_text("reason", reason, 200)
    with vault.session() as s:
        youth = s.get(Youth, youth_id)
        if youth is None:
            raise ValidationError(
                "youth_id", "Deze jongere bestaat niet.", "This young person does not exist."
            )
        referrals, trajectories, sessions, notes = _linked(s, youth_id)
        s.execute(delete(NoteVersion).where(NoteVersion.note_id.in_(notes)))
        _forget_clashes(s, youth_id, referrals, trajectories, sessions, notes)
        s.execute(delete(SessionNote).where(SessionNote.id.in_(notes)))
        s.execute(delete(GuidanceSession).where(GuidanceSession.id.in_(sessions)))
        s.execute(delete(Goal).where(Goal.trajectory_id.in_(trajectories)))
        s.execute(delete(TrajectoryCoach).where(TrajectoryCoach.trajectory_id.in_(trajectories)))
        s.execute(delete(Trajectory).where(Trajectory.id.in_(trajectories)))
        s.execute(delete(ReferralTransition).where(ReferralTransition.referral_id.in_(referrals)))
        s.execute(delete(Referral).where(Referral.id.in_(referrals)))
        s.execute(delete(YouthEnrolment).where(YouthEnrolment.youth_id == youth_id))
        s.execute(delete(Youth).where(Youth.id == youth_id))
        audit.record(s, caller.user_id, "erase", "youth", youth_id, f"reason={reason}")
    vault.checkpoint()
