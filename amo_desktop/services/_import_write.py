"""Storing checked import rows in bulk (issue 18: 10,000 rows in seconds, not minutes).

The rows, the status history and the audit events are exactly those the intake and trajectory
services write when the same steps are taken one by one (register, transitions, assign, start,
goal, close); they are only gathered first and inserted a table at a time. Each referral is
still validated by the intake's own `check_referral`, and each step by the workflow's rules.
The services stay the reference: tests/integration/services/test_importer_bulk.py imports one
file both ways and compares every table.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import (
    ClassGroup,
    Goal,
    Referral,
    ReferralTransition,
    Trajectory,
    Youth,
    YouthEnrolment,
)
from amo_desktop.domain.enums import (
    ClosureReason,
    GoalEvaluation,
    ReferralStatus,
    SubjectKind,
    TrajectoryStatus,
)
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import AuditEvent, new_id, utcnow
from amo_desktop.domain.rules import OPEN_STATUSES, status_change, transition_row
from amo_desktop.errors import ValidationError
from amo_desktop.services import _referral_subject as subject
from amo_desktop.services import intake
from amo_desktop.services._import_check import Row
from amo_desktop.services._import_spec import (
    ENDED_WITHOUT_TRAJECTORY,
    FIELD_TO_COLUMN,
    IMPORTED_GOAL,
    STARTED,
    WITH_TRAJECTORY,
    ImportIssue,
)
from amo_desktop.services._validation import check_move, check_referral
from amo_desktop.storage.bulk import insert_rows

S = ReferralStatus
DUPLICATE_WARNING = (
    "Deze jongere heeft al een lopende aanmelding: ingelezen als heraanmelding. Kijk na of dat "
    "klopt."
)
# Parents before children, so every foreign key points at a row already there.
_ORDER = (Youth, YouthEnrolment, ClassGroup, Referral, ReferralTransition, Trajectory, Goal)


class BulkWriter:
    """Gathers the rows of every table for the import, then inserts them in a few statements."""

    def __init__(self, s: Session, caller: Identity, today: date) -> None:
        self.s = s
        self.user = caller.user_id
        self.today = today
        self.rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        self._clock = utcnow()
        self._known_youths(s)

    def _known_youths(self, s: Session) -> None:
        """What duplicate detection needs of the vault: names, open referrals, enrolments."""
        self.youths: dict[tuple[str, str], list[tuple[str, date | None]]] = defaultdict(list)
        query = select(Youth.id, Youth.first_name, Youth.last_name, Youth.birth_date).where(
            Youth.deleted_at.is_(None)
        )
        for youth_id, first, last, birth in s.execute(query):
            self.youths[(first.casefold(), last.casefold())].append((youth_id, birth))
        open_codes = [str(x) for x in OPEN_STATUSES]
        self.open_youths = set(
            s.scalars(
                select(Referral.youth_id).where(
                    Referral.deleted_at.is_(None), Referral.status.in_(open_codes)
                )
            )
        )
        self.referred = {
            tuple(r) for r in s.execute(select(Referral.youth_id, Referral.school_year))
        }
        enrolled = select(YouthEnrolment.youth_id, YouthEnrolment.school_year)
        self.enrolled = {tuple(r) for r in s.execute(enrolled)}

    def _now(self) -> datetime:
        """The service path stamps each row a little later than the one before; so does this."""
        self._clock += timedelta(microseconds=1)
        return self._clock

    def _stamped(self, **values: Any) -> dict[str, Any]:
        now = self._now()
        stamps = {"id": new_id(), "created_at": now, "updated_at": now, "changed_by": self.user}
        return {**stamps, **values}

    def add(self, row: Row, warnings: list[ImportIssue]) -> ImportIssue | None:
        """One row's referral and everything after it; a refusal is returned, nothing is kept."""
        try:
            check_referral(self.s, row.data, self.today)
            planned = self._plan(row)
        except ValidationError as exc:
            column = FIELD_TO_COLUMN.get(exc.field, "status")
            return ImportIssue(row.number, column, exc.message("nl"))
        referral, youth_id, duplicate, staged = planned
        if duplicate:
            warnings.append(ImportIssue(row.number, "voornaam", DUPLICATE_WARNING))
        for table, values in staged:
            self.rows[table].append(values)
        if youth_id is not None:
            self.referred.add((youth_id, referral["school_year"]))
            if referral["status"] in OPEN_STATUSES:
                self.open_youths.add(youth_id)
        return None

    def _plan(self, row: Row) -> tuple[dict[str, Any], str | None, bool, list[tuple[Any, Any]]]:
        """The rows for one import row, in the order the services would add them."""
        data = row.data
        year = SchoolYear.of(data.received_on).start_year
        staged: list[tuple[Any, Any]] = []
        youth_id = class_group_id = None
        duplicate = rereferral = False
        if data.subject_kind == SubjectKind.JONGERE:
            youth_id, duplicate, rereferral = self._youth(row, year, staged)
        elif data.subject_kind == SubjectKind.KLASGROEP:
            group = self._stamped(**subject.class_group_values(data, year))
            staged.append((ClassGroup, group))
            class_group_id = group["id"]
        referral = self._referral(data, year, youth_id, class_group_id, rereferral)
        staged.append((Referral, referral))
        self._transition(staged, referral, None, S.NIEUW, "")
        self._audit_later(staged, "create", "referral", referral["id"])
        self._apply_status(row, referral, staged)
        return referral, youth_id, duplicate, staged

    def _youth(self, row: Row, year: int, staged: list[tuple[Any, Any]]) -> tuple[str, bool, bool]:
        data = row.data
        first, last = data.youth_first_name.strip(), data.youth_last_name.strip()
        key = (first.casefold(), last.casefold())
        candidates = self.youths.get(key, [])
        if data.youth_birth_date is not None:
            candidates = [c for c in candidates if c[1] in (None, data.youth_birth_date)]
        duplicate = rereferral = False
        if candidates:
            youth_id = candidates[0][0]
            duplicate = youth_id in self.open_youths
            rereferral = (youth_id, year) in self.referred
        else:
            youth = self._stamped(
                first_name=first,
                last_name=last,
                birth_date=data.youth_birth_date,
                gender=data.youth_gender,
                municipality="",
                flags="",
                anonymised_at=None,
                deleted_at=None,
            )
            staged.append((Youth, youth))
            youth_id = youth["id"]
            self.youths[key].append((youth_id, data.youth_birth_date))
        if (youth_id, year) not in self.enrolled:
            self.enrolled.add((youth_id, year))
            enrolment = self._stamped(**subject.enrolment_values(data, youth_id, year))
            staged.append((YouthEnrolment, enrolment))
        return youth_id, duplicate, rereferral

    def _referral(
        self,
        data: intake.ReferralInput,
        year: int,
        youth_id: str | None,
        class_group_id: str | None,
        rereferral: bool,
    ) -> dict[str, Any]:
        values = self._stamped(
            **subject.referral_values(data, self.user, year, youth_id, class_group_id, rereferral),
            deleted_at=None,
        )
        values["status_changed_at"] = values["created_at"]
        return values

    def _audit_later(self, staged: list[tuple[Any, Any]], *event: Any) -> None:
        action, entity, entity_id, *detail = event
        staged.append(
            (
                AuditEvent,
                {
                    "id": new_id(),
                    "at": self._now(),
                    "user_id": self.user,
                    "action": action,
                    "entity": entity,
                    "entity_id": entity_id,
                    "detail": detail[0] if detail else "",
                },
            )
        )

    def _transition(
        self,
        staged: list[tuple[Any, Any]],
        referral: dict[str, Any],
        on: date | None,
        target: ReferralStatus,
        reason: str,
        no_start_reason: str | None = None,
    ) -> None:
        """What intake.transition_referral does to the referral, its history and the audit."""
        current = S(referral["status"])
        if on is not None:  # None only for the first status, at registration
            check_move(current, target, on, referral["received_on"])
            referral.update(status_change(target, on, referral["intake_on"], no_start_reason))
            referral["status_changed_at"] = referral["updated_at"] = self._now()
        row = transition_row(
            referral["id"],
            self.user,
            referral["received_on"] if on is None else on,
            None if on is None else current,
            target,
            reason,
        )
        staged.append((ReferralTransition, {"id": new_id(), "at": self._now(), **row}))
        if on is not None:
            detail = f"{current.value}->{target.value}"
            self._audit_later(staged, "transition", "referral", referral["id"], detail)

    def _apply_status(
        self, row: Row, referral: dict[str, Any], staged: list[tuple[Any, Any]]
    ) -> None:
        """The importer's path to the row's status, step by step as the workflow allows it."""
        received = row.data.received_on
        status = row.status
        if status in (S.VRAAGVERHELDERING, S.WACHTLIJST):
            self._transition(staged, referral, received, status, "")
        elif status in ENDED_WITHOUT_TRAJECTORY:
            self._transition(
                staged,
                referral,
                row.end_on or received,
                status,
                "Ingelezen uit importbestand",
                row.no_start_reason,
            )
        elif status in WITH_TRAJECTORY:
            self._transition(staged, referral, received, S.VRAAGVERHELDERING, "")
            self._trajectory(row, referral, staged)

    def _trajectory(
        self, row: Row, referral: dict[str, Any], staged: list[tuple[Any, Any]]
    ) -> None:
        """assign_to_coach, then start_trajectory, add/evaluate_goal and close_trajectory."""
        assert row.start_on is not None and row.coach_id is not None
        start = row.start_on
        self._transition(staged, referral, min(start, self.today), S.TOEGEWEZEN, "")
        trajectory = self._stamped(
            referral_id=referral["id"],
            offer_type=referral["offer_type"],
            prevention_level=referral["prevention_level"],
            lead_coach_id=row.coach_id,
            start_on=start,
            planned_end=None,
            end_on=None,
            status=TrajectoryStatus.GEPLAND.value,
            closure_reason=None,
            outcome=None,
            summary="",
            deleted_at=None,
        )
        staged.append((Trajectory, trajectory))
        self._audit_later(staged, "create", "trajectory", trajectory["id"])
        if row.status not in STARTED:
            return
        self._transition(staged, referral, start, S.GESTART, "")
        trajectory["status"] = TrajectoryStatus.LOPEND.value
        trajectory["updated_at"] = self._now()
        self._audit_later(staged, "start", "trajectory", trajectory["id"])
        if row.status != S.AFGESLOTEN:
            return
        assert row.end_on is not None and row.closure_reason is not None
        if row.closure_reason == ClosureReason.DOELEN_BEREIKT:
            assert row.goal_domain is not None
            goal = self._stamped(
                trajectory_id=trajectory["id"],
                description=IMPORTED_GOAL,
                domain=row.goal_domain,
                set_on=start,
                evaluation=GoalEvaluation.BEREIKT.value,
                evaluated_on=row.end_on,
                evaluation_note="Ingelezen",
            )
            staged.append((Goal, goal))
            self._audit_later(staged, "create", "goal", goal["id"])
            self._audit_later(staged, "evaluate", "goal", goal["id"])
        reason = ClosureReason(row.closure_reason).label
        self._transition(staged, referral, row.end_on, S.AFGESLOTEN, reason)
        trajectory.update(
            status=TrajectoryStatus.AFGESLOTEN.value,
            end_on=row.end_on,
            closure_reason=row.closure_reason,
            outcome=row.outcome,
            updated_at=self._now(),
        )
        self._audit_later(staged, "close", "trajectory", trajectory["id"])

    def write(self) -> None:
        """Inserts everything gathered, parents first, one multi-row statement per table."""
        for model in (*_ORDER, AuditEvent):
            values = self.rows.get(model)
            if values:
                insert_rows(self.s.connection(), model.__table__, values)  # type: ignore[arg-type]
