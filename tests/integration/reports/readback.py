"""What a reader of a report sees: the PDF's text (pdfium) and every cell of its workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from openpyxl import load_workbook

from amo_desktop.reports.excel import write_xlsx


def pdf_text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def workbook_cells(sheets: dict[str, list[list[Any]]], folder: Path) -> dict[str, list[list[Any]]]:
    """Write the sheets as the app does and read every cell back, sheet by sheet."""
    path = folder / "report.xlsx"
    write_xlsx(path, sheets)
    book = load_workbook(path)
    out = {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book}
    path.unlink()
    return out


def workbook_text(cells: dict[str, list[list[Any]]]) -> str:
    return "\n".join(
        [name for name in cells]
        + [
            " ".join("" if v is None else str(v) for v in row)
            for rows in cells.values()
            for row in rows
        ]
    )
