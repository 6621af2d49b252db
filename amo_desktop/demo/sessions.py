"""Planning single sessions with their attendance and notes, and the school-level series."""

from __future__ import annotations

from datetime import date, time, timedelta

from amo_desktop.demo.context import PlanContext
from amo_desktop.demo.plans import NotePlan, SchoolWorkPlan, SeriesPlan, SessionPlan
from amo_desktop.demo.tables import (
    ATTENDANCE,
    CLASS_CONTENT,
    DURATION,
    LOCATION,
    NOTE_AGREEMENTS,
    NOTE_CONTENT,
    NOTE_NEXT,
    NOTE_OBSERVATIONS,
    PADDING,
    SCHOOL_CONTENT,
    SLOTS,
    pick,
)
from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import SeriesFrequency
from amo_desktop.domain.rules import series_dates

GROUP_CONTACTS = ("klassessie", "groepssessie")
SCHOOL_WORK = (
    ("overleg_school", "wekelijks"),
    ("outreach", "wekelijks"),
    ("overleg_clb", "tweewekelijks"),
)


def plan_session(
    ctx: PlanContext,
    coach: int,
    on: date,
    start: time,
    contact: str,
    location: str,
    name: str,
    kind: str,
    group: int,
) -> SessionPlan:
    """One session; up to the reference day also its attendance and (unless cancelled) a note."""
    rng = ctx.rng
    s = SessionPlan(coach, on, start, DURATION[contact], contact, location)
    if contact in GROUP_CONTACTS:
        s.participants = f"{group} leerlingen"
    if on > ctx.today:
        return s
    s.attendance = pick(rng, ATTENDANCE)
    if contact in GROUP_CONTACTS:
        s.present_count = max(1, group - rng.randint(0, 3))
    if s.attendance in ("geannuleerd_school", "geannuleerd_begeleider"):
        return s
    s.note = plan_note(ctx, name, kind, contact, s.attendance)
    if rng.random() < 0.1:
        s.note.earlier = plan_note(ctx, name, kind, contact, s.attendance)
    return s


def plan_note(
    ctx: PlanContext, name: str, kind: str, contact: str, attendance: str | None
) -> NotePlan:
    rng = ctx.rng
    if kind == "school":
        content = rng.choice(SCHOOL_CONTENT)
    elif contact in GROUP_CONTACTS:
        content = rng.choice(CLASS_CONTENT)
    elif attendance and attendance.startswith("afwezig"):
        content = (
            f"{name} was niet aanwezig; de school werd verwittigd en we plannen een nieuw moment."
        )
    else:
        content = " ".join(rng.sample(NOTE_CONTENT, 2))
    content = (content + rng.choice(PADDING)).format(n=name)
    return NotePlan(
        content,
        rng.choice(NOTE_OBSERVATIONS).format(n=name),
        rng.choice(NOTE_AGREEMENTS).format(n=name),
        rng.choice(NOTE_NEXT),
        pick(rng, (("intern", 85), ("deelbaar_school", 10), ("deelbaar_clb", 5))),
    )


def plan_school_work(ctx: PlanContext, year: int, needed: int) -> list[SchoolWorkPlan]:
    """Series of school-level work (no trajectory) until the year has `needed` more sessions."""
    rng = ctx.rng
    plans: list[SchoolWorkPlan] = []
    sy = SchoolYear(year)
    weights = [s.weight for s in ctx.schools]
    while needed > 0:
        school = rng.choices(range(len(weights)), weights)[0]
        contact, freq = rng.choice(SCHOOL_WORK)
        coach = rng.choice(ctx.schools[school].coaches)
        first = ctx.next_school_day(school, sy.start + timedelta(days=rng.randint(7, 25)))
        until: date | None = date(year + 1, 6, 20)
        dates, _ = series_dates(first, SeriesFrequency(freq), ctx.off(school), until=until)
        count: int | None = None
        if needed < len(dates):
            dates = dates[:needed]
            count, until = needed, None
        slot = rng.choice(SLOTS)
        location = LOCATION.get(contact, "school")
        series = SeriesPlan(
            coach, freq, first, count, until, contact, slot, DURATION[contact], location, []
        )
        for d in dates:
            series.sessions.append(
                plan_session(ctx, coach, d, slot, contact, location, "", "school", 1)
            )
        needed -= len(dates)
        plans.append(SchoolWorkPlan(school, year, series))
    return plans
