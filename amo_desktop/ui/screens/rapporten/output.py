"""Rapporten's right panel: the report made, previewed, then saved, printed or opened."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from amo_desktop.errors import KnownError
from amo_desktop.services import report_jobs
from amo_desktop.services.report_jobs import ReportResult
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.flow import FlowLayout
from amo_desktop.ui.kit.pdf_preview import PdfPreview, print_pdf
from amo_desktop.ui.kit.text import fill

OUTPUT_SUFFIXES = (".pdf", ".xlsx", ".json")


class ReportOutput(QWidget):
    """Shows `result` and writes it where the user says; `status` tells what was done."""

    status = Signal(str)

    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.result: ReportResult | None = None
        self.preview = PdfPreview()
        self.save_button = QPushButton(self.tr("&Opslaan als…"))
        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.open_button = QPushButton(self.tr("Openen in PDF-&lezer…"))
        self.report_title = QLabel()
        self.report_title.setStyleSheet("font-weight: bold;")
        actions = FlowLayout()  # wraps beside a wide parameter panel
        actions.addWidget(self.report_title, 1)
        for button in (self.save_button, self.print_button, self.open_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.preview, 1)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_report)
        self.open_button.clicked.connect(self.open_in_reader)
        self.show_result(None, "")

    def show_result(self, result: ReportResult | None, title: str) -> None:
        """The preview and the buttons for `result`, shown as `title` (marked when it has
        names)."""
        self.result = result
        self.preview.set_pdf(result.pdf if result else None)
        for button in (self.save_button, self.print_button, self.open_button):
            button.setEnabled(result is not None)
        if result is not None and result.has_names:
            title = fill(self.tr("%1 – vertrouwelijk"), title)
        self.report_title.setText(title if result is not None else "")

    # --- saving and opening ---------------------------------------------------------------
    def _suggested(self, result: ReportResult, suffix: str) -> Path:
        return Path.home() / f"{result.title} {self.today:%Y-%m-%d}{suffix}"

    def save_as(self) -> None:
        self._ask_and_write(
            self.tr("Rapport opslaan als"),
            self.tr("PDF (*.pdf);;Excel-werkmap (*.xlsx);;JSON-gegevens (*.json)"),
            OUTPUT_SUFFIXES,
            self.tr("Rapport bewaard in %1."),
            open_after=False,
        )

    def open_in_reader(self) -> None:
        self._ask_and_write(
            self.tr("Bewaar het rapport om het te openen"),
            self.tr("PDF (*.pdf)"),
            (".pdf",),
            self.tr("Rapport bewaard in %1 en geopend."),
            open_after=True,
        )

    def _ask_and_write(
        self,
        title: str,
        file_filter: str,
        suffixes: tuple[str, ...],
        done_text: str,
        open_after: bool,
    ) -> None:
        """Ask where (a PDF when the name has no known suffix), then write on the worker."""
        result = self.result
        if result is None:
            return
        path = self.ctx.prompts.save_file(self, title, self._suggested(result, ".pdf"), file_filter)
        if path is None:
            return
        if path.suffix.lower() not in suffixes:
            path = path.with_name(path.name + ".pdf")

        def saved(written: Path) -> None:
            self.status.emit(fill(done_text, written))
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))

        self.ctx.call(
            report_jobs.save,
            result,
            path,
            self.ctx.data_dir,
            on_success=saved,
            on_failure=self._output_failed,
        )

    def _output_failed(self, exc: BaseException) -> None:
        """Said under its own title; a full disk or a locked file is no bug."""
        if isinstance(exc, KnownError):
            text = exc.message(self.ctx.lang)
        elif isinstance(exc, OSError):
            text = fill(
                self.tr("Het bestand kon niet geschreven worden: %1"), exc.strerror or str(exc)
            )
        else:
            self.ctx.fail(exc)
            return
        self.ctx.prompts.error(self, self.tr("Niet bewaard"), text)

    # --- printing -------------------------------------------------------------------------
    def print_report(self) -> None:
        if self.result is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.result.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Rapport afdrukken"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Sends the report to a printer that is set up (or to a PDF file, in tests)."""
        result = self.result
        assert result is not None
        try:
            pages = print_pdf(result.pdf, printer)
        except RuntimeError:
            self.ctx.prompts.error(
                self, self.tr("Niet afgedrukt"), self.tr("De printer kon niet starten.")
            )
            return 0
        if result.has_names:
            self.ctx.call(report_jobs.record_output, result.kind, result.entity_id, "printed")
        self.status.emit(fill(self.tr("%1 pagina('s) naar de printer gestuurd."), pages))
        return pages
