"""Reading an import file without trusting it: encodings, cells, headers, sizes (issue 12)."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from amo_desktop.errors import ValidationError
from amo_desktop.services import _import_read
from amo_desktop.services._import_check import parse_school_year
from amo_desktop.services._import_read import (
    MAX_COLUMNS,
    MAX_CSV_BYTES,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_MEMBERS,
    Sheet,
    _collect,
    cell_problems,
    cells_by_column,
    decode,
    header_map,
    read_file,
)
from amo_desktop.services._import_spec import HEADERS, MAX_ROWS, REQUIRED, ImportIssue


def test_openpyxl_reads_xml_through_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_decode_keeps_utf8_and_reports_stray_bytes_instead_of_guessing() -> None:
    assert decode("Zoë;Łukasz".encode()) == ("Zoë;Łukasz", "UTF-8")
    assert decode(b"\xef\xbb\xbfZo\xc3\xab") == ("Zoë", "UTF-8")
    assert decode("Zoë;Noël".encode("cp1252")) == ("Zoë;Noël", "Windows-1252")
    mostly_utf8 = "Zoë;Noël;Chloé;".encode() + b"Ren\xe9"  # one Latin-1 byte among UTF-8
    text, encoding = decode(mostly_utf8)
    assert encoding == "UTF-8" and text.startswith("Zoë;Noël;Chloé;Ren") and "\udce9" in text
    text, encoding = decode(b"Zo\xeb \x81")  # 0x81 means nothing in Windows-1252
    assert encoding == "Windows-1252" and text == "Zoë \udc81"


def test_a_bad_cell_is_named_by_row_and_column_and_emptied() -> None:
    cells: dict[str, object] = {
        "voornaam": "Ren\udce9",
        "achternaam": "Pee\x01ters",
        "klas": "2B\nA",
        "hulpvraag": "Eerste lijn\nTweede lijn\tmet tab",
        "school": "x" * 201,
        "aanmelder": "  Mevr. Janssens\n",  # only at the edges: trimmed, not refused
        "geboortedatum": 5,
    }
    problems, bad = cell_problems(7, cells, "UTF-8")
    assert bad == {"voornaam", "achternaam", "klas", "school"}
    messages = {p.column: p.message for p in problems}
    assert "geldige UTF-8" in messages["voornaam"] and all(p.row == 7 for p in problems)
    assert "U+0001" in messages["achternaam"] and "U+000A" in messages["klas"]
    assert "hoogstens 200 tekens, nu 201" in messages["school"]
    assert cells["voornaam"] is None and cells["hulpvraag"] == "Eerste lijn\nTweede lijn\tmet tab"
    assert "Ren" not in " ".join(messages.values())  # the content itself is never echoed


def test_an_unknown_column_names_the_closest_known_one() -> None:
    problems: list[ImportIssue] = []
    header = [h for h in HEADERS if h != "geboortedatum"] + ["Geboortedatum leerling", "Opmerking"]
    header_map(header, problems)
    assert [(p.row, p.column) for p in problems] == [
        (1, "Geboortedatum leerling"),
        (1, "Opmerking"),
    ]
    assert "Bedoelt u 'geboortedatum'?" in problems[0].message
    assert "Bedoelt u '" in problems[1].message


def test_school_years_as_teams_write_them() -> None:
    assert parse_school_year("2025-2026").start_year == 2025  # type: ignore[union-attr]
    assert parse_school_year("Schooljaar 2024-25").start_year == 2024  # type: ignore[union-attr]
    assert parse_school_year("2025/2026").start_year == 2025  # type: ignore[union-attr]
    assert parse_school_year("2099-00").start_year == 2099  # type: ignore[union-attr]
    assert parse_school_year("9999-0000").start_year == 9999  # type: ignore[union-attr]
    for text in ("2025-2027", "Blad1", "2025", ""):
        assert parse_school_year(text) is None


def zeros_member(path: Path, size: int) -> Path:
    """A valid zip whose one member unpacks to `size` bytes of zeros (a few hundred KB packed)."""
    chunk = b"\0" * 2**20
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(size // len(chunk)):
            member.write(chunk)
    return path


def test_an_xlsx_that_unpacks_too_far_is_refused_before_reading(tmp_path: Path) -> None:
    bomb = zeros_member(tmp_path / "bom.xlsx", MAX_UNPACKED_BYTES + 2**20)
    assert bomb.stat().st_size < 2 * 2**20
    with pytest.raises(ValidationError) as refused:
        read_file(bomb)
    assert "uitgepakt" in refused.value.message("nl") and "Splits" in refused.value.message("nl")


def test_xml_with_entities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lol.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["datum_aanmelding", "school"])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    laughs = '<!DOCTYPE worksheet [<!ENTITY a "hahahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    parts["xl/worksheets/sheet1.xml"] = (laughs + sheet.replace(">school<", ">&b;<")).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(ValidationError) as refused:
        read_file(path)
    assert "ongeldige XML" in refused.value.message("nl")


def refusal(path: Path) -> str:
    with pytest.raises(ValidationError) as refused:
        read_file(path)
    assert refused.value.field == "bestand"  # shown beside the file, not a column
    return refused.value.message("nl")


def test_only_a_spreadsheet_file_is_read(tmp_path: Path) -> None:
    assert (
        refusal(tmp_path)
        == f"{tmp_path} is een map, geen bestand. Kies een .xlsx- of .csv-bestand."
    )
    assert refusal(tmp_path / "weg.csv") == f"Het bestand {tmp_path / 'weg.csv'} bestaat niet."
    (tmp_path / "oud.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    assert refusal(tmp_path / "oud.xls") == (
        "Dit is een oud Excel-bestand (.xls). Bewaar het als .xlsx of .csv."
    )
    (tmp_path / "lijst.docx").write_bytes(b"PK")
    assert refusal(tmp_path / "lijst.docx") == "Kies een .xlsx- of .csv-bestand."
    (tmp_path / "LIJST.TXT").write_text("school,onderwerp\nVKO,jongere\n", encoding="utf-8")
    sheet = read_file(tmp_path / "LIJST.TXT")
    assert sheet.header == ("school", "onderwerp") and sheet.rows == [(2, ("VKO", "jongere"))]


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_the_sheet_named_aanmeldingen_is_read_no_wider_than_its_header(tmp_path: Path) -> None:
    rows = [["school", "onderwerp", None], ["VKO", "jongere", None, "verdwaald"], [], [None, " "]]
    rows.append(["Atheneum"])
    path = workbook(
        tmp_path / "lijst.XLSM", {"Blad1": [["iets"], ["anders"]], "Aanmeldingen": rows}
    )
    sheet = read_file(path)
    assert (sheet.title, sheet.header) == ("Aanmeldingen", ("school", "onderwerp"))
    assert sheet.rows == [(2, ("VKO", "jongere")), (5, ("Atheneum", None))]
    assert not sheet.too_many
    first = read_file(workbook(tmp_path / "blad.xlsx", {"Schooljaar 2025-2026": rows}))
    assert first.title == "Schooljaar 2025-2026" and first.rows == sheet.rows


def test_a_sheet_without_a_header_has_no_rows(tmp_path: Path) -> None:
    sheet = read_file(workbook(tmp_path / "leeg.xlsx", {"Blad1": [[None, ""], ["VKO", "jongere"]]}))
    assert sheet.header == () and sheet.rows == []


def test_rows_up_to_the_limit_are_kept_and_one_more_is_too_many() -> None:
    full = Sheet(("school",))
    _collect(full, ((n, ("VKO",)) for n in range(2, MAX_ROWS + 2)))
    assert len(full.rows) == MAX_ROWS and not full.too_many
    over = Sheet(("school",))
    _collect(over, ((n, ("VKO",)) for n in range(2, MAX_ROWS + 3)))
    assert len(over.rows) == MAX_ROWS and over.too_many
    assert over.rows[-1] == (MAX_ROWS + 1, ("VKO",))


def declared_zip(path: Path, sizes: list[int]) -> Path:
    """A small zip whose directory declares members of `sizes` bytes (as a bomb's would)."""
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(len(sizes)):
            archive.writestr(f"xl/part{i}.xml", b"<a/>")
    raw = bytearray(path.read_bytes())
    at = raw.find(b"PK\x01\x02")
    for size in sizes:
        raw[at + 24 : at + 28] = size.to_bytes(4, "little")
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))
    return path


def test_the_zip_directory_is_judged_before_anything_is_unpacked(tmp_path: Path) -> None:
    half = MAX_UNPACKED_BYTES // 2
    message = refusal(declared_zip(tmp_path / "bom.xlsx", [half, half + 1, 0]))
    assert message == (
        "Dit .xlsx-bestand is uitgepakt 128 MB groot; hoogstens 128 MB kan ingelezen worden. "
        "Splits het bestand op."
    )
    assert "uitgepakt 300 MB" in refusal(declared_zip(tmp_path / "groot.xlsx", [300 * 2**20]))
    # exactly the limit passes the size check; this zip is no workbook, so reading refuses it
    at_limit = refusal(declared_zip(tmp_path / "net.xlsx", [half, half]))
    assert at_limit == "Dit .xlsx-bestand kan niet gelezen worden: het is geen Excel-werkmap."


def test_an_xlsx_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    many = declared_zip(tmp_path / "veel.xlsx", [1] * (MAX_ZIP_MEMBERS + 1))
    assert refusal(many) == "Dit .xlsx-bestand bevat 2001 delen; dat is geen gewone lijst."
    assert "delen" not in refusal(declared_zip(tmp_path / "net.xlsx", [1] * MAX_ZIP_MEMBERS))
    (tmp_path / "tekst.xlsx").write_text("school;onderwerp\n", encoding="utf-8")
    assert refusal(tmp_path / "tekst.xlsx") == (
        "Dit .xlsx-bestand kan niet gelezen worden: het is geen Excel-werkmap."
    )


def test_a_csv_larger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "groot.csv"
    with path.open("wb") as handle:  # sparse: nothing is written but its size
        handle.truncate(MAX_CSV_BYTES + 1)
    assert refusal(path) == (
        "Dit bestand is 64 MB groot; hoogstens 64 MB kan ingelezen worden. Splits het bestand op."
    )


def test_a_csv_of_exactly_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "net.csv"
    path.write_bytes(b"school\nVKO\n")
    monkeypatch.setattr(_import_read, "MAX_CSV_BYTES", 11)  # the limit, made small
    assert read_file(path).rows == [(2, ("VKO",))]
    monkeypatch.setattr(_import_read, "MAX_CSV_BYTES", 10)
    assert "Splits het bestand op" in refusal(path)


def test_a_file_that_cannot_be_read_is_one_clear_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lijst.csv"
    path.write_bytes(b"school\nVKO\n")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert refusal(path) == "Dit bestand kan niet gelezen worden: Permission denied."

    def broken(self: Path) -> bytes:
        raise OSError("schijf weg")

    monkeypatch.setattr(Path, "read_bytes", broken)
    assert refusal(path) == "Dit bestand kan niet gelezen worden: schijf weg."


def test_a_csv_is_split_on_its_first_lines_separator(tmp_path: Path) -> None:
    path = tmp_path / "komma.csv"
    path.write_bytes("school,klas;x,y\nVKO,2B;x,,\n\n , \nAtheneum\n".encode("cp1252"))
    sheet = read_file(path)
    assert sheet.header == ("school", "klas;x", "y") and sheet.encoding == "UTF-8"
    assert sheet.rows == [(2, ("VKO", "2B;x", "")), (5, ("Atheneum",))]
    path.write_bytes("school;klas,x\nZoë;2,B,C\n".encode("cp1252"))  # as many: ';'
    sheet = read_file(path)
    assert sheet.header == ("school", "klas,x") and sheet.encoding == "Windows-1252"
    assert sheet.rows == [(2, ("Zoë", "2,B,C"))]  # the first line decides, not the second
    path.write_bytes(b"school\nVKO\n")  # no separator at all: a single column
    assert read_file(path).rows == [(2, ("VKO",))]


def test_a_csv_header_is_read_no_wider_than_the_column_limit(tmp_path: Path) -> None:
    path = tmp_path / "breed.csv"
    path.write_text(";".join(f"k{i}" for i in range(MAX_COLUMNS + 5)) + "\n", encoding="utf-8")
    assert len(read_file(path).header) == MAX_COLUMNS


def test_a_header_cell_is_unreadable_doubled_or_missing() -> None:
    problems: list[ImportIssue] = []
    header = ["school", " ", None, "Onder\x07werp", "datum\udce9", "School", "x" * 80]
    positions = header_map(header, problems)
    assert positions["school"] == 0 and "onderwerp" not in positions
    assert [(p.row, p.column, p.message) for p in problems[:3]] == [
        (1, "", "De kolomnaam in kolom 4 is onleesbaar."),
        (1, "", "De kolomnaam in kolom 5 is onleesbaar."),
        (1, "school", "Deze kolom staat er twee keer in."),
    ]
    assert (problems[3].row, problems[3].column) == (1, "x" * 60)
    assert problems[3].message.startswith(f"Onbekende kolom '{'x' * 60}'. Bedoelt u '")
    assert problems[3].message.endswith(
        "'? Hernoem of verwijder de kolom (de toegelaten kolommen staan op het blad Toelichting)."
    )
    missing = [p.column for p in problems[4:]]
    assert missing == [h for h in REQUIRED if h != "school"]
    assert {(p.row, p.message) for p in problems[4:]} == {(1, "Deze verplichte kolom ontbreekt.")}


def test_cells_are_taken_by_known_column_and_short_rows_read_empty() -> None:
    problems: list[ImportIssue] = []
    positions = header_map(["school", "Opmerking", "klas"], problems)
    rows = [(2, ("VKO", "iets", "2B")), (3, ("A", "iets"))]  # a short CSV row
    sheet = Sheet(("school", "Opmerking", "klas"), rows=rows)
    assert list(cells_by_column(sheet, positions)) == [
        (2, {"school": "VKO", "klas": "2B"}),
        (3, {"school": "A", "klas": None}),
    ]


def test_each_column_has_its_own_length_and_line_rules() -> None:
    ok = {"voornaam": "a" * 100, "klas": "a" * 20, "hulpvraag": "a" * 4000, "status": "a" * 200}
    ok |= {"redenen": "a" * 1000, "groep_omschrijving": "Lijn 1\r\nLijn\t2\x0b"[:-1]}
    assert cell_problems(3, dict(ok), "") == ([], set())
    too_long = {k: v + "a" for k, v in ok.items() if k != "groep_omschrijving"}
    problems, bad = cell_problems(3, too_long, "")
    assert bad == set(too_long)
    assert {p.column: p.message for p in problems}["status"] == (
        "Deze cel is te lang: hoogstens 200 tekens, nu 201."
    )
    problems, _ = cell_problems(3, {"groep_omschrijving": "a\x0bb", "school": "a\x7f"}, "")
    assert [p.message for p in problems] == [
        "Deze cel bevat een onzichtbaar stuurteken (U+000B); verwijder het.",
        "Deze cel bevat een onzichtbaar stuurteken (U+007F); verwijder het.",
    ]
    problems, _ = cell_problems(3, {"hulpvraag": "\x9fa", "klas": "a\x1fb"}, "")
    assert [p.column for p in problems] == ["hulpvraag", "klas"]
    problems, _ = cell_problems(3, {"geboortedatum": 5, "school": "Ren\udce9"}, "")
    assert problems[0].message == (
        "Deze cel bevat bytes die geen geldige tekst zijn. Bewaar het bestand als 'CSV UTF-8' of "
        "als .xlsx en probeer opnieuw."
    )


def test_a_formula_is_read_as_its_value_and_the_file_is_let_go(tmp_path: Path) -> None:
    rows = [["school", "aantal"], ["VKO", "=1+1"]]
    path = workbook(tmp_path / "formule.xlsx", {"Aanmeldingen": rows})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    assert "<f>1+1</f><v />" in sheet_xml
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.replace("<v />", "<v>2</v>").encode()  # as Excel
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert read_file(path).rows == [(2, ("VKO", 2))]
    fd_dir = Path("/proc/self/fd")
    if fd_dir.is_dir():  # the workbook is closed: the user may move or delete the file
        assert not any(str(p.resolve()) == str(path.resolve()) for p in fd_dir.iterdir())


def test_an_xlsx_header_is_read_no_wider_than_the_column_limit(tmp_path: Path) -> None:
    header = [f"k{i}" for i in range(MAX_COLUMNS + 5)]
    sheet = read_file(workbook(tmp_path / "breed.xlsx", {"Blad1": [header, header]}))
    assert len(sheet.header) == MAX_COLUMNS and len(sheet.rows[0][1]) == MAX_COLUMNS


def test_a_stray_byte_after_a_bom_is_kept_to_be_reported() -> None:
    assert decode(b"\xef\xbb\xbfZo\xc3\xab;Ren\xe9") == ("Zoë;Ren\udce9", "UTF-8")


def test_a_quoted_csv_cell_keeps_its_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "lijnen.csv"
    path.write_bytes(b'school;hulpvraag\r\nVKO;"Lijn 1\r\nLijn 2"\r\n')
    assert read_file(path).rows == [(2, ("VKO", "Lijn 1\r\nLijn 2"))]


def test_an_empty_csv_has_no_header_and_old_mac_line_ends_are_lines(tmp_path: Path) -> None:
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"")
    sheet = read_file(path)
    assert sheet.header == () and sheet.rows == []  # the importer then names the missing columns
    path.write_bytes(b"school;klas\rVKO;2B\rAtheneum;3C\r")
    assert read_file(path).rows == [(2, ("VKO", "2B")), (3, ("Atheneum", "3C"))]


def test_a_stray_cell_far_down_or_right_is_read_without_loading_the_sheet(tmp_path: Path) -> None:
    # opened read-only, a cell in the last row costs about a second, not half a minute
    book = openpyxl.Workbook()
    book.active.append(["school", "klas"])
    book.active.append(["VKO", "2B"])
    book.active["A1048576"] = "ver weg"
    book.active["XFD3"] = "breed"
    book.save(tmp_path / "ver.xlsx")
    started = time.process_time()  # CPU time: the same on a busy machine
    sheet = read_file(tmp_path / "ver.xlsx")
    assert time.process_time() - started < 4  # loading the whole sheet takes 8 s here
    assert sheet.rows == [(2, ("VKO", "2B")), (1048576, ("ver weg", None))]


def test_an_xlsx_that_cannot_be_opened_is_one_clear_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "lijst.xlsx", {"Blad1": [["school"]]})

    def denied(*args: object, **kwargs: object) -> zipfile.ZipFile:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(zipfile, "ZipFile", denied)
    assert refusal(path) == "Dit bestand kan niet gelezen worden: Permission denied."


def test_an_empty_workbook_has_no_header_and_a_broken_sheet_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "leeg.xlsx", {"Blad1": []})
    sheet = read_file(path)
    assert sheet.header == () and sheet.rows == []
    broken = "Dit .xlsx-bestand is beschadigd of bevat ongeldige XML; het kan niet gelezen worden."
    path = workbook(tmp_path / "kapot.xlsx", {"Blad1": [["school", "aantal"], ["VKO", 3]]})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    for changed in (
        sheet_xml.replace("<v>3</v>", "<v>drie</v>"),  # not a number: found reading the rows
        "<worksheet><sheetData><row r='1'><c",  # cut off: the workbook does not open
    ):
        assert changed != sheet_xml
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, changed if name == "xl/worksheets/sheet1.xml" else data)
        assert refusal(path) == broken

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(openpyxl, "load_workbook", denied)
    assert refusal(path) == "Dit bestand kan niet gelezen worden: Permission denied."
