"""`amo-desktop form referral` and `amo-desktop import form` as a script uses them (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from amo_desktop.services import reference
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD
from tests.e2e.cli_run import run
from tests.referral_forms import CLASS_ANSWERS, PUPIL_ANSWERS, fill

pytestmark = pytest.mark.slow


@pytest.fixture
def env(created_vault: tuple[Vault, str], cli_env: dict[str, str]) -> dict[str, str]:
    vault, _ = created_vault
    assert vault.identity is not None
    with vault.session() as s:
        reference.add_school(s, vault.identity, "Sint-Martinus Asse", short_name="SMA")
    vault.lock()
    return {
        **cli_env,
        "AMO_DATA_DIR": str(Path(vault.data_dir)),
        "AMO_USER": LEADER,
        "AMO_PASSWORD": LEADER_PASSWORD,
    }


def test_make_fill_and_import_forms(env: dict[str, str], tmp_path: Path) -> None:
    pupil_form = tmp_path / "leerling.pdf"
    made = run(env, "form", "referral", "--school", "sint-martinus asse", "--out", str(pupil_form))
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Aanmeldingsformulier geschreven: ")
    class_form = tmp_path / "klas.pdf"
    made = run(env, "form", "referral", "--school", "SMA", "--class", "--out", str(class_form))
    assert made.returncode == 0, made.stderr
    assert "class_pupil_count" in (PdfReader(class_form).get_fields() or {})
    again = run(env, "form", "referral", "--school", "SMA", "--out", str(class_form))
    assert again.returncode == 1 and "bestaat al" in again.stderr
    unknown = run(env, "form", "referral", "--school", "Nergens", "--out", str(tmp_path / "x.pdf"))
    assert unknown.returncode == 1 and "Er is geen school 'Nergens'" in unknown.stderr
    assert run(env, "form", "referral", "--out", "x.pdf").returncode == 2  # no --school

    pupil_answers = {k: v for k, v in PUPIL_ANSWERS.items() if k != "received_on"}
    pupil = fill(pupil_form, pupil_answers, tmp_path / "ingevuld-leerling.pdf")
    klas = fill(class_form, {**CLASS_ANSWERS, "help_question": ""}, tmp_path / "ingevuld-klas.pdf")
    refused = run(env, "import", "form", str(pupil), str(klas))
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        f"{klas}: Hulpvraag: Dit veld is verplicht.",
        "amo-desktop: Niets ingelezen: 1 problemen. Verbeter het bestand en probeer opnieuw.",
    ]
    assert json.loads(run(env, "waitlist", "--json").stdout) == []

    klas = fill(class_form, CLASS_ANSWERS, tmp_path / "ingevuld-klas.pdf")
    done = run(env, "import", "form", str(pupil), str(klas))
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.strip()
        == "2 aanmeldingen uit formulieren ingelezen; ze staan op de wachtlijst."
    )
    labels = sorted(e["subject_label"] for e in json.loads(run(env, "waitlist", "--json").stdout))
    assert len(labels) == 2 and "Zoë Van den Broeck" in labels

    flat = tmp_path / "scan.pdf"
    flat.write_bytes(b"%PDF-1.4\n%%EOF\n")
    damaged = run(env, "import", "form", str(flat))
    assert damaged.returncode == 1
    assert damaged.stderr.splitlines()[0].startswith(f"{flat}: Dit bestand is geen leesbaar")
    assert run(env, "import", "form").returncode == 2  # no file
