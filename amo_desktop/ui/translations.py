"""Which translation files the program can load; used at start-up and by the selftest."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator

from amo_desktop.config import resources_dir


def check_translations() -> tuple[list[str], list[str]]:
    """(loaded, missing): Qt's qtbase_nl and every amo_desktop_*.qm beside its .ts source."""
    loaded: list[str] = []
    missing: list[str] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    (loaded if QTranslator().load("qtbase_nl", qt_dir) else missing).append("qtbase_nl")
    folder = resources_dir() / "translations"
    for source in sorted(folder.glob("amo_desktop_*.ts")):
        translator = QTranslator()
        ok = translator.load(source.stem, str(folder))
        (loaded if ok else missing).append(source.stem)
    return loaded, missing
