"""Revoking a user: the slot goes, then the data key is renewed in three crash-safe steps (R7)."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING

from amo_desktop.storage.engine import connect_keyed, raw_key_literal
from amo_desktop.storage.keyslots import wrap_for_all

if TYPE_CHECKING:
    from amo_desktop.storage.vault import Vault

log = logging.getLogger(__name__)

# Only tests pass a hook: it is called at each named point (to kill the process there, R7).
CrashHook = Callable[[str], None]


def remove_and_rotate(vault: Vault, user_id: str, crash: CrashHook | None = None) -> None:
    """Either key opens the vault at every step, so a crash anywhere loses nothing."""
    hook = crash or (lambda _point: None)
    vault._writable()
    old_dek = vault._require_dek()
    new_dek = bytearray(secrets.token_bytes(32))
    sidecar = vault.sidecar.copy()
    removed = sidecar.slot_for_user(user_id)  # None: a journaled removal is finished
    sidecar.slots = [s for s in sidecar.slots if s.user_id != user_id]
    current = sidecar.current()
    if removed is not None:
        current.wraps.pop(removed.slot_id, None)
    pending = wrap_for_all(
        sidecar.vault_id, sidecar.slots, current.generation + 1, "pending", new_dek
    )
    sidecar.deks = [current, pending]
    sidecar.save(vault.keys_path)  # step 1: removed user has no slot; both keys wrapped
    vault._sidecar = sidecar
    hook("after-pending")
    vault.engine.dispose()
    conn = connect_keyed(vault.db_path, old_dek)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.reset_key(raw_key_literal(new_dek))  # step 2: PRAGMA rekey, one transaction
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    hook("after-rekey")
    vault._dek = new_dek
    zero(old_dek)
    final = sidecar.copy()
    final.deks = [d for d in final.deks if d.state == "pending"]
    final.deks[0].state = "current"
    final.save(vault.keys_path)  # step 3: only the new key remains
    vault._sidecar = final
    log.info("data key rotated to generation %s", final.deks[0].generation)


def zero(buffer: bytearray) -> None:
    """Overwrite a key in place (R20: the data key never outlives the lock)."""
    for i in range(len(buffer)):
        buffer[i] = 0
