"""Pages of the main window that are not built yet: each says what will come."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from amo_desktop.ui.admin_backup import BackupTab
from amo_desktop.ui.admin_import import ImportTab
from amo_desktop.ui.admin_reference import DaysOffTab, FundersTab, PartnersTab, SchoolsTab
from amo_desktop.ui.admin_retention import RetentionTab
from amo_desktop.ui.context import AppContext
from amo_desktop.ui.users import UsersPage


def placeholder_texts() -> dict[str, tuple[str, str]]:
    """Page key -> (title, what will come); a function so the texts are translated at use."""
    return {
        "overview": (
            QCoreApplication.translate("Pages", "Overzicht"),
            QCoreApplication.translate(
                "Pages",
                "Hier komen uw sessies van deze week, de grootte van de wachtlijst en de "
                "langste wachttijd, de capaciteit per school en het aantal aanmeldingen "
                "van dit schooljaar.",
            ),
        ),
        "referrals": (
            QCoreApplication.translate("Pages", "Aanmeldingen"),
            QCoreApplication.translate(
                "Pages",
                "Hier komt de lijst van aanmeldingen, met zoeken en filteren, een formulier "
                "voor een nieuwe aanmelding en de geschiedenis van elke aanmelding.",
            ),
        ),
        "waiting": (
            QCoreApplication.translate("Pages", "Wachtlijst"),
            QCoreApplication.translate(
                "Pages",
                "Hier komt de wachtlijst in volgorde, met de reden voor elke plaats. "
                "Van hieruit wijst u een jongere toe aan een coach.",
            ),
        ),
        "planning": (
            QCoreApplication.translate("Pages", "Planning"),
            QCoreApplication.translate(
                "Pages",
                "Hier komt de weekplanning per coach en voor het team, met schoolvakanties, "
                "reeksen van sessies en export naar Outlook.",
            ),
        ),
        "trajectories": (
            QCoreApplication.translate("Pages", "Trajecten"),
            QCoreApplication.translate(
                "Pages",
                "Hier komen uw trajecten: doelen, sessies en verslagen, met sjablonen en "
                "automatisch bewaarde concepten.",
            ),
        ),
        "reports": (
            QCoreApplication.translate("Pages", "Rapporten"),
            QCoreApplication.translate(
                "Pages", "Hier komen de rapporten voor het team en voor de financiers."
            ),
        ),
    }


class PlaceholderPage(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body.setMaximumWidth(720)
        soon = QLabel(self.tr("Dit onderdeel is nog in voorbereiding."))
        soon.setStyleSheet("color: palette(dark); font-style: italic;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(soon)
        layout.addStretch()


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
        self.tabs.addTab(self.users, self.tr("&Gebruikers"))
        self.tabs.addTab(self.schools, self.tr("&Scholen"))
        self.tabs.addTab(self.days_off, self.tr("&Vrije dagen"))
        self.tabs.addTab(self.funders, self.tr("&Financiers && capaciteit"))
        self.tabs.addTab(self.partners, self.tr("&Partners && contacten"))
        self.tabs.addTab(self.retention, self.tr("&Bewaartermijnen"))
        self.tabs.addTab(self.backups, self.tr("&Reservekopieën"))
        self.tabs.addTab(self.importer, self.tr("&Importeren"))
        self.backups.lock_requested.connect(self.lock_requested)
        self.backups.backup_made.connect(self.backup_made)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
