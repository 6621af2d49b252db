"""The week grid: days as columns, hours as rows, sessions as blocks, days off shaded.

A painted widget (no widget per session): it only draws what the page gives it and reports
what the user does with it (select, open, drag to another time, double-click an empty slot).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from amo_desktop.domain.enums import ContactType
from amo_desktop.services.scheduling import SessionInfo
from amo_desktop.ui.kit.widgets import label_of

DAY_NAMES = ("ma", "di", "wo", "do", "vr", "za", "zo")
SNAP_MIN = 15

MINE = QColor("#dbe9fb")
MINE_EDGE = QColor("#2f6fbf")
OTHER = QColor("#e6e6e6")
OTHER_EDGE = QColor("#8a8a8a")
CANCELLED = QColor("#f7f7f7")
DAY_OFF = QColor("#fdf1d8")
TODAY = QColor("#eef6ee")
GRID = QColor("#d7d7d7")


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


@dataclass
class _Block:
    info: SessionInfo
    rect: QRectF
    editable: bool


def lanes(sessions: Sequence[SessionInfo]) -> dict[str, tuple[int, int]]:
    """Side-by-side places for overlapping sessions of one day: id -> (lane, lanes in group)."""
    placed: dict[str, tuple[int, int]] = {}
    ordered = sorted(sessions, key=lambda s: (_minutes(s.start), -s.duration_min, s.id))
    group: list[tuple[SessionInfo, int]] = []
    group_end = -1
    lane_ends: list[int] = []

    def close() -> None:
        for info, lane in group:
            placed[info.id] = (lane, len(lane_ends))

    for info in ordered:
        begin = _minutes(info.start)
        end = begin + info.duration_min
        if group and begin >= group_end:
            close()
            group, lane_ends, group_end = [], [], -1
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= begin:
                lane_ends[lane] = end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(end)
        group.append((info, lane))
        group_end = max(group_end, end)
    close()
    return placed


class WeekView(QWidget):
    """Select with the mouse or the arrow keys; Enter opens; drag a block to move it."""

    selection_changed = Signal(object)  # SessionInfo | None
    session_activated = Signal(object)  # SessionInfo (double-click or Enter)
    slot_activated = Signal(object, object)  # date, time (double-click on an empty slot)
    move_requested = Signal(object, object, object)  # SessionInfo, new date, new time
    context_requested = Signal(QPoint)  # global position

    HEADER = 46
    GUTTER = 52
    HOUR_HEIGHT = 52

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.today = date.today()
        self.sessions: list[SessionInfo] = []
        self.days_off: dict[date, str] = {}
        self.show_weekend = False
        self.first_hour, self.last_hour = 8, 18
        self.coach_names: dict[str, str] = {}
        self.show_coach = False
        self.is_editable: Callable[[SessionInfo], bool] = lambda _s: True
        self.selected_id: str | None = None
        self._blocks: list[_Block] = []
        self._press: tuple[QPointF, _Block] | None = None
        self._drag_target: tuple[date, time] | None = None

    # --- data ---------------------------------------------------------------------------
    def set_week(
        self,
        monday: date,
        sessions: Sequence[SessionInfo],
        days_off: dict[date, str],
        today: date,
    ) -> None:
        self.monday, self.today = monday, today
        self.sessions = sorted(sessions, key=lambda s: (s.on, s.start, s.id))
        self.days_off = dict(days_off)
        hours = [s.start.hour for s in self.sessions] + [
            (_minutes(s.start) + s.duration_min - 1) // 60 for s in self.sessions
        ]
        self.first_hour = min([8, *hours])
        self.last_hour = max([18, *(h + 1 for h in hours)])
        if self.selected_id not in {s.id for s in self.sessions}:
            self._select(None)
        elif self.selected_id is not None:
            self.selection_changed.emit(self.selected())  # e.g. now cancelled or moved
        self.setMinimumHeight(self.HEADER + (self.last_hour - self.first_hour) * self.HOUR_HEIGHT)
        self._layout()
        self.update()

    def set_show_weekend(self, show: bool) -> None:
        self.show_weekend = show
        self._layout()
        self.update()

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7 if self.show_weekend else 5)]

    def selected(self) -> SessionInfo | None:
        return next((s for s in self.sessions if s.id == self.selected_id), None)

    def select_session(self, session_id: str | None) -> None:
        self._select(session_id)

    def block_rect(self, session_id: str) -> QRectF | None:
        """Where a session is drawn (for tests and tooltips)."""
        return next((b.rect for b in self._blocks if b.info.id == session_id), None)

    # --- geometry -----------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(800, self.HEADER + (self.last_hour - self.first_hour) * self.HOUR_HEIGHT)

    def _day_width(self) -> float:
        return max(40.0, (self.width() - self.GUTTER) / len(self.days()))

    def _y_of(self, minutes: int) -> float:
        return self.HEADER + (minutes - self.first_hour * 60) * self.HOUR_HEIGHT / 60

    def _slot_at(self, point: QPointF) -> tuple[date, time] | None:
        if point.x() < self.GUTTER or point.y() < self.HEADER:
            return None
        column = int((point.x() - self.GUTTER) // self._day_width())
        days = self.days()
        if not 0 <= column < len(days):
            return None
        minutes = self.first_hour * 60 + (point.y() - self.HEADER) * 60 / self.HOUR_HEIGHT
        minutes = int(minutes // SNAP_MIN * SNAP_MIN)
        minutes = max(0, min(minutes, 23 * 60 + 45))
        return days[column], time(minutes // 60, minutes % 60)

    def _layout(self) -> None:
        width = self._day_width()
        days = self.days()
        self._blocks = []
        for column, day in enumerate(days):
            of_day = [s for s in self.sessions if s.on == day]
            places = lanes(of_day)
            for info in of_day:
                lane, count = places[info.id]
                lane_width = (width - 6) / count
                x = self.GUTTER + column * width + 3 + lane * lane_width
                top = self._y_of(_minutes(info.start))
                bottom = self._y_of(_minutes(info.start) + info.duration_min)
                rect = QRectF(x, top + 1, lane_width - 2, max(18.0, bottom - top - 2))
                self._blocks.append(_Block(info, rect, self.is_editable(info)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    # --- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        base_font = QFont(self.font())
        small = QFont(base_font)
        small.setPointSizeF(max(7.0, base_font.pointSizeF() - 1))
        for column, day in enumerate(self.days()):
            self._paint_day(painter, column, day, base_font, small)
        self._paint_grid(painter, small)
        for block in self._blocks:
            self._paint_block(painter, block, base_font, small)
        if self._drag_target is not None and self._press is not None:
            self._paint_ghost(painter, self._press[1].info)
        painter.end()

    def _paint_day(
        self, painter: QPainter, column: int, day: date, base_font: QFont, small: QFont
    ) -> None:
        """A day's background (day off, weekend, today) and its header."""
        palette = self.palette()
        width = self._day_width()
        x = self.GUTTER + column * width
        body = QRectF(x, self.HEADER, width, self._y_of(self.last_hour * 60) - self.HEADER)
        if day in self.days_off or day.weekday() >= 5:
            painter.fillRect(body, DAY_OFF if day in self.days_off else palette.alternateBase())
            if day in self.days_off:
                painter.fillRect(body, QBrush(QColor(0, 0, 0, 14), Qt.BrushStyle.BDiagPattern))
        elif day == self.today:
            painter.fillRect(body, TODAY)
        header = QRectF(x, 0, width, self.HEADER)
        bold = QFont(base_font)
        bold.setBold(True)
        painter.setFont(bold if day == self.today else base_font)
        painter.setPen(palette.text().color())
        painter.drawText(
            header.adjusted(4, 4, -4, -self.HEADER / 2),
            Qt.AlignmentFlag.AlignCenter,
            f"{DAY_NAMES[day.weekday()]} {day:%d/%m}",
        )
        if day in self.days_off:
            painter.setFont(small)
            painter.setPen(QColor("#8a5a00"))
            name = painter.fontMetrics().elidedText(
                self.days_off[day], Qt.TextElideMode.ElideRight, int(width - 8)
            )
            painter.drawText(
                header.adjusted(4, self.HEADER / 2, -4, -2), Qt.AlignmentFlag.AlignCenter, name
            )

    def _paint_grid(self, painter: QPainter, small: QFont) -> None:
        """Hour and half-hour lines with the hours in the gutter, and the day columns."""
        width = self._day_width()
        bottom = self._y_of(self.last_hour * 60)
        painter.setFont(small)
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self._y_of(hour * 60)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(self.GUTTER, y), QPointF(self.width(), y))
            if hour < self.last_hour:
                painter.setPen(QPen(GRID, 1, Qt.PenStyle.DotLine))
                half = self._y_of(hour * 60 + 30)
                painter.drawLine(QPointF(self.GUTTER, half), QPointF(self.width(), half))
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QRectF(0, y + 2, self.GUTTER - 6, 16),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    f"{hour:02d}:00",
                )
        painter.setPen(QPen(GRID, 1))
        for column in range(len(self.days()) + 1):
            x = self.GUTTER + column * width
            painter.drawLine(QPointF(x, 0), QPointF(x, bottom))
        painter.drawLine(QPointF(0, self.HEADER), QPointF(self.width(), self.HEADER))

    def _paint_block(self, painter: QPainter, block: _Block, font: QFont, small: QFont) -> None:
        info, rect = block.info, block.rect
        mine = block.editable
        fill = CANCELLED if info.cancelled else (MINE if mine else OTHER)
        edge = OTHER_EDGE if info.cancelled or not mine else MINE_EDGE
        selected = info.id == self.selected_id
        pen = QPen(edge, 2.5 if selected else 1)
        if info.cancelled:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        if selected:
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)
        inner = rect.adjusted(4, 2, -3, -2)
        lines = [f"{info.start:%H:%M}–{info.end:%H:%M}", info.label]
        if self.show_coach and info.coach_id in self.coach_names:
            lines.append(self.coach_names[info.coach_id])
        if info.label != "Bezet":
            lines.append(label_of(ContactType, info.contact_type))
        painter.setPen(QColor("#777777") if info.cancelled else QColor("#1b1b1b"))
        y = inner.top()
        for number, text in enumerate(lines):
            use = QFont(small if number != 1 else font)
            use.setStrikeOut(info.cancelled and number == 1)
            use.setBold(number == 1 and not info.cancelled)
            painter.setFont(use)
            metrics = painter.fontMetrics()
            if y + metrics.height() > inner.bottom() + 2 and number > 0:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()))
            painter.drawText(QRectF(inner.left(), y, inner.width(), metrics.height()), shown)
            y += metrics.height()

    def _paint_ghost(self, painter: QPainter, info: SessionInfo) -> None:
        assert self._drag_target is not None
        day, start = self._drag_target
        days = self.days()
        if day not in days:
            return
        x = self.GUTTER + days.index(day) * self._day_width() + 3
        top = self._y_of(_minutes(start))
        rect = QRectF(x, top, self._day_width() - 6, info.duration_min * self.HOUR_HEIGHT / 60)
        painter.setPen(QPen(MINE_EDGE, 2, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(47, 111, 191, 40))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(MINE_EDGE)
        painter.drawText(rect.adjusted(4, 2, -2, -2), f"{start:%H:%M}")

    # --- interaction --------------------------------------------------------------------
    def _block_at(self, point: QPointF) -> _Block | None:
        for block in reversed(self._blocks):
            if block.rect.contains(point):
                return block
        return None

    def _select(self, session_id: str | None) -> None:
        if session_id == self.selected_id:
            return
        self.selected_id = session_id
        self.update()
        self.selection_changed.emit(self.selected())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        block = self._block_at(event.position())
        self._select(block.info.id if block else None)
        if block is not None and event.button() == Qt.MouseButton.LeftButton and block.editable:
            self._press = (event.position(), block)
        if event.button() == Qt.MouseButton.RightButton:
            self.context_requested.emit(event.globalPosition().toPoint())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        start, block = self._press
        if (event.position() - start).manhattanLength() < QApplication.startDragDistance():
            return
        offset = event.position().y() - block.rect.top()
        anchor = QPointF(event.position().x(), event.position().y() - offset + 1)
        self._drag_target = self._slot_at(anchor) or self._drag_target
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, target = self._press, self._drag_target
        self._press, self._drag_target = None, None
        self.update()
        if press is None or target is None:
            return
        info = press[1].info
        if (target[0], target[1]) != (info.on, info.start):
            self.move_requested.emit(info, target[0], target[1])

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        block = self._block_at(event.position())
        if block is not None:
            self.session_activated.emit(block.info)
            return
        slot = self._slot_at(event.position())
        if slot is not None:
            self.slot_activated.emit(*slot)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        order = [b.info.id for b in sorted(self._blocks, key=lambda b: (b.info.on, b.info.start))]
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up) and order:
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            if self.selected_id in order:
                position = order.index(self.selected_id) + step
            else:
                position = 0 if step > 0 else len(order) - 1
            self._select(order[max(0, min(position, len(order) - 1))])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected() is not None:
            self.session_activated.emit(self.selected())
            return
        if key == Qt.Key.Key_Menu:
            rect = self.block_rect(self.selected_id or "")
            point = rect.center().toPoint() if rect else QPoint(self.GUTTER, self.HEADER)
            self.context_requested.emit(self.mapToGlobal(point))
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            block = self._block_at(QPointF(event.pos()))  # type: ignore[attr-defined]
            if block is None:
                day = self._slot_at(QPointF(event.pos()))  # type: ignore[attr-defined]
                if day is not None and day[0] in self.days_off:
                    QToolTip.showText(event.globalPos(), self.days_off[day[0]], self)  # type: ignore[attr-defined]
                else:
                    QToolTip.hideText()
                return True
            info = block.info
            lines = [
                f"{info.on:%d/%m/%Y} {info.start:%H:%M}–{info.end:%H:%M}",
                info.label,
                label_of(ContactType, info.contact_type) if info.label != "Bezet" else "",
                self.coach_names.get(info.coach_id, ""),
                self.tr("Geannuleerd") if info.cancelled else "",
            ]
            QToolTip.showText(event.globalPos(), "\n".join(x for x in lines if x), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)
