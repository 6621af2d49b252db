"""Every page and main dialog fits a school laptop: 1280×720, and 1366×768 at 125 % and 150 %
display scaling (issue 15). Each screen runs in its own process: the scale factor must be set
before Qt starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from amo_desktop.ui.kit.columns import size_columns
from amo_desktop.ui.kit.flow import FlowLayout
from amo_desktop.ui.kit.tables import Column, RecordModel
from tests.conftest import copy_into
from tests.gui.fit import fit_problems

ROOT = Path(__file__).parents[2]
SCREENS = [(1280, 720, "1"), (1366, 768, "1.25"), (1366, 768, "1.5")]


@pytest.mark.slow
def test_every_page_and_dialog_fits_a_school_laptop(demo_folder: Path, tmp_path: Path) -> None:
    """The three screens side by side (about 15 s each), each on its own copy of the session's
    demo vault; the problems of all three listed."""
    runs = []
    for width, height, scale in SCREENS:
        env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen"}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        folder = tmp_path / f"{width}x{height}@{scale}"
        copy_into(demo_folder, folder)
        command = [sys.executable, "-m", "tests.gui.fit", str(width), str(height), str(folder)]
        runs.append((f"{width}x{height} @ {scale}", subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )))  # fmt: skip
    problems = []
    for screen, run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, f"{screen}: {err[-2000:]}"
        problems += [f"{screen}: {line}" for line in json.loads(out.splitlines()[-1])]
    assert problems == [], "\n".join(problems)


# --- the checks themselves fail on what they look for ---------------------------------------
def _shown(qtbot, widget: QWidget, size: QSize) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_squeezed_combo_and_a_clipped_label_are_found(qtbot) -> None:
    box = QWidget()
    label = QLabel("Een heel lange uitleg die niet in een smalle kolom past", box)
    label.setGeometry(0, 0, 40, 20)
    combo = QComboBox(box)
    combo.addItem("Alle schooljaren en nog veel meer tekst")
    combo.setGeometry(50, 0, 60, 22)
    _shown(qtbot, box, QSize(300, 60))
    problems = fit_problems(box, QSize(300, 60))
    assert any("text" in p and "Een heel lange" in p for p in problems), problems
    assert any(p.startswith("QComboBox") and "under its minimum" in p for p in problems)


def test_a_window_larger_than_the_screen_is_found(qtbot) -> None:
    box = QWidget()
    QHBoxLayout(box).addWidget(QPushButton("Een knop met een heel lange tekst erop"))
    _shown(qtbot, box, QSize(400, 60))
    assert any(p.startswith("window") for p in fit_problems(box, QSize(200, 60)))


def test_a_filter_row_wraps_instead_of_overlapping(qtbot) -> None:
    box = QWidget()
    bar = FlowLayout(box)
    for n in range(6):
        bar.addWidget(QLabel(f"Filter {n}:"))
        bar.addWidget(QLineEdit(), 1)
    _shown(qtbot, box, QSize(320, 200))
    assert fit_problems(box, QSize(320, 200)) == []
    edits = box.findChildren(QLineEdit)
    assert edits[0].y() < edits[-1].y()  # on more than one line
    edits[1].setGeometry(edits[0].geometry())
    assert any("overlaps" in p for p in fit_problems(box, QSize(320, 200)))


def test_a_stretch_column_keeps_its_width_on_a_narrow_screen(qtbot) -> None:
    """Wide enough: the reason column takes the room left; too narrow: it keeps its own
    width and the table scrolls sideways (its wrapped text would make every row a tower)."""
    columns = [Column(f"Kolom {n}", lambda r: r.id, width=120) for n in range(4)]
    columns.append(Column("Waarom", lambda r: r.id, width=280))
    model = RecordModel(columns=columns)
    view = QTableView()
    view.setModel(model)
    size_columns(view, model, stretch=4)
    header = view.horizontalHeader()
    _shown(qtbot, view, QSize(1100, 200))
    qtbot.waitUntil(lambda: header.sectionSize(4) > 280)
    assert header.sectionResizeMode(4) == QHeaderView.ResizeMode.Stretch
    view.resize(600, 200)
    qtbot.waitUntil(lambda: header.sectionResizeMode(4) == QHeaderView.ResizeMode.Interactive)
    assert header.sectionSize(4) == 280
    assert [header.sectionSize(n) for n in range(4)] == [120] * 4
