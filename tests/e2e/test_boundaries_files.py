"""Files in and out at the command line (issue 12): a file the user asks for never lands on the
vault's own files, a bad place or a bad input file is one line with exit code 1, the recovery
key of a joined laptop always reaches the user, an edited invitation is one line."""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
from pathlib import Path

import pytest

from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF, cli_env_for, copy_into
from tests.e2e.cli_run import run
from tests.e2e.conftest import PASSWORD  # the team leader's, as `init` set it

COACH_PASSWORD = "Zonnebloem-Rivier-7?-Jan"


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    """Exit code 1 and exactly one line on stderr, no traceback; returns the line."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def made_team(made_by_init: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The vault `init` made, with a coach 'jan' added through the CLI, once per test process:
    the folder holding `data` and the recovery key file."""
    root = tmp_path_factory.mktemp("team")
    copy_into(made_by_init, root)
    env = {**cli_env_for(root / "data"), "AMO_USER": "lea", "AMO_PASSWORD": PASSWORD}
    added = run(env, "user", "add", "jan", "--role", "coach", AMO_NEW_PASSWORD=COACH_PASSWORD)
    assert added.returncode == 0, added.stderr
    return root


@pytest.fixture
def team(made_team: Path, cli_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """This test's own copy of the team made through the CLI."""
    copy_into(made_team, tmp_path)
    return {**cli_env, "AMO_USER": "lea", "AMO_PASSWORD": PASSWORD}


def data_dir(env: dict[str, str]) -> Path:
    return Path(env["AMO_DATA_DIR"])


def still_opens(env: dict[str, str]) -> None:
    checked = run(env, "check")
    assert checked.returncode == 0 and "in orde" in checked.stdout, checked.stderr


def invite(env: dict[str, str], out: Path) -> str:
    done = run(env, "exchange", "invite", "jan", "--out", str(out))
    assert done.returncode == 0, done.stderr
    found = re.search(r"code: (\S+)", done.stdout)
    assert found, done.stdout
    return found.group(1)


# --- files written on request ------------------------------------------------------------------
def test_an_invitation_written_over_the_vault_is_refused(team: dict[str, str]) -> None:
    target = data_dir(team) / "vault.db"
    before = target.read_bytes()
    line = one_line(run(team, "exchange", "invite", "jan", "--out", str(target)))
    assert "bestand van de kluis zelf" in line
    assert target.read_bytes() == before
    still_opens(team)


def test_a_backup_written_over_the_vault_is_refused(team: dict[str, str]) -> None:
    target = data_dir(team) / "vault.db"
    line = one_line(run(team, "backup", "--out", str(target)))
    assert "kluis zelf" in line
    still_opens(team)


VAULT_FILES = (
    "vault.keys",
    "vault.db-wal",
    "vault.db-shm",
    "vault.lock",
    "VAULT.DB",
    "vault.db.",
    "backups/extra.amobak",
    "logs/amo-desktop.log",
)


def test_every_file_of_the_vault_is_refused_as_a_target(team: dict[str, str]) -> None:
    folder = data_dir(team)
    (folder / "backups").mkdir(exist_ok=True)
    keys = (folder / "vault.keys").read_bytes()
    commands = (
        (("backup", "--out"), ""),
        (("exchange", "export", "--out"), ""),
        (("report", "steering", "--out"), ".json"),
    )
    for number, name in enumerate(VAULT_FILES):
        args, suffix = commands[number % len(commands)]
        line = one_line(run(team, *args, str(folder / name) + suffix))
        assert "kluis zelf" in line, (args, name, line)
    assert (folder / "vault.keys").read_bytes() == keys
    still_opens(team)


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_link_into_the_data_folder_is_seen_through(team: dict[str, str], tmp_path: Path) -> None:
    link = tmp_path / "looks-harmless"
    link.symlink_to(data_dir(team), target_is_directory=True)
    one_line(run(team, "backup", "--out", str(link / "vault.db")))
    still_opens(team)


def test_a_missing_folder_and_a_folder_as_file_are_one_line(
    team: dict[str, str], tmp_path: Path
) -> None:
    missing = tmp_path / "bestaat-niet" / "kopie.amobak"
    assert "bestaat niet" in one_line(run(team, "backup", "--out", str(missing)))
    assert not missing.parent.exists()
    assert "is een map" in one_line(run(team, "backup", "--out", str(tmp_path)))
    assert "is een map" in one_line(
        run(
            team,
            "report",
            "steering",
            "--out",
            str(tmp_path / "x.json"),
            "--feedback-file",
            str(tmp_path),
        )
    )
    assert "bestaat niet" in one_line(
        run(team, "exchange", "export", "--out", str(tmp_path / "nope" / "b.amobundle"))
    )
    assert "bestaat niet" in one_line(run(team, "import", "template", "--out", str(missing)))


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes read-only folders")
def test_a_read_only_folder_is_one_line(team: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert "alleen-lezen of geen toegang" in one_line(
            run(team, "backup", "--out", str(folder / "kopie.amobak"))
        )
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs")
def test_a_place_nobody_may_write_is_one_line(team: dict[str, str]) -> None:
    """sysfs refuses new files even to root, where a read-only folder would not."""
    line = one_line(run(team, "report", "steering", "--out", "/sys/kernel/amo-rapport.json"))
    assert "alleen-lezen of geen toegang" in line


def test_written_files_are_private_and_complete(team: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "rapport.json"
    done = run(team, "report", "steering", "--out", str(out))
    assert done.returncode == 0, done.stderr
    json.loads(out.read_text("utf-8"))
    if os.name != "nt":
        assert out.stat().st_mode & 0o777 == 0o600
    template = tmp_path / "sjabloon.xlsx"
    assert run(team, "import", "template", "--out", str(template)).returncode == 0
    assert template.read_bytes()[:2] == b"PK"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- files read -------------------------------------------------------------------------------
def test_a_feedback_file_in_windows_1252_is_read(team: dict[str, str], tmp_path: Path) -> None:
    feedback = tmp_path / "feedback.txt"
    feedback.write_bytes(
        "Scholen zijn tevreden over de aanpak – één school wil meer € ".encode("cp1252")
    )
    out = tmp_path / "stuurgroep.json"
    done = run(team, "report", "steering", "--out", str(out), "--feedback-file", str(feedback))
    assert done.returncode == 0, done.stderr
    assert "één school wil meer €" in out.read_text("utf-8")


def test_a_feedback_file_that_is_no_text_is_one_line(team: dict[str, str], tmp_path: Path) -> None:
    feedback = tmp_path / "feedback.bin"
    feedback.write_bytes(b"\x81\x8d\x8f\x90\x9d")
    line = one_line(
        run(
            team,
            "report",
            "steering",
            "--out",
            str(tmp_path / "s.json"),
            "--feedback-file",
            str(feedback),
        )
    )
    assert "geen leesbare tekst" in line
    missing = tmp_path / "nergens.txt"
    assert "bestaat niet" in one_line(
        run(
            team,
            "report",
            "steering",
            "--out",
            str(tmp_path / "s.json"),
            "--feedback-file",
            str(missing),
        )
    )


def test_a_folder_or_nothing_given_as_input_file_is_one_line(
    team: dict[str, str], tmp_path: Path
) -> None:
    assert "is een map" in one_line(run(team, "restore", str(tmp_path)))
    assert "bestaat niet" in one_line(run(team, "restore", str(tmp_path / "geen.amobak")))
    assert "is een map" in one_line(run(team, "exchange", "import", str(tmp_path)))
    bare = {k: v for k, v in team.items() if k not in ("AMO_USER", "AMO_PASSWORD")}
    assert "is een map" in one_line(
        run(
            bare,
            "passwd",
            "--user",
            "lea",
            "--recovery-key",
            str(tmp_path),
            AMO_NEW_PASSWORD=PASSWORD,
        )
    )


# --- joining a team -----------------------------------------------------------------------------
def test_join_without_a_key_file_prints_the_recovery_key_once(
    team: dict[str, str], cli_env: dict[str, str], tmp_path: Path
) -> None:
    invitation = tmp_path / "jan.amoinv"
    code = invite(team, invitation)
    laptop = tmp_path / "laptop-jan"
    joined = run(
        {**cli_env, "AMO_DATA_DIR": str(laptop)},
        "exchange",
        "join",
        str(invitation),
        "--code",
        code,
        AMO_PASSWORD=COACH_PASSWORD,
    )
    assert joined.returncode == 0, joined.stderr
    assert "Traceback" not in joined.stderr
    keys = re.findall(r"Herstelsleutel: (\S+)", joined.stdout)
    assert len(keys) == 1, joined.stdout
    vault = Vault(laptop, kdf=FAST_KDF)
    vault.unlock_with_recovery(keys[0])  # the key printed is the real one
    assert vault.sidecar.slot_for_login("jan") is not None
    vault.lock()


def test_join_with_a_key_file_in_a_missing_folder_makes_no_vault(
    team: dict[str, str], cli_env: dict[str, str], tmp_path: Path
) -> None:
    invitation = tmp_path / "jan.amoinv"
    code = invite(team, invitation)
    laptop = tmp_path / "laptop-jan"
    line = one_line(
        run(
            {**cli_env, "AMO_DATA_DIR": str(laptop)},
            "exchange",
            "join",
            str(invitation),
            "--code",
            code,
            "--recovery-key-out",
            str(tmp_path / "nope" / "key.txt"),
            AMO_PASSWORD=COACH_PASSWORD,
        )
    )
    assert "bestaat niet" in line
    assert not (laptop / "vault.db").exists()  # nothing made whose key could be lost


def _edit_kdf(data: bytes, **numbers: object) -> bytes:
    (head_len,) = struct.unpack(">I", data[5:9])
    header = json.loads(data[9 : 9 + head_len])
    header["kdf"].update(numbers)
    head = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    return data[:5] + struct.pack(">I", len(head)) + head + data[9 + head_len :]


EDITED_KDF = (
    {"memory_kib": 1 << 40},
    {"memory_kib": -1},
    {"iterations": 0},
    {"iterations": 10**9},
    {"lanes": "vier"},
    {"memory_kib": 9000},  # plausible, but not what was sealed
)


def test_an_invitation_with_edited_kdf_numbers_is_one_line(
    team: dict[str, str], cli_env: dict[str, str], tmp_path: Path
) -> None:
    invitation = tmp_path / "jan.amoinv"
    code = invite(team, invitation)
    laptop = tmp_path / "laptop-jan"
    for numbers in EDITED_KDF:
        edited = tmp_path / "edited.amoinv"
        edited.write_bytes(_edit_kdf(invitation.read_bytes(), **numbers))
        line = one_line(
            run(
                {**cli_env, "AMO_DATA_DIR": str(laptop)},
                "exchange",
                "join",
                str(edited),
                "--code",
                code,
                AMO_PASSWORD=COACH_PASSWORD,
            )
        )
        assert "beschadigd" in line, numbers
        assert not (laptop / "vault.db").exists()


# --- restore ---------------------------------------------------------------------------------
def test_restore_from_the_command_line_keeps_the_vault_it_replaces(
    team: dict[str, str], tmp_path: Path
) -> None:
    backup = tmp_path / "kopie.amobak"
    assert run(team, "backup", "--out", str(backup)).returncode == 0
    for _ in range(3):
        done = run(team, "restore", str(backup))
        assert done.returncode == 0, done.stderr
        assert "automatische reservekopie" in done.stdout
    kept = sorted((data_dir(team) / "backups").glob("*-before-restore.amobak"))
    assert len(kept) == 3
    coach = one_line(run(team, "restore", str(backup), AMO_USER="jan", AMO_PASSWORD=COACH_PASSWORD))
    assert "teamverantwoordelijke" in coach
    still_opens(team)
