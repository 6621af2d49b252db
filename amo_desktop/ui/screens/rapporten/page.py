"""Rapporten: choose a report and its parameters, make it on the DB worker, preview it from
memory, then save (PDF, Excel, JSON), print through the Qt print dialog or open it in the
system's PDF reader. Reports with names are marked confidential; the services log them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.errors import KnownError
from amo_desktop.reports.excel import write_report
from amo_desktop.services import (
    accounts,
    intake,
    reference,
    report_feedback,
    report_jobs,
    reporting,
)
from amo_desktop.services.authz import TEAMLEADER_ROLES
from amo_desktop.services.report_jobs import ReportRequest, ReportResult
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors
from amo_desktop.ui.kit.pdf_preview import PdfPreview, print_pdf

CUSTOM_PERIOD = -1
YEARS_BACK = 6

# Which parameter rows each report shows.
FIELDS = {
    "steering": ("period", "meeting", "feedback", "save_meeting"),
    "school": ("period", "school", "school_feedback"),
    "funder": ("period", "funder"),
    "signal": ("period", "municipality"),
    "planning": ("coach", "week"),
    "trajectory": ("pupil", "audience"),
    "access": ("pupil", "reason"),
}
PERIOD_ROWS = ("period", "from", "to")
ALL_ROWS = (
    "kind",
    "meeting",
    *PERIOD_ROWS,
    "school",
    "funder",
    "municipality",
    "coach",
    "week",
    "pupil",
    "audience",
    "reason",
    "feedback",
    "school_feedback",
    "save_meeting",
)


@dataclass
class Pupil:
    youth_id: str
    label: str


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        identity = ctx.vault.identity
        self.is_leader = identity is not None and identity.role in TEAMLEADER_ROLES
        self.result: ReportResult | None = None
        self.pupil: Pupil | None = None
        self._build()
        self._load_lists()
        self._kind_changed()

    # --- layout ---------------------------------------------------------------------------
    def _kinds(self) -> list[tuple[str, str]]:
        kinds = [
            ("steering", self.tr("Stuurgroeprapport")),
            ("school", self.tr("Schoolrapport")),
            ("funder", self.tr("Financiersrapport")),
            ("signal", self.tr("Signaal lokaal bestuur")),
            ("planning", self.tr("Planning")),
            ("trajectory", self.tr("Trajectverslag")),
            ("access", self.tr("Inzage-export")),
        ]
        if self.is_leader:
            return kinds
        return [k for k in kinds if k[0] in ("planning", "trajectory")]

    def _build(self) -> None:
        title = QLabel(self.tr("Rapporten"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for code, label in self._kinds():
            self.kind.addItem(label, code)
        self.meeting = QComboBox()
        self.period = QComboBox()
        current = SchoolYear.of(self.today)
        for back in range(YEARS_BACK):
            year = SchoolYear(current.start_year - back)
            text = year.label
            if back == 0:
                text = self.tr("%1 (tot vandaag)").replace("%1", year.label)
            self.period.addItem(text, year.start_year)
        self.period.addItem(self.tr("Andere periode…"), CUSTOM_PERIOD)
        self.first = date_edit(current.start)
        self.last = date_edit(min(self.today, current.end))
        self.school = QComboBox()
        self.funder = QComboBox()
        self.municipality = QComboBox()
        self.municipality.setEditable(True)
        self.coach = QComboBox()
        self.week = date_edit(self.today)
        self.pupil_search = QLineEdit()
        self.pupil_search.setPlaceholderText(self.tr("Typ een deel van de naam…"))
        self.pupil_search.setClearButtonEnabled(True)
        self.pupil_list = QListWidget()
        self.pupil_list.setObjectName("pupilList")
        self.pupil_list.setFixedHeight(110)
        self.pupil_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pupil_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.pupil_list.hide()  # until there is something to choose from
        self.pupil_chosen = QLabel()
        self.pupil_chosen.setWordWrap(True)
        self.pupil_chosen.hide()
        pupil_box = QWidget()
        pupil_box.setFocusProxy(self.pupil_search)
        pupil_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        pupil_layout = QVBoxLayout(pupil_box)
        pupil_layout.setContentsMargins(0, 0, 0, 0)
        pupil_layout.addWidget(self.pupil_search)
        pupil_layout.addWidget(self.pupil_list)
        pupil_layout.addWidget(self.pupil_chosen)
        self.audience = QComboBox()
        for code, label in (
            ("dossier", self.tr("Dossier (alle verslagen)")),
            ("school", self.tr("School (enkel wat deelbaar is met de school)")),
            ("clb", self.tr("CLB (enkel wat deelbaar is met het CLB)")),
        ):
            self.audience.addItem(label, code)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("bv. vraag van de ouders op 12/03"))
        self.feedback = QPlainTextEdit()
        self.feedback.setTabChangesFocus(True)
        self.feedback.setPlaceholderText(
            self.tr("Feedback en signalen voor de stuurgroep (enkel in het stuurgroeprapport)")
        )
        self.feedback.setMaximumHeight(110)
        # A school report's own text: only ever printed in that school's report.
        self.school_feedback = QPlainTextEdit()
        self.school_feedback.setObjectName("schoolFeedback")
        self.school_feedback.setTabChangesFocus(True)
        self.school_feedback.setMaximumHeight(110)
        self.save_meeting = QComboBox()
        self.save_meeting.addItem(self.tr("Niet bewaren"), 0)
        for n in (1, 2, 3):
            self.save_meeting.addItem(self.tr("Bewaren als stuurgroep %1").replace("%1", str(n)), n)

        general = QLabel()
        self.errors = FieldErrors(general)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add = self.errors.add_row
        add(self.form, self.tr("&Rapport:"), "kind", self.kind)
        add(self.form, self.tr("&Herdrukken:"), "meeting", self.meeting)
        add(self.form, self.tr("&Periode:"), "period", self.period)
        add(self.form, self.tr("&Van:"), "from", self.first)
        add(self.form, self.tr("&Tot en met:"), "to", self.last)
        add(self.form, self.tr("&School:"), "school", self.school)
        add(self.form, self.tr("&Financier:"), "funder", self.funder)
        add(self.form, self.tr("&Gemeente:"), "municipality", self.municipality)
        add(self.form, self.tr("&Coach:"), "coach", self.coach)
        add(self.form, self.tr("&Week van:"), "week", self.week)
        add(self.form, self.tr("&Jongere:"), "pupil", pupil_box)
        self.form.labelForField(pupil_box).setBuddy(self.pupil_search)
        add(self.form, self.tr("&Voor:"), "audience", self.audience)
        add(self.form, self.tr("Re&den:"), "reason", self.reason)
        add(self.form, self.tr("&Feedback voor de stuurgroep:"), "feedback", self.feedback)
        add(self.form, self.tr("Te&kst voor deze school:"), "school_feedback", self.school_feedback)
        add(self.form, self.tr("&Stuurgroep:"), "save_meeting", self.save_meeting)
        self.names_notice = QLabel(
            self.tr(
                "Vertrouwelijk: dit rapport bevat namen. Het maken, bewaren en afdrukken wordt "
                "gelogd. Bewaar het enkel op een beveiligde plaats en deel het alleen met wie "
                "het mag lezen."
            )
        )
        self.names_notice.setObjectName("confidentialNotice")
        self.names_notice.setWordWrap(True)
        self.names_notice.setStyleSheet(
            "background: #fff4e5; color: #7a4100; border: 1px solid #e0a040; padding: 6px;"
        )
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
        form_layout.addLayout(self.form)
        form_layout.addWidget(general)
        form_layout.addWidget(self.names_notice)
        form_layout.addWidget(self.generate_button)
        form_layout.addWidget(self.progress)
        form_layout.addWidget(self.status)
        form_layout.addStretch()
        left = QScrollArea()
        left.setWidget(form_box)
        left.setWidgetResizable(True)
        left.setMinimumWidth(360)
        left.setFrameShape(QScrollArea.Shape.NoFrame)

        self.preview = PdfPreview()
        self.save_button = QPushButton(self.tr("&Opslaan als…"))
        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.open_button = QPushButton(self.tr("Openen in PDF-&lezer…"))
        self.report_title = QLabel()
        self.report_title.setStyleSheet("font-weight: bold;")
        actions = QHBoxLayout()
        actions.addWidget(self.report_title)
        actions.addStretch()
        for button in (self.save_button, self.print_button, self.open_button):
            actions.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.preview, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.period.currentIndexChanged.connect(self._update_rows)
        self.school.currentIndexChanged.connect(self.load_school_feedback)
        self.period.currentIndexChanged.connect(self.load_school_feedback)
        self.meeting.currentIndexChanged.connect(self._update_rows)
        self.generate_button.clicked.connect(self.generate)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_report)
        self.open_button.clicked.connect(self.open_in_reader)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.search_pupils)
        self.pupil_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.pupil_search.returnPressed.connect(self.search_pupils)
        self.pupil_list.itemActivated.connect(self.choose_pupil)
        self.pupil_list.itemClicked.connect(self.choose_pupil)
        self.reason.returnPressed.connect(self.generate)
        self._set_result(None)

    def _show_row(self, key: str, visible: bool) -> None:
        field = self.errors._fields[key]  # (widget, error label, form)
        row, _role = self.form.getWidgetPosition(field[0])
        self.form.setRowVisible(row, visible)
        if not visible:
            self.errors._set_visible(key, False)

    # --- lists ----------------------------------------------------------------------------
    def _load_lists(self) -> None:
        self.ctx.call(reference.list_schools, on_success=self._schools_loaded)
        vault, caller = self.ctx.vault, self.ctx.vault.identity
        self.ctx.worker.submit(lambda: accounts.list_users(vault, caller), self._users_loaded)
        if self.is_leader:
            self.ctx.call(reference.list_funders, on_success=self._funders_loaded)
            self.reload_meetings()

    def reload_meetings(self) -> None:
        self.ctx.call(reporting.list_meetings, on_success=self._meetings_loaded)

    def _schools_loaded(self, schools: list[Any]) -> None:
        self.school.clear()
        for school in schools:
            self.school.addItem(school.name, school.id)
        towns = sorted({s.municipality for s in schools if s.municipality}, key=str.casefold)
        self.municipality.clear()
        self.municipality.addItems(towns)

    def _funders_loaded(self, funders: list[Any]) -> None:
        self.funder.clear()
        for funder in funders:
            self.funder.addItem(funder.name, funder.id)

    def _users_loaded(self, users: list[Any]) -> None:
        me = self.ctx.vault.identity
        self.coach.clear()
        self.coach.addItem(self.tr("Het hele team"), None)
        for user in users:
            if self.is_leader or (me is not None and user.id == me.user_id):
                self.coach.addItem(user.full_name or user.login, user.id)

    def _meetings_loaded(self, meetings: list[Any]) -> None:
        self.meeting.clear()
        self.meeting.addItem(self.tr("Nee, een nieuw rapport maken"), None)
        for m in reversed(meetings):
            label = (
                self.tr("Stuurgroep %1 van %2 (%3)")
                .replace("%1", str(m.sequence))
                .replace("%2", f"{m.school_year}-{m.school_year + 1}")
                .replace("%3", f"{m.held_on:%d/%m/%Y}")
            )
            self.meeting.addItem(label, (m.school_year, m.sequence))
        self._update_rows()

    def search_pupils(self) -> None:
        text = self.pupil_search.text().strip()
        self._search_timer.stop()
        if len(text) < 2:
            self.pupil_list.clear()
            self.pupil_list.hide()
            return
        self.ctx.call(intake.list_referrals, search=text, on_success=self._pupils_found)

    def _pupils_found(self, referrals: list[Any]) -> None:
        self.pupil_list.clear()
        self.pupil_list.show()
        for r in referrals[:50]:
            if r.subject_kind != "jongere":
                continue
            item = QListWidgetItem(
                f"{r.subject_label} – {r.school_name} ({r.received_on:%d/%m/%Y})"
            )
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, f"{r.subject_label} – {r.school_name}")
            self.pupil_list.addItem(item)
        if self.pupil_list.count() == 0:
            item = QListWidgetItem(self.tr("Geen jongere gevonden."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.pupil_list.addItem(item)

    def choose_pupil(self, item: QListWidgetItem) -> None:
        referral_id = item.data(Qt.ItemDataRole.UserRole)
        if not referral_id:
            return
        label = str(item.data(Qt.ItemDataRole.UserRole + 1))

        def chosen(detail: Any) -> None:
            if detail.youth_id:
                self.set_pupil(Pupil(detail.youth_id, label))

        self.ctx.call(intake.get_referral, referral_id, on_success=chosen)

    def set_pupil(self, pupil: Pupil | None) -> None:
        self.pupil = pupil
        self.pupil_chosen.setText(
            self.tr("Gekozen: %1").replace("%1", pupil.label) if pupil else ""
        )
        self.pupil_chosen.setVisible(pupil is not None)

    # --- parameters -----------------------------------------------------------------------
    @property
    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def set_kind(self, code: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(code))

    def _kind_changed(self) -> None:
        self.errors.clear()
        self._update_rows()
        self.load_school_feedback()

    def load_school_feedback(self) -> None:
        """Show the text kept for the chosen school and school year, named after the school."""
        school_id = self.school.currentData()
        self.school_feedback.setPlaceholderText(
            self.tr("Optioneel: een tekst enkel voor %1, in dit schoolrapport").replace(
                "%1", self.school.currentText() or self.tr("deze school")
            )
        )
        if self.kind_code != "school" or not school_id or not self.is_leader:
            return
        year = self.request().first or self.today
        self.school_feedback.setPlainText("")
        self.ctx.call(
            report_feedback.school_feedback,
            school_id,
            SchoolYear.of(year).start_year,
            on_success=self._school_feedback_loaded(school_id),
        )

    def _school_feedback_loaded(self, school_id: str) -> Any:
        def loaded(text: str) -> None:
            if self.school.currentData() == school_id:
                self.school_feedback.setPlainText(text)

        return loaded

    def _update_rows(self) -> None:
        kind = self.kind_code
        wanted = set(FIELDS.get(kind, ()))
        reprint = kind == "steering" and self.meeting.currentData() is not None
        if reprint:
            wanted = {"meeting"}
        if "period" in wanted and self.period.currentData() == CUSTOM_PERIOD:
            wanted |= {"from", "to"}
        if "meeting" in wanted and self.meeting.count() <= 1:
            wanted.discard("meeting")
        for key in ALL_ROWS:
            if key != "kind":
                self._show_row(key, key in wanted)
        self.names_notice.setVisible(kind in report_jobs.WITH_NAMES)

    def request(self) -> ReportRequest:
        kind = self.kind_code
        first = last = None
        if self.period.currentData() == CUSTOM_PERIOD:
            first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        else:
            year = SchoolYear(int(self.period.currentData()))
            first, last = year.start, min(year.end, self.today)
        return ReportRequest(
            kind=kind,
            first=first,
            last=last,
            school_id=self.school.currentData(),
            funder_id=self.funder.currentData(),
            municipality=self.municipality.currentText(),
            coach_id=self.coach.currentData(),
            week=from_qdate(self.week.date()),
            pupil_id=self.pupil.youth_id if self.pupil else None,
            audience=str(self.audience.currentData()),
            reason=self.reason.text(),
            feedback=self._feedback_for(kind),
            save_as_meeting=self.save_meeting.currentData() or None,
            meeting=self.meeting.currentData() if kind == "steering" else None,
        )

    def _feedback_for(self, kind: str) -> str | None:
        """Each report gets the text typed for it: the steering group's or this school's."""
        if kind == "steering":
            return self.feedback.toPlainText()
        if kind == "school":
            return self.school_feedback.toPlainText()
        return None

    # --- generating -----------------------------------------------------------------------
    def generate(self) -> None:
        self.errors.clear()
        request = self.request()
        if request.kind == "access" and not request.reason.strip():
            self.errors.show(
                "reason",
                self.tr("Geef de reden van deze inzage; ze komt in het logboek."),
            )
            return
        if request.kind in ("trajectory", "access") and request.pupil_id is None:
            self.errors.show("pupil", self.tr("Zoek en kies eerst een jongere."))
            return
        vault, today = self.ctx.vault, self.today
        organisation = vault.sidecar.organisation

        def job() -> ReportResult:
            with vault.session() as s:
                return report_jobs.build(s, vault.identity, organisation, request, today)

        self._set_busy(True)
        self.ctx.worker.submit(job, self._generated, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.generate_button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Het rapport wordt gemaakt…"))

    def _generated(self, result: ReportResult) -> None:
        self._set_busy(False)
        self._set_result(result)
        self.status.setText(self.tr("Klaar: %1.").replace("%1", result.title))
        if result.saved_meeting:
            self.status.setText(
                self.tr("Klaar. De cijfers zijn bewaard als stuurgroep %1.").replace(
                    "%1", str(result.saved_meeting)
                )
            )
            self.save_meeting.setCurrentIndex(0)
            self.reload_meetings()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText("")
        field_map = {"sequence": "save_meeting", "youth_ids": "pupil"}
        if self.period.currentData() != CUSTOM_PERIOD:
            field_map.update({"to": "period", "from": "period"})
        if not self.errors.show_error(exc, self.ctx.lang, field_map):
            raise exc

    def _set_result(self, result: ReportResult | None) -> None:
        self.result = result
        self.preview.set_pdf(result.pdf if result else None)
        for button in (self.save_button, self.print_button, self.open_button):
            button.setEnabled(result is not None)
        if result is None:
            self.report_title.setText("")
        elif result.has_names:
            self.report_title.setText(
                self.tr("%1 – vertrouwelijk").replace("%1", self._title(result))
            )
        else:
            self.report_title.setText(self._title(result))

    def _title(self, result: ReportResult) -> str:
        return dict(self._kinds()).get(result.kind, result.title)

    # --- output ---------------------------------------------------------------------------
    def _suggested(self, suffix: str) -> Path:
        assert self.result is not None
        name = f"{self.result.title} {self.today:%Y-%m-%d}{suffix}"
        return Path.home() / name

    def save_as(self) -> None:
        if self.result is None:
            return
        path = self.ctx.prompts.save_file(
            self,
            self.tr("Rapport opslaan als"),
            self._suggested(".pdf"),
            self.tr("PDF (*.pdf);;Excel-werkmap (*.xlsx);;JSON-gegevens (*.json)"),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".pdf", ".xlsx", ".json"):
            path = path.with_name(path.name + ".pdf")
        self._write(path, self.tr("Rapport bewaard in %1."), open_after=False)

    def open_in_reader(self) -> None:
        if self.result is None:
            return
        path = self.ctx.prompts.save_file(
            self,
            self.tr("Bewaar het rapport om het te openen"),
            self._suggested(".pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._write(path, self.tr("Rapport bewaard in %1 en geopend."), open_after=True)

    def _write(self, path: Path, done_text: str, open_after: bool) -> None:
        result, vault = self.result, self.ctx.vault
        assert result is not None
        how = "saved" + path.suffix.lower()

        def job() -> Path:
            write_report(path, result.pdf, result.sheets, result.json_text, protect=vault.data_dir)
            if result.has_names:
                with vault.session() as s:
                    report_jobs.record_output(s, vault.identity, result.kind, result.entity_id, how)
            return path

        def done(written: Path) -> None:
            self.status.setText(done_text.replace("%1", str(written)))
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))

        self.ctx.worker.submit(job, done, self._output_failed)

    def _output_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            text = exc.message(self.ctx.lang)
        elif isinstance(exc, OSError):
            text = self.tr("Het bestand kon niet geschreven worden: %1").replace(
                "%1", exc.strerror or str(exc)
            )
        else:
            raise exc
        self.ctx.prompts.error(self, self.tr("Niet bewaard"), text)

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
        self.status.setText(
            self.tr("%1 pagina('s) naar de printer gestuurd.").replace("%1", str(pages))
        )
        return pages
