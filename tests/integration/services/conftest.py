"""A vault with a team leader, two coaches, schools and funders: the caseload's stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from amo_desktop.domain.identity import Identity
from amo_desktop.services import accounts, reference
from amo_desktop.services.intake import ReferralInput
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD

COACH_PASSWORD = "coach-wachtwoord"
YEAR = 2025
TODAY = date(2026, 2, 2)


@dataclass
class Stage:
    vault: Vault
    leader: Identity
    an: Identity
    yusuf: Identity
    schools: dict[str, str]
    pool: str
    klasbakken: str


def identity_of(vault: Vault, login: str) -> Identity:
    slot = vault.sidecar.slot_for_login(login)
    assert slot is not None
    return Identity(slot.user_id, slot.login, slot.role)


@pytest.fixture
def stage(vault: Vault) -> Stage:
    leader = vault.identity
    assert leader is not None and leader.login == LEADER
    accounts.add_user(vault, leader, "an", "coach", "An", COACH_PASSWORD)
    accounts.add_user(vault, leader, "yusuf", "coach", "Yusuf", COACH_PASSWORD)
    with vault.session() as s:
        schools = {
            name: reference.add_school(s, leader, name, municipality=town).id
            for name, town in (
                ("Sint-Martinus Asse", "Asse"),
                ("GTSM Merchtem", "Merchtem"),
                ("VKO Opwijk", "Opwijk"),
            )
        }
        pool = reference.add_funder(s, leader, "Urenoverdracht AMO", "urenoverdracht").id
        klasbakken = reference.add_funder(s, leader, "Plan Samenleven", "plan_samenleven").id
        reference.load_flemish_holidays(s, leader, YEAR)
    _ = LEADER_PASSWORD
    return Stage(
        vault,
        leader,
        identity_of(vault, "an"),
        identity_of(vault, "yusuf"),
        schools,
        pool,
        klasbakken,
    )


def youth_referral(
    school_id: str,
    first: str = "Zoë",
    last: str = "Peeters",
    received: date = date(2025, 10, 6),
    **extra: object,
) -> ReferralInput:
    data = ReferralInput(
        received_on=received,
        school_id=school_id,
        subject_kind="jongere",
        offer_type="individuele_begeleiding",
        prevention_level="curatief",
        reasons=["spijbelen", "schoolmoeheid"],
        help_question="Komt niet meer naar school.",
        youth_first_name=first,
        youth_last_name=last,
        consent_youth=True,
    )
    for key, value in extra.items():
        setattr(data, key, value)
    return data
