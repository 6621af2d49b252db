"""Aanmeldingen and a school's filled referral form: the PDFs dropped on the list, and the intake
form filled from a form read back (a preview, saved only on Bewaren)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import hint
from amo_desktop.ui.screens.aanmeldingen.form import ReferralFormDialog

if TYPE_CHECKING:  # the service (pypdf, ReportLab) loads when a form is read
    from amo_desktop.services.referral_form import FormReading


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
