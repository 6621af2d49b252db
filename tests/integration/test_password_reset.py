"""Issue 15: the team leader resets a user's forgotten password to a one-time password; the key
file marks the slot until the user chooses their own. Real vaults, cheap Argon2id."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from amo_desktop.domain.models import AuditEvent
from amo_desktop.errors import PermissionDeniedError, ValidationError, WrongPasswordError
from amo_desktop.services import accounts, password_policy
from amo_desktop.storage.keyslots import Sidecar
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD

COACH_PASSWORD = "coach-wachtwoord-sterk"
ONCE = "eenmalig-Wachtwoord-7q"
OWN = "mijn-eigen-Wachtwoord-9z"


def _with_coach(vault: Vault) -> None:
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan Janssens", COACH_PASSWORD)


def _slot_mark(vault: Vault, login: str) -> bool:
    slot = Sidecar.load(vault.keys_path).slot_for_login(login)
    assert slot is not None
    return slot.must_change


def test_an_old_key_file_without_the_mark_loads_unmarked(vault: Vault) -> None:
    data = json.loads(vault.keys_path.read_bytes())
    for slot in data["slots"]:
        assert slot.pop("must_change") is False
    sidecar = Sidecar.from_bytes(json.dumps(data).encode())
    assert all(not s.must_change for s in sidecar.slots)


def test_the_reset_marks_the_slot_and_the_users_own_password_clears_it(vault: Vault) -> None:
    _with_coach(vault)
    accounts.reset_password(vault, vault.identity, "jan", ONCE)
    assert _slot_mark(vault, "jan") and not _slot_mark(vault, LEADER)
    with vault.session() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "user.password_reset")
        ).one()
        assert ONCE not in (event.detail or "")
    vault.lock()
    with pytest.raises(WrongPasswordError):
        vault.unlock("jan", COACH_PASSWORD)  # the forgotten one no longer opens
    outcome = accounts.unlock(vault, "jan", ONCE)
    assert outcome.must_change and not outcome.change_password
    accounts.change_password(vault, outcome.identity, ONCE, OWN)
    assert not _slot_mark(vault, "jan")
    vault.lock()
    assert not accounts.unlock(vault, "jan", OWN).must_change


def test_a_coach_cannot_reset_and_nobody_resets_their_own(vault: Vault) -> None:
    _with_coach(vault)
    vault.lock()
    coach = vault.unlock("jan", COACH_PASSWORD)
    with pytest.raises(PermissionDeniedError):
        accounts.reset_password(vault, coach, LEADER, ONCE)
    vault.lock()
    leader = vault.unlock(LEADER, LEADER_PASSWORD)
    with pytest.raises(ValidationError):
        accounts.reset_password(vault, leader, LEADER, ONCE)
    with pytest.raises(ValidationError):
        accounts.reset_password(vault, leader, "niemand", ONCE)
    with pytest.raises(ValidationError):
        accounts.reset_password(vault, leader, "jan", "kort")  # the policy holds
    assert not _slot_mark(vault, "jan")


def test_the_proposed_password_passes_the_policy() -> None:
    proposals = {accounts.password_proposal() for _ in range(20)}
    assert len(proposals) == 20
    assert all(password_policy.password_verdict(p).ok for p in proposals)
