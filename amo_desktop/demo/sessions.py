"""Planning single sessions with their attendance and notes, and the school-level series."""

from __future__ import annotations

from dataclasses import dataclass
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
    pick,
)
from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import SeriesFrequency
from amo_desktop.domain.rules import series_dates

GROUP_CONTACTS = ("klassessie", "groepssessie")
MET_THE_PUPIL = ("individueel_gesprek", "huisbezoek", "rondetafel")
BUSY_WEEKS = 8  # weeks a piece of school work may wait for a free hour
STALLS = 30  # after so many the team is over its hours: the year's other work is just booked
FULL_AGENDA = 1_000  # sessions a coach gives in a year; a scale with more books without a search
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
    """A verslag; observations about the pupil and agreements with the pupil only where the
    coach met the pupil, and a short note when the pupil did not come."""
    rng = ctx.rng
    visibility = pick(rng, (("intern", 85), ("deelbaar_school", 10), ("deelbaar_clb", 5)))
    if kind == "school":
        content = rng.choice(SCHOOL_CONTENT)
    elif contact in GROUP_CONTACTS:
        content = rng.choice(CLASS_CONTENT)
    elif attendance and attendance.startswith("afwezig"):
        content = (
            f"{name} was niet aanwezig; de school werd verwittigd en we plannen een nieuw moment."
        )
        return NotePlan(content, "", "", "Aanwezigheden opvolgen met de school.", visibility)
    else:
        content = " ".join(rng.sample(NOTE_CONTENT, 2))
    content = (content + rng.choice(PADDING)).format(n=name)
    met = kind == "jongere" and contact in MET_THE_PUPIL
    return NotePlan(
        content,
        rng.choice(NOTE_OBSERVATIONS).format(n=name) if met else "",
        rng.choice(NOTE_AGREEMENTS).format(n=name) if met else "",
        rng.choice(NOTE_NEXT),
        visibility,
    )


def plan_school_work(ctx: PlanContext, year: int, needed: int) -> list[SchoolWorkPlan]:
    """Series of school-level work (no trajectory) until the year has `needed` more sessions.

    A piece of work (a school, a kind of contact, how often) runs from September to June; when
    its coach is busy at its hour one week, a new series at another hour carries it on."""
    rng = ctx.rng
    plans: list[SchoolWorkPlan] = []
    full = ctx.scale.sessions_per_year / ctx.scale.coaches > FULL_AGENDA
    stalls = STALLS if full else 0  # pieces of work in a row without a free hour
    while needed > 0:
        school = ctx.draw_school()
        contact, freq = rng.choice(SCHOOL_WORK)
        day = ctx.next_school_day(
            school, SchoolYear(year).start + timedelta(days=rng.randint(7, 25))
        )
        work = SchoolWork(school, year, contact, SeriesFrequency(freq))
        before = needed
        while needed > 0 and (plan := _school_series(ctx, work, day, needed, stalls >= STALLS)):
            needed -= len(plan.series.sessions)
            plans.append(plan)
            day = plan.series.sessions[-1].on + timedelta(days=work.step)
        if stalls < STALLS:
            stalls = stalls + 1 if needed == before else 0
    return plans


@dataclass(frozen=True)
class SchoolWork:
    """A piece of school-level work: which school, what kind of contact, how often."""

    school: int
    year: int
    contact: str
    frequency: SeriesFrequency

    @property
    def step(self) -> int:
        return 14 if self.frequency is SeriesFrequency.TWEEWEKELIJKS else 7


def _school_series(
    ctx: PlanContext, work: SchoolWork, first: date, needed: int, force: bool
) -> SchoolWorkPlan | None:
    """A series of the work from `first` (or a few days later) at an hour its coach is free,
    until the year's end or the first week the coach is not; None past the year's end."""
    rng = ctx.rng
    school, contact = work.school, work.contact
    end = date(work.year + 1, 6, 20)

    known: dict[date, list[date]] = {}

    def series_of(day: date) -> list[date]:
        if day not in known:
            known[day] = series_dates(day, work.frequency, ctx.off(school), until=end)[0]
        return known[day]

    home = ctx.schools[school].coaches
    others = ctx.agenda.least_booked([c for c in range(ctx.scale.coaches) if c not in home], rng)
    coaches = ctx.agenda.least_booked(home, rng) + others[:2]
    booked = None
    for week in range(0 if force else BUSY_WEEKS):
        if not series_of(first + timedelta(days=week * work.step)):
            return None
        booked = ctx.agenda.book_longest(
            coaches,
            lambda day: series_of(day)[:needed],
            first + timedelta(days=week * work.step),
            lambda day: ctx.next_school_day(school, day),
            contact,
            rng,
        )
        if booked:
            break
    if not booked and not (force and series_of(first)):
        return None
    coach, dates, slot = booked or ctx.agenda.force(
        coaches[0], series_of(first)[:needed], contact, rng
    )
    until: date | None = end
    count: int | None = None
    if len(dates) < len(series_of(dates[0])):
        count, until = len(dates), None
    location = LOCATION.get(contact, "school")
    series = SeriesPlan(
        coach,
        work.frequency.value,
        dates[0],
        count,
        until,
        contact,
        slot,
        DURATION[contact],
        location,
        [],
    )
    for d in dates:
        series.sessions.append(
            plan_session(ctx, coach, d, slot, contact, location, "", "school", 1)
        )
    return SchoolWorkPlan(school, work.year, series)
