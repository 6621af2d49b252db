"""Trajectory report filters notes by audience; planning prints a week; the recovery sheet works."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest

from amo_desktop.errors import PermissionDeniedError
from amo_desktop.reports import planning, recovery, trajectory
from amo_desktop.services import notes, reporting, scheduling
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from amo_desktop.storage.keyslots import parse_recovery_key
from tests.integration.reports.test_steering import pdf_text
from tests.integration.services.conftest import TODAY, Stage
from tests.integration.services.test_retention import NAME_CANARY, closed_case


def test_trajectory_report_shows_only_notes_meant_for_the_audience(
    stage: Stage, tmp_path: Path
) -> None:
    youth, session_id = closed_case(stage)  # its note is internal
    with stage.vault.session() as s:
        scheduling.record_attendance(s, stage.an, session_id, "aanwezig")
        row = scheduling.week(s, stage.an, date(2025, 10, 20), stage.an.user_id)[0]
        traj_id = row.trajectory_id
        assert traj_id is not None
        shared = scheduling.plan_session(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id,
                date(2025, 10, 28),
                time(11),
                45,
                "rondetafel",
                trajectory_id=traj_id,
            ),
        ).sessions[0]
        notes.save_note(
            s,
            stage.an,
            shared.id,
            NoteInput(
                content="Gedeeld met school",
                agreements="Elke ochtend melden",
                visibility="deelbaar_school",
            ),
        )
    texts = {}
    for audience in ("dossier", "school", "clb"):
        with stage.vault.session() as s:
            data = reporting.trajectory_data(s, stage.an, "Groep INTRO", youth, audience, TODAY)
        out = tmp_path / f"{audience}.pdf"
        trajectory.render(data, out)
        texts[audience] = pdf_text(out)
    assert "NOTITIE-KANARIE" in texts["dossier"] and "Gedeeld met school" in texts["dossier"]
    assert "NOTITIE-KANARIE" not in texts["school"] and "Elke ochtend melden" in texts["school"]
    assert "Gedeeld met school" not in texts["clb"]
    assert NAME_CANARY in texts["school"] and "VERTROUWELIJK" in texts["school"]
    with pytest.raises(PermissionDeniedError), stage.vault.session() as s:
        reporting.trajectory_data(s, stage.yusuf, "Groep INTRO", youth, "dossier", TODAY)


def test_planning_week_for_a_coach_and_the_team(stage: Stage, tmp_path: Path) -> None:
    closed_case(stage)
    with stage.vault.session() as s:
        scheduling.plan_session(
            s,
            stage.yusuf,
            SessionInput(
                stage.yusuf.user_id,
                date(2025, 10, 22),
                time(13, 30),
                100,
                "klassessie",
                school_id=stage.schools["GTSM Merchtem"],
            ),
        )
        team = reporting.planning_data(s, stage.an, "Groep INTRO", date(2025, 10, 23))
    out = tmp_path / "planning.pdf"
    planning.render(team, out)
    text = pdf_text(out)
    assert "Week van 20/10/2025 tot 26/10/2025" in text
    assert "Zoë Kanarievogelsen" in text and "Bezet" in text  # Yusuf's session, seen by An
    assert "Woensdag 22/10" in text and "13:30" in text


def test_recovery_sheet_holds_a_key_that_parses(tmp_path: Path) -> None:
    key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QRST"
    out = tmp_path / "herstelsleutel.pdf"
    recovery.render("Groep INTRO", "vault-1", key, out)
    text = pdf_text(out)
    lines = [ln for ln in text.splitlines() if re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4})*", ln)]
    assert "".join(lines).replace("-", "") == key.replace("-", "")
    assert len(parse_recovery_key("".join(lines))) == 32


def test_latin_extended_names_survive_pdf_text_extraction(stage: Stage, tmp_path: Path) -> None:
    from amo_desktop.services import intake, trajectories
    from tests.integration.services.conftest import youth_referral

    with stage.vault.session() as s:
        ref = intake.register_referral(
            s,
            stage.leader,
            youth_referral(stage.schools["VKO Opwijk"], first="Łukasz", last="Şahin-Øberg Nguyễn"),
            today=TODAY,
        )
        intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=date(2025, 10, 7))
        traj = trajectories.assign_to_coach(
            s, stage.leader, ref.id, stage.an.user_id, date(2025, 10, 20), on=date(2025, 10, 15)
        )
        detail = intake.get_referral(s, stage.leader, ref.id)
        assert detail.youth_id is not None and traj.id
        data = reporting.trajectory_data(
            s, stage.leader, "Groep INTRO", detail.youth_id, "dossier", TODAY
        )
    out = tmp_path / "namen.pdf"
    trajectory.render(data, out)
    assert "Trajectverslag: Łukasz Şahin-Øberg Nguyễn" in pdf_text(out)
