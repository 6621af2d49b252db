"""Overzicht (home): my week, the waiting list in two numbers, capacity per school, and the
referrals per school year. Read-only; one service call (services/overview.py) gathers them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import ContactType, Location
from amo_desktop.domain.figures import WaitingFigures
from amo_desktop.services import overview
from amo_desktop.services.overview import OverviewData
from amo_desktop.services.scheduling import SessionInfo
from amo_desktop.ui.kit.charts import CapacityBars, CapacityRow, YearBars
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.tables import Column, RecordModel, sorted_table
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import TITLE_STYLE, column, hint, label_of

YEARS_SHOWN = 5
NUMBER_STYLE = "font-size: 22pt; font-weight: bold;"


class SessionsModel(RecordModel):
    """My sessions of one week, in time order."""

    COL_DAY, COL_TIME, COL_SUBJECT, COL_TYPE, COL_PLACE = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            (
                Column(self.tr("Dag"), lambda r: self.weekday(r.on), _when),
                Column(
                    self.tr("Uur"),
                    lambda r: f"{r.start.strftime('%H:%M')}–{r.end.strftime('%H:%M')}",
                    _when,
                ),
                Column(
                    self.tr("Met"),
                    lambda r: r.label + (self.tr(" (geannuleerd)") if r.cancelled else ""),
                ),
                Column(self.tr("Soort"), lambda r: label_of(ContactType, r.contact_type)),
                Column(self.tr("Plaats"), lambda r: label_of(Location, r.location)),
            )
        )

    def weekday(self, day: date) -> str:
        names = (
            self.tr("ma"),
            self.tr("di"),
            self.tr("wo"),
            self.tr("do"),
            self.tr("vr"),
            self.tr("za"),
            self.tr("zo"),
        )
        return f"{names[day.weekday()]} {day.strftime('%d/%m')}"

    def extra(self, r: SessionInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and r.cancelled:
            return QBrush(QColor("#718096"))
        if role == Qt.ItemDataRole.FontRole and r.cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


def _when(r: SessionInfo) -> str:
    return f"{r.on.isoformat()} {r.start.isoformat()}"


def _number_box(caption: str) -> tuple[QWidget, QLabel]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    value = QLabel("–")
    value.setStyleSheet(NUMBER_STYLE)
    label = QLabel(caption)
    label.setWordWrap(True)
    layout.addWidget(value)
    layout.addWidget(label)
    return box, value


class OverviewPage(QWidget):
    """Four boxes of figures, gathered when the page is first shown and on every show after."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: OverviewData | None = None
        title = QLabel(self.tr("Overzicht"))
        title.setStyleSheet(TITLE_STYLE)
        self.subtitle = QLabel()
        grid = QGridLayout()
        grid.addWidget(self._build_week_box(), 0, 0)
        grid.addWidget(self._build_waiting_box(), 0, 1)
        grid.addWidget(self._build_capacity_box(), 1, 0, 1, 2)
        grid.addWidget(self._build_years_box(), 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch()
        heading.addWidget(self.subtitle)
        content_layout.addLayout(heading)
        content_layout.addLayout(grid)
        content_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.sessions_table)
        load_on_first_show(self, self.reload)

    def _build_week_box(self) -> QGroupBox:
        self.sessions = SessionsModel(self)
        self.sessions_table, self.sessions_proxy = sorted_table(
            self.sessions, "sessionsTable", SessionsModel.COL_SUBJECT, SessionsModel.COL_DAY
        )
        self.sessions_table.setMinimumHeight(150)
        self.sessions_hint = hint()
        box = QGroupBox(self.tr("Mijn sessies deze week"))
        column(box, self.sessions_table, self.sessions_hint)
        return box

    def _build_waiting_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Wachtlijst"))
        layout = QVBoxLayout(box)
        waiting_count, self.waiting_value = _number_box(self.tr("wachten nu"))
        longest, self.longest_value = _number_box(self.tr("dagen: de langste wachttijd"))
        median, self.median_value = _number_box(self.tr("dagen: de mediaan"))
        for widget, name in (
            (self.waiting_value, "waitingCount"),
            (self.longest_value, "longestWait"),
            (self.median_value, "medianWait"),
        ):
            widget.setObjectName(name)
        layout.addWidget(waiting_count)
        layout.addWidget(longest)
        layout.addWidget(median)
        layout.addStretch()
        return box

    def _build_capacity_box(self) -> QGroupBox:
        self.capacity = CapacityBars()
        self.capacity.setObjectName("capacityBars")
        self.capacity_hint = hint()
        self.capacity_box = QGroupBox(self.tr("Capaciteit per school"))
        layout = QVBoxLayout(self.capacity_box)
        layout.addWidget(self.capacity)
        layout.addWidget(self.capacity_hint)
        return self.capacity_box

    def _build_years_box(self) -> QGroupBox:
        self.years = YearBars()
        self.years.setObjectName("yearBars")
        self.years_text = QLabel()
        self.years_text.setWordWrap(True)
        box = QGroupBox(self.tr("Aanmeldingen per schooljaar"))
        column(box, self.years, self.years_text)
        return box

    def reload(self) -> None:
        self.ctx.call(overview.overview, self.ctx.today(), on_success=self.show_data)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is not None:
            self.reload()

    def show_data(self, data: OverviewData) -> None:
        self.data = data
        year = SchoolYear(data.school_year)
        self.subtitle.setText(
            fill(
                self.tr("Week van %1 · schooljaar %2"), data.monday.strftime("%d/%m/%Y"), year.label
            )
        )
        self.sessions.set_records(data.sessions)
        self.sessions_proxy.invalidate()
        self.sessions_hint.setText(
            self.tr("Geen sessies gepland deze week. Plan ze bij Planning.")
            if not data.sessions
            else ""
        )
        self.sessions_hint.setVisible(not data.sessions)
        self._show_waiting(data.waiting)
        self._show_capacity(data, year)
        self._show_years(data)

    def _show_waiting(self, waits: WaitingFigures) -> None:
        self.waiting_value.setText(str(waits.waiting_now))
        self.longest_value.setText(
            str(waits.longest_wait_days) if waits.longest_wait_days is not None else "–"
        )
        self.median_value.setText(
            f"{waits.median_wait_days:.0f}" if waits.median_wait_days is not None else "–"
        )

    def _show_capacity(self, data: OverviewData, year: SchoolYear) -> None:
        self.capacity_box.setTitle(fill(self.tr("Capaciteit per school (%1), in uren"), year.label))
        rows = [
            CapacityRow(c.school_name, c.entitled_hours, c.used_hours, c.planned_hours, c.warning)
            for c in data.capacity
            if c.entitled_hours > 0 or c.used_hours > 0 or c.planned_hours > 0
        ]
        self.capacity.set_rows(rows)
        self.capacity.setVisible(bool(rows))
        if not data.capacity:
            text = self.tr("Nog geen scholen. De teamverantwoordelijke voegt ze toe in Beheer.")
        elif not rows:
            text = self.tr(
                "Nog geen capaciteitsafspraken of sessies voor dit schooljaar. De "
                "teamverantwoordelijke legt de afspraken vast in Beheer."
            )
        else:
            text = self.tr(
                "Gebruikt = gegeven sessies tot vandaag; gepland = sessies die nog komen. "
                "De streepjes tonen 80 % en 100 % van het afgesproken deel."
            )
        self.capacity_hint.setText(text)

    def _show_years(self, data: OverviewData) -> None:
        first = data.school_year - YEARS_SHOWN + 1
        counts = [
            (SchoolYear(y).label, data.per_year.get(y, 0), y == data.school_year)
            for y in range(first, data.school_year + 1)
            if y >= min([*data.per_year, data.school_year])
        ]
        self.years.set_counts(counts)
        now = data.per_year.get(data.school_year, 0)
        before = data.per_year.get(data.school_year - 1)
        text = fill(self.tr("Dit schooljaar tot nu: %1 aanmeldingen."), now)
        if before is not None:
            text += " " + fill(self.tr("Vorig schooljaar in totaal: %1."), before)
        self.years_text.setText(text)
