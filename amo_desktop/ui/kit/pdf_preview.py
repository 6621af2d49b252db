"""A PDF shown inside the app and printed through Qt, straight from the bytes in memory.

pypdfium2 opens the bytes themselves (never a temp file: SECURITY.md R11) and rasterises each
page to a QImage: on screen at the zoom level, on paper at the printer's resolution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPalette, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.ui.kit.text import fill

if TYPE_CHECKING:
    import pypdfium2 as pdfium

ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
SCREEN_DPI = 96
MAX_PRINT_DPI = 300


def page_image(page: pdfium.PdfPage, scale: float) -> QImage:
    """One page as an RGB image, `scale` pixels per PDF point."""
    bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
    try:
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGBX8888,
        )
        return image.copy()  # own the pixels before the bitmap goes
    finally:
        bitmap.close()


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium  # when a PDF is shown or printed, not when a screen is built

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Draws every page on the printer at its resolution, fitted to the printable area.

    Returns the number of pages sent; raises RuntimeError if the printer cannot start."""
    import pypdfium2 as pdfium  # when a PDF is shown or printed, not when a screen is built

    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise RuntimeError("printer")
        dpi = min(printer.resolution(), MAX_PRINT_DPI)  # sharp on paper, bounded in memory
        count = len(document)
        first, last = printer.fromPage(), printer.toPage()
        pages = range(count)
        if first > 0 and last >= first:
            pages = range(first - 1, min(last, count))
        for n, index in enumerate(pages):
            if n:
                printer.newPage()
            page = document[index]
            try:
                image = page_image(page, dpi / 72)
            finally:
                page.close()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), size), image)
        return len(pages)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class PdfPreview(QWidget):
    """The pages under each other in a scroll area, with zoom buttons (Ctrl++ / Ctrl+-)."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf: bytes | None = None
        self._zoom_index = ZOOMS.index(1.0)
        self._zoom_chosen = False  # until the user zooms, a shown page fits the view's width
        self.pages: list[QLabel] = []
        self.container = QWidget()
        self.container.setObjectName("previewPages")
        self.column = QVBoxLayout(self.container)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column.setSpacing(12)
        self.empty = QLabel(
            self.tr(
                "Kies links een rapport en de gegevens ervoor, en klik op 'Rapport maken'. "
                "Het voorbeeld verschijnt hier."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(dark); padding: 40px;")
        self.column.addWidget(self.empty)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.container)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setBackgroundRole(QPalette.ColorRole.Dark)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys scroll
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Kleiner (Ctrl+-)"))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Groter (Ctrl++)"))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch()
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            ("Ctrl+=", self.zoom_in),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._update_controls()

    @property
    def zoom(self) -> float:
        return ZOOMS[self._zoom_index]

    def page_count(self) -> int:
        return len(self.pages)

    def set_pdf(self, pdf: bytes | None) -> None:
        self._pdf = pdf
        self._render(fit=not self._zoom_chosen and self.isVisible())

    def _fitting_zoom(self, points: float) -> int:
        """The largest zoom, up to 100 %, at which a page `points` wide is no wider than the view."""
        margins = self.column.contentsMargins()
        room = self.scroll_area.viewport().width() - margins.left() - margins.right() - 4
        fitting = [
            index
            for index, zoom in enumerate(ZOOMS)
            if zoom <= 1.0 and points * zoom * SCREEN_DPI / 72 <= room
        ]
        return fitting[-1] if fitting else 0

    def clear(self) -> None:
        self.set_pdf(None)

    def zoom_in(self) -> None:
        self._zoom_chosen = True
        if self._zoom_index < len(ZOOMS) - 1:
            self._zoom_index += 1
            self._render()

    def zoom_out(self) -> None:
        self._zoom_chosen = True
        if self._zoom_index > 0:
            self._zoom_index -= 1
            self._render()

    def page_size(self, index: int) -> QSize:
        pixmap = self.pages[index].pixmap()
        return pixmap.size() if pixmap is not None else QSize()

    def _render(self, fit: bool = False) -> None:
        for label in self.pages:
            self.column.removeWidget(label)
            label.deleteLater()
        self.pages = []
        self.empty.setVisible(self._pdf is None)
        if self._pdf is not None:
            import pypdfium2 as pdfium

            document = pdfium.PdfDocument(self._pdf)
            try:
                if fit and len(document):
                    self._zoom_index = self._fitting_zoom(document.get_page_size(0)[0])
                scale = self.zoom * SCREEN_DPI / 72 * self.devicePixelRatioF()
                for index in range(len(document)):
                    page = document[index]
                    try:
                        pixmap = QPixmap.fromImage(page_image(page, scale))
                    finally:
                        page.close()
                    pixmap.setDevicePixelRatio(self.devicePixelRatioF())
                    label = QLabel()
                    label.setPixmap(pixmap)
                    label.setObjectName(f"previewPage{index + 1}")
                    label.setFrameShape(QFrame.Shape.Box)
                    label.setAccessibleName(fill(self.tr("Pagina %1"), index + 1))
                    self.column.addWidget(label)
                    self.pages.append(label)
            finally:
                document.close()
        self._update_controls()
        self.zoom_changed.emit(self.zoom)

    def _update_controls(self) -> None:
        has = self._pdf is not None
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.zoom_in_button.setEnabled(has and self._zoom_index < len(ZOOMS) - 1)
        self.zoom_out_button.setEnabled(has and self._zoom_index > 0)
        self.count_label.setText(fill(self.tr("%1 pagina('s)"), len(self.pages)) if has else "")
