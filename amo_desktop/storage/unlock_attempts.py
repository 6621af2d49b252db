"""Failed unlocks counted in the key file, so the next user sees how many came before (issue 12)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from amo_desktop.errors import KnownError
from amo_desktop.storage.keyslots import Sidecar, now_iso

if TYPE_CHECKING:
    from amo_desktop.storage.vault import Vault

log = logging.getLogger(__name__)


def failures(sidecar: Sidecar) -> int:
    """The failed-unlock count, 0 when the field is missing or was edited into nonsense."""
    value = sidecar.failed_unlocks
    return value if isinstance(value, int) and value >= 0 else 0


def count_failure(vault: Vault) -> None:
    """One more failed unlock and its time in the key file, written atomically under the
    writer lock. Skipped (logged) when another program has the vault open or the folder
    cannot be written: the refusal itself must still be the wrong-password error."""
    held = vault._lock.held
    try:
        vault._lock.acquire()
    except KnownError:
        log.warning("failed unlock not counted: the vault is open elsewhere or read-only")
        return
    try:
        fresh = Sidecar.load(vault.keys_path)
        fresh.failed_unlocks = failures(fresh) + 1
        fresh.last_failed_unlock_at = now_iso()
        fresh.save(vault.keys_path)
        if vault._sidecar is not None:
            vault._sidecar = fresh
    except (OSError, KnownError):
        log.warning("failed unlock not counted: the key file could not be written")
    finally:
        if not held:
            vault._lock.release()


def reset_after_unlock(vault: Vault) -> None:
    """After a successful unlock, the count back to 0. Written directly under the writer
    lock: it need not wait for the integrity check."""
    sidecar = vault.sidecar
    if not failures(sidecar) and sidecar.last_failed_unlock_at is None:
        return
    fresh = sidecar.copy()
    fresh.failed_unlocks, fresh.last_failed_unlock_at = 0, None
    try:
        fresh.save(vault.keys_path)
    except OSError:
        log.warning("failed unlock count not reset: the key file could not be written")
        return
    vault._sidecar = fresh
    log.info("%d failed unlocks since the last successful one", failures(sidecar))


def reset(vault: Vault) -> None:
    """The count back to 0 after the user was told, whether the vault is open or not."""
    if vault.is_unlocked:
        reset_after_unlock(vault)
        return
    vault._lock.acquire()
    try:
        fresh = Sidecar.load(vault.keys_path)
        if failures(fresh) or fresh.last_failed_unlock_at is not None:
            fresh.failed_unlocks, fresh.last_failed_unlock_at = 0, None
            fresh.save(vault.keys_path)
    finally:
        vault._lock.release()
