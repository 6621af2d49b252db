"""Shared fixtures: real encrypted vaults in tmp_path, cheap KDF so the suite stays fast."""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from amo_desktop.services import accounts
from amo_desktop.storage import keyslots
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault
from amo_desktop.sync import bundle

# Speed is the benchmarks' business (tests/bench), not the suite's: no per-example deadline,
# which a loaded CI machine or two cores shared with other work would trip.
settings.register_profile("amo", deadline=None)
settings.load_profile("amo")

FAST_KDF = KdfParams(memory_kib=8_192, iterations=1, lanes=1)
# A folder whose sitecustomize.py gives a program started as a subprocess cheap key slots.
CHEAP_KDF_PATH = Path(__file__).parent / "cheap_kdf"
LEADER = "lea"
LEADER_PASSWORD = "teamleider-wachtwoord"
CANARY = "CANARY-Zoë-Łukasz-Şahin-5e1d9c"


@pytest.fixture(autouse=True)
def _app_logger_restored() -> Iterator[None]:
    """A test that runs cli.main in-process sets the app's log level and file; the next test
    in that worker must not inherit them (caplog would see INFO lines it did not ask for)."""
    app = logging.getLogger("amo_desktop")
    level, handlers = app.level, list(app.handlers)
    yield
    for handler in [h for h in app.handlers if h not in handlers]:
        app.removeHandler(handler)
        handler.close()
    app.setLevel(level)


@pytest.fixture
def fast_kdf() -> KdfParams:
    return FAST_KDF


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One vault made per test process (the migrations take most of a second), then locked;
    returns (its folder, its recovery key). Tests get copies (`created_vault`), never this."""
    folder = tmp_path_factory.mktemp("template") / "data"
    vault = Vault(folder, kdf=FAST_KDF)
    recovery = accounts.create_vault(vault, "Groep INTRO", LEADER, "Lea Peeters", LEADER_PASSWORD)
    vault.lock()
    return folder, recovery


@pytest.fixture
def created_vault(vault_dir: Path, template_vault: tuple[Path, str]) -> Iterator[tuple[Vault, str]]:
    """A fresh vault, unlocked by the team leader; yields (vault, recovery key). It is a copy
    of the session's template (same content as `accounts.create_vault` makes), unlocked
    without the daily backup, so nothing is added to what a new vault holds."""
    folder, recovery = template_vault
    shutil.copytree(folder, vault_dir, ignore=shutil.ignore_patterns("vault.lock"))
    vault = Vault(vault_dir, kdf=FAST_KDF)
    vault.unlock(LEADER, LEADER_PASSWORD, daily_backup=False)
    yield vault, recovery
    vault.lock()


@pytest.fixture
def vault(created_vault: tuple[Vault, str]) -> Vault:
    return created_vault[0]


def cheap_kdf_env(env: dict[str, str]) -> dict[str, str]:
    """env for `python -m amo_desktop` with cheap key slots (tests/cheap_kdf/sitecustomize.py)."""
    paths = [str(CHEAP_KDF_PATH), *filter(None, [env.get("PYTHONPATH")])]
    return {**env, "PYTHONPATH": os.pathsep.join(paths)}


def cli_env_for(data_dir: Path) -> dict[str, str]:
    """Environment for running the CLI as a subprocess with cheap key slots on `data_dir`."""
    env = cheap_kdf_env(dict(os.environ))
    env["AMO_DATA_DIR"] = str(data_dir)
    for var in ("AMO_USER", "AMO_PASSWORD", "AMO_NEW_PASSWORD"):
        env.pop(var, None)
    return env


@pytest.fixture
def cli_env(vault_dir: Path) -> dict[str, str]:
    """Environment for running the CLI as a subprocess with cheap key slots."""
    return cli_env_for(vault_dir)


def copy_into(template: Path, folder: Path) -> None:
    """Every file a fixture made once per test process (a vault the CLI set up, with the files
    beside it) copied into a test's own folder, as if the test had made them itself."""
    shutil.copytree(template, folder, symlinks=True, dirs_exist_ok=True)


@pytest.fixture
def cheap_default_kdf(monkeypatch: pytest.MonkeyPatch) -> KdfParams:
    """The program run in this process (cli.main, run_app) makes cheap key slots."""
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", FAST_KDF)
    monkeypatch.setattr(bundle, "INVITE_KDF", {"memory_kib": 8_192, "iterations": 1, "lanes": 1})
    return FAST_KDF


def keys_without_failure_count(keys_path: Path) -> dict[str, object]:
    """The key file's content less what a failed unlock writes into it (issue 12)."""
    data = json.loads(keys_path.read_bytes())
    data.pop("failed_unlocks", None)
    data.pop("last_failed_unlock_at", None)
    return data


def corrupt_a_page(vault: Vault) -> None:
    """Grow the unlocked vault past a few pages, lock it, then flip one byte deep inside."""
    for i in range(40):
        accounts.add_user(
            vault, vault.identity, f"coach{i}", "coach", "X" * 150, "coach-wachtwoord"
        )
    with vault.raw_connection() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.lock()
    data = bytearray(vault.db_path.read_bytes())
    assert len(data) > 3 * 4096
    data[2 * 4096 + 100] ^= 0xFF
    vault.db_path.write_bytes(bytes(data))
