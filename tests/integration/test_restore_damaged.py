"""Restoring over a vault too damaged to verify: its files are kept in a temp file the next open
can clean if the restore is killed, a full disk there stops the restore with nothing changed and
nothing left, and users it can no longer tell apart count as removed (the safe side)."""

from __future__ import annotations

import errno
import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from amo_desktop.services import accounts
from amo_desktop.services.restore import restore_backup
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD
from tests.integration.test_restore import STRONG, logins, snapshot

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
    caplog.set_level(logging.WARNING, logger="amo_desktop.storage.restore")
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", STRONG)
    saved = vault.backup(out=tmp_path / "saved.amobak")
    accounts.remove_user(vault, vault.identity, "jan")
    _damage_the_first_page(vault)
    restore_backup(vault, saved.path, LEADER, LEADER_PASSWORD)
    assert _UNREADABLE in caplog.messages
    assert "jan" not in logins(vault)
    assert vault.sidecar.slot_for_login("jan") is None
    vault.lock()
