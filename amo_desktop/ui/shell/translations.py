"""Which translation files the program can load; used at start-up and by the selftest."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator

from amo_desktop.config import resources_dir


def translations_dir() -> Path:
    """Our .ts sources and built .qm files (inside the bundle when frozen)."""
    return resources_dir() / "translations"


def check_translations() -> tuple[list[str], list[str]]:
    """(loaded, missing): Qt's qtbase_nl and our amo_desktop_<lang>.qm files."""
    loaded: list[str] = []
    missing: list[str] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    (loaded if QTranslator().load("qtbase_nl", qt_dir) else missing).append("qtbase_nl")
    folder = translations_dir()
    # Sources (.ts) in a source tree, built files (.qm) in a bundle: each needs a loadable .qm.
    names = {p.stem for p in folder.glob("amo_desktop_*.ts")} | {
        p.stem for p in folder.glob("amo_desktop_*.qm")
    }
    for name in sorted(names):
        (loaded if QTranslator().load(name, str(folder)) else missing).append(name)
    if not names:
        missing.append("amo_desktop_*.qm")
    return loaded, missing
