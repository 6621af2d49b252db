"""The exchange's own records, written on the caller's connection: peers, history, audit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, select

from amo_desktop.domain.exchange import SyncHistory, SyncPeer
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import AuditEvent, new_id
from amo_desktop.sync.bundle import VaultKeys

PEERS: Table = SyncPeer.__table__  # type: ignore[assignment]
HISTORY: Table = SyncHistory.__table__  # type: ignore[assignment]
_audit_events: Table = AuditEvent.__table__  # type: ignore[assignment]


def audit(
    conn: Connection,
    caller: Identity | None,
    action: str,
    detail: str = "",
    entity: str = "exchange",
    entity_id: str | None = None,
) -> None:
    """audit.record for work done on a Connection rather than a Session."""
    conn.execute(
        insert(_audit_events).values(
            id=new_id(),
            at=datetime.now(UTC),
            user_id=caller.user_id if caller else None,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )


def history_row(
    conn: Connection,
    direction: str,
    peer: str,
    bundle_id: str,
    rows: int,
    conflicts: int = 0,
    message: str = "",
) -> None:
    conn.execute(
        insert(HISTORY).values(
            at=datetime.now(UTC),
            direction=direction,
            peer=peer,
            bundle_id=bundle_id,
            rows=rows,
            conflicts=conflicts,
            message=message,
        )
    )


def peer_rows(conn: Connection) -> list[Any]:
    return list(conn.execute(select(PEERS)))


def peer(conn: Connection, vault_id: str | None) -> Any:
    """The laptop's row in sync_peers (this vault's own too); NoResultFound if unknown."""
    return conn.execute(select(PEERS).where(PEERS.c.vault_id == vault_id)).one()


def login_of(conn: Connection, vault_id: str) -> str:
    row = conn.execute(select(PEERS.c.login).where(PEERS.c.vault_id == vault_id)).first()
    return row[0] if row else "?"


def add_peer(
    conn: Connection,
    vault_id: str,
    user_id: str,
    login: str,
    role: str,
    keys: VaultKeys,
    known_gen: int,
    joined: bool = False,
    invite_expires: datetime | None = None,
) -> Any:
    """A laptop of the team in sync_peers, with nothing sent or received yet; returns its row."""
    conn.execute(
        insert(PEERS).values(
            vault_id=vault_id,
            user_id=user_id,
            login=login,
            role=role,
            box_public=keys.box_public,
            sign_public=keys.sign_public,
            revoked=False,
            joined=joined,
            acked=0,
            received=0,
            known_gen=known_gen,
            invite_expires=invite_expires,
        )
    )
    return peer(conn, vault_id)
