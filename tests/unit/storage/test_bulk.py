"""storage.bulk stores every value as the ORM would, and gives back the indexes it dropped."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Time,
    create_engine,
    insert,
    select,
)
from sqlalchemy.dialects import sqlite

from amo_desktop.storage.bulk import converter, drop_indexes, insert_rows, restore_indexes

META = MetaData()
ROWS = Table(
    "rows",
    META,
    Column("id", String(36), primary_key=True),
    Column("at", DateTime(timezone=True)),
    Column("naive", DateTime()),
    Column("on", Date()),
    Column("start", Time()),
    Column("flag", Boolean()),
    Column("n", Integer()),
    Index("ix_rows_on", "on"),
)
MOMENTS = [
    datetime(2026, 2, 2, 7, 0, 1, tzinfo=UTC),
    datetime(2026, 2, 2, 7, 0, 1, 5, tzinfo=UTC),
    datetime(1999, 12, 31, 23, 59, 59, 999_999, tzinfo=timezone(timedelta(hours=2))),
    datetime(2026, 2, 2),
]


def test_dates_and_times_are_bound_as_the_orm_binds_them() -> None:
    dialect = sqlite.dialect()
    for column, values in (
        (ROWS.c.at, MOMENTS),
        (ROWS.c.naive, MOMENTS),
        (ROWS.c.on, [date(2026, 2, 2), date(2001, 1, 9)]),
        (ROWS.c.start, [time(9, 5), time(13, 30, 1, 250)]),
    ):
        orm = column.type.dialect_impl(dialect).bind_processor(dialect)
        fast = converter(column, dialect)
        assert orm is not None and fast is not None
        for value in values:
            assert fast(value) == orm(value), (column.name, value)


def test_inserted_rows_read_back_like_orm_rows() -> None:
    engine = create_engine("sqlite://")
    META.create_all(engine)
    row = {
        "at": MOMENTS[1],
        "naive": MOMENTS[3],
        "on": date(2026, 2, 2),
        "start": time(9, 5),
        "flag": True,
        "n": 3,
    }
    with engine.begin() as conn:
        conn.execute(insert(ROWS), [{"id": "orm", **row}])
        insert_rows(conn, ROWS, [{"id": "bulk", **row}, {"id": "none", **dict.fromkeys(row)}])
        raw = {r[0]: r[1:] for r in conn.exec_driver_sql('SELECT * FROM "rows"')}
        read = {r.id: r[1:] for r in conn.execute(select(ROWS))}
    assert raw["bulk"] == raw["orm"]
    assert read["bulk"] == read["orm"] and read["none"] == (None,) * 6


def test_dropped_indexes_come_back() -> None:
    engine = create_engine("sqlite://")
    META.create_all(engine)
    listed = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    with engine.begin() as conn:
        before = list(conn.exec_driver_sql(listed))
        dropped = drop_indexes(conn, ["rows"])
        assert [n for n, _ in conn.exec_driver_sql(listed)] == ["sqlite_autoindex_rows_1"]
        restore_indexes(conn, dropped)
        assert list(conn.exec_driver_sql(listed)) == before
