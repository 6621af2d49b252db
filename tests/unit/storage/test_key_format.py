"""The key file is what docs/vault-format.md §3 says, so a vault written by one version opens in
the next: each test does the document's steps with the crypto libraries themselves."""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from amo_desktop.errors import CorruptVaultError, WrongPasswordError, WrongRecoveryKeyError
from amo_desktop.storage.keyslots import (
    KdfParams,
    Sidecar,
    b64d,
    b64e,
    new_password_slot,
    new_recovery_slot,
    now_iso,
    open_password_slot,
    open_recovery_slot,
    parse_recovery_key,
    reseal_password_slot,
    unwrap_dek,
    wrap_for_all,
)

KDF = KdfParams(8_192, 1, 1)
VAULT = "0c8a3c2e-vault"
# The same password typed precomposed (é) and decomposed (e + combining acute).
COMPOSED = "wacht-\u00e9\u00e9n"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)
RECOVERY_KEY = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){12}$")


# --- the document's steps -------------------------------------------------------------------
def b64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def canonical(**fields: Any) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def private_aad(vault_id: str, slot: dict[str, Any]) -> bytes:
    return canonical(
        purpose="private-key",
        role=slot["role"],
        slot_id=slot["slot_id"],
        user_id=slot["user_id"],
        vault_id=vault_id,
    )


def dek_aad(vault_id: str, slot: dict[str, Any], generation: int) -> bytes:
    return canonical(
        generation=generation,
        purpose="dek",
        role=slot["role"],
        slot_id=slot["slot_id"],
        user_id=slot["user_id"],
        vault_id=vault_id,
    )


def password_kek(password: str, kdf: dict[str, Any]) -> bytes:
    assert kdf["alg"] == "argon2id" and len(b64(kdf["salt"])) == 16
    return hash_secret_raw(
        unicodedata.normalize("NFC", password).encode("utf-8"),
        b64(kdf["salt"]),
        time_cost=kdf["iterations"],
        memory_cost=kdf["memory_kib"],
        parallelism=kdf["lanes"],
        hash_len=32,
        type=Type.ID,
        version=0x13,
    )


def recovery_kek(printed: str, kdf: dict[str, Any]) -> bytes:
    assert kdf == {"alg": "hkdf-sha256", "salt": kdf["salt"]} and len(b64(kdf["salt"])) == 16
    raw = base64.b32decode(printed.replace("-", "") + "====")
    info = b"amo-desktop recovery v1"
    return HKDF(hashes.SHA256(), 32, b64(kdf["salt"]), info).derive(raw)


def open_private(vault_id: str, slot: dict[str, Any], kek: bytes) -> X25519PrivateKey:
    assert len(b64(slot["private_nonce"])) == 12
    raw = AESGCM(kek).decrypt(
        b64(slot["private_nonce"]), b64(slot["private_ciphertext"]), private_aad(vault_id, slot)
    )
    private = X25519PrivateKey.from_private_bytes(raw)
    assert private.public_key().public_bytes_raw() == b64(slot["public_key"])
    return private


def wrap_key(shared: bytes, eph_pub: bytes, slot_pub: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, eph_pub + slot_pub, b"amo-desktop dek-wrap v1").derive(shared)


def unwrap(vault_id: str, slot: dict[str, Any], private: X25519PrivateKey, gen: dict) -> bytes:
    wrap = gen["wraps"][slot["slot_id"]]
    eph_pub = b64(wrap["ephemeral_public_key"])
    assert (len(eph_pub), len(b64(wrap["nonce"]))) == (32, 12)
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    key = wrap_key(shared, eph_pub, b64(slot["public_key"]))
    aad = dek_aad(vault_id, slot, gen["generation"])
    return AESGCM(key).decrypt(b64(wrap["nonce"]), b64(wrap["ciphertext"]), aad)


def seal_slot(vault_id: str, slot: dict[str, Any], kek: bytes, private: X25519PrivateKey) -> None:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(kek).encrypt(nonce, private.private_bytes_raw(), private_aad(vault_id, slot))
    slot["public_key"] = base64.b64encode(private.public_key().public_bytes_raw()).decode()
    slot["private_nonce"] = base64.b64encode(nonce).decode()
    slot["private_ciphertext"] = base64.b64encode(sealed).decode()


def wrap(vault_id: str, slot: dict[str, Any], generation: int, dek: bytes) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes_raw()
    slot_pub = b64(slot["public_key"])
    key = wrap_key(
        ephemeral.exchange(X25519PublicKey.from_public_bytes(slot_pub)), eph_pub, slot_pub
    )
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, dek, dek_aad(vault_id, slot, generation))
    return {
        "ephemeral_public_key": base64.b64encode(eph_pub).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(sealed).decode(),
    }


def salt() -> str:
    return base64.b64encode(secrets.token_bytes(16)).decode()


# --- the program writes, the document reads -----------------------------------------------
def test_a_key_file_the_program_writes_opens_by_the_documented_steps() -> None:
    dek = secrets.token_bytes(32)
    lea, _ = new_password_slot(VAULT, "user-1", "lea", "teamleader", DECOMPOSED, KDF)
    jan, _ = new_password_slot(VAULT, "user-2", "jan", "coach", "jan-pw", KDF)
    recovery, _, printed = new_recovery_slot(VAULT)
    slots = [lea, jan, recovery]
    deks = [wrap_for_all(VAULT, slots, 1, "current", dek)]
    deks.append(wrap_for_all(VAULT, slots, 2, "pending", secrets.token_bytes(32)))
    sidecar = Sidecar(VAULT, "Org", "2026-12-07T00:00:00+00:00", slots, deks)
    assert (sidecar.current().generation, sidecar.pending().generation) == (1, 2)  # type: ignore[union-attr]
    data = json.loads(sidecar.to_bytes())

    assert (data["format"], data["version"], data["vault_id"]) == ("amo-desktop-keys", 1, VAULT)
    by_login = {s["login"]: s for s in data["slots"]}
    assert by_login["lea"]["kdf"] == {
        "alg": "argon2id",
        "salt": by_login["lea"]["kdf"]["salt"],
        "memory_kib": 8_192,
        "iterations": 1,
        "lanes": 1,
    }
    assert (by_login["lea"]["kind"], by_login["jan"]["role"]) == ("password", "coach")
    assert by_login[""]["kind"] == "recovery"
    assert by_login[""]["user_id"] == by_login[""]["role"] == "recovery"
    assert RECOVERY_KEY.match(printed)
    assert [(g["generation"], g["state"]) for g in data["deks"]] == [(1, "current"), (2, "pending")]
    current = data["deks"][0]
    for slot, kek in (
        (by_login["lea"], password_kek(COMPOSED, by_login["lea"]["kdf"])),
        (by_login["jan"], password_kek("jan-pw", by_login["jan"]["kdf"])),
        (by_login[""], recovery_kek(printed, by_login[""]["kdf"])),
    ):
        assert unwrap(VAULT, slot, open_private(VAULT, slot, kek), current) == dek


def test_a_resealed_slot_keeps_its_key_pair_and_opens_with_the_new_password_only() -> None:
    slot, private = new_password_slot(VAULT, "user-2", "jan", "coach", "old-pw", KDF)
    stronger = KdfParams(16_384, 2, 1)
    resealed = reseal_password_slot(VAULT, slot, private, DECOMPOSED, stronger)

    assert (resealed.slot_id, resealed.user_id, resealed.role) == (slot.slot_id, "user-2", "coach")
    assert resealed.public_key == slot.public_key
    assert resealed.kdf["salt"] != slot.kdf["salt"]
    assert (resealed.kdf["memory_kib"], resealed.kdf["iterations"]) == (16_384, 2)
    opened = open_password_slot(VAULT, resealed, COMPOSED)
    assert opened.private_bytes_raw() == private.private_bytes_raw()
    with pytest.raises(WrongPasswordError):
        open_password_slot(VAULT, resealed, "old-pw")
    raw = json.loads(json.dumps(resealed.__dict__))
    assert open_private(VAULT, raw, password_kek(COMPOSED, raw["kdf"])).private_bytes_raw() == (
        private.private_bytes_raw()
    )


# --- the document writes, the program reads -------------------------------------------------
def documented_key_file(dek: bytes, recovery: bytes) -> bytes:
    """A key file made by the document's steps alone: a team leader, a coach, the recovery."""
    slots: list[dict[str, Any]] = []
    for user_id, login, role, password in (
        ("user-1", "lea", "teamleader", COMPOSED),
        ("user-2", "jan", "coach", "jan-pw"),
    ):
        kdf = {"alg": "argon2id", "salt": salt(), "memory_kib": 8_192, "iterations": 1, "lanes": 1}
        slot = {"slot_id": f"slot-{login}", "kind": "password", "user_id": user_id}
        slot |= {"login": login, "role": role, "kdf": kdf}
        seal_slot(VAULT, slot, password_kek(password, kdf), X25519PrivateKey.generate())
        slots.append(slot)
    kdf = {"alg": "hkdf-sha256", "salt": salt()}
    slot = {"slot_id": "slot-r", "kind": "recovery", "user_id": "recovery", "login": ""}
    slot |= {"role": "recovery", "kdf": kdf}
    printed = base64.b32encode(recovery).decode().rstrip("=")
    seal_slot(VAULT, slot, recovery_kek(printed, kdf), X25519PrivateKey.generate())
    slots.append(slot)
    # Generation 3: the AAD's generation is the generation's own number, not its position.
    wraps = {s["slot_id"]: wrap(VAULT, s, 3, dek) for s in slots}
    data = {"format": "amo-desktop-keys", "version": 1, "vault_id": VAULT}
    data |= {"organisation": "Org", "created_at": "2026-11-27T23:57:13+00:00", "slots": slots}
    data["deks"] = [{"generation": 3, "state": "current", "wraps": wraps}]
    return json.dumps(data).encode("utf-8")


def printed_with_look_alikes() -> tuple[bytes, str]:
    """A recovery key whose print holds O, I and B, typed the way people misread them."""
    while True:
        raw = secrets.token_bytes(32)
        text = base64.b32encode(raw).decode().rstrip("=")
        if {"O", "I", "B"} <= set(text):
            typed = text.replace("O", "0").replace("I", "1").replace("B", "8").lower()
            return raw, " ".join(typed[i : i + 4] for i in range(0, len(typed), 4))


def test_a_key_file_made_by_the_documented_steps_opens_in_the_program() -> None:
    dek = secrets.token_bytes(32)
    recovery, typed = printed_with_look_alikes()
    sidecar = Sidecar.from_bytes(documented_key_file(dek, recovery))

    assert (sidecar.failed_unlocks, sidecar.last_failed_unlock_at) == (0, None)
    assert sidecar.pending() is None and sidecar.current().generation == 3
    for login, password in (("lea", DECOMPOSED), (" JAN ", "jan-pw")):
        slot = sidecar.slot_for_login(login)
        assert slot is not None and not slot.must_change
        private = open_password_slot(VAULT, slot, password)
        assert unwrap_dek(VAULT, slot, private, sidecar.current()) == dek
    assert parse_recovery_key(typed) == recovery
    rslot = sidecar.recovery_slot()
    assert rslot is not None and rslot.slot_id == "slot-r"
    assert unwrap_dek(VAULT, rslot, open_recovery_slot(VAULT, rslot, typed), sidecar.current()) == (
        dek
    )


def test_only_password_slots_answer_to_a_login() -> None:
    sidecar = Sidecar.from_bytes(documented_key_file(secrets.token_bytes(32), bytes(32)))
    assert sidecar.slot_for_login("") is None
    assert sidecar.slot_for_login("  ") is None
    assert sidecar.slot_for_login("le") is None
    found = sidecar.slot_for_user("user-2")
    assert found is not None and found.login == "jan"
    assert sidecar.slot_for_user("nobody") is None


@pytest.mark.parametrize(
    "edit",
    [
        {"format": "amo-desktop-keys", "version": 2},
        {"format": "other", "version": 1},
        {"slots": [{"slot_id": "x"}]},
        {"deks": [{"generation": 1}]},
        {"unknown": 1},
    ],
)
def test_a_key_file_of_another_format_or_shape_is_corrupt(edit: dict[str, Any]) -> None:
    data = json.loads(documented_key_file(secrets.token_bytes(32), bytes(32)))
    with pytest.raises(CorruptVaultError):
        Sidecar.from_bytes(json.dumps(data | edit).encode())
    with pytest.raises(CorruptVaultError):
        Sidecar.from_bytes(b"\xff\xfe not utf-8")


def test_the_dek_of_one_generation_does_not_open_as_another() -> None:
    dek = secrets.token_bytes(32)
    sidecar = Sidecar.from_bytes(documented_key_file(dek, bytes(32)))
    slot = sidecar.slot_for_login("jan")
    assert slot is not None
    private = open_password_slot(VAULT, slot, "jan-pw")
    moved = sidecar.current()
    moved.generation = 4
    with pytest.raises(WrongPasswordError):
        unwrap_dek(VAULT, slot, private, moved)


@pytest.mark.parametrize(
    "printed", ["", "AAAA", "A" * 51, "A" * 60, "!!!!-????", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAA1"]
)
def test_a_recovery_key_of_the_wrong_length_is_refused(printed: str) -> None:
    with pytest.raises(WrongRecoveryKeyError):
        parse_recovery_key(printed)


def test_a_slot_is_weaker_when_its_memory_or_its_passes_are_below() -> None:
    base = KdfParams(131_072, 8, 4)
    assert KdfParams(65_536, 8, 4).weaker_than(base)
    assert KdfParams(131_072, 7, 4).weaker_than(base)
    assert KdfParams(262_144, 3, 4).weaker_than(base)
    assert not KdfParams(131_072, 8, 1).weaker_than(base)
    assert not KdfParams(131_072, 8, 4).weaker_than(base)
    assert not KdfParams(262_144, 9, 4).weaker_than(base)


@pytest.mark.parametrize("text", ["AAAA!", "AA AA", "AAAA\n", "AAAA-_=="])
def test_binary_values_are_read_as_standard_base64_only(text: str) -> None:
    assert b64d(b64e(bytes(range(7)))) == bytes(range(7))
    with pytest.raises(ValueError):
        b64d(text)


def test_the_key_file_is_saved_private_and_read_back_whole(tmp_path: Path) -> None:
    sidecar = Sidecar.from_bytes(documented_key_file(secrets.token_bytes(32), bytes(32)))
    path = tmp_path / "vault.keys"
    sidecar.save(path)
    assert json.loads(path.read_bytes()) == json.loads(sidecar.to_bytes())
    assert Sidecar.load(path) == sidecar
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.keys"]
    if os.name != "nt":
        assert path.stat().st_mode & 0o777 == 0o600
    copy = sidecar.copy()
    assert copy == sidecar
    copy.slots[0].login = "changed"
    assert sidecar.slots[0].login == "lea"


def test_a_key_file_without_a_recovery_slot_has_none() -> None:
    data = json.loads(documented_key_file(secrets.token_bytes(32), bytes(32)))
    data["slots"] = [s for s in data["slots"] if s["kind"] != "recovery"]
    sidecar = Sidecar.from_bytes(json.dumps(data).encode())
    assert sidecar.recovery_slot() is None and sidecar.pending() is None


def test_times_in_the_key_file_are_utc_whole_seconds() -> None:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", now_iso())
