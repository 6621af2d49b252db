"""Benchmarks for the vault (issue 2): unlock cost, raw-key open, SQLCipher overhead vs SQLite.

Run on demand: `PYTHONPATH=. .venv/bin/python tests/bench/bench_vault.py`. Targets: unlock 0.5-1 s, open < 20 ms,
SQLCipher <= 1.5x plain SQLite on the same workload.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from amo_desktop.services import accounts
from amo_desktop.storage.engine import CONNECTION_PRAGMAS, connect_keyed
from amo_desktop.storage.keyslots import DEFAULT_KDF
from amo_desktop.storage.vault import Vault
from tests.bench.common import repeat

PRAGMAS = CONNECTION_PRAGMAS  # plain SQLite gets exactly the same settings
ROWS = 20_000
BATCH = 100


def timed(fn: Callable[[], object], runs: int) -> float:
    return statistics.median(repeat(fn, runs))


def workload(conn: Any) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS sessions (id INTEGER PRIMARY KEY, coach TEXT, "
        "school TEXT, day TEXT, minutes INTEGER, note TEXT)"
    )
    note = "Gesprek over schoolmotivatie en afspraken met de klastitularis. " * 8
    for start in range(0, ROWS, BATCH):
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO sessions (coach, school, day, minutes, note) VALUES (?,?,?,?,?)",
            [
                (
                    f"coach{i % 25}",
                    f"school{i % 40}",
                    f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    30 + i % 90,
                    note,
                )
                for i in range(start, start + BATCH)
            ],
        )
        conn.execute("COMMIT")
    for school in range(40):
        conn.execute(
            "SELECT coach, sum(minutes) FROM sessions WHERE school=? GROUP BY coach",
            (f"school{school}",),
        ).fetchall()
    conn.execute("SELECT count(*), avg(length(note)) FROM sessions").fetchall()


def interactive(conn: Any) -> None:
    """What a coach's day looks like: one row per commit, lookups and short lists."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, session INTEGER, body TEXT)"
    )
    body = "Afspraak: dagelijks de planning overlopen met de leerlingbegeleider. " * 7
    for i in range(300):
        conn.execute("BEGIN")
        conn.execute("INSERT INTO notes (session, body) VALUES (?, ?)", (i % 50, body))
        conn.execute("COMMIT")
        conn.execute(
            "SELECT id, substr(body, 1, 40) FROM notes WHERE session=? ORDER BY id DESC LIMIT 20",
            (i % 50,),
        ).fetchall()


def measure_overhead(folder: Path, runs: int) -> dict[str, list[float]]:
    """Seconds of each run of both workloads on a new SQLCipher file and on a plain one with
    the same settings, interleaved so both see the same load."""
    plain_path = folder / "plain.db"
    cipher_path = folder / "cipher.db"

    def plain(work: Callable[[Any], None]) -> None:
        plain_path.unlink(missing_ok=True)
        conn = sqlite3.connect(plain_path, isolation_level=None)
        for pragma in PRAGMAS:
            conn.execute(pragma)
        work(conn)
        conn.close()

    def cipher(work: Callable[[Any], None]) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{cipher_path}{suffix}").unlink(missing_ok=True)
        conn = connect_keyed(cipher_path, os.urandom(32))
        conn.isolation_level = None
        work(conn)
        conn.close()

    results: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, work in (("workload", workload), ("interactive", interactive)):
            results.setdefault(f"vault.{name}", []).extend(repeat(partial(cipher, work), 1))
            results.setdefault(f"vault.{name}.plain", []).extend(repeat(partial(plain, work), 1))
    return results


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        vault = Vault(folder / "v", kdf=DEFAULT_KDF)
        accounts.create_vault(vault, "Bench", "lea", "Lea", "bench-wachtwoord")
        dek = bytes(vault._require_dek())
        vault.backup()  # so unlock measures the KDF and open, not the daily backup
        vault.lock()

        def unlock() -> None:
            vault.unlock("lea", "bench-wachtwoord")
            vault.lock()

        unlock_s = timed(unlock, 5)
        open_s = timed(lambda: connect_keyed(folder / "v" / "vault.db", dek).close(), 50)

        overhead = measure_overhead(folder, 3)
    plain_s = statistics.median(overhead["vault.workload.plain"])
    cipher_s = statistics.median(overhead["vault.workload"])
    plain_i = statistics.median(overhead["vault.interactive.plain"])
    cipher_i = statistics.median(overhead["vault.interactive"])
    print(
        f"Argon2id parameters: m={DEFAULT_KDF.memory_kib} KiB, t={DEFAULT_KDF.iterations}, "
        f"p={DEFAULT_KDF.lanes}"
    )
    print(f"unlock (KDF + unwrap + open + quick_check): {unlock_s * 1000:.0f} ms (target 500-1000)")
    print(f"raw-key connection open: {open_s * 1000:.2f} ms (target < 20)")
    print(
        f"workload {ROWS} inserts in batches of {BATCH} + 41 queries: plain SQLite "
        f"{plain_s:.2f} s, SQLCipher {cipher_s:.2f} s, ratio {cipher_s / plain_s:.2f}x "
        "(target <= 1.5x)"
    )
    print(
        f"interactive: 300 single-row commits + 300 list queries: plain SQLite {plain_i:.2f} s, "
        f"SQLCipher {cipher_i:.2f} s, ratio {cipher_i / plain_i:.2f}x"
    )


if __name__ == "__main__":
    main()
