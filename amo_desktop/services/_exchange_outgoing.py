"""What one laptop of the team is sent: the rows it may know that it has not confirmed yet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from typing import Any

from sqlalchemy import Connection

from amo_desktop.domain.replication import replicated
from amo_desktop.services._exchange_records import peer, peer_rows
from amo_desktop.services.authz import TEAMLEADER_ROLES
from amo_desktop.storage.keyslots import b64e
from amo_desktop.sync import outgoing
from amo_desktop.sync.bundle import Packer
from amo_desktop.sync.ledger import LedgerState, WireRow
from amo_desktop.sync.scope import FULL_ROLES, Scope, dependants, scope_for


def roster(conn: Connection) -> list[dict[str, Any]]:
    return [
        {
            "vault": p.vault_id,
            "user": p.user_id,
            "login": p.login,
            "role": p.role,
            "box": b64e(p.box_public),
            "sign": b64e(p.sign_public),
            "revoked": bool(p.revoked),
        }
        for p in peer_rows(conn)
    ]


@dataclass
class Content:
    """What one laptop is sent: the payload's `fields` in their order, its rows read while
    bundle.pack writes them (a callable); `rows` counts them once written."""

    fields: dict[str, Any] = field(default_factory=dict)
    rows: int = 0

    def counted(self, chunks: Iterator[list[WireRow]]) -> Iterator[list[WireRow]]:
        for chunk in chunks:
            self.rows += len(chunk)
            yield chunk


def content_for(conn: Connection, st: LedgerState, to: Any) -> Content:
    """What the laptop `to` (its sync_peers row) may have and has not confirmed yet; the rows
    are read when the content is packed, inside the caller's transaction."""
    since = int(to.acked)
    full = to.role in FULL_ROLES  # sent every change: no keys to gather and judge one by one
    changed = {} if full else outgoing.changed_keys(conn, since)
    scope = scope_for(conn, to.user_id, to.role, changed)
    include, forgets = ({}, []) if scope.full else _included(conn, scope, changed, since)
    content = Content()

    def tables(packer: Packer) -> None:
        packer.raw("{")
        first = True
        for r in replicated():
            if r.name not in include and not scope.full:
                continue
            wanted = None if scope.full else include[r.name]
            withheld = partial(scope.withheld_fields, r.name)
            chunks = outgoing.table_rows(conn, r, since, wanted, withheld)
            head = next((chunk for chunk in chunks if chunk), None)
            if head is None:
                continue
            packer.raw(f'{"" if first else ","}"{r.name}":{{"fields":')
            packer.value(list(r.fields))
            packer.raw(',"rows":')
            packer.array(content.counted(chain([head], chunks)))
            packer.raw("}")
            first = False
        packer.raw("}")

    content.fields = {
        "upto": st.lseq,
        "ack": int(to.received),
        "roster": roster(conn) if peer(conn, st.vault_id).role in TEAMLEADER_ROLES else None,
        "tables": tables,
        "tomb": outgoing.tombstones(conn, since),
        "forget": forgets,
        "team_name": st.team_name,
    }
    return content


def _included(
    conn: Connection, scope: Scope, changed: dict[str, set[str]], since: int
) -> tuple[dict[str, set[str]], list[list[str]]]:
    """The changed rows the laptop may have, with what hangs on a trajectory that became
    theirs; and, for a coach, the referrals and trajectories it is to forget."""
    include: dict[str, set[str]] = {}
    for tbl, keys in changed.items():
        allowed = {k for k in keys if scope.allows(tbl, k)}
        if allowed:
            include[tbl] = allowed
    forgets: list[list[str]] = []
    if not scope.full:
        fresh = set(include.get("trajectories", set()))
        fresh |= {k.split("|")[0] for k in include.get("trajectory_coaches", set())}
        fresh &= scope.rows.get("trajectories", set())
        for tbl, ids in dependants(conn, fresh).items():
            include.setdefault(tbl, set()).update(ids)
        include.setdefault("trajectories", set()).update(fresh)
        if since:  # a laptop that has nothing yet has nothing to forget
            for tbl in ("referrals", "trajectories"):
                forgets += [[tbl, k] for k in changed.get(tbl, []) if not scope.allows(tbl, k)]
    return include, forgets
