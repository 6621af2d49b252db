"""The one date field of the program takes typed dates, day first, and Tab leaves it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from amo_desktop.ui.kit.widgets import date_edit, date_of, typed_date


@pytest.fixture
def fields(qtbot):
    host = QWidget()
    layout = QVBoxLayout(host)
    edit = date_edit(date(2026, 1, 5))
    after = QLineEdit()
    layout.addWidget(edit)
    layout.addWidget(after)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    yield edit, after
    host.close()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12/3/2026", date(2026, 3, 12)),
        ("12/03/26", date(2026, 3, 12)),
        ("1-3-26", date(2026, 3, 1)),
        ("1.3.2026", date(2026, 3, 1)),
    ],
)
def test_a_typed_date_becomes_that_date_and_tab_leaves(fields, typed, expected):
    edit, after = fields
    changes = []
    edit.dateChanged.connect(changes.append)
    QTest.keyClicks(edit, typed)
    assert changes == []  # not while typing
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert date_of(edit) == expected
    assert len(changes) == 1
    assert edit.lineEdit().text() == expected.strftime("%d/%m/%Y")


@pytest.mark.parametrize("typed", ["31/2/2026", "12/3", "abc", "12/13/2026"])
def test_a_text_that_is_no_date_shows_the_old_date_back(fields, typed):
    edit, after = fields
    changes = []
    edit.dateChanged.connect(changes.append)
    QTest.keyClicks(edit, typed)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert date_of(edit) == date(2026, 1, 5)
    assert edit.lineEdit().text() == "05/01/2026"
    assert changes == []


def test_enter_takes_the_typed_date_and_shift_counts_as_typing(fields):
    edit, _ = fields
    QTest.keyClicks(edit, "2/3/2026", Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert date_of(edit) == date(2026, 3, 2)


def test_shift_tab_leaves_backwards_and_keys_still_step_the_date(qtbot):
    host = QWidget()
    layout = QVBoxLayout(host)
    before = QLineEdit()
    edit = date_edit(date(2026, 1, 5))
    layout.addWidget(before)
    layout.addWidget(edit)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    QTest.keyClick(edit, Qt.Key.Key_Up)
    assert date_of(edit) == date(2026, 1, 6)
    QTest.keyClick(edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert before.hasFocus()


def test_the_calendar_stays_and_its_weeks_start_on_monday():
    edit = date_edit(date(2026, 1, 5))
    assert edit.calendarPopup()
    assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Monday
    edit.setDate(edit.date().addDays(1))
    assert date_of(edit) == date(2026, 1, 6)


def test_typed_date_reads_day_first():
    assert typed_date("2/3/2026") == date(2026, 3, 2)
    assert typed_date(" 02 03 26 ") == date(2026, 3, 2)
    assert typed_date("30/02/2026") is None
    assert typed_date("2026-03-02") is None
