"""Triggers that note every change to a travelling table, however it was written.

They are schema, so the vault installs them itself, anew at every unlock from the current
models: a migration that rebuilds a table never leaves it without capture. They write only
while sync_state.capture is 1: off until the vault joins a team, and off while an import
applies other laptops' changes.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text

from amo_desktop.domain.replication import Replicated, replicated

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"
ON = "(SELECT capture FROM sync_state WHERE id = 1) = 1"


def _triggers(r: Replicated) -> list[str]:
    by_new = 'NEW."changed_by"' if r.has_changed_by else "NULL"
    pending = "INSERT OR REPLACE INTO sync_pending (tbl, row_key, field, by, at)"
    out = [
        f'CREATE TRIGGER sync_ins_{r.name} AFTER INSERT ON "{r.name}" WHEN {ON} BEGIN '
        f"{pending} VALUES ('{r.name}', {r.key_sql('NEW')}, '*', {by_new}, {NOW}); END",
        f'CREATE TRIGGER sync_del_{r.name} AFTER DELETE ON "{r.name}" WHEN {ON} BEGIN '
        f"{pending} VALUES ('{r.name}', {r.key_sql('OLD')}, '-', NULL, {NOW}); END",
    ]
    if r.fields:
        changed = " UNION ALL ".join(
            f'SELECT \'{f}\' AS f WHERE OLD."{f}" IS NOT NEW."{f}"' for f in r.fields
        )
        out.append(
            f'CREATE TRIGGER sync_upd_{r.name} AFTER UPDATE ON "{r.name}" WHEN {ON} BEGIN '
            f"{pending} SELECT '{r.name}', {r.key_sql('NEW')}, f, {by_new}, {NOW} "
            f"FROM ({changed}); END"
        )
    return out


def install(engine: Engine) -> None:
    """Makes the triggers the models call for; untouched when they are already there."""
    wanted = {sql.split()[2]: sql for r in replicated() for sql in _triggers(r)}
    with engine.begin() as conn:
        present: dict[str, str] = {
            name: sql
            for name, sql in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'"
            )
        }
        for name, sql in present.items():
            if wanted.get(name) != sql:
                conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        for name, sql in wanted.items():
            if present.get(name) != sql:
                conn.exec_driver_sql(sql)


def set_capture(conn: Connection, on: bool) -> None:
    conn.execute(text("UPDATE sync_state SET capture = :on WHERE id = 1"), {"on": int(on)})
