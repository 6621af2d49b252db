"""Benchmark for `import referrals` (issues 12 and 18): 10,000 rows from an .xlsx into a fresh vault.

Run on demand: `.venv/bin/python tests/bench/bench_import.py [--rows N] [--runs N] [--profile]`.
Target: under 5 s for 10,000 rows. The file mixes every subject and status the importer knows,
so the time covers checking, schools, referrals, transitions, trajectories and goals.
`--plain` repeats the same import on a plain SQLite copy (same schema, same settings) and prints
the ratio; `--profile` prints the 25 most expensive functions of one run (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from sqlalchemy import create_engine, event
from sqlalchemy.orm import sessionmaker

from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import User
from amo_desktop.services import accounts, importer, reference
from amo_desktop.storage import capture, migrate
from amo_desktop.storage.engine import CONNECTION_PRAGMAS, fold
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault

TODAY = date(2026, 2, 2)
CHEAP_KDF = KdfParams(
    memory_kib=8_192, iterations=1, lanes=1
)  # the import is measured, not the KDF
COACHES = [f"coach{i:02d}" for i in range(25)]
FIRST = ["Zoë", "Noah", "Lotte", "Milan", "Sara", "Ilias", "Emma", "Adam", "Nora", "Finn"]
LAST = ["Peeters", "Janssens", "Maes", "Claes", "Jacobs", "El Amrani", "Wouters", "Şahin"]


def row_values(i: int) -> dict[str, object]:
    """One varied but valid row; every tenth row is a class group, every 25th a teacher team."""
    received = date(2024, 9, 2) + timedelta(days=i % 500)
    school = f"School {i % 40:02d}"
    status = ["nieuw", "wachtlijst", "toegewezen", "gestart", "afgesloten", "niet_gestart"][i % 6]
    row: dict[str, object] = {
        "datum_aanmelding": received,
        "school": school,
        "aanbod": "individuele_begeleiding",
        "preventief_curatief": "curatief" if i % 3 else "preventief",
        "redenen": ["spijbelen", "pesten; thuissituatie", "Schoolmoeheid / demotivatie"][i % 3],
        "hulpvraag": f"Hulpvraag nummer {i}: komt vaak te laat en spijbelt op maandag.",
        "aanmelder_functie": "zorgcoordinator",
        "status": status,
    }
    if i % 25 == 0:
        row.update(onderwerp="leerkracht_team", groep_omschrijving="Team eerste graad")
        row["aanbod"] = "leerkrachtondersteuning"
    elif i % 10 == 0:
        row.update(onderwerp="klasgroep", klas=f"{1 + i % 6}B", aantal_leerlingen=18)
        row["aanbod"] = "klasbegeleiding"
    else:
        row.update(
            onderwerp="jongere",
            voornaam=FIRST[i % len(FIRST)],
            achternaam=f"{LAST[i % len(LAST)]}{i // 40}",
            geboortedatum=date(2010, 1, 1) + timedelta(days=i % 1500),
            klas="2B",
            leerjaar="2",
        )
    if status in ("toegewezen", "gestart", "afgesloten"):
        row.update(begeleider=COACHES[i % len(COACHES)], startdatum=received + timedelta(days=14))
    if status == "toegewezen":
        row["startdatum"] = min(received + timedelta(days=14), TODAY)
    if status == "afgesloten":
        end = min(received + timedelta(days=90), TODAY)
        reason = "doelen_bereikt" if i % 2 else "deels_bereikt"
        row.update(einddatum=end, afsluitreden=reason, uitkomst="zelfde_school_richting")
    if status == "niet_gestart":
        row["reden_geen_opstart"] = "opgelost"
    return row


def write_file(path: Path, rows: int) -> Path:
    book = openpyxl.Workbook()  # not write-only: like Excel, it writes the sheet's dimension
    sheet = book.active
    sheet.title = importer.MAIN_SHEET
    sheet.append(list(importer.HEADERS))
    for i in range(rows):
        values = row_values(i)
        sheet.append([values.get(h) for h in importer.HEADERS])
    book.save(path)
    share_strings(path)
    return path


_INLINE = re.compile(
    r'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>'
)


def share_strings(path: Path) -> None:
    """Rewrites openpyxl's inline strings as a shared-string table, the way Excel saves a file."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    table: dict[str, int] = {}

    def shared(match: re.Match[str]) -> str:
        index = table.setdefault(match[3], len(table))
        return f'<c r="{match[1]}"{match[2]} t="s"><v>{index}</v></c>'

    name = "xl/worksheets/sheet1.xml"
    parts[name] = _INLINE.sub(shared, parts[name].decode("utf-8")).encode("utf-8")
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in table)
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'uniqueCount="{len(table)}">{items}</sst>'
    ).encode()
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", override.encode()
    )
    relation = (
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml" Id="rIdShared"/></Relationships>'
    )
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", relation.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


def fresh_vault(folder: Path) -> Vault:
    vault = Vault(folder, kdf=CHEAP_KDF)
    accounts.create_vault(vault, "Bench", "lea", "Lea", "bench-wachtwoord")
    for login in COACHES:
        accounts.add_user(vault, vault.identity, login, "coach", login.title(), "coach-wachtwoord")
    with vault.session() as s:
        for n in range(30):  # ten schools stay unknown, so the import creates them
            reference.add_school(s, vault.identity, f"School {n:02d}", municipality="Asse")
    return vault


def import_once(vault: Vault, path: Path, profile: bool = False) -> tuple[float, float, int]:
    """Wall and CPU seconds of one import, and the referrals made (CPU time shows the work
    when other processes share the cores)."""
    profiler = cProfile.Profile() if profile else None
    start, cpu = time.perf_counter(), time.process_time()
    with vault.session() as s:
        if profiler:
            profiler.enable()
        report = importer.import_referrals(s, vault.identity, path, TODAY)
        if profiler:
            profiler.disable()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    if not report.ok:
        sys.exit("the benchmark file has problems: " + "; ".join(map(str, report.problems[:5])))
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return elapsed, cpu, report.created


def plain_import(path: Path, source: Path) -> float:
    """The same import into a plain SQLite file with the vault's schema, triggers and settings."""

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(path, check_same_thread=False)
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma).fetchall()
        conn.create_function("amo_fold", 1, fold, deterministic=True)
        return conn

    engine = create_engine("sqlite://", creator=connect)
    event.listen(engine, "connect", lambda conn, _record: setattr(conn, "isolation_level", None))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    migrate.upgrade(engine)
    capture.install(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    leader = Identity("u-lea", "lea", "teamleader")
    with sessions() as s, s.begin():
        s.add(User(id=leader.user_id, login="lea", full_name="Lea", role=leader.role))
        for login in COACHES:
            s.add(User(id=f"u-{login}", login=login, full_name=login.title(), role="coach"))
        for n in range(30):
            reference.add_school(s, leader, f"School {n:02d}", municipality="Asse")
    start = time.perf_counter()
    with sessions() as s, s.begin():
        report = importer.import_referrals(s, leader, source, TODAY)
    elapsed = time.perf_counter() - start
    engine.dispose()
    assert report.ok, report.problems[:3]
    print(f"plain SQLite: {report.created} referrals in {elapsed:.2f} s")
    return elapsed


def memory_security() -> str:
    """SQLCipher's process-wide setting as the program left it (R20: OFF since issue 18)."""
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(":memory:")
    value = conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
    conn.close()
    return "ON" if str(value) == "1" else "OFF"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--plain", action="store_true", help="also on a plain SQLite copy")
    args = parser.parse_args()
    print(f"cipher_memory_security: {memory_security()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        path = write_file(folder / "aanmeldingen.xlsx", args.rows)
        print(
            f"file: {args.rows} rows, {path.stat().st_size / 1e6:.1f} MB, "
            f"written in {time.perf_counter() - start:.1f} s"
        )
        samples, cpus, plain = [], [], []
        for run in range(args.runs):  # interleaved, so both see the same load
            vault = fresh_vault(folder / f"vault{run}")
            try:
                elapsed, cpu, created = import_once(vault, path, args.profile and run == 0)
            finally:
                vault.lock()
            samples.append(elapsed)
            cpus.append(cpu)
            print(f"run {run + 1}: {created} referrals in {elapsed:.2f} s (CPU {cpu:.2f} s)")
            if args.plain:
                plain.append(plain_import(folder / f"plain{run}.db", path))
        line = (
            f"import {args.rows} rows from .xlsx, SQLCipher vault: min {min(samples):.2f} s, "
            f"median {statistics.median(samples):.2f} s, max {max(samples):.2f} s "
            f"(CPU median {statistics.median(cpus):.2f} s; target <= 5 s)"
        )
        if plain:
            ratio = statistics.median(samples) / statistics.median(plain)
            line += f"; plain SQLite median {statistics.median(plain):.2f} s, ratio {ratio:.2f}x"
        print(line)


if __name__ == "__main__":
    main()
