"""Uitwisselen: this laptop's place in the team, exchanging by hand or through a shared folder,
the history, and (team leader) the conflicts list where clashing values are resolved.

Every call runs on the DB worker; the page only shows what the exchange service returns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.config import location_warnings
from amo_desktop.errors import KnownError
from amo_desktop.services import accounts, exchange
from amo_desktop.services.files import check_output, save_output
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.flow import FlowLayout
from amo_desktop.ui.kit.tables import table_view
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import heading, hint, open_file
from amo_desktop.ui.screens.uitwisselen.conflicts import CONTEXT, ConflictsPanel
from amo_desktop.ui.screens.uitwisselen.lists import HistoryModel, PeersModel, stamp_text

if TYPE_CHECKING:
    from amo_desktop.domain.identity import Identity
    from amo_desktop.storage.vault import Vault

AUTO_SYNC_MS = 5 * 60_000
FIRST_SYNC_MS = 3_000
BUNDLE_FILTER = "AMO-uitwisselbestand (*.amox)"
INVITE_FILTER = "AMO-uitnodiging (*.amoi)"
Made = TypeVar("Made", exchange.ExportResult, exchange.Invitation)
Loaded = tuple[exchange.ExchangeStatus, list[exchange.HistoryEntry], list[exchange.ConflictInfo]]
Synced = tuple[exchange.SyncResult | None, exchange.ExchangeStatus]


def last_exchange(status: exchange.ExchangeStatus) -> datetime | None:
    stamps = [t for t in (status.last_export_at, status.last_import_at) if t is not None]
    return max(stamps, default=None)


def status_line(status: exchange.ExchangeStatus) -> str:
    """The status bar's short summary: last exchange, pending changes, conflicts."""
    if not status.in_team:
        return ""
    last = last_exchange(status)
    never = QCoreApplication.translate(CONTEXT, "nog nooit")
    parts = [
        fill(
            QCoreApplication.translate(CONTEXT, "Uitwisseling: %1"),
            stamp_text(last) if last else never,
        )
    ]
    for count, one, many in (
        (status.pending, "1 wijziging wacht", "%1 wijzigingen wachten"),
        (status.open_conflicts, "1 conflict", "%1 conflicten"),
    ):
        if count:
            parts.append(
                fill(QCoreApplication.translate(CONTEXT, one if count == 1 else many), count)
            )
    return " · ".join(parts)


class AutoSync(QObject):
    """The shared folder at unlock and every few minutes; silent unless something is refused."""

    finished = Signal(object)  # (exchange.SyncResult | None, exchange.ExchangeStatus)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MS)
        self.timer.timeout.connect(self.run)
        self.first = QTimer(self)  # a child: it goes with this object, never fires after it
        self.first.setSingleShot(True)
        self.first.timeout.connect(self.run)
        self._running = False

    def start(self) -> None:
        """The first sync waits a moment, so the window is painted before the worker is busy."""
        self.timer.start()
        self.first.start(FIRST_SYNC_MS)

    def stop(self) -> None:
        self.timer.stop()
        self.first.stop()

    def run(self) -> None:
        vault = self.ctx.vault
        if self._running or not vault.is_unlocked or not self.timer.isActive():
            return
        self._running = True
        self.ctx.call_vault(_sync_and_status, on_success=self._done, on_failure=self._failed)

    def _done(self, outcome: Synced) -> None:
        self._running = False
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        if isinstance(exc, KnownError):
            self.failed.emit(exc.message(self.ctx.lang))
        else:
            self.ctx.fail(exc)


def sync_if_configured(vault: Vault) -> exchange.SyncResult | None:
    """For the worker: sync with the shared folder when this vault has one, else nothing."""
    me = vault.identity
    if not vault.is_unlocked or me is None:
        return None
    status = exchange.status(vault, me)
    if not status.in_team or not status.folder or not Path(status.folder).is_dir():
        return None
    return exchange.sync_folder(vault, me)


def _sync_and_status(vault: Vault, me: Identity) -> Synced:
    return sync_if_configured(vault), exchange.status(vault, me)


class ExchangePage(QWidget):
    """Emits `status_text` for the status bar after every refresh, `imported` after changes."""

    status_text = Signal(str)
    imported = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_leader = ctx.is_leader
        self.status: exchange.ExchangeStatus | None = None
        self.last_code: str | None = None
        self.conflicts_box = ConflictsPanel()
        self.conflicts_box.setVisible(self.is_leader)
        split = QSplitter()
        split.addWidget(self._build_lists())
        split.addWidget(self.conflicts_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate(CONTEXT, "Uitwisselen")))
        layout.addWidget(
            hint(
                QCoreApplication.translate(
                    CONTEXT,
                    "Elke laptop wisselt versleutelde bestanden uit met de andere laptops van "
                    "het team: via een gedeelde map (bij ontgrendelen, bij vergrendelen en om "
                    "de vijf minuten) of met de hand, bv. op een USB-stick. Een coach krijgt "
                    "alleen de eigen trajecten en de wachtlijst zonder namen.",
                )
            )
        )
        layout.addLayout(self._build_summary())
        layout.addWidget(self.warning)
        layout.addLayout(self._build_buttons())
        layout.addWidget(split, 1)
        self.conflicts_box.keep.connect(self.keep)
        load_on_first_show(self, self.refresh)

    def _build_summary(self) -> QFormLayout:
        """The team, the last exchange, what waits, the open conflicts, the shared folder."""
        self.team_label = QLabel()
        self.team_label.setObjectName("exchangeTeam")
        self.last_label = QLabel()
        self.pending_label = QLabel()
        self.conflict_label = QLabel()
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.warning = hint("")
        self.warning.setObjectName("exchangeWarning")
        summary = QFormLayout()
        for label, value in (
            ("Team:", self.team_label),
            ("Laatste uitwisseling:", self.last_label),
            ("Wachtende wijzigingen:", self.pending_label),
            ("Open conflicten:", self.conflict_label),
            ("Gedeelde map:", self.folder_label),
        ):
            summary.addRow(QCoreApplication.translate(CONTEXT, label), value)
        return summary

    def _build_buttons(self) -> FlowLayout:
        self.sync_button = QPushButton(QCoreApplication.translate(CONTEXT, "Nu &synchroniseren"))
        self.export_button = QPushButton(QCoreApplication.translate(CONTEXT, "&Exporteren…"))
        self.import_button = QPushButton(QCoreApplication.translate(CONTEXT, "Im&porteren…"))
        self.folder_button = QPushButton(
            QCoreApplication.translate(CONTEXT, "Gedeelde &map kiezen…")
        )
        self.invite_button = QPushButton(QCoreApplication.translate(CONTEXT, "&Uitnodiging maken…"))
        self.invite_button.setVisible(self.is_leader)
        buttons = FlowLayout()  # wraps on a narrow screen
        for button, action in (
            (self.sync_button, self.sync_now),
            (self.export_button, self.export_by_hand),
            (self.import_button, self.import_by_hand),
            (self.folder_button, self.choose_folder),
            (self.invite_button, self.make_invitation),
        ):
            buttons.addWidget(button)
            button.clicked.connect(action)
        return buttons

    def _build_lists(self) -> QWidget:
        """The team's laptops and the history of exchanges."""
        self.peers = PeersModel(self.ctx.role_label, self)
        self.peers_view = table_view(self.peers, "exchangePeers")
        self.history = HistoryModel(self)
        self.history_view = table_view(self.history, "exchangeHistory", stretch=5)
        self.peers_view.setAccessibleName(
            QCoreApplication.translate(CONTEXT, "Laptops van het team")
        )
        self.history_view.setAccessibleName(QCoreApplication.translate(CONTEXT, "Geschiedenis"))
        lists = QWidget()
        layout = QVBoxLayout(lists)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(QCoreApplication.translate(CONTEXT, "Laptops van het team")))
        layout.addWidget(self.peers_view)
        layout.addWidget(heading(QCoreApplication.translate(CONTEXT, "Geschiedenis")))
        layout.addWidget(self.history_view)
        return lists

    # --- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        leader = self.is_leader

        def load(vault: Vault, me: Identity) -> Loaded:
            status = exchange.status(vault, me)
            conflicts = exchange.conflicts(vault, me) if leader and status.in_team else []
            return status, exchange.history(vault, me), conflicts

        self.ctx.call_vault(load, on_success=self._show)

    def _show(self, loaded: Loaded) -> None:
        status, history, conflicts = loaded
        self.status = status
        self._show_status(status)
        for button in (self.sync_button, self.export_button, self.import_button):
            button.setEnabled(status.in_team)
        self.folder_button.setEnabled(status.in_team)
        self.sync_button.setEnabled(status.in_team and bool(status.folder))
        self.peers.set_records(status.peers)
        self.history.set_records(history)
        self.conflicts_box.set_conflicts(conflicts)
        self.status_text.emit(status_line(status))

    def _show_status(self, status: exchange.ExchangeStatus) -> None:
        """The summary at the top and, when something is not right, what to do about it."""
        in_team = status.in_team
        self.team_label.setText(
            status.team_name
            if in_team
            else QCoreApplication.translate(CONTEXT, "Deze kluis hoort nog niet bij een team.")
        )
        last = last_exchange(status)
        self.last_label.setText(
            stamp_text(last) if last else QCoreApplication.translate(CONTEXT, "nog nooit")
        )
        self.pending_label.setText(str(status.pending))
        self.conflict_label.setText(str(status.open_conflicts))
        self.folder_label.setText(
            status.folder or QCoreApplication.translate(CONTEXT, "geen (alleen met de hand)")
        )
        warnings = [
            fill(
                QCoreApplication.translate(
                    CONTEXT,
                    "De kluis zelf staat in een gesynchroniseerde of netwerkmap (%1). Zet ze "
                    "liefst in een lokale map; alleen de uitwisselbestanden horen in de gedeelde "
                    "map.",
                ),
                self.ctx.data_dir,
            )
            for _ in location_warnings(self.ctx.data_dir)
        ][:1]
        if not in_team:
            warnings.append(
                QCoreApplication.translate(
                    CONTEXT,
                    "Maak als teamverantwoordelijke een uitnodiging voor een coach; het team "
                    "wordt dan ingesteld.",
                )
                if self.is_leader
                else QCoreApplication.translate(
                    CONTEXT, "Vraag de teamverantwoordelijke om een uitnodiging."
                )
            )
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))

    # --- acting ----------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        """An exchange that failed: told, and the page shows where things stand now."""
        self.ctx.fail(exc)
        if isinstance(exc, KnownError):
            self.refresh()

    def sync_now(self) -> None:
        self.ctx.call_vault(
            exchange.sync_folder, on_success=self.show_sync_result, on_failure=self._failed
        )

    def show_sync_result(self, result: exchange.SyncResult) -> None:
        self.ctx.status(
            fill(
                QCoreApplication.translate(
                    CONTEXT, "Uitgewisseld: %1 bestand(en) ingelezen, %2 gewijzigde rijen."
                ),
                len(result.imported),
                sum(r.rows for r in result.imported),
            )
        )
        self.refresh()
        if any(r.rows for r in result.imported):
            self.imported.emit()
        if result.refused:
            self.ctx.prompts.error(
                self,
                QCoreApplication.translate(CONTEXT, "Niet alles ingelezen"),
                "\n".join(f"{name}: {message}" for name, message in result.refused),
            )

    def export_by_hand(self) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        login = self.ctx.vault.identity.login if self.ctx.vault.identity else "amo"
        self._make_file(
            QCoreApplication.translate(CONTEXT, "Uitwisselbestand opslaan"),
            Path.home() / f"AMO-{login}-{stamp}.amox",
            QCoreApplication.translate(CONTEXT, BUNDLE_FILTER),
            exchange.export_bundle,
            self._exported,
        )

    def _make_file(
        self,
        title: str,
        suggested: Path,
        file_filter: str,
        make: Callable[[Vault, Identity], Made],
        done: Callable[[Path, Made], None],
    ) -> None:
        """Ask where, then on the worker make the bundle or invitation and write its `data`."""
        path = self.ctx.prompts.save_file(self, title, suggested, file_filter)
        if path is None:
            return
        protect = self.ctx.vault.data_dir

        def job(vault: Vault, me: Identity) -> Made:
            check_output(path, protect)  # before an invitation is recorded
            made = make(vault, me)
            save_output(path, made.data, protect)
            return made

        self.ctx.call_vault(job, on_success=lambda made: done(path, made), on_failure=self._failed)

    def _done(self, title: str, text: str, *values: object) -> None:
        """After a step: the page shows the new state, then a message says what happened
        (the status bar only its title: an invitation's code is not left on screen)."""
        self.ctx.status(title + ".")
        self.refresh()
        self.ctx.prompts.info(self, title, fill(text, *values))

    def _exported(self, path: Path, _result: exchange.ExportResult) -> None:
        self._done(
            QCoreApplication.translate(CONTEXT, "Uitwisselbestand geschreven"),
            QCoreApplication.translate(
                CONTEXT,
                "Het bestand staat in %1. Geef het aan de andere laptops (het is versleuteld).",
            ),
            path,
        )

    def import_by_hand(self) -> None:
        path = open_file(
            self.ctx,
            self,
            QCoreApplication.translate(CONTEXT, "Uitwisselbestand kiezen"),
            QCoreApplication.translate(CONTEXT, BUNDLE_FILTER),
        )
        if path is None:
            return

        def job(vault: Vault, me: Identity) -> exchange.ImportResult:
            return exchange.import_bundle(vault, me, path.read_bytes())

        self.ctx.call_vault(job, on_success=self._imported, on_failure=self._failed)

    def _imported(self, result: exchange.ImportResult) -> None:
        if result.rows:
            self.imported.emit()
        self._done(
            QCoreApplication.translate(CONTEXT, "Ingelezen"),
            QCoreApplication.translate(
                CONTEXT, "Ingelezen van %1: %2 gewijzigde rijen, %3 nieuwe conflicten."
            ),
            result.sender,
            result.rows,
            result.conflicts,
        )

    def choose_folder(self) -> None:
        title = QCoreApplication.translate(CONTEXT, "Gedeelde map kiezen")
        ask = getattr(self.ctx.prompts, "choose_folder", None)
        folder = (
            ask(self, title) if ask is not None else QFileDialog.getExistingDirectory(self, title)
        )
        if not folder:
            return
        self.ctx.call_vault(
            exchange.set_folder,
            str(folder),
            on_success=self._folder_set,
            on_failure=self._failed,
        )

    def _folder_set(self, _none: None) -> None:
        self.ctx.status(QCoreApplication.translate(CONTEXT, "Gedeelde map ingesteld."))
        self.refresh()

    def make_invitation(self) -> None:
        self.ctx.call_vault(
            accounts.list_users, on_success=self._ask_invitee, on_failure=self._failed
        )

    def _ask_invitee(self, users: list[accounts.UserInfo]) -> None:
        me = self.ctx.vault.identity
        logins = [u.login for u in users if u.active and me is not None and u.id != me.user_id]
        title = QCoreApplication.translate(CONTEXT, "Uitnodiging")
        if not logins:
            self.ctx.prompts.error(
                self,
                title,
                QCoreApplication.translate(
                    CONTEXT, "Voeg eerst de coach toe bij Beheer > Gebruikers."
                ),
            )
            return
        login = self.ctx.prompts.choose(
            self, title, QCoreApplication.translate(CONTEXT, "Voor wie is de uitnodiging?"), logins
        )
        if not login:
            return
        self._make_file(
            QCoreApplication.translate(CONTEXT, "Uitnodiging opslaan"),
            Path.home() / f"AMO-uitnodiging-{login}.amoi",
            QCoreApplication.translate(CONTEXT, INVITE_FILTER),
            lambda vault, me: exchange.invite(vault, me, login),
            lambda path, invitation: self._invited(login, path, invitation),
        )

    def _invited(self, login: str, path: Path, invitation: exchange.Invitation) -> None:
        self.last_code = invitation.code
        self._done(
            QCoreApplication.translate(CONTEXT, "Uitnodiging gemaakt"),
            QCoreApplication.translate(
                CONTEXT,
                "De uitnodiging voor %1 staat in %2.\n\nEenmalige code: %3\n\nGeef de code "
                "apart van het bestand door (bv. mondeling). De coach kiest bij de eerste "
                "start van AMO Desktop 'Aansluiten bij een team'. Geldig tot %4.",
            ),
            login,
            path,
            invitation.code,
            invitation.expires.astimezone().strftime("%d/%m/%Y"),
        )

    def keep(self, conflict_id: str, choice: int) -> None:
        """Keep value number `choice` of the conflict (the panel's `keep`)."""
        self.ctx.call_vault(
            exchange.resolve_conflict,
            conflict_id,
            choice,
            on_success=self._resolved,
            on_failure=self._failed,
        )

    def _resolved(self, _none: None) -> None:
        self.ctx.status(QCoreApplication.translate(CONTEXT, "Conflict opgelost."))
        self.refresh()
        self.imported.emit()
