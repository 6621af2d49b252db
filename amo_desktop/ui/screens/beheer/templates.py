"""Beheer > Verslagsjablonen: the team leader keeps the standard note template of each contact
type, the headings a coach's new note starts with."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from amo_desktop.domain.enums import ContactType
from amo_desktop.services import notes
from amo_desktop.services.notes import TemplateInfo
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FieldErrors
from amo_desktop.ui.kit.tables import Column, RecordModel, selected_record, table_view
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import hint, label_of
from amo_desktop.ui.screens.beheer.parts import ORIGIN, left_row, stack

FIELDS = ("content", "observations", "agreements", "next_steps")


class TemplatesModel(RecordModel):
    CONTEXT = "Admin"
    COLUMNS = (
        Column("Contactmoment", lambda x: label_of(ContactType, x.contact_type)),
        ORIGIN,
    )


class TemplatesTab(QWidget):
    """The contact types on the left; the four fields of the selected one's template beside."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = TemplatesModel(self, key=lambda t: t.contact_type)
        self.table = table_view(self.model, "templatesTable", stretch=0)
        self.edits = {name: self._text() for name in FIELDS}
        self.save_button = QPushButton(QCoreApplication.translate("Admin", "Sjabloon b&ewaren"))
        self.reset_button = QPushButton(
            QCoreApplication.translate("Admin", "Stan&daard herstellen…")
        )
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, caption in zip(
            FIELDS,
            (
                QCoreApplication.translate("Admin", "Ver&loop:"),
                QCoreApplication.translate("Admin", "&Observaties:"),
                QCoreApplication.translate("Admin", "&Afspraken:"),
                QCoreApplication.translate("Admin", "Volgende s&tappen:"),
            ),
            strict=True,
        ):
            self.errors.add_row(form, caption, name, self.edits[name])
        form.addRow("", left_row(self.save_button, self.reset_button))
        row = QHBoxLayout(self)
        explanation = QCoreApplication.translate(
            "Admin",
            "Een nieuw verslag begint met het sjabloon van zijn soort contactmoment. "
            "Wijzigingen gaan met de uitwisseling mee naar de laptops van de coaches.",
        )
        title = QCoreApplication.translate("Admin", "Verslagsjablonen")
        row.addWidget(stack(title, hint(explanation), self.table), 1)
        row.addWidget(stack(form, general, stretch=True), 2)
        self._set_enabled(False)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        load_on_first_show(self, self.reload)

    def _text(self) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)  # Tab goes to the next field, as in the note editor
        edit.setMinimumHeight(80)
        return edit

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (*self.edits.values(), self.save_button, self.reset_button):
            widget.setEnabled(enabled)

    def reload(self) -> None:
        self.ctx.call(notes.list_templates, on_success=self._loaded)

    def _loaded(self, templates: list[TemplateInfo]) -> None:
        self.model.set_records(templates)
        if self.selected() is None and templates:
            self.table.selectRow(0)
        else:
            self._selected()

    def selected(self) -> TemplateInfo | None:
        template: TemplateInfo | None = selected_record(self.table)
        return template

    def _selected(self) -> None:
        template = self.selected()
        self.errors.clear()
        self._set_enabled(template is not None)
        if template is not None:
            for name, edit in self.edits.items():
                edit.setPlainText(getattr(template, name))

    def save(self) -> None:
        template = self.selected()
        if template is None:
            return
        self.errors.clear()
        self.ctx.call(
            notes.save_template,
            template.contact_type,
            *(self.edits[name].toPlainText() for name in FIELDS),
            on_success=self._saved,
            on_failure=self._failed,
        )

    def reset(self) -> None:
        template = self.selected()
        if template is None:
            return
        kind = label_of(ContactType, template.contact_type)
        if not self.ctx.prompts.confirm(
            self,
            QCoreApplication.translate("Admin", "Standaard herstellen"),
            fill(
                QCoreApplication.translate(
                    "Admin",
                    "Het sjabloon voor '%1' terugzetten naar de standaardtekst? "
                    "Eigen wijzigingen gaan verloren; bestaande verslagen blijven zoals ze zijn.",
                ),
                kind,
            ),
            QCoreApplication.translate("Admin", "Standaard &herstellen"),
        ):
            return
        self.errors.clear()
        self.ctx.call(notes.reset_template, template.contact_type, on_success=self._saved)

    def _saved(self, template: TemplateInfo) -> None:
        self.ctx.status(
            fill(
                QCoreApplication.translate("Admin", "Sjabloon voor '%1' opgeslagen."),
                label_of(ContactType, template.contact_type),
            )
        )
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if not self.errors.show_error(exc, self.ctx.lang, {"contact_type": "content"}):
            self.ctx.fail(exc)
