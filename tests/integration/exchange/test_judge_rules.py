"""A coach's rights, asked of sync/rights.py's judge directly (issue 17): whose a row is, who
may change which field, make a row or delete one, and whose change a bundle merely passes on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Connection

from amo_desktop.domain.replication import by_name
from amo_desktop.errors import BundleForbiddenError
from amo_desktop.services import intake
from amo_desktop.sync.merge import FieldState, Value
from amo_desktop.sync.rights import APPLY, CHUNK, CONFLICT, LEFT, NO, OWN, SKIP, Judge
from tests.integration.exchange.conftest import Team, cell
from tests.integration.exchange.rights_helpers import ans_judge, ans_work, yusufs_work
from tests.integration.services.conftest import (
    TODAY,
    stage,  # noqa: F401
    youth_referral,
)

AT = "2025-11-03T10:00:00.000Z"


@dataclass
class World:
    team: Team
    an: str
    yusuf: str
    ans: dict[str, str]  # An's session, note, goal and session without a trajectory
    theirs: dict[str, str]  # Yusuf's referral, trajectory, session and note
    own_youth: str
    waiting_youth: str
    group: str  # the class group of the waiting class referral


@pytest.fixture
def world(team: Team) -> World:
    vault, leader = team.leader.vault, team.leader.me
    school = team.stage.schools["Sint-Martinus Asse"]
    ans = ans_work(
        vault, leader, team.stage.an.user_id, team.trajectory, team.stage.schools["VKO Opwijk"]
    )
    theirs = yusufs_work(vault, leader, team.stage.yusuf.user_id, school)

    def youth(referral: str) -> str:
        return str(cell(vault, "SELECT youth_id FROM referrals WHERE id = :r", r=referral))

    group = cell(vault, "SELECT class_group_id FROM referrals WHERE class_group_id IS NOT NULL")
    return World(
        team,
        team.stage.an.user_id,
        team.stage.yusuf.user_id,
        ans,
        theirs,
        youth(team.own_referral),
        youth(team.waiting_referral),
        str(group),
    )


def _judge(w: World, left: set[str] | None = None, **more: Any) -> Judge:
    return ans_judge(w.an, {w.team.trajectory}, left, **more)


def _conn(w: World) -> Any:
    return w.team.leader.vault.engine.connect()


def _lotte_by_an(w: World) -> tuple[str, str]:
    """An registers Lotte Maes herself: (the referral, the young person)."""
    vault = w.team.leader.vault
    with vault.session() as s:
        referral = intake.register_referral(
            s,
            w.team.stage.an,
            youth_referral(w.team.stage.schools["GTSM Merchtem"], first="Lotte", last="Maes"),
            today=TODAY,
        ).id
    return referral, str(cell(vault, "SELECT youth_id FROM referrals WHERE id = :r", r=referral))


# --- whose rows are these ---------------------------------------------------------------------
def test_rows_on_the_coachs_trajectory_or_of_the_coachs_own_are_theirs(world: World) -> None:
    w, j = world, _judge(world)
    with _conn(w) as conn:
        assert j.whose(conn, "trajectories", [w.team.trajectory, w.theirs["trajectory"]]) == {
            w.team.trajectory: OWN,
            w.theirs["trajectory"]: NO,
        }
        sessions = [w.ans["session"], w.ans["loose"], w.theirs["session"]]
        assert j.whose(conn, "sessions", sessions) == {
            w.ans["session"]: OWN,
            w.ans["loose"]: OWN,  # An's own session without a trajectory
            w.theirs["session"]: NO,
        }
        assert j.whose(conn, "session_notes", [w.ans["note"], w.theirs["note"]]) == {
            w.ans["note"]: OWN,
            w.theirs["note"]: NO,
        }
        refs = [w.team.own_referral, w.team.waiting_referral, w.theirs["referral"]]
        assert j.whose(conn, "referrals", refs) == {
            w.team.own_referral: OWN,
            w.team.waiting_referral: NO,
            w.theirs["referral"]: NO,
        }
        assert j.whose(conn, "youths", [w.own_youth, w.waiting_youth]) == {
            w.own_youth: OWN,
            w.waiting_youth: NO,
        }
        assert j.whose(conn, "goals", [w.ans["goal"]]) == {w.ans["goal"]: OWN}
        assert j.whose(conn, "class_groups", [w.group]) == {w.group: NO}
        assert j.whose(conn, "schools", [w.team.stage.schools["VKO Opwijk"]]) == {
            w.team.stage.schools["VKO Opwijk"]: NO
        }
        assert j.whose(conn, "trajectories", []) == {}
        assert j.whose(conn, "trajectories", ["no such row"]) == {"no such row": NO}


def test_a_row_of_a_trajectory_reassigned_away_is_left_not_own(world: World) -> None:
    w = world
    j = _judge(w, left={w.theirs["trajectory"]})
    with _conn(w) as conn:
        assert j.whose(conn, "sessions", [w.theirs["session"], w.ans["session"]]) == {
            w.theirs["session"]: LEFT,
            w.ans["session"]: OWN,
        }
        assert j.whose(conn, "referrals", [w.theirs["referral"]]) == {w.theirs["referral"]: LEFT}


def test_the_coachs_own_registration_is_theirs_even_without_a_trajectory(world: World) -> None:
    w = world
    mine, youth = _lotte_by_an(w)
    j = _judge(w)
    with _conn(w) as conn:
        assert j.whose(conn, "referrals", [mine]) == {mine: OWN}
        assert j.whose(conn, "referrals", [mine], deleting=True) == {mine: OWN}
        assert j.whose(conn, "youths", [youth], deleting=True) == {youth: OWN}


def test_a_coach_never_deletes_a_trajectory_or_what_one_hangs_on(world: World) -> None:
    w, j = world, _judge(world)
    with _conn(w) as conn:
        assert j.whose(conn, "trajectories", [w.team.trajectory], deleting=True) == {
            w.team.trajectory: NO
        }
        assert j.whose(conn, "referrals", [w.team.own_referral], True) == {w.team.own_referral: NO}
        assert j.whose(conn, "youths", [w.own_youth], True) == {w.own_youth: NO}
        # but the sessions, notes and goals of their own trajectory are theirs to delete
        assert j.whose(conn, "sessions", [w.ans["session"]], True) == {w.ans["session"]: OWN}
        assert j.whose(conn, "goals", [w.ans["goal"]], True) == {w.ans["goal"]: OWN}
        assert j.whose(conn, "sessions", [w.theirs["session"]], True) == {w.theirs["session"]: NO}


def test_a_young_person_with_someone_elses_referral_too_is_not_the_coachs_to_delete(
    world: World,
) -> None:
    w = world
    vault = w.team.leader.vault
    _, youth = _lotte_by_an(w)
    with vault.engine.begin() as conn:  # the team leader registered Lotte once more
        conn.exec_driver_sql(
            f"UPDATE referrals SET youth_id = '{youth}' WHERE id = '{w.team.waiting_referral}'"
        )
    j = _judge(w)
    with _conn(w) as conn:
        assert j.whose(conn, "youths", [youth]) == {youth: OWN}
        assert j.whose(conn, "youths", [youth], deleting=True) == {youth: NO}


def test_many_rows_are_judged_a_chunk_at_a_time(world: World) -> None:
    w, j = world, _judge(world)
    unknown = [f"0-{i:04}" for i in range(2 * CHUNK + 10)]  # the real ones in the 3rd chunk
    with _conn(w) as conn:
        got = j.whose(conn, "sessions", [*unknown, w.ans["session"], w.theirs["session"]])
    assert got[w.ans["session"]] == OWN and got[w.theirs["session"]] == NO
    assert len(got) == len(unknown) + 2 and set(got.values()) == {OWN, NO}


# --- whose change is it -----------------------------------------------------------------------
def test_a_change_only_passed_on_from_another_laptop_is_that_laptops(world: World) -> None:
    j = _judge(world)
    assert j._authors([]) == "sender"
    assert j._authors(["v-an:3"]) == "sender"
    assert j._authors(["v-yusuf:3"]) == "peer"
    assert j._authors(["v-yusuf:3", "v-yusuf:4"]) == "peer"
    assert j._authors(["v-yusuf:3", "v-an:4"]) == "sender"  # the sender's own part counts
    assert j._authors(["v-lead:3"]) == "sender"  # this vault's own changes come from itself
    assert j._authors(["v-stranger:3"]) == "sender"  # a laptop no one knows: the sender's


def _field(*dots: str) -> FieldState:
    return FieldState({}, {d: Value("x", None, AT) for d in dots})


def test_who_may_change_which_field_of_a_row_this_vault_holds(world: World) -> None:
    j = _judge(world)
    traj, users = by_name()["trajectories"], by_name()["users"]
    old, by_an, by_yusuf = _field("v-lead:1"), _field("v-an:5"), _field("v-yusuf:5")
    assert j.change(traj, "t", "summary", OWN, old, by_an) == APPLY
    assert j.change(traj, "t", "summary", LEFT, old, by_an) == CONFLICT
    youths = by_name()["youths"]  # no field of a young person says whose the row is
    assert j.change(youths, "y", "first_name", OWN, old, by_an) == APPLY
    assert j.change(youths, "y", "first_name", LEFT, old, by_an) == CONFLICT
    assert j.change(traj, "t", "summary", NO, old, by_yusuf) == SKIP
    assert j.change(traj, "t", "lead_coach_id", OWN, old, by_yusuf) == SKIP
    assert j.change(by_name()["sync_conflicts"], "c", "resolution", NO, old, by_an) == SKIP
    for whose, name in ((OWN, "lead_coach_id"), (LEFT, "referral_id"), (NO, "summary")):
        with pytest.raises(BundleForbiddenError) as info:
            j.change(traj, "t", name, whose, old, by_an)
        assert info.value.params["login"] == "an"
    with pytest.raises(BundleForbiddenError) as info:
        j.change(users, "u", "role", NO, old, by_an)
    assert "'rol' in gebruikers" in info.value.message("nl")
    assert "the field 'role' in users" in info.value.message("en")


# --- rows this vault has never seen -----------------------------------------------------------
def _wires(tbl: str, rows: list[tuple[str, dict[str, Any]]], dot: str = "v-an:9") -> tuple:
    fields = list(by_name()[tbl].fields)
    where = {name: i for i, name in enumerate(fields)}
    return where, [[key, dot, None, AT, [v.get(f) for f in fields], None, None] for key, v in rows]


def _fresh(j: Judge, conn: Connection, tbl: str, where: dict[str, int], wires: list) -> list:
    return [w[0] for w in j.fresh(conn, by_name()[tbl], where, wires)]


def test_a_coach_makes_sessions_only_for_themselves_on_their_own_trajectories(
    world: World,
) -> None:
    w = world
    j = _judge(w, left={w.theirs["trajectory"]})
    where, ok = _wires(
        "sessions",
        [
            ("s-own", {"coach_id": w.an, "trajectory_id": w.team.trajectory}),
            ("s-loose", {"coach_id": w.an, "trajectory_id": None}),
            ("s-left", {"coach_id": w.an, "trajectory_id": w.theirs["trajectory"]}),
        ],
    )
    with _conn(w) as conn:
        assert _fresh(j, conn, "sessions", where, ok) == ["s-own", "s-loose", "s-left"]
        assert j.accepted["sessions"] == {"s-own", "s-loose", "s-left"}
        assert j.fresh(conn, by_name()["sessions"], where, []) == []
        for bad in (
            {"coach_id": w.yusuf, "trajectory_id": w.team.trajectory},
            {"coach_id": w.an, "trajectory_id": "someone else's"},
        ):
            _, wires = _wires("sessions", [("s-bad", bad)])
            with pytest.raises(BundleForbiddenError) as info:
                j.fresh(conn, by_name()["sessions"], where, wires)
            assert "een nieuw record in" in info.value.message("nl")
            # the same row passed on from Yusuf's laptop is his to send: left out, not refused
            _, passed = _wires("sessions", [("s-bad", bad)], dot="v-yusuf:4")
            assert j.fresh(conn, by_name()["sessions"], where, passed) == []
        _, no_coach = _wires("sessions", [("s-x", {"trajectory_id": w.team.trajectory})])
        with pytest.raises(BundleForbiddenError):
            j.fresh(conn, by_name()["sessions"], {"trajectory_id": 0}, no_coach)


def test_a_new_row_is_the_coachs_when_what_it_hangs_on_is(world: World) -> None:
    w = world
    j = _judge(w, left={w.theirs["trajectory"]})
    with _conn(w) as conn:
        where, goals = _wires(
            "goals",
            [
                ("g-own", {"trajectory_id": w.team.trajectory}),
                ("g-left", {"trajectory_id": w.theirs["trajectory"]}),
            ],
        )
        assert _fresh(j, conn, "goals", where, goals) == ["g-own", "g-left"]
        where, notes = _wires(
            "session_notes",
            [
                ("n-own", {"session_id": w.ans["session"]}),
                ("n-left", {"session_id": w.theirs["session"]}),
            ],
        )
        assert _fresh(j, conn, "session_notes", where, notes) == ["n-own", "n-left"]
        # a version of a note that is new in the same bundle
        where, versions = _wires("note_versions", [("v-1", {"note_id": "n-own"})])
        assert _fresh(j, conn, "note_versions", where, versions) == ["v-1"]
        strict = _judge(w)
        for tbl, parent in (
            ("goals", {"trajectory_id": w.theirs["trajectory"]}),
            ("session_notes", {"session_id": w.theirs["session"]}),
            ("note_versions", {"note_id": w.theirs["note"]}),
            ("note_versions", {"note_id": None}),
            ("referral_transitions", {"referral_id": w.team.waiting_referral}),
        ):
            where, bad = _wires(tbl, [("x-bad", parent)])
            with pytest.raises(BundleForbiddenError):
                strict.fresh(conn, by_name()[tbl], where, bad)
        where, moves = _wires(
            "referral_transitions", [("m-1", {"referral_id": w.team.own_referral})]
        )
        assert _fresh(strict, conn, "referral_transitions", where, moves) == ["m-1"]


def test_a_new_row_passed_on_from_another_laptop_is_left_and_the_rest_still_judged(
    world: World,
) -> None:
    """Yusuf's new goal reaches the team leader from Yusuf's own laptop; An's comes with it."""
    w = world
    with _conn(w) as conn:
        where, peers = _wires(
            "goals", [("g-yusuf", {"trajectory_id": w.theirs["trajectory"]})], dot="v-yusuf:9"
        )
        _, own = _wires("goals", [("g-own", {"trajectory_id": w.team.trajectory})])
        assert _fresh(_judge(w), conn, "goals", where, [*peers, *own]) == ["g-own"]


def test_a_coach_registers_referrals_only_in_their_own_name(world: World) -> None:
    w = world
    j = _judge(w)
    with _conn(w) as conn:
        where, refs = _wires(
            "referrals",
            [
                ("r-new", {"registered_by": w.an, "youth_id": "y-new", "class_group_id": None}),
                ("r-old", {"registered_by": w.an, "youth_id": w.own_youth}),
                ("r-group", {"registered_by": w.an, "class_group_id": "cg-new"}),
            ],
        )
        j.accepted["youths"].add("y-new")
        j.accepted["class_groups"].add("cg-new")
        assert _fresh(j, conn, "referrals", where, refs) == ["r-new", "r-old", "r-group"]
        for bad in (
            {"registered_by": w.yusuf},
            {"registered_by": w.an, "youth_id": w.waiting_youth},  # someone else's pupil
            {"registered_by": w.an, "class_group_id": w.group},
        ):
            _, wires = _wires("referrals", [("r-bad", bad)])
            with pytest.raises(BundleForbiddenError):
                j.fresh(conn, by_name()["referrals"], where, wires)
        # a bundle that leaves out whom the referral is about: nothing of anyone else's named
        only_owner = {"registered_by": where["registered_by"]}
        _, wires = _wires("referrals", [("r-bare", {"registered_by": w.an})])
        assert _fresh(j, conn, "referrals", only_owner, wires) == ["r-bare"]
        no_owner = {k: v for k, v in where.items() if k != "registered_by"}
        _, wires = _wires("referrals", [("r-x", {"registered_by": w.an})])
        with pytest.raises(BundleForbiddenError):
            j.fresh(conn, by_name()["referrals"], no_owner, wires)


def _bundle(**tables: list[dict[str, Any]]) -> dict[str, Any]:
    """A bundle's `tables`, each row with every field of its table."""
    out = {}
    for tbl, rows in tables.items():
        fields = list(by_name()[tbl].fields)
        out[tbl] = {
            "fields": fields,
            "rows": [
                [f"{tbl}-{i}", "v-an:9", None, AT, [r.get(f) for f in fields], None, None]
                for i, r in enumerate(rows)
            ],
        }
    return out


def test_a_new_young_person_group_or_series_comes_with_the_coachs_own_new_row(
    world: World,
) -> None:
    w = world
    made = _bundle(
        referrals=[
            {"registered_by": w.an, "youth_id": "y-mine", "class_group_id": "cg-mine"},
            {"registered_by": w.yusuf, "youth_id": "y-theirs", "class_group_id": "cg-theirs"},
        ],
        sessions=[
            {"coach_id": w.an, "trajectory_id": w.team.trajectory, "series_id": "se-mine"},
            {"coach_id": w.an, "trajectory_id": None, "series_id": "se-loose"},
            {"coach_id": w.an, "trajectory_id": "not hers", "series_id": "se-stolen"},
            {"coach_id": w.yusuf, "trajectory_id": None, "series_id": "se-theirs"},
        ],
    )
    j = _judge(w, tables=made)
    with _conn(w) as conn:
        for tbl, good, bad in (
            ("youths", "y-mine", "y-theirs"),
            ("class_groups", "cg-mine", "cg-theirs"),
            ("session_series", "se-mine", "se-theirs"),
        ):
            where, wires = _wires(tbl, [(good, {})])
            assert _fresh(j, conn, tbl, where, wires) == [good]
            _, wires = _wires(tbl, [(bad, {})])
            with pytest.raises(BundleForbiddenError):
                j.fresh(conn, by_name()[tbl], where, wires)
        where, wires = _wires("session_series", [("se-loose", {}), ("se-x", {})])
        with pytest.raises(BundleForbiddenError):
            j.fresh(conn, by_name()["session_series"], where, wires)
        _, wires = _wires("session_series", [("se-stolen", {})])
        with pytest.raises(BundleForbiddenError):
            j.fresh(conn, by_name()["session_series"], where, wires)
        _, wires = _wires("session_series", [("se-loose", {})])
        assert _fresh(j, conn, "session_series", where, wires) == ["se-loose"]
        # nothing new of the kind in the bundle: nothing is the coach's
        bare = _judge(w, tables={"sessions": {"fields": ["coach_id"], "rows": []}})
        _, wires = _wires("session_series", [("se-mine", {})])
        with pytest.raises(BundleForbiddenError):
            bare.fresh(conn, by_name()["session_series"], where, wires)


def test_a_coachs_laptop_takes_another_coachs_class_group_the_team_leaders_does_not(
    world: World,
) -> None:
    w = world
    where, wires = _wires("class_groups", [("cg-other", {})])
    with _conn(w) as conn:
        assert _fresh(_judge(w, full=False), conn, "class_groups", where, wires) == ["cg-other"]
        with pytest.raises(BundleForbiddenError):
            _judge(w, full=True).fresh(conn, by_name()["class_groups"], where, wires)


def test_a_conflict_a_coach_found_is_taken_only_about_a_row_of_theirs(world: World) -> None:
    w = world
    j = _judge(w)

    def record(tbl: str, key: str, name: str) -> dict[str, Any]:
        return {"tbl": tbl, "row_key": key, "field": name, "values": "[]", "resolution": ""}

    where, wires = _wires(
        "sync_conflicts",
        [
            ("c-own", record("trajectories", w.team.trajectory, "summary")),
            ("c-theirs", record("trajectories", w.theirs["trajectory"], "summary")),
            ("c-no-field", record("trajectories", w.team.trajectory, "no such field")),
            ("c-no-table", record("no such table", w.team.trajectory, "summary")),
            ("c-loop", record("sync_conflicts", "c-own", "resolution")),
        ],
    )
    with _conn(w) as conn:
        assert _fresh(j, conn, "sync_conflicts", where, wires) == ["c-own"]
        assert _fresh(j, conn, "sync_conflicts", {}, wires) == []


def test_a_coach_makes_no_new_reference_rows(world: World) -> None:
    w = world
    with _conn(w) as conn:
        for tbl in ("schools", "users", "trajectories", "trajectory_coaches"):
            where, wires = _wires(tbl, [("x-new", {})])
            with pytest.raises(BundleForbiddenError) as info:
                _judge(w).fresh(conn, by_name()[tbl], where, wires)
            assert info.value.params["what_en"] == f"a new record in {tbl}"


# --- deletions --------------------------------------------------------------------------------
def test_a_coach_deletes_only_rows_wholly_their_own(world: World) -> None:
    w = world
    j = _judge(w, left={w.theirs["trajectory"]})
    held = {
        ("sessions", w.ans["session"]),
        ("goals", w.ans["goal"]),
        ("sessions", w.theirs["session"]),
    }
    items = [
        ["sessions", "never seen", "v-an:9", AT],  # unknown: not carried out, not remembered
        ["sessions", w.ans["session"], "v-an:9", AT],
        ["goals", w.ans["goal"], "v-an:9", AT],
    ]
    with _conn(w) as conn:
        assert j.deletions(conn, items, held) == items[1:]
        theirs = [["sessions", w.theirs["session"], "v-an:9", AT]]
        strict = _judge(w)
        for judge in (j, strict):  # not even of a trajectory that was hers before
            with pytest.raises(BundleForbiddenError) as info:
                judge.deletions(conn, theirs, {("sessions", w.theirs["session"])})
            assert "het verwijderen van een record uit" in info.value.message("nl")
        passed = [["sessions", w.theirs["session"], "v-yusuf:9", AT]]
        assert strict.deletions(conn, passed, {("sessions", w.theirs["session"])}) == []
        assert strict.deletions(conn, theirs, set()) == []


# --- what the importer knows of the sender --------------------------------------------------
@dataclass
class _Peer:
    user_id: str
    login: str
    vault_id: str


def test_the_judge_knows_the_senders_trajectories_and_those_taken_from_them(
    world: World,
) -> None:
    w = world
    vault = w.team.leader.vault
    with vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_peers (vault_id, user_id, login, role, box_public, sign_public, "
            "revoked, joined, acked, received, known_gen) VALUES "
            f"('v-lead', '{w.team.leader.me.user_id}', 'lea', 'teamleader', x'00', x'00', 0, 1, "
            f"0, 0, 0), ('v-an', '{w.an}', 'an', 'coach', x'00', x'00', 0, 0, 0, 0, 0), "
            f"('v-yusuf', '{w.yusuf}', 'yusuf', 'coach', x'00', x'00', 0, 0, 0, 0, 0)"
        )
        # Yusuf co-coaches An's trajectory; An co-coached Yusuf's until that row was deleted
        conn.exec_driver_sql(
            "INSERT INTO trajectory_coaches (trajectory_id, user_id) "
            f"VALUES ('{w.team.trajectory}', '{w.yusuf}')"
        )
        conn.exec_driver_sql(
            "INSERT INTO sync_tombstones (tbl, row_key, dot, at, lseq) VALUES "
            f"('trajectory_coaches', '{w.theirs['trajectory']}|{w.an}', 'v-lead:2', '{AT}', 1),"
            f"('trajectory_coaches', 'gone|{w.an}', 'v-lead:2', '{AT}', 1),"
            f"('trajectory_coaches', '{w.team.trajectory}|{w.yusuf}x', 'v-lead:2', '{AT}', 1)"
        )
        an = Judge.make(conn, _Peer(w.an, "an", "v-an"), "v-lead", {"t": 1}, True)
        yusuf = Judge.make(conn, _Peer(w.yusuf, "yusuf", "v-yusuf"), "v-lead", {}, False)
        # the team leader gave An's trajectory a lead coach after it was made
        conn.exec_driver_sql(
            "INSERT INTO sync_fields (tbl, row_key, field, vv, dot, by, at) VALUES "
            f"('trajectories', '{w.team.trajectory}', 'lead_coach_id', '{{}}', 'v-lead:3', NULL,"
            f" '{AT}')"
        )
        after = Judge.make(conn, _Peer(w.yusuf, "yusuf", "v-yusuf"), "v-lead", {}, False)
        no_one = Judge.make(conn, _Peer("u-nobody", "x", "v-x"), "v-lead", {}, True)
    assert (an.user, an.login, an.sender, an.me, an.full) == (w.an, "an", "v-an", "v-lead", True)
    assert an.tables == {"t": 1} and not yusuf.full
    assert an.peers == {"v-an", "v-yusuf"}
    assert an.mine == {w.team.trajectory}
    assert an.left == {w.theirs["trajectory"]}
    assert yusuf.mine == {w.theirs["trajectory"], w.team.trajectory}
    assert yusuf.left == set()
    assert after.left == set()  # a lead coach changed on a trajectory he still has
    assert no_one.left == {w.team.trajectory} and no_one.mine == set()


def test_a_key_from_a_bundle_is_only_ever_a_value_in_the_judges_sql(world: World) -> None:
    w, j = world, _judge(world)
    sneaky = f"x') OR coach_id = '{w.an}' OR ('1' = '1"
    with w.team.leader.vault.engine.begin() as conn:
        assert j.whose(conn, "sessions", [sneaky, "it's"]) == {sneaky: NO, "it's": NO}
        conn.exec_driver_sql(f"UPDATE sessions SET id = 'it''s' WHERE id = '{w.ans['loose']}'")
        assert j.whose(conn, "sessions", ["it's"]) == {"it's": OWN}
