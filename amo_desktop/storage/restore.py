"""Restoring a backup over a vault in steps that lose nothing (SECURITY.md R16).

Stage: unpack and verify the backup in a temp folder beside the vault (`.restore-*`), keyed for
the users the current vault has now. Commit: save the current vault as a verified automatic
backup (`before-restore`), then swap the staged files in (resumable, `backup.swap_in`). Nothing
live changes before the commit; a killed restore's temp folder is removed at the next open.
These functions work on a `Vault`'s insides; `Vault.stage_restore` and friends are the API.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from amo_desktop.errors import (
    BadBackupError,
    CorruptVaultError,
    InputIsFolderError,
    InputMissingError,
    NewerSchemaError,
    RestoreNotAllowedError,
    RestoreOtherVaultError,
    RestoreUnknownUserError,
    WrongPasswordError,
)
from amo_desktop.storage import backup as backups
from amo_desktop.storage import migrate
from amo_desktop.storage.engine import connect_keyed
from amo_desktop.storage.errors import translate_os_error
from amo_desktop.storage.keyslots import (
    Sidecar,
    Slot,
    open_password_slot,
    unwrap_dek,
    wrap_for_all,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from amo_desktop.domain.identity import Identity
    from amo_desktop.storage.vault import Vault

log = logging.getLogger(__name__)


@dataclass
class RestorePlan:
    """A verified backup staged as a complete vault folder, ready to replace the live one."""

    folder: Path
    db_path: Path
    keys_path: Path
    login: str
    private: X25519PrivateKey  # the restoring user's key pair, the same in both key files
    current: Sidecar | None  # None: the data folder held no vault
    slot: Slot | None  # the restoring user's slot in the current vault
    removed: list[str]  # logins in the backup that the current vault has removed since


def stage(
    vault: Vault,
    backup_file: Path,
    login: str,
    password: str,
    may_replace: Callable[[Sidecar, Slot], bool],
) -> RestorePlan:
    """See `Vault.stage_restore`. Holds the vault's lock from here until commit or abandon."""
    if backup_file.is_dir():
        raise InputIsFolderError(path=str(backup_file))
    if not backup_file.exists():
        raise InputMissingError(path=str(backup_file))
    current = vault.inventory() if vault.exists() else None
    slot, private = _replacing_user(current, login, password, may_replace)
    try:
        vault.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise (translate_os_error(exc, str(vault.data_dir)) or exc) from exc
    vault._lock.acquire()
    folder = Path(tempfile.mkdtemp(prefix=".restore-", dir=vault.data_dir))
    try:
        opened = backups.read_backup(backup_file, folder)
        theirs = opened.sidecar
        same = {theirs.vault_id, opened.manifest.get("vault_id")}
        if current is not None and same != {current.vault_id}:
            raise RestoreOtherVaultError()
        dek, private = _backup_key(opened, current, slot, private, login, password)
        try:
            try:
                revision, _ = backups.verify_database(
                    opened.db_path, dek, opened.manifest.get("counts")
                )
            except CorruptVaultError as exc:
                raise BadBackupError(detail="integrity") from exc
            migrate.check_known(revision)
            sidecar = theirs if current is None else _rekeyed(theirs, current, dek)
        finally:
            _zero(dek)
        keys_path = folder / vault.keys_path.name
        sidecar.save(keys_path)
        removed = _removed_since(vault, theirs, current, slot, private)
        return RestorePlan(
            folder, opened.db_path, keys_path, login, private, current, slot, removed
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        if not vault.is_unlocked:
            vault._lock.release()
        raise


def _replacing_user(
    current: Sidecar | None,
    login: str,
    password: str,
    may_replace: Callable[[Sidecar, Slot], bool],
) -> tuple[Slot | None, X25519PrivateKey | None]:
    """The slot and key of the current vault's user who replaces it, if it allows them to."""
    if current is None:
        return None, None
    slot = current.slot_for_login(login)
    if slot is None or slot.kind != "password":
        raise WrongPasswordError()
    private = open_password_slot(current.vault_id, slot, password)
    if not may_replace(current, slot):
        raise RestoreNotAllowedError()
    return slot, private


def _removed_since(
    vault: Vault,
    theirs: Sidecar,
    current: Sidecar | None,
    slot: Slot | None,
    private: X25519PrivateKey | None,
) -> list[str]:
    """Logins with a key in the backup but none in the current vault, except users the current
    vault never knew (they came after a restore to an older state: not removed, just absent)."""
    if current is None or slot is None or private is None:
        return []
    mine = {s.user_id for s in current.slots}
    absent = [s for s in theirs.slots if s.kind == "password" and s.user_id not in mine]
    if not absent:
        return []
    known = _known_users(vault, current, slot, private)
    return [s.login for s in absent if known is None or s.user_id in known]


def _known_users(
    vault: Vault, current: Sidecar, slot: Slot, private: X25519PrivateKey
) -> set[str] | None:
    """Every user id the current database holds, removed or not; None when it cannot be read
    (damaged): then every absent user counts as removed, the safe side."""
    try:
        dek = unwrap_dek(current.vault_id, slot, private, current.current())
    except WrongPasswordError:
        return None
    try:
        conn = connect_keyed(vault.db_path, dek, pragmas=("PRAGMA query_only=ON",))
        try:
            return {row[0] for row in conn.execute("SELECT id FROM users").fetchall()}
        finally:
            conn.close()
    except Exception:  # a damaged current vault: decide without it
        log.warning("the current vault's users could not be read before a restore")
        return None
    finally:
        _zero(dek)


def _backup_key(
    opened: backups.OpenedBackup,
    current: Sidecar | None,
    slot: Slot | None,
    private: X25519PrivateKey | None,
    login: str,
    password: str,
) -> tuple[bytearray, X25519PrivateKey]:
    """The backup's data key, and the key pair that opens the restored vault for this user.
    Over a vault: the user's key pair (it survives password changes), else their password as it
    was. Into an empty folder: the backup's own slot and password."""
    theirs = opened.sidecar
    if current is None or slot is None or private is None:
        own = theirs.slot_for_login(login)
        if own is None or own.kind != "password":
            raise WrongPasswordError()
        key = open_password_slot(theirs.vault_id, own, password)
        return unwrap_dek(theirs.vault_id, own, key, theirs.current()), key
    then = theirs.slot_for_user(slot.user_id)
    if then is None:
        raise RestoreUnknownUserError()
    if then.public_key == slot.public_key:
        return unwrap_dek(theirs.vault_id, then, private, theirs.current()), private
    try:  # the key pair was replaced since (recovery): the password as it was then
        old = open_password_slot(theirs.vault_id, then, password)
        return unwrap_dek(theirs.vault_id, then, old, theirs.current()), private
    except WrongPasswordError:
        dek = unwrap_dek(current.vault_id, slot, private, current.current())
        try:  # no key rotation since the backup: today's data key opens it
            connect_keyed(opened.db_path, dek, pragmas=()).close()
        except CorruptVaultError:
            _zero(dek)
            raise WrongPasswordError() from None
        return dek, private


def _rekeyed(theirs: Sidecar, current: Sidecar, dek: bytearray) -> Sidecar:
    """The backup's key file with today's slots for every user both know (today's passwords
    and recovery key work), the backup's slots for users removed since (dropped next)."""
    mine = {s.user_id: s for s in current.slots if s.kind == "password"}
    recovery = current.recovery_slot()
    fresh = theirs.copy()
    fresh.slots = [
        (recovery or s) if s.kind == "recovery" else mine.get(s.user_id, s) for s in theirs.slots
    ]
    generation = max(current.current().generation, theirs.current().generation)
    fresh.deks = [wrap_for_all(fresh.vault_id, fresh.slots, generation, "current", dek)]
    return fresh


def commit(vault: Vault, plan: RestorePlan) -> Identity:
    """See `Vault.commit_restore`."""
    if plan.current is not None:
        _save_current(vault, plan)
    if vault.is_unlocked:
        vault.lock()
    vault._lock.acquire()
    try:
        backups.swap_in(
            vault.data_dir, plan.db_path, plan.keys_path, vault.db_path.name, vault.keys_path.name
        )
    finally:
        vault._lock.release()
    sidecar = vault.inventory()
    slot = sidecar.slot_for_login(plan.login)
    if slot is None:
        raise WrongPasswordError()
    log.info("backup restored into vault %s", sidecar.vault_id)
    vault._open(
        sidecar,
        slot,
        lambda generation: unwrap_dek(sidecar.vault_id, slot, plan.private, generation),
        daily_backup=False,
    )
    return vault.identity  # type: ignore[return-value]


def _save_current(vault: Vault, plan: RestorePlan) -> None:
    """A verified automatic backup of the vault about to be replaced; a vault too damaged to
    verify is kept as it is, files and all, beside the backups."""
    current, slot = plan.current, plan.slot
    assert current is not None and slot is not None
    try:
        if vault.is_unlocked:
            vault.backup(reason="before-restore")
            return
        vault._open(
            current,
            slot,
            lambda generation: unwrap_dek(current.vault_id, slot, plan.private, generation),
            daily_backup=False,
        )
        try:
            vault.backup(reason="before-restore")
        finally:
            vault.lock()
    except (CorruptVaultError, NewerSchemaError):
        _keep_damaged(vault)
    finally:
        vault._lock.acquire()


def _keep_damaged(vault: Vault) -> Path:
    """The live files as they are, in one private zip in the backups folder (not restorable
    from the list: it was never verified)."""
    folder = vault.backup_dir
    folder.mkdir(exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    out = folder / f"damaged-{stamp}-before-restore.zip"
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:
            for path in (
                vault.db_path,
                Path(f"{vault.db_path}-wal"),
                Path(f"{vault.db_path}-shm"),
                vault.keys_path,
            ):
                if path.exists():
                    archive.write(path, path.name)
        os.chmod(tmp, 0o600)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.warning("the vault replaced by a restore could not be verified; its files are kept")
    return out


def abandon(vault: Vault, plan: RestorePlan) -> None:
    """See `Vault.abandon_restore`."""
    shutil.rmtree(plan.folder, ignore_errors=True)
    if not vault.is_unlocked:
        vault._lock.release()


def _zero(buffer: bytearray) -> None:
    for i in range(len(buffer)):
        buffer[i] = 0
