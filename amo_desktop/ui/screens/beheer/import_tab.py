"""Beheer > Importeren: referrals from an .xlsx or .csv. First a check (dry run) that lists every
problem by row and column; 'Inlezen' only becomes possible when the checked file has none."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.errors import KnownError
from amo_desktop.services import importer
from amo_desktop.services.files import check_output, save_output
from amo_desktop.services.importer import ImportReport
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import ERROR_STYLE
from amo_desktop.ui.kit.tables import Column, RecordModel, table_view
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import heading, hint, open_file
from amo_desktop.ui.screens.beheer.parts import labelled, left_row


class ProblemsModel(RecordModel):
    """Rows are (kind, ImportIssue): the problems and the warnings of one check."""

    CONTEXT = "Admin"
    COLUMNS = (
        Column("Rij", lambda x: x[1].row or "", lambda x: x[1].row),
        Column("Kolom", lambda x: x[1].column),
        Column("Soort", lambda x: x[0]),
        Column("Wat is er mis", lambda x: x[1].message),
    )

    def record_id(self, record: Any) -> str:
        return str(id(record))  # a check's rows have no id: each check replaces them all


class ImportTab(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.checked: Path | None = None  # the file whose dry run had no problems
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.model = ProblemsModel(self)
        self.table = table_view(self.model, "importProblems", stretch=3)
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("Admin", "Aanmeldingen importeren")))
        layout.addWidget(
            hint(
                QCoreApplication.translate(
                    "Admin",
                    "Neem aanmeldingen over uit Excel. Begin met het sjabloon: het heeft de "
                    "juiste kolommen en een blad met de toegelaten waarden. Eerst wordt het "
                    "hele bestand gecontroleerd; er wordt pas iets ingelezen als er geen enkel "
                    "probleem meer is.",
                )
            )
        )
        self._build_file(layout)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.browse_button.clicked.connect(self.browse)
        self.template_button.clicked.connect(self.save_template)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)
        self.path.textChanged.connect(self._path_changed)
        self.path.returnPressed.connect(self.check)

    def _build_file(self, layout: QVBoxLayout) -> None:
        """The file to import, its error, and the buttons that check and read it."""
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setPlaceholderText(
            QCoreApplication.translate("Admin", "Kies een .xlsx- of .csv-bestand")
        )
        self.browse_button = QPushButton(QCoreApplication.translate("Admin", "B&laderen…"))
        self.template_button = QPushButton(
            QCoreApplication.translate("Admin", "Sj&abloon opslaan…")
        )
        self.check_button = QPushButton(QCoreApplication.translate("Admin", "C&ontroleren"))
        self.import_button = QPushButton(QCoreApplication.translate("Admin", "Inle&zen"))
        self.import_button.setEnabled(False)
        self.path_error = QLabel()
        self.path_error.setStyleSheet(ERROR_STYLE)
        self.path_error.hide()
        row = QHBoxLayout()
        row.addWidget(labelled(QCoreApplication.translate("Admin", "B&estand:"), self.path))
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        buttons = left_row(self.check_button, self.import_button)
        buttons.addWidget(self.template_button)
        layout.addLayout(row)
        layout.addWidget(self.path_error)
        layout.addLayout(buttons)

    def _path_changed(self) -> None:
        self.checked = None
        self.import_button.setEnabled(False)
        self.path_error.hide()

    def browse(self) -> None:
        path = open_file(
            self.ctx,
            self,
            QCoreApplication.translate("Admin", "Bestand kiezen"),
            QCoreApplication.translate("Admin", "Excel of CSV (*.xlsx *.csv)"),
        )
        if path is not None:
            self.path.setText(str(path))
            self.check()

    def save_template(self) -> None:
        path = self.ctx.prompts.save_file(
            self,
            QCoreApplication.translate("Admin", "Sjabloon opslaan"),
            Path.home() / "AMO-import-aanmeldingen.xlsx",
            QCoreApplication.translate("Admin", "Excel-werkmap (*.xlsx)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        protect = self.ctx.vault.data_dir

        def job() -> Path:
            check_output(path, protect)
            with tempfile.TemporaryDirectory(prefix="amo-template-") as folder:
                made = importer.write_template(Path(folder) / "template.xlsx")
                return save_output(path, made, protect)

        self.ctx.run(job, self._template_saved, self._template_failed)

    def _template_saved(self, written: Path) -> None:
        self.summary.setText(
            fill(QCoreApplication.translate("Admin", "Sjabloon bewaard in %1."), written)
        )
        self.ctx.status(self.summary.text())

    def _template_failed(self, exc: BaseException) -> None:
        """An OS error (a full disk, no permission) is told as the system says it."""
        if isinstance(exc, OSError) and not isinstance(exc, KnownError):
            self.ctx.prompts.error(
                self, QCoreApplication.translate("Admin", "Niet bewaard"), exc.strerror or str(exc)
            )
        else:
            self.ctx.fail(exc)

    def _chosen(self) -> Path | None:
        text = self.path.text().strip()
        problem = ""
        if not text:
            problem = QCoreApplication.translate("Admin", "Kies eerst een bestand.")
        elif Path(text).suffix.lower() not in (".xlsx", ".csv"):
            problem = QCoreApplication.translate("Admin", "Kies een .xlsx- of .csv-bestand.")
        elif not Path(text).is_file():
            problem = QCoreApplication.translate("Admin", "Dit bestand bestaat niet.")
        if problem:
            self.path_error.setText(problem)
            self.path_error.show()
            self.path.setFocus()
            return None
        self.path_error.hide()
        return Path(text)

    def check(self) -> None:
        path = self._chosen()
        if path is not None:
            self._read(
                path,
                True,
                QCoreApplication.translate("Admin", "Het bestand wordt gecontroleerd…"),
                lambda report: self._checked(path, report),
            )

    def _read(
        self, path: Path, dry_run: bool, busy: str, done: Callable[[ImportReport], None]
    ) -> None:
        """Check the file (`dry_run`) or read it in, saying `busy` meanwhile."""
        self._busy(True, busy)
        self.ctx.call(
            importer.import_referrals,
            path,
            self.today,
            dry_run,
            on_success=done,
            on_failure=self._failed,
        )

    def _checked(self, path: Path, report: ImportReport) -> None:
        self.checked = path if report.ok else None
        self._report(
            report,
            QCoreApplication.translate(
                "Admin", "Geen problemen: %1 aanmelding(en) klaar om in te lezen."
            ),
            QCoreApplication.translate(
                "Admin",
                "%1 probleem/problemen gevonden. Verbeter ze in het bestand, bewaar het en "
                "klik opnieuw op Controleren. Er is niets ingelezen.",
            ),
        )
        if report.ok:
            self.import_button.setEnabled(True)
            self.import_button.setFocus()

    def _imported(self, report: ImportReport) -> None:
        self.checked = None
        self._report(
            report,
            QCoreApplication.translate("Admin", "Klaar: %1 aanmelding(en) ingelezen."),
            QCoreApplication.translate("Admin", "Er is niets ingelezen: %1 probleem/problemen."),
        )

    def _report(self, report: ImportReport, ok_text: str, problems_text: str) -> None:
        """The report's rows in the table and its summary above: `ok_text` with the number
        of referrals, or `problems_text` with the number of problems."""
        self._busy(False)
        self._show(report)
        self.import_button.setEnabled(False)
        if report.ok:
            self.summary.setText(fill(ok_text, report.created) + self._extra(report))
        else:
            self.summary.setText(fill(problems_text, len(report.problems)))
        self.ctx.status(self.summary.text())

    def _extra(self, report: ImportReport) -> str:
        extra = ""
        if report.schools_created:
            extra += " " + fill(
                QCoreApplication.translate("Admin", "Nieuwe scholen: %1."),
                ", ".join(report.schools_created),
            )
        if report.warnings:
            extra += " " + fill(
                QCoreApplication.translate("Admin", "%1 opmerking(en), zie de tabel."),
                len(report.warnings),
            )
        return extra

    def _show(self, report: ImportReport) -> None:
        problem, warning = (
            QCoreApplication.translate("Admin", "probleem"),
            QCoreApplication.translate("Admin", "opmerking"),
        )
        self.model.set_records(
            [(problem, p) for p in report.problems] + [(warning, w) for w in report.warnings]
        )

    def run_import(self) -> None:
        if self.checked is not None:
            self._read(
                self.checked,
                False,
                QCoreApplication.translate("Admin", "De aanmeldingen worden ingelezen…"),
                self._imported,
            )

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, KnownError):
            self.path_error.setText(exc.message(self.ctx.lang))
            self.path_error.show()
            return
        if isinstance(exc, OSError):
            self.path_error.setText(
                fill(
                    QCoreApplication.translate("Admin", "Het bestand kon niet gelezen worden: %1"),
                    exc.strerror or "",
                )
            )
            self.path_error.show()
            return
        self.ctx.fail(exc)

    def _busy(self, busy: bool, text: str = "") -> None:
        for button in (self.check_button, self.browse_button):
            button.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)
            self.summary.setText(text)
