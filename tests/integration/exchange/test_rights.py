"""A coach who edits their own vault with SQL cannot change the team leader's (issue 12).

The team leader's import holds every change in a coach's bundle against that coach's rights:
anything outside them refuses the whole bundle, with one Dutch line naming the change and an
entry in the exchange history; the coach's own work still arrives; and a change to a
trajectory reassigned meanwhile becomes a conflict for the team leader.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from amo_desktop.errors import BundleForbiddenError
from amo_desktop.services import (
    exchange,
    intake,
    notes,
    reference,
    retention,
    scheduling,
    trajectories,
)
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from tests.integration.exchange.conftest import Laptop, Team, cell, join_as
from tests.integration.exchange.rights_helpers import forge, snapshot, yusufs_work
from tests.integration.services.conftest import (
    TODAY,
    stage,  # noqa: F401
    youth_referral,
)


def _send(coach: Laptop, team: Team) -> exchange.ImportResult:
    data = exchange.export_bundle(coach.vault, coach.me).data
    return exchange.import_bundle(team.leader.vault, team.leader.me, data)


def _refused(coach: Laptop, team: Team) -> str:
    before = snapshot(team.leader.vault)
    with pytest.raises(BundleForbiddenError) as info:
        _send(coach, team)
    assert snapshot(team.leader.vault) == before  # nothing at all was imported
    message = info.value.message("nl")
    history = exchange.history(team.leader.vault, team.leader.me)[0]
    assert history.direction == "refused" and history.message == message
    for name in ("Zoë", "Peeters", "Mats", "Janssens", "Ben", "Claes"):
        assert name not in message
    return message


def test_a_coach_making_themselves_team_leader_is_refused_whole(team: Team, tmp_path: Path) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    forge(
        an.vault,
        f"UPDATE trajectories SET summary = 'goed bezig' WHERE id = '{team.trajectory}'",
        f"UPDATE users SET role = 'teamleader' WHERE id = '{an.me.user_id}'",
    )
    message = _refused(an, team)
    assert "an" in message and "'rol' in gebruikers" in message and "niets ingelezen" in message
    lead = team.leader.vault
    assert cell(lead, "SELECT role FROM users WHERE id = :u", u=an.me.user_id) == "coach"
    assert cell(lead, "SELECT summary FROM trajectories WHERE id = :t", t=team.trajectory) == ""


ATTACKS = {
    "rename a school": (
        "UPDATE schools SET name = 'Gekaapt' WHERE name = 'VKO Opwijk'",
        "'naam' in scholen",
    ),
    "delete a waiting pupil's referral": (
        "DELETE FROM referrals WHERE id = '{waiting}'",
        "verwijderen van een record uit aanmeldingen",
    ),
    "edit a waiting pupil's birth date": (
        "UPDATE youths SET birth_date = '2001-01-01' WHERE id = "
        "(SELECT youth_id FROM referrals WHERE id = '{waiting}')",
        "'geboortedatum' in jongeren",
    ),
    "take over another coach's trajectory": (
        "INSERT INTO trajectory_coaches (trajectory_id, user_id) VALUES ('{theirs}', '{an}')",
        "een nieuw record in coaches van een traject",
    ),
    "write a note in another coach's session": (
        "INSERT INTO session_notes (id, session_id, author_id, version, content, observations, "
        "agreements, next_steps, goal_progress, visibility, is_draft, created_at, updated_at) "
        "VALUES ('n-forged', '{session}', '{an}', 1, 'x', '', '', '', '{{}}', 'intern', 0, "
        "'2025-10-21 10:00:00', '2025-10-21 10:00:00')",
        "een nieuw record in verslagen",
    ),
    "rewrite another coach's note": (
        "INSERT INTO session_notes (id, session_id, author_id, version, content, observations, "
        "agreements, next_steps, goal_progress, visibility, is_draft, created_at, updated_at) "
        "VALUES ('{note}', '{session}', '{an}', 2, 'x', '', '', '', '{{}}', 'intern', 0, "
        "'2025-10-21 10:00:00', '2025-10-21 10:00:00')",
        "in verslagen",
    ),
    "give their trajectory to someone else": (
        "UPDATE trajectories SET lead_coach_id = '{yusuf}' WHERE id = '{own}'",
        "'hoofdcoach' in trajecten",
    ),
    "shorten a retention rule": ("UPDATE retention_rules SET value = 1", "in bewaartermijnen"),
    "add a funder": (
        "INSERT INTO funders (id, name, kind, created_at, updated_at) VALUES ('f-forged', "
        "'Nep', 'andere', '2025-10-21 10:00:00', '2025-10-21 10:00:00')",
        "een nieuw record in financiers",
    ),
    "change the capacity": ("UPDATE capacity_agreements SET teacher_hours = 99", "capaciteit"),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_change_outside_the_coachs_rights_refuses_the_bundle(
    team: Team, tmp_path: Path, attack: str
) -> None:
    st = team.stage
    if attack == "shorten a retention rule":
        with st.vault.session() as s:
            retention.set_rule(s, st.leader, "individuele_begeleiding", "years_after_closure", 5)
    if attack == "change the capacity":
        with st.vault.session() as s:
            reference.set_capacity(
                s, st.leader, st.schools["Sint-Martinus Asse"], 2025, st.pool, 4, 2
            )
    theirs = yusufs_work(st.vault, st.leader, st.yusuf.user_id, st.schools["Sint-Martinus Asse"])
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    sql, named = ATTACKS[attack]
    forge(
        an.vault,
        sql.format(
            waiting=team.waiting_referral,
            theirs=theirs["trajectory"],
            session=theirs["session"],
            note=theirs["note"],
            an=an.me.user_id,
            yusuf=st.yusuf.user_id,
            own=team.trajectory,
        ),
    )
    assert named in _refused(an, team)


def test_the_coachs_own_work_still_arrives(team: Team, tmp_path: Path) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    school = team.stage.schools["Sint-Martinus Asse"]
    with an.vault.session() as s:
        trajectories.start_trajectory(s, an.me, team.trajectory, date(2025, 10, 14))
        goal = trajectories.add_goal(
            s, an.me, team.trajectory, "Weer naar school", "onderwijsloopbaan", date(2025, 10, 14)
        )
        planned = scheduling.plan_series(
            s,
            an.me,
            SessionInput(
                an.me.user_id,
                date(2025, 10, 20),
                time(10),
                60,
                "individueel_gesprek",
                trajectory_id=team.trajectory,
            ),
            "wekelijks",
            count=3,
        )
        first = planned.sessions[0].id
        notes.save_note(s, an.me, first, NoteInput(content="Zoë vertelt"))
        notes.save_note(s, an.me, first, NoteInput(content="Zoë vertelt meer"))
        scheduling.record_attendance(s, an.me, first, "aanwezig")
        new = intake.register_referral(
            s, an.me, youth_referral(school, first="Lotte", last="Maes"), today=TODAY
        )
        intake.transition_referral(s, an.me, new.id, "vraagverheldering", on=date(2025, 10, 8))
        klas = youth_referral(
            school,
            subject_kind="klasgroep",
            offer_type="klasbegeleiding",
            class_group_label="3C",
            class_pupil_count=20,
        )
        klas.youth_first_name = klas.youth_last_name = ""
        group = intake.register_referral(s, an.me, klas, today=TODAY)
    result = _send(an, team)
    assert result.conflicts == 0
    lead = team.leader.vault
    assert cell(lead, "SELECT status FROM trajectories WHERE id = :t", t=team.trajectory) == (
        "lopend"
    )
    assert cell(lead, "SELECT COUNT(*) FROM goals WHERE id = :g", g=goal.id) == 1
    assert (
        cell(lead, "SELECT COUNT(*) FROM sessions WHERE trajectory_id = :t", t=team.trajectory) == 3
    )
    assert cell(lead, "SELECT content FROM session_notes WHERE session_id = :s", s=first) == (
        "Zoë vertelt meer"
    )
    assert cell(lead, "SELECT COUNT(*) FROM note_versions") == 1
    assert cell(lead, "SELECT attendance FROM sessions WHERE id = :s", s=first) == "aanwezig"
    assert cell(lead, "SELECT status FROM referrals WHERE id = :r", r=new.id) == "vraagverheldering"
    assert cell(lead, "SELECT COUNT(*) FROM youths WHERE first_name = 'Lotte'") == 1
    assert cell(lead, "SELECT COUNT(*) FROM referrals WHERE id = :r", r=group.id) == 1
    assert cell(lead, "SELECT COUNT(*) FROM class_groups WHERE label = '3C'") == 1


def test_work_on_a_trajectory_reassigned_meanwhile_becomes_a_conflict(
    team: Team, tmp_path: Path
) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    lead = team.leader.vault
    yusuf = team.stage.yusuf.user_id
    with lead.engine.begin() as conn:  # the team leader gives An's trajectory to Yusuf
        conn.exec_driver_sql(
            f"UPDATE trajectories SET lead_coach_id = '{yusuf}' WHERE id = '{team.trajectory}'"
        )
    with an.vault.session() as s:  # An, offline, goes on working on it
        trajectories.start_trajectory(s, an.me, team.trajectory, date(2025, 10, 14))
        planned = scheduling.plan_session(
            s,
            an.me,
            SessionInput(
                an.me.user_id,
                date(2025, 10, 20),
                time(10),
                60,
                "individueel_gesprek",
                trajectory_id=team.trajectory,
            ),
        )
        notes.save_note(s, an.me, planned.sessions[0].id, NoteInput(content="laatste gesprek"))
    forge(
        an.vault, f"UPDATE trajectories SET summary = 'An: afgerond' WHERE id = '{team.trajectory}'"
    )
    result = _send(an, team)
    assert result.conflicts >= 1
    open_ones = exchange.conflicts(lead, team.leader.me)
    summary = [c for c in open_ones if c.table == "trajectories" and c.field == "summary"]
    assert len(summary) == 1
    assert {v.value for v in summary[0].values} == {"", "An: afgerond"}
    status = [c for c in open_ones if c.field == "status" and c.table == "trajectories"]
    assert len(status) == 1  # not overwritten silently: the team leader decides
    assert cell(
        lead, "SELECT lead_coach_id FROM trajectories WHERE id = :t", t=team.trajectory
    ) == (yusuf)
    # An's session and note are kept: her work on it is not lost.
    assert cell(lead, "SELECT COUNT(*) FROM sessions WHERE id = :s", s=planned.sessions[0].id) == 1
