"""A bug nobody caught: a crash report without personal data is written and the user is told
where it is (SECURITY.md R11)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from amo_desktop.crash_report import format_report, write_crash_report
from amo_desktop.ui.kit.text import fill

ShowCrash = Callable[[Path | None], None]


def install_crash_hook(folder: Path, show: ShowCrash) -> Callable[..., None]:
    """Replaces sys.excepthook; returns the previous hook so a caller can restore it."""
    previous = sys.excepthook

    def hook(
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        report = write_crash_report(folder, exc_type, exc)
        if sys.stderr is not None:  # the console twin; a windowed program has no stderr
            sys.stderr.write(format_report(exc_type, exc))
        with contextlib.suppress(Exception):  # the dialog itself must never crash the hook
            show(report)

    sys.excepthook = hook
    return previous


def show_crash_dialog(report: Path | None) -> None:
    """Says what happened and where the (data-free) report is."""
    if QApplication.instance() is None:
        return
    text = QCoreApplication.translate(
        "Crash",
        "Er ging iets mis in AMO Desktop. Wat u al bewaarde, blijft in de kluis.",
    )
    if report is not None:
        text += "\n\n" + fill(
            QCoreApplication.translate(
                "Crash",
                "Een verslag zonder persoonsgegevens staat in:\n%1\nStuur het naar wie AMO "
                "Desktop onderhoudt.",
            ),
            report,
        )
    QMessageBox.critical(None, QCoreApplication.translate("Crash", "Onverwachte fout"), text)
