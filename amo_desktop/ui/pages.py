"""Pages of the main window that are not built yet: each says what will come."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

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
    """Beheer: one tab per thing the team leader manages; only users exist so far."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.users = UsersPage(ctx)
        self.tabs.addTab(self.users, self.tr("&Gebruikers"))
        later = QLabel(
            self.tr(
                "Later volgen hier: scholen en vestigingen, vrije dagen, financiers en "
                "capaciteitsafspraken, partners, bewaartermijnen, reservekopieën en import "
                "uit Excel."
            )
        )
        later.setWordWrap(True)
        later.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(later, self.tr("&Meer"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
