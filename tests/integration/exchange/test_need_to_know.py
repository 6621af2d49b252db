"""What travels where: deletions, referrals leaving a coach's sight, late co-coaches (issue 7)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from amo_desktop.services import exchange, retention, scheduling, trajectories
from amo_desktop.services.scheduling import SessionInput
from amo_desktop.sync.scope import scope_for
from tests.integration.exchange.conftest import Team, cell, join_as, swap
from tests.integration.services.conftest import stage  # noqa: F401


def test_an_erasure_travels_and_wins(team: Team, tmp_path: Path) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    youth = cell(
        team.leader.vault, "SELECT youth_id FROM referrals WHERE id = :r", r=team.own_referral
    )
    with an.vault.engine.begin() as conn:  # An edits while the team leader erases
        conn.exec_driver_sql(
            f"UPDATE trajectories SET summary = 'nog bezig' WHERE id = '{team.trajectory}'"
        )
    retention.erase(team.leader.vault, team.leader.me, str(youth), "verzoek van de ouders")
    swap(team.leader, an)
    swap(an, team.leader)
    for laptop in (an, team.leader):
        assert cell(laptop.vault, "SELECT COUNT(*) FROM youths WHERE id = :y", y=youth) == 0
        assert (
            cell(laptop.vault, "SELECT COUNT(*) FROM trajectories WHERE id = :t", t=team.trajectory)
            == 0
        )
    assert cell(team.leader.vault, "SELECT COUNT(*) FROM sync_tombstones WHERE tbl = 'youths'") == 1


def test_a_referral_given_to_another_coach_leaves_the_first_coachs_laptop(
    team: Team, tmp_path: Path
) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    assert (
        cell(an.vault, "SELECT COUNT(*) FROM referrals WHERE id = :r", r=team.waiting_referral) == 1
    )
    with team.leader.vault.session() as s:
        trajectories.assign_to_coach(
            s, team.leader.me, team.waiting_referral, team.stage.yusuf.user_id, date(2025, 11, 3)
        )
    swap(team.leader, an)
    assert (
        cell(an.vault, "SELECT COUNT(*) FROM referrals WHERE id = :r", r=team.waiting_referral) == 0
    )
    assert (
        cell(an.vault, "SELECT COUNT(*) FROM youths WHERE last_name = 'Janssens' OR last_name = ''")
        == 0
    )
    # Yusuf's laptop gets the referral whole, with the name, once it is his.
    yusuf = join_as(tmp_path, team.leader.vault, team.leader.me, "yusuf")
    assert (
        cell(
            yusuf.vault,
            "SELECT first_name FROM youths y JOIN referrals r ON r.youth_id = y.id WHERE r.id = :r",
            r=team.waiting_referral,
        )
        == "Mats"
    )


def test_a_waiting_referral_gets_its_name_when_it_becomes_the_coachs(
    team: Team, tmp_path: Path
) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    assert (
        cell(
            an.vault,
            "SELECT first_name FROM youths y JOIN referrals r ON r.youth_id = y.id WHERE r.id = :r",
            r=team.waiting_referral,
        )
        == ""
    )
    with team.leader.vault.session() as s:
        traj = trajectories.assign_to_coach(
            s, team.leader.me, team.waiting_referral, team.stage.an.user_id, date(2025, 11, 3)
        )
        scheduling.plan_session(
            s,
            team.leader.me,
            SessionInput(
                team.stage.an.user_id,
                date(2025, 11, 4),
                time(10),
                60,
                "individueel_gesprek",
                trajectory_id=traj.id,
            ),
        )
    swap(team.leader, an)
    assert (
        cell(
            an.vault,
            "SELECT first_name FROM youths y JOIN referrals r ON r.youth_id = y.id WHERE r.id = :r",
            r=team.waiting_referral,
        )
        == "Mats"
    )
    assert (
        cell(an.vault, "SELECT help_question FROM referrals WHERE id = :r", r=team.waiting_referral)
        == "Komt niet meer naar school."
    )
    assert cell(an.vault, "SELECT COUNT(*) FROM sessions WHERE trajectory_id = :t", t=traj.id) == 1


def test_other_coaches_work_never_reaches_a_coach(team: Team, tmp_path: Path) -> None:
    with team.leader.vault.session() as s:
        traj = trajectories.assign_to_coach(
            s, team.leader.me, team.waiting_referral, team.stage.yusuf.user_id, date(2025, 11, 3)
        )
        scheduling.plan_session(
            s,
            team.leader.me,
            SessionInput(
                team.stage.yusuf.user_id,
                date(2025, 11, 4),
                time(10),
                60,
                "individueel_gesprek",
                trajectory_id=traj.id,
            ),
        )
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    yusuf = join_as(tmp_path, team.leader.vault, team.leader.me, "yusuf")
    swap(team.leader, an)  # An learns of Yusuf's laptop from the team leader's roster
    swap(yusuf, an)  # and even straight from Yusuf's laptop nothing of his reaches her
    assert cell(an.vault, "SELECT COUNT(*) FROM trajectories") == 1
    assert cell(an.vault, "SELECT COUNT(*) FROM sessions") == 0
    assert cell(an.vault, "SELECT COUNT(*) FROM youths WHERE first_name = 'Mats'") == 0
    status = exchange.status(an.vault, an.me)
    assert {p.login for p in status.peers} == {"lea", "yusuf"}


def test_erasing_a_young_person_also_erases_clashing_values(team: Team, tmp_path: Path) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    for laptop, text in ((an, "An: Zoë belde"), (team.leader, "Lea: Zoë gezien")):
        with laptop.vault.engine.begin() as conn:
            conn.exec_driver_sql(
                f"UPDATE trajectories SET summary = '{text}' WHERE id = '{team.trajectory}'"
            )
    swap(an, team.leader)
    assert len(exchange.conflicts(team.leader.vault, team.leader.me)) == 1
    youth = cell(
        team.leader.vault, "SELECT youth_id FROM referrals WHERE id = :r", r=team.own_referral
    )
    retention.erase(team.leader.vault, team.leader.me, str(youth), "verzoek")
    assert exchange.conflicts(team.leader.vault, team.leader.me, open_only=False) == []
    assert cell(team.leader.vault, "SELECT COUNT(*) FROM sync_siblings") == 0


def test_asking_about_the_keys_that_travel_gives_the_whole_scopes_answers(team: Team) -> None:
    with team.leader.vault.session() as s:  # a session for An and one for Yusuf
        traj = trajectories.assign_to_coach(
            s, team.leader.me, team.waiting_referral, team.stage.yusuf.user_id, date(2025, 11, 3)
        )
        for coach, trajectory in ((team.stage.an, team.trajectory), (team.stage.yusuf, traj.id)):
            scheduling.plan_session(
                s,
                team.leader.me,
                SessionInput(
                    coach.user_id,
                    date(2025, 11, 4),
                    time(10),
                    60,
                    "individueel_gesprek",
                    trajectory_id=trajectory,
                ),
            )
    tables = ("sessions", "session_series", "session_notes", "note_versions")
    with team.leader.vault.engine.connect() as conn:
        every = {t: {k for (k,) in conn.exec_driver_sql(f"SELECT id FROM {t}")} for t in tables}
        assert every["sessions"]
        for coach in (team.stage.an, team.stage.yusuf):
            whole = scope_for(conn, coach.user_id, "coach")
            assert whole.rows["sessions"] and whole.rows["sessions"] != every["sessions"]
            asked = scope_for(conn, coach.user_id, "coach", every)
            assert asked.rows == whole.rows and asked.withheld == whole.withheld
            few = {"sessions": set(sorted(every["sessions"])[:1])}
            part = scope_for(conn, coach.user_id, "coach", few)
            for tbl in tables:
                assert part.rows[tbl] == whole.rows[tbl] & few.get(tbl, set())
