"""Beheer > Reservekopieën: when the last one was made, make one now, the automatic ones in the
vault's backup folder, and restoring one (a strong confirmation, then the user's password).

A restore replaces the whole vault: afterwards the app locks (`lock_requested`), so every page
is rebuilt from the restored data after the next unlock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.errors import KnownError, WrongPasswordError
from amo_desktop.services.files import BACKUP_SUFFIX
from amo_desktop.services.restore import restore_backup
from amo_desktop.ui.kit.context import DATETIME_FORMAT, AppContext, format_datetime
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FieldErrors, password_edit
from amo_desktop.ui.kit.tables import Column, RecordsModel, selected_record, table_view
from amo_desktop.ui.kit.widgets import heading, hint, open_file


@dataclass(frozen=True)
class BackupFile:
    path: Path
    modified: datetime
    size: int


def list_backups(folder: Path) -> list[BackupFile]:
    """The automatic backups (names only, sizes, dates: nothing from inside them)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{BACKUP_SUFFIX}"):
        try:
            stat = path.stat()
        except OSError:
            continue
        found.append(BackupFile(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: b.modified, reverse=True)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


class RestoreDialog(QDialog):
    """Asks the password of the signed-in user for the backup; emits `submitted(password)`."""

    submitted = Signal(str)

    def __init__(self, ctx: AppContext, backup: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(QCoreApplication.translate("Admin", "Reservekopie terugzetten"))
        identity = ctx.vault.identity
        self.login = identity.login if identity else ""
        text = QLabel(
            QCoreApplication.translate(
                "Admin",
                "Terugzetten van:\n%1\n\nGeef uw wachtwoord. De kluis zoals ze nu is, "
                "wordt eerst als automatische reservekopie bewaard. Daarna vergrendelt AMO "
                "Desktop en opent u de teruggezette kluis opnieuw.",
            ).replace("%1", backup.name)
        )
        text.setWordWrap(True)
        self.password = password_edit()
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Admin", "Gebruiker:"), QLabel(self.login))
        self.errors.add_row(
            form, QCoreApplication.translate("Admin", "&Wachtwoord:"), "password", self.password
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(QCoreApplication.translate("Admin", "&Terugzetten"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Admin", "Annuleren")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)

    def _submit(self) -> None:
        self.errors.clear()
        if not self.password.text():
            self.errors.show(
                "password", QCoreApplication.translate("Admin", "Vul uw wachtwoord in.")
            )
            return
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.password.text())

    def failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.password.clear()
        if isinstance(exc, WrongPasswordError):
            self.errors.show(
                "password",
                QCoreApplication.translate(
                    "Admin", "Dit wachtwoord is niet juist. Probeer opnieuw."
                ),
            )
        elif not self.errors.show_error(exc, self.ctx.lang):
            raise exc


class BackupTab(QWidget):
    lock_requested = Signal()
    backup_made = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_label = QLabel()
        self.last_label.setObjectName("lastBackup")
        self.backup_button = QPushButton(
            QCoreApplication.translate("Admin", "&Nu een reservekopie maken")
        )
        self.model = RecordsModel(
            [
                Column(
                    QCoreApplication.translate("Admin", "Gemaakt op"),
                    lambda b: f"{b.modified:{DATETIME_FORMAT}}",
                    lambda b: b.modified,
                ),
                Column(QCoreApplication.translate("Admin", "Bestand"), lambda b: b.path.name),
                Column(
                    QCoreApplication.translate("Admin", "Grootte"),
                    lambda b: size_text(b.size),
                    lambda b: b.size,
                ),
            ],
            self,
        )
        self.table = table_view(self.model, "backupsTable", stretch=1)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.empty = hint(
            QCoreApplication.translate(
                "Admin", "Nog geen automatische reservekopieën in de map van de kluis."
            )
        )
        self.restore_button = QPushButton(QCoreApplication.translate("Admin", "&Terugzetten…"))
        self.restore_button.setEnabled(False)
        self.restore_other_button = QPushButton(
            QCoreApplication.translate("Admin", "&Ander bestand terugzetten…")
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        folder = QLabel(
            QCoreApplication.translate("Admin", "Map: %1").replace("%1", str(ctx.vault.backup_dir))
        )
        folder.setWordWrap(True)
        folder.setStyleSheet("color: palette(dark);")
        row = QHBoxLayout()
        row.addWidget(self.last_label)
        row.addStretch()
        row.addWidget(self.backup_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.restore_other_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("Admin", "Reservekopieën")))
        layout.addWidget(
            hint(
                QCoreApplication.translate(
                    "Admin",
                    "Een reservekopie is versleuteld zoals de kluis zelf. AMO Desktop maakt er "
                    "elke dag automatisch één en houdt de laatste tien bij. Bewaar af en toe een "
                    "kopie op een andere plaats (menu Bestand > Reservekopie maken…).",
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(
            heading(QCoreApplication.translate("Admin", "Automatische reservekopieën"))
        )
        layout.addWidget(folder)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_other_button.clicked.connect(self.restore_other)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(selected_record(self.table) is not None)
        )
        self.dialog: RestoreDialog | None = None
        load_on_first_show(self, self.refresh)

    def refresh(self) -> None:
        last = format_datetime(self.ctx.vault.sidecar.last_backup_at)
        self.last_label.setText(
            QCoreApplication.translate("Admin", "Laatste reservekopie: %1").replace(
                "%1", last or QCoreApplication.translate("Admin", "nog geen")
            )
        )
        backups = list_backups(self.ctx.vault.backup_dir)
        self.model.set_records(backups)
        self.empty.setVisible(not backups)
        self.restore_button.setEnabled(False)

    # --- backup ---------------------------------------------------------------------------
    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.status.setText(
            QCoreApplication.translate("Admin", "Reservekopie wordt gemaakt en gecontroleerd…")
        )
        vault = self.ctx.vault
        self.ctx.worker.submit(lambda: vault.backup(), self._backed_up, self._backup_failed)

    def _backed_up(self, info: Any) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText(
            QCoreApplication.translate(
                "Admin", "Reservekopie gemaakt en gecontroleerd: %1"
            ).replace("%1", Path(info.path).name)
        )
        self.refresh()
        self.backup_made.emit()

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText("")
        if not isinstance(exc, KnownError):
            raise exc
        self.ctx.prompts.error(
            self,
            QCoreApplication.translate("Admin", "Geen reservekopie"),
            exc.message(self.ctx.lang),
        )

    # --- restore --------------------------------------------------------------------------
    def restore_selected(self) -> RestoreDialog | None:
        chosen = selected_record(self.table)
        return self.restore(chosen.path) if chosen is not None else None

    def restore_other(self) -> RestoreDialog | None:
        path = open_file(
            self.ctx,
            self,
            QCoreApplication.translate("Admin", "Reservekopie kiezen"),
            QCoreApplication.translate("Admin", "AMO-reservekopie (*%1)").replace(
                "%1", BACKUP_SUFFIX
            ),
        )
        return self.restore(path) if path is not None else None

    def restore(self, path: Path) -> RestoreDialog | None:
        confirmed = self.ctx.prompts.confirm(
            self,
            QCoreApplication.translate("Admin", "Reservekopie terugzetten"),
            QCoreApplication.translate(
                "Admin",
                "De hele kluis vervangen door de reservekopie van %1?\n\nAlles wat na die "
                "reservekopie werd ingevoerd of gewijzigd, door u of door de coaches op deze "
                "computer, is daarna niet meer in de kluis. De huidige toestand wordt eerst als "
                "automatische reservekopie bewaard; die kunt u nadien terugzetten.",
            ).replace("%1", path.name),
            QCoreApplication.translate("Admin", "&Vervangen door de reservekopie"),
        )
        if not confirmed:
            return None
        dialog = RestoreDialog(self.ctx, path, self)
        dialog.submitted.connect(lambda password: self._restore(path, password))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _restore(self, path: Path, password: str) -> None:
        vault = self.ctx.vault
        login = self.dialog.login if self.dialog else ""
        self.status.setText(
            QCoreApplication.translate("Admin", "De reservekopie wordt teruggezet…")
        )
        self.ctx.worker.submit(
            lambda: restore_backup(vault, path, login, password),
            self._restored,
            self._restore_failed,
        )

    def _restored(self, _identity: Any) -> None:
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog = None
        self.ctx.prompts.info(
            self,
            QCoreApplication.translate("Admin", "Teruggezet"),
            QCoreApplication.translate(
                "Admin",
                "De reservekopie is teruggezet. AMO Desktop vergrendelt nu; open de kluis "
                "opnieuw met uw wachtwoord.",
            ),
        )
        self.lock_requested.emit()

    def _restore_failed(self, exc: BaseException) -> None:
        self.status.setText("")
        if not self.ctx.vault.is_unlocked:
            # Vault.restore locks before it checks the password: start again from unlocking.
            if self.dialog is not None:
                self.dialog.reject()
                self.dialog = None
            if isinstance(exc, KnownError):
                self.ctx.prompts.error(
                    self,
                    QCoreApplication.translate("Admin", "Niet teruggezet"),
                    exc.message(self.ctx.lang),
                )
            self.lock_requested.emit()
            if not isinstance(exc, KnownError):
                raise exc
            return
        if self.dialog is not None:
            self.dialog.failed(exc)
        elif not isinstance(exc, KnownError):
            raise exc
