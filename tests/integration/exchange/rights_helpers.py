"""Shared by the tests of a coach's rights: a second coach's work, forging, snapshots."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Any

from amo_desktop.domain.identity import Identity
from amo_desktop.domain.replication import replicated
from amo_desktop.services import intake, notes, scheduling, trajectories
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from amo_desktop.storage.vault import Vault
from amo_desktop.sync.rights import Judge
from tests.integration.services.conftest import TODAY, youth_referral

if TYPE_CHECKING:
    from tests.integration.exchange.conftest import Team


def yusufs_work(vault: Vault, leader: Identity, yusuf: str, school: str) -> dict[str, str]:
    """Yusuf's trajectory for Ben Claes, with a session and its note, on the team leader's."""
    with vault.session() as s:
        ref = intake.register_referral(
            s, leader, youth_referral(school, first="Ben", last="Claes"), today=TODAY
        )
        intake.transition_referral(s, leader, ref.id, "wachtlijst", on=date(2025, 10, 7))
        traj = trajectories.assign_to_coach(s, leader, ref.id, yusuf, date(2025, 10, 13))
        planned = scheduling.plan_session(
            s,
            leader,
            SessionInput(
                yusuf,
                date(2025, 10, 20),
                time(10),
                60,
                "individueel_gesprek",
                trajectory_id=traj.id,
            ),
        )
        session = planned.sessions[0].id
        note = notes.save_note(s, leader, session, NoteInput(content="Ben vertelt"))
    return {"referral": ref.id, "trajectory": traj.id, "session": session, "note": note.id}


def forge(vault: Vault, *statements: str) -> None:
    """What an insider does with SQL: any statement, foreign keys off, outside the services."""
    with vault.raw_connection() as conn:  # a keyed connection of its own, as sqlcipher gives
        conn.isolation_level = None
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN")
        for sql in statements:
            conn.execute(sql)
        conn.execute("COMMIT")


def snapshot(vault: Vault) -> dict[str, list[tuple[object, ...]]]:
    """Every travelling table, row by row, with the exchange's books of them."""
    out = {}
    with vault.engine.connect() as conn:
        for r in replicated():
            cols = ", ".join(f'"{c}"' for c in (*r.key_columns, *r.fields))
            out[r.name] = sorted(
                map(tuple, conn.exec_driver_sql(f'SELECT {cols} FROM "{r.name}"')), key=repr
            )
        for books in ("sync_rows", "sync_fields", "sync_tombstones", "sync_siblings"):
            out[books] = sorted(
                map(tuple, conn.exec_driver_sql(f"SELECT * FROM {books}")), key=repr
            )
    return out


def ans_work(
    vault: Vault, leader: Identity, an: str, trajectory: str, school: str
) -> dict[str, str]:
    """A series of two sessions on An's trajectory with a note written twice, a goal, and a
    session of An's without a trajectory."""
    with vault.session() as s:
        series = scheduling.plan_series(
            s,
            leader,
            SessionInput(
                an,
                date(2025, 10, 20),
                time(10),
                60,
                "individueel_gesprek",
                trajectory_id=trajectory,
            ),
            "wekelijks",
            count=2,
        )
        first = series.sessions[0].id
        notes.save_note(s, leader, first, NoteInput(content="Zoë vertelt"))
        note = notes.save_note(s, leader, first, NoteInput(content="Zoë vertelt meer"))
        goal = trajectories.add_goal(
            s, leader, trajectory, "Weer naar school", "onderwijsloopbaan", date(2025, 10, 14)
        )
        loose = scheduling.plan_session(
            s,
            leader,
            SessionInput(
                an,
                date(2025, 10, 22),
                time(14),
                60,
                "overleg_school",
                school_id=school,
            ),
        )
    return {"session": first, "note": note.id, "goal": goal.id, "loose": loose.sessions[0].id}


def ans_work_at_merchtem(team: Team) -> dict[str, str]:
    """`ans_work` on An's trajectory of the staged team, at GTSM Merchtem."""
    return ans_work(
        team.leader.vault,
        team.leader.me,
        team.stage.an.user_id,
        team.trajectory,
        team.stage.schools["GTSM Merchtem"],
    )


def ans_judge(
    an: str,
    mine: set[str],
    left: set[str] | None = None,
    tables: dict[str, Any] | None = None,
    full: bool = True,
) -> Judge:
    """The judge of An's bundle on the team leader's laptop; Yusuf's laptop is a peer too."""
    return Judge(
        user=an,
        login="an",
        sender="v-an",
        me="v-lead",
        peers=frozenset({"v-an", "v-yusuf"}),
        mine=mine,
        left=left or set(),
        tables=tables or {},
        full=full,
    )
