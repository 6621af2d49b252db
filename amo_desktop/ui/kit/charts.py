"""Two small bar charts painted with QPainter (PySide6-Essentials has no QtCharts).

Each chart also gives its figures as plain text lines (`lines()`), used for the accessible
description and the tooltip, so nothing is shown only as colour or length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from amo_desktop.ui.kit.text import fill

USED = QColor("#2b6cb0")
PLANNED = QColor("#90cdf4")
TRACK = QColor("#edf2f7")
TRACK_LINE = QColor("#718096")
WARN_80 = QColor("#b7791f")
WARN_100 = QColor("#c53030")
CURRENT = QColor("#2b6cb0")
PAST = QColor("#a0aec0")


def _hours(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")  # Belgian decimal comma


@dataclass(frozen=True)
class CapacityRow:
    """One school: hours it is entitled to, has used and has planned, and its warning level."""

    name: str
    entitled: float
    used: float
    planned: float
    warning: int | None


class CapacityBars(QWidget):
    """Per school a bar: the entitled hours as a track with 80 % and 100 % ticks, used hours
    dark, planned hours light after them; a warning label at 80 % and 100 %."""

    ROW_HEIGHT = 34
    LEGEND_HEIGHT = 26
    NAME_WIDTH = 190
    TEXT_WIDTH = 250

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CapacityRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(560)

    def set_rows(self, rows: Sequence[CapacityRow]) -> None:
        self.rows = list(rows)
        text = "\n".join(self.lines())
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.updateGeometry()
        self.update()

    def row_text(self, row: CapacityRow) -> str:
        used = _hours(row.used)
        planned = _hours(row.planned)
        if row.entitled <= 0:
            return fill(self.tr("geen afspraak · %1 u gebruikt, %2 u gepland"), used, planned)
        pct = round((row.used + row.planned) / row.entitled * 100)
        return fill(self.tr("%1 + %2 van %3 u (%4 %)"), used, planned, _hours(row.entitled), pct)

    def warning_text(self, row: CapacityRow) -> str:
        if row.warning == 100:
            return self.tr("⚠ op of over 100 %")
        if row.warning == 80:
            return self.tr("⚠ boven 80 %")
        return ""

    def lines(self) -> list[str]:
        result = []
        for row in self.rows:
            line = f"{row.name}: {self.row_text(row)}"
            warning = self.warning_text(row)
            result.append(f"{line} {warning}".strip())
        return result

    def sizeHint(self) -> QSize:
        return QSize(760, self.LEGEND_HEIGHT + max(1, len(self.rows)) * self.ROW_HEIGHT + 6)

    def minimumSizeHint(self) -> QSize:
        return QSize(560, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        text_color = self.palette().windowText().color()
        self._legend(painter, text_color)
        bar_left = self.NAME_WIDTH + 8
        bar_width = max(80, self.width() - bar_left - self.TEXT_WIDTH - 8)
        scale = max([max(r.entitled, r.used + r.planned) for r in self.rows] + [1.0]) * 1.05
        for i, row in enumerate(self.rows):
            top = self.LEGEND_HEIGHT + i * self.ROW_HEIGHT
            mid = top + self.ROW_HEIGHT / 2
            painter.setPen(text_color)
            name = metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, self.NAME_WIDTH)
            painter.drawText(
                QRectF(0, top, self.NAME_WIDTH, self.ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                name,
            )
            bar_top, bar_height = mid - 8, 16
            unit = bar_width / scale
            if row.entitled > 0:
                painter.setPen(QPen(TRACK_LINE, 1))
                painter.setBrush(QBrush(TRACK))
                painter.drawRect(QRectF(bar_left, bar_top, row.entitled * unit, bar_height))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(USED))
            painter.drawRect(QRectF(bar_left, bar_top + 3, row.used * unit, bar_height - 6))
            painter.setBrush(QBrush(PLANNED))
            painter.drawRect(
                QRectF(bar_left + row.used * unit, bar_top + 3, row.planned * unit, bar_height - 6)
            )
            if row.entitled > 0:
                for pct, colour in ((0.8, WARN_80), (1.0, WARN_100)):
                    x = bar_left + row.entitled * pct * unit
                    painter.setPen(QPen(colour, 2))
                    painter.drawLine(
                        int(x), int(bar_top - 3), int(x), int(bar_top + bar_height + 3)
                    )
            text_left = bar_left + bar_width + 8
            painter.setPen(text_color)
            painter.drawText(
                QRectF(text_left, top, self.TEXT_WIDTH, self.ROW_HEIGHT / 2 + 2),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                self.row_text(row),
            )
            warning = self.warning_text(row)
            if warning:
                font = QFont(painter.font())
                font.setBold(True)
                painter.save()
                painter.setFont(font)
                painter.setPen(WARN_100 if row.warning == 100 else WARN_80)
                painter.drawText(
                    QRectF(text_left, mid + 1, self.TEXT_WIDTH, self.ROW_HEIGHT / 2),
                    Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft,
                    warning,
                )
                painter.restore()
        painter.end()

    def _legend(self, painter: QPainter, text_color: QColor) -> None:
        x = 0.0
        items = (
            (USED, self.tr("gebruikt")),
            (PLANNED, self.tr("gepland")),
            (TRACK, self.tr("afgesproken deel")),
        )
        metrics = painter.fontMetrics()
        for colour, label in items:
            painter.setPen(QPen(TRACK_LINE, 1))
            painter.setBrush(QBrush(colour))
            painter.drawRect(QRectF(x, 6, 14, 12))
            painter.setPen(text_color)
            painter.drawText(int(x + 20), 16, label)
            x += 20 + metrics.horizontalAdvance(label) + 18
        for colour, label in ((WARN_80, "80 %"), (WARN_100, "100 %")):
            painter.setPen(QPen(colour, 2))
            painter.drawLine(int(x), 4, int(x), 20)
            painter.setPen(text_color)
            painter.drawText(int(x + 6), 16, label)
            x += 12 + metrics.horizontalAdvance(label) + 14


class YearBars(QWidget):
    """Referrals per school year as vertical bars; the current year stands out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: list[tuple[str, int, bool]] = []  # label, count, is current
        self.setMinimumSize(320, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts: Sequence[tuple[str, int, bool]]) -> None:
        self.counts = list(counts)
        text = "\n".join(self.lines())
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.update()

    def lines(self) -> list[str]:
        return [f"{label}: {count}" for label, count, _current in self.counts]

    def sizeHint(self) -> QSize:
        return QSize(480, 170)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.counts:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().windowText().color()
        metrics = painter.fontMetrics()
        line = metrics.height()
        top, bottom = line + 4, self.height() - line - 6
        top_value = max([count for _l, count, _c in self.counts] + [1])
        slot = min(90.0, self.width() / len(self.counts))
        bar = slot * 0.6
        for i, (label, count, current) in enumerate(self.counts):
            x = i * slot + (slot - bar) / 2
            height = (bottom - top) * count / top_value
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(CURRENT if current else PAST))
            painter.drawRect(QRectF(x, bottom - height, bar, height))
            painter.setPen(text_color)
            painter.drawText(
                QRectF(i * slot, bottom - height - line - 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                str(count),
            )
            font = QFont(painter.font())
            font.setBold(current)
            painter.save()
            painter.setFont(font)
            painter.drawText(
                QRectF(i * slot, bottom + 4, slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
            painter.restore()
        painter.setPen(QPen(TRACK_LINE, 1))
        painter.drawLine(0, int(bottom), int(len(self.counts) * slot), int(bottom))
        painter.end()
