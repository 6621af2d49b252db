"""The attacker: reads every count a report prints (its workbook, checked against its PDF), writes
down what a reader knows (a table adds up to its total, the same total printed elsewhere, a period
within its school year) and solves for the hidden cells. None may come out exactly.

Runs over the reports of every school (and the steering, funder and signal reports) of a demo
vault of the typical scale, made once for this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from amo_desktop.demo import DEFAULT_TODAY, DEMO_LEADER, fill_vault
from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.reports.blocks import number
from amo_desktop.reports.disclosure import PRIMARY, SECONDARY, WITHHELD_NOTE
from amo_desktop.services import accounts, reference, report_jobs
from amo_desktop.services.report_jobs import ReportRequest
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF
from tests.integration.reports.readback import pdf_text, workbook_cells
from tests.unit.reports.attacker import determined

pytestmark = pytest.mark.slow
PASSWORD = "demo-wachtwoord"
TODAY = DEFAULT_TODAY
THIS_YEAR = SchoolYear.of(TODAY)
LAST_YEAR = SchoolYear(THIS_YEAR.start_year - 1)
MARKS = (PRIMARY, SECONDARY)
Cell = tuple[str, str, str]  # sheet, row label, column header


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    vault = Vault(tmp_path_factory.mktemp("typical"), kdf=FAST_KDF)
    accounts.create_vault(vault, "Groep INTRO (demo)", DEMO_LEADER, "Lotte Vermeulen", PASSWORD)
    fill_vault(vault, PASSWORD, scale="typical", seed=1, today=TODAY)
    yield vault
    vault.lock()


def read(sheets: dict[str, list[list[Any]]]) -> tuple[dict[Cell, str], list, list]:
    """Every printed count by (sheet, row, column), and each table's sum over its total row."""
    printed: dict[Cell, str] = {}
    sums: list[tuple[Cell, list[Cell]]] = []
    for name, rows in sheets.items():
        if name == "Capaciteit" or not rows:
            continue
        header = [str(h) for h in rows[0]]
        body: list[str] = []
        for row in rows[1:]:
            if not row or row[0] is None:
                break  # the legend follows an empty row
            label = str(row[0])
            for col, value in zip(header[1:], row[1:], strict=False):
                if isinstance(value, int) or value in (*MARKS, "–"):
                    printed[(name, label, col)] = str(value)
            if label == "Totaal" and not any(r and r[0] == WITHHELD_NOTE for r in rows):
                for col in header[1:]:
                    if (name, "Totaal", col) in printed:
                        parts = [(name, b, col) for b in body if (name, b, col) in printed]
                        sums.append(((name, "Totaal", col), parts))
            else:
                body.append(label)
    return printed, sums, []


def same(printed: dict[Cell, str], sums: list, a: Cell, b: Cell) -> None:
    """The reader knows a and b are the same figure."""
    if a in printed and b in printed:
        sums.append((a, [b]))


def steering_knowledge(
    printed: dict[Cell, str], sums: list, at_most: list, full: bool, year: int
) -> None:
    key = ("Kerncijfers", "Aanmeldingen deze periode", "Waarde")
    for sheet in ("Aanmeldingen per aanbod", "Per graad", "Aanmeldingen per school"):
        same(printed, sums, key, (sheet, "Totaal", "Aantal"))
    same(printed, sums, key, ("Aanmeldingen", "Totaal", "Deze periode"))
    ytd = ("Kerncijfers", "Aanmeldingen dit schooljaar", "Waarde")
    same(printed, sums, ytd, ("Aanmeldingen", "Totaal", "Schooljaar tot nu"))
    rows = {label for (sheet, label, _) in printed if sheet == "Aanmeldingen"}
    for label in rows:
        period = ("Aanmeldingen", label, "Deze periode")
        so_far = ("Aanmeldingen", label, "Schooljaar tot nu")
        if period in printed and so_far in printed:
            if full:
                same(printed, sums, period, so_far)
            else:
                at_most.append((period, so_far))
    running = ("Trajecten en bereik", "Lopende trajecten", "Aantal")
    same(printed, sums, ("Kerncijfers", "Lopende trajecten", "Waarde"), running)
    closed = ("Trajecten en bereik", "Afgesloten trajecten in de periode", "Aantal")
    for sheet in ("Afsluitreden", "Schoolpositie"):
        same(printed, sums, closed, (sheet, "Totaal", "Aantal"))
    reached, goals = (
        ("Kerncijfers", "Doelen bereikt", "Waarde"),
        ("Kerncijfers", "Doelen geëvalueerd", "Waarde"),
    )
    at_most.append((reached, goals))
    for sheet, label, col in list(printed):  # the running year reads '2025-2026 (tot nu)'
        if sheet == "Evolutie" and label.startswith(f"{year}-{year + 1}"):
            at_most.append((ytd, (sheet, label, col)))
        started = sheet == "Tijd tot start" and col == "Gestart"
        if started and label.startswith(f"{year}-{year + 1}"):  # started in its school year
            at_most.append(
                (("Kerncijfers", "Gestart in de periode", "Waarde"), (sheet, label, col))
            )


def attack(
    sheets: dict[str, list[list[Any]]], kind: str, full: bool, year: int
) -> tuple[dict, list]:
    printed, sums, at_most = read(sheets)
    if kind in ("steering", "school"):
        steering_knowledge(printed, sums, at_most, full, year)
    elif kind == "signal":
        key = ("Kerncijfers", "Aanmeldingen", "Waarde")
        for sheet in ("Aanbod", "Preventief of curatief", "Per graad"):
            same(printed, sums, key, (sheet, "Totaal", "Aantal"))
        for sheet, label, col in list(printed):
            if sheet == "Evolutie" and label.startswith(f"{year}-"):
                at_most.append((key, (sheet, label, col)))
    elif kind == "funder":
        column = [c for c in printed if c[0] == "Per school" and c[2] == "Jongeren bereikt"]
        sums.append((("Kerncijfers", "Jongeren bereikt", "Waarde"), column))
    cap = max([int(v) for v in printed.values() if v.isdigit()] + [0]) + 20
    return printed, determined(printed, sums, at_most, cap=cap)


def check_pdf_shows_the_same(sheets: dict[str, list[list[Any]]], pdf: bytes) -> int:
    """Every table row of the workbook is printed in the PDF with the same marks."""
    text = " ".join(pdf_text(pdf).split())
    checked = 0
    for name, rows in sheets.items():
        if name in ("Kerncijfers", "Capaciteit"):
            continue
        for row in rows[1:]:
            if not row or row[0] is None:
                break
            values = [v for v in row[1:] if isinstance(v, int) or v in MARKS]
            if len(values) != len(row) - 1:
                continue  # a row with hours: not a count
            pattern = r"\s*".join(map(re.escape, str(row[0]).split())) + "".join(
                rf"\s+(?:{re.escape(str(v))}|{re.escape(number(v) if isinstance(v, int) else v)})"
                for v in values
            )
            assert re.search(pattern, text), (name, row)
            checked += 1
    return checked


def requests(vault: Vault) -> list[tuple[ReportRequest, bool]]:
    with vault.session() as s:
        schools = reference.list_schools(s, vault.identity)
        funders = reference.list_funders(s, vault.identity)
    periods = [
        (LAST_YEAR.start, LAST_YEAR.end, True),
        (THIS_YEAR.start, TODAY, True),
        (date(THIS_YEAR.start_year, 11, 1), TODAY, False),
    ]
    out = []
    for first, last, full in periods:
        out.append((ReportRequest("steering", first, last), full))
        out += [(ReportRequest("school", first, last, school_id=x.id), full) for x in schools]
    year_first, year_last, _ = periods[1]
    out += [(ReportRequest("funder", year_first, year_last, funder_id=f.id), True) for f in funders]
    towns = sorted({x.municipality for x in schools})
    out += [(ReportRequest("signal", year_first, year_last, municipality=t), True) for t in towns]
    return out


def test_no_hidden_cell_of_any_report_can_be_worked_out(demo: Vault, tmp_path: Path) -> None:
    hidden_total = rows_checked = reports = 0
    for request, full in requests(demo):
        with demo.session() as s:
            result = report_jobs.build(s, demo.identity, "Groep INTRO (demo)", request, TODAY)
        sheets = workbook_cells(result.sheets, tmp_path)
        year = SchoolYear.of(request.first or TODAY).start_year
        printed, pinned = attack(sheets, request.kind, full, year)
        assert pinned == [], (request.kind, request.school_id, pinned)
        hidden_total += sum(1 for v in printed.values() if v in MARKS)
        rows_checked += check_pdf_shows_the_same(sheets, result.pdf)
        if request.kind in ("steering", "school"):  # the JSON keeps the exact figures
            exact = json.loads(result.json_text)["period"]["referrals"]
            assert isinstance(exact, int)
        reports += 1
    assert reports >= 20 and hidden_total > 20 and rows_checked > 200
    print(f"{reports} reports, {hidden_total} hidden cells, {rows_checked} rows checked")
