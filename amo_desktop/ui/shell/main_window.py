"""The main window: navigation, pages, menus and status bar. Layout and wiring only."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, Signal, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from amo_desktop import APP_NAME, __version__
from amo_desktop.errors import KnownError
from amo_desktop.services import exchange
from amo_desktop.services.authz import TEAMLEADER_ROLES
from amo_desktop.services.files import BACKUP_SUFFIX
from amo_desktop.ui.kit.context import STATUS_MS, AppContext, format_datetime
from amo_desktop.ui.kit.forms import ERROR_STYLE
from amo_desktop.ui.kit.settings import restore_layout, save_layout
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import VerticalScrollArea
from amo_desktop.ui.screens.aanmeldingen.page import ReferralsPage
from amo_desktop.ui.screens.beheer.page import AdminPage
from amo_desktop.ui.screens.overzicht.page import OverviewPage
from amo_desktop.ui.screens.planning.page import PlanningPage
from amo_desktop.ui.screens.rapporten.page import ReportsPage
from amo_desktop.ui.screens.trajecten.page import TrajectoriesPage
from amo_desktop.ui.screens.uitwisselen.page import ExchangePage, status_line
from amo_desktop.ui.screens.wachtlijst.page import WaitlistPage
from amo_desktop.ui.shell.help import HelpMenu
from amo_desktop.ui.shell.password import ChangePasswordDialog
from amo_desktop.ui.shell.settings_dialog import SettingsDialog

PAGE_KEYS = (
    "overview",
    "referrals",
    "waiting",
    "planning",
    "trajectories",
    "reports",
    "exchange",
    "admin",
)
PAGE_FACTORIES = {
    "overview": OverviewPage,
    "referrals": ReferralsPage,
    "waiting": WaitlistPage,
    "planning": PlanningPage,
    "trajectories": TrajectoriesPage,
    "reports": ReportsPage,
    "exchange": ExchangePage,
}


def about_text(versions: dict[str, str]) -> str:
    summary = QCoreApplication.translate(
        "MainWindow", "Offline opvolging van trajecten voor de jongerencoaches."
    )
    version = QCoreApplication.translate("MainWindow", "Versie")
    crypto = QCoreApplication.translate("MainWindow", "Cryptografie")
    rows = [
        (version, __version__),
        ("Qt", f"{qVersion()} (PySide6 {pyside_version})"),
        ("SQLCipher", versions.get("sqlcipher", "?")),
        (crypto, versions.get("crypto_provider", "?")),
        ("SQLite", versions.get("sqlite", "?")),
    ]
    table = "".join(f"<tr><td>{name}:</td><td>{value}</td></tr>" for name, value in rows)
    return f"<h3>{APP_NAME} {__version__}</h3><p>{summary}</p><table>{table}</table>"


def page_titles() -> dict[str, str]:
    """Page key -> its name in the navigation; a function so the names are translated at use."""
    return {
        "overview": QCoreApplication.translate("Pages", "Overzicht"),
        "referrals": QCoreApplication.translate("Pages", "Aanmeldingen"),
        "waiting": QCoreApplication.translate("Pages", "Wachtlijst"),
        "planning": QCoreApplication.translate("Pages", "Planning"),
        "trajectories": QCoreApplication.translate("Pages", "Trajecten"),
        "reports": QCoreApplication.translate("Pages", "Rapporten"),
    }


class MainWindow(QMainWindow):
    """Emits `lock_requested` (Ctrl+L) and `quit_requested` (Ctrl+Q or closing the window),
    and `autolock_changed(minutes)` when the user sets a new auto-lock time. Its size and the
    remembered splitters and columns of its pages are the user's own (kit/settings.py)."""

    lock_requested = Signal()
    quit_requested = Signal()
    autolock_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user_settings = ctx.settings.for_user(ctx.me)
        identity = ctx.vault.identity
        self.role = identity.role if identity else ""
        self.setWindowTitle(f"{ctx.vault.sidecar.organisation} – {APP_NAME}")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Schermen"))
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.admin: AdminPage | None = None
        self._build_pages()
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._navigate)
        self.nav.setCurrentRow(0)
        self._build_menus()
        self._build_status_bar()
        geometry = self.user_settings.state("window")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 700)

    # --- layout ---------------------------------------------------------------------------
    def _build_pages(self) -> None:
        """One navigation entry and one empty slot per page; a page is built the first time
        it is shown (`page`), so unlocking waits for the Overzicht alone, not for every list
        of a big vault."""
        texts = page_titles()
        self.page_keys: list[str] = []
        self._slots: dict[str, VerticalScrollArea] = {}
        for key in PAGE_KEYS:
            if key == "admin":
                if self.role not in TEAMLEADER_ROLES:
                    continue
                title = self.tr("Beheer")
            elif key == "exchange":
                title = self.tr("Uitwisselen")
            else:
                title = texts[key]
            slot = VerticalScrollArea(QWidget())  # scrolls when the screen is lower than the page
            slot.setObjectName(f"{key}Slot")
            self.stack.addWidget(slot)
            self._slots[key] = slot
            self.page_keys.append(key)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)

    def _navigate(self, row: int) -> None:
        if 0 <= row < len(self.page_keys):
            self.page(self.page_keys[row])  # built while its slot is still hidden
        self.stack.setCurrentIndex(row)

    def page(self, key: str) -> QWidget:
        """The page for `key`, built (and so loading its data) the first time it is asked."""
        page = self.pages.get(key)
        if page is not None:
            return page
        if key == "admin":
            self.admin = AdminPage(self.ctx)
            self.admin.lock_requested.connect(self.lock_requested)
            self.admin.backup_made.connect(self.update_backup_label)
            page = self.admin
        else:
            page = PAGE_FACTORIES[key](self.ctx)
            if isinstance(page, ExchangePage):
                page.status_text.connect(self.show_exchange_status)
        restore_layout(page, self.user_settings)
        slot = self._slots[key]
        slot.setWidget(page)
        slot.setFocusProxy(page)
        self.pages[key] = page
        return page

    def page_titles(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                current = self.stack.currentWidget()
                if current is not None:
                    current.setFocus()
                return

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Bestand"))
        self.backup_action = self._action(self.tr("&Reservekopie maken…"), self.make_backup)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        self.lock_action = self._action(self.tr("&Vergrendelen"), self.lock_requested, "Ctrl+L")
        file_menu.addAction(self.lock_action)
        self.quit_action = self._action(self.tr("&Afsluiten"), self.close, "Ctrl+Q")
        file_menu.addAction(self.quit_action)

        go_menu = bar.addMenu(self.tr("&Ga naar"))
        for number, key in enumerate(self.page_keys, start=1):
            title = self.nav.item(number - 1).text()
            go_menu.addAction(
                self._action(title, lambda _=False, k=key: self.show_page(k), f"Ctrl+{number}")
            )

        account_menu = bar.addMenu(self.tr("A&ccount"))
        self.password_action = self._action(self.tr("&Wachtwoord wijzigen…"), self.change_password)
        account_menu.addAction(self.password_action)

        settings_menu = bar.addMenu(self.tr("&Instellingen"))
        self.settings_action = self._action(self.tr("&Instellingen…"), self.open_settings)
        settings_menu.addAction(self.settings_action)
        language_menu = settings_menu.addMenu(self.tr("&Taal"))
        group = QActionGroup(self)
        current = self.ctx.settings.language(self.ctx.lang)
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("nl", "&Nederlands"), ("en", "&English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help = HelpMenu(self, help_menu)
        self.about_action = self._action(self.tr("&Over AMO Desktop"), self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        identity = self.ctx.vault.identity
        login = identity.login if identity else ""
        self.user_label = QLabel(fill(self.tr("Gebruiker: %1"), login))
        self.role_label = QLabel(fill(self.tr("Rol: %1"), self.ctx.role_label(self.role)))
        self.state_label = QLabel(self._state_text(self.ctx.vault.integrity))
        self.state_label.setObjectName("vaultState")
        self.backup_label = QLabel()
        self.exchange_label = QLabel()
        self.exchange_label.setObjectName("exchangeStatus")
        self.exchange_label.setVisible(False)
        bar = self.statusBar()
        for label in (
            self.user_label,
            self.role_label,
            self.state_label,
            self.backup_label,
            self.exchange_label,
        ):
            label.setContentsMargins(8, 0, 8, 0)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            bar.addPermanentWidget(label)
        self.update_backup_label()
        self.ctx.status_line.said.connect(self.show_status)

    def show_status(self, text: str) -> None:
        """What an action just did (`ctx.status`), for a few seconds."""
        self.statusBar().showMessage(text, STATUS_MS)

    def _state_text(self, integrity: str) -> str:
        if integrity == "checking":
            return self.tr("Kluis ontgrendeld, wordt gecontroleerd…")
        if integrity == "failed":
            return self.tr("Kluis beschadigd: alleen lezen")
        return self.tr("Kluis ontgrendeld")

    def show_integrity(self, error: object) -> None:
        """The unlock's check is done; after a failure nothing can be saved any more (R17), and
        the team leader is taken to the backups to restore one."""
        if error is None:
            self.state_label.setText(self._state_text("ok"))
            return
        self.state_label.setText(self._state_text("failed"))
        self.state_label.setStyleSheet(ERROR_STYLE)
        leader = self.role in TEAMLEADER_ROLES
        advice = (
            self.tr("Zet een reservekopie terug: Beheer › Reservekopieën › Terugzetten.")
            if leader
            else self.tr("Sluit het programma en vraag uw teamleider om hulp.")
        )
        self.ctx.prompts.error(
            self,
            self.tr("Kluis beschadigd"),
            fill(
                self.tr(
                    "Bij de controle na het ontgrendelen bleek het kluisbestand beschadigd. U kunt "
                    "nog lezen, maar er wordt niets meer opgeslagen, zodat de schade niet groter "
                    "wordt. %1"
                ),
                advice,
            ),
        )
        if leader:
            self.show_page("admin")
            if self.admin is not None:
                self.admin.tabs.setCurrentWidget(self.admin.backups)

    def update_backup_label(self) -> None:
        if not self.ctx.vault.is_unlocked:
            return  # locked meanwhile; the window is about to go
        last = format_datetime(self.ctx.vault.sidecar.last_backup_at)
        self.backup_label.setText(
            fill(self.tr("Laatste reservekopie: %1"), last or self.tr("nog geen"))
        )

    def show_exchange_status(self, text: str) -> None:
        self.exchange_label.setText(text)
        self.exchange_label.setVisible(bool(text))

    def exchange_synced(
        self, outcome: tuple[exchange.SyncResult | None, exchange.ExchangeStatus]
    ) -> None:
        """After the automatic exchange: the status bar, and a word when something was refused."""
        result, status = outcome
        self.show_exchange_status(status_line(status))
        refused = result.refused if result is not None else None
        if refused:
            self.statusBar().showMessage(
                fill(
                    self.tr("Uitwisselen: %1 bestand(en) geweigerd; zie de pagina Uitwisselen."),
                    len(refused),
                ),
                15_000,
            )
        page = self.pages.get("exchange")
        if isinstance(page, ExchangePage) and result is not None:
            page.refresh()

    def exchange_failed(self, message: str) -> None:
        self.statusBar().showMessage(fill(self.tr("Uitwisselen mislukt: %1"), message), 15_000)

    # --- actions --------------------------------------------------------------------------
    def make_backup(self) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d")
        path = self.ctx.prompts.save_file(
            self,
            self.tr("Reservekopie maken"),
            Path.home() / f"AMO-reservekopie-{stamp}{BACKUP_SUFFIX}",
            fill(self.tr("AMO-reservekopie (*%1)"), BACKUP_SUFFIX),
        )
        if path is None:
            return
        self.statusBar().showMessage(self.tr("Reservekopie wordt gemaakt…"))
        vault = self.ctx.vault
        self.ctx.run(lambda: vault.backup(out=path), self._backup_done, self._backup_failed)

    def _backup_done(self, info: object) -> None:
        self.ctx.status(self.tr("Reservekopie gemaakt."))
        self.update_backup_label()
        self.ctx.prompts.info(
            self,
            self.tr("Reservekopie gemaakt"),
            fill(
                self.tr("De reservekopie is geschreven en gecontroleerd:\n%1"),
                getattr(info, "path", ""),
            ),
        )

    def backup_done_in_background(self, _info: object) -> None:
        self.statusBar().showMessage(self.tr("Dagelijkse reservekopie gemaakt."), 5000)
        self.update_backup_label()

    def backup_failed_in_background(self, exc: BaseException) -> None:
        """A failed daily backup must be seen, but it does not stop the work."""
        if self.ctx.vault.integrity == "failed":
            self.statusBar().clearMessage()
            return  # the damaged-vault message already said what to do
        self._tell_backup_failure(exc, self.tr("Geen dagelijkse reservekopie"))

    def _backup_failed(self, exc: BaseException) -> None:
        self._tell_backup_failure(exc, self.tr("Geen reservekopie"))

    def _tell_backup_failure(self, exc: BaseException, title: str) -> None:
        """The status line is cleared and the failure told under its own title."""
        self.statusBar().clearMessage()
        if not isinstance(exc, KnownError):
            self.ctx.fail(exc)
            return
        self.ctx.prompts.error(self, title, exc.message(self.ctx.lang))

    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ctx, self.user_settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.autolock_changed.connect(self.autolock_changed)
        dialog.language_changed.connect(self.choose_language)
        dialog.folder_changed.connect(self._folder_changed)
        dialog.open()
        return dialog

    def _folder_changed(self) -> None:
        page = self.pages.get("exchange")
        if isinstance(page, ExchangePage):
            page.refresh()

    def choose_language(self, code: str) -> None:
        self.ctx.settings.set_language(code)
        self.language_actions[code].setChecked(True)
        self.ctx.prompts.info(
            self,
            self.tr("Taal"),
            self.tr("De nieuwe taal wordt gebruikt vanaf de volgende start van AMO Desktop."),
        )

    def show_about(self) -> None:
        from amo_desktop.selftest import library_versions

        self.ctx.prompts.about(self, self.tr("Over AMO Desktop"), about_text(library_versions()))

    def hideEvent(self, event: QHideEvent) -> None:
        """Locking and closing hide the window first: the user's layout is saved then."""
        self.user_settings.set_state("window", self.saveGeometry())
        save_layout(self, self.user_settings)
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        self.quit_requested.emit()
