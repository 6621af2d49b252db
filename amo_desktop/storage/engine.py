"""The only place that opens SQLCipher connections: key first, checked at once, then settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlcipher3 import dbapi2

from amo_desktop.errors import CorruptVaultError, KnownError
from amo_desktop.storage.errors import translate_db_error

if TYPE_CHECKING:  # SQLAlchemy loads when an engine is made (unlock), not to show the window
    from sqlalchemy import Engine

# Applied after the key has been checked; order among these does not matter (tested).
CONNECTION_PRAGMAS: tuple[str, ...] = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA secure_delete=ON",
    "PRAGMA temp_store=MEMORY",
    # SQLCipher decrypts a page on every cache miss: a 64 MiB cache keeps working sets decrypted.
    "PRAGMA cache_size=-65536",
)


def _process_settings() -> None:
    """Process-wide SQLCipher settings; an in-memory connection touches no file."""
    conn = dbapi2.connect(":memory:")
    try:
        # R20: OFF, SQLCipher's own default since 4.5. Wiping and mlocking every SQLite
        # allocation cost ~10x on writes and sorts, while Python keeps copies of every value.
        conn.execute("PRAGMA cipher_memory_security=OFF")
        # A wrong key is reported as a typed error; SQLCipher's own stderr lines only confuse.
        conn.execute("PRAGMA cipher_log_level=NONE")
    finally:
        conn.close()


_process_settings()


def fold(text: str | None) -> str | None:
    """Unicode case folding for searches; SQLite's lower() folds only ASCII ('Łuk' ≠ 'łuk')."""
    return text.casefold() if isinstance(text, str) else text


def raw_key_literal(dek: bytes | bytearray) -> bytes:
    """SQLCipher's raw-key form x'<64 hex>': used as is, no KDF per connection."""
    if len(dek) != 32:
        raise ValueError("the data key must be 32 bytes")
    return b"x'" + bytes(dek).hex().encode("ascii") + b"'"


def connect_keyed(
    path: Path, dek: bytes | bytearray, pragmas: tuple[str, ...] = CONNECTION_PRAGMAS
) -> dbapi2.Connection:
    """Open, key, verify the key by reading sqlite_master, then apply the settings."""
    conn = dbapi2.connect(str(path), check_same_thread=False)
    try:
        conn.set_key(raw_key_literal(dek))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        for pragma in pragmas:
            conn.execute(pragma).fetchall()
        conn.create_function("amo_fold", 1, fold, deterministic=True)
    except Exception as exc:
        conn.close()
        known = translate_db_error(exc, str(Path(path).parent))
        if known is not None:
            raise known from exc
        raise
    return conn


def cipher_version(conn: Any) -> str:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return str(row[0]) if row and row[0] else ""


def make_engine(
    path: Path,
    dek_source: Callable[[], bytearray],
    guard: Callable[[str], None] | None = None,
) -> Engine:
    """An engine whose every connection is keyed by the creator; never built from a URL string.
    `guard(statement)` runs before every statement (the vault's wait for its integrity check)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    def creator() -> dbapi2.Connection:
        return connect_keyed(path, dek_source())

    engine = create_engine(
        "sqlite://",
        module=dbapi2,
        creator=creator,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=2,
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "connect")
    def _no_pysqlite_transactions(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself so DDL and DML share one real transaction.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    if guard is not None:

        @event.listens_for(engine, "before_cursor_execute")
        def _guard(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
            guard(statement)

    return engine


def quick_check(conn: Any, full: bool = False) -> None:
    """Raise CorruptVaultError unless SQLite and SQLCipher both find the file sound."""
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        if rows != ["ok"]:
            raise CorruptVaultError()
        if full and conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise CorruptVaultError()
    except KnownError:
        raise
    except Exception as exc:
        known = translate_db_error(exc, "")
        if known is not None:
            raise known from exc
        raise
