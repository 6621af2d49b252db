"""The waiting list: urgency, then fair share, then waiting time; every place says why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import Referral
from amo_desktop.domain.enums import OfferType, ReferralStatus, Urgency
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.reference import School
from amo_desktop.domain.rules import WaitingCandidate, waiting_order_key
from amo_desktop.domain.wait_estimate import WaitRange
from amo_desktop.services._days import school_calendar
from amo_desktop.services._lookups import subject_labels
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, requires
from amo_desktop.services.figures import capacity_figures


class PlaceReason(StrEnum):
    """Why a school's share weighs as it does; the numbers are in the entry itself."""

    SHARE_USED = "share_used"  # the school used `school_usage_pct` % of its agreed hours
    NO_AGREED_HOURS = "no_agreed_hours"  # the school has no agreed hours this school year


@dataclass(frozen=True)
class WaitlistEntry:
    position: int
    referral_id: str
    received_on: date
    school_id: str
    school_name: str
    subject_label: str
    offer_type: str
    urgency: str
    waiting_days: int
    waiting_school_days: int
    school_usage_pct: int | None
    reason: PlaceReason
    # the expected remaining wait (services/wait_estimate.py); None: not asked, or too little
    # history to say
    expected: WaitRange | None = None

    def reason_text(self, lang: str) -> str:
        """The sentence that says why an entry has its place, in Dutch or English ("en").

        One wording for the screen, the command line and the reports alike.
        """
        school, days, school_days = self.school_name, self.waiting_days, self.waiting_school_days
        pct = self.school_usage_pct
        if lang == "en":
            usage = (
                "has no agreed hours"
                if self.reason == PlaceReason.NO_AGREED_HOURS
                else f"uses {pct}% of its share"
            )
            return (
                f"Urgency {self.urgency}; {school} {usage}; waiting "
                f"{days} days ({school_days} school days)"
            )
        usage = (
            "heeft geen afgesproken uren"
            if self.reason == PlaceReason.NO_AGREED_HOURS
            else f"gebruikt {pct} % van haar deel"
        )
        return (
            f"Urgentie {Urgency(self.urgency).label.lower()}; {school} {usage}; wacht "
            f"{days} dagen ({school_days} schooldagen)"
        )


@requires(ALL_ROLES)
def waiting_list(s: Session, caller: Identity, today: date) -> list[WaitlistEntry]:
    """Coaches see every entry but no pupil names (need to know); the team leader sees names."""
    referrals = s.execute(
        select(
            Referral.id,
            Referral.received_on,
            Referral.school_id,
            Referral.offer_type,
            Referral.urgency,
        ).where(Referral.status == ReferralStatus.WACHTLIJST.value, Referral.deleted_at.is_(None))
    ).all()
    # Fair share as it stands this school year, whenever the referral came in.
    ratios = {
        cap.school_id: cap.ratio
        for cap in capacity_figures(s, caller, SchoolYear.of(today).start_year, today)
    }
    oldest = min((r.received_on for r in referrals), default=today)
    days = school_calendar(s, {r.school_id for r in referrals}, oldest, today)
    waits = {r.id: days.waiting_time(r.school_id, r.received_on, today) for r in referrals}
    candidates = [
        WaitingCandidate(
            r.id, r.urgency, ratios.get(r.school_id, float("inf")), waits[r.id].calendar_days
        )
        for r in referrals
    ]
    candidates.sort(key=waiting_order_key)
    by_id = {r.id: r for r in referrals}
    names: dict[str, str] = {i: n for i, n in s.execute(select(School.id, School.name))}
    show_names = caller.role in TEAMLEADER_ROLES
    labels = subject_labels(s, set(by_id), show_names)
    entries = []
    for position, c in enumerate(candidates, start=1):
        r = by_id[c.referral_id]
        wait = waits[r.id]
        no_hours = c.school_ratio == float("inf")
        entries.append(
            WaitlistEntry(
                position,
                r.id,
                r.received_on,
                r.school_id,
                names[r.school_id],  # a referral's school always exists (foreign key)
                labels[r.id],  # one label per referral id asked for
                OfferType(r.offer_type).value,
                r.urgency,
                wait.calendar_days,
                wait.school_days,
                None if no_hours else round(c.school_ratio * 100),
                PlaceReason.NO_AGREED_HOURS if no_hours else PlaceReason.SHARE_USED,
            )
        )
    return entries
