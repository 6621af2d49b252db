"""English translation: complete, placeholders kept, and really applied by Qt; Qt's own Dutch."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from amo_desktop.app import install_translators, translations_dir
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.shell.main_window import MainWindow

TS_FILE = translations_dir() / "amo_desktop_en.ts"


def _messages() -> list[tuple[str, str]]:
    root = ET.parse(TS_FILE).getroot()
    return [
        (m.findtext("source") or "", m.findtext("translation") or "") for m in root.iter("message")
    ]


def test_every_string_is_translated_with_its_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 100
    for source, translation in messages:
        assert translation, f"untranslated: {source!r}"
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation))
        assert source.count("&") == translation.count("&"), source


def test_qt_own_dutch_translation_is_installed(qapp) -> None:
    installed = install_translators(qapp, "nl")
    try:
        assert installed, "qtbase_nl.qm not found"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
        assert QCoreApplication.translate("QFileDialog", "Save As") == "Opslaan als"
        assert QCoreApplication.translate("QPrintDialog", "Print") == "Afdrukken"
        assert QCoreApplication.translate("QPrintPreviewDialog", "Print Preview") == (
            "Afdrukvoorbeeld"
        )
        assert QCoreApplication.translate("QColorDialog", "Select Color") == "Kleur selecteren"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_english_ui_after_building_the_qm(qtbot, qapp, ctx: AppContext, tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(__import__("sys").executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    qm = tmp_path / "amo_desktop_en.qm"
    subprocess.run([lrelease, str(TS_FILE), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        ctx.lang = "en"
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert window.page_titles()[0] == "Overview"
        assert window.page_titles()[-1] == "Administration"
        assert window.page_titles()[-2] == "Exchange"
        exchange_page = window.page("exchange")
        assert exchange_page.sync_button.text() == "&Sync now"
        assert window.role_label.text() == "Role: Team leader"
        assert window.settings_action.text() == "&Settings…"
        assert window.open_settings().windowTitle() == "Settings"
    finally:
        qapp.removeTranslator(translator)
