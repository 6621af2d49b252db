"""Restoring over a vault loses nothing and lets no one back in (issue 12): the current vault's
password and rights decide, another vault's backup is refused, the vault replaced is kept as a
verified backup, removed users stay removed, zip bombs and swapped databases are refused."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from amo_desktop.errors import (
    BackupTooLargeError,
    BadBackupError,
    CorruptVaultError,
    RestoreNotAllowedError,
    RestoreOtherVaultError,
    RestoreUnknownUserError,
    WrongPasswordError,
)
from amo_desktop.services import accounts
from amo_desktop.services.exchange import invite, join
from amo_desktop.services.restore import restore_backup
from amo_desktop.storage import backup as backups
from amo_desktop.storage.engine import connect_keyed
from amo_desktop.storage.keyslots import Sidecar, open_password_slot, unwrap_dek
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD, corrupt_a_page

STRONG = "Kr8!vlinder-Oceaan-42"
CHEAP_CODE_KDF = {"memory_kib": 8_192, "iterations": 1, "lanes": 1}


def logins(vault: Vault, include_removed: bool = False) -> set[str]:
    return {u.login for u in accounts.list_users(vault, vault.identity, include_removed)}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "vault.lock" and "logs" not in p.parts
    }


def before_restore_backups(vault: Vault) -> list[Path]:
    return sorted(vault.backup_dir.glob("*-before-restore.amobak"))


def test_the_current_vaults_password_decides_not_the_backups(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "a.amobak"
    vault.backup(out)
    accounts.change_password(vault, vault.identity, LEADER_PASSWORD, STRONG)
    vault.lock()
    with pytest.raises(WrongPasswordError):  # the old password opened the backup: not enough
        restore_backup(vault, out, LEADER, LEADER_PASSWORD)
    restore_backup(vault, out, LEADER, STRONG)
    vault.lock()
    vault.unlock(LEADER, STRONG)  # today's password opens the restored vault
    vault.lock()
    with pytest.raises(WrongPasswordError):
        vault.unlock(LEADER, LEADER_PASSWORD)


def test_a_coach_may_not_restore_over_the_team_leaders_vault(vault: Vault, tmp_path: Path) -> None:
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", STRONG)
    out = tmp_path / "a.amobak"
    vault.backup(out)
    vault.lock()
    before = snapshot(vault.data_dir)
    with pytest.raises(RestoreNotAllowedError) as refused:
        restore_backup(vault, out, "jan", STRONG)
    assert "teamverantwoordelijke" in refused.value.message("nl")
    assert snapshot(vault.data_dir) == before
    assert not list(vault.data_dir.glob(".restore-*"))


def test_a_user_removed_since_the_backup_cannot_restore_it(vault: Vault, tmp_path: Path) -> None:
    accounts.add_user(vault, vault.identity, "els", "teamleader", "Els", STRONG)
    out = tmp_path / "a.amobak"
    vault.backup(out)
    accounts.remove_user(vault, vault.identity, "els")
    vault.lock()
    before = snapshot(vault.data_dir)
    with pytest.raises(WrongPasswordError):  # her password still opens the backup's slot
        restore_backup(vault, out, "els", STRONG)
    assert snapshot(vault.data_dir) == before


def test_a_coach_restores_on_their_own_laptop(vault: Vault, tmp_path: Path) -> None:
    accounts.add_user(vault, vault.identity, "an", "coach", "An", STRONG)
    invitation = invite(vault, vault.identity, "an", kdf=CHEAP_CODE_KDF)
    laptop = Vault(tmp_path / "laptop-an", kdf=FAST_KDF)
    join(laptop, invitation.data, invitation.code, STRONG)
    out = tmp_path / "laptop.amobak"
    laptop.backup(out)
    laptop.lock()
    restore_backup(laptop, out, "an", STRONG)
    assert laptop.identity is not None and laptop.identity.login == "an"
    assert len(before_restore_backups(laptop)) == 1
    laptop.lock()


def test_another_vaults_backup_is_refused_but_restores_into_an_empty_folder(
    vault: Vault, tmp_path: Path
) -> None:
    other = Vault(tmp_path / "other", kdf=FAST_KDF)
    accounts.create_vault(other, "Andere groep", LEADER, "Lea", LEADER_PASSWORD)
    foreign = tmp_path / "other.amobak"
    other.backup(foreign)
    other.lock()
    vault.lock()
    before = snapshot(vault.data_dir)
    with pytest.raises(RestoreOtherVaultError) as refused:
        restore_backup(vault, foreign, LEADER, LEADER_PASSWORD)
    assert "lege kluismap" in refused.value.message("nl")
    assert snapshot(vault.data_dir) == before
    fresh = Vault(tmp_path / "new-laptop", kdf=FAST_KDF)
    restore_backup(fresh, foreign, LEADER, LEADER_PASSWORD)
    assert fresh.sidecar.organisation == "Andere groep"
    fresh.lock()


def test_three_restores_in_a_row_lose_nothing(vault: Vault, tmp_path: Path) -> None:
    old = tmp_path / "old.amobak"
    vault.backup(old)
    for n in (1, 2, 3):
        accounts.add_user(vault, vault.identity, f"later{n}", "coach", f"Later {n}", STRONG)
        restore_backup(vault, old, LEADER, LEADER_PASSWORD)
        assert logins(vault) == {LEADER}
        assert len(before_restore_backups(vault)) == n
    vault.lock()
    for n, saved in enumerate(before_restore_backups(vault), start=1):
        with zipfile.ZipFile(saved) as archive:  # verified and complete, like every backup
            manifest = json.loads(archive.read("manifest.json"))
        assert manifest["counts"]["users"] == 2, saved.name
        restore_backup(vault, saved, LEADER, LEADER_PASSWORD)
        assert logins(vault) == {LEADER, f"later{n}"}  # each state came back, user and all
        vault.lock()
    fresh = Vault(vault.data_dir, kdf=FAST_KDF)
    fresh.unlock(f"later{n}", STRONG)  # the slot came back with the data
    fresh.lock()


def test_a_user_removed_after_the_backup_never_comes_back(vault: Vault, tmp_path: Path) -> None:
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", STRONG)
    out = tmp_path / "a.amobak"
    vault.backup(out)
    accounts.remove_user(vault, vault.identity, "jan")
    generation = vault.sidecar.current().generation
    restore_backup(vault, out, LEADER, LEADER_PASSWORD)
    assert "jan" not in logins(vault)
    assert "jan" in logins(vault, include_removed=True)  # marked removed, as `user remove` does
    assert vault.sidecar.slot_for_login("jan") is None
    assert vault.sidecar.current().generation > generation  # the key was rotated again
    vault.lock()
    with pytest.raises(WrongPasswordError):
        vault.unlock("jan", STRONG)
    # The key the backup's slots open is not the key of the restored vault.
    with zipfile.ZipFile(out) as archive:
        theirs = Sidecar.from_bytes(archive.read("vault.keys"))
    slot = theirs.slot_for_login("jan")
    assert slot is not None
    old_key = unwrap_dek(
        theirs.vault_id, slot, open_password_slot(theirs.vault_id, slot, STRONG), theirs.current()
    )
    with pytest.raises(CorruptVaultError):
        connect_keyed(vault.db_path, old_key).close()


def test_a_swapped_database_is_refused_by_its_recorded_checksum(
    vault: Vault, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.amobak", tmp_path / "second.amobak"
    vault.backup(first)
    vault.backup(second)  # same rows, same key: only the recorded checksum tells them apart
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        assert a.read("vault.db") != b.read("vault.db")
        swapped = tmp_path / "swapped.amobak"
        with zipfile.ZipFile(swapped, "w") as out:
            out.writestr("manifest.json", a.read("manifest.json"))
            out.writestr("vault.keys", a.read("vault.keys"))
            out.writestr("vault.db", b.read("vault.db"))
    vault.lock()
    before = snapshot(vault.data_dir)
    with pytest.raises(BadBackupError) as refused:
        restore_backup(vault, swapped, LEADER, LEADER_PASSWORD)
    assert refused.value.params["detail"] == "checksum"
    assert snapshot(vault.data_dir) == before


def test_a_zip_bomb_is_refused_before_anything_is_written(vault: Vault, tmp_path: Path) -> None:
    honest = tmp_path / "honest.amobak"
    vault.backup(honest)
    vault.lock()
    bomb = tmp_path / "bomb.amobak"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as out:
        with zipfile.ZipFile(honest) as src:
            out.writestr("manifest.json", src.read("manifest.json"))
            out.writestr("vault.keys", src.read("vault.keys"))
        with out.open("vault.db", "w", force_zip64=True) as db:
            zeros = bytes(1 << 20)
            for _ in range(256):
                db.write(zeros)
    assert bomb.stat().st_size < 2 << 20  # a small file that unpacks to 256 MB
    before = snapshot(vault.data_dir)
    started = time.monotonic()
    with pytest.raises(BackupTooLargeError) as refused:
        restore_backup(vault, bomb, LEADER, LEADER_PASSWORD)
    assert time.monotonic() - started < 5
    assert "groter" in refused.value.message("nl")
    assert snapshot(vault.data_dir) == before
    assert not list(vault.data_dir.glob(".restore-*"))


def test_a_backup_with_an_extra_entry_is_refused(vault: Vault, tmp_path: Path) -> None:
    honest = tmp_path / "honest.amobak"
    vault.backup(honest)
    vault.lock()
    extra = tmp_path / "extra.amobak"
    with zipfile.ZipFile(honest) as src, zipfile.ZipFile(extra, "w") as out:
        for name in src.namelist():
            out.writestr(name, src.read(name))
        out.writestr("../../evil.sh", b"echo hi")
    with pytest.raises(BadBackupError):
        restore_backup(vault, extra, LEADER, LEADER_PASSWORD)
    assert not (tmp_path / "evil.sh").exists()


_KILLED_CHILD = """
import os, signal, sys
from pathlib import Path
from amo_desktop.services.restore import may_replace
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault
vault = Vault(Path(sys.argv[1]), kdf=KdfParams(8192, 1, 1))
vault.stage_restore(Path(sys.argv[2]), sys.argv[3], sys.argv[4], may_replace)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_killed_restores_temp_folder_is_cleaned_at_the_next_open(
    vault: Vault, tmp_path: Path
) -> None:
    out = tmp_path / "a.amobak"
    vault.backup(out)
    vault.lock()
    before = snapshot(vault.data_dir)
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            _KILLED_CHILD,
            str(vault.data_dir),
            str(out),
            LEADER,
            LEADER_PASSWORD,
        ],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    left = list(vault.data_dir.glob(".restore-*"))
    assert left and (left[0] / "vault.db").exists()  # what the kill left behind
    assert {k: v for k, v in snapshot(vault.data_dir).items() if ".restore-" not in k} == before
    vault.unlock(LEADER, LEADER_PASSWORD)
    assert not list(vault.data_dir.glob(".restore-*"))
    vault.lock()


def test_restoring_over_a_damaged_vault_keeps_its_files(vault: Vault, tmp_path: Path) -> None:
    saved = vault.backup(out=tmp_path / "saved.amobak")
    corrupt_a_page(vault)
    damaged = vault.db_path.read_bytes()
    restore_backup(vault, saved.path, LEADER, LEADER_PASSWORD)
    assert vault.check()
    (kept,) = vault.backup_dir.glob("damaged-*-before-restore.zip")
    with zipfile.ZipFile(kept) as archive:
        assert archive.read("vault.db") == damaged
    assert kept.stat().st_mode & 0o077 == 0
    vault.lock()


def test_backups_stay_readable_by_the_reader_in_the_docs(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "a.amobak"
    vault.backup(out)
    with zipfile.ZipFile(out) as archive:
        assert all(i.compress_type == zipfile.ZIP_STORED for i in archive.infolist())
        backups.check_entries(archive, free_bytes=1 << 40)  # an honest backup passes the limits
    vault.lock()


def _reset_with_recovery(vault: Vault, recovery: str, password: str) -> None:
    """A forgotten password: the recovery key gives the user a new key pair and password."""
    vault.lock()
    accounts.reset_password_with_recovery(vault, LEADER, recovery, password)


def test_after_a_recovery_reset_todays_password_restores_an_older_backup(
    created_vault: tuple[Vault, str], tmp_path: Path
) -> None:
    vault, recovery = created_vault
    out = tmp_path / "a.amobak"
    vault.backup(out)
    _reset_with_recovery(vault, recovery, STRONG)  # no key rotation since the backup
    vault.lock()
    restore_backup(vault, out, LEADER, STRONG)
    vault.lock()
    vault.unlock(LEADER, STRONG)
    vault.lock()
    with pytest.raises(WrongPasswordError):
        vault.unlock(LEADER, LEADER_PASSWORD)


def test_after_a_reset_and_a_key_rotation_the_password_as_it_was_restores(
    created_vault: tuple[Vault, str], tmp_path: Path
) -> None:
    vault, recovery = created_vault
    accounts.change_password(vault, vault.identity, LEADER_PASSWORD, STRONG)
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", "coach-wachtwoord")
    out = tmp_path / "a.amobak"
    vault.backup(out)
    _reset_with_recovery(vault, recovery, "Zeven-Zonnige-Duinen-19!")
    accounts.remove_user(vault, vault.identity, "jan")  # rotates the data key
    vault.lock()
    before = snapshot(vault.data_dir)
    with pytest.raises(WrongPasswordError):  # opens today's vault, not the backup's key
        restore_backup(vault, out, LEADER, "Zeven-Zonnige-Duinen-19!")
    assert snapshot(vault.data_dir) == before
    assert not list(vault.data_dir.glob(".restore-*"))
    _reset_with_recovery(vault, recovery, STRONG)  # the password the backup knew
    vault.lock()
    restore_backup(vault, out, LEADER, STRONG)
    assert logins(vault) == {LEADER}  # jan stays removed
    vault.lock()
    vault.unlock(LEADER, STRONG)
    vault.lock()


def test_a_user_the_backup_does_not_know_cannot_restore_it(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "a.amobak"
    vault.backup(out)
    accounts.add_user(vault, vault.identity, "els", "teamleader", "Els", STRONG)
    vault.lock()
    before = snapshot(vault.data_dir)
    with pytest.raises(RestoreUnknownUserError):
        restore_backup(vault, out, "els", STRONG)
    assert snapshot(vault.data_dir) == before
    assert not list(vault.data_dir.glob(".restore-*"))


def test_a_restore_into_a_new_data_folder_makes_it_private(vault: Vault, tmp_path: Path) -> None:
    saved = vault.backup(tmp_path / "a.amobak")
    vault.lock()
    laptop = Vault(tmp_path / "nieuwe-laptop" / "AMO", kdf=FAST_KDF)
    restore_backup(laptop, saved.path, LEADER, LEADER_PASSWORD)
    assert laptop.data_dir.stat().st_mode & 0o777 == 0o700
    assert logins(laptop) == {LEADER}
    laptop.lock()


def test_a_restore_writes_one_backup_the_vault_it_replaced(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "a.amobak"
    vault.backup(out)  # its key file says no backup was made yet: one would be due
    vault._update_sidecar(lambda sc: setattr(sc, "last_backup_at", None))
    vault.lock()
    restore_backup(vault, out, LEADER, LEADER_PASSWORD)
    (only,) = vault.backup_dir.iterdir()
    assert only.name.endswith("-before-restore.amobak")
    vault.lock()


def test_into_an_empty_folder_only_a_login_the_backup_knows_restores(
    vault: Vault, tmp_path: Path
) -> None:
    saved = vault.backup(tmp_path / "a.amobak")
    vault.lock()
    fresh = Vault(tmp_path / "leeg", kdf=FAST_KDF)
    with pytest.raises(WrongPasswordError):
        restore_backup(fresh, saved.path, "onbekend", LEADER_PASSWORD)
    assert not fresh.exists() and not list(fresh.data_dir.glob(".restore-*"))
