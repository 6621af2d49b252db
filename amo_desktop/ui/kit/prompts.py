"""Modal questions in one injectable object, so tests answer them without a blocking exec()."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


class Prompts:
    """The real dialogs. Tests pass a subclass with canned answers."""

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(
            QCoreApplication.translate("Prompts", "Annuleren"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(cancel)  # Enter must not destroy anything by accident
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is yes

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
        return Path(name) if name else None

    def choose(
        self, parent: QWidget | None, title: str, label: str, items: list[str]
    ) -> str | None:
        chosen, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
        return chosen if ok and chosen else None

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.about(parent, title, text)
