"""Spreadsheets at the boundary (issue 12): what the program writes never runs as a formula, and
what it reads is refused with row and column when it is not plain, sane text."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest

from amo_desktop.reports.excel import FORMULA_START, cell_value, write_report
from amo_desktop.services import accounts, intake, notes, reference, report_jobs, scheduling
from amo_desktop.services import trajectories as trajectory_service
from amo_desktop.services.importer import HEADERS
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.report_jobs import ReportRequest
from amo_desktop.services.scheduling import SessionInput
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD
from tests.integration.services.conftest import TODAY, Stage, identity_of, youth_referral
from tests.unit.services.test_import_read import zeros_member

HYPERLINK = '=HYPERLINK("http://x","klik")'
HOSTILE = (HYPERLINK, "+1", "-2+3", "@SUM(A1)", "\tx", "\rx")


def test_cell_value_neutralises_every_formula_start() -> None:
    for text in HOSTILE:
        assert cell_value(text) == "'" + text
    assert cell_value("Zoë") == "Zoë" and cell_value(-2) == -2 and cell_value(None) is None
    assert cell_value(["=1", 2]) == '["=1", 2]'
    assert cell_value("a\x01b") == "a\ufffdb"  # XML cannot hold it; the export must not fail


def hostile_stage(stage: Stage) -> tuple[str, str, str]:
    """Hostile text in every field that reaches a report; returns (school, funder, youth ids)."""
    vault, leader = stage.vault, stage.leader
    accounts.add_user(
        vault,
        leader,
        "els",
        "coach",
        '=HYPERLINK("http://x","Els")',
        "Els-heeft-een-sterk-w8woord-26",
    )
    els = identity_of(vault, "els")
    with vault.session() as s:
        school = reference.add_school(
            s, leader, HYPERLINK, short_name="@kort", municipality="+Asse"
        ).id
        funder = reference.add_funder(s, leader, "-2+3 Pool", "urenoverdracht").id
        reference.set_capacity(s, leader, school, 2025, funder, 10, 200)
        made = intake.register_referral(
            s,
            leader,
            youth_referral(
                school,
                first="@SUM(A1)",
                last="=1+1",
                class_label="+2B",
                study_year="-2",
                referrer_name="=Mevr",
                help_question='=HYPERLINK("http://x","hulp")\tmet tab',
                youth_birth_date=date(2011, 3, 14),
            ),
            today=TODAY,
        )
        klas = youth_referral(school, subject_kind="klasgroep", class_group_label="=1B")
        klas.class_pupil_count = 18
        intake.register_referral(s, leader, klas, today=TODAY)
        intake.transition_referral(s, leader, made.id, "wachtlijst", on=date(2025, 10, 7))
        traj = trajectory_service.assign_to_coach(
            s, leader, made.id, els.user_id, date(2025, 10, 20), on=date(2025, 10, 15)
        )
        trajectory_service.start_trajectory(s, els, traj.id, date(2025, 10, 20))
        session = scheduling.plan_session(
            s,
            els,
            SessionInput(
                els.user_id,
                date(2025, 10, 21),
                time(10),
                50,
                "individueel_gesprek",
                trajectory_id=traj.id,
                participants="+ouders",
            ),
        ).sessions[0]
        notes.save_note(
            s,
            els,
            session.id,
            NoteInput(content="=1+1", agreements="@afspraak", visibility="deelbaar_school"),
        )
        youth = intake.get_referral(s, leader, made.id).youth_id
    assert youth is not None
    return school, funder, youth


def requests(school: str, funder: str, youth: str) -> dict[str, ReportRequest]:
    year = (date(2025, 9, 1), date(2026, 1, 31))
    return {
        "steering": ReportRequest("steering", *year, feedback='=HYPERLINK("http://x","fb")'),
        "school": ReportRequest("school", *year, school_id=school),
        "funder": ReportRequest("funder", *year, funder_id=funder),
        "signal": ReportRequest("signal", *year, municipality="+Asse"),
        "planning": ReportRequest("planning", week=date(2025, 10, 21)),
        "trajectory": ReportRequest("trajectory", pupil_id=youth, audience="dossier"),
        "access": ReportRequest("access", pupil_id=youth, reason="@vraag van de moeder"),
    }


def every_cell(path: Path) -> list[openpyxl.cell.cell.Cell]:
    book = openpyxl.load_workbook(path)  # not read-only: data_type is the stored one
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def test_no_report_writes_a_formula_from_the_vault(stage: Stage, tmp_path: Path) -> None:
    school, funder, youth = hostile_stage(stage)
    seen: dict[str, set[str]] = {}
    for kind, request in requests(school, funder, youth).items():
        with stage.vault.session() as s:
            result = report_jobs.build(s, stage.leader, "=Groep INTRO", request, TODAY)
        out = write_report(
            tmp_path / f"{kind}.xlsx",
            result.pdf,
            result.sheets,
            result.json_text,
            protect=stage.vault.data_dir,
        )
        cells = every_cell(out)
        assert cells, kind
        formulas = [c.coordinate for c in cells if c.data_type == "f"]
        assert formulas == [], (kind, formulas)
        dangerous = [
            (c.coordinate, c.value)
            for c in cells
            if isinstance(c.value, str) and c.value.startswith(FORMULA_START)
        ]
        assert dangerous == [], (kind, dangerous)
        seen[kind] = {c.value for c in cells if isinstance(c.value, str)}
    # The hostile text did reach the sheets, neutralised (so this test can fail).
    everything = " ".join(" ".join(v) for v in seen.values())
    assert "'" + HYPERLINK in everything
    assert any(v.startswith("'@SUM(A1)") for v in seen["access"])
    assert any(v.startswith("'=HYPERLINK") for v in seen["school"] | seen["steering"])


@pytest.mark.slow
def test_the_cli_report_neutralises_too(stage: Stage, cli_env: dict[str, str], tmp_path: Path):
    school, _funder, youth = hostile_stage(stage)
    stage.vault.lock()
    env = {**cli_env, "AMO_USER": LEADER, "AMO_PASSWORD": LEADER_PASSWORD}
    for kind, extra in (
        ("school", ["--school", HYPERLINK, "--school-year", "2025-2026"]),
        ("access", ["--pupil", youth, "--reason", "inzage"]),
    ):
        out = tmp_path / f"cli-{kind}.xlsx"
        done = subprocess.run(
            [sys.executable, "-m", "amo_desktop", "report", kind, *extra, "--out", str(out)],
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        cells = every_cell(out)
        assert not [c for c in cells if c.data_type == "f"]
        texts = [c.value for c in cells if isinstance(c.value, str)]
        assert not [t for t in texts if t.startswith(FORMULA_START)]
        assert any(t.startswith("'") for t in texts)
    _ = school


# --- spreadsheets read -----------------------------------------------------------------------
MEASURED = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "sys.stdout.write(done.stdout)\n"
    "sys.stderr.write(done.stderr)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(done.returncode)\n"
)


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI as a subprocess; the last line of stderr is its peak memory in KiB."""
    return subprocess.run(
        [sys.executable, "-c", MEASURED, sys.executable, "-m", "amo_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def referral_file(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    lines = [";".join(HEADERS)]
    lines += [";".join(row.get(h, "") for h in HEADERS) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def pupil(first: str, **extra: str) -> dict[str, str]:
    return {
        "datum_aanmelding": "06/10/2025",
        "school": "Sint-Martinus Asse",
        "onderwerp": "jongere",
        "voornaam": first,
        "achternaam": "Claes",
        "geboortedatum": "2011-03-14",
        "aanbod": "Individuele begeleiding",
        "preventief_curatief": "curatief",
        "redenen": "spijbelen",
        "hulpvraag": "Spijbelt op maandag.",
        **extra,
    }


@pytest.mark.slow
def test_hostile_import_files_through_the_cli(
    created_vault: tuple[Vault, str], cli_env: dict[str, str], tmp_path: Path
) -> None:
    vault, _ = created_vault
    vault.lock()
    env = {**cli_env, "AMO_USER": LEADER, "AMO_PASSWORD": LEADER_PASSWORD}
    bomb = zeros_member(tmp_path / "bom.xlsx", 200 * 2**20)
    cases = {
        "bom": (bomb, ["amo-desktop: bestand: Dit .xlsx-bestand is uitgepakt 200 MB groot"]),
        "cel": (
            referral_file(tmp_path / "cel.csv", [pupil("Jan", hulpvraag="x" * 5_000_000)]),
            ["rij 2, kolom hulpvraag: Deze cel is te lang: hoogstens 4000 tekens, nu 5000000."],
        ),
        "stuur": (
            referral_file(tmp_path / "stuur.csv", [pupil("Zoë"), pupil("Ja\x1bn")]),
            ["rij 3, kolom voornaam: Deze cel bevat een onzichtbaar stuurteken (U+001B)"],
        ),
        "bytes": (
            _latin1_in_utf8(tmp_path / "bytes.csv"),
            ["rij 3, kolom voornaam: Deze cel bevat bytes die geen geldige UTF-8 zijn."],
        ),
        "kolom": (
            _renamed_column(tmp_path / "kolom.csv"),
            [
                "rij 1, kolom geboortedatum leerling: Onbekende kolom 'geboortedatum leerling'. "
                "Bedoelt u 'geboortedatum'?"
            ],
        ),
    }
    for name, (path, expected) in cases.items():
        done = cli(env, "import", "referrals", str(path))
        *lines, peak_kib = done.stderr.splitlines()
        assert done.returncode == 1, (name, done.stderr)
        assert "Traceback" not in done.stderr, name
        for want in expected:
            assert any(line.startswith(want) for line in lines), (name, lines)
        assert int(peak_kib) < 300 * 1024, (name, peak_kib)  # the bomb is never unpacked
    still = cli(env, "caseload", "--json")
    assert still.returncode == 0 and still.stdout.strip() == "[]"


def _latin1_in_utf8(path: Path) -> Path:
    referral_file(path, [pupil("Zoë"), pupil("Rene")])
    path.write_bytes(path.read_bytes().replace(b"Rene", b"Ren\xe9"))
    return path


def _renamed_column(path: Path) -> Path:
    referral_file(path, [pupil("Zoë")])
    text = path.read_text("utf-8").replace("geboortedatum", "geboortedatum leerling", 1)
    path.write_text(text, "utf-8")
    return path
