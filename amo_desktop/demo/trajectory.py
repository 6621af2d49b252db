"""Planning a started trajectory: goals, the weekly series, extra contacts, evaluation, closure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from amo_desktop.demo.agenda import TRIES
from amo_desktop.demo.context import PlanContext
from amo_desktop.demo.plans import OP_ORDER, Op, SeriesPlan, YouthPlan
from amo_desktop.demo.sessions import plan_session
from amo_desktop.demo.tables import (
    DURATION,
    GOAL_EVALUATIONS,
    GOALS,
    GROUP_GOALS,
    LOCATION,
    OUTCOMES,
    REASON_DOMAIN,
    STOP_REASONS,
    pick,
)
from amo_desktop.domain.enums import ClosureReason, SeriesFrequency
from amo_desktop.domain.rules import series_dates

EXTRA_CONTACTS = ("overleg_school", "overleg_clb", "telefonisch", "huisbezoek", "rondetafel")


@dataclass
class CaseFacts:
    """What the planner decided about a referral that its timeline depends on."""

    school: int
    on: date
    kind: str
    offer: str
    urgency: str
    consent: bool
    youth: YouthPlan | None
    class_group: dict[str, Any] | None
    first_reason: str

    @property
    def name(self) -> str:
        return self.youth.first_name if self.youth else "de klas"


def plan_trajectory(ctx: PlanContext, case: CaseFacts, start: date, lead: int) -> list[Op]:
    """Everything from the start on, in the order the services must be called."""
    rng = ctx.rng
    goals = _goals(ctx, case)
    ops = [
        Op(start, "goal", {"index": i, "description": d, "domain": dom})
        for i, (d, dom) in enumerate(goals)
    ]
    stopped = case.kind == "jongere" and rng.random() < 0.18
    series = _series(ctx, case, start, lead, stopped)
    ops.append(Op(start, "series", {"series": series, "class": case.kind == "klasgroep"}))
    last = series.sessions[-1].on
    if case.kind == "jongere" and case.offer != "advies_consult":
        extra = _extra_contacts(ctx, case, start, last, lead)
        last = max([last, *(op.on for op in extra)])
        ops += extra
    end = ctx.next_school_day(case.school, last + timedelta(days=rng.randint(1, 14)))
    ops += _closure(ctx, case, end, len(goals), stopped)
    ops.sort(key=lambda op: (op.on, OP_ORDER[op.kind]))
    return ops


def _goals(ctx: PlanContext, case: CaseFacts) -> list[tuple[str, str]]:
    rng = ctx.rng
    if case.kind != "jongere":
        return [rng.choice(GROUP_GOALS[case.kind])]
    goals = []
    first = REASON_DOMAIN.get(case.first_reason, "psychisch_sociaal")
    for i in range(1 if case.offer == "advies_consult" else rng.randint(1, 3)):
        domain = rng.choice(list(GOALS)) if i else first
        goals.append((rng.choice(GOALS[domain]), domain))
    return goals


def _contact(ctx: PlanContext, case: CaseFacts) -> tuple[str, int, str]:
    """The trajectory's kind of session, how many, and where."""
    rng = ctx.rng
    if case.offer == "advies_consult":
        return "telefonisch", rng.randint(1, 3), "telefoon"
    if case.kind == "jongere":
        count = rng.randint(6, 16) if case.offer != "naft_individueel" else rng.randint(8, 16)
        return "individueel_gesprek", count, "school" if rng.random() < 0.85 else "groep_intro"
    if case.kind == "klasgroep":
        return "klassessie", rng.randint(3, 8), "school"
    if case.kind == "groep":
        return "groepssessie", rng.randint(6, 9), "school"
    return "overleg_school", rng.randint(2, 4), "school"


def _series(ctx: PlanContext, case: CaseFacts, start: date, lead: int, stopped: bool) -> SeriesPlan:
    """The weekly series of the trajectory, each session with what happened in it."""
    rng = ctx.rng
    contact, count, location = _contact(ctx, case)
    if stopped:
        count = max(2, count // 3)
    school = case.school

    def weekly(day: date) -> list[date]:
        return series_dates(day, SeriesFrequency("wekelijks"), ctx.off(school), count=count)[0]

    _, dates, slot = ctx.agenda.book(
        [lead],
        weekly,
        ctx.next_school_day(school, start),
        lambda day: ctx.next_school_day(school, day),
        contact,
        rng,
        tries=3 * TRIES,  # a busy coach starts a few weeks later
    )
    series = SeriesPlan(
        lead, "wekelijks", dates[0], count, None, contact, slot, DURATION[contact], location, []
    )
    group_size = case.class_group["pupil_count"] if case.class_group else rng.randint(6, 12)
    for d in dates:
        series.sessions.append(
            plan_session(ctx, lead, d, slot, contact, location, case.name, case.kind, group_size)
        )
    return series


def _extra_contacts(
    ctx: PlanContext, case: CaseFacts, start: date, last: date, lead: int
) -> list[Op]:
    """A few single contacts around a youth's series (school, CLB, home, round table)."""
    rng = ctx.rng
    ops = []
    for _ in range(rng.randint(1, 5)):
        contact = rng.choice(EXTRA_CONTACTS)
        days = rng.randint(0, max(1, (last - start).days))
        _, (d,), slot = ctx.agenda.book(
            [lead],
            lambda day: [day],
            ctx.next_school_day(case.school, start + timedelta(days=days)),
            lambda day: ctx.next_school_day(case.school, day),
            contact,
            rng,
        )
        location = LOCATION.get(contact, "school")
        s = plan_session(ctx, lead, d, slot, contact, location, case.name, case.kind, 1)
        ops.append(Op(d, "session", {"session": s}))
    return ops


def _closure(ctx: PlanContext, case: CaseFacts, end: date, goals: int, stopped: bool) -> list[Op]:
    """The goals' evaluations and the closure, with a reason that follows from them."""
    rng = ctx.rng
    evaluations = [pick(rng, GOAL_EVALUATIONS) for _ in range(goals)]
    if stopped:
        evaluations = [rng.choice(("niet_bereikt", "niet_relevant", "deels")) for _ in range(goals)]
    ops = [
        Op(end, "evaluate", {"index": i, "evaluation": evaluation, "note": ""})
        for i, evaluation in enumerate(evaluations)
    ]
    if stopped:
        reason = pick(rng, STOP_REASONS)
    elif evaluations.count("bereikt") * 2 >= len(evaluations):
        reason = "doelen_bereikt"
    elif "bereikt" in evaluations or "deels" in evaluations:
        reason = "deels_bereikt"
    else:
        reason = rng.choice(("andere", "doorverwezen"))
    outcome = pick(rng, OUTCOMES) if case.kind == "jongere" else "onbekend"
    summary = f"Traject afgesloten: {ClosureReason(reason).label.lower()}."
    ops.append(Op(end, "close", {"reason": reason, "outcome": outcome, "summary": summary}))
    return ops
