"""Encryption at rest on real files: fail closed (R1), key first (R2), standard SQLCipher 4 (R3),
no plaintext outside the vault (R4, R11), deleted means deleted (R12).

"Canary" strings are unique fake names inserted through the app and then searched for in raw
bytes; the page-level tests decrypt pages with an independent implementation
(tests/integration/sqlcipher_pages.py) so that freed space and stale WAL frames are visible.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import os
import secrets
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import apsw
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

import amo_desktop
from amo_desktop.domain.models import AuditEvent, User, new_id
from amo_desktop.errors import CorruptVaultError, WrongPasswordError
from amo_desktop.logging_setup import configure as configure_logging
from amo_desktop.services import accounts
from amo_desktop.storage.engine import CONNECTION_PRAGMAS, cipher_version, connect_keyed
from amo_desktop.storage.vault import Vault
from tests.conftest import (
    CANARY,
    FAST_KDF,
    LEADER,
    LEADER_PASSWORD,
    keys_without_failure_count,
)
from tests.integration import sqlcipher_pages as pages

PLAINTEXT_HEADER = b"SQLite format 3\x00"
COACH_CANARY = "CANARY-Ruyssenaers-Ågård-Œdipe-77b1f0"
COACH_PASSWORD = "coach-wachtwoord-ÿ"


# --- helpers ----------------------------------------------------------------------------------
def forms(secret: str) -> list[bytes]:
    """The byte forms a string could take in a file: UTF-8 (NFC, NFD, casefolded) and UTF-16."""
    variants = {secret, unicodedata.normalize("NFD", secret), secret.casefold()}
    out: list[bytes] = []
    for v in sorted(variants):
        out += [v.encode("utf-8"), v.encode("utf-16-le"), v.encode("utf-16-be")]
    return out


def key_forms(dek: bytes) -> list[bytes]:
    """A data key as raw bytes and as hex text (lower and upper case, UTF-8 and UTF-16)."""
    hexed = dek.hex()
    return [dek, *forms(hexed), *forms(hexed.upper())]


def files_under(*folders: Path) -> list[Path]:
    return sorted(
        p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()
    )


def find_needles(files: list[Path], needles: dict[str, list[bytes]]) -> list[str]:
    """'<what> in <file>' for every needle form found in the raw bytes of any file."""
    hits = []
    for path in files:
        data = path.read_bytes()
        for what, variants in needles.items():
            if any(v in data for v in variants):
                hits.append(f"{what} in {path}")
    return hits


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha256(p) for p in files_under(folder)}


def db_files(vault: Vault) -> list[Path]:
    """vault.db and every -wal, -shm or -journal beside it that exists now."""
    return sorted(p for p in vault.data_dir.glob("vault.db*") if p.is_file())


@pytest.fixture
def app_log(vault_dir: Path) -> Iterator[Path]:
    """The app's own file logging, at DEBUG, into <data>/logs; removed again afterwards."""
    root = logging.getLogger("amo_desktop")
    level = root.level
    log_file = configure_logging(vault_dir, verbose=True)
    assert log_file is not None
    yield log_file
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def canary_vault(app_log: Path, vault_dir: Path) -> Iterator[Vault]:
    """A vault whose team leader and one coach carry canary names; unlocked; logging to a file."""
    vault = Vault(vault_dir, kdf=FAST_KDF)
    accounts.create_vault(vault, "Groep INTRO", LEADER, CANARY, LEADER_PASSWORD)
    assert vault.identity is not None
    accounts.add_user(vault, vault.identity, "coach1", "coach", COACH_CANARY, COACH_PASSWORD)
    yield vault
    vault.lock()


# --- R1 fail closed ---------------------------------------------------------------------------
def test_r1_vault_files_hold_no_plaintext(canary_vault: Vault, app_log: Path) -> None:
    vault = canary_vault
    dek = bytes(vault._dek or b"")
    assert len(dek) == 32
    needles = {
        "canary": forms(CANARY),
        "coach canary": forms(COACH_CANARY),
        "leader password": forms(LEADER_PASSWORD),
        "coach password": forms(COACH_PASSWORD),
        "data key": key_forms(dek),
    }
    # The data really is there: the app reads it back.
    with vault.session() as s:
        names = set(s.scalars(select(User.full_name)))
    assert {CANARY, COACH_CANARY} <= names

    # While unlocked: the database and its WAL (which holds the fresh rows) are ciphertext.
    live = db_files(vault)
    assert vault.db_path in live and Path(f"{vault.db_path}-wal") in live
    assert vault.db_path.read_bytes()[:16] != PLAINTEXT_HEADER
    assert find_needles([*live, vault.keys_path], needles) == []

    manual = vault.data_dir.parent / "exports" / "manual.amobak"
    manual.parent.mkdir()  # a missing folder is refused (issue 12), not made
    vault.backup(manual)
    vault.backup(reason="daily")
    vault.lock()

    # Locked: everything the app wrote (db, journals, sidecar, backups, logs) is searched.
    everything = files_under(vault.data_dir, manual.parent)
    names_written = {p.name for p in everything}
    assert {"vault.db", "vault.keys", "manual.amobak", "amo-desktop.log"} <= names_written
    assert any(p.suffix == ".amobak" and p.parent.name == "backups" for p in everything)
    assert app_log.read_text(encoding="utf-8").strip(), "the log scan needs a log with lines"
    assert vault.db_path.read_bytes()[:16] != PLAINTEXT_HEADER
    assert find_needles(everything, needles) == []


def test_r1_app_connections_are_sqlcipher_with_the_settings(vault: Vault) -> None:
    with vault.session() as s:
        conn = s.connection()
        version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        dbapi_conn = conn.connection.dbapi_connection
        settings_now = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in (
                "journal_mode",
                "synchronous",
                "foreign_keys",
                "secure_delete",
                "temp_store",
            )
        }
    assert version, "the app's connection is not SQLCipher"
    assert type(dbapi_conn).__module__.startswith("sqlcipher3")
    assert settings_now == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "secure_delete": 1,
        "temp_store": 2,  # MEMORY
    }
    assert not vault.engine.echo
    with vault.raw_connection() as raw:
        assert cipher_version(raw)


def test_r1_wrong_key_raises_typed_error_and_changes_no_byte(vault: Vault) -> None:
    wrong = bytearray(secrets.token_bytes(32))
    # Unlocked, with a live WAL: the database, WAL and sidecar bytes stay as they are.
    watched = [vault.db_path, Path(f"{vault.db_path}-wal"), vault.keys_path]
    before = {p: sha256(p) for p in watched}
    with pytest.raises(CorruptVaultError):
        connect_keyed(vault.db_path, wrong)
    assert {p: sha256(p) for p in watched} == before

    # Locked: no file changes, none appears (no -wal, -shm or -journal from a failed open);
    # the wrong password is only counted in the key file (issue 12).
    vault.lock()
    before_all = snapshot(vault.data_dir)
    keys_before = keys_without_failure_count(vault.keys_path)
    with pytest.raises(CorruptVaultError):
        connect_keyed(vault.db_path, wrong)
    with pytest.raises(CorruptVaultError):
        connect_keyed(vault.db_path, wrong, pragmas=())
    assert snapshot(vault.data_dir) == before_all
    with pytest.raises(WrongPasswordError):
        vault.unlock(LEADER, LEADER_PASSWORD + "x")
    after = snapshot(vault.data_dir)
    assert after.keys() == before_all.keys()
    assert {k: v for k, v in after.items() if k != "vault.keys"} == {
        k: v for k, v in before_all.items() if k != "vault.keys"
    }
    assert keys_without_failure_count(vault.keys_path) == keys_before
    assert vault.db_path.read_bytes()[:16] != PLAINTEXT_HEADER


# Every call that opens a database must be one of these (file, enclosing function).
ALLOWED_OPENERS = {
    ("storage/engine.py", "connect_keyed"),
    ("storage/engine.py", "_process_settings"),
    ("selftest.py", "library_versions"),
}
DB_MODULES = ("sqlite3", "sqlcipher3", "pysqlite2", "pysqlcipher3", "apsw")


def database_openers(source: str) -> list[tuple[str, int, str]]:
    """(function, line, call) for every call that can open an SQLite/SQLCipher database.

    Catches module.connect / module.dbapi2.connect / a connect imported by name / apsw.Connection,
    for any alias of sqlite3, sqlcipher3 (and its dbapi2) or apsw, and create_engine with a URL
    but no creator (SQLAlchemy would then open the file itself, unkeyed).
    """
    tree = ast.parse(source)
    module_aliases: set[str] = set()  # names bound to a database module
    function_aliases: set[str] = set()  # names bound to a connect function
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in DB_MODULES:
                    module_aliases.add(alias.asname or alias.name.split(".")[0])
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] in DB_MODULES
        ):
            for alias in node.names:
                name = alias.asname or alias.name
                if alias.name in ("connect", "Connection"):
                    function_aliases.add(name)
                else:
                    module_aliases.add(name)

    def root_name(expr: ast.expr) -> str | None:
        while isinstance(expr, ast.Attribute):
            expr = expr.value
        return expr.id if isinstance(expr, ast.Name) else None

    found: list[tuple[str, int, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                is_open = (
                    isinstance(func, ast.Attribute)
                    and func.attr in ("connect", "Connection")
                    and root_name(func) in module_aliases
                ) or (isinstance(func, ast.Name) and func.id in function_aliases)
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name == "create_engine" and not any(k.arg == "creator" for k in child.keywords):
                    is_open = True
                if is_open:
                    found.append((function, child.lineno, ast.unparse(child)))
            visit(child, function)

    visit(tree, "<module>")
    return found


def test_r1_the_scanner_catches_every_way_of_opening_a_database() -> None:
    bad = """
import sqlite3
import sqlcipher3 as sc
from sqlcipher3 import dbapi2
from sqlcipher3.dbapi2 import connect as sc_connect
import apsw
from sqlalchemy import create_engine
def a(): sqlite3.connect("x.db")
def b(): sc.dbapi2.connect("x.db")
def c(): dbapi2.connect("x.db")
def d(): sc_connect("x.db")
def e(): apsw.Connection("x.db")
def f(): create_engine("sqlite:///x.db")
def ok(engine): engine.connect(); create_engine("sqlite://", creator=ok)
"""
    assert [f for f, _, _ in database_openers(bad)] == ["a", "b", "c", "d", "e", "f"]


def _unmutated(function: str) -> str | None:
    """The function's own name; under tools/mutation.sh mutmut keeps the original body as
    `x_NAME__mutmut_orig` (methods `xǁClassǁNAME__mutmut_orig`) beside its mutants (None)."""
    if "__mutmut_" not in function:
        return function
    if not function.endswith("__mutmut_orig"):
        return None
    return function.removesuffix("__mutmut_orig").split("ǁ")[-1].removeprefix("x_")


def test_r1_only_the_engine_opens_databases() -> None:
    package = Path(amo_desktop.__file__).parent
    seen: set[tuple[str, str]] = set()
    strays = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        try:
            openers = database_openers(path.read_text(encoding="utf-8"))
        except SyntaxError as exc:  # a file that cannot be parsed cannot be cleared either
            strays.append(f"amo_desktop/{rel}:{exc.lineno}: cannot parse ({exc.msg})")
            continue
        for mangled, line, call in openers:
            function = _unmutated(mangled)
            if function is None:
                continue  # a mutant's copy, present only under tools/mutation.sh
            seen.add((rel, function))
            if (rel, function) not in ALLOWED_OPENERS:
                strays.append(f"amo_desktop/{rel}:{line} in {function}(): {call}")
            elif rel == "selftest.py" or function == "_process_settings":
                assert "':memory:'" in call, f"{rel}:{line} may only open :memory:, got {call}"
    assert strays == [], "database opened outside storage/engine.py:\n" + "\n".join(strays)
    assert seen == ALLOWED_OPENERS, "the scanner no longer sees the known openers"


# --- R2 key first -----------------------------------------------------------------------------
@settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    pragmas=st.one_of(
        st.permutations(CONNECTION_PRAGMAS),
        st.lists(st.sampled_from(CONNECTION_PRAGMAS), unique=True).map(tuple),
    )
)
@example(pragmas=CONNECTION_PRAGMAS)
@example(pragmas=())
@example(pragmas=tuple(reversed(CONNECTION_PRAGMAS)))
def test_r2_no_pragma_order_gives_a_plaintext_header(pragmas: tuple[str, ...]) -> None:
    pragmas = tuple(pragmas)
    key = bytearray(secrets.token_bytes(32))
    with tempfile.TemporaryDirectory(prefix="amo-r2-") as tmp:
        path = Path(tmp) / "new.db"
        conn = connect_keyed(path, key, pragmas=pragmas)
        try:
            if path.exists() and path.stat().st_size >= 16:
                assert path.read_bytes()[:16] != PLAINTEXT_HEADER
            conn.execute("CREATE TABLE t (name TEXT)")
            conn.execute("INSERT INTO t VALUES (?)", (CANARY,))
            conn.commit()
            raw = b"".join(p.read_bytes() for p in Path(tmp).iterdir())
            assert path.read_bytes()[:16] != PLAINTEXT_HEADER
            assert not any(v in raw for v in forms(CANARY))
        finally:
            conn.close()
        raw = b"".join(p.read_bytes() for p in Path(tmp).iterdir())
        assert path.read_bytes()[:16] != PLAINTEXT_HEADER
        assert not any(v in raw for v in forms(CANARY))
        again = connect_keyed(path, key, pragmas=())
        try:
            assert again.execute("SELECT name FROM t").fetchall() == [(CANARY,)]
        finally:
            again.close()


# --- R3 independent cross-check ---------------------------------------------------------------
def open_with_sqlite3mc(path: Path, key: bytes) -> apsw.Connection:
    conn = apsw.Connection(str(path))
    assert conn.execute("PRAGMA cipher='sqlcipher'").fetchall() == [("sqlcipher",)]
    conn.execute("PRAGMA legacy=4")
    conn.execute(f"PRAGMA key=\"x'{key.hex()}'\"")
    return conn


def test_r3_sqlite3multipleciphers_reads_the_vault(canary_vault: Vault) -> None:
    vault = canary_vault
    dek = bytes(vault._dek or b"")
    app_counts = vault.check()
    # Two SQLite libraries in one process do not see each other's POSIX locks: close ours first.
    vault.lock()
    conn = open_with_sqlite3mc(vault.db_path, dek)
    try:
        rows = conn.execute("SELECT login, full_name FROM users").fetchall()
        users = {row[0]: row[1] for row in rows}
        assert users == {LEADER: CANARY, "coach1": COACH_CANARY}
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        ]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in tables}
        assert counts == app_counts
    finally:
        conn.close()

    wrong = open_with_sqlite3mc(vault.db_path, secrets.token_bytes(32))
    try:
        with pytest.raises(apsw.Error):
            wrong.execute("SELECT count(*) FROM users").fetchall()
    finally:
        wrong.close()


def test_r3_a_file_written_by_sqlite3multipleciphers_opens_in_the_app(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "other.db"
    conn = open_with_sqlite3mc(path, key)
    try:
        conn.execute("CREATE TABLE t (name TEXT)")
        conn.execute("INSERT INTO t VALUES (?)", (CANARY,))
    finally:
        conn.close()
    assert path.read_bytes()[:16] != PLAINTEXT_HEADER
    ours = connect_keyed(path, key, pragmas=())
    try:
        assert ours.execute("SELECT name FROM t").fetchall() == [(CANARY,)]
        assert ours.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        ours.close()


# --- R12 deleted means deleted ----------------------------------------------------------------
def test_r12_page_decrypter_matches_sqlcipher(vault: Vault) -> None:
    """The independent decrypter is right: HMACs verify, page 1 has a valid header, rows show."""
    dek = bytes(vault._dek or b"")
    marker = f"marker-{new_id()}"
    with vault.session() as s:
        s.add(AuditEvent(action="test", entity="test", detail=marker))
    decrypted = pages.all_pages(vault.db_path, dek)
    assert any(p.source == "wal" for p in decrypted), "a fresh commit lives in the WAL"
    assert pages.pages_containing(decrypted, marker.encode())
    vault.lock()
    decrypted = pages.all_pages(vault.db_path, dek)
    page1 = next(p for p in decrypted if p.source == "db" and p.pgno == 1)
    assert page1.plaintext[16:24] == pages.EXPECTED_PAGE1_HEADER
    assert [p.source for p in pages.pages_containing(decrypted, marker.encode())] == ["db"]
    with pytest.raises(pages.PageAuthError):
        pages.all_pages(vault.db_path, secrets.token_bytes(32))


def canary_rows(tag: str) -> tuple[str, str]:
    small = f"{CANARY}-{tag}"
    big = (small + " ") * 400  # about 14 KB: spills onto overflow pages
    return small, big


def assert_absent(db: Path, dek: bytes, needle: str) -> None:
    decrypted = pages.all_pages(db, dek)
    found = [
        (p.source, p.pgno) for v in forms(needle) for p in pages.pages_containing(decrypted, v)
    ]
    assert found == [], f"deleted text still readable in decrypted pages {found}"


def test_r12_rows_deleted_through_the_app_are_gone_from_every_page(vault: Vault) -> None:
    dek = bytes(vault._dek or b"")
    small, big = canary_rows("app")
    user_id = new_id()
    with vault.session() as s:
        s.add(User(id=user_id, login=f"gone-{user_id[:8]}", full_name=small, role="coach"))
        s.add(AuditEvent(action="test", entity="pupil", entity_id=small, detail=small))
        s.add(AuditEvent(action="test", entity="pupil", entity_id="big", detail=big))
    with vault.raw_connection() as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    on_disk = pages.all_pages(vault.db_path, dek)
    assert pages.pages_containing(on_disk, small.encode()), "control: the rows reached the file"

    with vault.session() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.action == "test"))
        s.execute(delete(User).where(User.id == user_id))
    with vault.raw_connection() as raw:
        assert raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()[0][0] == 0
    assert_absent(vault.db_path, dek, small)
    vault.lock()
    assert_absent(vault.db_path, dek, small)


@pytest.mark.parametrize("secure_delete", ["ON", "OFF"])
def test_r12_secure_delete_decides_whether_deleted_text_survives(
    vault: Vault, secure_delete: str
) -> None:
    """Same workload on a raw keyed connection; with OFF the canary must be found (the check works)."""
    dek = bytes(vault._dek or b"")
    vault.lock()
    small, big = canary_rows(secure_delete)
    conn = connect_keyed(
        vault.db_path,
        dek,
        pragmas=("PRAGMA journal_mode=WAL", f"PRAGMA secure_delete={secure_delete}"),
    )
    try:
        conn.execute(
            "INSERT INTO audit_events (id, at, action, entity, entity_id, detail) "
            "VALUES (?, '2024-01-01', 'test', 'pupil', ?, ?), (?, '2024-01-01', 'test', 'pupil', 'big', ?)",
            (new_id(), small, small, new_id(), big),
        )
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute("DELETE FROM audit_events WHERE action = 'test'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    if secure_delete == "ON":
        assert_absent(vault.db_path, dek, small)
    else:
        found = pages.pages_containing(pages.all_pages(vault.db_path, dek), small.encode())
        assert found, "with secure_delete=OFF the deleted row must still be in a freed page"


def test_r7_r12_after_revocation_no_page_is_left_under_the_old_key(canary_vault: Vault) -> None:
    """Every page of the db and WAL authenticates under the new key, so none under the old one."""
    vault = canary_vault
    assert vault.identity is not None
    old = bytes(vault._dek or b"")
    assert pages.all_pages(vault.db_path, old)  # control: before rotation the old key fits
    accounts.remove_user(vault, vault.identity, "coach1")
    new = bytes(vault._dek or b"")
    assert new != old
    assert pages.all_pages(vault.db_path, new)
    with pytest.raises(pages.PageAuthError):
        pages.all_pages(vault.db_path, old)
    vault.lock()
    after = pages.all_pages(vault.db_path, new)
    assert len(after) == vault.db_path.stat().st_size // pages.PAGE_SIZE, "every page checked"
    with pytest.raises(CorruptVaultError):
        connect_keyed(vault.db_path, old, pragmas=())


# --- R4, R11 no plaintext outside the vault ---------------------------------------------------
WORKLOAD = r"""
import json, sys
from pathlib import Path
from amo_desktop.logging_setup import configure
from amo_desktop.selftest import run_selftest
from amo_desktop.services import accounts
from amo_desktop.errors import WrongPasswordError
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault

p = json.load(sys.stdin)
data = Path(p["data"])
configure(data, verbose=True)
kdf = KdfParams(8192, 1, 1)
vault = Vault(data, kdf=kdf)
recovery = accounts.create_vault(vault, "Groep INTRO", "lea", p["leader_name"], p["pw1"])
deks = [bytes(vault._dek).hex()]
accounts.add_user(vault, vault.identity, "coach1", "coach", p["coach_name"], p["coach_pw"])
vault.backup(Path(p["export"]))
vault.backup(reason="daily")
accounts.change_password(vault, vault.identity, p["pw1"], p["pw2"])
vault.lock()
try:
    vault.unlock("lea", p["wrong_pw"])
    raise SystemExit("a wrong password unlocked the vault")
except WrongPasswordError:
    pass
vault.unlock("coach1", p["coach_pw"])
assert [u.full_name for u in accounts.list_users(vault, vault.identity)]
vault.lock()
identity = vault.unlock("lea", p["pw2"])
vault.check()
accounts.remove_user(vault, identity, "coach1")
deks.append(bytes(vault._dek).hex())
vault.lock()
accounts.reset_password_with_recovery(vault, "lea", recovery, p["pw3"])
vault.lock()
if run_selftest(lambda line: None) != 0:
    raise SystemExit("selftest failed")
print(json.dumps({"deks": deks, "recovery": recovery}))
"""


@pytest.mark.slow
def test_r11_canary_workload_leaves_no_secret_in_any_file(tmp_path: Path) -> None:
    data, tmpdir, home, exports = (tmp_path / n for n in ("data", "tmp", "home", "exports"))
    for folder in (tmpdir, home, exports):
        folder.mkdir()
    params = {
        "data": str(data),
        "export": str(exports / "manual.amobak"),
        "leader_name": CANARY,
        "coach_name": COACH_CANARY,
        "pw1": "eerste-Wachtwoord-ñ-1",
        "pw2": "tweede-Wachtwoord-🙂-2",
        "pw3": "derde-Wachtwoord-ß-3",
        "coach_pw": COACH_PASSWORD,
        "wrong_pw": "fout-Wachtwoord-Ø-9",
    }
    env = dict(os.environ)
    env.update(
        {
            "TMPDIR": str(tmpdir),
            "SQLITE_TMPDIR": str(tmpdir),
            "HOME": str(home),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    env.pop("AMO_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", WORKLOAD],
        input=json.dumps(params),
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    deks = [bytes.fromhex(h) for h in out["deks"]]
    assert len(set(deks)) == 2, "the data key was rotated when the coach was removed"

    needles: dict[str, list[bytes]] = {
        "leader canary": forms(CANARY),
        "coach canary": forms(COACH_CANARY),
        "selftest canary": forms("SELFTEST-CANARY-Łukasz-Øberg-7f3a"),
        "recovery key": forms(out["recovery"]) + forms(out["recovery"].replace("-", "")),
    }
    for name in ("pw1", "pw2", "pw3", "coach_pw", "wrong_pw"):
        needles[f"password {name}"] = forms(params[name])
    for i, dek in enumerate(deks):
        needles[f"data key {i}"] = key_forms(dek)

    scanned = files_under(data, tmpdir, home, exports)
    names = {p.relative_to(tmp_path).as_posix() for p in scanned}
    assert {"data/vault.db", "data/vault.keys", "data/logs/amo-desktop.log"} <= names
    assert "exports/manual.amobak" in names
    assert any(n.startswith("data/backups/") for n in names)
    log_text = (data / "logs" / "amo-desktop.log").read_text(encoding="utf-8")
    assert "unlocked" in log_text and "rotated" in log_text, "the log scan needs real log lines"
    assert find_needles(scanned, needles) == []
    # Nothing in the console output either (an SQL echo would print names and parameters).
    console = {"stdout": result.stdout.replace(result.stdout.strip().splitlines()[-1], "")}
    console["stderr"] = result.stderr
    for stream, content in console.items():
        raw = content.encode("utf-8")
        leaked = [what for what, vs in needles.items() if any(v in raw for v in vs)]
        assert leaked == [], f"{leaked} printed on {stream}"
