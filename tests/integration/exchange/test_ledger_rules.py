"""The exchange's books in a vault, asked of sync/ledger.py directly (issue 17): every local
change gets one new dot, deletions become tombstones, a conflict has one id on every laptop."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection

from amo_desktop.storage import capture
from amo_desktop.storage.vault import Vault
from amo_desktop.sync import ledger
from amo_desktop.sync.merge import FieldState, Value
from tests.integration.exchange.conftest import Team
from tests.integration.services.conftest import stage  # noqa: F401

AT = "2025-11-03T10:00:00.000Z"
LATER = "2025-11-04T10:00:00.000Z"


def _rows(conn: Connection, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _partner(conn: Connection, key: str, info: str = "02 000 00 00") -> None:
    conn.exec_driver_sql(
        "INSERT INTO partners (id, name, kind, network, contact_info, created_at, updated_at, "
        f"changed_by) VALUES ('{key}', 'CLB {key}', 'clb', NULL, '{info}', '{AT}', '{AT}', "
        "'u-lea')"
    )


@pytest.fixture
def lead(team: Team) -> Vault:
    with team.leader.vault.engine.begin() as conn:
        _partner(conn, "p-old")  # made before the vault joined a team
        ledger.bootstrap(conn, "v-lead")
    return team.leader.vault


def test_joining_a_team_stamps_every_row_as_this_vaults_creation(lead: Vault) -> None:
    with lead.engine.connect() as conn:
        st = ledger.state(conn)
        assert (st.vault_id, st.seq, st.lseq, st.capture) == ("v-lead", 1, 1, True)
        assert _rows(conn, "SELECT dot, by, lseq FROM sync_rows WHERE row_key = 'p-old'") == [
            ("v-lead:1", "u-lea", 1)
        ]
        (at,) = _rows(conn, "SELECT at FROM sync_rows WHERE row_key = 'p-old'")[0]
        users = _rows(conn, "SELECT id FROM users")
        booked = _rows(conn, "SELECT row_key FROM sync_rows WHERE tbl = 'users'")
        assert sorted(booked) == sorted(users) and len(users) == 3
        assert _rows(conn, "SELECT DISTINCT dot, at, lseq FROM sync_rows") == [("v-lead:1", at, 1)]
        assert _rows(conn, "SELECT * FROM sync_pending") == []


def test_each_batch_of_local_changes_gets_one_new_dot(lead: Vault) -> None:
    with lead.engine.begin() as conn:
        assert ledger.stamp(conn) == 0  # nothing changed: no dot handed out
        assert (ledger.state(conn).seq, ledger.state(conn).lseq) == (1, 1)
        _partner(conn, "p-new")
        conn.exec_driver_sql("UPDATE partners SET contact_info = '03' WHERE id = 'p-old'")
        conn.exec_driver_sql("UPDATE partners SET name = 'x', kind = 'ander' WHERE id = 'p-old'")
        assert ledger.stamp(conn) == 2
        st = ledger.state(conn)
        assert (st.seq, st.lseq, st.capture) == (2, 2, True)
        assert _rows(conn, "SELECT dot, by, lseq FROM sync_rows WHERE row_key = 'p-new'") == [
            ("v-lead:2", "u-lea", 2)
        ]
        assert _rows(conn, "SELECT dot, lseq FROM sync_rows WHERE row_key = 'p-old'") == [
            ("v-lead:1", 2)  # still made by the first stamp, touched by the second
        ]
        fields = _rows(
            conn, "SELECT field, vv, dot FROM sync_fields WHERE row_key = 'p-old' ORDER BY field"
        )
        assert fields == [
            ("contact_info", '{"v-lead":2}', "v-lead:2"),
            ("kind", '{"v-lead":2}', "v-lead:2"),
            ("name", '{"v-lead":2}', "v-lead:2"),
        ]
        assert _rows(conn, "SELECT * FROM sync_pending") == []
        conn.exec_driver_sql("DELETE FROM partners WHERE id = 'p-new'")
        assert ledger.stamp(conn) == 1
        assert _rows(conn, "SELECT tbl, dot, lseq FROM sync_tombstones WHERE row_key='p-new'") == [
            ("partners", "v-lead:3", 3)
        ]
        assert _rows(conn, "SELECT * FROM sync_rows WHERE row_key = 'p-new'") == []


def test_a_row_that_predates_the_books_is_made_by_its_first_stamp(lead: Vault) -> None:
    with lead.engine.begin() as conn:
        capture.set_capture(conn, False)
        _partner(conn, "p-unbooked")
        capture.set_capture(conn, True)
        conn.exec_driver_sql("UPDATE partners SET contact_info = '04' WHERE id = 'p-unbooked'")
        assert ledger.stamp(conn) == 1
        assert _rows(conn, "SELECT dot, by, lseq FROM sync_rows WHERE row_key='p-unbooked'") == [
            ("v-lead:2", None, 2)
        ]
        assert _rows(conn, "SELECT * FROM sync_fields WHERE row_key = 'p-unbooked'") == []
        made = ledger.now_iso()
        (at,) = _rows(conn, "SELECT at FROM sync_rows WHERE row_key = 'p-unbooked'")[0]
        assert at[:10] == made[:10] and len(at) == len(made)


def test_a_row_deleted_and_made_again_starts_a_new_life(lead: Vault) -> None:
    with lead.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE partners SET contact_info = '03' WHERE id = 'p-old'")
        ledger.stamp(conn)
        conn.exec_driver_sql("DELETE FROM partners WHERE id = 'p-old'")
        ledger.stamp(conn)
        assert _rows(conn, "SELECT dot FROM sync_tombstones WHERE row_key = 'p-old'") == [
            ("v-lead:3",)
        ]
        _partner(conn, "p-old")
        ledger.stamp(conn)
        assert _rows(conn, "SELECT dot, lseq FROM sync_rows WHERE row_key = 'p-old'") == [
            ("v-lead:4", 4)
        ]
        assert _rows(conn, "SELECT * FROM sync_fields WHERE row_key = 'p-old'") == []
        assert _rows(conn, "SELECT * FROM sync_tombstones WHERE row_key = 'p-old'") == []


def _clash(*values: tuple[str, str, str]) -> FieldState:
    return FieldState({"v-an": 5, "v-lead": 6}, {d: Value(v, "u-x", at) for d, v, at in values})


def _clash_in_three_rows(conn: Connection, st: FieldState, record: bool = False) -> None:
    """The same clash in p-old's and p-two's name, and in a school's with p-old's key."""
    _partner(conn, "p-two")
    for tbl, key in (("partners", "p-old"), ("partners", "p-two"), ("schools", "p-old")):
        ledger.write_state(conn, tbl, key, "name", st)
        if record:
            ledger.record_conflict(conn, tbl, key, "name", st, 4)


def test_a_conflict_has_the_same_id_on_every_laptop_and_is_recorded_once(lead: Vault) -> None:
    st = _clash(("v-lead:6", "Lea", AT), ("v-an:5", "An", LATER))
    with lead.engine.begin() as conn:
        capture.set_capture(conn, False)
        ledger.write_state(conn, "partners", "p-old", "contact_info", st)
        assert ledger.record_conflict(conn, "partners", "p-old", "contact_info", st, 4) == 1
        assert ledger.record_conflict(conn, "partners", "p-old", "contact_info", st, 5) == 0
        assert ledger.record_conflict(conn, "sync_conflicts", "c", "resolution", st, 5) == 0
        expected = str(
            uuid.uuid5(ledger.CONFLICT_NS, "partners|p-old|contact_info|v-an:5,v-lead:6")
        )
        (row,) = conn.exec_driver_sql(
            'SELECT id, tbl, row_key, field, "values", detected_at, resolution FROM sync_conflicts'
        ).fetchall()
        assert tuple(row[:4]) == (expected, "partners", "p-old", "contact_info")
        assert json.loads(row[4]) == [
            ["v-an:5", "An", "u-x", LATER],
            ["v-lead:6", "Lea", "u-x", AT],
        ]
        assert (row[5], row[6]) == (LATER, "")
        assert _rows(
            conn, f"SELECT dot, by, at, lseq FROM sync_rows WHERE row_key='{expected}'"
        ) == [("v-an:5", None, LATER, 4)]
        assert _rows(
            conn, "SELECT field, vv, dot, at FROM sync_fields WHERE row_key = 'p-old'"
        ) == [("contact_info", '{"v-an":5,"v-lead":6}', "v-an:5", LATER)]
        assert sorted(_rows(conn, "SELECT dot, value, by, at FROM sync_siblings")) == [
            ("v-an:5", '"An"', "u-x", LATER),
            ("v-lead:6", '"Lea"', "u-x", AT),
        ]
        # one value left: the conflict's siblings go, the field keeps that value
        ledger.write_state(conn, "partners", "p-old", "contact_info", _clash(("v-an:7", "x", AT)))
        assert _rows(conn, "SELECT * FROM sync_siblings") == []
        unknown = FieldState({"v-an": 8}, {})
        ledger.write_state(conn, "partners", "p-old", "contact_info", unknown)
        assert _rows(conn, "SELECT vv, dot, by, at FROM sync_fields WHERE row_key = 'p-old'") == [
            ('{"v-an":8}', None, None, "")
        ]


def test_books_read_back_what_was_written(lead: Vault) -> None:
    st = _clash(("v-lead:6", "Lea", AT), ("v-an:5", "An", LATER))
    with lead.engine.begin() as conn:
        capture.set_capture(conn, False)
        _partner(conn, "p-two")
        ledger.write_state(conn, "partners", "p-old", "contact_info", st)
        ledger.write_state(conn, "partners", "p-two", "name", _clash(("v-an:9", "CLB", LATER)))
        # another table's row with the same key, its name in conflict: not this row's
        st_school = _clash(("v-an:9", "X", LATER), ("v-lead:7", "Y", AT))
        ledger.write_state(conn, "schools", "p-old", "name", st_school)
        _partner(conn, "p-three")  # booked, but not asked for
        conn.exec_driver_sql(
            "INSERT INTO sync_rows VALUES ('partners', 'p-three', 'v-an:3', NULL, '', 1)"
        )
        got = ledger.books(conn, "partners", ["p-old", "p-two", "p-none"])
    assert set(got) == {"p-old"}  # p-two was never stamped: no book, its fields ignored
    book = got["p-old"]
    assert (book.dot, book.by) == ("v-lead:1", "u-lea")
    assert book.state("contact_info", "An") == st
    assert book.state("name", "CLB p-old").values == {
        "v-lead:1": Value("CLB p-old", "u-lea", book.at)
    }
    many = [f"p-{i:04}" for i in range(ledger.CHUNK + 5)] + ["p-old"]
    with lead.engine.connect() as conn:
        assert set(ledger.books(conn, "partners", many)) == {"p-old"}


def test_forgetting_a_rows_conflicts_leaves_other_rows_conflicts(lead: Vault) -> None:
    st = _clash(("v-lead:6", "Lea", AT), ("v-an:5", "An", LATER))
    with lead.engine.begin() as conn:
        capture.set_capture(conn, False)
        _clash_in_three_rows(conn, st, record=True)
        ledger.forget_conflicts(conn, "partners", ["p-old"])
        left = [("partners", "p-two"), ("schools", "p-old")]
        assert sorted(_rows(conn, "SELECT tbl, row_key FROM sync_conflicts")) == left
        assert sorted(_rows(conn, "SELECT DISTINCT tbl, row_key FROM sync_siblings")) == left
        # books of another table's row with the same key stay
        ledger.write_state(conn, "schools", "p-two", "name", _clash(("v-an:7", "x", AT)))
        conn.exec_driver_sql(
            "INSERT INTO sync_rows VALUES ('schools', 'p-two', 'v-an:7', NULL, '', 1)"
        )
        ledger.tombstone(conn, "partners", "p-two", "v-an:9", LATER, 6)
        assert _rows(conn, "SELECT tbl FROM sync_rows WHERE row_key = 'p-two'") == [("schools",)]
        assert _rows(conn, "SELECT tbl FROM sync_fields WHERE row_key = 'p-two'") == [("schools",)]
        assert _rows(conn, "SELECT tbl, row_key FROM sync_conflicts") == [("schools", "p-old")]
        assert _rows(conn, "SELECT * FROM sync_tombstones") == [
            ("partners", "p-two", "v-an:9", LATER, 6)
        ]
        assert (
            _rows(conn, "SELECT * FROM sync_fields WHERE tbl = 'partners' AND row_key = 'p-two'")
            == []
        )
        assert ledger.next_counter(conn, "lseq") == 2
        assert ledger.next_counter(conn, "seq") == 2
        with pytest.raises(KeyError):
            ledger.next_counter(conn, "no such counter")  # type: ignore[arg-type]


def test_the_vaults_state_is_read_back_whole(lead: Vault) -> None:
    with lead.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE sync_state SET team_id = 't-1', team_name = 'Groep INTRO', key_gen = 3, "
            "team_key = x'01', box_private = x'02', sign_private = x'03', seq = 7, lseq = 5, "
            "folder = '/gedeeld' WHERE id = 1"
        )
        capture.set_capture(conn, False)
        st = ledger.state(conn)
    assert st == ledger.LedgerState(
        capture=False,
        vault_id="v-lead",
        team_id="t-1",
        team_name="Groep INTRO",
        key_gen=3,
        team_key=b"\x01",
        box_private=b"\x02",
        sign_private=b"\x03",
        seq=7,
        lseq=5,
        folder="/gedeeld",
    )
    assert st.capture is False
    assert st.team() == ledger.Team("t-1", "v-lead", b"\x01", b"\x02", b"\x03")


def test_a_conflict_record_is_stamped_in_utc_wherever_the_laptop_is(
    lead: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/Sao_Paulo")  # no daylight saving: always UTC-3
    time.tzset()
    try:
        st = _clash(("v-lead:6", "Lea", AT), ("v-an:5", "An", LATER))
        with lead.engine.begin() as conn:
            capture.set_capture(conn, False)
            ledger.record_conflict(conn, "partners", "p-old", "contact_info", st, 4)
            (made, changed) = _rows(conn, "SELECT created_at, updated_at FROM sync_conflicts")[0]
    finally:
        monkeypatch.undo()
        time.tzset()
    now = datetime.now(UTC).replace(tzinfo=None)
    for stamp in (made, changed):
        assert abs(datetime.fromisoformat(stamp) - now) < timedelta(minutes=30)


def test_an_edit_made_after_seeing_another_laptops_change_supersedes_it(lead: Vault) -> None:
    """The new dot builds on what the field knew (An's value included), so An's laptop takes
    the edit as newer instead of as a clash; the author is the one who made the edit."""
    seen = FieldState({"v-lead": 1, "v-an": 5}, {"v-an:5": Value(None, "u-an", AT)})
    with lead.engine.begin() as conn:
        capture.set_capture(conn, False)
        ledger.write_state(conn, "partners", "p-old", "contact_info", seen)
        capture.set_capture(conn, True)
        conn.exec_driver_sql(
            "UPDATE partners SET contact_info = '09', changed_by = 'u-lea' WHERE id = 'p-old'"
        )
        assert ledger.stamp(conn) == 1
        assert _rows(conn, "SELECT vv, dot, by FROM sync_fields WHERE row_key = 'p-old'") == [
            ('{"v-an":5,"v-lead":2}', "v-lead:2", "u-lea")
        ]


def test_stamping_an_edit_marks_only_that_row_to_be_passed_on(lead: Vault) -> None:
    with lead.engine.begin() as conn:
        capture.set_capture(conn, False)
        _partner(conn, "p-two")
        conn.exec_driver_sql(
            "INSERT INTO sync_rows VALUES ('partners', 'p-two', 'v-an:3', NULL, '', 1)"
        )
        conn.exec_driver_sql(
            "INSERT INTO sync_rows VALUES ('schools', 'p-old', 'v-an:7', NULL, '', 1)"
        )
        capture.set_capture(conn, True)
        conn.exec_driver_sql("UPDATE partners SET contact_info = '09' WHERE id = 'p-old'")
        ledger.stamp(conn)
        assert sorted(
            _rows(conn, "SELECT tbl, row_key, lseq FROM sync_rows WHERE row_key LIKE 'p-%'")
        ) == [
            ("partners", "p-old", 2),
            ("partners", "p-two", 1),
            ("schools", "p-old", 1),
        ]


def test_settling_one_rows_field_keeps_the_clashing_values_of_other_rows(lead: Vault) -> None:
    st = _clash(("v-lead:6", "Lea", AT), ("v-an:5", "An", LATER))
    with lead.engine.begin() as conn:
        capture.set_capture(conn, False)
        _clash_in_three_rows(conn, st)
        ledger.write_state(conn, "partners", "p-old", "name", _clash(("v-an:7", "x", AT)))
        assert sorted(_rows(conn, "SELECT DISTINCT tbl, row_key FROM sync_siblings")) == [
            ("partners", "p-two"),
            ("schools", "p-old"),
        ]
