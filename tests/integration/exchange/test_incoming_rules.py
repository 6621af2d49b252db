"""Merging another laptop's rows in, asked of sync/incoming.py directly (issue 17): new rows
arrive whole with their books, held rows merge field by field, deleted rows stay deleted."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection

from amo_desktop.domain.replication import by_name
from amo_desktop.storage import capture
from amo_desktop.storage.vault import Vault
from amo_desktop.sync import incoming, ledger
from amo_desktop.sync.incoming import ApplyResult, apply_tables
from amo_desktop.sync.ledger import SCAN_FROM
from tests.integration.exchange.conftest import Team
from tests.integration.exchange.rights_helpers import ans_judge, yusufs_work
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


def _books(vault: Vault) -> Vault:
    """The vault with its books: every row stamped as its own creation; capture off."""
    with vault.engine.begin() as conn:
        ledger.bootstrap(conn, "v-lead")
        capture.set_capture(conn, False)
    return vault


def _own_edit(vault: Vault, sql: str) -> None:
    """The team leader's own edit, stamped as the exchange stamps it."""
    with vault.engine.begin() as conn:
        capture.set_capture(conn, True)
        conn.exec_driver_sql(sql)
        ledger.stamp(conn)
        capture.set_capture(conn, False)


@pytest.fixture
def lead(team: Team) -> Vault:
    return _books(team.leader.vault)


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
    same_key_elsewhere = ["p-5", "v-an:4", "u-an", AT, ["Cera", "andere"], None, None]
    _import(
        lead,
        {
            **_tables("partners", [_partner("p-5"), _partner("p-5b")]),
            **_tables("funders", [same_key_elsewhere]),
        },
    )
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
        # only the row merged is marked to be passed on, not its table or its key elsewhere
        assert sorted(
            _rows(conn, "SELECT tbl, row_key, lseq FROM sync_rows WHERE row_key LIKE 'p-5%'")
        ) == [("funders", "p-5", 7), ("partners", "p-5", 8), ("partners", "p-5b", 7)]
    again = _import(lead, _tables("partners", [edited]), lseq=9)
    assert (again.rows, again.conflicts) == (0, 0)
    with lead.engine.connect() as conn:
        assert _rows(
            conn, "SELECT lseq FROM sync_rows WHERE tbl = 'partners' AND row_key = 'p-5'"
        ) == [(8,)]


def test_two_edits_made_without_knowing_of_each_other_are_a_conflict(lead: Vault) -> None:
    _import(lead, _tables("partners", [_partner("p-6")]))
    _own_edit(lead, "UPDATE partners SET contact_info = 'Lea' WHERE id = 'p-6'")
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
        # only the field the sender changed has a state of its own: the rest is as made
        assert _rows(conn, "SELECT field FROM sync_fields WHERE row_key = 'p-held'") == [
            ("contact_info",)
        ]
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
    judge = ans_judge(team.stage.an.user_id, {team.trajectory})
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


def _edited(key: str, value: str = "An") -> list[Any]:
    """A held partner whose contact the sender changed after making it."""
    row = _partner(key, contact_info=value)
    row[5] = {"contact_info": [{"v-an": 6}, "v-an:6", "u-an", LATER]}
    return row


def _clashing_new(key: str) -> list[Any]:
    """A new partner whose kind two laptops set without knowing of each other."""
    row = _partner(key)
    row[6] = {"kind": [["v-an:5", "clb", "u-an", AT], ["v-yusuf:2", "ander", "u-yusuf", LATER]]}
    return row


def test_the_tally_counts_every_row_and_every_conflict_and_conflicts_travel_on(
    lead: Vault,
) -> None:
    """What the exchange page reports after an import, and the conflicts marked with the
    import's number so the next bundle carries them to the other laptops."""
    _import(lead, _tables("partners", [_partner(k) for k in ("p-h1", "p-h2", "p-c1", "p-c2")]))
    with lead.engine.begin() as conn:
        ledger.tombstone(conn, "partners", "p-d1", "v-lead:9", AT, 3)
        ledger.tombstone(conn, "partners", "p-d2", "v-lead:10", AT, 3)
    _own_edit(lead, "UPDATE partners SET contact_info = 'Lea' WHERE id IN ('p-c1', 'p-c2')")
    rows = [
        _partner("p-d1"),
        _partner("p-d2"),
        _edited("p-h1"),
        _edited("p-h2"),
        _edited("p-c1"),
        _edited("p-c2"),
        _clashing_new("p-n1"),
        _clashing_new("p-n2"),
    ]
    result = _import(lead, _tables("partners", rows), lseq=40)
    assert (result.rows, result.conflicts, result.skipped) == (6, 4, 2)
    with lead.engine.connect() as conn:
        assert sorted(_rows(conn, "SELECT row_key, field FROM sync_conflicts")) == [
            ("p-c1", "contact_info"),
            ("p-c2", "contact_info"),
            ("p-n1", "kind"),
            ("p-n2", "kind"),
        ]
        assert _rows(conn, "SELECT lseq FROM sync_rows WHERE tbl = 'sync_conflicts'") == [(40,)] * 4


def test_a_bundle_without_a_field_still_brings_the_fields_after_it(lead: Vault) -> None:
    """A laptop on an older version leaves out a field it does not know yet."""
    _import(lead, _tables("partners", [_partner("p-o")]))
    fields = ["kind", "network", "contact_info"]  # no "name", the first field
    assert next(iter(by_name()["partners"].fields)) == "name"
    state = {"contact_info": [{"v-an": 6}, "v-an:6", "u-an", LATER]}
    held = ["p-o", "v-an:4", "u-an", AT, ["clb", None, "07"], state, None]
    new = ["p-o2", "v-an:4", "u-an", AT, ["clb", None, "08"], state, None]
    assert _import(lead, _tables("partners", [held, new], fields), lseq=41).rows == 2
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT id, name, contact_info FROM partners WHERE id LIKE 'p-o%'") == [
            ("p-o", "CLB Asse", "07"),
            ("p-o2", "", "08"),
        ]
        assert sorted(
            _rows(conn, "SELECT row_key, field, vv FROM sync_fields WHERE row_key LIKE 'p-o%'")
        ) == [("p-o", "contact_info", '{"v-an":6}'), ("p-o2", "contact_info", '{"v-an":6}')]


def test_a_coachs_bundle_does_not_pass_on_another_laptops_change(team: Team, lead: Vault) -> None:
    """Yusuf's change reaches the team leader from Yusuf's own laptop, judged by his rights."""
    _import(lead, _tables("partners", [_partner("p-peer")]))
    passed_on = _partner("p-peer", contact_info="van Yusuf")
    passed_on[5] = {"contact_info": [{"v-an": 4, "v-yusuf": 3}, "v-yusuf:3", "u-yusuf", LATER]}
    with lead.engine.begin() as conn:
        judge = ans_judge(team.stage.an.user_id, {team.trajectory})
        assert apply_tables(conn, _tables("partners", [passed_on]), 13, judge).rows == 0
        assert _rows(conn, "SELECT contact_info FROM partners WHERE id = 'p-peer'") == [
            ("02 000 00 00",)
        ]
        assert _rows(conn, "SELECT * FROM sync_fields WHERE row_key = 'p-peer'") == []


def test_a_change_to_a_session_taken_from_the_coach_is_kept_beside_the_teams(team: Team) -> None:
    """A row whose trajectory was reassigned away: the coach's edit becomes a conflict, and
    the field knows both versions (its version vector holds both laptops)."""
    vault = team.leader.vault
    theirs = yusufs_work(
        vault, team.leader.me, team.stage.yusuf.user_id, team.stage.schools["VKO Opwijk"]
    )
    _books(vault)
    r, session = by_name()["sessions"], theirs["session"]
    cols = ", ".join(r.column_sql(c) for c in r.fields)
    with vault.engine.connect() as conn:
        values = list(
            conn.exec_driver_sql(f"SELECT {cols} FROM sessions WHERE id = ?", (session,)).one()
        )
        dot, by, at = conn.exec_driver_sql(
            "SELECT dot, by, at FROM sync_rows WHERE row_key = ?", (session,)
        ).one()
    values[list(r.fields).index("duration_min")] = 90
    vault_id, seq = dot.rsplit(":", 1)
    state = {"duration_min": [{vault_id: int(seq), "v-an": 7}, "v-an:7", "u-an", LATER]}
    wire = [session, dot, by, at, values, state, None]
    judge = ans_judge(team.stage.an.user_id, {team.trajectory}, {theirs["trajectory"]})
    with vault.engine.begin() as conn:
        result = apply_tables(conn, _tables("sessions", [wire]), 14, judge)
        assert (result.rows, result.conflicts) == (1, 1)
        assert _rows(
            conn,
            f"SELECT vv FROM sync_fields WHERE row_key = '{session}' AND field = 'duration_min'",
        ) == [(f'{{"v-an":7,"{vault_id}":{seq}}}',)]
        assert sorted(
            v
            for (v,) in conn.exec_driver_sql(
                f"SELECT value FROM sync_siblings WHERE row_key = '{session}'"
            )
        ) == ["60", "90"]


def test_a_large_import_into_a_smaller_table_makes_its_indexes_anew(
    lead: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dropping a table's indexes for a large import is only ever a way to go faster."""
    monkeypatch.setattr(incoming, "SCAN_FROM", 1)
    monkeypatch.setattr(incoming, "REBUILD_FROM", 2)
    index_sql = "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'note_templates' ORDER BY 1"
    with lead.engine.connect() as conn:
        before = _rows(conn, index_sql)
        (held,) = conn.exec_driver_sql("SELECT COUNT(*) FROM note_templates").one()
    assert any(name == "ix_note_templates_contact_type" for name, _ in before)
    fields = list(by_name()["note_templates"].fields)
    values = {"contact_type": "groepssessie", "name": "Import", "content": "tekst"}
    rows = [
        [f"t-{i:03}", "v-an:4", "u-an", AT, [values.get(f, "") for f in fields], None, None]
        for i in range(held + 2)
    ]
    assert _import(lead, _tables("note_templates", rows)).rows == held + 2
    with lead.engine.connect() as conn:
        assert _rows(conn, index_sql) == before
        assert _rows(
            conn,
            "SELECT COUNT(*) FROM note_templates INDEXED BY ix_note_templates_contact_type "
            "WHERE contact_type = 'groepssessie' AND id LIKE 't-%'",
        ) == [(held + 2,)]
        assert _rows(conn, "PRAGMA integrity_check") == [("ok",)]


def test_a_row_gone_without_a_tombstone_is_not_made_again_by_an_edit(lead: Vault) -> None:
    """Books left of a row that is no longer there: the edit has nothing to change."""
    _import(lead, _tables("partners", [_partner("p-gone"), _partner("p-stays")]))
    with lead.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM partners WHERE id = 'p-gone'")
    result = _import(lead, _tables("partners", [_edited("p-gone"), _edited("p-stays")]), lseq=42)
    assert result.rows == 2
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT id, contact_info FROM partners WHERE id LIKE 'p-%'") == [
            ("p-stays", "An")
        ]


def test_a_state_that_knows_a_field_but_brings_no_value_leaves_the_value(lead: Vault) -> None:
    _import(lead, _tables("partners", [_partner("p-8")]))
    row = _partner("p-8", contact_info="weg")
    row[5] = {"contact_info": [{"v-an": 9}, None, None, ""]}
    assert _import(lead, _tables("partners", [row]), lseq=43).rows == 1
    with lead.engine.connect() as conn:
        assert _rows(conn, "SELECT contact_info FROM partners WHERE id = 'p-8'") == [
            ("02 000 00 00",)
        ]
        assert _rows(conn, "SELECT vv, dot FROM sync_fields WHERE row_key = 'p-8'") == [
            ('{"v-an":9}', None)
        ]
