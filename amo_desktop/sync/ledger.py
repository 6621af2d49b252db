"""The exchange's books in the vault: stamping local changes, reading rows out, merging rows in.

Everything here runs on one SQLAlchemy Connection inside the caller's transaction, so an
import either lands whole or not at all.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, insert, select, text, tuple_, update

from amo_desktop.domain.exchange import (
    SyncConflict,
    SyncField,
    SyncPending,
    SyncRow,
    SyncSibling,
    SyncTombstone,
)
from amo_desktop.sync import capture
from amo_desktop.sync.merge import FieldState, Value, make_dot, merge, overwrite, split_dot
from amo_desktop.sync.tables import Replicated, by_name, decode, encode, placeholder, replicated

CHUNK = 400
_rows: Table = SyncRow.__table__  # type: ignore[assignment]
_fields: Table = SyncField.__table__  # type: ignore[assignment]
_sibs: Table = SyncSibling.__table__  # type: ignore[assignment]
_pending: Table = SyncPending.__table__  # type: ignore[assignment]
_tombs: Table = SyncTombstone.__table__  # type: ignore[assignment]
_conflicts: Table = SyncConflict.__table__  # type: ignore[assignment]
CONFLICT_NS = uuid.UUID("5b0f6c3e-5a4e-4f7e-9f57-6a1d2f3c9b10")


def now_iso() -> str:
    """Milliseconds, like the triggers' strftime('%f'), so stamps compare as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- sync_state -------------------------------------------------------------------------
def state(conn: Connection) -> dict[str, Any]:
    row = conn.execute(text("SELECT * FROM sync_state WHERE id = 1")).mappings().one()
    return dict(row)


def next_counter(conn: Connection, column: str) -> int:
    conn.execute(text(f"UPDATE sync_state SET {column} = {column} + 1 WHERE id = 1"))
    return int(conn.execute(text(f"SELECT {column} FROM sync_state WHERE id = 1")).scalar_one())


def bootstrap(conn: Connection, vault_id: str) -> None:
    """Every row already in the vault is this vault's creation; capture starts now."""
    conn.execute(
        text("UPDATE sync_state SET vault_id = :v, seq = 1, lseq = 1 WHERE id = 1"),
        {"v": vault_id},
    )
    dot, at = make_dot(vault_id, 1), now_iso()
    for r in replicated():
        by = 't."changed_by"' if r.has_changed_by else "NULL"
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_rows (tbl, row_key, dot, by, at, lseq) "
            f"SELECT '{r.name}', {r.key_sql('t')}, ?, {by}, ?, 1 FROM \"{r.name}\" AS t",
            (dot, at),
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


def _books(conn: Connection, tbl: str, keys: list[str]) -> dict[str, RowBook]:
    books: dict[str, RowBook] = {}
    for chunk in _chunks(keys):
        for row in conn.execute(
            select(_rows.c.row_key, _rows.c.dot, _rows.c.by, _rows.c.at).where(
                _rows.c.tbl == tbl, _rows.c.row_key.in_(chunk)
            )
        ):
            books[row.row_key] = RowBook(row.dot, row.by, row.at)
        for row in conn.execute(
            select(_fields).where(_fields.c.tbl == tbl, _fields.c.row_key.in_(chunk))
        ):
            book = books.get(row.row_key)
            if book is not None:
                book.overrides[row.field] = (json.loads(row.vv), row.dot, row.by, row.at)
        for row in conn.execute(
            select(_sibs).where(_sibs.c.tbl == tbl, _sibs.c.row_key.in_(chunk))
        ):
            book = books.get(row.row_key)
            if book is not None:
                book.siblings.setdefault(row.field, {})[row.dot] = Value(
                    json.loads(row.value), row.by, row.at
                )
    return books


def _write_state(conn: Connection, tbl: str, key: str, name: str, st: FieldState) -> None:
    conn.execute(
        delete(_sibs).where(_sibs.c.tbl == tbl, _sibs.c.row_key == key, _sibs.c.field == name)
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
            insert(_sibs),
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


# --- stamping local changes ---------------------------------------------------------------
def stamp(conn: Connection) -> int:
    """Give the changes the triggers noted one new dot; returns how many rows it touched."""
    pending = conn.execute(select(_pending)).all()
    if not pending:
        return 0
    st = state(conn)
    capture.set_capture(conn, False)
    seq = next_counter(conn, "seq")
    lseq = next_counter(conn, "lseq")
    dot = make_dot(st["vault_id"], seq)
    grouped: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    for p in pending:
        grouped[(p.tbl, p.row_key)][p.field] = p
    for (tbl, key), changes in grouped.items():
        if "-" in changes:
            _tombstone(conn, tbl, key, dot, changes["-"].at, lseq)
            continue
        if "*" in changes:
            p = changes["*"]
            _forget_books(conn, tbl, key)
            conn.execute(
                text(
                    "INSERT OR REPLACE INTO sync_rows (tbl, row_key, dot, by, at, lseq) "
                    "VALUES (:t, :k, :d, :b, :a, :l)"
                ),
                {"t": tbl, "k": key, "d": dot, "b": p.by, "a": p.at, "l": lseq},
            )
            continue
        book = _books(conn, tbl, [key]).get(key)
        if book is None:  # a row that predates capture: its creation is this stamp
            conn.execute(
                insert(_rows).values(
                    tbl=tbl, row_key=key, dot=dot, by=None, at=now_iso(), lseq=lseq
                )
            )
            continue
        for name, p in changes.items():
            fresh = overwrite(book.state(name, None), dot, Value(None, p.by, p.at))
            _write_state(conn, tbl, key, name, fresh)
        conn.execute(
            update(_rows).where(_rows.c.tbl == tbl, _rows.c.row_key == key).values(lseq=lseq)
        )
    conn.execute(delete(_pending))
    capture.set_capture(conn, True)
    return len(grouped)


def _forget_books(conn: Connection, tbl: str, key: str) -> None:
    for t in (_rows, _fields, _sibs, _tombs):
        conn.execute(delete(t).where(t.c.tbl == tbl, t.c.row_key == key))


def _tombstone(conn: Connection, tbl: str, key: str, dot: str, at: str, lseq: int) -> None:
    _forget_books(conn, tbl, key)
    conn.execute(insert(_tombs).values(tbl=tbl, row_key=key, dot=dot, at=at, lseq=lseq))


# --- reading rows out ---------------------------------------------------------------------
def changed_keys(conn: Connection, since: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for tbl, key in conn.execute(select(_rows.c.tbl, _rows.c.row_key).where(_rows.c.lseq > since)):
        out[tbl].append(key)
    return out


def tombstones(conn: Connection, since: int) -> list[list[str]]:
    return [
        [r.tbl, r.row_key, r.dot, r.at]
        for r in conn.execute(select(_tombs).where(_tombs.c.lseq > since))
    ]


def read_rows(
    conn: Connection,
    r: Replicated,
    keys: Iterable[str],
    withheld: Callable[[str], frozenset[str]] = lambda key: frozenset(),
) -> Iterator[dict[str, Any]]:
    """Rows as they travel: values, creation stamp, changed fields and open conflicts."""
    keys = list(dict.fromkeys(keys))
    for chunk in _chunks(keys):
        books = _books(conn, r.name, chunk)
        for row in conn.execute(select(r.table).where(_key_in(r, chunk))).mappings():
            key = r.key_of(row)
            book = books.get(key)
            if book is None:
                continue
            values, states, sibs = {}, {}, {}
            hidden = withheld(key)
            for name in r.fields:
                if name in hidden:
                    values[name] = encode(_placeholder(r, name))
                    states[name] = None
                    continue
                values[name] = encode(row[name])
                if name in book.overrides:
                    vv, dot, by, at = book.overrides[name]
                    states[name] = [vv, dot, by, at]
                if name in book.siblings:
                    sibs[name] = [
                        [d, v.value, v.by, v.at] for d, v in sorted(book.siblings[name].items())
                    ]
            yield {
                "t": r.name,
                "k": key,
                "c": [book.dot, book.by, book.at],
                "v": values,
                "s": states,
                "x": sibs,
            }


def _placeholder(r: Replicated, name: str) -> Any:
    return placeholder(r.table, name)


def _key_in(r: Replicated, keys: list[str]) -> Any:
    if len(r.key_columns) == 1:
        return r.table.c[r.key_columns[0]].in_(keys)
    parts = [tuple(k.split("|")) for k in keys]
    return tuple_(*(r.table.c[c] for c in r.key_columns)).in_(parts)


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


# --- merging rows in ----------------------------------------------------------------------
@dataclass
class ApplyResult:
    rows: int = 0
    conflicts: int = 0
    skipped: int = 0


def _remote_state(wire: dict[str, Any], name: str) -> FieldState | None:
    if name in wire["s"] and wire["s"][name] is None:
        return None  # withheld from this laptop: it learns nothing about the field
    if name in wire["x"]:
        vv = wire["s"][name][0] if name in wire["s"] else {}
        return FieldState(dict(vv), {d: Value(v, b, a) for d, v, b, a in wire["x"][name]})
    if name in wire["s"]:
        vv, dot, by, at = wire["s"][name]
        return FieldState(dict(vv), {dot: Value(wire["v"][name], by, at)} if dot else {})
    dot, by, at = wire["c"]
    vault, seq = split_dot(dot)
    return FieldState({vault: seq}, {dot: Value(wire["v"][name], by, at)})


def apply_rows(conn: Connection, rows: list[dict[str, Any]], lseq: int) -> ApplyResult:
    """Merge incoming rows field by field; the caller has switched capture off."""
    result = ApplyResult()
    tables = by_name()
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for wire in rows:
        grouped[wire["t"]].append(wire)
    for r in replicated():
        batch = grouped.get(r.name)
        if not batch:
            continue
        assert r.name in tables
        for chunk_start in range(0, len(batch), CHUNK):
            _apply_chunk(conn, r, batch[chunk_start : chunk_start + CHUNK], lseq, result)
    return result


def _apply_chunk(
    conn: Connection, r: Replicated, wires: list[dict[str, Any]], lseq: int, result: ApplyResult
) -> None:
    keys = [w["k"] for w in wires]
    dead = {
        k
        for (k,) in conn.execute(
            select(_tombs.c.row_key).where(_tombs.c.tbl == r.name, _tombs.c.row_key.in_(keys))
        )
    }
    books = _books(conn, r.name, keys)
    present = {
        r.key_of(row): row
        for row in conn.execute(select(r.table).where(_key_in(r, keys))).mappings()
    }
    new_rows, new_books = [], []
    for wire in wires:
        key = wire["k"]
        if key in dead:
            result.skipped += 1
            continue
        book = books.get(key)
        if book is None and key not in present:
            values = {c: decode(r.table, c, wire["v"].get(c)) for c in r.fields}
            values.update(r.key_values(key))
            if r.has_changed_by:
                values["changed_by"] = wire["c"][1]
            new_rows.append(values)
            dot, by, at = wire["c"]
            new_books.append(
                {"tbl": r.name, "row_key": key, "dot": dot, "by": by, "at": at, "lseq": lseq}
            )
            result.rows += 1
            continue
        if book is None:  # the row is here but was never stamped (e.g. the joining user)
            dot, by, at = wire["c"]
            conn.execute(
                insert(_rows).values(tbl=r.name, row_key=key, dot=dot, by=by, at=at, lseq=lseq)
            )
            book = RowBook(dot, by, at)
            for name in r.fields:
                book.overrides[name] = ({}, None, None, "")
        current_row = present.get(key)
        changed = False
        updates: dict[str, Any] = {}
        for name in r.fields:
            remote = _remote_state(wire, name)
            if remote is None:
                continue
            local_value = encode(current_row[name]) if current_row is not None else None
            local = book.state(name, local_value)
            merged = merge(local, remote)
            if merged == local:
                continue
            changed = True
            _write_state(conn, r.name, key, name, merged)
            cur = merged.current()
            if cur is not None and cur[1].value != local_value:
                updates[name] = decode(r.table, name, cur[1].value)
            if merged.conflicted:
                result.conflicts += _record_conflict(conn, r.name, key, name, merged, lseq)
        if updates:
            conn.execute(update(r.table).where(_key_in(r, [key])).values(**updates))
        if changed:
            conn.execute(
                update(_rows).where(_rows.c.tbl == r.name, _rows.c.row_key == key).values(lseq=lseq)
            )
            result.rows += 1
    if new_rows:
        conn.execute(insert(r.table), new_rows)
        conn.execute(insert(_rows), new_books)
        for wire in wires:
            key = wire["k"]
            if key in dead or key in books or key in present:
                continue
            for name in r.fields:
                st = _remote_state(wire, name)
                if st is None:
                    conn.execute(insert(_fields).values(**_unknown_field(r.name, key, name)))
                elif name in wire["s"] or name in wire["x"]:
                    _write_state(conn, r.name, key, name, st)
                    if st.conflicted:
                        result.conflicts += _record_conflict(conn, r.name, key, name, st, lseq)


def _unknown_field(tbl: str, key: str, name: str) -> dict[str, Any]:
    return {
        "tbl": tbl,
        "row_key": key,
        "field": name,
        "vv": "{}",
        "dot": None,
        "by": None,
        "at": "",
    }


def _record_conflict(
    conn: Connection, tbl: str, key: str, name: str, st: FieldState, lseq: int
) -> int:
    """One record per set of clashing values, the same id on every laptop that sees it."""
    if tbl == "sync_conflicts":
        return 0
    dots = sorted(st.values)
    conflict_id = str(uuid.uuid5(CONFLICT_NS, f"{tbl}|{key}|{name}|{','.join(dots)}"))
    if conn.execute(select(_conflicts.c.id).where(_conflicts.c.id == conflict_id)).first():
        return 0
    values = [[d, st.values[d].value, st.values[d].by, st.values[d].at] for d in dots]
    dot, value = st.current()  # type: ignore[misc]
    conn.execute(
        insert(_conflicts).values(
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


# --- deletions ----------------------------------------------------------------------------
def _children(r: Replicated) -> list[tuple[Replicated, str]]:
    out = []
    for child in replicated():
        for fk in child.table.foreign_keys:
            if fk.column.table.name == r.name and len(r.key_columns) == 1:
                out.append((child, fk.parent.name))
    return out


def remove_row(conn: Connection, tbl: str, key: str, dot: str | None, at: str, lseq: int) -> int:
    """Delete a row and what hangs on it; with a dot, as tombstones that travel on."""
    r = by_name().get(tbl)
    if r is None:
        return 0
    removed = 0
    for child, column in _children(r):
        for row in conn.execute(select(child.table).where(child.table.c[column] == key)).mappings():
            removed += remove_row(conn, child.name, child.key_of(row), dot, at, lseq)
    conn.execute(delete(r.table).where(_key_in(r, [key])))
    if dot is not None:
        _tombstone(conn, tbl, key, dot, at, lseq)
    else:
        _forget_books(conn, tbl, key)
    conn.execute(
        delete(_conflicts).where(and_(_conflicts.c.tbl == tbl, _conflicts.c.row_key == key))
    )
    return removed + 1


def apply_tombstones(conn: Connection, items: list[list[str]], lseq: int) -> int:
    count = 0
    order = {r.name: i for i, r in enumerate(replicated())}
    for tbl, key, dot, at in sorted(items, key=lambda t: -order.get(t[0], 0)):
        if conn.execute(
            select(_tombs.c.row_key).where(_tombs.c.tbl == tbl, _tombs.c.row_key == key)
        ).first():
            continue
        remove_row(conn, tbl, key, dot, at, lseq)
        count += 1
    return count
