"""Fonts, paragraph styles and grey tones in one place, so every report looks the same."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from amo_desktop.config import resources_dir

FONT = "AMOSans"
FONT_BOLD = "AMOSans-Bold"
FONT_ITALIC = "AMOSans-Oblique"

# Readable in black and white: distinct greys, darkest for what matters most.
GREY_DARK = colors.HexColor("#333333")
GREY_MID = colors.HexColor("#808080")
GREY_LIGHT = colors.HexColor("#C8C8C8")
GREY_FAINT = colors.HexColor("#EFEFEF")
SERIES = (GREY_DARK, GREY_MID, GREY_LIGHT)


@cache
def register_fonts() -> None:
    """DejaVu Sans (Latin Extended: Łukasz, Şahin, Øberg, Nguyễn), embedded in every PDF."""
    folder = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_ITALIC, str(folder / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=4)

    def heading(name: str, **sizes: float) -> ParagraphStyle:
        # keepWithNext: a heading never stands alone at the foot of a page
        return ParagraphStyle(name, parent=body, fontName=FONT_BOLD, keepWithNext=1, **sizes)

    return {
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=6
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=11, leading=14, textColor=GREY_DARK, spaceAfter=14
        ),
        "h1": heading("h1", fontSize=13, leading=16, spaceBefore=12, spaceAfter=6),
        "h2": heading("h2", fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=4),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=GREY_DARK),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_right": ParagraphStyle(
            "cell_right", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0, alignment=TA_RIGHT
        ),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=10.5, spaceAfter=0
        ),
        "key": ParagraphStyle("key", parent=body, fontName="Courier-Bold", fontSize=15, leading=22),
    }
