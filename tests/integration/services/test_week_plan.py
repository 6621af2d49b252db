"""The reads the planning grid, its .ics export and the note editor make in one service call."""

from __future__ import annotations

from datetime import date, time

from amo_desktop.services import notes, scheduling, trajectories
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import Stage
from tests.integration.services.test_caseload_flow import _started


def test_week_plan_has_the_sessions_and_the_days_off_by_day(stage: Stage) -> None:
    traj = _started(stage)
    with stage.vault.session() as s:
        scheduling.plan_series(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id, date(2025, 10, 20), time(9), 50, "individueel_gesprek",
                trajectory_id=traj,
            ),
            "wekelijks",
            count=3,
        )  # fmt: skip
        autumn = scheduling.week_plan(s, stage.an, date(2025, 10, 27), stage.an.user_id)
        assert autumn.sessions == [] and autumn.coach_id == stage.an.user_id
        assert sorted(autumn.days_off) == [date(2025, 10, d) for d in range(27, 32)] + [
            date(2025, 11, 1),
            date(2025, 11, 2),
        ]
        assert "Herfstvakantie" in autumn.days_off[date(2025, 10, 27)]
        first = scheduling.week_plan(s, stage.yusuf, date(2025, 10, 20), None)
        assert [x.label for x in first.sessions] == ["Bezet"]  # someone else's, as busy

        between = scheduling.sessions_between(
            s, stage.an, date(2025, 10, 21), date(2025, 11, 10), stage.an.user_id
        )
        assert [x.on for x in between] == [date(2025, 11, 3), date(2025, 11, 10)]


def test_note_context_brings_the_note_templates_and_goals(stage: Stage) -> None:
    traj = _started(stage)
    with stage.vault.session() as s:
        session = scheduling.plan_session(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id, date(2025, 10, 21), time(10), 50, "individueel_gesprek",
                trajectory_id=traj,
            ),
        ).sessions[0]  # fmt: skip
        empty = notes.note_context(s, stage.an, session.id, traj, "individueel_gesprek")
        assert (empty.note, empty.templates, empty.goals) == (None, [], [])
        notes.add_template(s, stage.leader, "individueel_gesprek", "Intake", content="Vraag:")
        notes.save_note(s, stage.an, session.id, NoteInput(content="Kennismaking"), draft=True)
        trajectories.add_goal(
            s, stage.an, traj, "Elke dag op school", "schoolbinding", date(2025, 10, 21)
        )
        full = notes.note_context(s, stage.an, session.id, traj, "individueel_gesprek")
        assert full.note is not None and full.note.content == "Kennismaking"
        assert [t.name for t in full.templates] == ["Intake"]
        assert [g.description for g in full.goals] == ["Elke dag op school"]
        no_trajectory = notes.note_context(s, stage.an, session.id, None, "klassessie")
        assert no_trajectory.goals == [] and no_trajectory.templates == []
