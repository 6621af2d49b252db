"""Help inside the program: F1 opens the user guide at the screen in view, Help › Sneltoetsen
lists the shortcuts the windows really have, and the guide ships with the program."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from amo_desktop import config
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.shell.help import SECTIONS, HelpWindow, guide_markdown
from amo_desktop.ui.shell.main_window import MainWindow
from tests.gui.conftest import OFFSCREEN_NOISE

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "handleiding.md"


@pytest.fixture
def window(qtbot, ctx: AppContext) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_every_screen_has_its_heading_in_the_guide(qtbot) -> None:
    guide = HelpWindow(GUIDE)
    qtbot.addWidget(guide)
    guide.show()
    for key, heading in SECTIONS.items():
        assert guide.show_section(heading), key
        assert guide.browser.textCursor().block().text() == heading
    assert not guide.show_section("Geen hoofdstuk met deze naam")


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, r"^This plugin does not support raise\(\)$")
def test_f1_opens_the_guide_at_the_screen_in_view(qtbot, window: MainWindow) -> None:
    window.show_page("trajectories")
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = window.help.guide
    assert guide is not None and guide.isVisible()
    assert not guide.isModal()
    cursor = guide.browser.textCursor()
    assert cursor.block().text() == "Een verslag schrijven met een sjabloon"
    scrolled = guide.browser.verticalScrollBar().value()
    assert scrolled > 0

    window.activateWindow()
    window.show_page("overview")
    window.help.guide_action.trigger()  # Help › Handleiding: the same window, another place
    assert window.help.guide is guide
    assert guide.browser.textCursor().block().text() == "Het overzicht"
    assert guide.browser.verticalScrollBar().value() < scrolled
    assert "Handleiding" in [a.text().replace("&", "") for a in window.menuBar().actions()[-1]
                             .menu().actions()]  # fmt: skip


def test_the_shortcut_list_comes_from_the_actions(qtbot, window: MainWindow) -> None:
    window.help.shortcuts_action.trigger()
    dialog = window.help.shortcuts
    assert dialog is not None
    table = dialog.table
    rows = {tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())}
    assert ("Overal", "Vergrendelen", "Ctrl+L") in rows
    assert ("Overal", "Handleiding", "F1") in rows
    assert ("Overal", "Trajecten", "Ctrl+5") in rows
    assert ("Aanmeldingen", "Nieuwe aanmelding", "Ctrl+N") in rows
    assert any(r[0] == "Wachtlijst" and r[2] == "F5" for r in rows)
    # a button's underlined letter is not a shortcut of its own
    assert not any(r[2].startswith("Alt+") for r in rows)
    dialog.reject()


def test_a_missing_picture_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "shots").mkdir()
    (tmp_path / "shots" / "a.png").write_bytes(b"")
    guide = tmp_path / "handleiding.md"
    guide.write_text("# T\n\n![A](shots/a.png)\n![B](shots/b.png)\nTekst\n", encoding="utf-8")
    assert guide_markdown(guide) == "# T\n\n![A](shots/a.png)\nTekst\n"


def test_the_guide_is_found_in_a_checkout_and_in_the_bundle(monkeypatch, tmp_path) -> None:
    assert config.guide_path() == GUIDE and GUIDE.is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert config.guide_path() == tmp_path / "resources" / "help" / "handleiding.md"
    spec = (GUIDE.parents[1] / "packaging" / "amo_desktop.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "docs" / "handleiding.md"), "resources/help")' in spec


def test_a_missing_guide_says_so(qtbot, tmp_path: Path) -> None:
    guide = HelpWindow(tmp_path / "handleiding.md")
    qtbot.addWidget(guide)
    assert "niet gevonden" in guide.browser.toPlainText()
    assert QApplication.instance() is not None
