"""Beheer > Verslagsjablonen and what the note editor makes of it: the team leader edits a
contact type's standard template, a coach's new note starts with it, a future session warns."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt

from amo_desktop.domain.enums import ContactType
from amo_desktop.domain.note_templates import default_texts
from amo_desktop.services import notes, scheduling
from amo_desktop.services.scheduling import SessionInfo, SessionInput
from amo_desktop.ui.flows.note_editor import NoteEditor
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.beheer.templates import TemplatesTab
from tests.gui.conftest import FakePrompts
from tests.gui.test_planning import TODAY, build_plan
from tests.gui.test_referrals import host, hosted


def _tab(qtbot, ctx: AppContext) -> TemplatesTab:
    window = host(qtbot, 1000, 700)
    tab = TemplatesTab(ctx, parent=window)
    hosted(window, tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(ContactType))
    return tab


def _select(tab: TemplatesTab, contact_type: str) -> None:
    proxy = tab.table.model()
    row = next(
        r
        for r in range(proxy.rowCount())
        if proxy.index(r, 0).data() == ContactType(contact_type).label
    )
    tab.table.selectRow(row)


def _origin(tab: TemplatesTab, contact_type: str) -> str:
    row = next(i for i, t in enumerate(tab.model.records()) if t.contact_type == contact_type)
    return str(tab.model.index(row, 1).data())


def test_the_team_leader_edits_and_restores_a_template(qtbot, qtmodeltester, ctx) -> None:
    tab = _tab(qtbot, ctx)
    qtmodeltester.check(tab.model)
    _select(tab, "huisbezoek")
    assert tab.edits["observations"].toPlainText() == default_texts("huisbezoek")[1]
    assert _origin(tab, "huisbezoek") == "standaard"
    tab.edits["content"].setPlainText("Wie was er thuis:\n")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _origin(tab, "huisbezoek") == "eigen")
    assert tab.edits["content"].toPlainText() == "Wie was er thuis:\n"  # still selected
    with ctx.vault.session() as s:
        stored = notes.standard_template(s, ctx.vault.identity, "huisbezoek")
    assert stored.content == "Wie was er thuis:\n" and not stored.is_default

    assert isinstance(ctx.prompts, FakePrompts)
    ctx.prompts.confirm_answer = False
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ctx.worker.busy)
    assert _origin(tab, "huisbezoek") == "eigen"  # refused: nothing changed
    ctx.prompts.confirm_answer = True
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _origin(tab, "huisbezoek") == "standaard")
    assert tab.edits["content"].toPlainText() == default_texts("huisbezoek")[0]
    assert [c[1] for c in ctx.prompts.calls] == ["Standaard herstellen"] * 2


def test_a_too_long_field_is_shown_beside_that_field(qtbot, ctx: AppContext) -> None:
    tab = _tab(qtbot, ctx)
    _select(tab, "klassessie")
    tab.edits["agreements"].setPlainText("x" * (notes.MAX_FIELD + 1))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.errors.visible_text("agreements") != "")
    assert "hoogstens" in tab.errors.visible_text("agreements")


def _session(ctx: AppContext, on: date, contact_type: str) -> tuple[SessionInfo, object]:
    plan = build_plan(ctx.vault)
    with ctx.vault.session() as s:
        info = scheduling.plan_session(
            s,
            plan.leader,
            SessionInput(
                plan.coach.user_id, on, time(9), 50, contact_type, trajectory_id=plan.trajectory
            ),
        ).sessions[0]
    return info, plan


def _editor(qtbot, ctx: AppContext, session: SessionInfo, now: datetime) -> NoteEditor:
    editor = NoteEditor(ctx, session, now=now)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded)
    return editor


def test_a_new_note_starts_with_the_template_and_warns_for_the_future(qtbot, ctx) -> None:
    session, _plan = _session(ctx, TODAY, "huisbezoek")
    with ctx.vault.session() as s:
        notes.save_template(s, ctx.vault.identity, "huisbezoek", "Wie was er thuis:\n", "", "", "")
    editor = _editor(qtbot, ctx, session, now=datetime(2025, 10, 19, 12))
    assert editor.content.toPlainText() == "Wie was er thuis:\n"
    assert editor.future_warning.isVisible()
    assert editor.future_warning.text() == (
        "Dit contactmoment ligt in de toekomst: schrijf het verslag na het gesprek."
    )
    assert not editor.is_dirty()  # untouched headings are no draft
    editor.content.setPlainText("Wie was er thuis:\nMoeder en Zoë.")
    editor.save()  # saving still works, the warning stays
    qtbot.waitUntil(lambda: editor.version == 1 and not editor.is_dirty())
    assert editor.future_warning.isVisible()
    editor.reject()

    past = _editor(qtbot, ctx, session, now=datetime(2025, 10, 20, 10))
    assert not past.future_warning.isVisible()
    assert past.content.toPlainText() == "Wie was er thuis:\nMoeder en Zoë."  # stored, no template
    past.reject()


def test_another_template_replaces_only_untouched_headings(qtbot, ctx) -> None:
    session, plan = _session(ctx, TODAY, "individueel_gesprek")
    with ctx.vault.session() as s:
        notes.add_template(
            s, plan.leader, "individueel_gesprek", "Intake", content="Hulpvraag:", agreements="Wie:"
        )
    editor = _editor(qtbot, ctx, session, now=datetime(2025, 12, 1))
    assert editor.observations.toPlainText() == default_texts("individueel_gesprek")[1]
    editor.agreements.setPlainText("Zoë belt zelf.")
    names = [a.text() for a in editor.template_menu.actions() if not a.isSeparator()]
    assert names == ["Intake", "Standaardsjabloon"]
    editor.template_menu.actions()[0].trigger()
    assert editor.content.toPlainText() == "Hulpvraag:"  # untouched headings replaced
    assert editor.agreements.toPlainText() == "Zoë belt zelf."  # typed text kept
    editor.template_menu.actions()[-1].trigger()  # back to the standard headings
    assert editor.content.toPlainText() == default_texts("individueel_gesprek")[0]
    editor.reject()
