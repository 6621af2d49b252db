"""Key slots: the password or recovery key opens the DEK; any edit to a slot is detected (R4)."""

from __future__ import annotations

import json
import secrets

import pytest

from amo_desktop.errors import CorruptVaultError, WrongPasswordError, WrongRecoveryKeyError
from amo_desktop.storage.keyslots import (
    KdfParams,
    Sidecar,
    new_password_slot,
    new_recovery_slot,
    now_iso,
    open_password_slot,
    open_recovery_slot,
    parse_recovery_key,
    unwrap_dek,
    wrap_for_all,
)

KDF = KdfParams(8_192, 1, 1)
VAULT = "vault-0001"


def make_sidecar() -> tuple[Sidecar, bytearray, str]:
    dek = bytearray(secrets.token_bytes(32))
    slot, _ = new_password_slot(VAULT, "user-1", "lea", "teamleader", "pw-één", KDF)
    coach, _ = new_password_slot(VAULT, "user-2", "jan", "coach", "pw-jan", KDF)
    recovery, _, key = new_recovery_slot(VAULT)
    slots = [slot, coach, recovery]
    sidecar = Sidecar(
        VAULT, "Org", now_iso(), slots, [wrap_for_all(VAULT, slots, 1, "current", dek)]
    )
    return sidecar, dek, key


def test_each_slot_opens_the_same_dek() -> None:
    sidecar, dek, key = make_sidecar()
    for login, password in (("lea", "pw-één"), ("JAN", "pw-jan")):
        slot = sidecar.slot_for_login(login)
        assert slot is not None
        private = open_password_slot(VAULT, slot, password)
        assert unwrap_dek(VAULT, slot, private, sidecar.current()) == dek
    rslot = sidecar.recovery_slot()
    assert rslot is not None
    private = open_recovery_slot(VAULT, rslot, key.lower().replace("-", " "))
    assert unwrap_dek(VAULT, rslot, private, sidecar.current()) == dek


def test_wrong_password_and_wrong_recovery_key_are_rejected() -> None:
    sidecar, _, _key = make_sidecar()
    slot = sidecar.slot_for_login("lea")
    assert slot is not None
    with pytest.raises(WrongPasswordError):
        open_password_slot(VAULT, slot, "pw-een")
    rslot = sidecar.recovery_slot()
    assert rslot is not None
    other = new_recovery_slot(VAULT)[2]
    with pytest.raises(WrongRecoveryKeyError):
        open_recovery_slot(VAULT, rslot, other)
    with pytest.raises(WrongRecoveryKeyError):
        parse_recovery_key("ABCD-EFGH")


@pytest.mark.parametrize(
    "field,value", [("role", "teamleader"), ("user_id", "user-1"), ("slot_id", "forged")]
)
def test_a_slot_whose_role_or_user_was_edited_is_rejected(field: str, value: str) -> None:
    sidecar, _, _ = make_sidecar()
    raw = json.loads(sidecar.to_bytes())
    coach = next(s for s in raw["slots"] if s["login"] == "jan")
    old_slot_id = coach["slot_id"]
    coach[field] = value
    if field == "slot_id":
        for generation in raw["deks"]:
            generation["wraps"][value] = generation["wraps"].pop(old_slot_id)
    edited = Sidecar.from_bytes(json.dumps(raw).encode())
    slot = edited.slot_for_login("jan")
    assert slot is not None
    with pytest.raises(WrongPasswordError):
        private = open_password_slot(VAULT, slot, "pw-jan")
        unwrap_dek(VAULT, slot, private, edited.current())


def test_a_slot_from_another_vault_is_rejected() -> None:
    sidecar, _, _ = make_sidecar()
    slot = sidecar.slot_for_login("lea")
    assert slot is not None
    with pytest.raises(WrongPasswordError):
        open_password_slot("another-vault", slot, "pw-één")


def test_sidecar_round_trip_and_garbage() -> None:
    sidecar, _, _ = make_sidecar()
    assert Sidecar.from_bytes(sidecar.to_bytes()).to_bytes() == sidecar.to_bytes()
    for garbage in (b"", b"{}", b"not json", b'{"format": "other", "version": 1}'):
        with pytest.raises(CorruptVaultError):
            Sidecar.from_bytes(garbage)


def test_sidecar_holds_no_secret_in_clear() -> None:
    sidecar, dek, key = make_sidecar()
    text = sidecar.to_bytes()
    assert bytes(dek) not in text and bytes(dek).hex().encode() not in text
    assert b"pw-jan" not in text and key.encode() not in text
    assert parse_recovery_key(key) not in text
