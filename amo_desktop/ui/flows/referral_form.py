"""Making a school's referral form, from Aanmeldingen or Beheer › Scholen: which school and
whether it is for a pupil or a class, where to save it, and the service that writes it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QRadioButton, QWidget

from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import ERROR_STYLE, ok_cancel
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import column, hint

CONTEXT = "MakeFormDialog"


class MakeFormDialog(QDialog):
    """Which school and whether the form is for a pupil or a class; emits `chosen`."""

    chosen = Signal(str, bool, str)  # school id, for a class, school name

    def __init__(
        self, schools: list[Any], parent: QWidget | None = None, school_id: str | None = None
    ) -> None:
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
        self.school.setCurrentIndex(self.school.findData(school_id) if school_id else -1)
        self.for_pupil = QRadioButton(self.tr("Voor een &leerling"))
        self.for_class = QRadioButton(self.tr("Voor een &klas of groep"))
        self.for_pupil.setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("error_school_id")
        self.error.setStyleSheet(ERROR_STYLE)
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


def make_referral_form(
    ctx: AppContext, parent: QWidget, schools: list[Any], school_id: str | None = None
) -> MakeFormDialog:
    """Asks the school (preselected if given) and pupil or class, then where to save the form."""
    dialog = MakeFormDialog(schools, parent, school_id)
    dialog.chosen.connect(
        lambda chosen, for_class, name: save_referral_form(ctx, parent, chosen, for_class, name)
    )
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def save_referral_form(
    ctx: AppContext, parent: QWidget, school_id: str, for_class: bool, school_name: str
) -> None:
    kind = _tr("klas") if for_class else _tr("leerling")
    name = re.sub(r'[\\/:*?"<>|]+', "-", f"{school_name} {kind}")
    suggested = Path.home() / fill(_tr("Aanmeldingsformulier %1.pdf"), name)
    path = ctx.prompts.save_file(
        parent, _tr("Aanmeldingsformulier bewaren"), suggested, _tr("Pdf (*.pdf)")
    )
    if path is None:
        return
    if path.suffix.casefold() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    from amo_desktop.services import referral_form  # ReportLab only when a form is made

    ctx.call_vault(
        referral_form.make_form,
        school_id,
        for_class,
        path,
        ctx.today(),
        on_success=lambda written: ctx.prompts.info(
            parent,
            _tr("Aanmeldingsformulier bewaard"),
            fill(
                _tr(
                    "Het formulier staat in %1. Stuur het naar de school; het ingevulde formulier "
                    "leest u in met 'Aanmelding uit formulier…' of door het op de lijst te slepen."
                ),
                written,
            ),
        ),
    )
