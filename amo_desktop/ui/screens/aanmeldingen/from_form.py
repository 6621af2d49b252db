"""Aanmeldingen and the school's referral form: the dialog that makes one, the PDFs dropped on
the list, and the intake form filled from a form read back (a preview, saved only on Bewaren)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from amo_desktop.services.referral_form import FormReading
from amo_desktop.ui.kit.forms import ok_cancel
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import column, hint
from amo_desktop.ui.screens.aanmeldingen.form import ReferralFormDialog


class MakeFormDialog(QDialog):
    """Which school and whether the form is for a pupil or a class; emits `chosen`."""

    chosen = Signal(str, bool, str)  # school id, for a class, school name

    def __init__(self, schools: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aanmeldingsformulier maken"))
        intro = hint(
            self.tr(
                "Een invulbaar pdf-formulier voor één school. De school vult het in op de "
                "computer en stuurt het terug; u leest het in met 'Aanmelding uit formulier…'."
            )
        )
        self.school = QComboBox()
        self.school.setPlaceholderText(self.tr("Kies een school…"))
        for school in schools:
            if getattr(school, "active", True):
                self.school.addItem(school.name, school.id)
        self.school.setCurrentIndex(-1)
        self.for_pupil = QRadioButton(self.tr("Voor een &leerling"))
        self.for_class = QRadioButton(self.tr("Voor een &klas of groep"))
        self.for_pupil.setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("error_school_id")
        self.error.hide()
        form = QFormLayout()
        caption = QLabel(self.tr("&School:"))
        caption.setBuddy(self.school)
        form.addRow(caption, self.school)
        form.addRow("", self.error)
        form.addRow("", self.for_pupil)
        form.addRow("", self.for_class)
        self.buttons, self.ok_button = ok_cancel(
            self, self.tr("&Maken…"), self.tr("Annuleren"), self._submit
        )
        column(self, intro, form, self.buttons)
        self.setMinimumWidth(460)

    def _submit(self) -> None:
        school_id = self.school.currentData()
        if not school_id:
            self.error.setText(self.tr("Kies de school."))
            self.error.show()
            self.school.setFocus()
            return
        self.chosen.emit(school_id, self.for_class.isChecked(), self.school.currentText())
        self.accept()


class PdfDrop(QObject):
    """Lets PDF files be dropped on a widget (the list's viewport); emits `dropped(paths)`."""

    dropped = Signal(list)

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    @staticmethod
    def pdfs(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [f for f in files if f.suffix.casefold() == ".pdf"]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if self.pdfs(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = self.pdfs(event)
            if files:
                event.acceptProposedAction()
                self.dropped.emit(files)
                return True
        return super().eventFilter(watched, event)


def prefill(dialog: ReferralFormDialog, reading: FormReading, source: str, lang: str) -> None:
    """The intake form showing what the school filled in, each problem beside its field."""
    data = reading.data
    dialog.setWindowTitle(dialog.tr("Aanmelding uit formulier"))
    banner = hint(
        fill(
            dialog.tr("Uit het formulier %1 van %2. Kijk alles na en kies Bewaren."),
            source,
            reading.school_name or "?",
        ),
        "formSource",
    )
    layout = dialog.layout()
    assert isinstance(layout, QBoxLayout)
    layout.insertWidget(0, banner)
    received = data.received_on
    dialog.received_on.setDate(QDate(received.year, received.month, received.day))
    combos = (
        (dialog.channel, data.channel),
        (dialog.school, data.school_id),
        (dialog.referrer_function, data.referrer_function),
        (dialog.urgency, data.urgency),
        (dialog.care_phase, data.care_phase),
        (dialog.subject_kind, data.subject_kind),
        (dialog.youth_gender, data.youth_gender),
        (dialog.offer_type, data.offer_type or None),
        (dialog.prevention_level, data.prevention_level or None),
    )
    for combo, code in combos:
        combo.setCurrentIndex(combo.findData(code))
    klas = data.subject_kind == "klasgroep"
    texts = (
        (dialog.referrer_name, data.referrer_name),
        (dialog.referrer_org, data.referrer_org),
        (dialog.youth_first_name, data.youth_first_name),
        (dialog.youth_last_name, data.youth_last_name),
        (dialog.youth_birth_date, reading.birth_text),
        (dialog.class_label, data.class_label),
        (dialog.study_year, "" if klas else data.study_year),
        (dialog.group_study_year, data.study_year if klas else ""),
        (dialog.class_group_label, data.class_group_label),
    )
    for edit, text in texts:
        edit.setText(text)
    dialog.class_pupil_count.setValue(data.class_pupil_count)
    dialog.set_reasons(data.reasons)
    dialog.help_question.setPlainText(data.help_question)
    dialog.actions_taken.setPlainText(data.actions_taken)
    dialog.via_clb.setChecked(data.via_clb)
    dialog.consent_youth.setChecked(data.consent_youth)
    dialog.parents_informed.setChecked(data.parents_informed)
    for problem in reversed(reading.problems):  # the first problem ends with the focus
        dialog.errors.show(problem.field, problem.message(lang))
