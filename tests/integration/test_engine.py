"""The one opener of SQLCipher connections: the raw key's form, the settings, the checks."""

from __future__ import annotations

import secrets
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlcipher3 import dbapi2

from amo_desktop.errors import CorruptVaultError, ReadOnlyError, VaultLockedError
from amo_desktop.storage import engine
from amo_desktop.storage.engine import (
    cipher_version,
    connect_keyed,
    fold,
    make_engine,
    quick_check,
    raw_key_literal,
)


@pytest.fixture
def key() -> bytearray:
    return bytearray(secrets.token_bytes(32))


def test_the_raw_key_is_sqlciphers_hex_form_of_exactly_32_bytes() -> None:
    dek = bytes(range(32))
    assert raw_key_literal(dek) == b"x'" + dek.hex().encode() + b"'"
    assert raw_key_literal(bytearray(dek)) == raw_key_literal(dek)
    for size in (0, 31, 33, 64):
        with pytest.raises(ValueError, match=r"^the data key must be 32 bytes$"):
            raw_key_literal(b"k" * size)


def test_searches_fold_any_script_not_only_ascii() -> None:
    assert fold("ŁUK Straße") == "łuk strasse"
    assert fold(None) is None


def test_the_process_settings_keep_sqlciphers_own_lines_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    conn = dbapi2.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level=ERROR")
        engine._process_settings()
        assert list(tmp_path.iterdir()) == []  # an in-memory connection: no file anywhere
        assert conn.execute("PRAGMA cipher_log_level").fetchall() == [("NONE",)]
        assert conn.execute("PRAGMA cipher_memory_security").fetchall() == [("0",)]
    finally:
        conn.close()


def test_a_keyed_connection_folds_in_sql_and_may_be_used_by_another_thread(
    tmp_path: Path, key: bytearray
) -> None:
    conn = connect_keyed(tmp_path / "v.db", key)
    try:
        conn.execute("CREATE TABLE t (name TEXT)")
        conn.execute("INSERT INTO t VALUES ('ŁUKASZ')")
        # deterministic: SQLite allows the function in an index expression
        conn.execute("CREATE INDEX t_folded ON t (amo_fold(name))")
        assert conn.execute("SELECT amo_fold(name) FROM t").fetchall() == [("łukasz",)]
        seen: list[object] = []
        worker = threading.Thread(
            target=lambda: seen.append(conn.execute("SELECT count(*) FROM t").fetchone())
        )
        worker.start()
        worker.join()
        assert seen == [(1,)]
    finally:
        conn.close()


def test_a_connection_that_fails_its_settings_is_closed_and_the_error_raised(
    tmp_path: Path, key: bytearray
) -> None:
    connect_keyed(tmp_path / "v.db", key).close()
    with pytest.raises(dbapi2.OperationalError):
        connect_keyed(tmp_path / "v.db", key, pragmas=("PRAGMA nonsense(",))


def test_cipher_version_is_empty_for_plain_sqlite(tmp_path: Path, key: bytearray) -> None:
    plain = sqlite3.connect(":memory:")
    assert cipher_version(plain) == ""
    plain.close()
    conn = connect_keyed(tmp_path / "v.db", key)
    try:
        assert cipher_version(conn).startswith("4.")
    finally:
        conn.close()


class Recording:
    """A real connection that notes every statement it is given."""

    def __init__(self, conn: Any) -> None:
        self.conn, self.seen = conn, list[str]()

    def execute(self, sql: str) -> Any:
        self.seen.append(sql)
        return self.conn.execute(sql)


def test_the_full_check_adds_sqlite_integrity_and_sqlciphers_page_check(
    tmp_path: Path, key: bytearray
) -> None:
    conn = connect_keyed(tmp_path / "v.db", key)
    try:
        quick = Recording(conn)
        quick_check(quick)
        assert quick.seen == ["PRAGMA quick_check"]
        full = Recording(conn)
        quick_check(full, full=True)
        assert full.seen == ["PRAGMA integrity_check", "PRAGMA cipher_integrity_check"]
    finally:
        conn.close()


class Answering:
    """A connection whose checks answer as a damaged file does."""

    def __init__(self, answers: dict[str, list[tuple[str]]]) -> None:
        self.answers = answers

    def execute(self, sql: str) -> Any:
        rows = self.answers[sql]
        return type("Rows", (), {"fetchall": lambda _self: rows})()


@pytest.mark.parametrize(
    ("answers", "full"),
    [
        ({"PRAGMA quick_check": [("*** in database main ***",)]}, False),
        ({"PRAGMA quick_check": [("ok",), ("ok",)]}, False),
        ({"PRAGMA quick_check": []}, False),
        ({"PRAGMA integrity_check": [("row 3 missing from index",)]}, True),
        (
            {
                "PRAGMA integrity_check": [("ok",)],
                "PRAGMA cipher_integrity_check": [("HMAC check failed for pgno=2",)],
            },
            True,
        ),
    ],
)
def test_any_answer_but_ok_is_a_damaged_vault(
    answers: dict[str, list[tuple[str]]], full: bool
) -> None:
    with pytest.raises(CorruptVaultError):
        quick_check(Answering(answers), full=full)


def test_a_sound_file_passes_both_checks(tmp_path: Path, key: bytearray) -> None:
    conn = connect_keyed(tmp_path / "v.db", key)
    try:
        conn.execute("CREATE TABLE t (x)")
        quick_check(conn)
        quick_check(conn, full=True)
        sound = {"PRAGMA integrity_check": [("ok",)], "PRAGMA cipher_integrity_check": []}
        quick_check(Answering(sound), full=True)
    finally:
        conn.close()


def test_the_engine_keys_every_connection_and_guards_every_statement(
    tmp_path: Path, key: bytearray
) -> None:
    guarded: list[str] = []
    eng = make_engine(tmp_path / "v.db", lambda: bytearray(key), guard=guarded.append)
    try:
        with eng.begin() as conn:
            conn.execute(text("CREATE TABLE t (x)"))
            conn.execute(text("INSERT INTO t VALUES (1)"))
        assert "BEGIN" in guarded and "CREATE TABLE t (x)" in guarded
        # DDL and DML share one real transaction: a rollback takes both back
        with eng.connect() as conn:
            conn.execute(text("CREATE TABLE u (x)"))
            conn.execute(text("INSERT INTO u VALUES (1)"))
            conn.rollback()
        with eng.connect() as conn, pytest.raises(OperationalError, match="no such table"):
            conn.execute(text("SELECT * FROM u"))
    finally:
        eng.dispose()
    other = make_engine(tmp_path / "v.db", lambda: bytearray(secrets.token_bytes(32)))
    try:
        with pytest.raises(CorruptVaultError), other.connect():
            pass
    finally:
        other.dispose()


def test_every_keyed_connection_gets_the_vaults_settings(tmp_path: Path, key: bytearray) -> None:
    connect_keyed(tmp_path / "v.db", key).close()
    conn = connect_keyed(tmp_path / "v.db", key)
    try:
        now = {
            name: conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in (
                "journal_mode",
                "synchronous",
                "foreign_keys",
                "secure_delete",
                "temp_store",
                "cache_size",
            )
        }
    finally:
        conn.close()
    assert now == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "secure_delete": 1,
        "temp_store": 2,  # MEMORY
        "cache_size": -65536,  # 64 MiB of decrypted pages
    }


def test_a_vault_folder_that_cannot_be_written_is_named_in_the_error(
    tmp_path: Path, key: bytearray
) -> None:
    conn = connect_keyed(tmp_path / "v.db", key)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    (tmp_path / "v.db-wal").mkdir()  # SQLite cannot make its write-ahead log beside the file
    with pytest.raises(ReadOnlyError) as raised:
        connect_keyed(tmp_path / "v.db", key)
    assert str(tmp_path) in raised.value.message("nl")


class Failing:
    """A connection whose check fails the way SQLite reports a damaged or busy file."""

    def __init__(self, message: str) -> None:
        self.message = message

    def execute(self, sql: str) -> Any:
        raise dbapi2.DatabaseError(self.message)


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("database disk image is malformed", CorruptVaultError),
        ("file is not a database", CorruptVaultError),
        ("database is locked", VaultLockedError),
    ],
)
def test_a_check_that_sqlite_cannot_finish_is_a_known_error(message: str, error: type) -> None:
    for full in (False, True):
        with pytest.raises(error) as raised:
            quick_check(Failing(message), full=full)
        assert isinstance(raised.value.__cause__, dbapi2.DatabaseError)


def test_a_check_that_fails_for_another_reason_is_raised_as_it_is() -> None:
    with pytest.raises(dbapi2.DatabaseError, match="no such pragma"):
        quick_check(Failing("no such pragma"))


def test_the_engine_keeps_one_keyed_connection_and_lends_at_most_three(
    tmp_path: Path, key: bytearray
) -> None:
    eng = make_engine(tmp_path / "v.db", lambda: bytearray(key))
    try:
        lent = [eng.connect() for _ in range(3)]
        fourth: list[object] = []
        waiting = threading.Thread(target=lambda: fourth.append(eng.connect()))
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive() and fourth == []  # a fourth waits for one to come back
        lent.pop().close()
        waiting.join(10)
        assert len(fourth) == 1
        for conn in [*lent, *fourth]:
            conn.close()  # type: ignore[attr-defined]
        assert eng.pool.checkedin() == 1  # type: ignore[attr-defined]
    finally:
        eng.dispose()


def test_no_statement_of_the_pool_runs_past_the_guard(tmp_path: Path, key: bytearray) -> None:
    """The guard holds writes back during the integrity check: only ending a transaction (the
    pool's rollback when a connection comes back) may pass without it; no ping."""
    guarded: list[str] = []
    traced: list[str] = []
    eng = make_engine(tmp_path / "v.db", lambda: bytearray(key), guard=guarded.append)
    try:
        raw = eng.raw_connection()
        raw.driver_connection.set_trace_callback(traced.append)  # type: ignore[union-attr]
        raw.close()
        with eng.connect() as conn:
            conn.execute(text("SELECT 2"))
    finally:
        eng.dispose()
    assert "SELECT 2" in traced
    assert [s for s in traced if s not in guarded] == ["ROLLBACK"]
