"""The form for a new referral: every intake field, grouped as the coach thinks about them.

The dialog collects a `ReferralInput` and emits `submitted(data, confirm_duplicate)`; the page
runs the service with the chosen next step (`next_status()`, `assign_now()`) and calls `saved()`
or `show_error(exc)`. A validation error appears under the
field the service names; a likely duplicate asks whether to open the existing referral or to
create a new one anyway.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.enums import (
    CarePhase,
    Channel,
    Function,
    Gender,
    OfferType,
    PreventionLevel,
    ReferralReason,
    ReferralStatus,
    SubjectKind,
    Urgency,
)
from amo_desktop.services.intake import DuplicateReferralError, ReferralInput
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.flow import FlowLayout
from amo_desktop.ui.kit.forms import FieldErrors
from amo_desktop.ui.kit.widgets import (
    HINT_STYLE,
    column,
    date_edit,
    date_of,
    fill_combo,
    hint,
    unchosen_combo,
)

# Which page of the subject stack each kind shows.
_PAGE_OF_KIND = {
    SubjectKind.JONGERE.value: 0,
    SubjectKind.KLASGROEP.value: 1,
    SubjectKind.GROEP.value: 2,
    SubjectKind.LEERKRACHT_TEAM.value: 2,
    SubjectKind.SCHOOL.value: 3,
}


def _text_edit(lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on; the form stays keyboard-friendly
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def _form_page() -> tuple[QWidget, QFormLayout]:
    """A page of the subject stack: a form without margins of its own."""
    page, form = QWidget(), QFormLayout()
    page.setLayout(form)
    form.setContentsMargins(0, 0, 0, 0)
    return page, form


class ReferralFormDialog(QDialog):
    submitted = Signal(object, bool)  # ReferralInput, confirm_duplicate
    open_existing = Signal(str)  # the existing referral's id

    def __init__(
        self, ctx: AppContext, schools: list[Any], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.duplicate_of: str | None = None
        self._pending: ReferralInput | None = None
        self.setWindowTitle(self.tr("Nieuwe aanmelding"))
        general = QLabel()
        self.errors = FieldErrors(general)

        intake_box = self._build_intake_box(schools)
        subject_box = self._build_subject_box()
        offer_box = self._build_offer_box()
        question_box = self._build_question_box()
        consent_box = self._build_consent_box()
        next_box = self._build_next_box()
        self._build_duplicate_box()
        bottom = self._build_buttons()
        left, right = QWidget(), QWidget()
        for half, boxes in (
            (left, (intake_box, subject_box, next_box)),
            (right, (offer_box, question_box, consent_box)),
        ):
            rows = column(half, *boxes)
            rows.addStretch()
            rows.setContentsMargins(0, 0, 0, 0)
        columns = FlowLayout()  # side by side, or under each other on a narrow screen
        columns.addWidget(left, 1)
        columns.addWidget(right, 1)
        content = QWidget()
        content.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(general)
        layout.addWidget(self.duplicate_box)
        layout.addLayout(bottom)
        self.resize(1020, 700)
        # The form ends with its next step: Tab reaches it after the consent, before Bewaren.
        QWidget.setTabOrder(self.parents_informed, self.next_waitlist)
        QWidget.setTabOrder(self.next_waitlist, self.next_clarify)
        QWidget.setTabOrder(self.next_clarify, self.next_assign)
        self._subject_changed()
        self._clean_state = self._state()
        self.received_on.setFocus()

    def _build_intake_box(self, schools: list[Any]) -> QGroupBox:
        """Aanmelding: when, how and by whom the referral came in."""
        add = self.errors.add_row
        today = self.today
        self.received_on = date_edit(today)
        self.received_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.channel = QComboBox()
        fill_combo(self.channel, Channel, "email")
        self.school = QComboBox()
        self.school.setPlaceholderText(self.tr("Kies een school…"))
        for school in schools:
            self.school.addItem(school.name, school.id)
        self.school.setCurrentIndex(-1)
        self.referrer_name = QLineEdit()
        self.referrer_function = QComboBox()
        fill_combo(self.referrer_function, Function, "zorgcoordinator")
        self.referrer_org = QLineEdit()
        self.via_clb = QCheckBox(self.tr("Aangemeld via het &CLB"))
        self.urgency = QComboBox()
        fill_combo(self.urgency, Urgency, "normaal")
        self.care_phase = QComboBox()
        fill_combo(self.care_phase, CarePhase, "onbekend")
        intake_box = QGroupBox(self.tr("Aanmelding"))
        form = QFormLayout(intake_box)
        add(form, self.tr("&Ontvangen op:"), "received_on", self.received_on)
        add(form, self.tr("&Kanaal:"), "channel", self.channel)
        add(form, self.tr("&School:"), "school_id", self.school)
        if not schools:
            no_school = hint(
                self.tr(
                    "Er zijn nog geen scholen. De teamverantwoordelijke voegt ze toe in Beheer."
                )
            )
            form.addRow("", no_school)
        add(form, self.tr("&Naam aanmelder:"), "referrer_name", self.referrer_name)
        add(form, self.tr("&Functie:"), "referrer_function", self.referrer_function)
        add(form, self.tr("O&rganisatie:"), "referrer_org", self.referrer_org)
        form.addRow("", self.via_clb)
        add(form, self.tr("&Urgentie:"), "urgency", self.urgency)
        add(form, self.tr("&Zorgcontinuüm:"), "care_phase", self.care_phase)
        return intake_box

    def _build_subject_box(self) -> QGroupBox:
        """Onderwerp: a pupil, a class, a group or the school, each with its own fields."""
        add = self.errors.add_row
        self.subject_kind = QComboBox()
        fill_combo(self.subject_kind, SubjectKind, "jongere")
        self.youth_first_name = QLineEdit()
        self.youth_last_name = QLineEdit()
        self.youth_birth_date = QLineEdit()
        self.youth_birth_date.setPlaceholderText(self.tr("dd/mm/jjjj (mag leeg)"))
        self.youth_gender = QComboBox()
        fill_combo(self.youth_gender, Gender, "nvt")
        self.class_label = QLineEdit()
        self.class_label.setPlaceholderText(self.tr("bv. 3B"))
        self.study_year = QLineEdit()
        self.study_year.setPlaceholderText(self.tr("bv. 3e jaar"))
        self.class_group_label = QLineEdit()
        self.class_group_label.setPlaceholderText(self.tr("bv. 2A"))
        self.group_study_year = QLineEdit()
        self.group_study_year.setPlaceholderText(self.tr("bv. 2e jaar"))
        self.class_pupil_count = QSpinBox()
        self.class_pupil_count.setRange(0, 60)
        self.group_description = _text_edit(3)
        self.group_description.setPlaceholderText(
            self.tr("Wie hoort erbij en wat speelt er? Gebruik geen volledige namen.")
        )
        self._build_subject_stack()
        subject_box = QGroupBox(self.tr("Onderwerp"))
        subject_layout = QFormLayout(subject_box)
        add(subject_layout, self.tr("Soort onder&werp:"), "subject_kind", self.subject_kind)
        subject_layout.addRow(self.subject_stack)
        self.subject_kind.currentIndexChanged.connect(self._subject_changed)
        return subject_box

    def _build_subject_stack(self) -> None:
        """One page of fields per kind of subject; `_subject_changed` shows the right one."""
        add = self.errors.add_row
        self.subject_stack = QStackedWidget()
        youth_page, youth_form = _form_page()
        add(youth_form, self.tr("&Voornaam:"), "youth_first_name", self.youth_first_name)
        add(youth_form, self.tr("&Achternaam:"), "youth_last_name", self.youth_last_name)
        add(youth_form, self.tr("&Geboortedatum:"), "youth_birth_date", self.youth_birth_date)
        add(youth_form, self.tr("Geslach&t:"), "youth_gender", self.youth_gender)
        add(youth_form, self.tr("K&las:"), "class_label", self.class_label)
        add(youth_form, self.tr("Stud&iejaar:"), "study_year", self.study_year)
        class_page, class_form = _form_page()
        add(class_form, self.tr("K&las:"), "class_group_label", self.class_group_label)
        add(class_form, self.tr("Stud&iejaar:"), "group_study_year", self.group_study_year)
        add(class_form, self.tr("&Aantal leerlingen:"), "class_pupil_count", self.class_pupil_count)
        group_page, group_form = _form_page()
        add(group_form, self.tr("Beschrijving:"), "group_description", self.group_description)
        school_page = hint(
            self.tr("Een vraag over de school als geheel: geen extra gegevens nodig.")
        )
        for page in (youth_page, class_page, group_page, school_page):
            self.subject_stack.addWidget(page)

    def _build_offer_box(self) -> QGroupBox:
        add = self.errors.add_row
        self.offer_type = unchosen_combo(OfferType, self.tr("Kies het aanbod…"))
        self.prevention_level = unchosen_combo(PreventionLevel, self.tr("Kies…"))
        self.reasons = QListWidget()
        self.reasons.setObjectName("reasons")
        for reason in ReferralReason:
            item = QListWidgetItem(reason.label)
            item.setData(Qt.ItemDataRole.UserRole, reason.value)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            self.reasons.addItem(item)
        self.reasons.setFixedHeight(self.reasons.sizeHintForRow(0) * 12 + 6)
        self.reasons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasons.setWordWrap(True)
        self.reasons.setToolTip(self.tr("Spatiebalk vinkt een reden aan of uit."))
        offer_box = QGroupBox(self.tr("Aanbod en redenen"))
        offer_form = QFormLayout(offer_box)
        add(offer_form, self.tr("Aanbo&d:"), "offer_type", self.offer_type)
        add(offer_form, self.tr("&Preventieniveau:"), "prevention_level", self.prevention_level)
        add(offer_form, self.tr("R&edenen:"), "reasons", self.reasons)
        return offer_box

    def _build_question_box(self) -> QGroupBox:
        add = self.errors.add_row
        self.help_question = _text_edit(4)
        self.actions_taken = _text_edit(2)
        question_box = QGroupBox(self.tr("Hulpvraag"))
        question_form = QFormLayout(question_box)
        add(question_form, self.tr("&Hulpvraag:"), "help_question", self.help_question)
        add(question_form, self.tr("Al onderno&men:"), "actions_taken", self.actions_taken)
        return question_box

    def _build_consent_box(self) -> QGroupBox:
        self.consent_youth = QCheckBox(self.tr("De &jongere geeft toestemming voor begeleiding"))
        self.parents_informed = QCheckBox(self.tr("Ouders zijn op de hoogte"))
        consent_box = QGroupBox(self.tr("Toestemming"))
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.addWidget(self.consent_youth)
        consent_layout.addWidget(self.parents_informed)
        consent_hint = hint(self.tr("Een traject met een jongere start pas met toestemming."))
        consent_layout.addWidget(consent_hint)
        return consent_box

    def _build_next_box(self) -> QGroupBox:
        """Volgende stap: where the referral goes once saved; it never stays 'Nieuw'."""
        self.next_waitlist = QRadioButton(self.tr("Op de wachtlijst"))
        self.next_clarify = QRadioButton(self.tr("In vraagverheldering"))
        self.next_assign = QRadioButton(self.tr("Nu toewijzen aan een coach"))
        self.next_waitlist.setChecked(True)
        next_box = QGroupBox(self.tr("Volgende stap"))
        next_layout = QVBoxLayout(next_box)
        for button in (self.next_waitlist, self.next_clarify, self.next_assign):
            next_layout.addWidget(button)
        assign_hint = hint(
            self.tr("Bij 'Nu toewijzen' komt de aanmelding op de wachtlijst en kiest u de coach.")
        )
        next_layout.addWidget(assign_hint)
        for widget in (self.next_assign, assign_hint):
            widget.setVisible(self.ctx.is_leader)  # only the team leader assigns
        return next_box

    def next_status(self) -> str:
        """The status the referral moves to when it is saved."""
        if self.next_clarify.isChecked():
            return ReferralStatus.VRAAGVERHELDERING.value
        return ReferralStatus.WACHTLIJST.value

    def assign_now(self) -> bool:
        """Whether the assign dialog opens right after the save."""
        return self.ctx.is_leader and self.next_assign.isChecked()

    def _build_duplicate_box(self) -> None:
        """The question shown when the service finds a likely duplicate."""
        self.duplicate_box = QFrame()
        self.duplicate_box.setObjectName("duplicateBox")
        self.duplicate_box.setStyleSheet(
            "#duplicateBox { background: #fff4ce; border: 1px solid #d8b600; border-radius: 4px; }"
        )
        self.duplicate_text = QLabel()
        self.duplicate_text.setWordWrap(True)
        self.open_existing_button = QPushButton(self.tr("Bestaande aanmelding openen"))
        self.create_anyway_button = QPushButton(self.tr("Toch een nieuwe aanmelding maken"))
        duplicate_layout = QHBoxLayout(self.duplicate_box)
        duplicate_layout.addWidget(self.duplicate_text, 1)
        duplicate_layout.addWidget(self.open_existing_button)
        duplicate_layout.addWidget(self.create_anyway_button)
        for button in (self.open_existing_button, self.create_anyway_button):
            button.setAutoDefault(False)  # Enter keeps meaning "save"
        self.duplicate_box.hide()
        self.open_existing_button.clicked.connect(self._open_existing)
        self.create_anyway_button.clicked.connect(self._create_anyway)

    def _build_buttons(self) -> QHBoxLayout:
        """Bewaren and Annuleren with the keys that do the same."""
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Bewaren"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.cancel)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        keys = QLabel(self.tr("Enter of Ctrl+Enter bewaart, Escape annuleert."))
        keys.setStyleSheet(HINT_STYLE)
        bottom = QHBoxLayout()
        bottom.addWidget(keys)
        bottom.addStretch()
        bottom.addWidget(self.buttons)
        return bottom

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.save_button.setDefault(True)  # only once the button lives in the dialog

    # --- state ----------------------------------------------------------------------------
    def checked_reasons(self) -> list[str]:
        return [
            self.reasons.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.reasons.count())
            if self.reasons.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_reasons(self, codes: list[str]) -> None:
        for i in range(self.reasons.count()):
            item = self.reasons.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def _state(self) -> tuple[Any, ...]:
        combos = (
            self.channel,
            self.school,
            self.referrer_function,
            self.urgency,
            self.care_phase,
            self.subject_kind,
            self.youth_gender,
            self.offer_type,
            self.prevention_level,
        )
        edits = (
            self.referrer_name,
            self.referrer_org,
            self.youth_first_name,
            self.youth_last_name,
            self.youth_birth_date,
            self.class_label,
            self.study_year,
            self.class_group_label,
            self.group_study_year,
        )
        texts = (self.group_description, self.help_question, self.actions_taken)
        checks = (
            self.via_clb,
            self.consent_youth,
            self.parents_informed,
            self.next_clarify,
            self.next_assign,
        )
        return (
            self.received_on.date(),
            tuple(c.currentIndex() for c in combos),
            tuple(e.text() for e in edits),
            tuple(t.toPlainText() for t in texts),
            tuple(c.isChecked() for c in checks),
            self.class_pupil_count.value(),
            tuple(self.checked_reasons()),
        )

    def is_dirty(self) -> bool:
        return self._state() != self._clean_state

    def _subject_changed(self) -> None:
        kind = self.subject_kind.currentData()
        self.subject_stack.setCurrentIndex(_PAGE_OF_KIND.get(kind, 3))
        if kind == SubjectKind.JONGERE.value:
            self.consent_youth.setText(self.tr("De &jongere geeft toestemming voor begeleiding"))
        else:  # a class, a group, a team or the school: the school agrees
            self.consent_youth.setText(self.tr("De school gaat akkoord met de be&geleiding"))

    def collect(self) -> ReferralInput | None:
        """The input as the service wants it; None (with the error shown) if a date is wrong."""
        birth: date | None = None
        birth_text = self.youth_birth_date.text().strip()
        kind = self.subject_kind.currentData()
        if birth_text and kind == SubjectKind.JONGERE.value:
            try:
                birth = datetime.strptime(birth_text, "%d/%m/%Y").date()
            except ValueError:
                self.errors.show(
                    "youth_birth_date", self.tr("Vul de datum in als dd/mm/jjjj, bv. 14/03/2011.")
                )
                return None
        klas = kind == SubjectKind.KLASGROEP.value
        return ReferralInput(
            received_on=date_of(self.received_on),
            school_id=self.school.currentData() or "",
            subject_kind=kind,
            offer_type=self.offer_type.currentData() or "",
            prevention_level=self.prevention_level.currentData() or "",
            reasons=self.checked_reasons(),
            help_question=self.help_question.toPlainText(),
            channel=self.channel.currentData(),
            referrer_name=self.referrer_name.text(),
            referrer_function=self.referrer_function.currentData(),
            referrer_org=self.referrer_org.text(),
            via_clb=self.via_clb.isChecked(),
            urgency=self.urgency.currentData(),
            care_phase=self.care_phase.currentData(),
            actions_taken=self.actions_taken.toPlainText(),
            consent_youth=self.consent_youth.isChecked(),
            parents_informed=self.parents_informed.isChecked(),
            youth_first_name=self.youth_first_name.text(),
            youth_last_name=self.youth_last_name.text(),
            youth_birth_date=birth,
            youth_gender=self.youth_gender.currentData(),
            class_label=self.class_label.text(),
            study_year=self.group_study_year.text() if klas else self.study_year.text(),
            class_group_label=self.class_group_label.text(),
            class_pupil_count=self.class_pupil_count.value(),
            group_description=self.group_description.toPlainText(),
        )

    # --- saving ---------------------------------------------------------------------------
    def submit(self, confirm_duplicate: bool = False) -> None:
        if not self.save_button.isEnabled():
            return  # a save is already on its way
        self.errors.clear()
        self.duplicate_box.hide()
        data = self.collect()
        if data is None:
            return
        self._pending = data
        self.save_button.setEnabled(False)
        self.submitted.emit(data, bool(confirm_duplicate))

    def saved(self) -> None:
        self._clean_state = self._state()
        self.accept()

    def show_error(self, exc: BaseException) -> bool:
        """Shows why the save failed; False for a bug (the caller re-raises it)."""
        self.save_button.setEnabled(True)
        if isinstance(exc, DuplicateReferralError):
            self.duplicate_of = exc.existing_id
            self.duplicate_text.setText(exc.message(self.ctx.lang))
            self.duplicate_box.show()
            self.open_existing_button.setFocus()
            return True
        return self.errors.show_error(exc, self.ctx.lang)

    def _open_existing(self) -> None:
        if self.duplicate_of is not None:
            self.open_existing.emit(self.duplicate_of)

    def _create_anyway(self) -> None:
        self.submit(confirm_duplicate=True)

    # --- closing --------------------------------------------------------------------------
    def discard(self) -> None:
        """Close without asking (the user chose to open the existing referral)."""
        self._clean_state = self._state()
        self.reject()

    def _may_close(self) -> bool:
        if not self.is_dirty():
            return True
        return self.ctx.prompts.confirm(
            self,
            self.tr("Aanmelding niet bewaren?"),
            self.tr(
                "U hebt gegevens ingevuld die nog niet bewaard zijn. Sluit u het formulier, "
                "dan gaan ze verloren."
            ),
            self.tr("&Niet bewaren"),
        )

    def cancel(self) -> None:
        if self._may_close():
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible() and not self._may_close():
            event.ignore()
            return
        super().closeEvent(event)
