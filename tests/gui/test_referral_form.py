"""Aanmeldingen and the school's referral form: making one, and a filled one (chosen or dropped
on the list) opening the intake form as a preview that saves only on Bewaren (issue 16)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from amo_desktop.domain.models import AuditEvent
from amo_desktop.services import referral_form
from amo_desktop.ui.flows.referral_form import MakeFormDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.aanmeldingen.form import ReferralFormDialog
from amo_desktop.ui.screens.aanmeldingen.page import ReferralsPage
from amo_desktop.ui.screens.beheer.schools import SchoolsTab
from tests.gui.test_referrals import (
    COACH_PASSWORD,
    Stage,
    build_stage,
    host,
    hosted,
    open_page,
)
from tests.referral_forms import CLASS_ANSWERS, PUPIL_ANSWERS, class_input, fill, pupil_input

TODAY = date(2026, 12, 7)
SCHOOL = "Sint-Martinus Asse"


@pytest.fixture
def stage(ctx: AppContext) -> Stage:
    return build_stage(ctx.vault)


@pytest.fixture
def page(qtbot, ctx: AppContext, stage: Stage) -> ReferralsPage:
    return open_page(qtbot, ctx, TODAY)


def filled_form(stage: Stage, tmp_path: Path, answers: dict[str, str], klas: bool = False) -> Path:
    form = referral_form.make_form(
        stage.vault, stage.leader, SCHOOL, klas, tmp_path / f"leeg-{klas}.pdf", TODAY
    )
    return fill(form, answers, tmp_path / f"ingevuld-{klas}.pdf")


def preview_of(qtbot, page: ReferralsPage, ctx: AppContext, path: Path) -> ReferralFormDialog:
    ctx.prompts.open_file = lambda _parent, _title, _filter: str(path)  # type: ignore[attr-defined]
    page.from_form_action.trigger()
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible())
    assert page.form is not None
    return page.form


def test_a_filled_form_opens_as_a_preview_and_saves_on_bewaren(
    qtbot, page: ReferralsPage, ctx: AppContext, stage: Stage, tmp_path: Path
) -> None:
    form = preview_of(qtbot, page, ctx, filled_form(stage, tmp_path, PUPIL_ANSWERS))
    assert form.windowTitle() == "Aanmelding uit formulier"
    banner = form.findChild(object, "formSource")
    assert banner is not None and "ingevuld-False.pdf" in banner.text() and SCHOOL in banner.text()
    assert form.collect() == pupil_input(stage.schools[SCHOOL])  # exactly the intake's referral
    assert all(form.errors.visible_text(f) == "" for f in ("help_question", "reasons"))
    assert page.model.rowCount() == 3  # nothing saved by reading
    form.submit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    qtbot.waitUntil(lambda: page.form is None)
    with stage.vault.session() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "import")))
    assert len(events) == 1 and events[0].detail.startswith("formulier ")
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    assert page.detail.detail is not None
    assert page.detail.detail.summary.status == "wachtlijst"
    assert page.detail.detail.channel == "formulier"


def test_every_problem_shows_beside_its_field_and_nothing_is_saved(
    qtbot, page: ReferralsPage, ctx: AppContext, stage: Stage, tmp_path: Path
) -> None:
    answers = {**CLASS_ANSWERS, "help_question": "", "class_pupil_count": "0", "urgency": "?"}
    form = preview_of(qtbot, page, ctx, filled_form(stage, tmp_path, answers, klas=True))
    assert form.subject_kind.currentData() == "klasgroep"
    assert form.errors.visible_text("help_question") == "Dit veld is verplicht."
    assert form.errors.visible_text("class_pupil_count") == (
        "Vul het aantal leerlingen in (1 tot 60)."
    )
    assert form.errors.visible_text("urgency") == "Kies een waarde uit de lijst."
    form.help_question.setPlainText("Veel onrust en pesten in de klas.")
    form.class_pupil_count.setValue(23)
    expected = class_input(stage.schools[SCHOOL], TODAY)
    assert form.collect() == expected
    form.cancel()  # FakePrompts confirms "Niet bewaren"
    qtbot.waitUntil(lambda: page.form is None)
    assert ctx.prompts.kinds() == ["confirm"]  # type: ignore[attr-defined]
    assert page.model.rowCount() == 3


def _drop(page: ReferralsPage, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    viewport = page.table.viewport()
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    accepted = enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, drop)
    return accepted


def test_dropped_pdfs_are_read_one_after_the_other(
    qtbot, page: ReferralsPage, ctx: AppContext, stage: Stage, tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "Aanmelding (ingescand)")
    canvas.save()
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(buffer.getvalue())
    text = tmp_path / "notities.txt"
    text.write_text("geen pdf", encoding="utf-8")
    assert not _drop(page, [text])  # only PDFs are taken
    good = filled_form(stage, tmp_path, PUPIL_ANSWERS)
    assert _drop(page, [scanned, good])
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible())
    errors = [c for c in ctx.prompts.calls if c[0] == "error"]  # type: ignore[attr-defined]
    assert errors == [
        (
            "error",
            "scan.pdf niet ingelezen",
            "Deze pdf heeft geen invulvelden (afgedrukt en ingescand, of afgevlakt). Vraag de "
            "school het ingevulde formulier zelf te bewaren en door te sturen.",
        )
    ]
    assert page.form is not None
    assert page.form.collect() == pupil_input(stage.schools[SCHOOL])
    assert page.model.rowCount() == 3


def test_making_a_form_asks_the_school_and_saves_it(
    qtbot, page: ReferralsPage, ctx: AppContext, tmp_path: Path
) -> None:
    page.make_form_action.trigger()
    dialog = page.findChild(MakeFormDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error.text() == "Kies de school."
    dialog.school.setCurrentIndex(dialog.school.findText("GTSM Merchtem"))
    dialog.for_class.setChecked(True)
    ctx.prompts.save_path = tmp_path / "formulier"  # type: ignore[attr-defined]
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "info" in ctx.prompts.kinds())  # type: ignore[attr-defined]
    saved = tmp_path / "formulier.pdf"
    fields = PdfReader(saved).get_fields() or {}
    assert "class_pupil_count" in fields and "youth_first_name" not in fields
    asked = [c for c in ctx.prompts.calls if c[0] == "save_file"]  # type: ignore[attr-defined]
    assert asked[0][2].endswith("Aanmeldingsformulier GTSM Merchtem klas.pdf")


def test_beheer_scholen_makes_the_form_of_the_selected_school(
    qtbot, ctx: AppContext, stage: Stage, tmp_path: Path
) -> None:
    ctx.today = lambda: TODAY
    tab = SchoolsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert not tab.form_button.isEnabled()
    tab.table.selectRow(tab.model.row_of(stage.schools["GTSM Merchtem"]))
    assert tab.form_button.isEnabled()
    tab.form_button.click()
    dialog = tab.findChild(MakeFormDialog)
    assert dialog is not None and dialog.school.currentText() == "GTSM Merchtem"
    assert dialog.for_pupil.isChecked()
    ctx.prompts.save_path = tmp_path / "merchtem.pdf"  # type: ignore[attr-defined]
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "info" in ctx.prompts.kinds())  # type: ignore[attr-defined]
    form_id = str((PdfReader(tmp_path / "merchtem.pdf").get_fields() or {})["amo_form"]["/V"])
    assert form_id.split(";")[3:5] == [stage.schools["GTSM Merchtem"], "jongere"]


def test_a_coach_has_no_form_actions_and_no_drop(qtbot, ctx: AppContext, stage: Stage) -> None:
    """Reading a school's form is the team leader's intake: a coach sees neither the menu nor a
    list that takes a dropped PDF."""
    ctx.vault.lock()
    ctx.vault.unlock("an", COACH_PASSWORD)
    window = host(qtbot)
    widget = ReferralsPage(ctx, parent=window)
    hosted(window, widget)
    assert not hasattr(widget, "form_button") and not hasattr(widget, "drop")
    assert not widget.table.viewport().acceptDrops()
