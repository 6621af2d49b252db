"""Beheer > Partners & contacten: the partner organisations and the contact persons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from amo_desktop.domain.enums import Function, PartnerType
from amo_desktop.services import reference
from amo_desktop.services.reference import ContactInfo, NamedInfo, SchoolInfo
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FormDialog
from amo_desktop.ui.kit.tables import Column, RecordModel, table_view
from amo_desktop.ui.kit.widgets import enum_combo, label_of
from amo_desktop.ui.screens.beheer.parts import (
    add_dialog,
    left_row,
    name_and_kind,
    split_vertically,
    stack,
)

if TYPE_CHECKING:
    from amo_desktop.domain.identity import Identity

Loaded = tuple[list[SchoolInfo], list[NamedInfo], list[ContactInfo]]


class PartnersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.schools: list[SchoolInfo] = []
        self.partner_names: dict[str, str] = {}
        self.school_names: dict[str, str] = {}
        self.partners = RecordModel(
            self,
            columns=name_and_kind(QCoreApplication.translate("Admin", "Partner"), PartnerType),
        )
        self.contacts = RecordModel(self, columns=self._contact_columns())
        self.partners_table = table_view(self.partners, "partnersTable")
        self.contacts_table = table_view(self.contacts, "contactsTable")
        self.add_partner_button = QPushButton(
            QCoreApplication.translate("Admin", "Partner &toevoegen…")
        )
        self.add_contact_button = QPushButton(
            QCoreApplication.translate("Admin", "C&ontactpersoon toevoegen…")
        )
        top = stack(
            QCoreApplication.translate("Admin", "Partners"),
            left_row(self.add_partner_button),
            self.partners_table,
        )
        bottom = stack(
            QCoreApplication.translate("Admin", "Contactpersonen"),
            left_row(self.add_contact_button),
            self.contacts_table,
        )
        split_vertically(self, top, bottom)
        self.add_partner_button.clicked.connect(self.open_partner_dialog)
        self.add_contact_button.clicked.connect(self.open_contact_dialog)
        load_on_first_show(self, self.reload)

    def _contact_columns(self) -> list[Column]:
        return [
            Column(QCoreApplication.translate("Admin", "Naam"), lambda x: x.name),
            Column(
                QCoreApplication.translate("Admin", "Functie"),
                lambda x: label_of(Function, x.function),
            ),
            Column(QCoreApplication.translate("Admin", "Bij"), self._where),
            Column(QCoreApplication.translate("Admin", "E-mail"), lambda x: x.email),
            Column(QCoreApplication.translate("Admin", "Telefoon"), lambda x: x.phone),
        ]

    def _where(self, contact: ContactInfo) -> str:
        """The school or partner a contact person works at."""
        return self.school_names.get(contact.school_id or "") or self.partner_names.get(
            contact.partner_id or "", ""
        )

    def reload(self) -> None:
        def load(s: Any, caller: Identity) -> Loaded:  # s: the unit of work
            return (
                reference.list_schools(s, caller),
                reference.list_partners(s, caller),
                reference.list_contacts(s, caller),
            )

        self.ctx.call(load, on_success=self._loaded)

    def _loaded(self, loaded: Loaded) -> None:
        schools, partners, contacts = loaded
        self.schools = schools
        self.school_names = {s.id: s.name for s in schools}
        self.partner_names = {p.id: p.name for p in partners}
        self.contacts.forget_texts()
        self.partners.set_records(partners)
        self.contacts.set_records(contacts)

    def open_partner_dialog(self) -> FormDialog:
        dialog = add_dialog(
            self.ctx, QCoreApplication.translate("Admin", "Partner toevoegen"), self
        )
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add("kind", QCoreApplication.translate("Admin", "&Soort:"), enum_combo(PartnerType))
        dialog.add(
            "contact_info", QCoreApplication.translate("Admin", "&Contactgegevens:"), QLineEdit()
        )
        dialog.calls(
            reference.add_partner,
            "name",
            "kind",
            "contact_info",
            done=self._partner_added,
            said=QCoreApplication.translate("Admin", "Partner toegevoegd."),
        )
        dialog.open()
        return dialog

    def _partner_added(self, partner: NamedInfo) -> None:
        self.partner_names[partner.id] = partner.name
        self.partners.upsert(partner)

    def open_contact_dialog(self) -> FormDialog:
        dialog = add_dialog(
            self.ctx, QCoreApplication.translate("Admin", "Contactpersoon toevoegen"), self
        )
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add(
            "function", QCoreApplication.translate("Admin", "&Functie:"), enum_combo(Function)
        )
        school = QComboBox()
        school.addItem(QCoreApplication.translate("Admin", "(geen school)"), None)
        for s in self.schools:
            school.addItem(s.name, s.id)
        dialog.add("school_id", QCoreApplication.translate("Admin", "&School:"), school)
        partner = QComboBox()
        partner.addItem(QCoreApplication.translate("Admin", "(geen partner)"), None)
        for pid, name in sorted(self.partner_names.items(), key=lambda x: x[1].casefold()):
            partner.addItem(name, pid)
        dialog.add("partner_id", QCoreApplication.translate("Admin", "&Partner:"), partner)
        dialog.add("email", QCoreApplication.translate("Admin", "&E-mail:"), QLineEdit())
        dialog.add("phone", QCoreApplication.translate("Admin", "&Telefoon:"), QLineEdit())
        dialog.calls(
            reference.add_contact,
            "name",
            "function",
            "school_id",
            "partner_id",
            "email",
            "phone",
            done=self.contacts.upsert,
            said=QCoreApplication.translate("Admin", "Contactpersoon toegevoegd."),
        )
        dialog.open()
        return dialog
