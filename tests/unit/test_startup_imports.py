"""The unlock window shows before the heavy parts of the program are imported (issue 18)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from amo_desktop.storage.vault import Vault

# Loaded after the unlock (the data layer, the main window and its screens) or only when a
# command, report or form needs them.
AFTER_UNLOCK = (
    "alembic",
    "sqlalchemy",
    "amo_desktop.domain.models",
    "amo_desktop.services.accounts",
    "amo_desktop.ui.shell.main_window",
    "amo_desktop.ui.screens",
    "amo_desktop.cli.vault_commands",
    "amo_desktop.cli.data",
    "amo_desktop.cli.reports",
    "amo_desktop.cli.exchange",
)
REPORTS_STACK = ("reportlab", "openpyxl", "pypdf", "pypdfium2")
# Not needed before Ontgrendelen is pressed: the key slots' crypto (imported by the unlock's job;
# the window reads only the logins from the key file) and the domain's labelled enums.
UNTIL_ONTGRENDELEN = ("cryptography", "argon2", "amo_desktop.domain.enums")

# The program's real entry (`python -m amo_desktop --data-dir DIR`), stopped at the first paint
# of its first window: prints that window's class and the listed modules that were loaded.
UNLOCK_WINDOW = """
import os, runpy, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
folder, listed = sys.argv[1], sys.argv[2:]
app = QApplication(sys.argv[:1])
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.isWindow():
            loaded = {m for m in listed for n in sys.modules if n == m or n.startswith(m + ".")}
            print(watched.metaObject().className(), *sorted(loaded), flush=True)
            os._exit(0)
        return False
watch = Watch()
app.installEventFilter(watch)
sys.argv = ["amo_desktop", "--data-dir", folder]
runpy.run_module("amo_desktop", run_name="__main__")
"""

# Imports a module as the program does and prints the listed modules that came with it.
IMPORTS = """
import importlib, sys
importlib.import_module(sys.argv[1])
listed = sys.argv[2:]
print(*sorted({m for m in listed for n in sys.modules if n == m or n.startswith(m + ".")}))
"""


def run(script: str, *args: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return done.stdout.split()


def test_the_unlock_window_shows_before_the_data_layer_the_screens_and_the_crypto(
    vault: Vault, vault_dir: Path
) -> None:
    vault.lock()
    listed = (*AFTER_UNLOCK, *REPORTS_STACK, *UNTIL_ONTGRENDELEN)
    shown, *loaded = run(UNLOCK_WINDOW, str(vault_dir), *listed)
    assert shown == "UnlockDialog"
    assert loaded == []


def test_the_main_window_and_its_screens_leave_the_reports_stack_for_a_report() -> None:
    """Every screen is imported with the main window; ReportLab, openpyxl, pypdf and pypdfium2
    load only when a report, a form or a preview is made (peak memory, issue 18)."""
    assert run(IMPORTS, "amo_desktop.ui.shell.main_window", *REPORTS_STACK) == []


def test_the_command_line_is_parsed_without_the_command_modules() -> None:
    assert run(IMPORTS, "amo_desktop.cli", *AFTER_UNLOCK, *REPORTS_STACK) == []
