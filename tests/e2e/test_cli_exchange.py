"""`amo-desktop exchange …` as a script uses it: invite, join, export, import, folder, conflicts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.e2e.cli_run import run

COACH_PASSWORD = "an-haar-laptop-2026"


def test_a_coach_joins_and_the_laptops_exchange(
    initialised: tuple[dict[str, str], Path],
    tmp_path: Path,
) -> None:
    lead, _ = initialised
    added = run(
        lead,
        "user",
        "add",
        "an",
        "--role",
        "coach",
        "--full-name",
        "An Claes",
        AMO_NEW_PASSWORD=COACH_PASSWORD,
    )
    assert added.returncode == 0, added.stderr
    invitation = tmp_path / "uitnodiging-an.amoi"
    invited = run(lead, "exchange", "invite", "an", "--out", str(invitation))
    assert invited.returncode == 0, invited.stderr
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", invited.stdout)
    assert code is not None, invited.stdout
    assert b"Groep INTRO" not in invitation.read_bytes()

    coach = {
        **lead,
        "AMO_DATA_DIR": str(tmp_path / "laptop-an"),
        "AMO_USER": "an",
        "AMO_PASSWORD": COACH_PASSWORD,
    }
    wrong = run(coach, "exchange", "join", str(invitation), "--code", "AAAA-BBBB-CCCC-DDDD")
    assert wrong.returncode == 1 and "code" in wrong.stderr.lower()
    key_file = tmp_path / "herstelsleutel-an.txt"
    joined = run(
        coach,
        "exchange",
        "join",
        str(invitation),
        "--code",
        code.group(0),
        "--recovery-key-out",
        str(key_file),
    )
    assert joined.returncode == 0, joined.stderr
    assert key_file.exists()

    bundle = tmp_path / "an.amox"
    exported = run(coach, "exchange", "export", "--out", str(bundle))
    assert exported.returncode == 0, exported.stderr
    imported = run(lead, "exchange", "import", str(bundle))
    assert imported.returncode == 0, imported.stderr
    assert "an" in imported.stdout

    damaged = tmp_path / "kapot.amox"
    data = bytearray(bundle.read_bytes())
    data[-100] ^= 0xFF
    damaged.write_bytes(bytes(data))
    refused = run(lead, "exchange", "import", str(damaged))
    assert refused.returncode == 1 and "beschadigd" in refused.stderr

    conflicts = run(lead, "exchange", "conflicts", "--json")
    assert conflicts.returncode == 0 and json.loads(conflicts.stdout) == []

    shared = tmp_path / "gedeelde-map"
    shared.mkdir()
    for env in (lead, coach, lead):
        assert run(env, "exchange", "folder", str(shared)).returncode == 0
        synced = run(env, "exchange", "sync")
        assert synced.returncode == 0, synced.stdout + synced.stderr
    files = sorted(shared.iterdir())
    assert len(files) == 2 and all(f.suffix == ".amox" for f in files)
    assert all(b"lea" not in f.read_bytes() and b"Groep INTRO" not in f.read_bytes() for f in files)
    status = json.loads(run(lead, "exchange", "status", "--json").stdout)
    assert status["in_team"] and status["laptops"][0]["login"] == "an"
    assert status["laptops"][0]["joined"] is True
