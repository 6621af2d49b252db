"""Deletions in the exchange: a row goes with what hangs on it, and its tombstone travels on."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, delete, select

from amo_desktop.domain.replication import Replicated, by_name, replicated
from amo_desktop.sync.ledger import CONFLICTS, chunks, forget_books, marks, tombstone

if TYPE_CHECKING:
    from amo_desktop.sync.rights import Judge


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
    conn.exec_driver_sql(
        f"DELETE FROM {r.sql_name} WHERE {r.key_where()}", tuple(r.key_values(key).values())
    )
    if dot is not None:
        tombstone(conn, r.name, key, dot, at, lseq)
    else:
        forget_books(conn, r.name, key)
    conn.execute(
        delete(CONFLICTS).where(and_(CONFLICTS.c.tbl == r.name, CONFLICTS.c.row_key == key))
    )
    return removed + 1


def present(conn: Connection, items: list[list[str]]) -> list[list[str]]:
    """The (table, key) pairs of `items` that this vault holds a row for."""
    found: set[tuple[str, str]] = set()
    grouped: dict[str, list[str]] = defaultdict(list)
    for tbl, key, *_ in items:
        grouped[tbl].append(key)
    for tbl, keys in grouped.items():
        r = by_name().get(tbl)
        if r is None:
            continue
        for chunk in chunks(keys):
            found.update(
                (r.name, k)
                for (k,) in conn.exec_driver_sql(
                    f"SELECT {r.key_sql('t')} FROM {r.sql_name} t "
                    f"WHERE {r.key_sql('t')} IN ({marks(chunk)})",
                    tuple(chunk),
                )
            )
    return [item for item in items if (item[0], item[1]) in found]


def apply_tombstones(
    conn: Connection, items: list[list[str]], lseq: int, judge: Judge | None = None
) -> int:
    """Deletions from elsewhere: rows we hold go (with what hangs on them); all are remembered,
    except, from a coach (`judge`), those the coach may not make and those of unknown rows."""
    order = {r.name: i for i, r in enumerate(replicated())}
    known = {
        (t, k)
        for t, k in conn.exec_driver_sql("SELECT tbl, row_key FROM sync_tombstones").fetchall()
    }
    fresh = [item for item in items if (item[0], item[1]) not in known]
    held = {(t, k) for t, k, *_ in present(conn, fresh)}
    if judge is not None:
        fresh = judge.deletions(conn, fresh, held)
    count = 0
    for tbl, key, dot, at in sorted(fresh, key=lambda t: -order.get(t[0], 0)):
        if (tbl, key) in held:
            remove_row(conn, tbl, key, dot, at, lseq)
            count += 1
        else:
            tombstone(conn, tbl, key, dot, at, lseq)
    return count
