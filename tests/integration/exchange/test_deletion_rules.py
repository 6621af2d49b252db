"""Deletions in the exchange, asked of sync/deletions.py directly (issue 17): a row goes with
what hangs on it, its tombstone travels on, a tombstone once known is not applied again."""

from __future__ import annotations

from sqlalchemy import Connection

from amo_desktop.storage import capture
from amo_desktop.sync import ledger
from amo_desktop.sync.deletions import apply_tombstones, present, remove_row
from tests.integration.exchange.conftest import Team
from tests.integration.exchange.rights_helpers import ans_work_at_merchtem
from tests.integration.services.conftest import stage  # noqa: F401

AT = "2025-11-03T10:00:00.000Z"
HANGING = ("goals", "sessions", "session_notes", "note_versions")


def _booked(conn: Connection) -> None:
    """Every row stamped as this vault's creation, capture off as during an import."""
    ledger.bootstrap(conn, "v-lead")
    capture.set_capture(conn, False)


def _keys(conn: Connection, sql: str) -> set[str]:
    return {k for (k,) in conn.exec_driver_sql(sql)}


def _conflict(conn: Connection, tbl: str, key: str) -> None:
    conn.exec_driver_sql(
        'INSERT INTO sync_conflicts (id, tbl, row_key, field, "values", detected_at, '
        "resolution, created_at, updated_at) VALUES "
        f"('{tbl}|{key}', '{tbl}', '{key}', 'summary', '[]', '{AT}', '', '{AT}', '{AT}')"
    )


def _rows(conn: Connection, sql: str) -> list[tuple[str, ...]]:
    return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _hanging(conn: Connection, trajectory: str) -> dict[str, set[str]]:
    sessions = f"SELECT id FROM sessions WHERE trajectory_id = '{trajectory}'"
    notes = f"SELECT id FROM session_notes WHERE session_id IN ({sessions})"
    return {
        "goals": _keys(conn, f"SELECT id FROM goals WHERE trajectory_id = '{trajectory}'"),
        "sessions": _keys(conn, sessions),
        "session_notes": _keys(conn, notes),
        "note_versions": _keys(conn, f"SELECT id FROM note_versions WHERE note_id IN ({notes})"),
    }


def test_a_deleted_trajectory_takes_what_hangs_on_it_and_each_leaves_a_tombstone(
    team: Team,
) -> None:
    work = ans_work_at_merchtem(team)
    with team.leader.vault.engine.begin() as conn:
        _booked(conn)
        hanging = _hanging(conn, team.trajectory)
        assert all(hanging.values())
        _conflict(conn, "trajectories", team.trajectory)
        removed = remove_row(conn, "trajectories", team.trajectory, "v-an:7", AT, 5)
        assert removed == 1 + sum(len(keys) for keys in hanging.values())
        stones = {
            (t, k): (dot, at, lseq)
            for t, k, dot, at, lseq in conn.exec_driver_sql("SELECT * FROM sync_tombstones")
        }
        assert stones[("trajectories", team.trajectory)] == ("v-an:7", AT, 5)
        for tbl, keys in hanging.items():
            assert not _keys(conn, f"SELECT id FROM {tbl}") & keys
            for key in keys:
                assert stones[(tbl, key)] == ("v-an:7", AT, 5)
                assert not _keys(
                    conn, f"SELECT row_key FROM sync_rows WHERE tbl='{tbl}' AND row_key='{key}'"
                )
        assert len(stones) == removed
        assert not _keys(conn, "SELECT id FROM sync_conflicts")
        # what the trajectory hangs on stays; so does the coach's session without a trajectory
        assert _keys(conn, f"SELECT id FROM referrals WHERE id = '{team.own_referral}'")
        assert _keys(conn, f"SELECT id FROM sessions WHERE id = '{work['loose']}'")


def test_a_row_forgotten_without_a_dot_leaves_no_tombstone_and_no_books(team: Team) -> None:
    ans_work_at_merchtem(team)
    with team.leader.vault.engine.begin() as conn:
        _booked(conn)
        hanging = _hanging(conn, team.trajectory)
        for tbl, key in (
            ("trajectories", team.trajectory),
            ("partners", team.trajectory),  # another table's row with the same key
            ("trajectories", "another trajectory"),
        ):
            _conflict(conn, tbl, key)
        removed = remove_row(conn, "trajectories", team.trajectory, None, "", 5)
        assert sorted(_rows(conn, "SELECT tbl, row_key FROM sync_conflicts")) == [
            ("partners", team.trajectory),
            ("trajectories", "another trajectory"),
        ]
        assert removed == 1 + sum(len(keys) for keys in hanging.values())
        assert not _keys(conn, "SELECT row_key FROM sync_tombstones")
        assert not _keys(conn, f"SELECT row_key FROM sync_rows WHERE row_key = '{team.trajectory}'")
        for tbl, keys in hanging.items():
            booked = _keys(conn, f"SELECT row_key FROM sync_rows WHERE tbl = '{tbl}'")
            assert not booked & keys
        assert remove_row(conn, "not a table", team.own_referral, "v-an:8", AT, 6) == 0
        assert _keys(conn, f"SELECT id FROM referrals WHERE id = '{team.own_referral}'")
        assert not _keys(conn, "SELECT row_key FROM sync_tombstones")


def test_present_names_only_the_rows_this_vault_holds(team: Team) -> None:
    with team.leader.vault.engine.connect() as conn:
        referrals = sorted(_keys(conn, "SELECT id FROM referrals"))
        # more keys than one statement may bind, the vault's own among the last
        unknown = [["referrals", f"0-{i:04}", "v-an:1", AT] for i in range(ledger.CHUNK + 50)]
        items = [
            *unknown,
            *(["referrals", k, "v-an:1", AT] for k in referrals),
            ["no such table", referrals[0], "v-an:1", AT],
            ["trajectories", team.trajectory],
        ]
        assert present(conn, items) == [
            *(["referrals", k, "v-an:1", AT] for k in referrals),
            ["trajectories", team.trajectory],
        ]


def test_a_tombstone_is_applied_once_and_one_for_an_unknown_row_is_remembered(
    team: Team,
) -> None:
    hanging_keys: dict[str, set[str]]
    ans_work_at_merchtem(team)
    with team.leader.vault.engine.begin() as conn:
        _booked(conn)
        hanging_keys = _hanging(conn, team.trajectory)
        goal = next(iter(hanging_keys["goals"]))
        items = [
            ["goals", goal, "v-an:3", AT],
            ["trajectories", team.trajectory, "v-an:4", AT],
            ["goals", "a goal never seen here", "v-an:5", AT],
        ]
        assert apply_tombstones(conn, items, 9) == 2
        stones = {
            (t, k): (dot, lseq)
            for t, k, dot, lseq in conn.exec_driver_sql(
                "SELECT tbl, row_key, dot, lseq FROM sync_tombstones"
            )
        }
        assert stones[("goals", goal)] == ("v-an:3", 9)
        assert stones[("trajectories", team.trajectory)] == ("v-an:4", 9)
        assert stones[("goals", "a goal never seen here")] == ("v-an:5", 9)
        for session in hanging_keys["sessions"]:
            assert stones[("sessions", session)] == ("v-an:4", 9)
        assert not _keys(conn, f"SELECT id FROM trajectories WHERE id = '{team.trajectory}'")
        # the same bundle again, or a later one with the same deletions: nothing changes
        again = [[t, k, "v-lead:99", "2026-01-01T00:00:00.000Z"] for t, k, *_ in items]
        assert apply_tombstones(conn, again, 10) == 0
        after = {
            (t, k): (dot, lseq)
            for t, k, dot, lseq in conn.exec_driver_sql(
                "SELECT tbl, row_key, dot, lseq FROM sync_tombstones"
            )
        }
        assert after == stones


def test_a_deletion_follows_foreign_keys_to_its_own_table_only(team: Team) -> None:
    """A partner that happens to share its key with a trajectory takes nothing of the trajectory
    with it: only rows whose foreign key points at partners hang on a partner."""
    ans_work_at_merchtem(team)
    with team.leader.vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO partners (id, name, kind, contact_info, created_at, updated_at) "
            f"VALUES ('{team.trajectory}', 'CLB', 'clb', '', '{AT}', '{AT}')"
        )
        hanging = _hanging(conn, team.trajectory)
        assert remove_row(conn, "partners", team.trajectory, "v-an:7", AT, 5) == 1
        assert _hanging(conn, team.trajectory) == hanging
        assert _keys(conn, f"SELECT id FROM trajectories WHERE id = '{team.trajectory}'")
        assert not _keys(conn, f"SELECT id FROM partners WHERE id = '{team.trajectory}'")


def test_what_hangs_on_two_deleted_rows_goes_with_the_nearer_deletion(team: Team) -> None:
    """A referral and its trajectory deleted in one bundle, the referral named first: the
    trajectory's goals and sessions go with the trajectory's own deletion (its dot), because
    rows are removed from the bottom up, whatever order the bundle lists them in."""
    ans_work_at_merchtem(team)
    with team.leader.vault.engine.begin() as conn:
        _booked(conn)
        hanging_keys = _hanging(conn, team.trajectory)
        items = [
            ["referrals", team.own_referral, "v-lead:20", AT],
            ["trajectories", team.trajectory, "v-lead:21", AT],
        ]
        assert apply_tombstones(conn, items, 11) == 2
        stones = dict(
            ((t, k), dot)
            for t, k, dot in conn.exec_driver_sql("SELECT tbl, row_key, dot FROM sync_tombstones")
        )
        assert stones[("referrals", team.own_referral)] == "v-lead:20"
        assert stones[("trajectories", team.trajectory)] == "v-lead:21"
        for tbl in HANGING:
            assert hanging_keys[tbl]
            for key in hanging_keys[tbl]:
                assert stones[(tbl, key)] == "v-lead:21", tbl
