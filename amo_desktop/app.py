"""The composition root (STYLE.md example 12): one linear start-up, services built once.

Order: Qt application, translations, crash hook, settings, vault and DB worker, then the
session (first-run wizard or unlock dialog, then the main window), and a clean shutdown.

Test hook: with AMO_EXIT_AFTER_MS=N in the environment the app quits by itself N ms after its
first screen is shown, through the same path as Bestand > Afsluiten (window closed, vault
locked, exit code 0), and AMO_DEMO_SCALE=tiny makes `--demo` fill a small demo vault (seconds
instead of half a minute). tests/e2e/test_gui_subprocess.py uses both; they have no other effect.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from amo_desktop import APP_NAME, __version__
from amo_desktop.config import log_dir
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.prompts import Prompts
from amo_desktop.ui.kit.settings import AppSettings
from amo_desktop.ui.kit.worker import DbWorker
from amo_desktop.ui.shell.crash import install_crash_hook, show_crash_dialog
from amo_desktop.ui.shell.session import SessionController
from amo_desktop.ui.shell.translations import translations_dir

log = logging.getLogger(__name__)

DEMO_PASSWORD = "demo-wachtwoord"
EXIT_AFTER_ENV = "AMO_EXIT_AFTER_MS"
DEMO_SCALE_ENV = "AMO_DEMO_SCALE"
ORGANISATION_NAME = "Groep INTRO"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Qt's own dialogs (qtbase_<lang>) and our strings (amo_desktop_<lang>.qm, if built)."""
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{lang}", qt_dir), (f"amo_desktop_{lang}", str(translations_dir()))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def run_app(data_dir: Path, lang: str | None, demo: bool) -> int:
    """lang None: the language from the settings, Dutch by default."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)  # between lock and unlock no window is visible

    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    settings = AppSettings.in_folder(data_dir)
    if lang is None:
        lang = settings.language("nl")
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English,
            QLocale.Country.Belgium,
        )
    )
    translators = install_translators(app, lang)

    previous_hook = install_crash_hook(log_dir(data_dir), show_crash_dialog)

    vault = Vault(data_dir)  # the shipped Argon2id cost; no setting lowers it (issue 12)
    demo_login = None
    if demo:
        from amo_desktop.demo import DEMO_LEADER, create_demo_vault  # only for --demo

        demo_login = DEMO_LEADER
        if not vault.exists():
            scale = os.environ.get(DEMO_SCALE_ENV, "typical")  # 'tiny' keeps tests fast
            # Today as the demo's reference day, so this week and the waiting list are not empty.
            create_demo_vault(data_dir, DEMO_PASSWORD, scale=scale, today=date.today())
    worker = DbWorker()
    ctx = AppContext(
        vault=vault,
        worker=worker,
        settings=settings,
        prompts=Prompts(),
        lang=lang,
        demo_login=demo_login,
        demo_password=DEMO_PASSWORD if demo else None,
    )
    session = SessionController(ctx, app)
    session.finished.connect(app.exit)
    session.start()
    first = "wizard" if session.wizard else "unlock" if session.unlock_dialog else "main window"
    log.info("GUI started: %s shown", first)
    exit_after = os.environ.get(EXIT_AFTER_ENV, "")
    if exit_after.isdigit():
        QTimer.singleShot(int(exit_after), session.quit)

    code = app.exec()

    session.screen_lock.close()
    worker.stop()
    vault.lock()
    log.info("GUI ended with exit code %d", code)
    sys.excepthook = previous_hook
    del translators
    return code
