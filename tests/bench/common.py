"""What every benchmark shares: the demo vault, its users, timing, and a plain SQLite copy."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool
from sqlcipher3 import dbapi2

from amo_desktop.storage.engine import CONNECTION_PRAGMAS, fold
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault

FAST_KDF = KdfParams(memory_kib=8_192, iterations=1, lanes=1)  # as tests/conftest.py
CHEAP_KDF_PATH = Path(__file__).resolve().parents[1] / "cheap_kdf"  # its sitecustomize.py
PASSWORD = "demo-wachtwoord"
LEADER = "teamleider"
COACH = "coach.an"


def peak_mib() -> float:
    """ru_maxrss of this process in MiB (KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ensure_vault(folder: Path, scale: str) -> float | None:
    """Makes `demo --scale SCALE` in FOLDER when it holds no vault (cheap key slots, so unlocking
    costs little); returns the seconds it took, None when an existing vault is reused."""
    if (folder / "vault.keys").exists():
        print(f"reusing the vault in {folder}", flush=True)
        return None
    print(f"creating a demo vault ({scale}) in {folder} …", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "amo_desktop", "--data-dir", str(folder), "demo", "--scale", scale],
        check=True,
        env={**os.environ, "AMO_PASSWORD": PASSWORD, "PYTHONPATH": str(CHEAP_KDF_PATH)},
    )
    seconds = time.perf_counter() - started
    print(f"  generated in {seconds:.0f} s", flush=True)
    return seconds


def repeat(fn: Callable[[], Any], runs: int) -> list[float]:
    """Seconds of each of `runs` calls."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def summary(samples: list[float]) -> tuple[float, float, float]:
    return min(samples), statistics.median(samples), max(samples)


@dataclass
class Db:
    """What service code needs of a store: a unit of work. The vault or its plain copy."""

    session: Callable[[], Any]
    label: str


def vault_db(vault: Vault) -> Db:
    return Db(vault.session, "SQLCipher")


def _plain_engine(path: Path) -> Engine:
    """An engine on an unencrypted file, set up as storage.engine.make_engine sets up the
    vault's: the same SQLite library (SQLCipher's, no key), settings, fold function, pool."""

    def creator() -> dbapi2.Connection:
        conn = dbapi2.connect(str(path), check_same_thread=False)
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma).fetchall()
        conn.create_function("amo_fold", 1, fold, deterministic=True)
        return conn

    engine = create_engine(
        "sqlite://", module=dbapi2, creator=creator, poolclass=QueuePool, pool_size=1,
        max_overflow=2,
    )  # fmt: skip
    event.listen(engine, "connect", lambda conn, _r: setattr(conn, "isolation_level", None))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


@dataclass
class PlainCopy:
    """The unlocked vault's data decrypted into a plain SQLite file in a temporary folder."""

    engine: Engine
    folder: Path

    @contextmanager
    def session(self) -> Iterator[Session]:
        with sessionmaker(self.engine, expire_on_commit=False)() as s:
            try:
                yield s
                s.commit()
            except Exception:
                s.rollback()
                raise

    def db(self) -> Db:
        return Db(self.session, "plain SQLite")


@contextmanager
def plain_copy(vault: Vault) -> Iterator[PlainCopy]:
    """sqlcipher_export of the unlocked vault into a plain file; deleted when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="amo-bench-plain-"))
    target = folder / "plain.db"
    try:
        with vault.raw_connection() as conn:
            conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
            conn.execute("SELECT sqlcipher_export('plain')").fetchall()
            conn.execute("DETACH DATABASE plain")
        engine = _plain_engine(target)
        try:
            yield PlainCopy(engine, folder)
        finally:
            engine.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def vault_on(vault: Vault, copy: PlainCopy) -> Iterator[None]:
    """The unlocked vault's sessions served by the plain copy, for the screens' own code."""
    saved = vault._engine, vault._sessions
    vault._engine = copy.engine
    vault._sessions = sessionmaker(copy.engine, expire_on_commit=False)
    try:
        yield
    finally:
        vault._engine, vault._sessions = saved
