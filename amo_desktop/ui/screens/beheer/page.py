"""Beheer: the tabs where the team leader keeps users, schools, funders, partners, files and
note templates."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTableView, QTabWidget, QVBoxLayout, QWidget

from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import spoken
from amo_desktop.ui.kit.settings import remember_header
from amo_desktop.ui.screens.beheer.backup import BackupTab
from amo_desktop.ui.screens.beheer.days_off import DaysOffTab
from amo_desktop.ui.screens.beheer.funders import FundersTab
from amo_desktop.ui.screens.beheer.import_tab import ImportTab
from amo_desktop.ui.screens.beheer.partners import PartnersTab
from amo_desktop.ui.screens.beheer.retention import RetentionTab
from amo_desktop.ui.screens.beheer.schools import SchoolsTab
from amo_desktop.ui.screens.beheer.templates import TemplatesTab
from amo_desktop.ui.screens.beheer.users import UsersPage


class AdminPage(QWidget):
    """Beheer: one tab per thing the team leader manages. `lock_requested` after a restore;
    `backup_made` when a backup was written (the status bar shows the time)."""

    lock_requested = Signal()
    backup_made = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.users = UsersPage(ctx)
        self.schools = SchoolsTab(ctx)
        self.days_off = DaysOffTab(ctx)
        self.funders = FundersTab(ctx)
        self.partners = PartnersTab(ctx)
        self.retention = RetentionTab(ctx)
        self.backups = BackupTab(ctx)
        self.importer = ImportTab(ctx)
        self.templates = TemplatesTab(ctx)
        self.tabs.addTab(self.users, self.tr("Gebr&uikers"))
        self.tabs.addTab(self.schools, self.tr("&Scholen"))
        self.tabs.addTab(self.days_off, self.tr("&Vrije dagen"))
        self.tabs.addTab(self.funders, self.tr("&Financiers && capaciteit"))
        self.tabs.addTab(self.partners, self.tr("&Partners && contacten"))
        self.tabs.addTab(self.retention, self.tr("Be&waartermijnen"))
        self.tabs.addTab(self.backups, self.tr("&Reservekopieën"))
        self.tabs.addTab(self.importer, self.tr("I&mporteren"))
        self.tabs.addTab(self.templates, self.tr("Verslags&jablonen"))
        self.backups.lock_requested.connect(self.lock_requested)
        self.backups.backup_made.connect(self.backup_made)
        for table in self.tabs.findChildren(QTableView):  # every list, by its object name
            if table.objectName():
                remember_header(table, f"admin/{table.objectName()}")
        for index in range(self.tabs.count()):  # a screen reader calls a list after its tab
            tab = self.tabs.widget(index)
            for table in tab.findChildren(QTableView) if tab is not None else []:
                if not table.accessibleName():
                    table.setAccessibleName(spoken(self.tabs.tabText(index)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
