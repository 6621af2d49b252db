"""A4 document with a header (title, period, organisation) and a footer (page x/y, date made)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Protocol

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from amo_desktop import __version__
from amo_desktop.reports.style import FONT, FONT_BOLD, GREY_DARK, GREY_LIGHT, register_fonts

MARGIN = 18 * mm


@dataclass(frozen=True)
class ReportMeta:
    """What the header, footer and PDF metadata say."""

    title: str
    period: str
    organisation: str
    author: str = ""
    subject: str = ""
    confidential: bool = False
    made_at: datetime = field(default_factory=datetime.now)
    keywords: tuple[str, ...] = ()


def _numbered_canvas(meta: ReportMeta) -> type[Canvas]:
    """A canvas that knows the page count when it writes each footer ('pagina 2/5')."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFont(FONT_BOLD, 8.5)
            self.setFillColor(GREY_DARK)
            self.drawString(MARGIN, height - 11 * mm, meta.title)
            self.setFont(FONT, 8.5)
            self.drawRightString(
                width - MARGIN, height - 11 * mm, f"{meta.period} · {meta.organisation}"
            )
            self.setStrokeColor(GREY_LIGHT)
            self.line(MARGIN, height - 13 * mm, width - MARGIN, height - 13 * mm)
            self.line(MARGIN, 13 * mm, width - MARGIN, 13 * mm)
            self.drawString(
                MARGIN,
                9 * mm,
                f"Gemaakt op {meta.made_at:%d/%m/%Y %H:%M} · AMO Desktop {__version__}",
            )
            self.drawRightString(width - MARGIN, 9 * mm, f"Pagina {self._pageNumber}/{total}")
            if meta.confidential:
                self.setFont(FONT_BOLD, 8.5)
                self.drawCentredString(width / 2, height - 11 * mm, "VERTROUWELIJK")
            self.restoreState()

    return NumberedCanvas


def build_pdf(out: Path | IO[bytes], meta: ReportMeta, story: list[Flowable]) -> None:
    """Lay out the story on A4 pages with header and footer; sets the PDF's metadata."""
    register_fonts()
    target: Any = str(out) if isinstance(out, Path) else out
    doc = BaseDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=19 * mm,
        title=meta.title,
        author=meta.author or meta.organisation,
        subject=meta.subject or meta.period,
        creator=f"AMO Desktop {__version__}",
        keywords=list(meta.keywords),
        invariant=False,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(meta))


class PeriodData(Protocol):
    """What a report over a period (steering, school, funder, signal) says in its header."""

    @property
    def organisation(self) -> str: ...

    @property
    def period_label(self) -> str: ...


def build_period_pdf(
    out: Path | IO[bytes],
    data: PeriodData,
    story: list[Flowable],
    author: str,
    title: str,
    subject: str,
    keywords: tuple[str, ...],
) -> None:
    """`build_pdf` for a report over a period: the subject ends with the period, keywords start
    with 'AMO'."""
    meta = ReportMeta(
        title=title,
        period=data.period_label,
        organisation=data.organisation,
        author=author,
        subject=f"{subject} {data.period_label}",
        keywords=("AMO", *keywords),
    )
    build_pdf(out, meta, story)
