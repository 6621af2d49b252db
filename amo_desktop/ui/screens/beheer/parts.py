"""The pieces every Beheer tab is built from: a titled section, a row of buttons, an add form."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.enums import LabeledEnum
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FormDialog
from amo_desktop.ui.kit.settings import remember_splitter
from amo_desktop.ui.kit.tables import Column
from amo_desktop.ui.kit.widgets import column, heading, label_of


class DatedTab(QWidget):
    """A tab whose lists depend on the date: `today` (tests pass a fixed one)."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()


class _Shipped(Protocol):
    @property
    def is_default(self) -> bool: ...


def _origin(record: _Shipped) -> str:
    """'standaard' for the shipped setting, 'eigen' for one the team leader changed."""
    if record.is_default:
        return QCoreApplication.translate("Admin", "standaard")
    return QCoreApplication.translate("Admin", "eigen")  # literal texts, so lupdate finds them


# The column every list of shipped-but-changeable settings shows (retention rules, templates).
ORIGIN = Column("Herkomst", _origin)


def add_dialog(ctx: AppContext, title: str, parent: QWidget) -> FormDialog:
    """A form whose OK button says 'Toevoegen'."""
    return FormDialog(ctx, title, QCoreApplication.translate("Admin", "&Toevoegen"), parent)


def name_and_kind(title: str, kinds: type[LabeledEnum]) -> list[Column]:
    """The columns of a list of named things of some kind (funders, partners)."""
    return [
        Column(title, lambda x: x.name),
        Column(QCoreApplication.translate("Admin", "Soort"), lambda x: label_of(kinds, x.kind)),
    ]


def left_row(*widgets: QWidget) -> QHBoxLayout:
    """Widgets (buttons mostly) from the left, the rest of the row empty."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch()
    return row


def labelled(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (&) moves the focus to `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def stack(*items: QWidget | QLayout | str, stretch: bool = False) -> QWidget:
    """Widgets and layouts under each other, no margins; a text is a heading; with `stretch`
    the room left stays empty below them."""
    box = QWidget()
    layout = column(box, *(heading(item) if isinstance(item, str) else item for item in items))
    layout.setContentsMargins(0, 0, 0, 0)
    if stretch:
        layout.addStretch()
    return box


def split_vertically(parent: QWidget, top: QWidget, bottom: QWidget) -> QSplitter:
    """`top` above `bottom` with a handle between, filling `parent`; where the user puts the
    handle is remembered (one splitter per tab)."""
    splitter = QSplitter(Qt.Orientation.Vertical)
    remember_splitter(splitter, f"admin/{type(parent).__name__}")
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    QVBoxLayout(parent).addWidget(splitter)
    return splitter
