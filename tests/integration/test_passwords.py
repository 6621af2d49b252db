"""R19 any password works; R5 passwords are NFC-normalised and weak slots re-wrapped; R2 a wrong
password fails at unlock with a typed error. Real vaults in temporary folders, cheap Argon2id."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.pool import QueuePool

from amo_desktop.domain.models import User
from amo_desktop.services import accounts
from amo_desktop.storage.errors import WrongPasswordError
from amo_desktop.storage.keyslots import KdfParams, Sidecar
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD

NASTY_PASSWORDS = [
    "\"double\" and 'single' quotes",
    "@:/?#%",
    "user:pass@host/db?key=x#frag%20%00",
    "back\\slash\\\\ and \\x00 and \\n",
    "'; DROP TABLE users; --",
    "\"; PRAGMA key='x'; --",
    "x'00112233'",
    "emoji 🙂🔐 family 👩‍👩‍👧 flag 🇧🇪",
    "Ω≈ç√∫ ĳ Ǆ ﬁ ß ẞ İ ı",
    "عربى עברית\u200f mixed \u202e RTL",
    "zero\u200bwidth\ufeffbom",
    "line\u2028sep\ttab\nnewline\r\n",
    "%s %d {0} {} $(whoami) `id`",
    "x" * 200,
    ("é🙂'\"\\%@:/?#" * 20)[:200],
    "  leading and trailing spaces  ",
    " ",
    "a",
]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def near_misses(password: str) -> list[str]:
    """Passwords one small edit away that are not the same password after NFC."""
    candidates = [
        password + "x",
        "x" + password,
        password[:-1],
        password[1:],
        password.strip(),
        password.swapcase(),
        password[:-1] + ("b" if password[-1:] != "b" else "c"),
        password + " ",
        " " + password,
    ]
    wanted = nfc(password)
    misses: list[str] = []
    for candidate in candidates:
        if nfc(candidate) != wanted and candidate not in misses:
            misses.append(candidate)
    return misses


def check_password_round_trip(folder: Path, password: str) -> None:
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create("Groep INTRO", LEADER, "Lea Peeters", password)
    vault.lock()
    try:
        identity = vault.unlock(LEADER, password)
        assert identity.login == LEADER
        with vault.session() as s:
            assert s.scalar(select(User.full_name).where(User.login == LEADER)) == "Lea Peeters"
        vault.lock()
        misses = near_misses(password)
        assert misses, "every password has near misses"
        for wrong in misses:
            with pytest.raises(WrongPasswordError):
                vault.unlock(LEADER, wrong)
            assert not vault.is_unlocked
        vault.unlock(LEADER, password)  # the failed attempts changed nothing
    finally:
        vault.lock()


@pytest.mark.parametrize("password", NASTY_PASSWORDS, ids=range(len(NASTY_PASSWORDS)))
def test_r19_nasty_passwords_open_their_vault_and_near_misses_do_not(
    tmp_path: Path, password: str
) -> None:
    check_password_round_trip(tmp_path / "data", password)


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    password=st.text(
        alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
        min_size=1,
        max_size=200,
    )
)
@example(password="'; DROP TABLE users; --")
@example(password=" \\ ")
def test_r19_any_nul_free_unicode_password_works(password: str) -> None:
    with tempfile.TemporaryDirectory(prefix="amo-r19-") as tmp:
        check_password_round_trip(Path(tmp) / "data", password)


def test_r19_nasty_passwords_through_the_services(vault_dir: Path) -> None:
    """create_vault, add_user and change_password keep every character of the password."""
    leader_pw, coach_pw, new_pw = NASTY_PASSWORDS[4], NASTY_PASSWORDS[7], NASTY_PASSWORDS[15]
    vault = Vault(vault_dir, kdf=FAST_KDF)
    accounts.create_vault(vault, "Groep INTRO", LEADER, "Lea Peeters", leader_pw)
    try:
        assert vault.identity is not None
        accounts.add_user(vault, vault.identity, "coach1", "coach", "Coach Een", coach_pw)
        accounts.change_password(vault, vault.identity, leader_pw, new_pw)
        vault.lock()
        vault.unlock("coach1", coach_pw)
        vault.lock()
        with pytest.raises(WrongPasswordError):
            vault.unlock(LEADER, leader_pw)
        with pytest.raises(WrongPasswordError):
            vault.unlock(LEADER, new_pw.strip())
        assert vault.unlock(LEADER, new_pw).role == "teamleader"
    finally:
        vault.lock()


def test_r19_the_pool_is_chosen_explicitly(vault: Vault) -> None:
    assert type(vault.engine.pool) is QueuePool


# --- R5 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed_at_create", "typed_at_unlock"),
    [
        ("caf\u00e9-wachtwoord", "cafe\u0301-wachtwoord"),  # é precomposed, then decomposed
        ("cafe\u0301-wachtwoord", "caf\u00e9-wachtwoord"),  # and the other way round
        ("\ud55c\uae00-wachtwoord", "\u1112\u1161\u11ab\u1100\u1173\u11af-wachtwoord"),  # Hangul
    ],
)
def test_r5_canonically_equal_passwords_open_the_same_slot(
    vault_dir: Path, typed_at_create: str, typed_at_unlock: str
) -> None:
    assert typed_at_create != typed_at_unlock and nfc(typed_at_create) == nfc(typed_at_unlock)
    vault = Vault(vault_dir, kdf=FAST_KDF)
    vault.create("Groep INTRO", LEADER, "Lea Peeters", typed_at_create)
    vault.lock()
    try:
        slot_before = vault.inventory().slot_for_login(LEADER)
        assert vault.unlock(LEADER, typed_at_unlock).login == LEADER
        vault.lock()
        assert vault.unlock(LEADER, typed_at_create).login == LEADER
        vault.lock()
        assert vault.inventory().slot_for_login(LEADER) == slot_before, "one slot, unchanged"
        with pytest.raises(WrongPasswordError):
            vault.unlock(LEADER, "cafe-wachtwoord")
    finally:
        vault.lock()


def test_r5_weaker_slot_is_rewrapped_on_unlock(vault: Vault) -> None:
    vault.lock()
    old = vault.inventory().slot_for_login(LEADER)
    assert old is not None and old.kdf["memory_kib"] == FAST_KDF.memory_kib
    stronger = KdfParams(memory_kib=16_384, iterations=2, lanes=1)
    upgraded = Vault(vault.data_dir, kdf=stronger)
    upgraded.unlock(LEADER, LEADER_PASSWORD)
    upgraded.lock()
    new = Sidecar.load(vault.keys_path).slot_for_login(LEADER)
    assert new is not None
    assert (new.kdf["memory_kib"], new.kdf["iterations"]) == (16_384, 2)
    assert new.kdf["salt"] != old.kdf["salt"]
    assert new.private_ciphertext != old.private_ciphertext
    assert vault.unlock(LEADER, LEADER_PASSWORD).login == LEADER
    vault.lock()
    with pytest.raises(WrongPasswordError):
        vault.unlock(LEADER, LEADER_PASSWORD + " ")
