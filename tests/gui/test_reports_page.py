"""Rapporten on a real vault: make a report on the worker, preview it, save, print; the access
export needs a reason; a steering report can be frozen as a meeting and reprinted."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from amo_desktop.domain.models import AuditEvent
from amo_desktop.services import intake, reference
from amo_desktop.services.intake import ReferralInput
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.pdf_preview import page_count
from amo_desktop.ui.screens.rapporten.page import ReportsPage

TODAY = date.today()


@dataclass
class Seeded:
    school_id: str
    funder_id: str
    referral_id: str
    youth_id: str


def seed(vault: Vault, first_name: str = "Łukasz", last_name: str = "Øberg") -> Seeded:
    caller = vault.identity
    with vault.session() as s:
        school = reference.add_school(s, caller, "Sint-Martinus Asse", "SMA", "Asse")
        funder = reference.add_funder(s, caller, "Scholengemeenschap Asse", "urenoverdracht")
        summary = intake.register_referral(
            s,
            caller,
            ReferralInput(
                received_on=TODAY,
                school_id=school.id,
                subject_kind="jongere",
                offer_type="individuele_begeleiding",
                prevention_level="preventief",
                reasons=["spijbelen"],
                help_question="Komt niet meer naar school.",
                youth_first_name=first_name,
                youth_last_name=last_name,
                youth_birth_date=date(2011, 3, 14),
            ),
            today=TODAY,
        )
        detail = intake.get_referral(s, caller, summary.id)
    assert detail.youth_id is not None
    return Seeded(school.id, funder.id, summary.id, detail.youth_id)


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def page(qtbot, ctx: AppContext) -> ReportsPage:
    seed(ctx.vault)
    widget = ReportsPage(ctx, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    qtbot.waitUntil(lambda: widget.params.school.count() == 1 and widget.params.funder.count() == 1)
    return widget


def generate(qtbot, page: ReportsPage) -> None:
    page.output.result = None
    page.generate()
    qtbot.waitUntil(lambda: page.output.result is not None or page.generate_button.isEnabled())


def test_steering_report_preview_save_and_print(
    qtbot, page: ReportsPage, ctx: AppContext, tmp_path: Path
) -> None:
    page.params.set_kind("steering")
    page.params.feedback.setPlainText("Signaal: meer schoolweigering in de eerste graad.")
    generate(qtbot, page)
    result = page.output.result
    assert result is not None and not result.has_names
    assert not page.params.names_notice.isVisibleTo(page)
    text = pdf_text(result.pdf)
    assert "Stuurgroeprapport" in text and "meer schoolweigering" in text
    # the preview shows every page, rendered from memory; zoom changes the size
    assert page.output.preview.page_count() == page_count(result.pdf) >= 1
    width = page.output.preview.page_size(0).width()
    page.output.preview.zoom_in()
    assert page.output.preview.page_size(0).width() > width
    # save as PDF and as Excel through the (stubbed) file dialog
    prompts = ctx.prompts
    prompts.save_path = tmp_path / "stuurgroep.pdf"  # type: ignore[attr-defined]
    page.output.save_as()
    qtbot.waitUntil(lambda: (tmp_path / "stuurgroep.pdf").exists())
    assert "Stuurgroeprapport" in pdf_text((tmp_path / "stuurgroep.pdf").read_bytes())
    prompts.save_path = tmp_path / "stuurgroep.xlsx"  # type: ignore[attr-defined]
    page.output.save_as()
    qtbot.waitUntil(lambda: (tmp_path / "stuurgroep.xlsx").exists())
    book = openpyxl.load_workbook(tmp_path / "stuurgroep.xlsx")
    assert book.sheetnames  # every table of the report as a sheet
    assert not list(tmp_path.glob(".*.tmp"))
    # print to a PDF printer
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "afdruk.pdf"))
    assert page.output.print_to(printer) == page.output.preview.page_count()
    printed = PdfReader(tmp_path / "afdruk.pdf")
    assert len(printed.pages) == page.output.preview.page_count()


def test_saving_a_meeting_and_reprinting_it(qtbot, page: ReportsPage) -> None:
    page.params.set_kind("steering")
    page.params.save_meeting.setCurrentIndex(page.params.save_meeting.findData(2))
    generate(qtbot, page)
    assert page.output.result is not None and page.output.result.saved_meeting == 2
    qtbot.waitUntil(lambda: page.params.meeting.count() == 2)
    first = page.output.result.pdf
    # saving the same meeting twice is refused next to the field
    page.params.save_meeting.setCurrentIndex(page.params.save_meeting.findData(2))
    generate(qtbot, page)
    assert "al bewaard" in page.params.errors.visible_text("save_meeting")
    page.params.save_meeting.setCurrentIndex(0)
    page.params.meeting.setCurrentIndex(1)
    assert not page.params.feedback.isVisibleTo(page)  # a reprint has no other parameters
    generate(qtbot, page)
    assert page.output.result is not None and page.output.result.pdf != b""
    assert pdf_text(page.output.result.pdf).count("Stuurgroeprapport") == pdf_text(first).count(
        "Stuurgroeprapport"
    )


def test_access_export_needs_a_reason_and_is_confidential(
    qtbot, page: ReportsPage, ctx: AppContext, tmp_path: Path
) -> None:
    page.params.set_kind("access")
    assert page.params.names_notice.isVisibleTo(page)
    # pick the pupil through the search
    page.params.picker.pupil_search.setText("ukasz")  # SQLite lower() folds ASCII only
    page.params.picker.search_pupils()
    qtbot.waitUntil(lambda: page.params.picker.pupil_list.count() == 1)
    item = page.params.picker.pupil_list.item(0)
    assert "Łukasz Øberg" in item.text()
    page.params.picker.choose_pupil(item)
    qtbot.waitUntil(lambda: page.params.picker.pupil is not None)
    # no reason: refused next to the field, nothing made
    generate(qtbot, page)
    assert page.output.result is None
    assert "reden" in page.params.errors.visible_text("reason")
    page.params.reason.setText("Vraag van de ouders")
    generate(qtbot, page)
    assert page.output.result is not None and page.output.result.has_names
    assert "vertrouwelijk" in page.output.report_title.text()
    assert "Łukasz" in pdf_text(page.output.result.pdf)
    with ctx.vault.session() as s:
        details = set(s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "export")))
    assert "access_export" in details
    # saving a report with names is logged too, in the same step as the write
    ctx.prompts.save_path = tmp_path / "inzage.pdf"  # type: ignore[attr-defined]
    page.output.save_as()
    qtbot.waitUntil(lambda: (tmp_path / "inzage.pdf").exists())
    qtbot.waitUntil(lambda: not ctx.worker.busy)
    with ctx.vault.session() as s:
        details = set(s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "export")))
    assert f"{page.output.result.kind}:saved.pdf" in details


def test_period_error_shows_next_to_the_dates(qtbot, page: ReportsPage) -> None:
    page.params.set_kind("school")
    page.params.period.setCurrentIndex(page.params.period.count() - 1)  # Andere periode…
    assert page.params.first.isVisibleTo(page)
    page.params.first.setDate(page.params.last.date().addDays(1))
    generate(qtbot, page)
    assert page.output.result is None
    assert "einddatum" in page.params.errors.visible_text("to")


def test_each_report_prints_the_text_typed_for_it(qtbot, page: ReportsPage) -> None:
    page.params.set_kind("steering")
    page.params.feedback.setPlainText("Interne noot voor de stuurgroep over een andere school.")
    page.params.set_kind("school")
    assert not page.params.feedback.isVisibleTo(page) and page.params.school_feedback.isVisibleTo(
        page
    )
    label = page.params.form.labelForField(page.params.school_feedback)
    assert (
        "school" in label.text()
        and "Sint-Martinus Asse" in page.params.school_feedback.placeholderText()
    )
    page.params.school_feedback.setPlainText(
        "Dank voor de vlotte samenwerking met de leerlingbegeleiding."
    )
    generate(qtbot, page)
    assert page.output.result is not None
    text = pdf_text(page.output.result.pdf)
    assert "vlotte samenwerking" in text
    assert "Interne noot" not in text
    # the school's text is kept and comes back when the school report is chosen again
    page.params.school_feedback.clear()
    page.params.set_kind("steering")
    page.params.set_kind("school")
    qtbot.waitUntil(lambda: "vlotte samenwerking" in page.params.school_feedback.toPlainText())
    page.params.set_kind("funder")
    generate(qtbot, page)
    assert page.output.result is not None
    assert "vlotte samenwerking" not in pdf_text(page.output.result.pdf)


def test_the_preview_starts_at_the_page_width_until_the_user_zooms(
    qtbot, page: ReportsPage
) -> None:
    """On a laptop screen the first report shows whole pages, not a page cut at its right."""
    page.show()
    qtbot.waitExposed(page)
    page.params.set_kind("steering")
    generate(qtbot, page)
    preview = page.output.preview
    view = preview.scroll_area.viewport().width()
    assert preview.zoom < 1.0
    assert preview.page_size(0).width() <= view
    assert not preview.scroll_area.horizontalScrollBar().isVisible()
    preview.zoom_in()
    chosen = preview.zoom
    generate(qtbot, page)  # the user's own zoom stays for the next report
    assert preview.zoom == chosen
