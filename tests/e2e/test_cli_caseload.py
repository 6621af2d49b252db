"""waitlist, caseload and retention due on the command line (issue 3)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from amo_desktop.services import intake, reference, trajectories
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD
from tests.e2e.test_cli import run
from tests.integration.services.conftest import youth_referral


def test_waitlist_and_caseload(created_vault: tuple[Vault, str], cli_env: dict[str, str]) -> None:
    vault, _ = created_vault
    leader = vault.identity
    assert leader is not None
    with vault.session() as s:
        school = reference.add_school(s, leader, "VKO Opwijk").id
        waiting = intake.register_referral(s, leader, youth_referral(school, first="Wacht"))
        intake.transition_referral(s, leader, waiting.id, "wachtlijst", on=date(2025, 10, 7))
        started = intake.register_referral(s, leader, youth_referral(school, first="Loopt"))
        intake.transition_referral(s, leader, started.id, "vraagverheldering", on=date(2025, 10, 8))
        trajectories.assign_to_coach(
            s, leader, started.id, leader.user_id, date(2025, 10, 20), on=date(2025, 10, 15)
        )
    vault.lock()
    env = {
        **cli_env,
        "AMO_DATA_DIR": str(Path(vault.data_dir)),
        "AMO_USER": LEADER,
        "AMO_PASSWORD": LEADER_PASSWORD,
    }
    listed = run(env, "waitlist", "--json")
    assert listed.returncode == 0, listed.stderr
    entries = json.loads(listed.stdout)
    assert [e["subject_label"] for e in entries] == ["Wacht Peeters"]
    assert entries[0]["reason"].startswith("Urgentie normaal")
    caseload = run(env, "caseload", "--coach", LEADER, "--json")
    assert [t["subject_label"] for t in json.loads(caseload.stdout)] == ["Loopt Peeters"]
    assert run(env, "caseload", "--coach", "niemand").returncode == 1
    due = run(env, "retention", "due", "--json")
    assert due.returncode == 0 and json.loads(due.stdout) == []
