"""Renders resources/icons/amo-desktop.svg into the .ico (16-256 px) and .png the build uses.

Run after changing the SVG, then commit the generated files:
    python packaging/make_icons.py
Needs PySide6 (QtSvg renders the SVG, each size on its own so small sizes stay sharp) and Pillow
(writes the multi-size .ico).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "amo-desktop.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 256)
PNG_SIZE = 256


def render(size: int) -> bytes:
    """The SVG drawn at size x size pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = {size: Image.open(io.BytesIO(render(size))).convert("RGBA") for size in ICO_SIZES}
    largest = images[max(ICO_SIZES)]
    largest.save(
        ICONS / "amo-desktop.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    Image.open(io.BytesIO(render(PNG_SIZE))).save(ICONS / "amo-desktop.png", optimize=True)
    check = Image.open(ICONS / "amo-desktop.ico")
    print(f"amo-desktop.ico sizes: {sorted(check.info['sizes'])}; amo-desktop.png {PNG_SIZE} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
