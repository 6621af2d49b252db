"""`amo-desktop import` as a script uses it: template, a good file, a bad file (issue 3)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from amo_desktop.services.importer import HEADERS
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD
from tests.e2e.cli_run import run

PASSWORD = "Lea's w@chtw00rd"

pytestmark = pytest.mark.slow


def csv_file(path: Path, rows: list[dict[str, str]]) -> Path:
    lines = [";".join(HEADERS)]
    lines += [";".join(row.get(h, "") for h in HEADERS) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def row(first: str, **extra: str) -> dict[str, str]:
    values = {
        "datum_aanmelding": "06/10/2025",
        "school": "Sint-Martinus Asse",
        "onderwerp": "Individuele jongere",
        "voornaam": first,
        "achternaam": "Claes",
        "geboortedatum": "2011-03-14",
        "aanbod": "Individuele begeleiding",
        "preventief_curatief": "curatief",
        "redenen": "Spijbelen / problematische afwezigheden",
        "hulpvraag": "Spijbelt op maandag.",
    }
    values.update(extra)
    return values


def test_import_template_and_referrals(cli_env: dict[str, str], tmp_path: Path) -> None:
    template = tmp_path / "sjabloon.xlsx"
    made = run(cli_env, "import", "template", "--out", str(template))
    assert made.returncode == 0, made.stderr
    assert "Sjabloon geschreven" in made.stdout
    assert [c.value for c in openpyxl.load_workbook(template)["Aanmeldingen"][1]] == list(HEADERS)
    again = run(cli_env, "import", "template", "--out", str(template))
    assert again.returncode == 1 and "bestaat al" in again.stderr

    init = run(
        cli_env,
        "init",
        "--org",
        "Groep INTRO",
        "--user",
        "lea",
        "--recovery-key-out",
        str(tmp_path / "herstelsleutel.txt"),
        AMO_PASSWORD=PASSWORD,
    )
    assert init.returncode == 0, init.stderr
    env = {**cli_env, "AMO_USER": "lea", "AMO_PASSWORD": PASSWORD}
    coach = run(env, "user", "add", "an", "--role", "coach", AMO_NEW_PASSWORD="an-wachtwoord1")
    assert coach.returncode == 0, coach.stderr

    bad = csv_file(
        tmp_path / "fout.csv",
        [
            row("Jana"),
            row("Tim", geboortedatum="14-13-2011"),
            row("Eva", status="gestart", begeleider="els", startdatum="20/10/2025"),
        ],
    )
    refused = run(env, "import", "referrals", str(bad))
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert lines[0].startswith("rij 3, kolom geboortedatum: ")
    assert lines[1].startswith("rij 4, kolom begeleider: ") and "els" in lines[1]
    assert "Niets ingelezen" in lines[-1] and "Traceback" not in refused.stderr

    good = csv_file(
        tmp_path / "goed.csv",
        [
            row("Jana"),
            row("Tim", status="Op wachtlijst", school="Atheneum Asse"),
            row("Eva", status="gestart", begeleider="an", startdatum="20/10/2025"),
        ],
    )
    trial = run(env, "import", "referrals", str(good), "--dry-run")
    assert trial.returncode == 0, trial.stderr
    assert "Proef: 3 aanmeldingen" in trial.stdout
    assert run(env, "caseload", "--json").stdout.strip() == "[]"

    done = run(env, "import", "referrals", str(good))
    assert done.returncode == 0, done.stderr
    assert "3 aanmeldingen ingelezen" in done.stdout
    assert "Atheneum Asse" in done.stderr  # the new school is reported as a warning
    caseload = run(env, "caseload", "--coach", "an")
    assert caseload.returncode == 0 and "Eva Claes" in caseload.stdout
    waiting = run(env, "waitlist")
    assert "Tim Claes" in waiting.stdout

    as_coach = run(
        env, "import", "referrals", str(good), AMO_USER="an", AMO_PASSWORD="an-wachtwoord1"
    )
    assert as_coach.returncode == 1 and "Traceback" not in as_coach.stderr


def test_dry_run_prints_plausibility_warnings(
    created_vault: tuple[Vault, str], cli_env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 12: an implausible age or a date outside the row's school year is a warning."""
    vault, _ = created_vault
    vault.lock()
    env = {**cli_env, "AMO_USER": LEADER, "AMO_PASSWORD": LEADER_PASSWORD}
    path = csv_file(
        tmp_path / "vreemd.csv",
        [
            row("Jong", geboortedatum="2018-01-01"),
            row("Vroeg", datum_aanmelding="2025-08-29", schooljaar="2025-2026"),
        ],
    )
    trial = run(env, "import", "referrals", str(path), "--dry-run")
    assert trial.returncode == 0, trial.stderr
    assert "Proef: 2 aanmeldingen" in trial.stdout
    warnings = [line for line in trial.stderr.splitlines() if line.startswith("waarschuwing:")]
    assert any("rij 2, kolom geboortedatum: De jongere is 7 jaar" in w for w in warnings)
    assert any("rij 3, kolom datum_aanmelding:" in w and "2025-2026" in w for w in warnings)
    assert "Traceback" not in trial.stderr
    assert run(env, "caseload", "--json").stdout.strip() == "[]"
