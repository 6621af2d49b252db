"""Reading an import file without trusting it (docs/import.md, "Grenzen").

The size of an .xlsx is judged from its zip directory before anything is unpacked (the zip
reader never yields more than that directory declares), its XML is parsed by openpyxl through
defusedxml, a CSV must be valid in the encoding it is read in, and every cell is checked for
bytes that did not decode, control characters and its column's length. Each refusal names the
row and the column, as the spreadsheet shows them.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amo_desktop.errors import ValidationError
from amo_desktop.services._import_spec import (
    DEFAULT_MAX_LENGTH,
    HEADERS,
    MAIN_SHEET,
    MAX_LENGTH,
    MAX_ROWS,
    MULTILINE,
    REQUIRED,
    ImportIssue,
    header_key,
    text_of,
)

MAX_CSV_BYTES = 64 * 2**20
MAX_UNPACKED_BYTES = 128 * 2**20  # all members of an .xlsx together, as its zip directory says
MAX_ZIP_MEMBERS = 2_000
MAX_COLUMNS = 200

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes kept by the 'surrogateescape' handler
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass
class Sheet:
    """The header and the non-empty rows with their row number as the spreadsheet shows it."""

    header: tuple[Any, ...]
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    encoding: str = ""  # a CSV's, for the messages about bytes that do not decode
    title: str = ""  # an .xlsx sheet's title
    too_many: bool = False


def bad_file(message: str) -> ValidationError:
    return ValidationError("bestand", message, message)


def read_file(path: Path) -> Sheet:
    """The file's first sheet (or 'Aanmeldingen'), within the limits, or one clear refusal."""
    if path.is_dir():
        raise bad_file(f"{path} is een map, geen bestand. Kies een .xlsx- of .csv-bestand.")
    if not path.is_file():
        raise bad_file(f"Het bestand {path} bestaat niet.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    if suffix == ".xls":
        raise bad_file("Dit is een oud Excel-bestand (.xls). Bewaar het als .xlsx of .csv.")
    raise bad_file("Kies een .xlsx- of .csv-bestand.")


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB"


def _check_zip(path: Path) -> None:
    """Refuses an .xlsx that would unpack to far more than a sheet of referrals can be."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise bad_file(
            "Dit .xlsx-bestand kan niet gelezen worden: het is geen Excel-werkmap."
        ) from exc
    except OSError as exc:
        raise bad_file(f"Dit bestand kan niet gelezen worden: {exc.strerror or exc}.") from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise bad_file(f"Dit .xlsx-bestand bevat {len(members)} delen; dat is geen gewone lijst.")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise bad_file(
            f"Dit .xlsx-bestand is uitgepakt {_megabytes(unpacked)} groot; hoogstens "
            f"{_megabytes(MAX_UNPACKED_BYTES)} kan ingelezen worden. Splits het bestand op."
        )


_BROKEN_XLSX = (
    "Dit .xlsx-bestand is beschadigd of bevat ongeldige XML; het kan niet gelezen worden."
)


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    _check_zip(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError) as exc:
        raise bad_file(
            "Dit .xlsx-bestand kan niet gelezen worden: het is geen Excel-werkmap."
        ) from exc
    except OSError as exc:
        raise bad_file(f"Dit bestand kan niet gelezen worden: {exc.strerror or exc}.") from exc
    except Exception as exc:  # malformed or hostile XML (defusedxml refuses entities and DTDs)
        raise bad_file(_BROKEN_XLSX) from exc
    try:
        sheet = book[MAIN_SHEET] if MAIN_SHEET in book.sheetnames else book.worksheets[0]
        # Rows are read no wider than the header, so a stray cell in column XFD costs nothing.
        header = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), ())
        width = max((i + 1 for i, v in enumerate(header) if text_of(v)), default=0)
        result = Sheet(tuple(header[:width]), title=sheet.title)
        if width:
            values = sheet.iter_rows(min_row=2, max_col=width, values_only=True)
            _collect(result, enumerate(values, start=2))
        return result
    except ValidationError:
        raise
    except Exception as exc:
        raise bad_file(_BROKEN_XLSX) from exc
    finally:
        book.close()


def _collect(sheet: Sheet, numbered: Iterator[tuple[int, Sequence[Any]]]) -> None:
    """Keeps the non-empty rows, up to one more than the limit (so 'too many' can be said)."""
    for number, values in numbered:
        if any(text_of(v) for v in values):
            if len(sheet.rows) == MAX_ROWS:
                sheet.too_many = True
                return
            sheet.rows.append((number, tuple(values)))


def decode(raw: bytes) -> tuple[str, str]:
    """The text and its encoding's name: UTF-8 (with or without BOM) or Windows-1252.

    A file with any valid UTF-8 sequence of two or more bytes stays UTF-8 (Windows-1252 text
    practically never holds one), so a stray byte is reported where it is instead of every
    accent silently turning into two wrong characters. Bytes that do not decode are kept as
    lone surrogates and reported per cell by `cell_problems`.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "surrogateescape"), "UTF-8"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_SEQUENCE.search(raw):
        return raw.decode("utf-8", "surrogateescape"), "UTF-8"
    return raw.decode("cp1252", "surrogateescape"), "Windows-1252"  # Excel's "CSV" in Belgium


def _read_csv(path: Path) -> Sheet:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise bad_file(
                f"Dit bestand is {_megabytes(size)} groot; hoogstens {_megabytes(MAX_CSV_BYTES)} "
                "kan ingelezen worden. Splits het bestand op."
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise bad_file(f"Dit bestand kan niet gelezen worden: {exc.strerror or exc}.") from exc
    text, encoding = decode(raw)
    # One cell may be as long as the file: its length is judged per column, with row and column.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CSV_BYTES))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 1
    try:
        header = next(reader, [])
        sheet = Sheet(tuple(header[:MAX_COLUMNS]), encoding=encoding)
        width = len(sheet.header)
        numbered = ((number, row[:width]) for number, row in enumerate(reader, start=2))
        _collect(sheet, numbered)
    except csv.Error as exc:
        number = reader.line_num
        raise bad_file(
            f"Rond regel {number} kan dit CSV-bestand niet gelezen worden: een cel is te lang of "
            f"een aanhalingsteken staat verkeerd ({exc})."
        ) from exc
    return sheet


def header_map(header: Sequence[object], problems: list[ImportIssue]) -> dict[str, int]:
    """Column positions by header; an unknown, doubled or missing column is a problem on row 1."""
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = header_key(cell)
        if not key:
            continue
        shown = text_of(cell)[:60]
        if _UNDECODED.search(key) or _CONTROL_IN_LINE.search(key):
            problems.append(ImportIssue(1, "", f"De kolomnaam in kolom {index + 1} is onleesbaar."))
        elif key not in HEADERS:
            closest = difflib.get_close_matches(key, HEADERS, n=1, cutoff=0.0)[0]
            problems.append(
                ImportIssue(
                    1,
                    shown,
                    f"Onbekende kolom '{shown}'. Bedoelt u '{closest}'? Hernoem of verwijder "
                    "de kolom (de toegelaten kolommen staan op het blad Toelichting).",
                )
            )
        elif key in positions:
            problems.append(ImportIssue(1, key, "Deze kolom staat er twee keer in."))
        positions.setdefault(key, index)
    for name in REQUIRED:
        if name not in positions:
            problems.append(ImportIssue(1, name, "Deze verplichte kolom ontbreekt."))
    return positions


def cells_by_column(
    sheet: Sheet, positions: dict[str, int]
) -> Iterator[tuple[int, dict[str, object]]]:
    for number, values in sheet.rows:
        yield (
            number,
            {
                name: values[index] if index < len(values) else None
                for name, index in positions.items()
                if name in HEADERS
            },
        )


def cell_problems(
    number: int, cells: dict[str, object], encoding: str
) -> tuple[list[ImportIssue], set[str]]:
    """Undecodable bytes, control characters and overlong text; bad cells are emptied."""
    problems: list[ImportIssue] = []
    for column, value in cells.items():
        if not isinstance(value, str):
            continue
        message = _cell_problem(column, value, encoding)
        if message:
            problems.append(ImportIssue(number, column, message))
            cells[column] = None
    return problems, {p.column for p in problems}


def _cell_problem(column: str, value: str, encoding: str) -> str:
    if _UNDECODED.search(value):
        return (
            f"Deze cel bevat bytes die geen geldige {encoding or 'tekst'} zijn. Bewaar het "
            "bestand als 'CSV UTF-8' of als .xlsx en probeer opnieuw."
        )
    limit = MAX_LENGTH.get(column, DEFAULT_MAX_LENGTH)
    text = value.strip()
    if len(text) > limit:
        return f"Deze cel is te lang: hoogstens {limit} tekens, nu {len(text)}."
    control = (_CONTROL_IN_TEXT if column in MULTILINE else _CONTROL_IN_LINE).search(text)
    if control:
        return (
            f"Deze cel bevat een onzichtbaar stuurteken (U+{ord(control.group()):04X}); "
            "verwijder het."
        )
    return ""
