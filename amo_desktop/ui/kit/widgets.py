"""Small widgets and formatters every screen uses: dates, labels, headings, hints, choosing a file."""

from __future__ import annotations

import functools
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QObject,
    QSize,
    Qt,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.ui.kit.context import AppContext

if TYPE_CHECKING:  # the unlock window uses these widgets before any enum is needed (issue 18)
    from amo_desktop.domain.enums import LabeledEnum

QT_DATE_FORMAT = "dd/MM/yyyy"


TITLE_STYLE = "font-size: 16pt; font-weight: bold;"


HINT_STYLE = "color: palette(dark); font-style: italic;"


def format_date(day: date | None) -> str:
    """dd/mm/jjjj, built by hand: strftime imports `time` at every call, and
    with PySide6 loaded each import goes through its Python import hook (a list of 16,000
    referrals made its search texts 0.8 s slower)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else ""


def label_of(enum: type[LabeledEnum], code: str | None) -> str:
    """The Dutch label of a code; the code itself if it is unknown (never crash on old data)."""
    if not code:
        return ""
    return _label(enum, code)


@functools.cache
def _label(enum: type[LabeledEnum], code: str) -> str:
    """Labels are constants: looked up once per code (a list shows thousands of rows)."""
    try:
        return enum(code).label
    except ValueError:
        return code


def fill_combo(combo: QComboBox, enum: type[LabeledEnum], selected: str | None = None) -> None:
    for member in enum:
        combo.addItem(member.label, member.value)
    if selected is not None:
        combo.setCurrentIndex(max(0, combo.findData(selected)))


def unchosen_combo(enum: type[LabeledEnum], placeholder: str) -> QComboBox:
    """A combo of `enum` with nothing chosen yet: it shows `placeholder` until the user picks."""
    combo = QComboBox()
    combo.setPlaceholderText(placeholder)
    fill_combo(combo, enum)
    combo.setCurrentIndex(-1)
    return combo


# Day first, then month, then a year of 2 or 4 digits, separated by / - . or a space.
_TYPED_DATE = re.compile(r"\s*(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})\s*")
_PARTIAL_DATE = re.compile(r"\s*\d{0,2}([/\-. ]\d{0,2}([/\-. ]\d{0,4})?)?\s*")


def typed_date(text: str) -> date | None:
    """The date a user typed day first (12/3/2026, 12/03/26, 1-3-26, 1.3.2026), else None."""
    match = _TYPED_DATE.fullmatch(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    if len(match.group(3)) == 2:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateField(QDateEdit):
    """A date field that takes a whole typed date (day first, any of / - . as separator) and
    that Tab leaves, instead of QDateEdit's walk from day to month to year. Text that is no
    date gives the old date back when the field is left."""

    def __init__(self, day: QDate) -> None:
        super().__init__(day)
        # QDateEdit re-reads the text whenever the cursor enters another section and puts the
        # old date back when that text is not yet a whole date: typing "12/3" would never stick.
        self.lineEdit().cursorPositionChanged.disconnect()
        # The date changes when the user leaves the field or presses Enter, not at each key:
        # "12/3/20" on the way to "12/3/2026" is no date a screen should load.
        self.setKeyboardTracking(False)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        day = typed_date(text)
        if day is not None and self._in_range(day):
            return QValidator.State.Acceptable, text, pos
        if _PARTIAL_DATE.fullmatch(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        """Nothing to repair: QDateEdit's own fixup would guess the sections of a half date."""
        return text

    def dateTimeFromText(self, text: str) -> QDateTime:
        day = typed_date(text)
        if day is None or not self._in_range(day):
            return self.dateTime()
        return QDateTime(QDate(day.year, day.month, day.day), self.time())

    def _in_range(self, day: date) -> bool:
        qdate = QDate(day.year, day.month, day.day)
        return self.minimumDate() <= qdate <= self.maximumDate()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()  # typing replaces the whole date, not one section of it

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Typed characters go into the text as in a plain line edit; QDateEdit would put
        them into its day, month or year section and jump between those."""
        line = self.lineEdit()
        key = event.key()
        # Shift too: on a Belgian AZERTY keyboard the digits and / need it.
        typing = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        plain = not event.modifiers() & ~typing
        if key == Qt.Key.Key_Backspace:
            line.backspace()
        elif key == Qt.Key.Key_Delete:
            line.del_()
        elif plain and event.text().isprintable() and event.text():
            line.insert(event.text())
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def date_edit(day: date) -> QDateEdit:
    edit = DateField(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat(QT_DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    return edit


def date_of(edit: QDateEdit) -> date:
    qdate = edit.date()
    return date(qdate.year(), qdate.month(), qdate.day())


def column(owner: QWidget | None, *items: QWidget | QLayout) -> QVBoxLayout:
    """`items` (widgets and layouts) under each other in `owner`, or in a layout to place."""
    layout = QVBoxLayout() if owner is None else QVBoxLayout(owner)
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout


def at_least_wide(layout: QLayout, width: int) -> None:
    """The dialog of `layout` opens `width` wide or wider, and never narrower than its layout
    needs: a minimum width set on the dialog itself would overrule the layout's and squeeze
    long labels on a scaled screen."""
    margins = layout.contentsMargins()
    spacer = QSpacerItem(width - margins.left() - margins.right(), 0, QSizePolicy.Policy.Fixed)
    layout.addItem(spacer)


class VerticalScrollArea(QScrollArea):
    """Scrolls up and down, never sideways, and only when the room is lower than what its
    content needs at the least (QScrollArea would scroll below the content's preferred height
    as soon as a row in it wraps). At least as wide as its content needs beside the vertical
    scrollbar, so a splitter or a window makes room instead of clipping it."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def setWidget(self, content: QWidget) -> None:
        old = self.widget()
        if old is not None:
            old.removeEventFilter(self)  # QScrollArea deletes it now
        super().setWidget(content)
        content.installEventFilter(self)  # its needs change with what it shows
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            self._fit()
        return super().eventFilter(watched, event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return super().viewportEvent(event)

    def _fit(self) -> None:
        """The content as wide as the room, as high as the room or its least height."""
        content = self.widget()
        if content is None:
            return
        room = self.viewport().size()
        width = max(room.width(), content.minimumSizeHint().width())
        needed = content.minimumSizeHint().height()
        layout = content.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = max(needed, layout.minimumHeightForWidth(width))
        content.resize(width, max(room.height(), needed))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        needed = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), needed + 2 * self.frameWidth()), hint.height())


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 13pt; font-weight: bold;")
    return label


def hint(text: str = "", name: str = "") -> QLabel:
    """A muted, italic note that wraps: a list's empty-state hint, an explanation beside a
    field or above a tab."""
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def enum_combo(enum: type[LabeledEnum], empty: str | None = None) -> QComboBox:
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for member in enum:
        combo.addItem(member.label, member.value)
    return combo


def shrinkable(combo: QComboBox, chars: int = 12) -> QComboBox:
    """A combo as wide as `chars` characters, whatever its longest choice: it fits a narrow
    screen, a long choice is shortened with '…' (the open list shows it whole)."""
    combo.setMinimumContentsLength(chars)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def year_combo(today: date, back: int = 4, ahead: int = 1) -> QComboBox:
    combo = QComboBox()
    current = SchoolYear.of(today).start_year
    for year in range(current + ahead, current - back - 1, -1):
        combo.addItem(SchoolYear(year).label, year)
    combo.setCurrentIndex(combo.findData(current))
    return combo


def number_text(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def open_file(ctx: AppContext, parent: QWidget, title: str, file_filter: str) -> Path | None:
    """The prompts' open-file question when it has one (tests answer it), else Qt's dialog.

    Prompts has only `save_file` so far; `open_file` belongs there next to it."""
    ask = getattr(ctx.prompts, "open_file", None)
    if ask is not None:
        result = ask(parent, title, file_filter)
        return Path(result) if result else None
    name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), file_filter)
    return Path(name) if name else None
