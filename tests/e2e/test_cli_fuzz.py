"""Every command with hostile arguments and files: exit 0, 1 or 2, one line, no traceback."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amo_desktop import cli
from amo_desktop.cli.parser import REPORT_KINDS
from amo_desktop.services import accounts
from amo_desktop.storage import keyslots
from amo_desktop.storage.vault import Vault
from amo_desktop.sync import bundle
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD

# Placeholders a command line may use; each is drawn from the hostile values below.
TEMPLATES: tuple[str, ...] = (
    "init --org {text} --user {text} --recovery-key-out {path}",
    "user add {text} --role coach --full-name {text}",
    "user add {text} --role {text}",
    "user remove {text}",
    "user list --json",
    "passwd --user {text} --recovery-key {path}",
    "backup --out {path}",
    "restore {path}",
    "check",
    "inventory --json",
    "waitlist --json",
    "caseload --coach {text}",
    "retention due",
    "import template --out {path}",
    "import referrals {path} --dry-run",
    "import referrals {path}",
    "report {kind} --out {path}",
    "report steering --school-year {text} --out {path}",
    "report steering --feedback-file {path} --out {outfile}",
    "report school --school {text} --out {outfile}",
    "report funder --funder {text} --out {outfile}",
    "report signal --municipality {text} --out {outfile}",
    "report planning --week {text} --coach {text} --out {outfile}",
    "report trajectory --pupil {text} --out {outfile}",
    "report access --pupil {text} --reason {text} --out {outfile}",
    "report steering --from {text} --to {text} --out {outfile}",
    "exchange invite {text} --out {path}",
    "exchange join {path} --code {text}",
    "exchange export --out {path}",
    "exchange import {path}",
    "exchange folder {path}",
    "exchange sync",
    "exchange conflicts --json",
    "exchange resolve {text} --keep {text}",
    "exchange status --json",
    "{text}",
    "{text} {text}",
)
KINDS = (*REPORT_KINDS, "{text}")
HOSTILE_TEXT = (
    "",
    " ",
    "-",
    "--",
    '=HYPERLINK("http://x","klik")',
    "é" * 300,
    "../../etc/passwd",
    "lea",
    "2025-2026",
    "31/02/2025",
    "99999999999999999999",
    "-1",
    "\u202e",
    "Zoë 😀",
)


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def _hostile_files(root: Path, data: Path) -> list[Path]:
    """Paths a careless or hostile user could give: the vault's own files, folders, junk."""
    root.mkdir(parents=True, exist_ok=True)
    junk = root / "junk.bin"
    junk.write_bytes(os.urandom(2048))
    cp1252 = root / "feedback-cp1252.txt"
    cp1252.write_bytes("Opmerking: café, élève, naïef".encode("cp1252"))
    empty = root / "empty.xlsx"
    empty.write_bytes(b"")
    fake_zip = root / "fake.amobak"
    with zipfile.ZipFile(fake_zip, "w") as archive:
        archive.writestr("vault.db", b"SQLite format 3\x00" + b"\x00" * 100)
        archive.writestr("manifest.json", "{not json")
    csv = root / "referrals.csv"
    csv.write_bytes(b"voornaam;naam\n\xff\xfe;=1+1\n")
    return [
        data / "vault.db",
        data / "vault.keys",
        data / "vault.db-wal",
        data / "backups",
        data / "logs" / "x.pdf",
        data,
        root,
        root / "bestaat-niet" / "x.pdf",
        root / "nieuw.pdf",
        root / "nieuw.xlsx",
        root / "nieuw.json",
        root / "nieuw.amobak",
        junk,
        cp1252,
        empty,
        fake_zip,
        csv,
    ]


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Path]]]:
    """A vault with a team leader and a coach, and the hostile files; cheap key slots meanwhile."""
    saved = keyslots.DEFAULT_KDF, bundle.INVITE_KDF, cli.start_gui
    keyslots.DEFAULT_KDF = FAST_KDF
    bundle.INVITE_KDF = {"memory_kib": 8_192, "iterations": 1, "lanes": 1}
    # An argument list without a command (`--`, `--lang nl`) starts the window: not this test's
    # boundary, and its event loop would wait for a user forever.
    cli.start_gui = lambda _cli: 0
    try:
        yield _stage(tmp_path_factory.mktemp("fuzz"))
    finally:
        keyslots.DEFAULT_KDF, bundle.INVITE_KDF, cli.start_gui = saved


def _stage(root: Path) -> tuple[Path, list[Path]]:
    data = root / "data"
    vault = Vault(data, kdf=FAST_KDF)
    accounts.create_vault(vault, "Groep INTRO", LEADER, "Lea Peeters", LEADER_PASSWORD)
    accounts.add_user(
        vault, vault.identity, "coach.an", "coach", "An Coach", "Koffie-en-Koekjes-voor-An-2026"
    )
    vault.lock()
    return data, _hostile_files(root / "files", data)


def _fill(template: str, draw: st.DrawFn, files: list[Path]) -> list[str]:
    words = template.replace("{kind}", draw(st.sampled_from(KINDS))).split(" ")
    argv: list[str] = []
    for word in words:
        if word == "{text}":
            argv.append(draw(st.sampled_from(HOSTILE_TEXT) | st.text(max_size=12)))
        elif word in ("{path}", "{outfile}"):
            argv.append(str(draw(st.sampled_from(files))))
        else:
            argv.append(word)
    return [a for a in argv if "\x00" not in a]


@st.composite
def _command(draw: st.DrawFn, files: list[Path]) -> list[str]:
    return _fill(draw(st.sampled_from(TEMPLATES)), draw, files)


def _run(argv: list[str], data: Path) -> tuple[int, str]:
    err = io.StringIO()
    env = {"AMO_DATA_DIR": str(data), "AMO_USER": LEADER, "AMO_PASSWORD": LEADER_PASSWORD}
    env["AMO_NEW_PASSWORD"] = LEADER_PASSWORD  # passwd must not lock the next example out
    with (
        _environment(env),
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse's --help and usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_command_lines_end_in_one_line(
    stage: tuple[Path, list[Path]], data: st.DataObject
) -> None:
    vault_dir, files = stage
    argv = data.draw(_command(files), label="argv")
    code, stderr = _run(argv, vault_dir)
    assert code in (0, 1, 2), (argv, code, stderr)
    assert "Traceback" not in stderr, (argv, stderr)
    assert "Onverwachte fout" not in stderr, (
        argv,
        stderr,
    )  # the crash path is a bug, not a refusal
    lines = [line for line in stderr.splitlines() if line.strip()]
    if code != 0:
        assert lines and lines[-1].startswith("amo-desktop"), (argv, stderr)
        assert len(lines) == 1 or argv[:2] == ["import", "referrals"], (argv, stderr)
    _still_opens(vault_dir)


def _still_opens(vault_dir: Path) -> None:
    vault = Vault(vault_dir, kdf=FAST_KDF)
    try:
        vault.unlock(LEADER, LEADER_PASSWORD)
    finally:
        vault.lock()
    for leftover in vault_dir.parent.glob("files/nieuw*"):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        else:
            leftover.unlink()


def test_control_characters_in_an_argument_stay_on_one_line(
    stage: tuple[Path, list[Path]],
) -> None:
    """Found by the fuzz test: a login with a record separator split the error line."""
    vault_dir, _ = stage
    for login in ("\x1e", "an\nTraceback (most recent call last):", "\x1b[2Jan", "\u202ena"):
        code, stderr = _run(["user", "remove", login], vault_dir)
        assert code == 1
        assert stderr.count("\n") == 1 and stderr.startswith("amo-desktop: ")
        assert "\x1b" not in stderr and "\u202e" not in stderr
