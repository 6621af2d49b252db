"""The crash dialog: says what happened and where the (data-free) report is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox


def show_crash_dialog(report: Path | None) -> None:
    if QApplication.instance() is None:
        return
    text = QCoreApplication.translate(
        "Crash",
        "Er ging iets mis in AMO Desktop. Wat u al bewaarde, blijft in de kluis.",
    )
    if report is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Crash",
            "Een verslag zonder persoonsgegevens staat in:\n%1\nStuur het naar wie AMO Desktop "
            "onderhoudt.",
        ).replace("%1", str(report))
    QMessageBox.critical(None, QCoreApplication.translate("Crash", "Onverwachte fout"), text)
