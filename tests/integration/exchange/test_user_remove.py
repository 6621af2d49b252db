"""`user remove` is one journaled operation: killed at any step, the next unlock finishes it.

The steps: journal written, slot dropped with both data keys wrapped, database rekeyed, only
the new key kept, then (one transaction) user marked removed, laptop revoked and team key
renewed, journal deleted. A child process is killed with SIGKILL at each point in turn.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from amo_desktop.errors import BundleRevokedError, CorruptVaultError, WrongPasswordError
from amo_desktop.services import accounts, exchange
from amo_desktop.storage.engine import connect_keyed
from amo_desktop.storage.removal import journal_path
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD
from tests.integration.exchange.conftest import Team, cell, join_as
from tests.integration.services.conftest import COACH_PASSWORD as AN_PASSWORD
from tests.integration.services.conftest import stage  # noqa: F401

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
CHILD = Path(__file__).parents[1] / "remove_child.py"
POINTS = ("after-journal", "after-pending", "after-rekey", "after-rotation", "after-database")


def _kill_removal_at(vault: Vault, point: str) -> None:
    root = Path(__file__).parents[3]
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.run(
        [sys.executable, str(CHILD), str(vault.data_dir), LEADER, "an", point],
        input=LEADER_PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]


def _assert_removed(vault: Vault, old_dek: bytes, an_laptop: Vault) -> None:
    me = vault.identity
    assert me is not None
    assert not journal_path(vault.data_dir).exists()
    assert vault.sidecar.slot_for_login("an") is None and vault.sidecar.pending() is None
    assert vault.sidecar.current().generation == 2
    assert cell(vault, "SELECT active FROM users WHERE login = 'an'") == 0
    assert cell(vault, "SELECT removed_at IS NOT NULL FROM users WHERE login = 'an'") == 1
    assert cell(vault, "SELECT revoked FROM sync_peers WHERE login = 'an'") == 1
    assert exchange.status(vault, me).key_gen == 2  # renewed exactly once
    with pytest.raises(CorruptVaultError):
        connect_keyed(vault.db_path, bytearray(old_dek)).close()
    stale = exchange.export_bundle(an_laptop, an_laptop.identity).data
    with pytest.raises(BundleRevokedError):
        exchange.import_bundle(vault, me, stale)


@pytest.mark.parametrize("point", POINTS)
def test_a_removal_killed_at_any_step_is_finished_at_the_next_unlock(
    team: Team, tmp_path: Path, point: str
) -> None:
    lead = team.leader.vault
    an = join_as(tmp_path, lead, team.leader.me, "an")
    old_dek = bytes(lead._require_dek())
    lead.lock()
    _kill_removal_at(lead, point)
    assert journal_path(lead.data_dir).exists()  # the kill left the operation unfinished
    survivor = Vault(lead.data_dir, kdf=FAST_KDF)
    survivor.unlock(LEADER, LEADER_PASSWORD, daily_backup=False)
    try:
        _assert_removed(survivor, old_dek, an.vault)
        accounts.remove_user(survivor, survivor.identity, "an")  # a retry is harmless
        assert exchange.status(survivor, survivor.identity).key_gen == 2
        assert survivor.sidecar.current().generation == 2
    finally:
        survivor.lock()
        an.vault.lock()


def test_the_removed_user_opening_first_finishes_their_own_removal(
    team: Team, tmp_path: Path
) -> None:
    lead = team.leader.vault
    an = join_as(tmp_path, lead, team.leader.me, "an")
    an.vault.lock()
    lead.lock()
    _kill_removal_at(lead, "after-journal")  # the slot is still there
    survivor = Vault(lead.data_dir, kdf=FAST_KDF)
    with pytest.raises(WrongPasswordError):
        survivor.unlock("an", AN_PASSWORD, daily_backup=False)
    assert not survivor.is_unlocked and not journal_path(lead.data_dir).exists()
    with pytest.raises(WrongPasswordError):
        survivor.unlock("an", AN_PASSWORD, daily_backup=False)
    survivor.unlock(LEADER, LEADER_PASSWORD, daily_backup=False)
    try:
        assert cell(survivor, "SELECT revoked FROM sync_peers WHERE login = 'an'") == 1
        assert survivor.sidecar.current().generation == 2
    finally:
        survivor.lock()
