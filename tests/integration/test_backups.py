"""Backups are online, encrypted, verified, rotated; restores verify first and swap atomically."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from amo_desktop.errors import BadBackupError, WrongPasswordError
from amo_desktop.services import accounts
from amo_desktop.services.restore import restore_backup
from amo_desktop.storage import backup as backups
from amo_desktop.storage import migrate
from amo_desktop.storage.vault import Vault
from tests.conftest import CANARY, FAST_KDF, LEADER, LEADER_PASSWORD


def test_backup_is_encrypted_verified_and_restorable_elsewhere(
    vault: Vault, tmp_path: Path
) -> None:
    accounts.add_user(vault, vault.identity, "jan", "coach", CANARY, "coach-wachtwoord")
    counts = vault.check()
    out = tmp_path / "usb" / "kopie.amobak"
    out.parent.mkdir()  # a missing folder is refused (issue 12), not made
    info = vault.backup(out)
    assert info.counts == counts and info.schema_revision == migrate.head_revision()
    raw = out.read_bytes()
    assert CANARY.encode() not in raw and CANARY.encode("utf-16-le") not in raw
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "vault.db", "vault.keys"]
        assert archive.read("vault.db")[:16] != b"SQLite format 3\x00"
    vault.lock()

    laptop = Vault(tmp_path / "new-laptop", kdf=FAST_KDF)
    restore_backup(laptop, out, LEADER, LEADER_PASSWORD)
    assert laptop.check() == counts
    names = [u.full_name for u in accounts.list_users(laptop, laptop.identity)]
    assert CANARY in names
    laptop.lock()


def test_restore_keeps_the_previous_vault(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "a.amobak"
    vault.backup(out)
    accounts.add_user(vault, vault.identity, "later", "coach", "Later", "coach-wachtwoord")
    vault.lock()
    restore_backup(vault, out, LEADER, LEADER_PASSWORD)
    assert [u.login for u in accounts.list_users(vault, vault.identity)] == [LEADER]
    assert (vault.data_dir / "vault.db.previous").exists()
    assert (vault.data_dir / "vault.keys.previous").exists()
    assert not list(vault.data_dir.glob(".restore-*"))


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_restored_vaults_files_are_private_like_a_created_ones(
    vault: Vault, tmp_path: Path
) -> None:
    out = tmp_path / "a.amobak"
    vault.backup(out)
    vault.lock()
    restore_backup(vault, out, LEADER, LEADER_PASSWORD)
    for path in (vault.db_path, vault.keys_path):
        assert oct(path.stat().st_mode & 0o777) == "0o600", path
    vault.lock()


def test_a_backup_works_in_the_data_folder_where_a_killed_ones_work_is_found(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-system-temp-folder"))
    seen: list[tuple[Path, bool]] = []
    real = zipfile.ZipFile.write

    def write(self: zipfile.ZipFile, filename: Any, *args: Any, **kwargs: Any) -> None:
        seen.append((Path(str(self.filename)), backups.has_leftovers(vault.data_dir)))
        real(self, filename, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", write)
    vault.backup(tmp_path / "a.amobak")
    ((archive, found),) = seen  # where a kill would stop: the database written into the zip
    assert archive.parent.parent == vault.data_dir
    assert archive.parent.name.startswith(".backup-") and found
    assert not backups.has_leftovers(vault.data_dir)
    vault.lock()


def test_a_flipped_byte_in_a_backup_is_detected_and_nothing_changes(
    vault: Vault, tmp_path: Path
) -> None:
    out = tmp_path / "b.amobak"
    vault.backup(out)
    vault.lock()
    data = bytearray(out.read_bytes())
    with zipfile.ZipFile(out) as archive:
        offset = archive.getinfo("vault.db").header_offset + 200
    data[offset + 4096] ^= 0x01
    damaged = tmp_path / "damaged.amobak"
    damaged.write_bytes(bytes(data))
    live_before = vault.db_path.read_bytes()
    with pytest.raises(BadBackupError):
        restore_backup(vault, damaged, LEADER, LEADER_PASSWORD)
    assert vault.db_path.read_bytes() == live_before
    assert not (vault.data_dir / "vault.db.previous").exists()
    truncated = tmp_path / "truncated.amobak"
    truncated.write_bytes(bytes(data[: len(data) // 2]))
    with pytest.raises(BadBackupError):
        restore_backup(vault, truncated, LEADER, LEADER_PASSWORD)


def test_restore_needs_a_password_of_the_backup(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "c.amobak"
    vault.backup(out)
    with pytest.raises(WrongPasswordError):
        restore_backup(vault, out, LEADER, "niet-het-wachtwoord")
    assert vault.is_unlocked  # a mistyped password does not close the open vault
    assert not list(vault.data_dir.glob(".restore-*"))
    vault.lock()
    with pytest.raises(WrongPasswordError):
        restore_backup(vault, out, LEADER, "niet-het-wachtwoord")


def test_verify_detects_rows_missing_from_a_copy(vault: Vault, tmp_path: Path) -> None:
    with vault.raw_connection() as conn:
        copy = tmp_path / "copy.db"
        backups.export_database(conn, copy, vault._require_dek())
        counts = backups.table_counts(conn)
    counts["users"] += 1
    with pytest.raises(BadBackupError):
        backups.verify_database(copy, vault._require_dek(), counts)


def test_a_row_written_while_the_copy_is_made_refuses_the_backup(
    vault: Vault, tmp_path: Path
) -> None:
    """The copy must hold exactly the rows the live vault had when the backup counted them."""
    out = tmp_path / "kopie.amobak"

    def write_meanwhile(statement: str) -> None:
        if statement.startswith("ATTACH"):  # counted already, not exported yet
            with vault.raw_connection() as other:
                other.execute(
                    "INSERT INTO settings (key, value, updated_at) "
                    "VALUES ('tussendoor', '1', '2026-12-07 20:00:00')"
                )
                other.commit()

    with vault.raw_connection() as conn:
        conn.set_trace_callback(write_meanwhile)
        with pytest.raises(BadBackupError) as refused:
            backups.write_backup(conn, vault._require_dek(), vault.sidecar, out, vault.data_dir)
    assert refused.value.params["detail"] == "row counts differ"
    assert not out.exists() and not backups.has_leftovers(vault.data_dir)


def test_a_restore_leaves_no_folder_of_its_own_in_the_data_folder(
    vault: Vault, tmp_path: Path
) -> None:
    out = tmp_path / "a.amobak"
    vault.backup(out)
    folders = sorted(p.name for p in vault.data_dir.iterdir() if p.is_dir())
    vault.lock()
    restore_backup(vault, out, LEADER, LEADER_PASSWORD)
    assert sorted(p.name for p in vault.data_dir.iterdir() if p.is_dir()) == folders
    vault.lock()


def test_automatic_backups_rotate_and_unlock_makes_at_most_one_a_day(vault: Vault) -> None:
    daily = list(vault.backup_dir.glob("*.amobak"))
    assert daily == []  # created vaults take their first automatic backup at the next unlock
    vault.lock()
    vault.unlock(LEADER, LEADER_PASSWORD)
    vault.lock()
    vault.unlock(LEADER, LEADER_PASSWORD)
    assert len(list(vault.backup_dir.glob("*-daily.amobak"))) == 1
    for _ in range(backups.KEEP_GENERATIONS + 3):
        vault.backup(reason="manual")
    assert len(list(vault.backup_dir.glob("*.amobak"))) == backups.KEEP_GENERATIONS


def test_interrupted_restore_is_finished_on_next_open(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "d.amobak"
    vault.backup(out)
    accounts.add_user(vault, vault.identity, "later", "coach", "Later", "coach-wachtwoord")
    vault.lock()
    staging = vault.data_dir / ".restore-test"
    staging.mkdir()
    opened = backups.read_backup(out, staging)
    (staging / "vault.keys").write_bytes(opened.sidecar.to_bytes())
    # Simulate a crash right after the marker was written: the swap has not happened yet.
    from amo_desktop.storage.atomic import write_atomic

    write_atomic(
        vault.data_dir / backups.RESTORE_MARKER,
        (
            '{{"staged_db": "{}", "staged_keys": "{}"}}'.format(
                opened.db_path, staging / "vault.keys"
            )
        ).encode(),
    )
    fresh = Vault(vault.data_dir, kdf=FAST_KDF)
    fresh.unlock(LEADER, LEADER_PASSWORD)
    assert [u.login for u in accounts.list_users(fresh, fresh.identity)] == [LEADER]
    assert not (vault.data_dir / backups.RESTORE_MARKER).exists()
    fresh.lock()
