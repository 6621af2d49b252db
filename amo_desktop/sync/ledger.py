"""The exchange's books in the vault: this vault's state and counters, and each row's stamps.

Everything in sync/ runs on one SQLAlchemy Connection inside the caller's transaction, so an
import either lands whole or not at all. SQL text names a table or column only through a
`Replicated` (domain/replication.py, the code's own list) or as a constant written in code;
every value is a bound parameter.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, Table, delete, insert, select, text, update

from amo_desktop.domain.exchange import (
    SyncConflict,
    SyncField,
    SyncPending,
    SyncRow,
    SyncSibling,
    SyncState,
    SyncTombstone,
)
from amo_desktop.domain.replication import replicated
from amo_desktop.errors import NoTeamError
from amo_desktop.storage import capture
from amo_desktop.sync.merge import FieldState, Value, make_dot, overwrite, split_dot

CHUNK = 400
SCAN_FROM = 5000  # changed rows of one table above which the whole table is read
ROWS: Table = SyncRow.__table__  # type: ignore[assignment]
FIELDS: Table = SyncField.__table__  # type: ignore[assignment]
SIBLINGS: Table = SyncSibling.__table__  # type: ignore[assignment]
TOMBSTONES: Table = SyncTombstone.__table__  # type: ignore[assignment]
CONFLICTS: Table = SyncConflict.__table__  # type: ignore[assignment]
_pending: Table = SyncPending.__table__  # type: ignore[assignment]
_state: Table = SyncState.__table__  # type: ignore[assignment]
CONFLICT_NS = uuid.UUID("5b0f6c3e-5a4e-4f7e-9f57-6a1d2f3c9b10")

# A row as it travels: [key, dot, by, at, [values in "fields" order], states | None,
# siblings | None]. Values travel as SQLite stores them (the same program writes both ends).
WireRow = list[Any]


def now_iso() -> str:
    """Milliseconds, like the triggers' strftime('%f'), so stamps compare as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def chunks(items: list[Any]) -> Iterator[list[Any]]:
    """Slices small enough for one statement's bound parameters."""
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def marks(values: Sequence[Any]) -> str:
    """One "?" per value, for `IN (...)` with the values bound."""
    return ",".join("?" * len(values))


# --- sync_state -------------------------------------------------------------------------
@dataclass(frozen=True)
class Team:
    """The team a vault belongs to and the keys it signs, opens and encrypts bundles with."""

    team_id: str
    vault_id: str
    team_key: bytes
    box_private: bytes  # X25519
    sign_private: bytes  # Ed25519


@dataclass(frozen=True)
class LedgerState:
    """This vault's row of sync_state: its identity in the team and its counters."""

    capture: bool  # the triggers record changes
    vault_id: str | None
    team_id: str | None
    team_name: str
    key_gen: int
    team_key: bytes | None
    box_private: bytes | None
    sign_private: bytes | None
    seq: int  # dots this vault has handed out
    lseq: int  # local change batches
    folder: str  # the shared folder, "" when none is set

    def team(self) -> Team:
        """The team and its keys; NoTeamError while the vault has not joined or made one."""
        if not self.team_id:
            raise NoTeamError()
        assert self.vault_id and self.team_key and self.box_private and self.sign_private
        return Team(
            self.team_id,
            self.vault_id,
            bytes(self.team_key),
            bytes(self.box_private),
            bytes(self.sign_private),
        )


def state(conn: Connection) -> LedgerState:
    row = conn.execute(select(_state).where(_state.c.id == 1)).one()
    return LedgerState(
        capture=bool(row.capture),
        vault_id=row.vault_id,
        team_id=row.team_id,
        team_name=row.team_name,
        key_gen=int(row.key_gen),
        team_key=row.team_key,
        box_private=row.box_private,
        sign_private=row.sign_private,
        seq=int(row.seq),
        lseq=int(row.lseq),
        folder=row.folder,
    )


def next_counter(conn: Connection, column: Literal["seq", "lseq"]) -> int:
    counter = _state.c[column]  # only these two columns: a KeyError for any other name
    conn.execute(update(_state).where(_state.c.id == 1).values({counter: counter + 1}))
    return int(conn.execute(select(counter).where(_state.c.id == 1)).scalar_one())


def bootstrap(conn: Connection, vault_id: str) -> None:
    """Every row already in the vault is this vault's creation; capture starts now."""
    conn.execute(
        text("UPDATE sync_state SET vault_id = :v, seq = 1, lseq = 1 WHERE id = 1"),
        {"v": vault_id},
    )
    dot, at = make_dot(vault_id, 1), now_iso()
    for r in replicated():
        by = f"t.{r.column_sql('changed_by')}" if r.has_changed_by else "NULL"
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_rows (tbl, row_key, dot, by, at, lseq) "
            f"SELECT ?, {r.key_sql('t')}, ?, {by}, ?, 1 FROM {r.sql_name} AS t",
            (r.name, dot, at),
        )
    conn.exec_driver_sql("DELETE FROM sync_pending")
    capture.set_capture(conn, True)


# --- field states -----------------------------------------------------------------------
@dataclass
class RowBook:
    """What the vault knows about one row: its creation and the fields changed since."""

    dot: str
    by: str | None
    at: str
    overrides: dict[str, tuple[dict[str, int], str | None, str | None, str]] = field(
        default_factory=dict
    )
    siblings: dict[str, dict[str, Value]] = field(default_factory=dict)

    def state(self, name: str, value: Any) -> FieldState:
        if name in self.siblings:
            vv = self.overrides[name][0] if name in self.overrides else {}
            return FieldState(dict(vv), dict(self.siblings[name]))
        if name in self.overrides:
            vv, dot, by, at = self.overrides[name]
            return FieldState(dict(vv), {dot: Value(value, by, at)} if dot else {})
        vault, seq = split_dot(self.dot)
        return FieldState({vault: seq}, {self.dot: Value(value, self.by, self.at)})


def remote_state(w: WireRow, name: str, value: Any) -> FieldState | None:
    """A field of an incoming row as the sender knows it; None when withheld from this laptop."""
    _, cdot, cby, cat, _, states, sibs = w
    if states and name in states and states[name] is None:
        return None  # withheld from this laptop: it learns nothing about the field
    if sibs and name in sibs:
        vv = states[name][0] if states and name in states else {}
        return FieldState(dict(vv), {d: Value(v, b, a) for d, v, b, a in sibs[name]})
    if states and name in states:
        vv, dot, by, at = states[name]
        return FieldState(dict(vv), {dot: Value(value, by, at)} if dot else {})
    vault, seq = split_dot(cdot)
    return FieldState({vault: seq}, {cdot: Value(value, cby, cat)})


def books(conn: Connection, tbl: str, keys: list[str]) -> dict[str, RowBook]:
    out: dict[str, RowBook] = {}
    for chunk in chunks(keys):
        for row in conn.execute(
            select(ROWS.c.row_key, ROWS.c.dot, ROWS.c.by, ROWS.c.at).where(
                ROWS.c.tbl == tbl, ROWS.c.row_key.in_(chunk)
            )
        ):
            out[row.row_key] = RowBook(row.dot, row.by, row.at)
        for row in conn.execute(
            select(FIELDS).where(FIELDS.c.tbl == tbl, FIELDS.c.row_key.in_(chunk))
        ):
            book = out.get(row.row_key)
            if book is not None:
                book.overrides[row.field] = (json.loads(row.vv), row.dot, row.by, row.at)
        for row in conn.execute(
            select(SIBLINGS).where(SIBLINGS.c.tbl == tbl, SIBLINGS.c.row_key.in_(chunk))
        ):
            book = out.get(row.row_key)
            if book is not None:
                book.siblings.setdefault(row.field, {})[row.dot] = Value(
                    json.loads(row.value), row.by, row.at
                )
    return out


def write_state(conn: Connection, tbl: str, key: str, name: str, st: FieldState) -> None:
    conn.execute(
        delete(SIBLINGS).where(
            SIBLINGS.c.tbl == tbl, SIBLINGS.c.row_key == key, SIBLINGS.c.field == name
        )
    )
    current = st.current()
    dot, val = current if current else (None, Value(None, None, ""))
    conn.execute(
        text(
            "INSERT OR REPLACE INTO sync_fields (tbl, row_key, field, vv, dot, by, at) "
            "VALUES (:t, :k, :f, :vv, :d, :b, :a)"
        ),
        {"t": tbl, "k": key, "f": name, "vv": _vv(st.vv), "d": dot, "b": val.by, "a": val.at},
    )
    if st.conflicted:
        conn.execute(
            insert(SIBLINGS),
            [
                {
                    "tbl": tbl,
                    "row_key": key,
                    "field": name,
                    "dot": d,
                    "value": json.dumps(v.value),
                    "by": v.by,
                    "at": v.at,
                }
                for d, v in st.values.items()
            ],
        )


def _vv(vv: dict[str, int]) -> str:
    return json.dumps(vv, sort_keys=True, separators=(",", ":"))


def record_conflict(
    conn: Connection, tbl: str, key: str, name: str, st: FieldState, lseq: int
) -> int:
    """One record per set of clashing values, the same id on every laptop that sees it."""
    if tbl == "sync_conflicts":
        return 0
    dots = sorted(st.values)
    conflict_id = str(uuid.uuid5(CONFLICT_NS, f"{tbl}|{key}|{name}|{','.join(dots)}"))
    if conn.execute(select(CONFLICTS.c.id).where(CONFLICTS.c.id == conflict_id)).first():
        return 0
    values = [[d, st.values[d].value, st.values[d].by, st.values[d].at] for d in dots]
    dot, value = st.current()  # type: ignore[misc]
    conn.execute(
        insert(CONFLICTS).values(
            id=conflict_id,
            tbl=tbl,
            row_key=key,
            field=name,
            values=json.dumps(values),
            detected_at=value.at,
            resolution="",
            created_at=datetime.now(UTC),
            updated_at=datetime.now(UTC),
        )
    )
    conn.execute(
        text(
            "INSERT OR IGNORE INTO sync_rows (tbl, row_key, dot, by, at, lseq) "
            "VALUES ('sync_conflicts', :k, :d, NULL, :a, :l)"
        ),
        {"k": conflict_id, "d": dot, "a": value.at, "l": lseq},
    )
    return 1


def forget_conflicts(conn: Connection, tbl: str, keys: list[str]) -> None:
    """Retention: clashing values are personal data too, so they go with the record."""
    for chunk in chunks(keys):
        conn.execute(delete(SIBLINGS).where(SIBLINGS.c.tbl == tbl, SIBLINGS.c.row_key.in_(chunk)))
        conn.execute(
            delete(CONFLICTS).where(CONFLICTS.c.tbl == tbl, CONFLICTS.c.row_key.in_(chunk))
        )


# --- stamping local changes ---------------------------------------------------------------
def stamp(conn: Connection) -> int:
    """Give the changes the triggers noted one new dot; returns how many rows it touched."""
    pending = conn.execute(select(_pending)).all()
    if not pending:
        return 0
    vault_id = state(conn).vault_id
    assert vault_id is not None  # capture is on only once the vault is in a team
    capture.set_capture(conn, False)
    seq = next_counter(conn, "seq")
    lseq = next_counter(conn, "lseq")
    dot = make_dot(vault_id, seq)
    grouped: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    for p in pending:
        grouped[(p.tbl, p.row_key)][p.field] = p
    edited: dict[str, list[str]] = defaultdict(list)  # rows with field changes only
    for (tbl, key), changes in grouped.items():
        if "-" not in changes and "*" not in changes:
            edited[tbl].append(key)
    found = {tbl: books(conn, tbl, keys) for tbl, keys in edited.items()}
    for (tbl, key), changes in grouped.items():
        if "-" in changes:
            tombstone(conn, tbl, key, dot, changes["-"].at, lseq)
        elif "*" in changes:
            _stamp_creation(conn, tbl, key, dot, changes["*"], lseq)
        else:
            _stamp_fields(conn, tbl, key, dot, changes, found[tbl].get(key), lseq)
    conn.execute(delete(_pending))
    capture.set_capture(conn, True)
    return len(grouped)


def _stamp_creation(conn: Connection, tbl: str, key: str, dot: str, p: Any, lseq: int) -> None:
    forget_books(conn, tbl, key)
    conn.execute(
        text(
            "INSERT OR REPLACE INTO sync_rows (tbl, row_key, dot, by, at, lseq) "
            "VALUES (:t, :k, :d, :b, :a, :l)"
        ),
        {"t": tbl, "k": key, "d": dot, "b": p.by, "a": p.at, "l": lseq},
    )


def _stamp_fields(
    conn: Connection,
    tbl: str,
    key: str,
    dot: str,
    changes: dict[str, Any],
    book: RowBook | None,
    lseq: int,
) -> None:
    if book is None:  # a row that predates capture: its creation is this stamp
        conn.execute(
            insert(ROWS).values(tbl=tbl, row_key=key, dot=dot, by=None, at=now_iso(), lseq=lseq)
        )
        return
    for name, p in changes.items():
        fresh = overwrite(book.state(name, None), dot, Value(None, p.by, p.at))
        write_state(conn, tbl, key, name, fresh)
    conn.execute(update(ROWS).where(ROWS.c.tbl == tbl, ROWS.c.row_key == key).values(lseq=lseq))


def forget_books(conn: Connection, tbl: str, key: str) -> None:
    for t in (ROWS, FIELDS, SIBLINGS, TOMBSTONES):
        conn.execute(delete(t).where(t.c.tbl == tbl, t.c.row_key == key))


def tombstone(conn: Connection, tbl: str, key: str, dot: str, at: str, lseq: int) -> None:
    forget_books(conn, tbl, key)
    forget_conflicts(conn, tbl, [key])
    conn.execute(insert(TOMBSTONES).values(tbl=tbl, row_key=key, dot=dot, at=at, lseq=lseq))
