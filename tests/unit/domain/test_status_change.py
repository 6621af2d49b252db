"""The days a referral keeps on each status change: one rule for intake, import and the demo."""

from __future__ import annotations

from datetime import date

import pytest

from amo_desktop.domain.enums import ReferralStatus
from amo_desktop.domain.rules import status_change, transition_row

S = ReferralStatus
ON = date(2026, 3, 2)
EARLIER = date(2026, 2, 1)


@pytest.mark.parametrize(
    ("target", "intake_on", "expected"),
    [
        (S.VRAAGVERHELDERING, None, {"status": "vraagverheldering", "intake_on": ON}),
        (S.VRAAGVERHELDERING, EARLIER, {"status": "vraagverheldering"}),
        (S.WACHTLIJST, None, {"status": "wachtlijst", "intake_on": ON, "waitlist_since": ON}),
        (S.WACHTLIJST, EARLIER, {"status": "wachtlijst", "waitlist_since": ON}),
        (S.TOEGEWEZEN, None, {"status": "toegewezen", "intake_on": ON}),
        (S.TOEGEWEZEN, EARLIER, {"status": "toegewezen"}),
        (S.GESTART, EARLIER, {"status": "gestart", "start_on": ON}),
        (S.GESTART, None, {"status": "gestart", "start_on": ON}),
        (S.AFGESLOTEN, EARLIER, {"status": "afgesloten"}),
        (S.NIET_GESTART, None, {"status": "niet_gestart", "no_start_reason": "opgelost"}),
        (S.NIET_GESTART, EARLIER, {"status": "niet_gestart", "no_start_reason": "opgelost"}),
        (S.DOORVERWEZEN, None, {"status": "doorverwezen"}),
        (S.INGETROKKEN, EARLIER, {"status": "ingetrokken"}),
    ],
)
def test_each_status_sets_exactly_its_own_days(
    target: ReferralStatus, intake_on: date | None, expected: dict[str, object]
) -> None:
    assert status_change(target, ON, intake_on, "opgelost") == expected


def test_the_reason_for_not_starting_is_kept_only_when_it_did_not_start() -> None:
    assert "no_start_reason" not in status_change(S.INGETROKKEN, ON, None, "opgelost")
    assert status_change(S.NIET_GESTART, ON, None)["no_start_reason"] is None


def test_the_transition_row_names_who_when_from_to_and_why() -> None:
    row = transition_row("r1", "u1", ON, S.TOEGEWEZEN, S.GESTART, "  start  ")
    assert row == {
        "referral_id": "r1",
        "user_id": "u1",
        "on": ON,
        "from_status": "toegewezen",
        "to_status": "gestart",
        "reason": "start",
    }
    first = transition_row("r1", None, ON, None, S.NIEUW, "")
    assert first["from_status"] is None and first["to_status"] == "nieuw"
