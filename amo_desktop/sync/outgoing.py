"""Reading rows out of the vault as they travel: what changed since a laptop last confirmed."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select

from amo_desktop.domain.replication import Replicated, placeholder, replicated
from amo_desktop.sync.ledger import SCAN_FROM, TOMBSTONES, WireRow, chunks, marks

STREAM_ROWS = 5000  # rows read, encoded and compressed at a time in an export


def changed_keys(conn: Connection, since: int) -> dict[str, set[str]]:
    """Per table, so each lookup is a range of the (tbl, lseq) index, not a scan of all rows."""
    out: dict[str, set[str]] = {}
    for r in replicated():
        keys = {
            key
            for (key,) in conn.exec_driver_sql(
                "SELECT row_key FROM sync_rows WHERE tbl = ? AND lseq > ?", (r.name, since)
            )
        }
        if keys:
            out[r.name] = keys
    return out


def tombstones(conn: Connection, since: int) -> list[list[str]]:
    return [
        [r.tbl, r.row_key, r.dot, r.at]
        for r in conn.execute(select(TOMBSTONES).where(TOMBSTONES.c.lseq > since))
    ]


def _by_key(conn: Connection, sql: str, tbl: str, keys: list[str] | None) -> Iterator[Any]:
    """Rows of `sql` (which ends in "WHERE … tbl = ?") for some keys, or for all of them."""
    if keys is None:
        yield from conn.exec_driver_sql(sql, (tbl,))
        return
    for chunk in chunks(keys):
        yield from conn.exec_driver_sql(f"{sql} AND row_key IN ({marks(chunk)})", (tbl, *chunk))


def _states(
    conn: Connection, tbl: str, keys: list[str] | None
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, list[Any]]]]:
    overrides: dict[str, dict[str, Any]] = defaultdict(dict)
    sql = "SELECT row_key, field, vv, dot, by, at FROM sync_fields WHERE tbl = ?"
    for key, name, vv, dot, by, at in _by_key(conn, sql, tbl, keys):
        overrides[key][name] = [json.loads(vv), dot, by, at]
    siblings: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    sql = "SELECT row_key, field, dot, value, by, at FROM sync_siblings WHERE tbl = ?"
    for key, name, dot, value, by, at in _by_key(conn, sql, tbl, keys):
        siblings[key].setdefault(name, []).append([dot, json.loads(value), by, at])
    return overrides, siblings


def _stamps(
    conn: Connection, r: Replicated, since: int, wanted: list[str] | None
) -> dict[str, tuple[str, str | None, str]]:
    """The creation stamp of each row to send: changed since `since`, or those `wanted`."""
    if wanted is None:
        found = conn.exec_driver_sql(
            "SELECT row_key, dot, by, at FROM sync_rows WHERE tbl = ? AND lseq > ?",
            (r.name, since),
        ).fetchall()
    else:
        sql = "SELECT row_key, dot, by, at FROM sync_rows WHERE tbl = ?"
        found = list(_by_key(conn, sql, r.name, wanted))
    return {key: (dot, by, at) for key, dot, by, at in found}


def _values(conn: Connection, r: Replicated, keys: dict[str, Any]) -> list[Any]:
    """The rows of `keys`: key first, then the travelling fields in `r.fields` order."""
    cols = "".join(f", t.{r.column_sql(c)}" for c in r.fields)
    select_all = f"SELECT {r.key_sql('t')}{cols} FROM {r.sql_name} t"
    if len(keys) > SCAN_FROM:  # reading the table in order beats jumping to each row
        return [row for row in conn.exec_driver_sql(select_all) if row[0] in keys]
    raw: list[Any] = []
    for chunk in chunks(sorted(keys)):
        raw += conn.exec_driver_sql(
            f"{select_all} WHERE {r.key_sql('t')} IN ({marks(chunk)})", tuple(chunk)
        ).fetchall()
    return raw


def _stamped_rows(
    conn: Connection, r: Replicated, since: int, wanted: list[str] | None
) -> Iterator[Sequence[Any]]:
    """Chunks of (key, dot, by, at, *fields) of the rows to send.

    Everything changed since `since` of a table with a one-column key is read by one query
    joining the stamps to the rows, a chunk at a time, straight from the driver: a full export
    then holds one chunk of rows rather than every row and stamp of the vault."""
    if wanted is not None or len(r.key_columns) != 1:
        stamps = _stamps(conn, r, since, wanted)
        rows = [(row[0], *stamps[row[0]], *row[1:]) for row in _values(conn, r, stamps)]
        for start in range(0, len(rows), STREAM_ROWS):
            yield rows[start : start + STREAM_ROWS]
        return
    cols = "".join(f", t.{r.column_sql(c)}" for c in r.fields)
    sql = (
        f"SELECT s.row_key, s.dot, s.by, s.at{cols} FROM sync_rows s "
        f"JOIN {r.sql_name} t ON {r.key_sql('t')} = s.row_key WHERE s.tbl = ? AND s.lseq > ?"
    )
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.execute(sql, (r.name, since))
        while batch := cursor.fetchmany(STREAM_ROWS):
            yield batch
    finally:
        cursor.close()


def table_rows(
    conn: Connection,
    r: Replicated,
    since: int,
    keys: set[str] | None = None,
    withheld: Callable[[str], frozenset[str]] = lambda key: frozenset(),
) -> Iterator[list[WireRow]]:
    """Rows as they travel, in chunks: everything changed since `since`, or exactly `keys`."""
    wanted = None if keys is None else sorted(keys)
    overrides, siblings = _states(conn, r.name, wanted)
    for chunk in _stamped_rows(conn, r, since, wanted):
        rows: list[WireRow] = []
        for item in chunk:
            key, dot, by, at = item[:4]
            values = list(item[4:])
            states = overrides.get(key)
            sibs = siblings.get(key)
            hidden = withheld(key)
            if hidden:
                states = dict(states or {})
                sibs = {f: v for f, v in (sibs or {}).items() if f not in hidden}
                for i, name in enumerate(r.fields):
                    if name in hidden:
                        values[i] = placeholder(r.table, name)
                        states[name] = None
            rows.append([key, dot, by, at, values, states or None, sibs or None])
        yield rows
