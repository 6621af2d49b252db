"""The standard note template per contact type: shipped texts, the team leader's edits, reset."""

from __future__ import annotations

from datetime import date, time

import pytest

from amo_desktop.domain.enums import ContactType
from amo_desktop.domain.note_templates import default_texts
from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services import notes, scheduling
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import Stage
from tests.integration.services.test_caseload_flow import _started


def test_every_contact_type_has_a_structured_standard_template(stage: Stage) -> None:
    with stage.vault.session() as s:
        templates = notes.list_templates(s, stage.an)
    assert [t.contact_type for t in templates] == [m.value for m in ContactType]
    assert all(t.is_default and t.name == notes.STANDARD_NAME for t in templates)
    talk = templates[0]
    assert talk.contact_type == "individueel_gesprek"
    for name in notes.TEMPLATE_FIELDS:  # real structure in every field: headings to write under
        assert getattr(talk, name).count(":") >= 1
    home = next(t for t in templates if t.contact_type == "huisbezoek")
    assert "Thuissituatie" in home.observations and home.content != talk.content


def test_the_team_leader_edits_and_restores_a_standard_template(stage: Stage) -> None:
    with stage.vault.session() as s:
        saved = notes.save_template(
            s, stage.leader, "klassessie", "Thema:\n", "Sfeer:\n", "Afspraken:\n", "Volgende:\n"
        )
        assert saved.content == "Thema:\n" and not saved.is_default and saved.id
        again = notes.save_template(
            s, stage.leader, "klassessie", "Thema en klas:\n", "Sfeer:\n", "", "Volgende:\n"
        )
        assert again.id == saved.id  # one row per contact type, changed in place
        standard = notes.standard_template(s, stage.an, "klassessie")
        assert (standard.content, standard.agreements) == ("Thema en klas:\n", "")
        context_types = {t.contact_type for t in notes.list_templates(s, stage.an) if t.id}
        assert context_types == {"klassessie"}
        # the standard template is not one of the named templates of the Sjabloon menu
        assert notes.templates_for(s, stage.an, "klassessie") == []
        restored = notes.reset_template(s, stage.leader, "klassessie")
        assert restored.is_default and restored.id == saved.id
        assert restored.content == default_texts("klassessie")[0]


def test_only_the_team_leader_saves_templates_and_texts_are_checked(stage: Stage) -> None:
    with stage.vault.session() as s:
        with pytest.raises(PermissionDeniedError):
            notes.save_template(s, stage.an, "klassessie", "x", "", "", "")
        with pytest.raises(PermissionDeniedError):
            notes.reset_template(s, stage.an, "klassessie")
        with pytest.raises(ValidationError):
            notes.save_template(s, stage.leader, "koffie", "x", "", "", "")
        with pytest.raises(ValidationError) as too_long:
            notes.save_template(
                s, stage.leader, "klassessie", "", "x" * (notes.MAX_FIELD + 1), "", ""
            )
        assert too_long.value.field == "observations"
        assert notes.standard_template(s, stage.an, "klassessie").is_default


def test_note_context_brings_the_standard_template_of_the_session_type(stage: Stage) -> None:
    traj = _started(stage)
    with stage.vault.session() as s:
        session = scheduling.plan_session(
            s,
            stage.an,
            SessionInput(
                stage.an.user_id, date(2025, 10, 20), time(9), 50, "huisbezoek",
                trajectory_id=traj,
            ),
        ).sessions[0]  # fmt: skip
        shipped = notes.note_context(s, stage.an, session.id, traj, "huisbezoek").standard
        assert shipped.is_default and "Thuissituatie" in shipped.observations
        notes.save_template(s, stage.leader, "huisbezoek", "Wie was er:\n", "", "", "")
        edited = notes.note_context(s, stage.an, session.id, traj, "huisbezoek").standard
        assert edited.content == "Wie was er:\n" and not edited.is_default
