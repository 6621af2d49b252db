"""Reading an import file without trusting it: encodings, cells, headers, sizes (issue 12)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from amo_desktop.errors import ValidationError
from amo_desktop.services._import_check import parse_school_year
from amo_desktop.services._import_read import (
    MAX_UNPACKED_BYTES,
    cell_problems,
    decode,
    header_map,
    read_file,
)
from amo_desktop.services._import_spec import HEADERS, ImportIssue


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
