"""R13 nothing saved is lost: kill -9 a writer again and again; every acknowledged row survives.

The child (writer_child.py) prints a row's id only after its commit returned, i.e. when the app
would tell the user "saved". The parent kills it with SIGKILL at a random moment: mid-commit,
between commits, or (in some rounds) while it is still starting up and unlocking.
"""

from __future__ import annotations

import os
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from amo_desktop.domain.models import AuditEvent
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

CHILD = Path(__file__).with_name("writer_child.py")
ROUNDS = 15
EARLY_KILL_ROUNDS = {3, 8, 13}  # killed during start-up / unlock, not after "ready"
READY_TIMEOUT = 30.0


class Writer:
    """One child process; collects the complete lines it printed."""

    def __init__(self, data_dir: Path, err_file: Path) -> None:
        self.err_file = err_file
        with open(err_file, "wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(CHILD), str(data_dir), LEADER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
            )
        assert self.proc.stdin is not None
        self.proc.stdin.write(LEADER_PASSWORD.encode("utf-8") + b"\n")
        self.proc.stdin.close()
        self.lines: list[bytes] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if line == b"ready\n":
                self.ready.set()
        self.ready.set()  # end of output: let a waiting parent look at the exit status

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        assert self.proc.stdout is not None
        self.proc.stdout.close()

    def acknowledged(self) -> list[str]:
        """Ids on complete lines only: a line cut by the kill was never acknowledged."""
        return [
            line.decode("ascii").strip()
            for line in self.lines
            if line.endswith(b"\n") and line != b"ready\n"
        ]

    def stderr(self) -> str:
        return self.err_file.read_text(encoding="utf-8", errors="replace")[-3000:]


@pytest.mark.slow
def test_r13_kill_9_never_loses_an_acknowledged_write(vault: Vault, tmp_path: Path) -> None:
    vault.lock()  # the child must be able to take the one-writer lock
    seed = secrets.randbits(32)
    rng = random.Random(seed)
    acknowledged: list[str] = []
    for round_no in range(ROUNDS):
        writer = Writer(vault.data_dir, tmp_path / f"child-{round_no}.err")
        if round_no in EARLY_KILL_ROUNDS:
            time.sleep(rng.uniform(0.3, 1.0))
        else:
            assert writer.ready.wait(READY_TIMEOUT), f"seed {seed}: child never got ready"
            assert writer.proc.poll() is None, (
                f"seed {seed} round {round_no}: child exited by itself "
                f"(code {writer.proc.returncode}):\n{writer.stderr()}"
            )
            time.sleep(rng.uniform(0.0, 0.35))
        writer.kill()
        assert writer.proc.returncode == -signal.SIGKILL, (
            f"seed {seed} round {round_no}: child ended with {writer.proc.returncode} "
            f"before the kill:\n{writer.stderr()}"
        )
        acknowledged += writer.acknowledged()

    assert len(acknowledged) >= 2 * (ROUNDS - len(EARLY_KILL_ROUNDS)), (
        f"seed {seed}: too few writes ({len(acknowledged)}) for the test to mean anything"
    )
    vault.unlock(LEADER, LEADER_PASSWORD)
    with vault.session() as s:
        stored = set(s.scalars(select(AuditEvent.id).where(AuditEvent.action == "crash.test")))
    missing = [row_id for row_id in acknowledged if row_id not in stored]
    assert missing == [], f"seed {seed}: {len(missing)} acknowledged rows lost: {missing[:5]}"
    with vault.raw_connection() as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    vault.check()
