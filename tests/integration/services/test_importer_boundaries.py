"""What the importer refuses or warns about, on a real vault: all or nothing (issue 12)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from amo_desktop.domain.caseload import Youth
from amo_desktop.errors import ValidationError
from amo_desktop.services.importer import HEADERS, MAX_ROWS
from tests.integration.services.conftest import Stage
from tests.integration.services.test_importer import (
    jongere,
    referral_count,
    run,
    write_csv,
    write_xlsx,
)


def csv_bytes(path: Path, rows: list[dict[str, object]], encoding: str = "utf-8") -> Path:
    lines = [";".join(HEADERS)]
    lines += [";".join("" if r.get(h) is None else str(r[h]) for h in HEADERS) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def test_an_unknown_column_is_an_error_that_names_the_closest(stage: Stage, tmp_path: Path) -> None:
    headers = ["geboortedatum leerling" if h == "geboortedatum" else h for h in HEADERS]
    row = jongere("Zoë")
    row["geboortedatum leerling"] = row.pop("geboortedatum")
    report = run(stage, write_xlsx(tmp_path / "kolom.xlsx", [row], headers))
    assert [(p.row, p.column) for p in report.problems] == [(1, "geboortedatum leerling")]
    assert "Bedoelt u 'geboortedatum'?" in report.problems[0].message
    assert referral_count(stage) == 0


def test_windows_1252_is_read_and_bytes_that_do_not_decode_are_errors(
    stage: Stage, tmp_path: Path
) -> None:
    report = run(stage, csv_bytes(tmp_path / "excel.csv", [jongere("Zoë")], "cp1252"))
    assert report.ok, [str(p) for p in report.problems]
    with stage.vault.session() as s:
        assert s.scalars(select(Youth.first_name)).all() == ["Zoë"]
    broken = csv_bytes(tmp_path / "kapot.csv", [jongere("Zoë"), jongere("Noël"), jongere("Lien")])
    raw = broken.read_bytes().replace(b"Lien", b"Li\xe9n")  # Latin-1 in a UTF-8 file
    broken.write_bytes(raw)
    report = run(stage, broken)
    assert [(p.row, p.column) for p in report.problems] == [(4, "voornaam")]
    assert "geldige UTF-8" in report.problems[0].message
    with stage.vault.session() as s:
        names = s.scalars(select(Youth.first_name)).all()
    assert names == ["Zoë"] and not any("\ufffd" in n for n in names)


def test_control_characters_are_refused_with_row_and_column(stage: Stage, tmp_path: Path) -> None:
    rows = [jongere("Zoë"), jongere("Ja\x07n"), jongere("Ella", hulpvraag="Lijn 1\nLijn 2")]
    report = run(stage, write_csv(tmp_path / "stuur.csv", rows))
    assert [(p.row, p.column) for p in report.problems] == [(3, "voornaam")]
    assert "U+0007" in report.problems[0].message
    assert referral_count(stage) == 0


def test_a_five_megabyte_cell_is_one_clear_error(stage: Stage, tmp_path: Path) -> None:
    rows = [jongere("Zoë"), jongere("Jan", hulpvraag="x" * 5_000_000)]
    report = run(stage, csv_bytes(tmp_path / "groot.csv", rows))
    assert [(p.row, p.column) for p in report.problems] == [(3, "hulpvraag")]
    assert "hoogstens 4000 tekens, nu 5000000" in report.problems[0].message
    assert referral_count(stage) == 0


def test_more_rows_than_allowed_are_refused(stage: Stage, tmp_path: Path) -> None:
    row = ";".join("" if jongere("Zoë").get(h) is None else str(jongere("Zoë")[h]) for h in HEADERS)
    path = tmp_path / "lang.csv"
    path.write_text(";".join(HEADERS) + "\n" + (row + "\n") * (MAX_ROWS + 1), encoding="utf-8")
    report = run(stage, path)
    assert [p.message for p in report.problems] == [
        f"Het bestand heeft meer dan {MAX_ROWS} rijen; splits het op."
    ]
    assert referral_count(stage) == 0


def test_plausibility_is_a_warning_in_the_dry_run_and_the_import(
    stage: Stage, tmp_path: Path
) -> None:
    rows = [
        jongere("Jong", geboortedatum="2018-01-01"),  # 7 at referral
        jongere("Oud", geboortedatum="1995-01-01"),  # 30
        jongere("Vroeg", datum_aanmelding="2025-08-20", schooljaar="2025-2026"),
        jongere("Goed", schooljaar="2025-26"),
    ]
    path = write_xlsx(tmp_path / "vreemd.xlsx", rows)
    for dry_run in (True, False):
        report = run(stage, path, dry_run=dry_run)
        assert report.ok and report.created == 4, [str(p) for p in report.problems]
        where = [(w.row, w.column) for w in report.warnings]
        assert where == [(2, "geboortedatum"), (3, "geboortedatum"), (4, "datum_aanmelding")]
        assert "7 jaar" in report.warnings[0].message and "30 jaar" in report.warnings[1].message
        assert "voor het schooljaar 2025-2026" in report.warnings[2].message
        assert "2024-2025" in report.warnings[2].message
    assert referral_count(stage) == 4


def test_a_sheet_named_after_a_school_year_is_checked_too(stage: Stage, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "jaar.xlsx", [jongere("Zoë"), jongere("Jan", schooljaar="2025")])
    book = openpyxl.load_workbook(path)
    book.active.title = "Schooljaar 2024-2025"
    book.save(path)
    report = run(stage, path, dry_run=True)
    assert [(p.row, p.column) for p in report.problems] == [(3, "schooljaar")]
    book = openpyxl.load_workbook(path)
    book.active.delete_rows(3)
    book.save(path)
    report = run(stage, path, dry_run=True)
    assert report.ok
    assert [(w.row, w.column) for w in report.warnings] == [(2, "datum_aanmelding")]
    assert "na het schooljaar 2024-2025" in report.warnings[0].message


def test_a_missing_or_unreadable_file_is_one_clear_error(stage: Stage, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="bestaat niet"):
        run(stage, tmp_path / "weg.csv")
    (tmp_path / "map.csv").mkdir()
    with pytest.raises(ValidationError, match="is een map"):
        run(stage, tmp_path / "map.csv")
    (tmp_path / "kapot.xlsx").write_bytes(b"PK\x03\x04 geen echte zip")
    with pytest.raises(ValidationError, match="geen Excel-werkmap"):
        run(stage, tmp_path / "kapot.xlsx")
