"""Passwords and unlocking through the command line (issue 12): the rule for new passwords,
failed unlocks told once, old weak passwords asked to change, and no environment variable
that lowers the key derivation of the shipped program."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from amo_desktop.storage.keyslots import DEFAULT_KDF, Sidecar
from amo_desktop.storage.vault import Vault
from tests.conftest import (
    CHEAP_KDF_PATH,
    FAST_KDF,
    LEADER,
    LEADER_PASSWORD,
    cli_env_for,
    copy_into,
)
from tests.e2e.cli_run import run

WEAK = ["12345678", "password1234"]


def init(env: dict[str, str], tmp_path: Path, password: str) -> subprocess.CompletedProcess[str]:
    return run(
        env,
        "init",
        "--org",
        "Groep INTRO",
        "--user",
        LEADER,
        "--full-name",
        "Lea Peeters",
        "--recovery-key-out",
        str(tmp_path / "sleutel.txt"),
        AMO_PASSWORD=password,
    )


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def made_leader(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`init` run once per test process: the folder holding `data` and the key file."""
    root = tmp_path_factory.mktemp("init")
    assert init(cli_env_for(root / "data"), root, LEADER_PASSWORD).returncode == 0
    return root


@pytest.fixture
def leader(made_leader: Path, cli_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """This test's own copy of the vault `init` made."""
    copy_into(made_leader, tmp_path)
    return {**cli_env, "AMO_USER": LEADER, "AMO_PASSWORD": LEADER_PASSWORD}


@pytest.mark.parametrize("weak", WEAK)
def test_init_refuses_a_weak_password_with_one_line(
    cli_env: dict[str, str], tmp_path: Path, weak: str
) -> None:
    done = init(cli_env, tmp_path, weak)
    assert done.returncode == 1
    line = one_line(done)
    assert line.startswith("amo-desktop: password: ")
    assert "12 tekens" in line or "te makkelijk te raden" in line
    assert not (Path(cli_env["AMO_DATA_DIR"]) / "vault.keys").exists()
    assert not (tmp_path / "sleutel.txt").exists()


def test_user_add_passwd_and_join_refuse_weak_passwords(
    leader: dict[str, str], tmp_path: Path
) -> None:
    keys = Path(leader["AMO_DATA_DIR"]) / "vault.keys"
    for weak in WEAK:
        before = Sidecar.load(keys).slots
        added = run(leader, "user", "add", "jan", "--role", "coach", AMO_NEW_PASSWORD=weak)
        assert added.returncode == 1 and "wachtwoord" in one_line(added).lower()
        changed = run(leader, "passwd", AMO_NEW_PASSWORD=weak)
        assert changed.returncode == 1 and "new_password" in one_line(changed)
        assert Sidecar.load(keys).slots == before
    assert run(leader, "check").returncode == 0  # the old password still opens

    added = run(
        leader, "user", "add", "jan", "--role", "coach", AMO_NEW_PASSWORD="coach-wachtwoord"
    )
    assert added.returncode == 0, added.stderr
    invite = run(leader, "exchange", "invite", "jan", "--out", str(tmp_path / "jan.amoi"))
    assert invite.returncode == 0, invite.stderr
    code = re.search(r"code: (\S+)", invite.stdout)
    assert code is not None
    laptop = {**leader, "AMO_DATA_DIR": str(tmp_path / "laptop")}
    laptop.pop("AMO_USER")
    join = ["exchange", "join", str(tmp_path / "jan.amoi"), "--code", code.group(1)]
    refused = run(laptop, *join, AMO_PASSWORD="password1234")
    assert refused.returncode == 1 and "te makkelijk te raden" in one_line(refused)
    assert not (tmp_path / "laptop" / "vault.keys").exists()


def test_failed_unlocks_are_told_once_after_a_command_that_worked(
    leader: dict[str, str],
) -> None:
    for _ in range(3):
        wrong = run(leader, "check", AMO_PASSWORD="fout")
        assert wrong.returncode == 1 and "niet juist" in one_line(wrong)
    failing = run(leader, "caseload", "--coach", "niemand")  # unlocks, then fails
    assert failing.returncode == 1 and "niemand" in one_line(failing)
    told = run(leader, "check")
    assert told.returncode == 0
    assert one_line(told) == "amo-desktop: 3 mislukte pogingen sinds uw laatste aanmelding."
    again = run(leader, "check")
    assert again.returncode == 0 and again.stderr == ""
    data = Path(leader["AMO_DATA_DIR"])
    assert Sidecar.load(data / "vault.keys").failed_unlocks == 0


def test_an_old_weak_password_still_opens_and_is_asked_to_change(
    cli_env: dict[str, str],
) -> None:
    data = Path(cli_env["AMO_DATA_DIR"])
    old = Vault(data, kdf=FAST_KDF)
    old.create("Groep INTRO", LEADER, "Lea Peeters", "password1234")  # before the rule
    old.lock()
    env = {**cli_env, "AMO_USER": LEADER, "AMO_PASSWORD": "password1234"}
    done = run(env, "check")
    assert done.returncode == 0
    assert "Kies een nieuw met 'amo-desktop passwd'" in one_line(done)
    changed = run(env, "passwd", AMO_NEW_PASSWORD=LEADER_PASSWORD)
    assert changed.returncode == 0 and changed.stderr == ""
    done = run({**env, "AMO_PASSWORD": LEADER_PASSWORD}, "check")
    assert done.returncode == 0 and done.stderr == ""


def test_the_program_ignores_the_old_test_kdf_variable(tmp_path: Path) -> None:
    """No environment variable weakens a new key slot: the shipped Argon2id cost, always."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMO_")}
    env.pop("PYTHONPATH", None)  # no tests/cheap_kdf: the program as shipped
    env.update({"AMO_TEST_KDF_MEMORY_KIB": "8192", "AMO_DATA_DIR": str(tmp_path / "data")})
    root = str(Path(__file__).resolve().parents[2])  # this tree's program, as -m would find it
    key_out = ["--recovery-key-out", str(tmp_path / "sleutel.txt")]
    done = subprocess.run(
        [sys.executable, "-m", "amo_desktop", "init", "--org", "O", "--user", LEADER, *key_out],
        env={**env, "AMO_PASSWORD": LEADER_PASSWORD},
        cwd=root,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    slot = Sidecar.load(tmp_path / "data" / "vault.keys").slot_for_login(LEADER)
    assert slot is not None
    shipped = (DEFAULT_KDF.memory_kib, DEFAULT_KDF.iterations, DEFAULT_KDF.lanes)
    assert shipped == (131_072, 8, 4)
    assert (slot.kdf["memory_kib"], slot.kdf["iterations"], slot.kdf["lanes"]) == shipped
    source = Path(root, "amo_desktop")
    assert not [p for p in source.rglob("*.py") if "AMO_TEST_KDF" in p.read_text("utf-8")]


def test_the_suites_subprocesses_get_cheap_slots(leader: dict[str, str]) -> None:
    """cli_env's tests/cheap_kdf keeps the e2e suite fast; if it broke, this says so."""
    assert str(CHEAP_KDF_PATH) in leader["PYTHONPATH"]
    slot = Sidecar.load(Path(leader["AMO_DATA_DIR"]) / "vault.keys").slot_for_login(LEADER)
    assert slot is not None and slot.kdf["memory_kib"] == FAST_KDF.memory_kib


def test_one_failed_unlock_is_told_in_the_singular(leader: dict[str, str]) -> None:
    wrong = run(leader, "check", AMO_PASSWORD="fout")
    assert wrong.returncode == 1
    told = run(leader, "check")
    assert one_line(told) == "amo-desktop: 1 mislukte poging sinds uw laatste aanmelding."
