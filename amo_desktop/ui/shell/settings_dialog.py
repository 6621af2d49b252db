"""Instellingen: the user's auto-lock time, the language and this vault's shared folder."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.services import exchange
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors, ok_cancel
from amo_desktop.ui.kit.settings import AUTOLOCK_RANGE, UserSettings
from amo_desktop.ui.kit.widgets import hint

LANGUAGE_NAMES = (("nl", "Nederlands"), ("en", "English"))  # each in its own language


class SettingsDialog(QDialog):
    """OK stores the shared folder in the vault (when it changed), then the auto-lock time for
    this user (`autolock_changed`, applied at once) and the language (`language_changed`)."""

    autolock_changed = Signal(int)
    language_changed = Signal(str)
    folder_changed = Signal()

    def __init__(self, ctx: AppContext, settings: UserSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.setWindowTitle(self.tr("Instellingen"))
        self.form = QFormLayout()
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        self.minutes = QSpinBox()
        self.minutes.setRange(*AUTOLOCK_RANGE)
        self.minutes.setSuffix(self.tr(" minuten"))
        self.minutes.setValue(settings.autolock_minutes())
        self.errors.add_row(self.form, self.tr("&Vergrendelen na:"), "autolock", self.minutes)
        self.form.addRow("", hint(self.tr("Zonder toetsenbord of muis; geldt enkel voor u.")))
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(ctx.settings.language(ctx.lang)))
        self.errors.add_row(self.form, self.tr("&Taal:"), "language", self.language)
        self.form.addRow(
            "",
            hint(self.tr("Vanaf de volgende start, voor iedereen op deze computer.")),
        )
        self._build_folder()
        self.buttons, self.ok_button = ok_cancel(
            self, self.tr("&Opslaan"), self.tr("Annuleren"), self.save
        )
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.general)
        box.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.saved_folder = ""
        self.status: exchange.ExchangeStatus | None = None  # until the vault answered
        self.ctx.call_vault(exchange.status, on_success=self._status_loaded)

    def _build_folder(self) -> None:
        self.folder = QLineEdit()
        self.folder.setObjectName("exchangeFolder")
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText(self.tr("geen (alleen met de hand)"))
        self.choose_button = QPushButton(self.tr("&Kiezen…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.clear_button = QPushButton(self.tr("&Geen map"))
        self.clear_button.clicked.connect(self.folder.clear)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.folder, 1), (self.choose_button, 0), (self.clear_button, 0)):
            line.addWidget(widget, stretch)
        self.errors.add_row(self.form, self.tr("Gedeelde &map:"), "folder", row)
        caption = self.form.labelForField(row)
        if isinstance(caption, QLabel):
            caption.setBuddy(self.folder)  # its letter goes to the folder field itself
        self.folder.setAccessibleName(row.accessibleName())
        self.folder_hint = hint(
            self.tr(
                "Daar schrijft en leest AMO Desktop de uitwisselbestanden van het team; "
                "geldt voor deze kluis."
            )
        )
        self.form.addRow("", self.folder_hint)
        for widget in (self.choose_button, self.clear_button):
            widget.setEnabled(False)  # until the status says this laptop is in a team

    def _status_loaded(self, status: exchange.ExchangeStatus) -> None:
        self.status = status
        self.saved_folder = status.folder
        self.folder.setText(status.folder)
        for widget in (self.choose_button, self.clear_button):
            widget.setEnabled(status.in_team)
        if not status.in_team:
            self.folder_hint.setText(
                self.tr("Eerst aansluiten bij een team op de pagina Uitwisselen.")
            )

    def choose_folder(self) -> None:
        title = self.tr("Gedeelde map kiezen")
        ask = getattr(self.ctx.prompts, "choose_folder", None)
        folder = (
            ask(self, title)
            if ask is not None
            else QFileDialog.getExistingDirectory(self, title, self.folder.text())
        )
        if folder:
            self.folder.setText(str(folder))

    def save(self) -> None:
        self.errors.clear()
        if self.folder.text() == self.saved_folder:
            self._apply()
            return
        self.ok_button.setEnabled(False)
        self.ctx.call_vault(
            exchange.set_folder,
            self.folder.text(),
            on_success=self._folder_saved,
            on_failure=self._failed,
        )

    def _folder_saved(self, _none: object) -> None:
        self.folder_changed.emit()
        self._apply()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)

    def _apply(self) -> None:
        minutes = self.minutes.value()
        if minutes != self.settings.own_autolock_minutes():
            self.settings.set_autolock_minutes(minutes)
            self.autolock_changed.emit(minutes)
        language = str(self.language.currentData())
        self.ctx.status(self.tr("Instellingen opgeslagen."))
        self.accept()
        if language != self.ctx.settings.language(self.ctx.lang):
            self.language_changed.emit(language)
