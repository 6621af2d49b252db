"""Planning a referral's workflow up to the start: intake, waiting list, assignment, early ends."""

from __future__ import annotations

from datetime import date, timedelta

from amo_desktop.demo.context import PlanContext
from amo_desktop.demo.plans import Op
from amo_desktop.demo.tables import NO_START, pick
from amo_desktop.demo.trajectory import CaseFacts, plan_trajectory


def plan_timeline(ctx: PlanContext, case: CaseFacts) -> list[Op]:
    """The ops of one referral, from registration to its end (or the last step planned)."""
    return _Timeline(ctx, case).ops_of()


class _Timeline:
    def __init__(self, ctx: PlanContext, case: CaseFacts) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.case = case
        self.day = case.on
        self.ops = [Op(case.on, "register")]

    def step(
        self, days: int, to: str, reason: str = "", no_start: str | None = None, final: bool = False
    ) -> None:
        """A transition `days` after the previous step, on the next school day."""
        self.day = self.ctx.next_school_day(self.case.school, self.day + timedelta(days=days))
        data = {"to": to, "reason": reason, "no_start": no_start, "final": final}
        self.ops.append(Op(self.day, "transition", data))

    def ops_of(self) -> list[Op]:
        if self._ended_at_intake() or self._ended_on_waiting_list():
            return self.ops
        assigned, start = self._assignment_days()
        self.day = assigned
        lead = self._assign(assigned, start)
        rng = self.rng
        if rng.random() < 0.04:
            reason = pick(rng, (("niet_bereikbaar", 50), ("opgelost", 30), ("andere", 20)))
            self.step(rng.randint(1, 5), "niet_gestart", "", reason, final=True)
            return self.ops
        self.ops.append(Op(start, "start"))
        return self.ops + plan_trajectory(self.ctx, self.case, start, lead)

    def _ended_at_intake(self) -> bool:
        """Withdrawn or referred on at once, or no consent after the first talk."""
        rng = self.rng
        if rng.random() < 0.05:
            if rng.random() < 0.5:
                reason = "De school vond intussen een oplossing."
                self.step(rng.randint(1, 5), "ingetrokken", reason, final=True)
            else:
                self.step(
                    rng.randint(1, 8), "doorverwezen", "Doorverwezen naar het CAW.", final=True
                )
            return True
        self.step(rng.randint(1, 8) if self.case.urgency != "crisis" else 0, "vraagverheldering")
        if not self.case.consent:
            days = rng.randint(5, 20)
            self.step(days, "niet_gestart", "Geen toestemming.", "geen_toestemming", final=True)
            return True
        return False

    def _ended_on_waiting_list(self) -> bool:
        """A wait of more than a week goes on the waiting list; a few never start."""
        rng = self.rng
        case = self.case
        wait = self._wait_days() if case.kind == "jongere" else rng.randint(3, 25)
        if wait <= 7:
            return False
        self.step(0, "wachtlijst")
        if rng.random() < 0.07:
            reason = pick(rng, NO_START)
            if rng.random() < 0.3:
                days = rng.randint(5, wait)
                self.step(days, "doorverwezen", "Andere hulp meer aangewezen.", final=True)
            else:
                self.step(rng.randint(5, wait), "niet_gestart", "", reason, final=True)
            return True
        self.day = self.day + timedelta(days=wait)
        return False

    def _wait_days(self) -> int:
        rng = self.rng
        busy = self.case.on.month in (11, 12, 1, 2, 3)
        days = rng.randint(14, 42) if busy else rng.randint(0, 14)
        if self.case.urgency == "crisis":
            return rng.randint(0, 3)
        if self.case.urgency == "hoog":
            return days // 3
        return days

    def _assignment_days(self) -> tuple[date, date]:
        """Assignment, then the start a few days later; June to August starts move to September."""
        rng, school, day = self.rng, self.case.school, self.day
        assigned = self.ctx.next_school_day(school, day + timedelta(days=rng.randint(0, 3)))
        start = self.ctx.next_school_day(school, assigned + timedelta(days=rng.randint(2, 9)))
        if start.month in (6, 7, 8) and self.case.kind == "jongere":
            september = date(start.year, 9, 1) + timedelta(days=rng.randint(0, 9))
            start = self.ctx.next_school_day(school, september)
            assigned = max(self.ctx.next_school_day(school, start - timedelta(days=7)), day)
        return assigned, start

    def _assign(self, assigned: date, start: date) -> int:
        """The lead (the school's least booked coach), sometimes a co-coach; returns the lead."""
        rng = self.rng
        lead = self.ctx.agenda.least_booked(self.ctx.schools[self.case.school].coaches, rng)[0]
        co = []
        coaches = self.ctx.scale.coaches
        if rng.random() < 0.15 and coaches > 1:
            co = [rng.choice([c for c in range(coaches) if c != lead])]
        self.ops.append(Op(assigned, "assign", {"lead": lead, "co": co, "start": start}))
        return lead
