"""Rapporten's left panel: which report, for what, with the rows each report needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.services import (
    accounts,
    intake,
    meetings,
    reference,
    report_feedback,
    report_jobs,
)
from amo_desktop.services.report_jobs import ReportRequest
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import date_edit, date_of, shrinkable

if TYPE_CHECKING:
    from amo_desktop.services.accounts import UserInfo
    from amo_desktop.services.intake import ReferralDetail, ReferralSummary
    from amo_desktop.services.meetings import MeetingInfo
    from amo_desktop.services.reference import NamedInfo, SchoolInfo

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


@dataclass
class Pupil:
    youth_id: str
    label: str


class PupilPicker(QWidget):
    """Search a pupil by name among the referrals and choose one (`pupil`)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pupil: Pupil | None = None
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
        self.setFocusProxy(self.pupil_search)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pupil_search)
        layout.addWidget(self.pupil_list)
        layout.addWidget(self.pupil_chosen)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.search_pupils)
        self.pupil_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.pupil_search.returnPressed.connect(self.search_pupils)
        self.pupil_list.itemActivated.connect(self.choose_pupil)
        self.pupil_list.itemClicked.connect(self.choose_pupil)

    def search_pupils(self) -> None:
        text = self.pupil_search.text().strip()
        self._search_timer.stop()
        if len(text) < 2:
            self.pupil_list.clear()
            self.pupil_list.hide()
            return
        self.ctx.call(intake.list_referrals, search=text, on_success=self._pupils_found)

    def _pupils_found(self, referrals: list[ReferralSummary]) -> None:
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

        def chosen(detail: ReferralDetail) -> None:
            if detail.youth_id:
                self.set_pupil(Pupil(detail.youth_id, label))

        self.ctx.call(intake.get_referral, referral_id, on_success=chosen)

    def set_pupil(self, pupil: Pupil | None) -> None:
        self.pupil = pupil
        self.pupil_chosen.setText(fill(self.tr("Gekozen: %1"), pupil.label) if pupil else "")
        self.pupil_chosen.setVisible(pupil is not None)


class ReportParams(QWidget):
    """The form: the report kind and the rows it needs, filled from the vault's lists.
    `request()` is what the page sends to the report service."""

    def __init__(
        self, ctx: AppContext, today: date, is_leader: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.is_leader = is_leader
        self._build_fields()
        self._build_form()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.period.currentIndexChanged.connect(self._update_rows)
        self.school.currentIndexChanged.connect(self.load_school_feedback)
        self.period.currentIndexChanged.connect(self.load_school_feedback)
        self.meeting.currentIndexChanged.connect(self._update_rows)
        self.load_lists()
        self._kind_changed()

    def kinds(self) -> list[tuple[str, str]]:
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

    # --- layout ---------------------------------------------------------------------------
    def _build_fields(self) -> None:
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for code, label in self.kinds():
            self.kind.addItem(label, code)
        self.meeting = QComboBox()
        self.period = QComboBox()
        current = SchoolYear.of(self.today)
        for back in range(YEARS_BACK):
            year = SchoolYear(current.start_year - back)
            text = fill(self.tr("%1 (tot vandaag)"), year.label) if back == 0 else year.label
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
        self.picker = PupilPicker(self.ctx)
        self.audience = QComboBox()
        for code, label in (
            ("dossier", self.tr("Dossier (alle verslagen)")),
            ("school", self.tr("School (enkel wat deelbaar is met de school)")),
            ("clb", self.tr("CLB (enkel wat deelbaar is met het CLB)")),
        ):
            self.audience.addItem(label, code)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("bv. vraag van de ouders op 12/03"))
        self.feedback = _text_box(
            self.tr("Feedback en signalen voor de stuurgroep (enkel in het stuurgroeprapport)")
        )
        # A school report's own text: only ever printed in that school's report.
        self.school_feedback = _text_box("")
        self.school_feedback.setObjectName("schoolFeedback")
        self.save_meeting = QComboBox()
        self.save_meeting.addItem(self.tr("Niet bewaren"), 0)
        for n in (1, 2, 3):
            self.save_meeting.addItem(fill(self.tr("Bewaren als stuurgroep %1"), n), n)

    def _build_form(self) -> None:
        general = QLabel()
        self.errors = FieldErrors(general)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow panel
        self._rows: dict[str, tuple[QWidget, QLabel]] = {}
        for label, key, widget in (
            (self.tr("&Rapport:"), "kind", self.kind),
            (self.tr("&Herdrukken:"), "meeting", self.meeting),
            (self.tr("&Periode:"), "period", self.period),
            (self.tr("&Van:"), "from", self.first),
            (self.tr("&Tot en met:"), "to", self.last),
            (self.tr("&School:"), "school", self.school),
            (self.tr("&Financier:"), "funder", self.funder),
            (self.tr("&Gemeente:"), "municipality", self.municipality),
            (self.tr("&Coach:"), "coach", self.coach),
            (self.tr("&Week van:"), "week", self.week),
            (self.tr("&Jongere:"), "pupil", self.picker),
            (self.tr("&Voor:"), "audience", self.audience),
            (self.tr("Re&den:"), "reason", self.reason),
            (self.tr("&Feedback voor de stuurgroep:"), "feedback", self.feedback),
            (self.tr("Te&kst voor deze school:"), "school_feedback", self.school_feedback),
            (self.tr("&Stuurgroep:"), "save_meeting", self.save_meeting),
        ):
            self._rows[key] = (widget, self.errors.add_row(self.form, label, key, widget))
        caption = self.form.labelForField(self.picker)
        if isinstance(caption, QLabel):
            caption.setBuddy(self.picker.pupil_search)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(general)
        layout.addWidget(self.names_notice)
        for combo in self.findChildren(QComboBox):
            shrinkable(combo)  # long school names must not widen the panel

    def _show_row(self, key: str, visible: bool) -> None:
        widget, error = self._rows[key]
        self.form.setRowVisible(widget, visible)
        if not visible:
            self.form.setRowVisible(error, False)

    # --- lists ----------------------------------------------------------------------------
    def load_lists(self) -> None:
        self.ctx.call(reference.list_schools, on_success=self._schools_loaded)
        self.ctx.call_vault(accounts.list_users, on_success=self._users_loaded)
        if self.is_leader:
            self.ctx.call(reference.list_funders, on_success=self._funders_loaded)
            self.reload_meetings()

    def reload_meetings(self) -> None:
        self.ctx.call(meetings.list_meetings, on_success=self._meetings_loaded)

    def _schools_loaded(self, schools: list[SchoolInfo]) -> None:
        self.school.clear()
        for school in schools:
            self.school.addItem(school.name, school.id)
        towns = sorted({s.municipality for s in schools if s.municipality}, key=str.casefold)
        self.municipality.clear()
        self.municipality.addItems(towns)

    def _funders_loaded(self, funders: list[NamedInfo]) -> None:
        self.funder.clear()
        for funder in funders:
            self.funder.addItem(funder.name, funder.id)

    def _users_loaded(self, users: list[UserInfo]) -> None:
        me = self.ctx.vault.identity
        self.coach.clear()
        self.coach.addItem(self.tr("Het hele team"), None)
        for user in users:
            if self.is_leader or (me is not None and user.id == me.user_id):
                self.coach.addItem(user.full_name or user.login, user.id)

    def _meetings_loaded(self, meetings: list[MeetingInfo]) -> None:
        self.meeting.clear()
        self.meeting.addItem(self.tr("Nee, een nieuw rapport maken"), None)
        for m in reversed(meetings):
            label = fill(
                self.tr("Stuurgroep %1 van %2 (%3)"),
                m.sequence,
                f"{m.school_year}-{m.school_year + 1}",
                f"{m.held_on:%d/%m/%Y}",
            )
            self.meeting.addItem(label, (m.school_year, m.sequence))
        self._update_rows()

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
            fill(
                self.tr("Optioneel: een tekst enkel voor %1, in dit schoolrapport"),
                self.school.currentText() or self.tr("deze school"),
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

    def _school_feedback_loaded(self, school_id: str) -> Callable[[str], None]:
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
        for key in self._rows:
            if key != "kind":
                self._show_row(key, key in wanted)
        self.names_notice.setVisible(kind in report_jobs.WITH_NAMES)

    def custom_period(self) -> bool:
        return bool(self.period.currentData() == CUSTOM_PERIOD)

    def request(self) -> ReportRequest:
        kind = self.kind_code
        if self.custom_period():
            first, last = date_of(self.first), date_of(self.last)
        else:
            year = SchoolYear(int(self.period.currentData()))
            first, last = year.start, min(year.end, self.today)
        pupil = self.picker.pupil
        return ReportRequest(
            kind=kind,
            first=first,
            last=last,
            school_id=self.school.currentData(),
            funder_id=self.funder.currentData(),
            municipality=self.municipality.currentText(),
            coach_id=self.coach.currentData(),
            week=date_of(self.week),
            pupil_id=pupil.youth_id if pupil else None,
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


def _text_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setMaximumHeight(110)
    return box
