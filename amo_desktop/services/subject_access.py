"""Inzage-export (AVG art. 15): every row the vault holds about one young person.

The rows are found by walking the schema's foreign keys backwards from the young person, so a
table added later that points (directly or through another table) at a young person is
exported without anyone remembering to add it (SECURITY.md R24).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from amo_desktop.domain.identity import Identity
from amo_desktop.domain.schema import metadata
from amo_desktop.errors import ValidationError
from amo_desktop.services import audit
from amo_desktop.services._validation import require_text
from amo_desktop.services.authz import TEAMLEADER_ROLES, requires

ROOT_TABLE = "youths"
# Staff accounts are referenced by nearly every row; they are not the young person's data.
NOT_WALKED = frozenset({"users"})


@dataclass(frozen=True)
class AccessExport:
    youth_id: str
    made_at: datetime
    reason: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    access_log: list[dict[str, Any]] = field(default_factory=list)


def _linked_tables() -> list[str]:
    """Every table that points at the root table through a chain of foreign keys."""
    found = {ROOT_TABLE}
    changed = True
    while changed:
        changed = False
        for table in metadata.sorted_tables:
            if table.name in found or table.name in NOT_WALKED:
                continue
            if any(fk.column.table.name in found for fk in table.foreign_keys):
                found.add(table.name)
                changed = True
    return sorted(found)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _rows(s: Session, table: Table, column_name: str, ids: set[Any]) -> list[dict[str, Any]]:
    if not ids:
        return []
    column = table.c[column_name]
    result = s.execute(select(table).where(column.in_(sorted(ids, key=str))))
    return [{k: _jsonable(v) for k, v in row._mapping.items()} for row in result]


def _primary_key(table: Table) -> str:
    return next(iter(table.primary_key.columns)).name


@requires(TEAMLEADER_ROLES)
def access_export(s: Session, caller: Identity, youth_id: str, reason: str) -> AccessExport:
    """Identifiable: team leader only, with a reason, and logged (SECURITY.md R23)."""
    reason = require_text("reason", reason, 200)
    youth_table = metadata.tables[ROOT_TABLE]
    root = _rows(s, youth_table, "id", {youth_id})
    if not root:
        raise ValidationError("pupil", "Deze jongere bestaat niet.", "No such young person.")
    collected: dict[str, list[dict[str, Any]]] = {ROOT_TABLE: root}
    names = _linked_tables()
    changed = True
    while changed:
        changed = False
        for table in metadata.sorted_tables:
            if table.name not in names or table.name == ROOT_TABLE:
                continue
            seen = {str(r.get(_primary_key(table))) for r in collected.get(table.name, [])}
            for fk in table.foreign_keys:
                target = fk.column.table.name
                if target not in collected:
                    continue
                ids = {r[fk.column.name] for r in collected[target]}
                for row in _rows(s, table, fk.parent.name, ids):
                    key = str(row.get(_primary_key(table)))
                    if key not in seen:
                        collected.setdefault(table.name, []).append(row)
                        seen.add(key)
                        changed = True
    for name in names:
        collected.setdefault(name, [])
    all_ids = {str(r["id"]) for rows in collected.values() for r in rows if "id" in r}
    audit_table = metadata.tables["audit_events"]
    log = _rows(s, audit_table, "entity_id", all_ids)
    log.sort(key=lambda r: str(r["at"]))
    audit.record(s, caller.user_id, "export", "youth", youth_id, "access_export")
    return AccessExport(youth_id, datetime.now().astimezone(), reason, collected, log)
