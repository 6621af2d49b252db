"""Pure rules of the caseload: referral workflow, fair share, waiting-list order, series dates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from amo_desktop.domain.enums import ReferralStatus, SeriesFrequency, Urgency

S = ReferralStatus

# Which status may follow which (DOMAIN.md Part 1, Rules). Terminal states have no exits.
TRANSITIONS: Mapping[ReferralStatus, frozenset[ReferralStatus]] = {
    S.NIEUW: frozenset(
        {S.VRAAGVERHELDERING, S.WACHTLIJST, S.NIET_GESTART, S.DOORVERWEZEN, S.INGETROKKEN}
    ),
    S.VRAAGVERHELDERING: frozenset(
        {S.WACHTLIJST, S.TOEGEWEZEN, S.NIET_GESTART, S.DOORVERWEZEN, S.INGETROKKEN}
    ),
    S.WACHTLIJST: frozenset(
        {S.VRAAGVERHELDERING, S.TOEGEWEZEN, S.NIET_GESTART, S.DOORVERWEZEN, S.INGETROKKEN}
    ),
    S.TOEGEWEZEN: frozenset(
        {S.GESTART, S.WACHTLIJST, S.NIET_GESTART, S.DOORVERWEZEN, S.INGETROKKEN}
    ),
    S.GESTART: frozenset({S.AFGESLOTEN}),
    S.AFGESLOTEN: frozenset(),
    S.NIET_GESTART: frozenset(),
    S.DOORVERWEZEN: frozenset(),
    S.INGETROKKEN: frozenset(),
}

OPEN_STATUSES = frozenset({S.NIEUW, S.VRAAGVERHELDERING, S.WACHTLIJST, S.TOEGEWEZEN, S.GESTART})

URGENCY_RANK = {Urgency.CRISIS: 0, Urgency.HOOG: 1, Urgency.NORMAAL: 2, Urgency.LAAG: 3}


# The statuses reached only after the intake conversation: the first of them dates the intake.
AFTER_INTAKE = frozenset({S.VRAAGVERHELDERING, S.WACHTLIJST, S.TOEGEWEZEN})


def allowed_next(status: ReferralStatus) -> frozenset[ReferralStatus]:
    return TRANSITIONS[status]


def status_change(
    target: ReferralStatus, on: date, intake_on: date | None, no_start_reason: str | None = None
) -> dict[str, Any]:
    """The referral's columns a move to `target` on `on` sets: the status and the day it keeps
    for it (intake only once, waiting list and start each time; why it did not start)."""
    change: dict[str, Any] = {"status": target.value}
    if target == S.NIET_GESTART:
        change["no_start_reason"] = no_start_reason
    if intake_on is None and target in AFTER_INTAKE:
        change["intake_on"] = on
    if target == S.WACHTLIJST:
        change["waitlist_since"] = on
    if target == S.GESTART:
        change["start_on"] = on
    return change


def transition_row(
    referral_id: str,
    user_id: str | None,
    on: date,
    from_status: ReferralStatus | None,
    to_status: ReferralStatus,
    reason: str,
) -> dict[str, Any]:
    """The history row of one status change, but for its id and moment, which the writer sets."""
    return {
        "referral_id": referral_id,
        "user_id": user_id,
        "on": on,
        "from_status": None if from_status is None else from_status.value,
        "to_status": to_status.value,
        "reason": reason.strip(),
    }


def fair_share_entitlements(
    pool_teacher_hours: Mapping[str, float],
    pool_coaching_hours: float,
    other_hours: Mapping[str, float],
) -> dict[str, float]:
    """Entitled hours per school: pool hours x its share of teacher hours, plus other funders'."""
    total_teacher = sum(pool_teacher_hours.values())
    schools = set(pool_teacher_hours) | set(other_hours)
    result: dict[str, float] = {}
    for school in schools:
        share = pool_teacher_hours.get(school, 0.0) / total_teacher if total_teacher else 0.0
        result[school] = pool_coaching_hours * share + other_hours.get(school, 0.0)
    return result


def usage_ratio(entitled: float, used: float, planned: float) -> float:
    """Used plus planned as a fraction of the entitlement; infinite without an entitlement."""
    if entitled <= 0:
        return float("inf")
    return (used + planned) / entitled


def warning_level(entitled: float, used: float, planned: float) -> int | None:
    """100 or 80 when used+planned reaches that percentage of the entitlement, else None."""
    if entitled <= 0:
        return 100 if used + planned > 0 else None
    ratio = usage_ratio(entitled, used, planned)
    if ratio >= 1.0:
        return 100
    if ratio >= 0.8:
        return 80
    return None


@dataclass(frozen=True)
class WaitingCandidate:
    referral_id: str
    urgency: str
    school_ratio: float
    waiting_days: int


def waiting_order_key(c: WaitingCandidate) -> tuple[int, float, int, str]:
    """Urgency first, then schools furthest below their fair share, then longest waiting."""
    return (URGENCY_RANK[Urgency(c.urgency)], c.school_ratio, -c.waiting_days, c.referral_id)


def series_dates(
    first: date,
    frequency: SeriesFrequency,
    days_off: set[date] | frozenset[date],
    count: int | None = None,
    until: date | None = None,
    limit: int = 200,
) -> tuple[list[date], list[date]]:
    """Dates of a weekly or two-weekly series, skipping days off; returns (dates, skipped).

    With `count`, skipped dates do not count: the series gets `count` real sessions.
    """
    if count is None and until is None:
        raise ValueError("a series needs a count or an end date")
    if first.weekday() >= 5:
        raise ValueError("a series starts on a weekday")
    step = timedelta(weeks=1 if frequency == SeriesFrequency.WEKELIJKS else 2)
    dates: list[date] = []
    skipped: list[date] = []
    day = first
    while len(dates) + len(skipped) < limit * 2:
        if until is not None and day > until:
            break
        if count is not None and len(dates) >= count:
            break
        if day in days_off or day.weekday() >= 5:
            skipped.append(day)
        else:
            dates.append(day)
        day += step
    return dates, skipped


def grade_of(study_year: str) -> str:
    """The graad of a leerjaar as stored at intake ('2B' -> g1, '4' -> g2, 'OKAN' -> okan)."""
    text = study_year.strip().upper()
    if not text:
        return "onbekend"
    if text.startswith("OKAN"):
        return "okan"
    if text.startswith("BUSO") or text.startswith("OV"):
        return "buso"
    if text[0] in "12":
        return "g1"
    if text[0] in "34":
        return "g2"
    if text[0] in "56":
        return "g3"
    if text[0] == "7":
        return "se_n_se"
    return "onbekend"
