"""Puts a demo plan in the vault fast: the services' rows, inserted per table in big batches."""

from __future__ import annotations

import random
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.orm import Session

from amo_desktop.demo.bulk_case import write_case
from amo_desktop.demo.planner import DemoPlanner
from amo_desktop.demo.plans import NotePlan, SchoolWorkPlan, SeriesPlan, SessionPlan, YearItem
from amo_desktop.demo.scales import Progress
from amo_desktop.demo.stage import Stage
from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import (
    ClassGroup,
    Goal,
    GuidanceSession,
    NoteVersion,
    Referral,
    ReferralTransition,
    SessionNote,
    SessionSeries,
    Trajectory,
    TrajectoryCoach,
    Youth,
    YouthEnrolment,
)
from amo_desktop.domain.models import AuditEvent
from amo_desktop.storage.bulk import insert_rows

# uuid.UUID(version=4) clears the variant and version bits, then sets variant 10 and version 4.
_CLEAR = ~((0xC000 << 48) | (0xF000 << 64)) & ((1 << 128) - 1)
_VERSION_4 = (0x8000 << 48) | (4 << 76)


class BulkWriter:
    """The same rows the services write, inserted in batches by storage.bulk.insert_rows.

    Mirrors intake.register_referral / transition_referral, trajectories.*,
    scheduling.plan_series / plan_session / record_attendance and notes.save_note, including
    their audit events (a referral's own steps are in bulk_case.py). Timestamps are the day of
    each step (the services stamp 'now'); ids come from the seed. The services cannot be used
    for this: they build ORM objects one by one after checks and queries (about 30 ms a
    session; the large scale has 250,000) and stamp random ids and the clock, which a seeded
    demo cannot. So each table's rows are built once here, and a test compares both writers.
    """

    ORDER: tuple[type[Any], ...] = (
        Youth, YouthEnrolment, ClassGroup, Referral, ReferralTransition, Trajectory,
        TrajectoryCoach, Goal, SessionSeries, GuidanceSession, SessionNote, NoteVersion,
        AuditEvent,
    )  # fmt: skip
    BATCH = 20_000

    def __init__(self, stage: Stage, planner: DemoPlanner) -> None:
        self.stage = stage
        self.planner = planner
        self.ids = random.Random(f"ids:{planner.scale.name}:{planner.seed}")
        self.youth_ids: dict[int, str] = {}
        self.enrolled: set[tuple[int, int]] = set()
        self.referred: set[tuple[int, int]] = set()
        self.rows: dict[Table, list[dict[str, Any]]] = {m.__table__: [] for m in self.ORDER}
        self.pending = 0
        self.ticks: dict[date, int] = {}
        self.mornings: dict[date, str] = {}  # each day's date as text
        self.audit_count = 0
        self.year_index = 0
        self.opens: list[tuple[str, str]] = []
        self.inserter = ThreadPoolExecutor(1, thread_name_prefix="demo-insert")
        self.inserting: Future[None] | None = None

    def new_id(self) -> str:
        """str(uuid.UUID(int=<128 seeded bits>, version=4)), without building the UUID."""
        h = "%032x" % (self.ids.getrandbits(128) & _CLEAR | _VERSION_4)
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def at(self, day: date) -> str:
        """A moment on `day`, later than the one before on that day, as the ORM stores it."""
        n = self.ticks[day] = self.ticks.get(day, 0) + 1
        if n == 1:
            self.mornings[day] = day.isoformat()
        if n >= 17 * 3600:  # past midnight: the next day
            moment = datetime(day.year, day.month, day.day, 7, tzinfo=UTC) + timedelta(seconds=n)
            return moment.isoformat(" ", "microseconds")[:26]
        return f"{self.mornings[day]} {7 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}.000000"

    def add(self, model: type[Any], row: dict[str, Any]) -> None:
        self.rows[model.__table__].append(row)
        self.pending += 1

    def stamped(self, when: str, by: str, row_id: str | None = None, **row: Any) -> dict[str, Any]:
        """A row with its id (a new one unless given) and its created/updated stamps."""
        return {
            "id": row_id or self.new_id(),
            "created_at": when,
            "updated_at": when,
            "changed_by": by,
            **row,
        }

    def audit(
        self,
        when: str,
        user: str,
        action: str,
        entity: str,
        entity_id: str | None,
        detail: str = "",
    ) -> None:
        self.add(
            AuditEvent,
            {
                "id": self.new_id(),
                "at": when,
                "user_id": user,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": detail,
            },
        )
        self.audit_count += 1

    def flush(self, s: Session) -> None:
        """Hands the rows gathered so far to the inserting thread, once it has done the ones
        before: SQLite works without the GIL, so the next rows are planned meanwhile."""
        batch = [(table, rows) for table, rows in self.rows.items() if rows]
        self.rows = {m.__table__: [] for m in self.ORDER}
        self.pending = 0
        self.wait()
        self.inserting = self.inserter.submit(_insert, s.connection(), batch)

    def wait(self) -> None:
        """Returns once every row handed over is in the vault (raising what went wrong)."""
        if self.inserting is not None:
            inserting, self.inserting = self.inserting, None
            inserting.result()

    def stop(self) -> None:
        """Waits for the inserting thread to finish and ends it; its errors were raised by
        `wait` already, or give way to the one that stopped the fill."""
        with suppress(Exception):
            self.wait()
        self.inserter.shutdown()

    def write_year(self, s: Session, year: int, items: list[YearItem], progress: Progress) -> None:
        self.opens = []
        for i, item in enumerate(items):
            if isinstance(item, SchoolWorkPlan):
                self.series(item.series, item.school, None, None)
            else:
                write_case(self, item)
            if self.pending >= self.BATCH:
                self.flush(s)
                progress(i / max(1, len(items)))
        self._pad(year)
        self.flush(s)
        self.year_index += 1

    def _pad(self, year: int) -> None:
        """'open' events (a file looked at), up to the scale's audit target."""
        target = self.planner.scale.audit_target
        if not target or not self.opens:
            return
        years = len(self.planner.years)
        wanted = round(target * (self.year_index + 1) / years) - self.audit_count
        rng = random.Random(f"opens:{self.planner.seed}:{year}")
        first = SchoolYear(year).start
        last = min(SchoolYear(year).end, self.planner.today)
        span = max(1, (last - first).days)
        for _ in range(max(0, wanted)):
            entity, entity_id = rng.choice(self.opens)
            user = self.stage.leader.user_id
            self.audit(
                self.at(first + timedelta(days=rng.randrange(span))),
                user,
                "open",
                entity,
                entity_id,
            )

    def series(
        self, plan: SeriesPlan, school: int, trajectory_id: str | None, class_group_id: str | None
    ) -> None:
        """scheduling.plan_series: the series, then each session with its attendance and note."""
        user = self.stage.coaches[plan.coach].user_id
        when = self.at(plan.first_on)
        row = self.stamped(
            when,
            user,
            frequency=plan.frequency,
            first_on=plan.first_on,
            count=plan.count,
            until=plan.until,
        )
        self.add(SessionSeries, row)
        for session in plan.sessions:
            self.session(session, school, trajectory_id, class_group_id, row["id"], when)

    def session(
        self,
        plan: SessionPlan,
        school: int,
        trajectory_id: str | None,
        class_group_id: str | None,
        series_id: str | None,
        created: str | None = None,
    ) -> None:
        """scheduling.plan_session, record_attendance and notes.save_note for one session."""
        user = self.stage.coaches[plan.coach].user_id
        when = created or self.at(plan.on)
        row = self.stamped(
            when,
            user,
            deleted_at=None,
            trajectory_id=trajectory_id,
            school_id=self.stage.schools[school],
            class_group_id=class_group_id,
            coach_id=user,
            series_id=series_id,
            on=plan.on,
            start=plan.start,
            duration_min=plan.duration,
            contact_type=plan.contact_type,
            location=plan.location,
            participants=plan.participants,
            attendance=plan.attendance,
            present_count=plan.present_count,
            cancelled=False,
        )
        self.add(GuidanceSession, row)
        self.audit(when, user, "create", "session", row["id"])
        if plan.attendance is not None:
            moment = self.at(plan.on)
            row["updated_at"] = moment
            self.audit(moment, user, "attendance", "session", row["id"])
        if plan.note is not None:
            self._note(plan.note, row["id"], user, self.at(plan.on))

    def _note(self, note: NotePlan, session_id: str, user: str, moment: str) -> None:
        """The note as saved last; an edited note keeps its first text as version 1."""
        note_id = self.new_id()
        version = 1
        if note.earlier is not None:
            first = {"id": self.new_id(), "note_id": note_id, "version": 1, "saved_at": moment}
            self.add(NoteVersion, {**first, "author_id": user, **_note_text(note.earlier)})
            self.audit(moment, user, "update", "session_note", note_id)
            version = 2
        row = self.stamped(
            moment,
            user,
            row_id=note_id,
            session_id=session_id,
            author_id=user,
            version=version,
            is_draft=False,
            **_note_text(note),
        )
        self.add(SessionNote, row)
        self.audit(moment, user, "update", "session_note", note_id)
        self.opens.append(("session_note", note_id))


def _note_text(note: NotePlan) -> dict[str, Any]:
    """The columns a note and each of its versions have."""
    return {
        "content": note.content,
        "observations": note.observations,
        "agreements": note.agreements,
        "next_steps": note.next_steps,
        "goal_progress": "{}",
        "visibility": note.visibility,
    }


def _insert(conn: Connection, batch: list[tuple[Table, list[dict[str, Any]]]]) -> None:
    for table, rows in batch:  # parents first (ORDER), so every foreign key finds its row
        insert_rows(conn, table, rows)
