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
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from amo_desktop.errors import WrongPasswordError
from amo_desktop.services.files import BACKUP_SUFFIX
from amo_desktop.services.restore import restore_backup
from amo_desktop.ui.kit.context import DATETIME_FORMAT, AppContext, format_datetime
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FormDialog, password_edit
from amo_desktop.ui.kit.tables import Column, RecordModel, selected_record, table_view
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import column, heading, hint, open_file
from amo_desktop.ui.screens.beheer.parts import left_row, stack


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


class RestoreDialog(FormDialog):
    """Asks the password of the signed-in user for the backup: `submitted({"password": …})`."""

    def __init__(self, ctx: AppContext, backup: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("Admin", "Reservekopie terugzetten"),
            QCoreApplication.translate("Admin", "&Terugzetten"),
            parent,
        )
        identity = ctx.vault.identity
        self.login = identity.login if identity else ""
        text = QLabel(
            fill(
                QCoreApplication.translate(
                    "Admin",
                    "Terugzetten van:\n%1\n\nGeef uw wachtwoord. De kluis zoals ze nu is, "
                    "wordt eerst als automatische reservekopie bewaard. Daarna vergrendelt AMO "
                    "Desktop en opent u de teruggezette kluis opnieuw.",
                ),
                backup.name,
            )
        )
        text.setWordWrap(True)
        self.box.insertWidget(0, text)
        self.form.addRow(QCoreApplication.translate("Admin", "Gebruiker:"), QLabel(self.login))
        self.password = password_edit()
        self.add("password", QCoreApplication.translate("Admin", "&Wachtwoord:"), self.password)
        self.setMinimumWidth(480)

    def _submit(self) -> None:
        self.errors.clear()
        if not self.password.text():
            self.errors.show(
                "password", QCoreApplication.translate("Admin", "Vul uw wachtwoord in.")
            )
            return
        super()._submit()

    def failed(self, exc: BaseException) -> None:
        self.password.clear()
        if isinstance(exc, WrongPasswordError):
            self.ok_button.setEnabled(True)
            self.errors.show(
                "password",
                QCoreApplication.translate(
                    "Admin", "Dit wachtwoord is niet juist. Probeer opnieuw."
                ),
            )
        else:
            super().failed(exc)


class BackupsModel(RecordModel):
    CONTEXT = "Admin"
    COLUMNS = (
        Column("Gemaakt op", lambda b: f"{b.modified:{DATETIME_FORMAT}}", lambda b: b.modified),
        Column("Bestand", lambda b: b.path.name),
        Column("Grootte", lambda b: size_text(b.size), lambda b: b.size),
    )


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
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.last_label)
        row.addStretch()
        row.addWidget(self.backup_button)
        explanation = QCoreApplication.translate(
            "Admin",
            "Een reservekopie is versleuteld zoals de kluis zelf. AMO Desktop maakt er "
            "elke dag automatisch één en houdt de laatste tien bij. Bewaar af en toe een "
            "kopie op een andere plaats (menu Bestand > Reservekopie maken…).",
        )
        column(
            self,
            heading(QCoreApplication.translate("Admin", "Reservekopieën")),
            hint(explanation),
            row,
            self.status,
            self._build_automatic(),
        )
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_other_button.clicked.connect(self.restore_other)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(self.selected() is not None)
        )
        self.dialog: RestoreDialog | None = None
        load_on_first_show(self, self.refresh)

    def _build_automatic(self) -> QWidget:
        """The automatic backups in the vault's folder, and the buttons that restore one."""
        self.model = BackupsModel(self, key=lambda b: b.path)
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
        folder = hint(
            fill(QCoreApplication.translate("Admin", "Map: %1"), self.ctx.vault.backup_dir)
        )
        return stack(
            QCoreApplication.translate("Admin", "Automatische reservekopieën"),
            folder,
            self.empty,
            self.table,
            left_row(self.restore_button, self.restore_other_button),
        )

    def selected(self) -> BackupFile | None:
        chosen: BackupFile | None = selected_record(self.table)
        return chosen

    def refresh(self) -> None:
        last = format_datetime(self.ctx.vault.sidecar.last_backup_at)
        self.last_label.setText(
            fill(
                QCoreApplication.translate("Admin", "Laatste reservekopie: %1"),
                last or QCoreApplication.translate("Admin", "nog geen"),
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
        self.ctx.run(self.ctx.vault.backup, self._backed_up, self._backup_failed)

    def _backed_up(self, info: Any) -> None:  # storage's BackupInfo
        self.backup_button.setEnabled(True)
        self.status.setText(
            fill(
                QCoreApplication.translate("Admin", "Reservekopie gemaakt en gecontroleerd: %1"),
                Path(info.path).name,
            )
        )
        self.ctx.status(self.status.text())
        self.refresh()
        self.backup_made.emit()

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText("")
        self.ctx.fail(exc)

    # --- restore --------------------------------------------------------------------------
    def restore_selected(self) -> RestoreDialog | None:
        chosen = self.selected()
        return self.restore(chosen.path) if chosen is not None else None

    def restore_other(self) -> RestoreDialog | None:
        path = open_file(
            self.ctx,
            self,
            QCoreApplication.translate("Admin", "Reservekopie kiezen"),
            fill(QCoreApplication.translate("Admin", "AMO-reservekopie (*%1)"), BACKUP_SUFFIX),
        )
        return self.restore(path) if path is not None else None

    def restore(self, path: Path) -> RestoreDialog | None:
        confirmed = self.ctx.prompts.confirm(
            self,
            QCoreApplication.translate("Admin", "Reservekopie terugzetten"),
            fill(
                QCoreApplication.translate(
                    "Admin",
                    "De hele kluis vervangen door de reservekopie van %1?\n\nAlles wat na die "
                    "reservekopie werd ingevoerd of gewijzigd, door u of door de coaches op deze "
                    "computer, is daarna niet meer in de kluis. De huidige toestand wordt eerst "
                    "als automatische reservekopie bewaard; die kunt u nadien terugzetten.",
                ),
                path.name,
            ),
            QCoreApplication.translate("Admin", "&Vervangen door de reservekopie"),
        )
        if not confirmed:
            return None
        dialog = RestoreDialog(self.ctx, path, self)
        dialog.submitted.connect(lambda values: self._restore(path, values["password"]))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _restore(self, path: Path, password: str) -> None:
        vault = self.ctx.vault
        login = self.dialog.login if self.dialog else ""
        self.status.setText(
            QCoreApplication.translate("Admin", "De reservekopie wordt teruggezet…")
        )
        self.ctx.run(
            lambda: restore_backup(vault, path, login, password),
            self._restored,
            self._restore_failed,
        )

    def _restored(self, _identity: object) -> None:
        if self.dialog is not None:
            self.dialog.succeeded()
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
        if self.ctx.vault.is_unlocked:
            if self.dialog is not None:
                self.dialog.failed(exc)
            else:
                self.ctx.fail(exc)
            return
        # Vault.restore locks before it checks the password: start again from unlocking.
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.ctx.fail(exc)
        self.lock_requested.emit()
