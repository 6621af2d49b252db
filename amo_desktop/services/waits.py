"""Waiting as it was on a day (from the status history) and the time from referral to start."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from statistics import median

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import Referral, ReferralTransition
from amo_desktop.domain.enums import ReferralStatus
from amo_desktop.domain.figures import StartWaits, WaitingFigures
from amo_desktop.domain.identity import Identity
from amo_desktop.services._days import WaitingTime, school_calendar
from amo_desktop.services.authz import ALL_ROLES, requires


def _in_schools(schools: Sequence[str] | None) -> ColumnElement[bool]:
    return Referral.school_id.in_(list(schools)) if schools is not None else true()


def _summary(waits: list[WaitingTime]) -> tuple[float | None, int | None, float | None, int | None]:
    """Median and longest, in calendar days and in school days (None for an empty list)."""
    return _summary_of([w.calendar_days for w in waits], [w.school_days for w in waits])


def _summary_of(
    calendar: list[int], school: list[int]
) -> tuple[float | None, int | None, float | None, int | None]:
    if not calendar:
        return None, None, None, None
    return float(median(calendar)), max(calendar), float(median(school)), max(school)


@requires(ALL_ROLES)
def waiting_on(
    s: Session, caller: Identity, day: date, schools: Sequence[str] | None
) -> WaitingFigures:
    """The waiting list at the end of `day`: referrals whose last status change on or before
    that day put them on it, each waiting from its day received up to `day`."""
    ever_waited = select(Referral.id).where(
        Referral.deleted_at.is_(None),
        _in_schools(schools),
        Referral.waitlist_since.is_not(None),
        Referral.received_on <= day,
    )
    ranked = (
        select(
            ReferralTransition.referral_id,
            ReferralTransition.to_status,
            func.row_number()
            .over(
                partition_by=ReferralTransition.referral_id,
                order_by=(
                    ReferralTransition.on.desc(),
                    ReferralTransition.at.desc(),
                    ReferralTransition.id.desc(),
                ),
            )
            .label("n"),
        )
        .where(ReferralTransition.on <= day, ReferralTransition.referral_id.in_(ever_waited))
        .subquery()
    )
    waiting = s.execute(
        select(Referral.school_id, Referral.received_on)
        .join(ranked, ranked.c.referral_id == Referral.id)
        .where(ranked.c.n == 1, ranked.c.to_status == ReferralStatus.WACHTLIJST.value)
    ).all()
    oldest = min((received for _, received in waiting), default=day)
    days = school_calendar(s, {sid for sid, _ in waiting}, oldest, day)
    waits = [days.waiting_time(sid, received, day) for sid, received in waiting]
    return WaitingFigures(len(waits), *_summary(waits))


def _started(
    s: Session, first: date | None, last: date | None, schools: Sequence[str] | None
) -> list[tuple[str, date, date]]:
    query = select(Referral.school_id, Referral.received_on, Referral.start_on).where(
        Referral.deleted_at.is_(None), _in_schools(schools), Referral.start_on.is_not(None)
    )
    if first is not None:
        query = query.where(Referral.start_on >= first)
    if last is not None:
        query = query.where(Referral.start_on <= last)
    return [(sid, received, start) for sid, received, start in s.execute(query) if start]


def _waits(s: Session, rows: list[tuple[str, date, date]]) -> tuple[list[int], list[int]]:
    """The calendar and school days of each started referral, in the order of `rows`."""
    if not rows:
        return [], []
    days = school_calendar(
        s, {sid for sid, _, _ in rows}, min(r for _, r, _ in rows), max(st for _, _, st in rows)
    )
    return days.waiting_days(rows)


@requires(ALL_ROLES)
def start_waits(
    s: Session, caller: Identity, first: date, last: date, schools: Sequence[str] | None
) -> StartWaits:
    """From the day received to the start of guidance, for the referrals that started between
    first and last (inclusive)."""
    calendar, school = _waits(s, _started(s, first, last, schools))
    return StartWaits(len(calendar), *_summary_of(calendar, school))


@requires(ALL_ROLES)
def start_waits_per_year(
    s: Session, caller: Identity, school_ids: Sequence[str] | None = None
) -> dict[int, StartWaits]:
    """The evolution of the time to start over all school years (by the year of the start)."""
    rows = _started(s, None, None, school_ids)
    calendar, school = _waits(s, rows)
    per_year: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for (_, _, start), calendar_days, school_days in zip(rows, calendar, school, strict=True):
        year = per_year[SchoolYear.of(start).start_year]
        year[0].append(calendar_days)
        year[1].append(school_days)
    return {
        year: StartWaits(len(c), *_summary_of(c, sc)) for year, (c, sc) in sorted(per_year.items())
    }
