"""The command line as scripts use it: a real subprocess, real files, exit codes 0/1/2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF
from tests.e2e.cli_run import run
from tests.e2e.conftest import PASSWORD


def test_account_commands(initialised: tuple[dict[str, str], Path]) -> None:
    env, _ = initialised
    added = run(
        env,
        "user",
        "add",
        "jan",
        "--role",
        "coach",
        "--full-name",
        "Jan Janssens",
        AMO_NEW_PASSWORD="jan-wachtwoord",
    )
    assert added.returncode == 0, added.stderr
    listed = run(env, "user", "list", "--json")
    assert [u["login"] for u in json.loads(listed.stdout)] == ["jan", "lea"]
    removed = run(env, "user", "remove", "jan")
    assert removed.returncode == 0 and "vernieuwd" in removed.stdout
    gone = run(env, "user", "list", AMO_USER="jan", AMO_PASSWORD="jan-wachtwoord")
    assert gone.returncode == 1
    assert (
        run(
            env, "user", "add", "piet", "--role", "coach", AMO_NEW_PASSWORD="piet-wachtwoord"
        ).returncode
        == 0
    )
    coach_try = run(
        env,
        "user",
        "add",
        "x",
        "--role",
        "coach",
        AMO_USER="piet",
        AMO_PASSWORD="piet-wachtwoord",
        AMO_NEW_PASSWORD="x-wachtwoord1",
    )
    assert coach_try.returncode == 1 and "geen toegang" in coach_try.stderr


def test_the_team_leader_resets_a_forgotten_password(
    initialised: tuple[dict[str, str], Path],
) -> None:
    env, _ = initialised
    added = run(env, "user", "add", "jan", "--role", "coach", AMO_NEW_PASSWORD="jan-wachtwoord")
    assert added.returncode == 0, added.stderr
    as_jan = {"AMO_USER": "jan", "AMO_PASSWORD": "jan-wachtwoord"}
    coach_try = run(env, "user", "reset-password", "lea", **as_jan, AMO_NEW_PASSWORD="x" * 20)
    assert coach_try.returncode == 1 and "geen toegang" in coach_try.stderr
    reset = run(env, "user", "reset-password", "jan", AMO_NEW_PASSWORD="eenmalig-Wachtwoord-7q")
    assert reset.returncode == 0 and "Eenmalig wachtwoord voor jan" in reset.stdout
    assert run(env, "user", "list", **as_jan).returncode == 1  # the forgotten one is gone
    keys_path = Path(env["AMO_DATA_DIR"]) / "vault.keys"
    marks = {s["login"]: s.get("must_change") for s in json.loads(keys_path.read_text())["slots"]}
    assert marks["jan"] is True and marks["lea"] is False
    once = {"AMO_USER": "jan", "AMO_PASSWORD": "eenmalig-Wachtwoord-7q"}
    changed = run(env, "passwd", **once, AMO_NEW_PASSWORD="mijn-eigen-Wachtwoord-9z")
    assert changed.returncode == 0, changed.stderr
    assert not any(s.get("must_change") for s in json.loads(keys_path.read_text())["slots"])


def test_errors_are_one_line_without_traceback(initialised: tuple[dict[str, str], Path]) -> None:
    env, _ = initialised
    wrong = run(env, "check", AMO_PASSWORD="fout")
    assert wrong.returncode == 1
    assert wrong.stderr.strip().count("\n") == 0 and "Traceback" not in wrong.stderr
    assert "wachtwoord is niet juist" in wrong.stderr
    english = run(env, "--lang", "en", "check", AMO_PASSWORD="fout")
    assert "password is not correct" in english.stderr
    usage = run(env, "user", "add", "x", "--role", "koning")
    assert usage.returncode == 2
    short = run(env, "user", "add", "x", "--role", "coach", AMO_NEW_PASSWORD="kort")
    assert short.returncode == 1 and "12 tekens" in short.stderr
    missing = run({**env, "AMO_DATA_DIR": str(Path(env["AMO_DATA_DIR"]).parent / "geen")}, "check")
    assert missing.returncode == 1 and "Er is nog geen kluis" in missing.stderr


def test_no_password_and_no_terminal_is_a_usage_error(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    done = run(
        cli_env,
        "init",
        "--org",
        "O",
        "--user",
        "lea",
        "--recovery-key-out",
        str(tmp_path / "k.txt"),
    )
    assert done.returncode == 2 and "AMO_PASSWORD" in done.stderr


def test_second_instance_exits_with_a_clear_message(
    initialised: tuple[dict[str, str], Path],
) -> None:
    env, _ = initialised
    holder = Vault(Path(env["AMO_DATA_DIR"]), kdf=FAST_KDF)
    holder.unlock("lea", PASSWORD)
    try:
        done = run(env, "check")
        assert done.returncode == 1 and "al geopend" in done.stderr
    finally:
        holder.lock()


def test_backup_restore_check_inventory_and_recovery(
    initialised: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    env, key_file = initialised
    backup = tmp_path / "kopie.amobak"
    assert run(env, "backup", "--out", str(backup)).returncode == 0
    assert backup.exists()
    assert (
        run(
            env, "user", "add", "later", "--role", "coach", AMO_NEW_PASSWORD="later-wachtwoord"
        ).returncode
        == 0
    )
    restored = run(env, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    checked = run(env, "check")
    assert checked.returncode == 0 and "in orde" in checked.stdout

    bare = {k: v for k, v in env.items() if k not in ("AMO_USER", "AMO_PASSWORD")}
    inventory = run(bare, "inventory", "--json")
    data = json.loads(inventory.stdout)
    assert [u["login"] for u in data["users"]] == ["lea"]
    assert data["last_backup_at"] and data["recovery_key_slot"] is True
    assert "Lea Peeters" not in inventory.stdout

    reset = run(
        bare,
        "passwd",
        "--user",
        "lea",
        "--recovery-key",
        str(key_file),
        AMO_NEW_PASSWORD="nieuw-wachtwoord",
    )
    assert reset.returncode == 0, reset.stderr
    assert run(env, "check").returncode == 1
    assert run(env, "check", AMO_PASSWORD="nieuw-wachtwoord").returncode == 0
    changed = run(
        env, "passwd", AMO_PASSWORD="nieuw-wachtwoord", AMO_NEW_PASSWORD="derde-wachtwoord"
    )
    assert changed.returncode == 0
    assert run(env, "check", AMO_PASSWORD="derde-wachtwoord").returncode == 0


def test_init_can_write_the_recovery_sheet_as_pdf(cli_env: dict[str, str], tmp_path: Path) -> None:
    sheet = tmp_path / "herstelsleutel.pdf"
    done = run(
        cli_env,
        "init",
        "--org",
        "Groep INTRO",
        "--user",
        "lea",
        "--recovery-key-out",
        str(sheet),
        AMO_PASSWORD=PASSWORD,
    )
    assert done.returncode == 0, done.stderr
    assert sheet.read_bytes().startswith(b"%PDF")
    bare = {k: v for k, v in cli_env.items() if k not in ("AMO_USER", "AMO_PASSWORD")}
    from pypdf import PdfReader

    key = "".join(
        line
        for line in PdfReader(sheet).pages[0].extract_text().splitlines()
        if line.count("-") >= 2 and " " not in line
    )
    key_file = tmp_path / "key.txt"
    key_file.write_text(key)
    reset = run(
        bare,
        "passwd",
        "--user",
        "lea",
        "--recovery-key",
        str(key_file),
        AMO_NEW_PASSWORD="nieuw-wachtwoord",
    )
    assert reset.returncode == 0, reset.stderr


def test_selftest_passes_and_prints_versions(cli_env: dict[str, str]) -> None:
    done = run(cli_env, "selftest")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SQLCipher 4." in done.stdout and "OpenSSL" in done.stdout
    assert "FAIL" not in done.stdout
    # R20: the selftest reads the setting in the command line's own process.
    assert "OK   cipher memory security off (R20, by design)" in done.stdout


def test_a_reader_that_stops_early_is_no_crash(cli_env: dict[str, str]) -> None:
    """`amo-desktop selftest | head -1`: the closed pipe is not an unexpected error."""
    child = subprocess.Popen(
        [sys.executable, "-m", "amo_desktop", "selftest"],
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.readline()
    child.stdout.close()  # like `head -1`
    stderr = child.stderr.read().decode()
    assert child.wait(timeout=120) in (0, 1)
    assert "Onverwachte fout" not in stderr and "Traceback" not in stderr


def test_a_language_we_do_not_have_speaks_dutch(
    initialised: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    """AMO_LANG=de once crashed every success message with a KeyError."""
    env, _ = initialised
    done = run(env, "backup", "--out", str(tmp_path / "kopie.amobak"), AMO_LANG="de")
    assert done.returncode == 0, done.stderr
    assert "reservekopie" in done.stdout.lower()
