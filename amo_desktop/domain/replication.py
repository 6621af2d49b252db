"""Which tables travel between laptops, how a row is named, and how its values are written.

`replicated()` is also the allow-list for SQL text: a table or column name is only ever put
into a statement through a `Replicated` (the names come from the models here, never from a
bundle), and a table named by a bundle is looked up with `by_name()` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Float, Integer, Table

from amo_desktop.domain.schema import metadata

# Kept on each laptop only: the audit trail, local settings and the exchange's own books.
LOCAL_ONLY = frozenset(
    {
        "audit_events",
        "settings",
        "sync_state",
        "sync_peers",
        "sync_rows",
        "sync_fields",
        "sync_siblings",
        "sync_pending",
        "sync_tombstones",
        "sync_history",
    }
)
# Bookkeeping columns: they change with every edit, so merging them would make false conflicts.
META = frozenset({"created_at", "updated_at", "changed_by"})


@dataclass(frozen=True)
class Replicated:
    name: str
    table: Table
    key_columns: tuple[str, ...]
    fields: tuple[str, ...]
    has_changed_by: bool

    def key_of(self, row: Any) -> str:
        return "|".join(str(row[c]) for c in self.key_columns)

    def key_values(self, row_key: str) -> dict[str, str]:
        return dict(zip(self.key_columns, row_key.split("|"), strict=True))

    @property
    def sql_name(self) -> str:
        """The table, quoted for SQL text."""
        return f'"{self.name}"'

    def column_sql(self, column: str) -> str:
        """One of this table's columns, quoted for SQL text; any other name is a KeyError."""
        return f'"{self.table.c[column].name}"'

    def key_sql(self, alias: str) -> str:
        """The row's key as SQL computes it, the same text `key_of` makes in Python."""
        return " || '|' || ".join(f"{alias}.{self.column_sql(c)}" for c in self.key_columns)

    def key_where(self) -> str:
        """A WHERE clause that finds one row, its key columns bound in order (`key_values`)."""
        return " AND ".join(f"{self.column_sql(c)} = ?" for c in self.key_columns)


@cache
def replicated() -> tuple[Replicated, ...]:
    """In foreign-key order, so parents are written before their children."""
    out = []
    for table in metadata.sorted_tables:
        if table.name in LOCAL_ONLY:
            continue
        keys = tuple(c.name for c in table.primary_key.columns)
        fields = tuple(c.name for c in table.columns if c.name not in META and c.name not in keys)
        out.append(Replicated(table.name, table, keys, fields, "changed_by" in table.c))
    return tuple(out)


@cache
def by_name() -> dict[str, Replicated]:
    return {r.name: r for r in replicated()}


def placeholder(table: Table, column: str) -> Any:
    """What a field holds on a laptop that may not know its real value (need to know)."""
    col = table.c[column]
    if col.nullable:
        return None
    kind = col.type
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer | Float):
        return 0
    return ""
