"""Inserting many rows in one statement, each value stored exactly as the ORM would store it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Connection, Date, DateTime, Dialect, Table, Time

Convert = Callable[[Any], Any]
_STATS = ("sqlite_stat1", "sqlite_stat4")  # SQLite's planner statistics, kept over a rebuild


def _datetime(value: datetime | str) -> str:
    """SQLAlchemy's SQLite DATETIME text: 'YYYY-MM-DD HH:MM:SS.ffffff', any zone left off;
    text already in that form (made by a bulk writer) stays as it is."""
    if isinstance(value, str):
        return value
    return value.isoformat(" ", "microseconds")[:26]


def _date(value: date) -> str:
    return value.isoformat()


def _time(value: time) -> str:
    return value.isoformat("microseconds")


def converter(column: Column[Any], dialect: Dialect) -> Convert | None:
    """How a value of `column` is bound: the ORM's own processor, or a quicker one that gives
    the same text for dates and times (tests/unit/storage/test_bulk.py compares them)."""
    kind = column.type
    if isinstance(kind, DateTime):
        return _datetime
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Time):
        return _time
    process: Convert | None = kind.dialect_impl(dialect).bind_processor(dialect)
    return process


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """One executemany of `rows` (all with the keys of the first) into `table`, without
    SQLAlchemy's per-row parameter bookkeeping, which costs as much as SQLite itself."""
    if not rows:
        return
    columns = list(rows[0])
    dialect = conn.dialect
    steps = [(i, f) for i, c in enumerate(columns) if (f := converter(table.c[c], dialect))]
    get = itemgetter(*columns)
    params: list[tuple[Any, ...]] = []
    for row in rows:
        got = get(row)
        values = list(got) if len(columns) > 1 else [got]
        for i, process in steps:
            value = values[i]
            if value is not None:
                values[i] = process(value)
        params.append(tuple(values))
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', params)


@dataclass
class DroppedIndexes:
    """The SQL of indexes dropped for a bulk insert, and their planner statistics."""

    sqls: list[str] = field(default_factory=list)
    stats: dict[str, list[Any]] = field(default_factory=dict)


def drop_indexes(conn: Connection, tables: Sequence[str]) -> DroppedIndexes:
    """Drops the tables' own non-unique indexes, keeping their SQL and planner statistics:
    rows inserted at random places in many indexes cost far more than making them anew."""
    dropped = DroppedIndexes()
    names: list[str] = []
    for tbl in tables:
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",
            (tbl,),
        ):
            if not sql.upper().startswith("CREATE UNIQUE"):
                names.append(name)
                dropped.sqls.append(sql)
    if names:
        have = {
            n
            for (n,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sqlite_stat%'"
            )
        }
        for stat in _STATS:
            if stat in have:
                marks = ", ".join("?" for _ in names)
                dropped.stats[stat] = list(
                    conn.exec_driver_sql(
                        f"SELECT * FROM {stat} WHERE idx IN ({marks})", tuple(names)
                    )
                )
    for name in names:  # the names of the schema's own indexes, as sqlite_master lists them
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return dropped


def restore_indexes(conn: Connection, dropped: DroppedIndexes) -> None:
    """Makes the dropped indexes again, each as sqlite_master kept it, with its statistics."""
    for sql in dropped.sqls:
        conn.exec_driver_sql(sql)
    for stat, rows in dropped.stats.items():
        for row in rows:
            marks = ", ".join("?" for _ in row)
            conn.exec_driver_sql(f"INSERT INTO {stat} VALUES ({marks})", tuple(row))
