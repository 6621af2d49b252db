"""The expected wait of a referral (new or on the list) and how well it held up in the past."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import Referral, ReferralTransition
from amo_desktop.domain.enums import ReferralStatus
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.wait_backtest import BacktestResult, PastReferral, ahead_of, backtest
from amo_desktop.domain.wait_estimate import (
    RATE_DAYS,
    WINDOW_DAYS,
    PastStart,
    Question,
    WaitHistory,
    WaitRange,
    expected_wait,
)
from amo_desktop.services._lookups import load_referral
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, requires
from amo_desktop.services.figures import capacity_figures
from amo_desktop.services.waitlist import WaitlistEntry, waiting_list

_ENDED = frozenset(
    {
        ReferralStatus.NIET_GESTART.value,
        ReferralStatus.DOORVERWEZEN.value,
        ReferralStatus.AFGESLOTEN.value,
        ReferralStatus.INGETROKKEN.value,
    }
)
_BEFORE_LIST = frozenset({ReferralStatus.NIEUW.value, ReferralStatus.VRAAGVERHELDERING.value})


@dataclass(frozen=True)
class ExpectedWait:
    """The range (None: too little history) and the parts of the sentence that says why."""

    range: WaitRange | None
    offer_type: str
    urgency: str
    ahead: int  # same offer type before it on the waiting list
    list_length: int  # everyone on the waiting list now
    school_usage_pct: int | None  # the school's share used this school year; None: no hours


def _history(s: Session, today: date) -> WaitHistory:
    """The starts the estimate on `today` looks at (the last year's), read once."""
    since = today - timedelta(days=max(WINDOW_DAYS, RATE_DAYS))
    rows = s.execute(
        select(Referral.offer_type, Referral.urgency, Referral.received_on, Referral.start_on)
        .where(Referral.deleted_at.is_(None), Referral.start_on >= since, Referral.start_on < today)
        .order_by(Referral.start_on)  # the order of ix_referrals_start_on: sorting costs nothing
    ).all()
    return WaitHistory(PastStart(o, u, r, st) for o, u, r, st in rows if st is not None)


def _ratios(s: Session, caller: Identity, today: date) -> dict[str, float]:
    """Each school's share used this school year (as the waiting list orders by it)."""
    year = SchoolYear.of(today).start_year
    return {cap.school_id: cap.ratio for cap in capacity_figures(s, caller, year, today)}


@requires(ALL_ROLES)
def estimated_waiting_list(s: Session, caller: Identity, today: date) -> list[WaitlistEntry]:
    """The waiting list with each entry's expected remaining wait, in one pass: the history is
    read and sorted once, the number ahead counted along the list."""
    entries = waiting_list(s, caller, today)
    history = _history(s, today)
    ahead: dict[str, int] = defaultdict(int)
    result = []
    for e in entries:  # in the fair order
        q = Question(today, e.offer_type, e.urgency, ahead[e.offer_type], e.waiting_days)
        ahead[e.offer_type] += 1
        result.append(dataclasses.replace(e, expected=expected_wait(history, q)))
    return result


@requires(ALL_ROLES)
def expected_for_new(
    s: Session,
    caller: Identity,
    today: date,
    school_id: str,
    offer_type: str,
    urgency: str,
) -> ExpectedWait:
    """The expected wait of a referral that would come in today."""
    new = PastReferral("", school_id, offer_type, urgency, today, None, True)
    return _expected(s, caller, new, ReferralStatus.NIEUW.value, today)


@requires(ALL_ROLES)
def expected_for_referral(
    s: Session, caller: Identity, referral_id: str, today: date
) -> ExpectedWait:
    """The expected wait of a referral from today: its place on the list, or, before the list,
    the place a referral of its kind would get today."""
    r = load_referral(s, caller, referral_id)
    subject = PastReferral(
        r.id, r.school_id, r.offer_type, r.urgency, r.received_on, r.start_on, True
    )
    return _expected(s, caller, subject, r.status, today)


def _expected(
    s: Session, caller: Identity, r: PastReferral, status: str, today: date
) -> ExpectedWait:
    """On the list: its place there; before the list: where it would come today; after the
    list (assigned, started, ended): no range."""
    entries = waiting_list(s, caller, today)
    ratios = _ratios(s, caller, today)
    ratio = ratios.get(r.school_id)
    usage = None if ratio is None or ratio == float("inf") else round(ratio * 100)
    mine = next((e for e in entries if e.referral_id == r.id), None)
    if mine is not None:
        before = [e for e in entries if e.position < mine.position]
        ahead = sum(e.offer_type == r.offer_type for e in before)
        waited = mine.waiting_days
    else:
        waiting = [_as_past(e) for e in entries]
        ahead = ahead_of(waiting, r, today, ratios)
        waited = (today - r.received_on).days
    found = None
    if mine is not None or status in _BEFORE_LIST:
        q = Question(today, r.offer_type, r.urgency, ahead, waited)
        found = expected_wait(_history(s, today), q)
    return ExpectedWait(found, r.offer_type, r.urgency, ahead, len(entries), usage)


def _as_past(e: WaitlistEntry) -> PastReferral:
    return PastReferral(
        e.referral_id, e.school_id, e.offer_type, e.urgency, e.received_on, None, True
    )


def _spells(s: Session) -> dict[str, tuple[tuple[date, date], ...]]:
    """Each referral's spells on the waiting list [from, to), from its status history."""
    rows = s.execute(
        select(
            ReferralTransition.referral_id, ReferralTransition.on, ReferralTransition.to_status
        ).order_by(
            ReferralTransition.referral_id,
            ReferralTransition.on,
            ReferralTransition.at,
            ReferralTransition.id,
        )
    ).all()
    spells: dict[str, list[tuple[date, date]]] = defaultdict(list)
    since: dict[str, date] = {}
    for referral_id, on, to_status in rows:
        if referral_id in since:
            spells[referral_id].append((since.pop(referral_id), on))
        if to_status == ReferralStatus.WACHTLIJST.value:
            since[referral_id] = on
    for referral_id, on in since.items():
        spells[referral_id].append((on, date.max))
    return {key: tuple(value) for key, value in spells.items()}


@requires(TEAMLEADER_ROLES)
def backtest_waits(
    s: Session, caller: Identity, first: date, last: date, today: date
) -> BacktestResult:
    """The estimate replayed over the referrals received from `first` to `last`, each on its
    day received with only what was known the day before (the school shares of that day too)."""
    spells = _spells(s)
    rows = s.execute(
        select(
            Referral.id,
            Referral.school_id,
            Referral.offer_type,
            Referral.urgency,
            Referral.received_on,
            Referral.start_on,
            Referral.status,
        ).where(Referral.deleted_at.is_(None))
    ).all()
    referrals = [
        PastReferral(
            rid,
            school,
            offer,
            urgency,
            received,
            start,
            start is None and status not in _ENDED,
            spells.get(rid, ()),
        )
        for rid, school, offer, urgency, received, start, status in rows
    ]
    return backtest(
        referrals, first, last, today, lambda day: _ratios(s, caller, day - timedelta(days=1))
    )
