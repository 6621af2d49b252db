"""`amo-desktop report …` writes PDF, Excel and JSON that agree with each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from amo_desktop.reports.disclosure import LEGEND
from amo_desktop.services import intake
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD
from tests.e2e.test_cli import run
from tests.integration.reports.test_steering import pdf_text, seed
from tests.integration.services.conftest import TODAY, Stage, youth_referral
from tests.integration.services.test_retention import closed_case


@pytest.fixture
def env(stage: Stage, cli_env: dict[str, str]) -> dict[str, str]:
    seed(stage)
    stage.vault.lock()
    return {
        **cli_env,
        "AMO_DATA_DIR": str(stage.vault.data_dir),
        "AMO_USER": LEADER,
        "AMO_PASSWORD": LEADER_PASSWORD,
    }


@pytest.mark.slow
def test_steering_in_three_formats(env: dict[str, str], tmp_path: Path) -> None:
    outputs = {}
    for ext in ("pdf", "xlsx", "json"):
        out = tmp_path / f"stuurgroep.{ext}"
        done = run(env, "report", "steering", "--school-year", "2025-2026", "--out", str(out))
        assert done.returncode == 0, done.stderr
        outputs[ext] = out
    figures = json.loads(outputs["json"].read_text())
    assert figures["period"]["referrals"] == 12
    sheet = load_workbook(outputs["xlsx"])["Aanmeldingen per school"]
    assert [tuple(r) for r in sheet.iter_rows(values_only=True)] == [
        ("School", "Aantal"),
        ("Sint-Martinus Asse", "x"),  # hidden: 12 - 8 would reveal Opwijk's <5
        ("VKO Opwijk", "<5"),
        ("Totaal", 12),
        (None, None),
        (LEGEND, None),  # the marks are explained on the sheet itself
    ]
    assert "Sint-Martinus Asse" in pdf_text(outputs["pdf"])
    saved = run(
        env,
        "report",
        "steering",
        "--school-year",
        "2025-2026",
        "--save-meeting",
        "1",
        "--out",
        str(tmp_path / "m1.json"),
    )
    assert saved.returncode == 0, saved.stderr
    again = run(
        env,
        "report",
        "steering",
        "--school-year",
        "2025-2026",
        "--meeting",
        "1",
        "--out",
        str(tmp_path / "m1-again.json"),
    )
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "m1.json").read_text() == (tmp_path / "m1-again.json").read_text()


@pytest.mark.slow
def test_other_reports_and_bad_usage(env: dict[str, str], tmp_path: Path) -> None:
    cases = [
        ["school", "--school", "vko opwijk", "--from", "2025-09-01", "--to", "31/12/2025"],
        ["signal", "--municipality", "Asse", "--school-year", "2025"],
        ["funder", "--funder", "Urenoverdracht AMO", "--school-year", "2025-2026"],
        ["planning", "--week", "2025-10-08"],
    ]
    for args in cases:
        out = tmp_path / f"{args[0]}.pdf"
        done = run(env, "report", *args, "--out", str(out))
        assert done.returncode == 0, (args, done.stderr)
        assert out.read_bytes().startswith(b"%PDF")
    bad = run(env, "report", "funder", "--funder", "Niemand", "--out", str(tmp_path / "x.pdf"))
    assert bad.returncode == 1 and "Onbekende financier" in bad.stderr
    wrong_ext = run(env, "report", "steering", "--out", str(tmp_path / "x.docx"))
    assert wrong_ext.returncode == 1 and ".xlsx" in wrong_ext.stderr
    no_reason = run(env, "report", "access", "--pupil", "x", "--out", str(tmp_path / "a.json"))
    assert no_reason.returncode == 1


@pytest.mark.slow
def test_access_and_trajectory_for_one_pupil(
    stage: Stage, cli_env: dict[str, str], tmp_path: Path
) -> None:
    youth, _ = closed_case(stage)
    vault: Vault = stage.vault
    vault.lock()
    env = {
        **cli_env,
        "AMO_DATA_DIR": str(vault.data_dir),
        "AMO_USER": LEADER,
        "AMO_PASSWORD": LEADER_PASSWORD,
    }
    out = tmp_path / "inzage.json"
    done = run(
        env, "report", "access", "--pupil", youth, "--reason", "Vraag jongere", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text())["tables"]["youths"][0]["id"] == youth
    traj = tmp_path / "traject.pdf"
    done = run(
        env, "report", "trajectory", "--pupil", youth, "--audience", "school", "--out", str(traj)
    )
    assert done.returncode == 0, done.stderr
    assert "Trajectverslag" in pdf_text(traj)


@pytest.mark.slow
def test_a_receipt_for_one_referral(stage: Stage, cli_env: dict[str, str], tmp_path: Path) -> None:
    asse = stage.schools["Sint-Martinus Asse"]
    with stage.vault.session() as s:
        ref = intake.register_referral(s, stage.leader, youth_referral(asse), today=TODAY)
    stage.vault.lock()
    env = {
        **cli_env,
        "AMO_DATA_DIR": str(stage.vault.data_dir),
        "AMO_USER": LEADER,
        "AMO_PASSWORD": LEADER_PASSWORD,
    }
    out = tmp_path / "bevestiging.pdf"
    done = run(env, "report", "receipt", "--referral", ref.id, "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "Ontvangstbevestiging" in text and "Zoë Peeters" in text
    no_id = run(env, "report", "receipt", "--out", str(tmp_path / "x.pdf"))
    assert no_id.returncode == 1 and "--referral" in no_id.stderr
    as_sheet = run(
        env, "report", "receipt", "--referral", ref.id, "--out", str(tmp_path / "x.xlsx")
    )
    assert as_sheet.returncode == 1 and ".pdf" in as_sheet.stderr
