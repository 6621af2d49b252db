"""Merging another laptop's rows in, asked of sync/incoming.py directly (issue 17): new rows
arrive whole with their books, held rows merge field by field, deleted rows stay deleted."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection

from amo_desktop.domain.replication import by_name
from amo_desktop.storage import capture
from amo_desktop.storage.vault import Vault
from amo_desktop.sync import ledger
from amo_desktop.sync.incoming import ApplyResult, apply_tables
from amo_desktop.sync.ledger import SCAN_FROM
from amo_desktop.sync.rights import Judge
from tests.integration.exchange.conftest import Team
from tests.integration.services.conftest import stage  # noqa: F401

AT = "2025-11-03T10:00:00.123Z"
LATER = "2025-11-04T10:00:00.000Z"
PARTNER = {"name": "CLB Asse", "kind": "clb", "network": None, "contact_info": "02 000 00 00"}


def _rows(conn: Connection, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _tables(tbl: str, rows: list[list[Any]], fields: list[str] | None = None) -> dict[str, Any]:
    return {tbl: {"fields": fields or list(by_name()[tbl].fields), "rows": rows}}


def _partner(key: str, dot: str = "v-an:4", at: str = AT, **values: Any) -> list[Any]:
    v = {**PARTNER, **values}
    return [key, dot, "u-an", at, [v[f] for f in by_name()["partners"].fields], None, None]


def _import(vault: Vault, tables: dict[str, Any], lseq: int = 7) -> ApplyResult:
    with vault.engine.begin() as conn:
        capture.set_capture(conn, False)
        return apply_tables(conn, tables, lseq)


@pytest.fixture
def lead(team: Team) -> Vault:
    """The team leader's vault with its books: every row stamped as its own creation."""
    with team.leader.vault.engine.begin() as conn:
        ledger.bootstrap(conn, "v-lead")
        capture.set_capture(conn, False)
    return team.leader.vault


def test_a_new_row_arrives_whole_with_its_creation_stamp(lead: Vault) -> None:
    result = _import(lead, _tables("partners", [_partner("p-1")]))
    assert (result.rows, result.conflicts, result.skipped) == (1, 0, 0)
    with lead.engine.connect() as conn:
        assert _rows(
            conn,
            "SELECT name, kind, network, contact_info, created_at, updated_at, changed_by "
            "FROM partners WHERE id = 'p-1'",
        ) == [
            (
                "CLB Asse",
                "clb",
                None,
                "02 000 00 00",
                "2025-11-03 10:00:00.123000",
                "2025-11-03 10:00:00.123000",
                "u-an",
            )
        ]
        assert _rows(conn, "SELECT * FROM sync_rows WHERE row_key = 'p-1'") == [
            ("partners", "p-1", "v-an:4", "u-an", AT, 7)
        ]
        assert _rows(conn, "SELECT * FROM sync_fields WHERE row_key = 'p-1'") == []


def test_a_field_the_bundle_leaves_out_gets_the_empty_value_of_its_kind(lead: Vault) -> None:
    fields = ["name", "kind"]
    row = ["p-2", "v-an:4", "u-an", AT, ["CLB Opwijk", "clb"], None, None]
    assert _import(lead, _tables("partners", [row], fields)).rows == 1
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT name, network, contact_info FROM partners WHERE id='p-2'") == [
            ("CLB Opwijk", None, "")
        ]


def test_a_row_with_a_two_part_key_arrives_under_both_parts(team: Team, lead: Vault) -> None:
    yusuf = team.stage.yusuf.user_id
    row = [f"{team.trajectory}|{yusuf}", "v-lead:5", None, AT, [], None, None]
    assert _import(lead, _tables("trajectory_coaches", [row])).rows == 1
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT trajectory_id, user_id FROM trajectory_coaches") == [
            (team.trajectory, yusuf)
        ]
    for bad in (f"{team.trajectory}", f"{team.trajectory}|{yusuf}|x"):
        with pytest.raises(ValueError, match="does not fit"):
            _import(
                lead, _tables("trajectory_coaches", [[bad, "v-lead:6", None, AT, [], None, None]])
            )
    with pytest.raises(ValueError, match="does not fit"):
        _import(lead, _tables("partners", [_partner("p|3")]))


def test_a_deleted_row_stays_deleted(lead: Vault) -> None:
    with lead.engine.begin() as conn:
        ledger.tombstone(conn, "partners", "p-dead", "v-lead:9", AT, 3)
    result = _import(lead, _tables("partners", [_partner("p-dead"), _partner("p-4")]))
    assert (result.rows, result.skipped) == (1, 1)
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT id FROM partners WHERE id IN ('p-dead', 'p-4')") == [("p-4",)]


def test_an_edit_the_vault_has_not_seen_replaces_the_value_and_again_changes_nothing(
    lead: Vault,
) -> None:
    _import(lead, _tables("partners", [_partner("p-5")]))
    edited = _partner("p-5", contact_info="03 111 11 11")
    edited[5] = {"contact_info": [{"v-an": 6}, "v-an:6", "u-an", LATER]}
    result = _import(lead, _tables("partners", [edited]), lseq=8)
    assert (result.rows, result.conflicts) == (1, 0)
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT name, contact_info FROM partners WHERE id = 'p-5'") == [
            ("CLB Asse", "03 111 11 11")
        ]
        assert _rows(
            conn, "SELECT field, vv, dot, by, at FROM sync_fields WHERE row_key = 'p-5'"
        ) == [("contact_info", '{"v-an":6}', "v-an:6", "u-an", LATER)]
        assert _rows(conn, "SELECT lseq FROM sync_rows WHERE row_key = 'p-5'") == [(8,)]
    again = _import(lead, _tables("partners", [edited]), lseq=9)
    assert (again.rows, again.conflicts) == (0, 0)
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT lseq FROM sync_rows WHERE row_key = 'p-5'") == [(8,)]


def test_two_edits_made_without_knowing_of_each_other_are_a_conflict(lead: Vault) -> None:
    _import(lead, _tables("partners", [_partner("p-6")]))
    with lead.engine.begin() as conn:  # the team leader's own edit, stamped
        capture.set_capture(conn, True)
        conn.exec_driver_sql("UPDATE partners SET contact_info = 'Lea' WHERE id = 'p-6'")
        ledger.stamp(conn)
        capture.set_capture(conn, False)
    theirs = _partner("p-6", contact_info="An")
    theirs[5] = {"contact_info": [{"v-an": 6}, "v-an:6", "u-an", "2999-01-01T00:00:00.000Z"]}
    result = _import(lead, _tables("partners", [theirs]), lseq=20)
    assert (result.rows, result.conflicts) == (1, 1)
    with lead.engine.connect() as conn:
        # the value shown while the conflict is open: the later one, on every laptop
        assert _rows(conn, "SELECT contact_info FROM partners WHERE id = 'p-6'") == [("An",)]
        assert sorted(
            v
            for (v,) in conn.exec_driver_sql(
                "SELECT value FROM sync_siblings WHERE row_key = 'p-6'"
            )
        ) == ['"An"', '"Lea"']
        assert _rows(
            conn, "SELECT tbl, row_key, field FROM sync_conflicts WHERE row_key = 'p-6'"
        ) == [("partners", "p-6", "contact_info")]


def test_a_new_row_brings_the_senders_field_states_and_withheld_fields_stay_unknown(
    lead: Vault,
) -> None:
    row = _partner("p-7", contact_info="", name="CLB Merchtem")
    row[5] = {"contact_info": None, "name": [{"v-an": 8}, "v-an:8", "u-an", LATER]}
    row[6] = {"kind": [["v-an:5", "clb", "u-an", AT], ["v-yusuf:2", "ander", "u-yusuf", LATER]]}
    result = _import(lead, _tables("partners", [row]))
    assert (result.rows, result.conflicts) == (1, 1)
    with lead.engine.connect() as conn:
        fields = {
            f: (vv, dot, by, at)
            for f, vv, dot, by, at in conn.exec_driver_sql(
                "SELECT field, vv, dot, by, at FROM sync_fields WHERE row_key = 'p-7'"
            )
        }
        assert fields["contact_info"] == ("{}", None, None, "")
        assert fields["name"] == ('{"v-an":8}', "v-an:8", "u-an", LATER)
        assert "network" not in fields
        assert _rows(conn, "SELECT field FROM sync_conflicts WHERE row_key = 'p-7'") == [("kind",)]


def test_a_large_import_reads_the_books_whole_with_the_same_outcome(lead: Vault) -> None:
    _import(lead, _tables("partners", [_partner("p-held")]))
    with lead.engine.begin() as conn:
        ledger.tombstone(conn, "partners", "p-dead", "v-lead:9", AT, 3)
    edited = _partner("p-held", contact_info="05")
    edited[5] = {"contact_info": [{"v-an": 6}, "v-an:6", "u-an", LATER]}
    new = [_partner(f"p-new-{i:05}") for i in range(SCAN_FROM)]
    result = _import(lead, _tables("partners", [_partner("p-dead"), edited, *new]), lseq=30)
    assert (result.rows, result.conflicts, result.skipped) == (SCAN_FROM + 1, 0, 1)
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT contact_info FROM partners WHERE id = 'p-held'") == [("05",)]
        assert _rows(conn, "SELECT COUNT(*) FROM partners WHERE id LIKE 'p-new-%'") == [
            (SCAN_FROM,)
        ]
        assert _rows(conn, "SELECT COUNT(*) FROM partners WHERE id = 'p-dead'") == [(0,)]
        assert _rows(conn, "SELECT COUNT(*) FROM sync_rows WHERE lseq = 30") == [(SCAN_FROM + 1,)]


def test_new_rows_go_in_in_key_order_or_by_the_unique_column_the_bundle_carries(
    lead: Vault,
) -> None:
    """The order new rows are written in keeps the indexes growing at one end (speed)."""
    partners = [_partner(k) for k in ("p-c", "p-a", "p-b")]
    funders = [
        [key, "v-an:4", "u-an", AT, [name, "andere"], None, None]
        for key, name in (("f-1", "Cera"), ("f-2", "Bpost"), ("f-3", "Argenta"), ("f-0", "Delta"))
    ]
    _import(lead, {**_tables("partners", partners), **_tables("funders", funders)})
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT id FROM partners WHERE id LIKE 'p-_' ORDER BY rowid") == [
            ("p-a",),
            ("p-b",),
            ("p-c",),
        ]
        assert _rows(conn, "SELECT id FROM funders WHERE id LIKE 'f-_' ORDER BY rowid") == [
            ("f-3",),
            ("f-2",),
            ("f-1",),
            ("f-0",),
        ]


def test_a_row_held_without_books_takes_the_senders_values_and_stamp(lead: Vault) -> None:
    """E.g. the joining user's own row: here before the books, known to the team leader."""
    with lead.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO partners (id, name, kind, contact_info, created_at, updated_at) "
            f"VALUES ('p-here', 'Oud', 'clb', 'oud', '{AT}', '{AT}')"
        )
    result = _import(lead, _tables("partners", [_partner("p-here", dot="v-an:2")]), lseq=11)
    assert (result.rows, result.conflicts) == (1, 0)
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT name, contact_info FROM partners WHERE id = 'p-here'") == [
            ("CLB Asse", "02 000 00 00")
        ]
        assert _rows(conn, "SELECT * FROM sync_rows WHERE row_key = 'p-here'") == [
            ("partners", "p-here", "v-an:2", "u-an", AT, 11)
        ]


def test_a_creation_stamp_becomes_the_rows_creation_time(lead: Vault) -> None:
    rows = [
        _partner("p-z", at="2025-11-03T10:00:00.123Z"),
        _partner("p-no-zone", at="2025-11-03T10:00:00.456"),
        _partner("p-short", at="2025-11-03"),
    ]
    _import(lead, _tables("partners", rows))
    with lead.engine.connect() as conn:
        assert dict(_rows(conn, "SELECT id, created_at FROM partners WHERE id LIKE 'p-%'")) == {
            "p-z": "2025-11-03 10:00:00.123000",
            "p-no-zone": "2025-11-03 10:00:00.456000",
            "p-short": "2025-11-03",
        }


def test_rows_the_judge_leaves_out_are_not_counted_as_imported(team: Team, lead: Vault) -> None:
    an = team.stage.an.user_id
    judge = Judge(
        user=an,
        login="an",
        sender="v-an",
        me="v-lead",
        peers=frozenset({"v-an", "v-yusuf"}),
        mine={team.trajectory},
        left=set(),
        tables={},
        full=True,
    )
    fields = list(by_name()["goals"].fields)

    def goal(key: str, dot: str, trajectory: str | None) -> list[Any]:
        values = {"trajectory_id": trajectory, "description": key, "domain": "onderwijsloopbaan"}
        return [key, dot, an, AT, [values.get(f) for f in fields], None, None]

    tables = _tables(
        "goals", [goal("g-mine", "v-an:3", team.trajectory), goal("g-yusuf", "v-yusuf:3", None)]
    )
    with lead.engine.begin() as conn:
        capture.set_capture(conn, False)
        result = apply_tables(conn, tables, 12, judge)
        assert result.rows == 1
        assert _rows(conn, "SELECT id FROM goals WHERE id LIKE 'g-%'") == [("g-mine",)]
