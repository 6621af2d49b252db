"""A restore refuses, before anything live changes, every backup that is not what it says:
a folder or a missing file, a manifest naming another vault, a database whose checksum was
recomputed over damaged pages or changed rows, a schema from a newer program. Over a vault too
damaged to verify, its files are kept in a temp file the next open cleans if the restore is
killed, a full disk there changes nothing, and its absent users count as removed (the safe side)."""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import re
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from amo_desktop.errors import (
    BadBackupError,
    InputIsFolderError,
    InputMissingError,
    NewerSchemaError,
    ReadOnlyError,
    RestoreOtherVaultError,
    VaultLockedError,
)
from amo_desktop.services import accounts
from amo_desktop.services.restore import may_replace, restore_backup
from amo_desktop.storage.engine import connect_keyed
from amo_desktop.storage.restore import _zero
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD, corrupt_a_page
from tests.integration.test_restore import STRONG, logins, snapshot


def _rewritten(
    source: Path,
    target: Path,
    manifest: Callable[[dict[str, object]], None] = lambda m: None,
    database: Callable[[Path], None] = lambda p: None,
) -> Path:
    """The backup with its manifest or database changed, and the checksum made to match."""
    work = target.parent / f"{target.stem}-work"
    work.mkdir()
    with zipfile.ZipFile(source) as src:
        data = json.loads(src.read("manifest.json"))
        keys = src.read("vault.keys")
        (work / "vault.db").write_bytes(src.read("vault.db"))
    database(work / "vault.db")
    data["db_sha256"] = hashlib.sha256((work / "vault.db").read_bytes()).hexdigest()
    manifest(data)
    with zipfile.ZipFile(target, "w") as out:
        out.writestr("manifest.json", json.dumps(data))
        out.writestr("vault.keys", keys)
        out.write(work / "vault.db", "vault.db")
    shutil.rmtree(work)
    return target


def _refused(vault: Vault, backup: Path, error: type[Exception]) -> Exception:
    before = snapshot(vault.data_dir)
    with pytest.raises(error) as refused:
        restore_backup(vault, backup, LEADER, LEADER_PASSWORD)
    assert snapshot(vault.data_dir) == before
    assert not list(vault.data_dir.glob(".restore-*"))
    return refused.value


def test_a_folder_or_a_missing_file_is_named(vault: Vault, tmp_path: Path) -> None:
    vault.lock()
    assert _refused(vault, tmp_path, InputIsFolderError).params["path"] == str(tmp_path)
    missing = tmp_path / "nope.amobak"
    assert _refused(vault, missing, InputMissingError).params["path"] == str(missing)


def test_a_file_where_the_data_folder_should_be_is_refused_as_it_is(
    vault: Vault, tmp_path: Path
) -> None:
    saved = vault.backup(tmp_path / "a.amobak")
    vault.lock()
    taken = tmp_path / "taken"
    taken.write_bytes(b"not a folder")
    with pytest.raises(OSError):
        restore_backup(Vault(taken, kdf=FAST_KDF), saved.path, LEADER, LEADER_PASSWORD)
    assert taken.read_bytes() == b"not a folder"


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs")
def test_a_data_folder_that_cannot_be_made_is_named(vault: Vault, tmp_path: Path) -> None:
    """sysfs refuses a new folder even to root, where a read-only folder would not."""
    saved = vault.backup(tmp_path / "a.amobak")
    vault.lock()
    place = Path("/sys/kernel/amo-gegevens")
    with pytest.raises(ReadOnlyError) as refused:
        restore_backup(Vault(place, kdf=FAST_KDF), saved.path, LEADER, LEADER_PASSWORD)
    assert refused.value.params["path"] == str(place)
    assert not place.exists()


def test_a_refused_restore_keeps_an_open_vaults_lock_and_frees_a_closed_one(
    vault: Vault, tmp_path: Path
) -> None:
    """One program at a time: a refusal never lets a second one into the open vault, and never
    keeps a closed vault from the next program that opens it."""
    text = tmp_path / "text.amobak"
    text.write_bytes(b"not a zip at all")
    with pytest.raises(BadBackupError):
        restore_backup(vault, text, LEADER, LEADER_PASSWORD)
    assert vault.is_unlocked
    with pytest.raises(VaultLockedError):
        Vault(vault.data_dir, kdf=FAST_KDF).unlock(LEADER, LEADER_PASSWORD, daily_backup=False)
    vault.lock()
    with pytest.raises(BadBackupError):
        restore_backup(vault, text, LEADER, LEADER_PASSWORD)
    again = Vault(vault.data_dir, kdf=FAST_KDF)
    again.unlock(LEADER, LEADER_PASSWORD, daily_backup=False)
    again.lock()


def test_a_manifest_naming_another_vault_is_refused(vault: Vault, tmp_path: Path) -> None:
    honest = tmp_path / "honest.amobak"
    vault.backup(honest)
    vault.lock()
    other = _rewritten(honest, tmp_path / "other.amobak", manifest=lambda m: m.update(vault_id="x"))
    _refused(vault, other, RestoreOtherVaultError)


def test_a_recomputed_checksum_over_damaged_pages_is_refused(vault: Vault, tmp_path: Path) -> None:
    honest = tmp_path / "honest.amobak"
    vault.backup(honest)
    vault.lock()

    def flip(db: Path) -> None:
        raw = bytearray(db.read_bytes())
        raw[4096 + 100] ^= 0xFF  # inside the second page: only its HMAC can tell
        db.write_bytes(bytes(raw))

    damaged = _rewritten(honest, tmp_path / "damaged.amobak", database=flip)
    assert _refused(vault, damaged, BadBackupError).params["detail"] == "integrity"


def test_changed_row_counts_are_refused(vault: Vault, tmp_path: Path) -> None:
    honest = tmp_path / "honest.amobak"
    vault.backup(honest)
    vault.lock()

    def more_users(m: dict[str, object]) -> None:
        counts = m["counts"]
        assert isinstance(counts, dict)
        counts["users"] += 1

    changed = _rewritten(honest, tmp_path / "counts.amobak", manifest=more_users)
    assert _refused(vault, changed, BadBackupError).params["detail"] == "row counts differ"


def test_a_backup_from_a_newer_program_is_refused(vault: Vault, tmp_path: Path) -> None:
    honest = tmp_path / "honest.amobak"
    vault.backup(honest)
    dek = bytes(vault._require_dek())
    vault.lock()

    def newer(db: Path) -> None:
        conn = connect_keyed(db, bytearray(dek), pragmas=())
        try:
            conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
            conn.commit()
        finally:
            conn.close()

    _refused(vault, _rewritten(honest, tmp_path / "newer.amobak", database=newer), NewerSchemaError)


def test_a_data_key_is_wiped_after_use() -> None:
    key = bytearray(b"\x01\x02\x03\xff")
    _zero(key)
    assert key == bytearray(4)


def test_an_abandoned_restore_leaves_nothing_and_frees_the_vault(
    vault: Vault, tmp_path: Path
) -> None:
    backup = tmp_path / "a.amobak"
    vault.backup(backup)
    vault.lock()
    before = snapshot(vault.data_dir)
    plan = vault.stage_restore(backup, LEADER, LEADER_PASSWORD, may_replace)
    assert plan.folder.is_dir() and plan.folder.parent == vault.data_dir
    vault.abandon_restore(plan)
    assert not plan.folder.exists() and not vault._lock.held
    vault.abandon_restore(plan)  # harmless again: a failed commit may have swapped it away
    assert snapshot(vault.data_dir) == before
    again = Vault(vault.data_dir, kdf=FAST_KDF)  # the lock was given back
    again.unlock(LEADER, LEADER_PASSWORD, daily_backup=False)
    again.lock()


def test_a_damaged_vault_replaced_is_kept_whole_under_a_utc_name(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="amo_desktop.storage.restore")
    saved = vault.backup(out=tmp_path / "saved.amobak")
    shutil.rmtree(vault.backup_dir, ignore_errors=True)
    corrupt_a_page(vault)
    keys = vault.keys_path.read_bytes()
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: local time is never UTC's
    time.tzset()
    try:
        started = datetime.now(UTC)
        restore_backup(vault, saved.path, LEADER, LEADER_PASSWORD)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert vault.backup_dir.stat().st_mode & 0o777 == 0o700
    (kept,) = [p for p in vault.backup_dir.iterdir() if p.name.startswith("damaged-")]
    found = re.fullmatch(r"damaged-(\d{8}T\d{12})Z-before-restore\.zip", kept.name)
    assert found, kept.name
    stamp = datetime.strptime(found.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
    assert timedelta(0) <= stamp - started.replace(microsecond=0) < timedelta(minutes=5)
    with zipfile.ZipFile(kept) as archive:
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}
        assert archive.read("vault.keys") == keys
        assert "vault.db" in archive.namelist()
    assert not list(vault.backup_dir.glob(".*.tmp"))
    kept_line = "the vault replaced by a restore could not be verified; its files are kept"
    assert kept_line in caplog.messages
    vault.lock()


_UNREADABLE = "the current vault's users could not be read before a restore"


def _damage_the_first_page(vault: Vault) -> None:
    """Lock the vault and flip a byte of its first page: no key opens it any more."""
    with vault.raw_connection() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.lock()
    data = bytearray(vault.db_path.read_bytes())
    data[100] ^= 0xFF
    vault.db_path.write_bytes(bytes(data))


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Path, bool]]]:
    """Each archive zipfile writes a file into, and whether, at that moment (where a kill would
    stop), the archive is one of the hidden temp files `.*.tmp` that a clean-up looks for."""
    seen: list[tuple[Path, bool]] = []
    real = zipfile.ZipFile.write

    def write(self: zipfile.ZipFile, filename: Any, *args: Any, **kwargs: Any) -> None:
        archive = Path(str(self.filename))
        seen.append((archive, archive in set(archive.parent.glob(".*.tmp"))))
        real(self, filename, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", write)
    yield seen


def test_a_restore_killed_while_keeping_a_damaged_vault_leaves_a_file_the_next_open_cleans(
    vault: Vault, tmp_path: Path, writes: list[tuple[Path, bool]]
) -> None:
    saved = vault.backup(out=tmp_path / "saved.amobak")
    _damage_the_first_page(vault)
    writes.clear()
    restore_backup(vault, saved.path, LEADER, LEADER_PASSWORD)
    vault.lock()
    assert writes, "the damaged files were not kept"
    for archive, hidden_tmp in writes:
        assert archive.parent == vault.backup_dir
        assert hidden_tmp, archive.name
        assert re.fullmatch(r"\.damaged-\d{8}T\d{12}Z-before-restore\.zip\..+\.tmp", archive.name)
    (kept,) = vault.backup_dir.glob("damaged-*")
    assert kept.name == writes[0][0].name.split(".zip.")[0][1:] + ".zip"
    assert not list(vault.backup_dir.glob(".*.tmp"))


def test_a_full_disk_while_keeping_a_damaged_vault_changes_nothing_and_leaves_nothing(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = vault.backup(out=tmp_path / "saved.amobak")
    _damage_the_first_page(vault)
    vault.backup_dir.mkdir(exist_ok=True)
    before = snapshot(vault.data_dir)

    def full(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    with pytest.raises(OSError) as refused:
        restore_backup(vault, saved.path, LEADER, LEADER_PASSWORD)
    assert refused.value.errno == errno.ENOSPC
    assert snapshot(vault.data_dir) == before  # the damaged vault is still there, as it was
    assert not list(vault.backup_dir.glob(".*.tmp"))
    assert not list(vault.data_dir.glob(".restore-*"))
    assert not vault._lock.held


def test_over_an_unreadable_vault_every_user_absent_from_its_key_file_counts_as_removed(
    vault: Vault, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="amo_desktop.storage.restore")
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", STRONG)
    saved = vault.backup(out=tmp_path / "saved.amobak")
    accounts.remove_user(vault, vault.identity, "jan")
    _damage_the_first_page(vault)
    restore_backup(vault, saved.path, LEADER, LEADER_PASSWORD)
    assert _UNREADABLE in caplog.messages
    assert f"backup restored into vault {vault.sidecar.vault_id}" in caplog.messages
    assert "jan" not in logins(vault)
    assert vault.sidecar.slot_for_login("jan") is None
    vault.lock()


def test_a_page_no_table_uses_is_still_checked(vault: Vault, tmp_path: Path) -> None:
    honest = tmp_path / "honest.amobak"
    vault.backup(honest)
    vault.lock()

    def extra_page(db: Path) -> None:
        with db.open("ab") as handle:  # SQLite reads no row from it; its HMAC cannot match
            handle.write(bytes(range(256)) * 16)

    padded = _rewritten(honest, tmp_path / "padded.amobak", database=extra_page)
    assert _refused(vault, padded, BadBackupError).params["detail"] == "integrity"
