"""Removing a user as one journaled operation that a crash cannot leave half done.

Removal spans the key file and the database: the user's slot goes and the data key is
rotated (vault.keys), then the user is marked removed, their laptops revoked and the team key
renewed (one database transaction). A journal file beside the vault (`vault.journal`, written
atomically) names the operation before the first step and is deleted after the last; every
step checks what is already done, so the next unlock (or a retry) simply finishes it.
Format: docs/vault-format.md.
"""

from __future__ import annotations

import json
import logging
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, insert, select, text, update

from amo_desktop.domain.exchange import SyncPeer
from amo_desktop.domain.models import AuditEvent, User, new_id
from amo_desktop.errors import CorruptVaultError
from amo_desktop.storage.atomic import fsync_dir, write_atomic
from amo_desktop.storage.rotation import CrashHook

if TYPE_CHECKING:
    from amo_desktop.storage.vault import Vault

log = logging.getLogger(__name__)
JOURNAL_NAME = "vault.journal"
OP = "user-remove"
_users: Table = User.__table__  # type: ignore[assignment]
_peers: Table = SyncPeer.__table__  # type: ignore[assignment]
_audit: Table = AuditEvent.__table__  # type: ignore[assignment]


def journal_path(data_dir: Path) -> Path:
    return Path(data_dir) / JOURNAL_NAME


def read_journal(data_dir: Path) -> dict[str, Any] | None:
    """The unfinished operation, or None; a journal we cannot read is left for a person to see."""
    path = journal_path(data_dir)
    if not path.exists():
        return None
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("the vault journal cannot be read; it is left in place")
        return None
    if not isinstance(entry, dict) or entry.get("op") != OP or not entry.get("user"):
        log.warning("the vault journal names an unknown operation; it is left in place")
        return None
    return entry


def _clear(data_dir: Path) -> None:
    journal_path(data_dir).unlink(missing_ok=True)
    fsync_dir(Path(data_dir))


def remove_user(vault: Vault, user_id: str, by: str, crash: CrashHook | None = None) -> None:
    """Write the journal, then do every step; the service has checked who may remove whom."""
    entry = {"format": 1, "op": OP, "user": user_id, "by": by, "started": _now().isoformat()}
    write_atomic(journal_path(vault.data_dir), json.dumps(entry).encode("utf-8"))
    _finish(vault, entry, crash)


def finish_pending(vault: Vault, crash: CrashHook | None = None) -> str | None:
    """At unlock: finish an operation a crash interrupted; returns the removed user's id."""
    entry = read_journal(vault.data_dir)
    if entry is None:
        return None
    try:
        _finish(vault, entry, crash)
    except CorruptVaultError:  # found damaged, so read-only: the journal waits for a restore
        log.warning("an interrupted user removal waits: the vault is read-only")
        return None
    log.info("finished an interrupted user removal")
    return str(entry["user"])


def _finish(vault: Vault, entry: dict[str, Any], crash: CrashHook | None) -> None:
    hook = crash or (lambda _point: None)
    hook("after-journal")
    user_id = str(entry["user"])
    sidecar = vault.sidecar
    if sidecar.slot_for_user(user_id) is not None or sidecar.pending() is not None:
        vault.remove_slot_and_rotate(user_id, crash=hook)  # step 1: slot and data key
    hook("after-rotation")
    _mark_removed(vault, user_id, str(entry.get("by") or "") or None)  # step 2: one transaction
    hook("after-database")
    _clear(vault.data_dir)


def _mark_removed(vault: Vault, user_id: str, by: str | None) -> None:
    """User removed, their laptops revoked, the team key renewed; each only if not yet done."""
    now = _now()
    with vault.engine.begin() as conn:
        user = conn.execute(select(_users.c.active).where(_users.c.id == user_id)).first()
        known_by = (
            by
            if by and conn.execute(select(_users.c.id).where(_users.c.id == by)).first()
            else None
        )
        if user is not None and user.active:
            conn.execute(
                update(_users)
                .where(_users.c.id == user_id)
                .values(active=False, removed_at=now, changed_by=known_by, updated_at=now)
            )
            _record(conn, known_by, "user.remove", user_id, now)
        team = conn.execute(text("SELECT team_id FROM sync_state WHERE id = 1")).scalar()
        if not team:
            return
        hit = conn.execute(
            update(_peers)
            .where(_peers.c.user_id == user_id, _peers.c.revoked.is_(False))
            .values(revoked=True)
        ).rowcount
        if hit:
            conn.execute(
                text("UPDATE sync_state SET key_gen = key_gen + 1, team_key = :k WHERE id = 1"),
                {"k": secrets.token_bytes(32)},
            )
            _record(conn, known_by, "exchange.revoke", user_id, now, entity="exchange")


def _record(
    conn: Any, by: str | None, action: str, user_id: str, at: datetime, entity: str = "user"
) -> None:
    conn.execute(
        insert(_audit).values(
            id=new_id(),
            at=at,
            user_id=by,
            action=action,
            entity=entity,
            entity_id=user_id,
            detail="",
        )
    )


def _now() -> datetime:
    return datetime.now(UTC)
