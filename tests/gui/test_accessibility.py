"""Every input of every page and main dialog has a name a screen reader says, every form label
moves focus to its field, every input takes focus, no input has a fixed background colour
that a dark or high-contrast palette cannot repaint (issue 15), and no two things on a screen
share an Alt+letter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from amo_desktop.ui.kit.forms import labelled
from tests.conftest import copy_into
from tests.gui.access import access_problems, mnemonic_clashes
from tests.gui.conftest import OFFSCREEN_NOISE
from tests.gui.tour import Screen, Tour, demo_context


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, r"^This plugin does not support raise\(\)$")
def test_every_page_and_dialog_speaks_to_a_screen_reader(
    qapp, demo_folder: Path, tmp_path: Path
) -> None:
    copy_into(demo_folder, tmp_path)
    tour = Tour(demo_context(tmp_path), Screen(1366, 768))
    problems = []
    try:
        for name, top in tour.stops():
            problems += [f"{name}: {problem}" for problem in access_problems(top)]
            problems += [f"{name}: {clash}" for clash in mnemonic_clashes(top)]
    finally:
        tour.close()
    assert problems == [], "\n".join(problems)


def _form(qtbot, *rows: tuple[QLabel, QWidget]) -> QWidget:
    box = QWidget()
    form = QFormLayout(box)
    for label, field in rows:
        form.addRow(label, field)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box


def test_an_unnamed_field_an_unbuddied_label_and_a_fixed_colour_are_found(qtbot) -> None:
    field = QLineEdit()
    field.setStyleSheet("background: #ffffff;")
    box = _form(qtbot, (QLabel("Naam:"), field), (QLabel("Lijst:"), QTableView()))
    problems = access_problems(box)
    assert "QLineEdit: no accessible name" in problems
    assert "QTableView: no accessible name" in problems
    assert "QLabel 'Naam:': a form label without a buddy" in problems
    assert "QLineEdit: a fixed background colour" in problems


def test_labelled_gives_the_field_its_buddy_and_its_spoken_name(qtbot) -> None:
    field = QLineEdit()
    label = labelled("&Naam && voornaam:", field)
    box = _form(qtbot, (label, field))
    assert label.buddy() is field
    assert field.accessibleName() == "Naam & voornaam"
    assert access_problems(box) == []


def test_two_things_answering_to_one_alt_letter_are_found(qtbot) -> None:
    field = QLineEdit()
    hidden = QPushButton("&Wissen")
    box = QWidget()
    form = QFormLayout(box)
    form.addRow(labelled("&Naam:", field), field)
    for button in (QPushButton("&Nieuw…"), QPushButton("Zwart && &wit"), hidden):
        form.addRow(button)
    hidden.setVisible(False)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert mnemonic_clashes(box) == ["Alt+N: &Naam: / &Nieuw…"]
