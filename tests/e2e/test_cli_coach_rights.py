"""Through the command line: a forged coach bundle is refused in one line, and `user remove`
can be repeated harmlessly (issue 12)."""

from __future__ import annotations

import re
from pathlib import Path

from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF
from tests.e2e.cli_run import run
from tests.integration.exchange.rights_helpers import forge

COACH_PASSWORD = "an-haar-laptop-2026"


def _coach_laptop(lead: dict[str, str], tmp_path: Path) -> dict[str, str]:
    added = run(lead, "user", "add", "an", "--role", "coach", AMO_NEW_PASSWORD=COACH_PASSWORD)
    assert added.returncode == 0, added.stderr
    invitation = tmp_path / "an.amoi"
    invited = run(lead, "exchange", "invite", "an", "--out", str(invitation))
    assert invited.returncode == 0, invited.stderr
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", invited.stdout)
    assert code is not None
    coach = {
        **lead,
        "AMO_DATA_DIR": str(tmp_path / "laptop-an"),
        "AMO_USER": "an",
        "AMO_PASSWORD": COACH_PASSWORD,
    }
    joined = run(
        coach,
        "exchange",
        "join",
        str(invitation),
        "--code",
        code.group(0),
        "--recovery-key-out",
        str(tmp_path / "an-sleutel.txt"),
    )
    assert joined.returncode == 0, joined.stderr
    return coach


def test_a_coach_bundle_that_makes_them_team_leader_is_refused(
    initialised: tuple[dict[str, str], Path],
    tmp_path: Path,
) -> None:
    lead, _ = initialised
    coach = _coach_laptop(lead, tmp_path)
    laptop = Vault(Path(coach["AMO_DATA_DIR"]), kdf=FAST_KDF)
    me = laptop.unlock("an", COACH_PASSWORD, daily_backup=False)
    forge(laptop, f"UPDATE users SET role = 'teamleader' WHERE id = '{me.user_id}'")
    laptop.lock()
    bundle = tmp_path / "an.amox"
    assert run(coach, "exchange", "export", "--out", str(bundle)).returncode == 0
    refused = run(lead, "exchange", "import", str(bundle))
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in refused.stderr, refused.stderr
    assert "'rol' in gebruikers" in lines[0] and "niets ingelezen" in lines[0]
    users = run(lead, "user", "list")
    assert re.search(r"^an\tcoach", users.stdout, re.M), users.stdout


def test_removing_a_coach_twice_is_harmless_and_their_bundles_are_refused(
    initialised: tuple[dict[str, str], Path],
    tmp_path: Path,
) -> None:
    lead, _ = initialised
    coach = _coach_laptop(lead, tmp_path)
    bundle = tmp_path / "an.amox"
    assert run(coach, "exchange", "export", "--out", str(bundle)).returncode == 0
    for _ in range(2):
        removed = run(lead, "user", "remove", "an")
        assert removed.returncode == 0, removed.stderr
        assert "Traceback" not in removed.stderr
    refused = run(lead, "exchange", "import", str(bundle))
    assert refused.returncode == 1 and "verwijderd" in refused.stderr
    assert not (Path(lead["AMO_DATA_DIR"]) / "vault.journal").exists()
