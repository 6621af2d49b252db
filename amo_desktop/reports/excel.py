"""Every report's tables as an Excel workbook, for the team leader who works further with them."""

from __future__ import annotations

import io
import json
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from amo_desktop.storage.outputs import save_output


def write_xlsx(path: Path | IO[bytes], sheets: dict[str, list[list[Any]]]) -> None:
    book = Workbook()
    first = True
    for title, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        first = False
        sheet.title = title[:31]
        for row in rows:
            append_row(sheet, row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            width = max((len(str(c.value or "")) for c in column), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    book.save(path)


# OWASP "CSV injection": a cell starting with one of these is run as a formula by Excel,
# LibreOffice or Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_value(value: Any) -> Any:
    """What a spreadsheet cell (XLSX or CSV) gets for a value: text is never a formula.

    Lists and dicts become JSON text. Text that starts like a formula gets a leading single
    quote (OWASP); characters XML cannot hold become U+FFFD instead of failing the export.
    Every writer of a spreadsheet or CSV uses this (or `append_row`).
    """
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False, default=str)
    if not isinstance(value, str):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def append_row(sheet: Worksheet, values: list[Any] | tuple[Any, ...]) -> None:
    """Appends a row through `cell_value` and marks every text cell as a string, never 'f'."""
    cells = [cell_value(v) for v in values]
    sheet.append(cells)
    row = sheet.max_row
    for column, value in enumerate(cells, start=1):
        if isinstance(value, str):
            sheet.cell(row=row, column=column).data_type = "s"


def rows_of(items: list[Any]) -> list[list[Any]]:
    """A list of dataclasses as a header row plus one row per item."""
    if not items:
        return [["(geen gegevens)"]]
    dicts = [asdict(i) if is_dataclass(i) and not isinstance(i, type) else dict(i) for i in items]
    header = list(dicts[0])
    return [header, *[[d.get(h) for h in header] for d in dicts]]


def to_json(data: Any) -> str:
    plain = asdict(data) if is_dataclass(data) and not isinstance(data, type) else data
    return json.dumps(
        plain,
        default=str,
        indent=2,
        ensure_ascii=False,
        sort_keys=True,
    )


def write_report(
    out: Path,
    pdf: bytes,
    sheets: dict[str, list[list[Any]]],
    json_text: str,
    *,
    protect: Path | None,
) -> Path:
    """The extension picks the format: .pdf, .xlsx or .json; written by `save_output` (atomic,
    private, never onto the files of the vault in `protect`)."""
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        buffer = io.BytesIO()
        write_xlsx(buffer, sheets)
        data = buffer.getvalue()
    elif suffix == ".json":
        data = json_text.encode("utf-8")
    else:
        data = pdf
    return save_output(out, data, protect)
