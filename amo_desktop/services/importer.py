"""Importing referrals from a spreadsheet (.xlsx or .csv) with Dutch column headers.

All or nothing: every row is checked first and every problem is listed with its row number (as
the spreadsheet shows it) and column header; a file with any problem imports nothing. The
columns, values, limits and choices are documented in docs/import.md. The steps live in
`_import_read` (the file, safely), `_import_check` (each row) and `_import_write` (in bulk).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import User
from amo_desktop.domain.reference import School
from amo_desktop.services import audit, reference
from amo_desktop.services._import_check import Context, Row, check_row, parse_school_year
from amo_desktop.services._import_read import (
    MAX_UNPACKED_BYTES,
    Sheet,
    cell_problems,
    cells_by_column,
    header_map,
    read_file,
)
from amo_desktop.services._import_spec import (
    COLUMNS,
    HEADERS,
    HELP_SHEET,
    IMPORTED_GOAL,
    MAIN_SHEET,
    MAX_ROWS,
    REQUIRED,
    Column,
    ImportIssue,
    issue_order,
    norm,
    text_of,
)
from amo_desktop.services._import_write import BulkWriter
from amo_desktop.services.authz import TEAMLEADER_ROLES, public, requires

__all__ = [
    "COLUMNS",
    "HEADERS",
    "HELP_SHEET",
    "IMPORTED_GOAL",
    "MAIN_SHEET",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "REQUIRED",
    "ImportIssue",
    "ImportReport",
    "import_referrals",
    "write_template",
]


@dataclass
class ImportReport:
    created: int = 0
    warnings: list[ImportIssue] = field(default_factory=list)
    problems: list[ImportIssue] = field(default_factory=list)
    schools_created: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


# --- importing -----------------------------------------------------------------------------
@requires(TEAMLEADER_ROLES)
def import_referrals(
    s: Session,
    caller: Identity,
    path: Path | str,
    today: date | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Checks every row, then creates all referrals in `s`, or nothing if any row is wrong.

    With problems (or `dry_run`) everything done here is rolled back to a savepoint, so the
    caller's session holds no part of the file either way; the report says what happened.
    """
    today = today or datetime.now(UTC).date()
    report = ImportReport(dry_run=dry_run)
    sheet = read_file(Path(path))
    rows = _checked_rows(s, sheet, today, report)
    if rows is None:
        return report
    savepoint = s.begin_nested()
    try:
        _store(s, caller, rows, today, report)
        if report.problems or dry_run:
            savepoint.rollback()
            if report.problems:
                report.created = 0
                report.schools_created = []
        else:
            savepoint.commit()
            audit.record(s, caller.user_id, "import", "referral", None, f"{report.created} rijen")
    except BaseException:
        if savepoint.is_active:
            savepoint.rollback()
        raise
    report.problems.sort(key=issue_order)
    report.warnings.sort(key=issue_order)
    return report


def _checked_rows(s: Session, sheet: Sheet, today: date, report: ImportReport) -> list[Row] | None:
    """Every row checked; None (with the problems in `report`) when anything is wrong."""
    if not any(text_of(v) for v in sheet.header):
        report.problems.append(ImportIssue(1, "", "De eerste rij moet de kolomnamen bevatten."))
        return None
    positions = header_map(sheet.header, report.problems)
    if report.problems:
        return None
    if sheet.too_many:
        report.problems.append(
            ImportIssue(0, "", f"Het bestand heeft meer dan {MAX_ROWS} rijen; splits het op.")
        )
        return None
    coaches = {
        u.login.casefold(): (u.id, u.active and u.removed_at is None)
        for u in s.scalars(select(User))
    }
    context = Context(today, coaches, parse_school_year(sheet.title))
    example = tuple(text_of(c.example) for c in COLUMNS)
    rows: list[Row] = []
    for number, cells in cells_by_column(sheet, positions):
        if all(text_of(cells.get(h)) == e for h, e in zip(HEADERS, example, strict=True)):
            report.warnings.append(
                ImportIssue(number, "", "Dit is de voorbeeldrij uit het sjabloon: overgeslagen.")
            )
            continue
        problems, bad = cell_problems(number, cells, sheet.encoding)
        report.problems.extend(problems)
        checked = check_row(number, cells, context, bad)
        report.problems.extend(checked.problems)
        report.warnings.extend(checked.warnings)
        if checked.row is not None:
            rows.append(checked.row)
    report.problems.sort(key=issue_order)
    report.warnings.sort(key=issue_order)
    if not report.problems and not rows:
        report.problems.append(ImportIssue(0, "", "Het bestand bevat geen aanmeldingen."))
    return None if report.problems else rows


def _store(
    s: Session, caller: Identity, rows: list[Row], today: date, report: ImportReport
) -> None:
    """Schools through their service, then every referral in bulk (see `_import_write`)."""
    schools = _resolve_schools(s, caller, rows, report)
    writer = BulkWriter(s, caller, today)
    for row in rows:
        row.data.school_id = schools[row.school_key][0]
        refused = writer.add(row, report.warnings)
        if refused is not None:
            report.problems.append(refused)
        else:
            report.created += 1
    if not report.problems:
        writer.write()


def _resolve_schools(
    s: Session, caller: Identity, rows: list[Row], report: ImportReport
) -> dict[str, tuple[str, School | None]]:
    """School ids by normalised name; the School objects are kept so lookups stay in memory."""
    known: dict[str, tuple[str, School | None]] = {}
    for school in s.scalars(select(School).order_by(School.active.desc(), School.name)):
        for name in (school.short_name, school.name):
            if name:
                known.setdefault(norm(name), (school.id, school))
    for row in rows:
        if row.school_key not in known:
            made = reference.add_school(s, caller, row.school_name)
            known[row.school_key] = (made.id, s.get(School, made.id))
            report.schools_created.append(made.name)
            report.warnings.append(
                ImportIssue(row.number, "school", f"Nieuwe school '{made.name}' aangemaakt.")
            )
    return known


# --- the template --------------------------------------------------------------------------
def _allowed_labels(column: Column) -> list[tuple[str, str]]:
    if column.enum is None:
        return []
    return [(m.label, m.value) for m in column.enum]


@public
def write_template(path: Path | str) -> Path:
    """An .xlsx with the headers, one example row and a sheet 'Toelichting' with the values."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from amo_desktop.reports.excel import append_row, cell_value

    target = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = MAIN_SHEET
    append_row(sheet, list(HEADERS))
    append_row(sheet, [c.example for c in COLUMNS])
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFF2CC")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = bold
        if column.required:
            cell.fill = required_fill
        example = sheet.cell(row=2, column=index)
        example.font = Font(italic=True, color="808080")
        if isinstance(column.example, date):
            example.number_format = "DD/MM/YYYY"
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(column.header) + 4)
    sheet.freeze_panes = "A2"

    help_sheet = book.create_sheet(HELP_SHEET)
    append_row(help_sheet, ["kolom", "verplicht", "uitleg", "toegelaten waarde (label)", "code"])
    for cell in help_sheet[1]:
        cell.font = bold
    lists = book.create_sheet("Lijsten")
    lists.sheet_state = "hidden"
    list_column = 0
    for index, column in enumerate(COLUMNS, start=1):
        allowed = _allowed_labels(column)
        append_row(
            help_sheet,
            [
                column.header,
                "ja" if column.required else "nee",
                column.explanation,
                allowed[0][0] if allowed else "",
                allowed[0][1] if allowed else "",
            ],
        )
        help_sheet.cell(row=help_sheet.max_row, column=1).font = bold
        for label, code in allowed[1:]:
            append_row(help_sheet, ["", "", "", label, code])
        if allowed and column.header != "redenen":
            list_column += 1
            letter = get_column_letter(list_column)
            for offset, (label, _code) in enumerate(allowed, start=1):
                lists[f"{letter}{offset}"] = cell_value(label)
            check = DataValidation(
                type="list",
                formula1=f"Lijsten!${letter}$1:${letter}${len(allowed)}",
                allow_blank=True,
                showErrorMessage=False,
            )
            sheet.add_data_validation(check)
            target_letter = get_column_letter(index)
            check.add(f"{target_letter}2:{target_letter}{MAX_ROWS + 1}")
    for letter, width in (("A", 22), ("B", 10), ("C", 70), ("D", 55), ("E", 26)):
        help_sheet.column_dimensions[letter].width = width
    book.save(target)
    return target
