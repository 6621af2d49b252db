"""The receipt a school gets for its referral: what came in, the next step and the expected wait.

It leaves the team, so it holds only what is the school's own: its pupil (or class), its
request, its share of the hours; of the rest of the list only two counts, as the small-cell rule
prints them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from amo_desktop.domain.identity import Identity
from amo_desktop.domain.reference import School
from amo_desktop.services import audit
from amo_desktop.services._lookups import load_referral, subject_labels
from amo_desktop.services.authz import ALL_ROLES, requires
from amo_desktop.services.report_jobs import ReportResult
from amo_desktop.services.wait_estimate import ExpectedWait, expected_for_referral

KIND = "receipt"
TITLE = "Ontvangstbevestiging"


@dataclass(frozen=True)
class ReceiptData:
    organisation: str
    made_on: date
    referral_id: str
    school_name: str
    received_on: date
    subject_kind: str
    subject_label: str
    offer_type: str
    urgency: str
    reasons: list[str]
    help_question: str
    group_description: str
    referrer_name: str
    status: str
    expected: ExpectedWait


@requires(ALL_ROLES)
def receipt_data(
    s: Session, caller: Identity, organisation: str, referral_id: str, today: date
) -> ReceiptData:
    """What the receipt prints, for one referral the caller may see."""
    r = load_referral(s, caller, referral_id)
    school = s.get(School, r.school_id)
    expected = expected_for_referral(s, caller, r.id, today)
    return ReceiptData(
        organisation,
        today,
        r.id,
        school.name if school is not None else "",
        r.received_on,
        r.subject_kind,
        subject_labels(s, {r.id}, True)[r.id],
        r.offer_type,
        r.urgency,
        [code for code in r.reasons.split(",") if code],
        r.help_question,
        r.group_description,
        r.referrer_name,
        r.status,
        expected,
    )


@requires(ALL_ROLES)
def receipt(
    s: Session, caller: Identity, organisation: str, referral_id: str, today: date
) -> ReportResult:
    """The one-page PDF in memory; saving it goes through report_jobs.save (audited there)."""
    from amo_desktop.reports import receipt as printed
    from amo_desktop.reports.excel import to_json

    data = receipt_data(s, caller, organisation, referral_id, today)
    audit.record(s, caller.user_id, "export", "report", data.referral_id, f"{KIND}:made")
    buffer = io.BytesIO()
    printed.render(data, buffer, caller.login)
    return ReportResult(
        KIND, TITLE, buffer.getvalue(), {}, to_json(data), True, entity_id=data.referral_id
    )
