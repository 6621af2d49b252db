"""Beheer > Scholen: the schools the team works with, adding one and a campus of one, and the
referral form a school fills in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from amo_desktop.domain.enums import Network
from amo_desktop.services import reference
from amo_desktop.services.reference import SchoolInfo
from amo_desktop.ui.flows.referral_form import MakeFormDialog, make_referral_form
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FormDialog
from amo_desktop.ui.kit.tables import Column, RecordModel, selected_record, table_view
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import enum_combo, heading, hint, label_of
from amo_desktop.ui.screens.beheer.parts import add_dialog, left_row


class SchoolsModel(RecordModel):
    CONTEXT = "Admin"
    COLUMNS = (
        Column("Naam", lambda x: x.name),
        Column("Korte naam", lambda x: x.short_name),
        Column("Gemeente", lambda x: x.municipality),
        Column("Net", lambda x: label_of(Network, x.network)),
    )


class SchoolsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = SchoolsModel(self)
        self.table = table_view(self.model, "schoolsTable")
        self.add_button = QPushButton(QCoreApplication.translate("Admin", "School &toevoegen…"))
        self.campus_button = QPushButton(
            QCoreApplication.translate("Admin", "V&estiging toevoegen…")
        )
        self.campus_button.setEnabled(False)
        self.form_button = QPushButton(
            QCoreApplication.translate("Admin", "Aanmeldingsformulier m&aken…")
        )
        self.form_button.setToolTip(
            QCoreApplication.translate(
                "Admin", "Een invulbaar pdf-formulier waarmee deze school een aanmelding doet."
            )
        )
        self.form_button.setEnabled(False)
        self.empty = hint(
            QCoreApplication.translate(
                "Admin", "Nog geen scholen. Voeg de scholen toe waarmee het team werkt."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("Admin", "Scholen")))
        layout.addLayout(left_row(self.add_button, self.campus_button, self.form_button))
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.campus_button.clicked.connect(self.open_campus_dialog)
        self.form_button.clicked.connect(self.open_form_dialog)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        load_on_first_show(self, self.reload)

    def reload(self) -> None:
        self.ctx.call(reference.list_schools, on_success=self._loaded)

    def _loaded(self, schools: list[SchoolInfo]) -> None:
        self.model.set_records(schools)
        self.empty.setVisible(not schools)

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.campus_button.setEnabled(chosen)
        self.form_button.setEnabled(chosen and self.ctx.is_leader)

    def selected(self) -> SchoolInfo | None:
        school: SchoolInfo | None = selected_record(self.table)
        return school

    def open_add_dialog(self) -> FormDialog:
        dialog = add_dialog(self.ctx, QCoreApplication.translate("Admin", "School toevoegen"), self)
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add("short_name", QCoreApplication.translate("Admin", "&Korte naam:"), QLineEdit())
        dialog.add("municipality", QCoreApplication.translate("Admin", "&Gemeente:"), QLineEdit())
        dialog.add(
            "network",
            QCoreApplication.translate("Admin", "N&et:"),
            enum_combo(Network, QCoreApplication.translate("Admin", "(onbekend)")),
        )
        dialog.calls(
            reference.add_school,
            "name",
            "short_name",
            "municipality",
            "network",
            done=self._added,
            said=QCoreApplication.translate("Admin", "School toegevoegd."),
        )
        dialog.open()
        return dialog

    def _added(self, school: SchoolInfo) -> None:
        self.model.upsert(school)
        self.empty.hide()

    def open_campus_dialog(self) -> FormDialog | None:
        school = self.selected()
        if school is None:
            return None
        dialog = add_dialog(
            self.ctx,
            fill(QCoreApplication.translate("Admin", "Vestiging van %1"), school.name),
            self,
        )
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add("address", QCoreApplication.translate("Admin", "&Adres:"), QLineEdit())
        dialog.calls(
            reference.add_campus,
            "name",
            "address",
            before=(school.id,),
            said=QCoreApplication.translate("Admin", "Vestiging toegevoegd."),
            done=lambda _campus_id: self.ctx.prompts.info(
                self,
                QCoreApplication.translate("Admin", "Vestiging toegevoegd"),
                fill(
                    QCoreApplication.translate("Admin", "De vestiging is toegevoegd aan %1."),
                    school.name,
                ),
            ),
        )
        dialog.open()
        return dialog

    def open_form_dialog(self) -> MakeFormDialog | None:
        """The referral form for the selected school (pupil or class asked in the dialog)."""
        school = self.selected()
        if school is None:
            return None
        return make_referral_form(self.ctx, self, self.model.records(), school.id)
