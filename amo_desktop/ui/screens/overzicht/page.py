"""Overzicht (home): my week, the waiting list in two numbers, capacity per school, and the
referrals per school year. Read-only; one worker job gathers every figure from the services."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import ContactType, Location
from amo_desktop.errors import KnownError
from amo_desktop.services import figures, scheduling
from amo_desktop.services.figures import SchoolCapacity, WaitingFigures
from amo_desktop.services.scheduling import SessionInfo
from amo_desktop.ui.kit.charts import CapacityBars, CapacityRow, YearBars
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.tables import SORT_ROLE, RecordModel, setup_table
from amo_desktop.ui.kit.widgets import HINT_STYLE, TITLE_STYLE, label_of

if TYPE_CHECKING:  # the UI holds what app.py built; it never calls storage itself
    from amo_desktop.storage.vault import Identity

YEARS_SHOWN = 5
NUMBER_STYLE = "font-size: 22pt; font-weight: bold;"


@dataclass(frozen=True)
class OverviewData:
    monday: date
    school_year: int
    sessions: list[SessionInfo]
    waiting: WaitingFigures
    capacity: list[SchoolCapacity]
    per_year: dict[int, int]


def overview_data(s: Any, caller: Identity, today: date) -> OverviewData:
    """Runs on the DB worker: every figure of the home page in one unit of work."""
    monday = today - timedelta(days=today.weekday())
    year = SchoolYear.of(today).start_year
    return OverviewData(
        monday,
        year,
        scheduling.week(s, caller, monday, coach_id=caller.user_id),
        figures.waiting_figures(s, caller, today),
        figures.capacity_figures(s, caller, year, today),
        figures.referrals_per_year(s, caller),
    )


class SessionsModel(RecordModel):
    """My sessions of one week, in time order."""

    COL_DAY, COL_TIME, COL_SUBJECT, COL_TYPE, COL_PLACE = range(5)
    COLUMN_COUNT = 5

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Dag"),
            self.tr("Uur"),
            self.tr("Met"),
            self.tr("Soort"),
            self.tr("Plaats"),
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

    def display(self, r: SessionInfo, column: int) -> Any:
        if column == self.COL_DAY:
            return self.weekday(r.on)
        if column == self.COL_TIME:
            return f"{r.start.strftime('%H:%M')}–{r.end.strftime('%H:%M')}"
        if column == self.COL_SUBJECT:
            return r.label + (self.tr(" (geannuleerd)") if r.cancelled else "")
        if column == self.COL_TYPE:
            return label_of(ContactType, r.contact_type)
        if column == self.COL_PLACE:
            return label_of(Location, r.location)
        return None

    def sort_key(self, r: SessionInfo, column: int) -> Any:
        if column in (self.COL_DAY, self.COL_TIME):
            return f"{r.on.isoformat()} {r.start.isoformat()}"
        return str(self.display(r, column)).casefold()

    def extra(self, r: SessionInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and r.cancelled:
            return QBrush(QColor("#718096"))
        if role == Qt.ItemDataRole.FontRole and r.cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


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
    def __init__(
        self,
        ctx: AppContext,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.data: OverviewData | None = None
        self._loaded = False

        title = QLabel(self.tr("Overzicht"))
        title.setStyleSheet(TITLE_STYLE)
        self.subtitle = QLabel()

        # my week
        self.sessions = SessionsModel(self)
        self.sessions_proxy = QSortFilterProxyModel(self)
        self.sessions_proxy.setSourceModel(self.sessions)
        self.sessions_proxy.setSortRole(SORT_ROLE)
        self.sessions_table = QTableView()
        setup_table(self.sessions_table, self.sessions_proxy, "sessionsTable")
        self.sessions_table.sortByColumn(SessionsModel.COL_DAY, Qt.SortOrder.AscendingOrder)
        header = self.sessions_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SessionsModel.COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.sessions_table.setMinimumHeight(150)
        self.sessions_hint = QLabel()
        self.sessions_hint.setStyleSheet(HINT_STYLE)
        self.sessions_hint.setWordWrap(True)
        week_box = QGroupBox(self.tr("Mijn sessies deze week"))
        week_layout = QVBoxLayout(week_box)
        week_layout.addWidget(self.sessions_table)
        week_layout.addWidget(self.sessions_hint)

        # waiting list
        waiting_box = QGroupBox(self.tr("Wachtlijst"))
        waiting_layout = QVBoxLayout(waiting_box)
        waiting_count, self.waiting_value = _number_box(self.tr("wachten nu"))
        longest, self.longest_value = _number_box(self.tr("dagen: de langste wachttijd"))
        median, self.median_value = _number_box(self.tr("dagen: de mediaan"))
        for widget, name in (
            (self.waiting_value, "waitingCount"),
            (self.longest_value, "longestWait"),
            (self.median_value, "medianWait"),
        ):
            widget.setObjectName(name)
        waiting_layout.addWidget(waiting_count)
        waiting_layout.addWidget(longest)
        waiting_layout.addWidget(median)
        waiting_layout.addStretch()

        # capacity
        self.capacity = CapacityBars()
        self.capacity.setObjectName("capacityBars")
        self.capacity_hint = QLabel()
        self.capacity_hint.setStyleSheet(HINT_STYLE)
        self.capacity_hint.setWordWrap(True)
        self.capacity_box = QGroupBox(self.tr("Capaciteit per school"))
        capacity_layout = QVBoxLayout(self.capacity_box)
        capacity_layout.addWidget(self.capacity)
        capacity_layout.addWidget(self.capacity_hint)

        # referrals per year
        self.years = YearBars()
        self.years.setObjectName("yearBars")
        self.years_text = QLabel()
        self.years_text.setWordWrap(True)
        years_box = QGroupBox(self.tr("Aanmeldingen per schooljaar"))
        years_layout = QVBoxLayout(years_box)
        years_layout.addWidget(self.years)
        years_layout.addWidget(self.years_text)

        grid = QGridLayout()
        grid.addWidget(week_box, 0, 0)
        grid.addWidget(waiting_box, 0, 1)
        grid.addWidget(self.capacity_box, 1, 0, 1, 2)
        grid.addWidget(years_box, 2, 0, 1, 2)
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
        self.reload()

    def reload(self) -> None:
        self.ctx.call(overview_data, self.today(), on_success=self.show_data, on_failure=self._fail)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded:
            self.reload()

    def _fail(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.ctx.prompts.error(self, self.tr("Overzicht"), exc.message(self.ctx.lang))

    def show_data(self, data: OverviewData) -> None:
        self.data = data
        self._loaded = True
        year = SchoolYear(data.school_year)
        self.subtitle.setText(
            self.tr("Week van %1 · schooljaar %2")
            .replace("%1", data.monday.strftime("%d/%m/%Y"))
            .replace("%2", year.label)
        )
        self.sessions.set_records(data.sessions)
        self.sessions_proxy.invalidate()
        self.sessions_hint.setText(
            self.tr("Geen sessies gepland deze week. Plan ze bij Planning.")
            if not data.sessions
            else ""
        )
        self.sessions_hint.setVisible(not data.sessions)

        waits = data.waiting
        self.waiting_value.setText(str(waits.waiting_now))
        self.longest_value.setText(
            str(waits.longest_wait_days) if waits.longest_wait_days is not None else "–"
        )
        self.median_value.setText(
            f"{waits.median_wait_days:.0f}" if waits.median_wait_days is not None else "–"
        )

        self.capacity_box.setTitle(
            self.tr("Capaciteit per school (%1), in uren").replace("%1", year.label)
        )
        rows = [
            CapacityRow(c.school_name, c.entitled_hours, c.used_hours, c.planned_hours, c.warning)
            for c in data.capacity
            if c.entitled_hours > 0 or c.used_hours > 0 or c.planned_hours > 0
        ]
        self.capacity.set_rows(rows)
        self.capacity.setVisible(bool(rows))
        if not data.capacity:
            hint = self.tr("Nog geen scholen. De teamverantwoordelijke voegt ze toe in Beheer.")
        elif not rows:
            hint = self.tr(
                "Nog geen capaciteitsafspraken of sessies voor dit schooljaar. De "
                "teamverantwoordelijke legt de afspraken vast in Beheer."
            )
        else:
            hint = self.tr(
                "Gebruikt = gegeven sessies tot vandaag; gepland = sessies die nog komen. "
                "De streepjes tonen 80 % en 100 % van het afgesproken deel."
            )
        self.capacity_hint.setText(hint)

        first = data.school_year - YEARS_SHOWN + 1
        counts = [
            (SchoolYear(y).label, data.per_year.get(y, 0), y == data.school_year)
            for y in range(first, data.school_year + 1)
            if y >= min([*data.per_year, data.school_year])
        ]
        self.years.set_counts(counts)
        now = data.per_year.get(data.school_year, 0)
        before = data.per_year.get(data.school_year - 1)
        text = self.tr("Dit schooljaar tot nu: %1 aanmeldingen.").replace("%1", str(now))
        if before is not None:
            text += " " + self.tr("Vorig schooljaar in totaal: %1.").replace("%1", str(before))
        self.years_text.setText(text)
