"""Need to know, asked of sync/scope.py directly: what a coach's laptop may receive (issue 17)."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection

from amo_desktop.sync.scope import (
    ASK_UP_TO,
    EVERYONE,
    REFERRAL_FREE_TEXT,
    YOUTH_IDENTITY,
    dependants,
    scope_for,
)
from tests.integration.exchange.conftest import Team, cell
from tests.integration.exchange.rights_helpers import ans_work_at_merchtem, yusufs_work
from tests.integration.services.conftest import stage  # noqa: F401

SESSION_TABLES = ("sessions", "session_series", "session_notes", "note_versions")


def _ids(conn: Connection, sql: str) -> set[str]:
    return {k for (k,) in conn.exec_driver_sql(sql)}


@pytest.mark.parametrize("role", ["teamleader", "admin"])
def test_the_team_leaders_laptop_receives_everything(team: Team, role: str) -> None:
    with team.leader.vault.engine.connect() as conn:
        scope = scope_for(conn, team.stage.an.user_id, role)
    assert scope.full
    assert scope.allows("youths", "any young person") and scope.allows("sessions", "any")
    assert scope.withheld_fields("youths", "any") == frozenset()


def test_a_coach_receives_the_reference_tables_whole_and_no_one_elses_rows(team: Team) -> None:
    theirs = yusufs_work(
        team.leader.vault,
        team.leader.me,
        team.stage.yusuf.user_id,
        team.stage.schools["Sint-Martinus Asse"],
    )
    with team.leader.vault.engine.connect() as conn:
        scope = scope_for(conn, team.stage.an.user_id, "coach")
    assert not scope.full
    for tbl in EVERYONE:
        assert scope.allows(tbl, "a row the coach never saw")
    assert scope.allows("trajectories", team.trajectory)
    assert scope.allows("referrals", team.own_referral)
    assert not scope.allows("trajectories", theirs["trajectory"])
    assert not scope.allows("referrals", theirs["referral"])
    assert not scope.allows("sessions", theirs["session"])
    assert not scope.allows("session_notes", theirs["note"])
    assert not scope.allows("a table no one knows", team.trajectory)


def test_a_waiting_pupil_reaches_a_coach_without_name_class_or_free_text(team: Team) -> None:
    lead = team.leader.vault
    own_youth = str(cell(lead, "SELECT youth_id FROM referrals WHERE id = :r", r=team.own_referral))
    waiting_youth = str(
        cell(lead, "SELECT youth_id FROM referrals WHERE id = :r", r=team.waiting_referral)
    )
    with lead.engine.connect() as conn:
        scope = scope_for(conn, team.stage.an.user_id, "coach")
        own_enrolment = _ids(conn, f"SELECT id FROM youth_enrolments WHERE youth_id='{own_youth}'")
        waiting_enrolment = _ids(
            conn, f"SELECT id FROM youth_enrolments WHERE youth_id = '{waiting_youth}'"
        )
    assert scope.rows["youths"] == {own_youth, waiting_youth}
    assert scope.rows["youth_enrolments"] == own_enrolment | waiting_enrolment
    assert scope.withheld_fields("youths", waiting_youth) == YOUTH_IDENTITY
    assert scope.withheld_fields("youths", waiting_youth) >= {"first_name", "last_name"}
    (enrolment,) = waiting_enrolment
    assert scope.withheld_fields("youth_enrolments", enrolment) == {"class_label"}
    assert scope.withheld_fields("referrals", team.waiting_referral) == REFERRAL_FREE_TEXT
    assert "help_question" in REFERRAL_FREE_TEXT
    # the coach's own pupil arrives whole
    assert scope.withheld_fields("youths", own_youth) == frozenset()
    (mine,) = own_enrolment
    assert scope.withheld_fields("youth_enrolments", mine) == frozenset()
    assert scope.withheld_fields("referrals", team.own_referral) == frozenset()
    # the history of a waiting referral stays with the team leader
    with lead.engine.connect() as conn:
        moves = _ids(
            conn, f"SELECT id FROM referral_transitions WHERE referral_id='{team.waiting_referral}'"
        )
        own_moves = _ids(
            conn, f"SELECT id FROM referral_transitions WHERE referral_id='{team.own_referral}'"
        )
    assert moves and not moves & scope.rows["referral_transitions"]
    assert own_moves and own_moves <= scope.rows["referral_transitions"]


def test_only_live_referrals_on_the_waiting_list_reach_every_coach(team: Team) -> None:
    lead = team.leader.vault
    with lead.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE referrals SET deleted_at = '2025-11-01 10:00:00' "
            f"WHERE id = '{team.waiting_referral}'"
        )
        group = conn.exec_driver_sql(
            "SELECT id FROM referrals WHERE subject_kind = 'klasgroep'"
        ).scalar_one()
        conn.exec_driver_sql(f"UPDATE referrals SET status = 'aangemeld' WHERE id = '{group}'")
    with lead.engine.connect() as conn:
        scope = scope_for(conn, team.stage.yusuf.user_id, "coach")
    assert scope.rows["referrals"] == set()
    assert scope.rows["youths"] == set() and scope.rows["youth_enrolments"] == set()
    assert scope.withheld == {"youths": {}, "youth_enrolments": {}, "referrals": {}}


def test_a_co_coach_receives_the_trajectory_and_all_that_hangs_on_it(team: Team) -> None:
    work = ans_work_at_merchtem(team)
    yusuf = team.stage.yusuf.user_id
    lead = team.leader.vault
    with lead.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO trajectory_coaches (trajectory_id, user_id) "
            f"VALUES ('{team.trajectory}', '{yusuf}')"
        )
    with lead.engine.connect() as conn:
        every = {t: _ids(conn, f"SELECT id FROM {t}") for t in ("sessions", "note_versions")}
        series = _ids(conn, "SELECT id FROM session_series")
        scope = scope_for(conn, yusuf, "coach")
        an = scope_for(conn, team.stage.an.user_id, "coach")
    assert scope.rows["trajectories"] == {team.trajectory}
    assert scope.rows["trajectory_coaches"] == {f"{team.trajectory}|{yusuf}"}
    assert an.rows["trajectory_coaches"] == {f"{team.trajectory}|{yusuf}"}
    assert scope.rows["goals"] == {work["goal"]}
    assert work["loose"] not in scope.rows["sessions"]  # An's own session without a trajectory
    assert scope.rows["sessions"] == every["sessions"] - {work["loose"]}
    assert scope.rows["session_series"] == series and len(series) == 1
    assert scope.rows["session_notes"] == {work["note"]}
    assert scope.rows["note_versions"] == every["note_versions"] and every["note_versions"]
    # the lead coach has the same, and her own session without a trajectory
    assert an.rows["sessions"] == every["sessions"]
    for tbl in ("goals", "session_series", "session_notes", "note_versions"):
        assert an.rows[tbl] == scope.rows[tbl]


def test_what_hangs_on_a_trajectory_travels_with_it(team: Team) -> None:
    work = ans_work_at_merchtem(team)
    lead = team.leader.vault
    with lead.engine.connect() as conn:
        got = dependants(conn, {team.trajectory})
        whole = scope_for(conn, team.stage.an.user_id, "coach")
        youth = conn.exec_driver_sql(
            f"SELECT youth_id FROM referrals WHERE id = '{team.own_referral}'"
        ).scalar_one()
        assert dependants(conn, set()) == {}
    assert got["referrals"] == {team.own_referral}
    assert got["youths"] == {youth}
    assert got["goals"] == {work["goal"]}
    assert work["loose"] not in got["sessions"] and work["session"] in got["sessions"]
    assert got["sessions"] == whole.rows["sessions"] - {work["loose"]}
    for tbl in ("session_series", "session_notes", "note_versions", "referral_transitions"):
        assert got[tbl] == whole.rows[tbl] and got[tbl], tbl
    assert len(got["youth_enrolments"]) == 1
    assert got["youth_enrolments"] <= whole.rows["youth_enrolments"]
    assert got["trajectory_coaches"] == set()


def test_many_keys_about_to_travel_ask_for_the_whole_scope_instead(team: Team) -> None:
    ans_work_at_merchtem(team)
    an = team.stage.an.user_id
    with team.leader.vault.engine.connect() as conn:
        whole = scope_for(conn, an, "coach")
        mine = sorted(whole.rows["sessions"])
        # unknown keys that sort before the coach's own: those come in a later chunk of 500
        up_to = {f"0-{i:05}" for i in range(ASK_UP_TO - len(mine))} | set(mine)
        asked = scope_for(conn, an, "coach", {"sessions": up_to})
        assert asked.rows["sessions"] == set(mine)
        few = {f"0-{i:05}" for i in range(ASK_UP_TO)}
        assert scope_for(conn, an, "coach", {"sessions": few}).rows["sessions"] == set()
        more = few | {"0-99999"}
        assert scope_for(conn, an, "coach", {"sessions": more}).rows["sessions"] == set(mine)
        # the keys are asked 500 at a time: the coach's own on both sides of a chunk's end
        assert len(mine) >= 3
        split = {f"0-{i:05}" for i in range(499)} | set(mine)
        assert scope_for(conn, an, "coach", {"sessions": split}).rows["sessions"] == set(mine)
        none = scope_for(conn, an, "coach", {})
    for tbl in SESSION_TABLES:
        assert none.rows[tbl] == set()
    assert none.rows["trajectories"] == whole.rows["trajectories"]


def test_a_key_with_a_quote_in_it_is_still_only_a_value(team: Team) -> None:
    """A coach may make referrals, with any key their laptop chooses: the scope still holds."""
    odd = "it's-mine"
    with team.leader.vault.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for tbl, column in (("referrals", "id"), ("trajectories", "referral_id")):
            conn.exec_driver_sql(
                f"UPDATE {tbl} SET {column} = 'it''s-mine' WHERE {column} = '{team.own_referral}'"
            )
        conn.exec_driver_sql(
            f"UPDATE referral_transitions SET referral_id = 'it''s-mine' "
            f"WHERE referral_id = '{team.own_referral}'"
        )
        scope = scope_for(conn, team.stage.an.user_id, "coach")
        moves = _ids(conn, "SELECT id FROM referral_transitions WHERE referral_id = 'it''s-mine'")
    assert odd in scope.rows["referrals"] and moves and moves <= scope.rows["referral_transitions"]
    assert len(scope.rows["youths"]) == 2
