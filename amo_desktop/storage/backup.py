"""Online, encrypted, verified backups and atomic restores (SECURITY.md R15, R16).

A backup file is a ZIP (stored, not compressed) holding the SQLCipher export of the vault
(still encrypted with the same data key), the key sidecar as it was, and a manifest with the
schema revision, row counts and a SHA-256 of the database. Nothing in it is plaintext.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from amo_desktop.errors import (
    BackupTooLargeError,
    BadBackupError,
    CorruptVaultError,
    DiskFullError,
    KnownError,
)
from amo_desktop.storage.atomic import fsync_dir, write_atomic
from amo_desktop.storage.engine import connect_keyed, quick_check, raw_key_literal
from amo_desktop.storage.keyslots import Sidecar
from amo_desktop.storage.outputs import save_output

BACKUP_SUFFIX = ".amobak"
MANIFEST_FORMAT = "amo-desktop-backup"
KEEP_GENERATIONS = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: str
    schema_revision: str | None
    counts: dict[str, int]


def table_counts(conn: Any, schema: str = "main") -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type='table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    return {n: conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in names}


def schema_revision(conn: Any) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except Exception:
        return None
    return str(row[0]) if row else None


def export_database(live_conn: Any, target: Path, dek: bytes | bytearray) -> None:
    """sqlcipher_export into a new file keyed with the same raw key; the live file is never copied."""
    live_conn.execute("ATTACH DATABASE ? AS backup KEY ?", (str(target), raw_key_literal(dek)))
    try:
        live_conn.execute("SELECT sqlcipher_export('backup')").fetchall()
        # sqlcipher_export does not copy user_version.
        version = live_conn.execute("PRAGMA main.user_version").fetchone()[0]
        live_conn.execute(f"PRAGMA backup.user_version = {int(version)}")
    finally:
        live_conn.execute("DETACH DATABASE backup")


def verify_database(
    path: Path, dek: bytes | bytearray, expected: dict[str, int] | None
) -> tuple[str | None, dict[str, int]]:
    """Full checks on a standalone copy: integrity, cipher HMACs, and the row counts."""
    conn = connect_keyed(path, dek, pragmas=("PRAGMA query_only=ON",))
    try:
        quick_check(conn, full=True)
        counts = table_counts(conn)
        revision = schema_revision(conn)
    finally:
        conn.close()
    if expected is not None and counts != expected:
        raise BadBackupError(detail="row counts differ")
    return revision, counts


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(
    live_conn: Any,
    dek: bytes | bytearray,
    sidecar: Sidecar,
    out: Path,
    work_dir: Path,
    protect: Path | None = None,
) -> BackupInfo:
    """Export, verify, then package atomically into out; a file the user asked for (protect:
    the data folder) never lands on the vault's own files."""
    out = Path(out)
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=work_dir) as tmp:
        db_copy = Path(tmp) / "vault.db"
        expected = table_counts(live_conn)
        export_database(live_conn, db_copy, dek)
        revision, counts = verify_database(db_copy, dek, expected)
        manifest = {
            "format": MANIFEST_FORMAT,
            "version": 1,
            "vault_id": sidecar.vault_id,
            "created_at": created,
            "schema_revision": revision,
            "counts": counts,
            "db_sha256": _sha256(db_copy),
        }
        staged = Path(tmp) / "backup.zip"
        with zipfile.ZipFile(staged, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
            archive.writestr("vault.keys", sidecar.to_bytes())
            archive.write(db_copy, "vault.db")
        save_output(out, staged, protect)
    return BackupInfo(out, created, revision, counts)


def rotate(folder: Path, keep: int = KEEP_GENERATIONS) -> list[Path]:
    """Delete the oldest automatic backups beyond `keep`; returns what was removed."""
    backups = sorted(folder.glob(f"amo-*{BACKUP_SUFFIX}"))
    removed = backups[:-keep] if len(backups) > keep else []
    for path in removed:
        path.unlink()
    return removed


@dataclass(frozen=True)
class OpenedBackup:
    manifest: dict[str, Any]
    sidecar: Sidecar
    db_path: Path


# What a backup may hold, and how large each part may unpack. The database is encrypted, so it
# does not compress: an entry that would grow more than twice is not one of ours (a zip bomb).
ENTRY_LIMITS = {"manifest.json": 1 << 20, "vault.keys": 4 << 20, "vault.db": 64 << 30}
MAX_GROWTH = 2
_SLACK = 64 << 10


def check_entries(archive: zipfile.ZipFile, free_bytes: int) -> None:
    """Refuse, before anything is unpacked, entries that are unknown, doubled, or would unpack
    to far more than a vault can be or than the disk can take."""
    names = [info.filename for info in archive.infolist()]
    if sorted(names) != sorted(ENTRY_LIMITS):
        raise BadBackupError(detail="not an AMO Desktop backup")
    for info in archive.infolist():
        limit = min(ENTRY_LIMITS[info.filename], info.compress_size * MAX_GROWTH + _SLACK)
        if info.file_size > limit:
            raise BackupTooLargeError()
    if archive.getinfo("vault.db").file_size + _SLACK > free_bytes:
        raise DiskFullError()


def _unpack(archive: zipfile.ZipFile, name: str, target: Path) -> None:
    """Copy one entry, never more bytes than its header announced (checked by check_entries)."""
    left = archive.getinfo(name).file_size
    target.touch(mode=0o600)
    with archive.open(name) as src, open(target, "wb") as dst:
        while block := src.read(min(1 << 20, left + 1)):
            left -= len(block)
            if left < 0:
                raise BackupTooLargeError()
            dst.write(block)


def read_backup(path: Path, work_dir: Path) -> OpenedBackup:
    """Unpack into work_dir (inside the data folder) and check what can be checked without a key:
    entry sizes first, then CRCs, the manifest and the database's recorded SHA-256."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_entries(archive, shutil.disk_usage(work_dir).free)
            bad = archive.testzip()
            if bad is not None:
                raise BadBackupError(detail=f"{bad} checksum")
            manifest = json.loads(archive.read("manifest.json"))
            if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
                raise BadBackupError(detail="not an AMO Desktop backup")
            sidecar = Sidecar.from_bytes(archive.read("vault.keys"))
            db_path = work_dir / "vault.db"
            _unpack(archive, "vault.db", db_path)
    except KnownError as exc:
        if isinstance(exc, CorruptVaultError):
            raise BadBackupError(detail="key file") from exc
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, OSError) as exc:
        raise BadBackupError(detail=type(exc).__name__) from exc
    if _sha256(db_path) != manifest.get("db_sha256"):
        raise BadBackupError(detail="checksum")
    return OpenedBackup(manifest, sidecar, db_path)


def has_leftovers(data_dir: Path) -> bool:
    """A pending restore, or temp folders and files a killed restore or backup left behind."""
    return (data_dir / RESTORE_MARKER).exists() or any(
        True
        for pattern in (".restore-*", ".backup-*", ".*.tmp", "backups/.*.tmp")
        for _ in data_dir.glob(pattern)
    )


def clean_leftovers(data_dir: Path) -> list[Path]:
    """Remove what a killed restore or backup left behind (their temp folders and files).
    Only called while holding the vault's lock, and never while a restore is pending."""
    removed: list[Path] = []
    for pattern in (".restore-*", ".backup-*"):
        for folder in data_dir.glob(pattern):
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    for folder in (data_dir, data_dir / "backups"):
        for leftover in folder.glob(".*.tmp"):
            if leftover.is_file():
                leftover.unlink(missing_ok=True)
                removed.append(leftover)
    return removed


RESTORE_MARKER = "restore-in-progress.json"


def swap_in(
    data_dir: Path, staged_db: Path, staged_keys: Path, db_name: str, keys_name: str
) -> None:
    """Move the live files aside as *.previous and the staged ones in; resumable after a crash."""
    marker = data_dir / RESTORE_MARKER
    write_atomic(
        marker,
        json.dumps({"staged_db": str(staged_db), "staged_keys": str(staged_keys)}).encode(),
    )
    finish_swap(data_dir, db_name, keys_name)


def finish_swap(data_dir: Path, db_name: str, keys_name: str) -> bool:
    """Complete an interrupted restore; returns True when there was one."""
    marker = data_dir / RESTORE_MARKER
    if not marker.exists():
        return False
    plan = json.loads(marker.read_text())
    staged_db, staged_keys = Path(plan["staged_db"]), Path(plan["staged_keys"])
    live_db, live_keys = data_dir / db_name, data_dir / keys_name
    if staged_db.exists():
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{live_db}{suffix}")
            if src.exists():
                os.replace(src, Path(f"{live_db}.previous{suffix}"))
        if live_keys.exists() and staged_keys.exists():
            os.replace(live_keys, Path(f"{live_keys}.previous"))
        os.replace(staged_db, live_db)
    if staged_keys.exists():
        os.replace(staged_keys, live_keys)
    fsync_dir(data_dir)
    folder = staged_db.parent  # only ever our own temp folder, whatever the marker says
    if folder.name.startswith(".restore-") and folder.resolve().parent == data_dir.resolve():
        shutil.rmtree(folder, ignore_errors=True)
    marker.unlink()
    fsync_dir(data_dir)
    return True
