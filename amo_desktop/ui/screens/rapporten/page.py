"""Rapporten: choose a report and its parameters, make it on the DB worker, preview it from
memory, then save (PDF, Excel, JSON), print through the Qt print dialog or open it in the
system's PDF reader. Reports with names are marked confidential; the services log them."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.services import report_jobs
from amo_desktop.services.report_jobs import ReportResult
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.screens.rapporten.output import ReportOutput
from amo_desktop.ui.screens.rapporten.params import ReportParams


class ReportsPage(QWidget):
    """The parameters (`params`) left, the report made (`output`) right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.is_leader = ctx.is_leader
        self.params = ReportParams(ctx, self.today, self.is_leader)
        self.output = ReportOutput(ctx, self.today)
        self._build()
        self.generate_button.clicked.connect(self.generate)
        self.params.reason.returnPressed.connect(self.generate)
        self.output.status.connect(self.status.setText)
        self.output.status.connect(self.ctx.status)  # the status bar says it as well

    def _build(self) -> None:
        title = QLabel(self.tr("Rapporten"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.generate_button = QPushButton(self.tr("Rapport &maken"))
        self.generate_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.addWidget(title)
        form_layout.addWidget(self.params)
        form_layout.addWidget(self.generate_button)
        form_layout.addWidget(self.progress)
        form_layout.addWidget(self.status)
        form_layout.addStretch()
        left = QScrollArea()
        left.setWidget(form_box)
        left.setWidgetResizable(True)
        left.setMinimumWidth(360)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.output)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # --- generating -----------------------------------------------------------------------
    def generate(self) -> None:
        errors = self.params.errors
        errors.clear()
        request = self.params.request()
        if request.kind == "access" and not request.reason.strip():
            errors.show("reason", self.tr("Geef de reden van deze inzage; ze komt in het logboek."))
            return
        if request.kind in ("trajectory", "access") and request.pupil_id is None:
            errors.show("pupil", self.tr("Zoek en kies eerst een jongere."))
            return
        organisation = self.ctx.vault.sidecar.organisation
        self._set_busy(True)
        self.ctx.call(
            report_jobs.build,
            organisation,
            request,
            self.today,
            on_success=self._generated,
            on_failure=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.generate_button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Het rapport wordt gemaakt…"))

    def _generated(self, result: ReportResult) -> None:
        self._set_busy(False)
        title = dict(self.params.kinds()).get(result.kind, result.title)
        self.output.show_result(result, title)
        self.status.setText(fill(self.tr("Klaar: %1."), result.title))
        if result.saved_meeting:
            self.status.setText(
                fill(
                    self.tr("Klaar. De cijfers zijn bewaard als stuurgroep %1."),
                    result.saved_meeting,
                )
            )
            self.params.save_meeting.setCurrentIndex(0)
            self.params.reload_meetings()
        self.ctx.status(self.status.text())

    def _failed(self, exc: BaseException) -> None:
        """A refused parameter is said beside its row; the page is ready for another try."""
        self._set_busy(False)
        self.status.setText("")
        field_map = {"sequence": "save_meeting", "youth_ids": "pupil"}
        if not self.params.custom_period():
            field_map.update({"to": "period", "from": "period"})
        if not self.params.errors.show_error(exc, self.ctx.lang, field_map):
            self.ctx.fail(exc)
