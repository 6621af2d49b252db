"""The vault's life: create, unlock, errors that change nothing, revocation, recovery, schema."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

import pytest

from amo_desktop.errors import (
    CorruptVaultError,
    NewerSchemaError,
    VaultExistsError,
    VaultLockedError,
    VaultMissingError,
    WrongPasswordError,
    WrongRecoveryKeyError,
)
from amo_desktop.services import accounts
from amo_desktop.services.restore import restore_backup
from amo_desktop.storage import integrity, migrate
from amo_desktop.storage.engine import connect_keyed
from amo_desktop.storage.keyslots import KdfParams, Sidecar
from amo_desktop.storage.vault import Vault
from tests.conftest import (
    FAST_KDF,
    LEADER,
    LEADER_PASSWORD,
    corrupt_a_page,
    keys_without_failure_count,
)

COACH_PASSWORD = "coach-wachtwoord"


def snapshot(folder: Path) -> dict[str, str]:
    """Content hashes of every file except the (empty) lock file."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "vault.lock"
    }


def test_create_makes_private_files_and_refuses_a_second_create(vault: Vault) -> None:
    assert vault.db_path.exists() and vault.keys_path.exists()
    if os.name != "nt":
        for path in (vault.keys_path, vault.db_path, Path(f"{vault.db_path}-wal")):
            assert oct(path.stat().st_mode & 0o777) == "0o600", path
    with pytest.raises(VaultExistsError):
        Vault(vault.data_dir, kdf=FAST_KDF).create("X", "x", "X", "password123")


def test_missing_vault_has_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(VaultMissingError) as info:
        Vault(tmp_path / "nothing", kdf=FAST_KDF).unlock("lea", "pw")
    assert "init" in info.value.message("nl")
    assert not (tmp_path / "nothing").exists()


def test_wrong_password_changes_nothing_on_disk_but_the_failure_count(vault: Vault) -> None:
    """Issue 12: only the count and time of failed unlocks change in the key file."""
    vault.lock()
    before = snapshot(vault.data_dir)
    keys_before = keys_without_failure_count(vault.keys_path)
    for login, password in ((LEADER, "fout"), ("nobody", LEADER_PASSWORD)):
        with pytest.raises(WrongPasswordError):
            vault.unlock(login, password)
    after = snapshot(vault.data_dir)
    assert {k: v for k, v in after.items() if k != "vault.keys"} == {
        k: v for k, v in before.items() if k != "vault.keys"
    }
    assert keys_without_failure_count(vault.keys_path) == keys_before
    assert vault.inventory().failed_unlocks == 2
    assert not vault.is_unlocked


def test_a_second_instance_is_refused_until_the_first_locks(vault: Vault) -> None:
    other = Vault(vault.data_dir, kdf=FAST_KDF)
    with pytest.raises(VaultLockedError) as info:
        other.unlock(LEADER, LEADER_PASSWORD)
    assert "ander" in info.value.message("nl")
    vault.lock()
    other.unlock(LEADER, LEADER_PASSWORD)
    other.lock()


def test_weaker_slots_are_rewrapped_after_unlock(vault_dir: Path) -> None:
    weak = KdfParams(8_192, 1, 1)
    strong = KdfParams(16_384, 2, 1)
    vault = Vault(vault_dir, kdf=weak)
    accounts.create_vault(vault, "Org", LEADER, "Lea", LEADER_PASSWORD)
    vault.lock()
    upgraded = Vault(vault_dir, kdf=strong)
    upgraded.unlock(LEADER, LEADER_PASSWORD)
    upgraded.lock()
    slot = Sidecar.load(vault_dir / "vault.keys").slot_for_login(LEADER)
    assert slot is not None
    assert (slot.kdf["memory_kib"], slot.kdf["iterations"]) == (16_384, 2)
    upgraded.unlock(LEADER, LEADER_PASSWORD)
    upgraded.lock()


def test_recovery_key_resets_a_forgotten_password(created_vault: tuple[Vault, str]) -> None:
    vault, recovery = created_vault
    vault.lock()
    with pytest.raises(WrongRecoveryKeyError):
        accounts.reset_password_with_recovery(vault, LEADER, "AAAA-" * 12 + "AAAA", "nieuw-pw-123")
    identity = accounts.reset_password_with_recovery(vault, LEADER, recovery, "nieuw-pw-123")
    assert identity.login == LEADER
    vault.lock()
    with pytest.raises(WrongPasswordError):
        vault.unlock(LEADER, LEADER_PASSWORD)
    vault.unlock(LEADER, "nieuw-pw-123")


def test_change_password_rewrites_only_that_slot(vault: Vault) -> None:
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", COACH_PASSWORD)
    before = {s.slot_id: s for s in vault.sidecar.slots}
    accounts.change_password(vault, vault.identity, LEADER_PASSWORD, "ander-wachtwoord")
    after = {s.slot_id: s for s in vault.sidecar.slots}
    changed = [sid for sid in before if before[sid] != after[sid]]
    assert changed == [vault.sidecar.slot_for_login(LEADER).slot_id]  # type: ignore[union-attr]
    vault.lock()
    vault.unlock(LEADER, "ander-wachtwoord")


def _add_coach(vault: Vault) -> bytes:
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", COACH_PASSWORD)
    return bytes(vault._require_dek())


def test_removing_a_user_revokes_the_slot_and_rotates_the_key(vault: Vault) -> None:
    old_dek = _add_coach(vault)
    accounts.remove_user(vault, vault.identity, "jan")
    assert bytes(vault._require_dek()) != old_dek
    assert vault.sidecar.current().generation == 2 and vault.sidecar.pending() is None
    vault.lock()
    with pytest.raises(WrongPasswordError):
        vault.unlock("jan", COACH_PASSWORD)
    with pytest.raises(CorruptVaultError):
        connect_keyed(vault.db_path, old_dek).close()
    vault.unlock(LEADER, LEADER_PASSWORD)
    users = accounts.list_users(vault, vault.identity, include_removed=True)
    assert [(u.login, u.active) for u in users] == [("jan", False), (LEADER, True)]


class Crash(Exception):
    pass


@pytest.mark.parametrize("point", ["after-pending", "after-rekey"])
def test_rotation_interrupted_at_any_point_leaves_an_openable_vault(
    vault: Vault, point: str
) -> None:
    _add_coach(vault)
    jan = vault.sidecar.slot_for_login("jan")
    assert jan is not None

    def crash(at: str) -> None:
        if at == point:
            raise Crash(at)

    with pytest.raises(Crash):
        vault.remove_slot_and_rotate(jan.user_id, crash=crash)
    vault.lock()
    survivor = Vault(vault.data_dir, kdf=FAST_KDF)
    with pytest.raises(WrongPasswordError):
        survivor.unlock("jan", COACH_PASSWORD)
    survivor.unlock(LEADER, LEADER_PASSWORD)
    assert len(accounts.list_users(survivor, survivor.identity)) == 2
    survivor.lock()
    sidecar = Sidecar.load(vault.keys_path)
    expected = 1 if point == "after-pending" else 2
    assert sidecar.current().generation == expected
    if point == "after-rekey":
        assert sidecar.pending() is None  # unlock finished the rotation


def test_coach_cannot_manage_users(vault: Vault) -> None:
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", COACH_PASSWORD)
    vault.lock()
    coach = vault.unlock("jan", COACH_PASSWORD)
    from amo_desktop.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        accounts.add_user(vault, coach, "piet", "coach", "Piet", COACH_PASSWORD)
    with pytest.raises(PermissionDeniedError):
        accounts.remove_user(vault, coach, LEADER)
    assert [u.login for u in accounts.list_users(vault, coach)] == ["jan", LEADER]


def test_last_team_leader_and_self_cannot_be_removed(vault: Vault) -> None:
    from amo_desktop.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        accounts.remove_user(vault, vault.identity, LEADER)
    assert info.value.field == "login"


def test_newer_schema_is_refused_and_nothing_changes(vault: Vault) -> None:
    with vault.raw_connection() as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
        conn.commit()
    vault.lock()
    before = snapshot(vault.data_dir)
    with pytest.raises(NewerSchemaError) as info:
        vault.unlock(LEADER, LEADER_PASSWORD)
    assert "nieuwere versie" in info.value.message("nl")
    assert snapshot(vault.data_dir) == before
    assert not vault.is_unlocked


def test_older_schema_is_backed_up_then_migrated(vault: Vault) -> None:
    migrate.downgrade(vault.engine, "0001")
    vault.lock()
    vault.unlock(LEADER, LEADER_PASSWORD)
    assert migrate.current_revision(vault.engine) == migrate.head_revision()
    assert list(vault.backup_dir.glob("*-migration.amobak"))
    assert vault.sidecar.schema_revision == migrate.head_revision()


def test_corruption_is_detected_at_unlock_and_not_repaired(vault: Vault) -> None:
    corrupt_a_page(vault)
    before = snapshot(vault.data_dir)
    with pytest.raises(CorruptVaultError) as info:
        vault.unlock(LEADER, LEADER_PASSWORD)
    assert "restore" in info.value.message("nl")
    assert snapshot(vault.data_dir) == before


def test_lock_zeroes_the_key_and_disposes_the_engine(vault: Vault) -> None:
    dek = vault._require_dek()
    assert any(dek)
    with vault.raw_connection() as conn:
        assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] in (0, "0")
    vault.lock()
    assert not any(dek)
    assert not vault.is_unlocked


def test_inventory_without_a_key_has_no_personal_data(vault: Vault) -> None:
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan Sleutelaers", COACH_PASSWORD)
    vault.backup()
    vault.lock()
    sidecar = Vault(vault.data_dir).inventory()
    assert sidecar.last_backup_at is not None
    assert {(s.login, s.role) for s in sidecar.slots if s.kind == "password"} == {
        (LEADER, "teamleader"),
        ("jan", "coach"),
    }
    text = vault.keys_path.read_text()
    assert "Sleutelaers" not in text and "Lea Peeters" not in text
    assert json.loads(text)["vault_id"] == sidecar.vault_id


def _verdict(vault: Vault) -> list[object]:
    heard: list[object] = []
    arrived = threading.Event()
    vault.when_checked(lambda error: (heard.append(error), arrived.set()))
    assert arrived.wait(30)
    return heard


def test_corruption_found_after_a_quick_unlock_leaves_the_vault_read_only(vault: Vault) -> None:
    corrupt_a_page(vault)
    before = snapshot(vault.data_dir)
    vault.unlock(LEADER, LEADER_PASSWORD, background_check=True)
    (error,) = _verdict(vault)
    assert isinstance(error, CorruptVaultError) and "reservekopie" in error.message("nl")
    assert vault.integrity == "failed"
    with pytest.raises(CorruptVaultError):
        accounts.add_user(vault, vault.identity, "nieuw", "coach", "Nieuw", COACH_PASSWORD)
    with pytest.raises(CorruptVaultError):
        vault.backup()
    vault.lock()
    assert snapshot(vault.data_dir) == before  # read-only, never repaired in place (R17)


def test_a_vault_found_damaged_after_unlock_can_be_restored(vault: Vault, tmp_path: Path) -> None:
    saved = vault.backup(out=tmp_path / "saved.amobak")
    corrupt_a_page(vault)
    vault.unlock(LEADER, LEADER_PASSWORD, background_check=True)
    assert isinstance(_verdict(vault)[0], CorruptVaultError)
    restore_backup(vault, saved.path, LEADER, LEADER_PASSWORD)
    assert vault.integrity == "ok"
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", COACH_PASSWORD)
    assert "jan" in {u.login for u in accounts.list_users(vault, vault.identity)}


def test_writes_wait_for_the_check_and_reads_do_not(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_check = integrity.quick_check

    def held_check(conn: object) -> None:
        assert release.wait(30)
        real_check(conn)

    monkeypatch.setattr(integrity, "quick_check", held_check)
    vault.lock()
    vault.unlock(LEADER, LEADER_PASSWORD, background_check=True)
    assert vault.integrity == "checking"
    assert [u.login for u in accounts.list_users(vault, vault.identity)] == [LEADER]
    written = threading.Event()

    def write() -> None:
        accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", COACH_PASSWORD)
        written.set()

    writer = threading.Thread(target=write)
    writer.start()
    assert not written.wait(0.5)
    assert [u.login for u in accounts.list_users(vault, vault.identity)] == [LEADER]
    release.set()
    assert written.wait(30)
    writer.join()
    assert _verdict(vault) == [None] and vault.integrity == "ok"
    assert {u.login for u in accounts.list_users(vault, vault.identity)} == {LEADER, "jan"}


def test_locking_during_the_check_stops_it_quietly(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()
    real_check = integrity.quick_check

    def slow_check(conn: object) -> None:
        started.set()
        while True:  # as on a huge file: only an interrupt ends it
            real_check(conn)

    monkeypatch.setattr(integrity, "quick_check", slow_check)
    vault.lock()
    vault.unlock(LEADER, LEADER_PASSWORD, background_check=True)
    heard: list[object] = []
    vault.when_checked(heard.append)
    assert started.wait(30)
    vault.lock()
    assert not vault.is_unlocked and heard == []
    monkeypatch.setattr(integrity, "quick_check", real_check)
    vault.unlock(LEADER, LEADER_PASSWORD, background_check=True)
    assert _verdict(vault) == [None]


@pytest.mark.parametrize(
    ("statement", "writes"),
    [
        ("SELECT * FROM users", False),
        ("  select 1", False),
        ("BEGIN", False),
        ("SAVEPOINT sa_1", False),
        ("PRAGMA main.table_info(users)", False),
        ("PRAGMA quick_check", False),
        ("WITH x AS (SELECT 1) SELECT * FROM x", False),
        ("INSERT INTO users VALUES (1)", True),
        ("update users set a = 1", True),
        ("DELETE FROM users", True),
        ("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END", True),
        ("WITH x AS (SELECT 1) INSERT INTO y SELECT * FROM x", True),
        ("PRAGMA user_version = 3", True),
        ("PRAGMA optimize", True),
        ("PRAGMA wal_checkpoint(TRUNCATE)", True),
        ("VACUUM", True),
        ("", True),
    ],
)
def test_which_statements_wait_for_the_check(statement: str, writes: bool) -> None:
    assert integrity.writes(statement) is writes


def test_a_weaker_slot_on_a_vault_found_damaged_still_opens_read_only(
    created_vault: tuple[Vault, str],
) -> None:
    vault, _ = created_vault
    corrupt_a_page(vault)
    stronger = Vault(vault.data_dir, kdf=KdfParams(memory_kib=16_384, iterations=2, lanes=1))
    before = snapshot(vault.data_dir)
    stronger.unlock(LEADER, LEADER_PASSWORD, daily_backup=False, background_check=True)
    assert stronger.is_unlocked and stronger.integrity == "failed"
    stronger.lock()
    assert snapshot(vault.data_dir) == before  # the slot was not re-sealed either
