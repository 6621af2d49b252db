"""Disk full and read-only folders give their own clear message and lose nothing (issue 2)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from amo_desktop.config import location_warnings
from amo_desktop.errors import DiskFullError, ReadOnlyError
from amo_desktop.services import accounts
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs; needs root (CI and the dev machines run as root), skipped otherwise."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    # Unbuffered: a buffered remainder would raise "disk full" at close, outside the try.
    with open(folder / "filler.bin", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass


def test_disk_full_is_reported_and_nothing_saved_is_lost(small_disk: Path) -> None:
    vault = Vault(small_disk / "data", kdf=FAST_KDF)
    accounts.create_vault(vault, "Org", LEADER, "Lea", LEADER_PASSWORD)
    accounts.add_user(vault, vault.identity, "jan", "coach", "Jan", "coach-wachtwoord")
    _fill(small_disk)
    with pytest.raises(DiskFullError) as info:
        for i in range(200):
            accounts.add_user(
                vault, vault.identity, f"c{i}", "coach", "X" * 190, "coach-wachtwoord"
            )
    assert "vol" in info.value.message("nl")
    vault.lock()
    (small_disk / "filler.bin").unlink()
    vault.unlock(LEADER, LEADER_PASSWORD)
    logins = {u.login for u in accounts.list_users(vault, vault.identity)}
    assert {LEADER, "jan"} <= logins
    vault.check()
    vault.lock()


def test_read_only_folder_is_reported_and_nothing_changes(small_disk: Path) -> None:
    vault = Vault(small_disk / "data", kdf=FAST_KDF)
    accounts.create_vault(vault, "Org", LEADER, "Lea", LEADER_PASSWORD)
    vault.lock()
    (small_disk / "data" / "vault.lock").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(ReadOnlyError) as info:
        vault.unlock(LEADER, LEADER_PASSWORD)
    assert "alleen-lezen" in info.value.message("nl")
    assert not vault.is_unlocked


@pytest.mark.parametrize(
    "path,expected",
    [
        ("C:/Users/lea/OneDrive - Groep INTRO/AMO", ["synced"]),
        ("/home/lea/Dropbox/amo", ["synced"]),
        ("//server/share/amo", ["network"]),
        ("C:/Users/lea/AppData/Local/AMO Desktop", []),
    ],
)
def test_synced_and_network_locations_are_flagged(path: str, expected: list[str]) -> None:
    assert location_warnings(Path(path)) == expected
