"""The access export covers every table linked to a young person, found by walking the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from amo_desktop.domain.schema import metadata
from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.reports import access
from amo_desktop.services import subject_access
from tests.integration.reports.test_steering import pdf_text
from tests.integration.services.conftest import Stage
from tests.integration.services.test_retention import NAME_CANARY, NOTE_CANARY, closed_case


def tables_pointing_at_youths() -> set[str]:
    """An independent walk: any table with a foreign-key path to youths (users excluded)."""
    graph = {
        t.name: {fk.column.table.name for fk in t.foreign_keys} for t in metadata.sorted_tables
    }
    reach = {"youths"}
    while True:
        more = {t for t, targets in graph.items() if t != "users" and targets & reach} - reach
        if not more:
            return reach
        reach |= more


def test_export_covers_every_linked_table_and_the_access_log(stage: Stage, tmp_path: Path) -> None:
    youth, _session = closed_case(stage)
    with stage.vault.session() as s:
        export = subject_access.access_export(s, stage.leader, youth, "Vraag van de moeder")
    expected = tables_pointing_at_youths()
    assert expected >= {
        "youths",
        "referrals",
        "trajectories",
        "sessions",
        "session_notes",
        "note_versions",
        "goals",
        "referral_transitions",
        "youth_enrolments",
    }
    assert set(export.tables) == expected
    for name in (
        "youths",
        "referrals",
        "trajectories",
        "sessions",
        "session_notes",
        "note_versions",
        "referral_transitions",
        "youth_enrolments",
    ):
        assert export.tables[name], name
    actions = {e["action"] for e in export.access_log}
    assert {"create", "open", "update"} <= actions
    data = json.loads(access.to_json(export))
    assert data["tables"]["youths"][0]["last_name"] == NAME_CANARY
    out = tmp_path / "inzage.pdf"
    access.render(export, "Groep INTRO", out)
    text = pdf_text(out)
    assert NAME_CANARY in text and NOTE_CANARY in text and "VERTROUWELIJK" in text
    with stage.vault.raw_connection() as conn:
        logged = conn.execute(
            "SELECT count(*) FROM audit_events WHERE action='export' AND entity_id=?", (youth,)
        ).fetchone()[0]
    assert logged == 1


def test_export_needs_the_team_leader_and_a_reason(stage: Stage) -> None:
    youth, _ = closed_case(stage)
    with stage.vault.session() as s:
        with pytest.raises(PermissionDeniedError):
            subject_access.access_export(s, stage.an, youth, "nieuwsgierig")
        with pytest.raises(ValidationError) as info:
            subject_access.access_export(s, stage.leader, youth, " ")
        assert info.value.field == "reason"
