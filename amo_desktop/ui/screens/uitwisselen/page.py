"""Uitwisselen: this laptop's place in the team, exchanging by hand or through a shared folder,
the history, and (team leader) the conflicts list where clashing values are resolved.

Every call runs on the DB worker; the page only shows what the exchange service returns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.config import location_warnings
from amo_desktop.errors import KnownError
from amo_desktop.services import accounts, exchange
from amo_desktop.services.authz import TEAMLEADER_ROLES
from amo_desktop.services.files import check_output, save_output
from amo_desktop.ui.kit.context import AppContext, format_datetime
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.tables import Column, RecordsModel, selected_record, table_view
from amo_desktop.ui.kit.widgets import heading, hint, open_file

AUTO_SYNC_MS = 5 * 60_000
FIRST_SYNC_MS = 3_000
BUNDLE_FILTER = "AMO-uitwisselbestand (*.amox)"
INVITE_FILTER = "AMO-uitnodiging (*.amoi)"
TABLES = {
    "trajectories": "Traject",
    "referrals": "Aanmelding",
    "youths": "Jongere",
    "youth_enrolments": "Inschrijving",
    "sessions": "Contactmoment",
    "session_notes": "Verslag",
    "goals": "Doel",
    "schools": "School",
    "campuses": "Vestiging",
    "contact_persons": "Contactpersoon",
    "partners": "Partner",
    "funders": "Financier",
    "capacity_agreements": "Capaciteitsafspraak",
    "days_off": "Vrije dag",
    "users": "Medewerker",
    "class_groups": "Klasgroep",
}
FIELDS = {
    "full_name": "Volledige naam",
    "login": "Gebruikersnaam",
    "role": "Rol",
    "active": "Actief",
    "summary": "Samenvatting",
    "status": "Status",
    "planned_end": "Geplande einde",
    "end_on": "Einddatum",
    "description": "Omschrijving",
    "content": "Verslag",
    "observations": "Observaties",
    "agreements": "Afspraken",
    "next_steps": "Volgende stappen",
    "address": "Adres",
    "short_name": "Korte naam",
    "name": "Naam",
    "help_question": "Hulpvraag",
    "urgency": "Urgentie",
    "first_name": "Voornaam",
    "last_name": "Achternaam",
    "on": "Datum",
    "start": "Beginuur",
    "duration_min": "Duur (min)",
    "location": "Plaats",
}
DIRECTIONS = {
    "export": "Uitgevoerd",
    "import": "Ingelezen",
    "refused": "Geweigerd",
    "invite": "Uitnodiging",
    "join": "Aangesloten",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Exchange", text)


def stamp_text(value: datetime | str | None) -> str:
    """A stamp (datetime or ISO text) as dd/mm/jjjj uu:mm, like the rest of the program."""
    if isinstance(value, datetime):
        value = value.isoformat()
    return format_datetime(value)


def last_exchange(status: exchange.ExchangeStatus) -> datetime | None:
    stamps = [t for t in (status.last_export_at, status.last_import_at) if t is not None]
    return max(stamps, default=None)


def status_line(status: exchange.ExchangeStatus) -> str:
    """The status bar's short summary: last exchange, pending changes, conflicts."""
    if not status.in_team:
        return ""
    last = last_exchange(status)
    parts = [
        tr("Uitwisseling: %1").replace("%1", stamp_text(last) if last else tr("nog nooit")),
    ]
    if status.pending:
        waiting = tr("1 wijziging wacht") if status.pending == 1 else tr("%1 wijzigingen wachten")
        parts.append(waiting.replace("%1", str(status.pending)))
    if status.open_conflicts:
        open_ = tr("1 conflict") if status.open_conflicts == 1 else tr("%1 conflicten")
        parts.append(open_.replace("%1", str(status.open_conflicts)))
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

        def job() -> tuple[exchange.SyncResult | None, exchange.ExchangeStatus]:
            result = sync_if_configured(vault)
            return result, exchange.status(vault, vault.identity)

        self.ctx.worker.submit(job, self._done, self._failed)

    def _done(self, outcome: tuple[Any, Any]) -> None:
        self._running = False
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        if isinstance(exc, KnownError):
            self.failed.emit(exc.message(self.ctx.lang))
        else:
            raise exc


def sync_if_configured(vault: Any) -> exchange.SyncResult | None:
    """For the worker: sync with the shared folder when this vault has one, else nothing."""
    if not vault.is_unlocked or vault.identity is None:
        return None
    status = exchange.status(vault, vault.identity)
    if not status.in_team or not status.folder or not Path(status.folder).is_dir():
        return None
    return exchange.sync_folder(vault, vault.identity)


class ExchangePage(QWidget):
    """Emits `status_text` for the status bar after every refresh, `imported` after changes."""

    status_text = Signal(str)
    imported = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        identity = ctx.vault.identity
        self.is_leader = identity is not None and identity.role in TEAMLEADER_ROLES
        self.status: exchange.ExchangeStatus | None = None
        self.last_code: str | None = None

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
        summary.addRow(tr("Team:"), self.team_label)
        summary.addRow(tr("Laatste uitwisseling:"), self.last_label)
        summary.addRow(tr("Wachtende wijzigingen:"), self.pending_label)
        summary.addRow(tr("Open conflicten:"), self.conflict_label)
        summary.addRow(tr("Gedeelde map:"), self.folder_label)

        self.sync_button = QPushButton(tr("Nu &synchroniseren"))
        self.export_button = QPushButton(tr("&Exporteren…"))
        self.import_button = QPushButton(tr("&Importeren…"))
        self.folder_button = QPushButton(tr("Gedeelde &map kiezen…"))
        self.invite_button = QPushButton(tr("&Uitnodiging maken…"))
        self.invite_button.setVisible(self.is_leader)
        buttons = QHBoxLayout()
        for button in (
            self.sync_button,
            self.export_button,
            self.import_button,
            self.folder_button,
            self.invite_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()

        self.peers = RecordsModel(
            [
                Column(tr("Medewerker"), lambda p: p.login),
                Column(tr("Rol"), lambda p: self.ctx.role_label(p.role)),
                Column(tr("Laptop"), self._peer_state),
                Column(
                    tr("Laatst ontvangen"),
                    lambda p: stamp_text(p.last_import_at),
                    lambda p: p.last_import_at.isoformat() if p.last_import_at else "",
                ),
            ],
            self,
        )
        self.peers_view = table_view(self.peers, "exchangePeers")
        self.history = RecordsModel(
            [
                Column(tr("Wanneer"), lambda h: stamp_text(h.at), lambda h: h.at.isoformat()),
                Column(tr("Wat"), lambda h: tr(DIRECTIONS.get(h.direction, h.direction))),
                Column(tr("Met"), lambda h: h.peer),
                Column(tr("Rijen"), lambda h: h.rows),
                Column(tr("Conflicten"), lambda h: h.conflicts),
                Column(tr("Melding"), lambda h: h.message),
            ],
            self,
        )
        self.history_view = table_view(self.history, "exchangeHistory", stretch=5)
        self.history_view.sortByColumn(0, self.history_view.horizontalHeader().sortIndicatorOrder())

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(tr("Laptops van het team")))
        left_layout.addWidget(self.peers_view)
        left_layout.addWidget(heading(tr("Geschiedenis")))
        left_layout.addWidget(self.history_view)

        self.conflicts_box = QWidget()
        self.conflicts_box.setVisible(self.is_leader)
        self.conflicts = RecordsModel(
            [
                Column(tr("Gegeven"), self._conflict_subject),
                Column(tr("Waarden"), lambda c: len(c.values)),
                Column(
                    tr("Gevonden"), lambda c: stamp_text(c.detected_at), lambda c: c.detected_at
                ),
            ],
            self,
        )
        self.conflicts_view = table_view(self.conflicts, "exchangeConflicts")
        self.values = RecordsModel(
            [
                Column(tr("Waarde"), lambda v: "" if v[1].value is None else str(v[1].value)),
                Column(tr("Door"), lambda v: v[1].by_login),
                Column(tr("Op"), lambda v: stamp_text(v[1].at), lambda v: v[1].at),
            ],
            self,
        )
        self.values_view = table_view(self.values, "exchangeConflictValues")
        self.conflicts_box.setMinimumWidth(420)
        self.keep_button = QPushButton(tr("Deze waarde &houden"))
        self.keep_button.setEnabled(False)
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        conflicts_layout.addWidget(heading(tr("Conflicten")))
        conflicts_layout.addWidget(
            hint(
                tr(
                    "Hetzelfde gegeven werd op twee laptops anders ingevuld voor ze "
                    "uitwisselden. Beide waarden blijven bewaard tot u er één kiest; alle "
                    "laptops krijgen die bij de volgende uitwisseling."
                )
            )
        )
        self.conflicts_empty = hint(tr("Er zijn geen open conflicten."))
        conflicts_layout.addWidget(self.conflicts_empty)
        conflicts_layout.addWidget(self.conflicts_view)
        conflicts_layout.addWidget(self.values_view)
        conflicts_layout.addWidget(self.keep_button)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.conflicts_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Uitwisselen")))
        layout.addWidget(
            hint(
                tr(
                    "Elke laptop wisselt versleutelde bestanden uit met de andere laptops van "
                    "het team: via een gedeelde map (bij ontgrendelen, bij vergrendelen en om "
                    "de vijf minuten) of met de hand, bv. op een USB-stick. Een coach krijgt "
                    "alleen de eigen trajecten en de wachtlijst zonder namen."
                )
            )
        )
        layout.addLayout(summary)
        layout.addWidget(self.warning)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

        self.sync_button.clicked.connect(self.sync_now)
        self.export_button.clicked.connect(self.export_by_hand)
        self.import_button.clicked.connect(self.import_by_hand)
        self.folder_button.clicked.connect(self.choose_folder)
        self.invite_button.clicked.connect(self.make_invitation)
        self.keep_button.clicked.connect(self.keep_selected)
        self.conflicts_view.selectionModel().selectionChanged.connect(self._show_values)
        self.values_view.selectionModel().selectionChanged.connect(self._values_selected)
        load_on_first_show(self, self.refresh)

    # --- showing ---------------------------------------------------------------------------
    def _peer_state(self, peer: exchange.PeerInfo) -> str:
        if peer.revoked:
            return tr("Verwijderd uit het team")
        return tr("Aangesloten") if peer.joined else tr("Uitgenodigd, nog niet aangesloten")

    def _conflict_subject(self, c: exchange.ConflictInfo) -> str:
        return f"{tr(TABLES.get(c.table, c.table))}: {tr(FIELDS.get(c.field, c.field))}"

    def refresh(self) -> None:
        vault = self.ctx.vault
        leader = self.is_leader

        def job() -> tuple[Any, Any, Any]:
            me = vault.identity
            status = exchange.status(vault, me)
            conflicts = exchange.conflicts(vault, me) if leader and status.in_team else []
            return status, exchange.history(vault, me), conflicts

        self.ctx.worker.submit(job, self._show, self._failed)

    def _show(self, result: tuple[Any, Any, Any]) -> None:
        status, history, conflicts = result
        self.status = status
        in_team = status.in_team
        self.team_label.setText(
            status.team_name if in_team else tr("Deze kluis hoort nog niet bij een team.")
        )
        last = last_exchange(status)
        self.last_label.setText(stamp_text(last) if last else tr("nog nooit"))
        self.pending_label.setText(str(status.pending))
        self.conflict_label.setText(str(status.open_conflicts))
        self.folder_label.setText(status.folder or tr("geen (alleen met de hand)"))
        warnings = [
            tr(
                "De kluis zelf staat in een gesynchroniseerde of netwerkmap (%1). Zet ze liefst "
                "in een lokale map; alleen de uitwisselbestanden horen in de gedeelde map."
            ).replace("%1", str(self.ctx.data_dir))
            for _ in location_warnings(self.ctx.data_dir)
        ][:1]
        if not in_team:
            warnings.append(
                tr(
                    "Maak als teamverantwoordelijke een uitnodiging voor een coach; het team "
                    "wordt dan ingesteld."
                )
                if self.is_leader
                else tr("Vraag de teamverantwoordelijke om een uitnodiging.")
            )
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        for button in (
            self.sync_button,
            self.export_button,
            self.import_button,
            self.folder_button,
        ):
            button.setEnabled(in_team)
        self.sync_button.setEnabled(in_team and bool(status.folder))
        self.peers.set_records(status.peers)
        self.history.set_records(history)
        self.conflicts.set_records(conflicts)
        self.conflicts_empty.setVisible(not conflicts)
        self.values.set_records([])
        self.keep_button.setEnabled(False)
        self.status_text.emit(status_line(status))

    def _show_values(self, *_: object) -> None:
        conflict = selected_record(self.conflicts_view)
        self.values.set_records(list(enumerate(conflict.values)) if conflict else [])
        self.keep_button.setEnabled(False)

    def _values_selected(self, *_: object) -> None:
        self.keep_button.setEnabled(selected_record(self.values_view) is not None)

    # --- acting ----------------------------------------------------------------------------
    def _run(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.ctx.worker.submit(job, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.ctx.prompts.error(self, tr("Uitwisselen"), exc.message(self.ctx.lang))
            self.refresh()
            return
        raise exc

    def sync_now(self) -> None:
        vault = self.ctx.vault
        self._run(lambda: exchange.sync_folder(vault, vault.identity), self.show_sync_result)

    def show_sync_result(self, result: exchange.SyncResult) -> None:
        self.refresh()
        if any(r.rows for r in result.imported):
            self.imported.emit()
        if result.refused:
            self.ctx.prompts.error(
                self,
                tr("Niet alles ingelezen"),
                "\n".join(f"{name}: {message}" for name, message in result.refused),
            )

    def export_by_hand(self) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        login = self.ctx.vault.identity.login if self.ctx.vault.identity else "amo"
        vault = self.ctx.vault
        self._make_file(
            tr("Uitwisselbestand opslaan"),
            Path.home() / f"AMO-{login}-{stamp}.amox",
            tr(BUNDLE_FILTER),
            lambda: exchange.export_bundle(vault, vault.identity),
            self._exported,
        )

    def _make_file(
        self,
        title: str,
        suggested: Path,
        file_filter: str,
        make: Callable[[], Any],
        done: Callable[[Path, Any], None],
    ) -> None:
        """Ask where, then on the worker make the bundle or invitation and write its `data`."""
        path = self.ctx.prompts.save_file(self, title, suggested, file_filter)
        if path is None:
            return

        protect = self.ctx.vault.data_dir

        def job() -> Any:
            check_output(path, protect)  # before an invitation is recorded
            made = make()
            save_output(path, made.data, protect)
            return made

        self._run(job, lambda made: done(path, made))

    def _exported(self, path: Path, result: exchange.ExportResult) -> None:
        self.refresh()
        self.ctx.prompts.info(
            self,
            tr("Uitwisselbestand geschreven"),
            tr(
                "Het bestand staat in %1. Geef het aan de andere laptops (het is versleuteld)."
            ).replace("%1", str(path)),
        )

    def import_by_hand(self) -> None:
        path = open_file(self.ctx, self, tr("Uitwisselbestand kiezen"), tr(BUNDLE_FILTER))
        if path is None:
            return
        vault = self.ctx.vault

        def job() -> exchange.ImportResult:
            return exchange.import_bundle(vault, vault.identity, path.read_bytes())

        self._run(job, self._imported)

    def _imported(self, result: exchange.ImportResult) -> None:
        self.refresh()
        if result.rows:
            self.imported.emit()
        text = tr("Ingelezen van %1: %2 gewijzigde rijen, %3 nieuwe conflicten.")
        self.ctx.prompts.info(
            self,
            tr("Ingelezen"),
            text.replace("%1", result.sender)
            .replace("%2", str(result.rows))
            .replace("%3", str(result.conflicts)),
        )

    def choose_folder(self) -> None:
        ask = getattr(self.ctx.prompts, "choose_folder", None)
        if ask is not None:
            folder = ask(self, tr("Gedeelde map kiezen"))
        else:
            folder = QFileDialog.getExistingDirectory(self, tr("Gedeelde map kiezen"))
        if not folder:
            return
        vault = self.ctx.vault
        self._run(
            lambda: exchange.set_folder(vault, vault.identity, str(folder)),
            lambda _r: self.refresh(),
        )

    def make_invitation(self) -> None:
        vault = self.ctx.vault
        self._run(lambda: accounts.list_users(vault, vault.identity), self._ask_invitee)

    def _ask_invitee(self, users: list[accounts.UserInfo]) -> None:
        me = self.ctx.vault.identity
        logins = [u.login for u in users if u.active and me is not None and u.id != me.user_id]
        if not logins:
            self.ctx.prompts.error(
                self,
                tr("Uitnodiging"),
                tr("Voeg eerst de coach toe bij Beheer > Gebruikers."),
            )
            return
        login = self.ctx.prompts.choose(
            self, tr("Uitnodiging"), tr("Voor wie is de uitnodiging?"), logins
        )
        if not login:
            return
        vault = self.ctx.vault
        self._make_file(
            tr("Uitnodiging opslaan"),
            Path.home() / f"AMO-uitnodiging-{login}.amoi",
            tr(INVITE_FILTER),
            lambda: exchange.invite(vault, vault.identity, login),
            lambda path, inv: self._invited(login, path, inv),
        )

    def _invited(self, login: str, path: Path, invitation: exchange.Invitation) -> None:
        self.last_code = invitation.code
        self.refresh()
        self.ctx.prompts.info(
            self,
            tr("Uitnodiging gemaakt"),
            tr(
                "De uitnodiging voor %1 staat in %2.\n\nEenmalige code: %3\n\nGeef de code "
                "apart van het bestand door (bv. mondeling). De coach kiest bij de eerste start "
                "van AMO Desktop 'Aansluiten bij een team'. Geldig tot %4."
            )
            .replace("%1", login)
            .replace("%2", str(path))
            .replace("%3", invitation.code)
            .replace("%4", invitation.expires.astimezone().strftime("%d/%m/%Y")),
        )

    def keep_selected(self) -> None:
        conflict = selected_record(self.conflicts_view)
        chosen = selected_record(self.values_view)
        if conflict is None or chosen is None:
            return
        vault = self.ctx.vault
        self._run(
            lambda: exchange.resolve_conflict(vault, vault.identity, conflict.id, chosen[0]),
            lambda _r: (self.refresh(), self.imported.emit()),
        )
