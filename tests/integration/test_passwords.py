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
from amo_desktop.errors import ValidationError, WrongPasswordError, WrongRecoveryKeyError
from amo_desktop.services import accounts
from amo_desktop.storage.keyslots import KdfParams, Sidecar
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD, copy_into

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
    opens_only_with(vault, password)


def opens_only_with(vault: Vault, password: str) -> None:
    """The locked vault opens with `password` and refuses every near miss of it (no daily
    backup: what is asked here is the key file)."""
    try:
        identity = vault.unlock(LEADER, password, daily_backup=False)
        assert identity.login == LEADER
        with vault.session() as s:
            assert s.scalar(select(User.full_name).where(User.login == LEADER)) == "Lea Peeters"
        vault.lock()
        misses = near_misses(password)
        assert misses, "every password has near misses"
        for wrong in misses:
            with pytest.raises(WrongPasswordError):
                vault.unlock(LEADER, wrong, daily_backup=False)
            assert not vault.is_unlocked
        vault.unlock(LEADER, password, daily_backup=False)  # the failed attempts changed nothing
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
def test_r19_any_nul_free_unicode_password_works(
    template_vault: tuple[Path, str], password: str
) -> None:
    """Set as a new password of a copy of the session's vault (making a vault per example
    would spend most of a second on the migrations; the nasty list above makes each one)."""
    with tempfile.TemporaryDirectory(prefix="amo-r19-") as tmp:
        vault = Vault(Path(tmp) / "data", kdf=FAST_KDF)
        copy_into(template_vault[0], vault.data_dir)
        vault.unlock(LEADER, LEADER_PASSWORD, daily_backup=False)
        vault.change_password(LEADER_PASSWORD, password)
        vault.lock()
        opens_only_with(vault, password)


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


# --- issue 12: the rule for new passwords, and failed unlocks --------------------------------
WEAK = ["12345678", "password1234"]


@pytest.mark.parametrize("weak", WEAK)
def test_every_service_that_sets_a_password_refuses_a_weak_one(
    vault: Vault, created_vault: tuple[Vault, str], weak: str
) -> None:
    _vault, recovery = created_vault
    leader = vault.identity
    assert leader is not None
    keys_before = vault.keys_path.read_bytes()
    with pytest.raises(ValidationError) as added:
        accounts.add_user(vault, leader, "jan", "coach", "Jan Janssens", weak)
    assert added.value.field == "password" and "\n" not in added.value.message("nl")
    with pytest.raises(ValidationError) as changed:
        accounts.change_password(vault, leader, LEADER_PASSWORD, weak)
    assert changed.value.field == "new_password"
    vault.lock()
    with pytest.raises(ValidationError):
        accounts.reset_password_with_recovery(vault, LEADER, recovery, weak)
    assert vault.keys_path.read_bytes() == keys_before, "nothing changed"
    assert [u.login for u in _users(vault)] == [LEADER]


def test_a_new_vault_refuses_a_weak_password_and_the_users_own_words(vault_dir: Path) -> None:
    fresh = Vault(vault_dir, kdf=FAST_KDF)
    for weak in [*WEAK, "PeetersLea12"]:  # the last one: login and name of the user
        with pytest.raises(ValidationError) as refused:
            accounts.create_vault(fresh, "Groep INTRO", LEADER, "Lea Peeters", weak)
        assert refused.value.field == "password"
    assert not fresh.exists()
    accounts.create_vault(fresh, "Groep INTRO", "jan", "Jan Janssens", "PeetersLea12")
    fresh.lock()


def test_joining_a_team_refuses_a_weak_password_before_making_anything(
    vault: Vault, tmp_path: Path
) -> None:
    from amo_desktop.services import exchange

    leader = vault.identity
    assert leader is not None
    accounts.add_user(vault, leader, "jan", "coach", "Jan Janssens", "coach-wachtwoord")
    cheap = {"memory_kib": 8_192, "iterations": 1, "lanes": 1}
    invitation = exchange.invite(vault, leader, "jan", kdf=cheap)
    laptop = Vault(tmp_path / "laptop", kdf=FAST_KDF)
    for weak in [*WEAK, "JanssensJan1"]:
        with pytest.raises(ValidationError):
            exchange.join(laptop, invitation.data, invitation.code, weak)
        assert not laptop.exists()
    exchange.join(laptop, invitation.data, invitation.code, "eigen-laptop-wachtwoord")
    laptop.lock()


def _users(vault: Vault) -> list[accounts.UserInfo]:
    identity = vault.unlock(LEADER, LEADER_PASSWORD)
    try:
        return accounts.list_users(vault, identity)
    finally:
        vault.lock()


def test_an_old_weak_password_keeps_working_and_is_asked_to_change(vault_dir: Path) -> None:
    old = Vault(vault_dir, kdf=FAST_KDF)
    old.create("Groep INTRO", LEADER, "Lea Peeters", "password1234")  # before the rule
    old.lock()
    outcome = accounts.unlock(old, LEADER, "password1234")
    try:
        assert outcome.identity.login == LEADER and outcome.change_password
        accounts.change_password(old, outcome.identity, "password1234", LEADER_PASSWORD)
    finally:
        old.lock()
    assert not accounts.unlock(old, LEADER, LEADER_PASSWORD).change_password
    old.lock()


def test_failed_unlocks_are_counted_then_told_once_and_reset(vault: Vault) -> None:
    vault.lock()
    for login, password in ((LEADER, "fout-1"), (LEADER, "fout-2"), ("niemand", "x")):
        with pytest.raises(WrongPasswordError):
            vault.unlock(login, password)
    sidecar = Sidecar.load(vault.keys_path)
    assert sidecar.failed_unlocks == 3 and sidecar.last_failed_unlock_at is not None
    raw = vault.keys_path.read_text(encoding="utf-8")
    assert "fout-1" not in raw and "niemand" not in raw, "count and time only"
    assert accounts.unlock(vault, LEADER, LEADER_PASSWORD).failed_attempts == 3
    vault.lock()
    after = Sidecar.load(vault.keys_path)
    assert (after.failed_unlocks, after.last_failed_unlock_at) == (0, None)
    assert accounts.unlock(vault, LEADER, LEADER_PASSWORD).failed_attempts == 0
    vault.lock()


def test_the_count_can_wait_until_the_user_was_told(vault: Vault) -> None:
    vault.lock()
    with pytest.raises(WrongPasswordError):
        vault.unlock(LEADER, "fout")
    assert accounts.unlock(vault, LEADER, LEADER_PASSWORD, reset_failures=False).failed_attempts
    vault.lock()
    assert Sidecar.load(vault.keys_path).failed_unlocks == 1
    vault.reset_failed_unlocks()
    assert Sidecar.load(vault.keys_path).failed_unlocks == 0


def test_a_wrong_recovery_key_counts_and_the_reset_tells_it(
    created_vault: tuple[Vault, str],
) -> None:
    vault, recovery = created_vault
    vault.lock()
    with pytest.raises(WrongRecoveryKeyError):
        vault.unlock_with_recovery("AAAA-" * 12 + "AAAA")
    with pytest.raises(WrongPasswordError):
        vault.unlock(LEADER, "vergeten")
    accounts.reset_password_with_recovery(vault, LEADER, recovery, "nieuw-sterk-wachtwoord")
    assert vault.failed_unlocks == 2
    vault.lock()
    assert Sidecar.load(vault.keys_path).failed_unlocks == 0


def test_a_failure_while_another_program_has_the_vault_open_is_not_counted(
    vault: Vault,
) -> None:
    """The writer lock guards the key file; the refusal is still the wrong-password error."""
    other = Vault(vault.data_dir, kdf=FAST_KDF)
    before = vault.keys_path.read_bytes()
    with pytest.raises(WrongPasswordError):
        other.unlock(LEADER, "fout")
    assert vault.keys_path.read_bytes() == before
    vault.add_slot("u2", "piet", "coach", "coach-wachtwoord")  # the open vault's own writes
    assert Sidecar.load(vault.keys_path).slot_for_login("piet") is not None
