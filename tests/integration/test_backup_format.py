"""A backup file as docs/vault-format.md §6 describes it, and the limits checked before unpacking."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tracemalloc
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from amo_desktop.errors import (
    BackupTooLargeError,
    BadBackupError,
    DiskFullError,
    OutputInVaultError,
)
from amo_desktop.storage import backup as backups
from amo_desktop.storage import migrate
from amo_desktop.storage.engine import connect_keyed
from amo_desktop.storage.vault import Vault

SLACK = 64 << 10


def test_the_manifest_and_entries_are_as_documented(vault: Vault, tmp_path: Path) -> None:
    with vault.raw_connection() as raw:
        raw.execute("PRAGMA user_version = 7")
    out = tmp_path / "kopie.amobak"
    info = vault.backup(out)
    with zipfile.ZipFile(out) as archive:
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}
        manifest = json.loads(archive.read("manifest.json"))
        db = archive.read("vault.db")
        keys = archive.read("vault.keys")
    assert set(manifest) == {
        "format",
        "version",
        "vault_id",
        "created_at",
        "schema_revision",
        "counts",
        "db_sha256",
    }
    assert manifest["format"] == "amo-desktop-backup" and manifest["version"] == 1
    assert manifest["vault_id"] == vault.sidecar.vault_id
    assert json.loads(keys)["vault_id"] == vault.sidecar.vault_id
    assert manifest["schema_revision"] == migrate.head_revision() == info.schema_revision
    assert manifest["counts"] == vault.check() == info.counts
    assert manifest["counts"]["users"] == 1 and "alembic_version" in manifest["counts"]
    assert not any(name.startswith("sqlite_") for name in manifest["counts"])
    assert manifest["db_sha256"] == hashlib.sha256(db).hexdigest()
    created = datetime.fromisoformat(manifest["created_at"])
    assert created.utcoffset() == timedelta(0) and created.microsecond == 0
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=5)
    assert info.created_at == manifest["created_at"] and info.path == out
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    opened = backups.read_backup(out, unpacked)
    assert opened.manifest == manifest and opened.sidecar.vault_id == vault.sidecar.vault_id
    assert opened.db_path == unpacked / "vault.db" and opened.db_path.read_bytes() == db
    dek = vault._require_dek()
    assert backups.verify_database(opened.db_path, dek, manifest["counts"]) == (
        manifest["schema_revision"],
        manifest["counts"],
    )
    conn = connect_keyed(opened.db_path, dek, pragmas=())
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7  # copied explicitly
    finally:
        conn.close()


def _archive(tmp_path: Path, sizes: dict[str, int]) -> zipfile.ZipFile:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as out:
        for name, size in sizes.items():
            out.writestr(name, bytes(size))
    return zipfile.ZipFile(path)


def test_entries_up_to_their_limit_pass_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    fits = {"manifest.json": 10, "vault.keys": 10, "vault.db": 1000}
    with _archive(tmp_path, fits) as archive:
        backups.check_entries(archive, free_bytes=1000 + SLACK)  # exactly enough room
        with pytest.raises(DiskFullError):
            backups.check_entries(archive, free_bytes=1000 + SLACK - 1)
    with _archive(tmp_path, {**fits, "manifest.json": 1 << 20}) as archive:
        backups.check_entries(archive, free_bytes=1 << 30)  # stored: no growth, at the cap
    with (
        _archive(tmp_path, {**fits, "manifest.json": (1 << 20) + 1}) as archive,
        pytest.raises(BackupTooLargeError),
    ):
        backups.check_entries(archive, free_bytes=1 << 30)
    with (
        _archive(tmp_path, {**fits, "vault.keys": (4 << 20) + 1}) as archive,
        pytest.raises(BackupTooLargeError),
    ):
        backups.check_entries(archive, free_bytes=1 << 30)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(
    "names",
    [
        ["manifest.json", "vault.keys"],
        ["manifest.json", "vault.keys", "vault.db", "vault.db"],
        ["manifest.json", "vault.keys", "vault.db", "notes.txt"],
    ],
)
def test_exactly_the_three_entries(tmp_path: Path, names: list[str]) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as out:
        for name in names:
            out.writestr(name, b"{}")
    with zipfile.ZipFile(path) as archive, pytest.raises(BadBackupError) as refused:
        backups.check_entries(archive, free_bytes=1 << 30)
    assert refused.value.params["detail"] == "not an AMO Desktop backup"


def test_growth_beyond_twice_plus_slack_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("manifest.json", b"{}")
        out.writestr("vault.keys", b"{}")
        out.writestr("vault.db", bytes(SLACK + 4096))  # zeros shrink to almost nothing
    with zipfile.ZipFile(path) as archive, pytest.raises(BackupTooLargeError):
        backups.check_entries(archive, free_bytes=1 << 30)


def test_automatic_backups_beyond_ten_go_oldest_first(tmp_path: Path) -> None:
    names = [f"amo-2026-01-{day:02d}.amobak" for day in range(1, 13)]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "mine.amobak").write_bytes(b"x")  # not automatic: never rotated
    assert [p.name for p in backups.rotate(tmp_path)] == names[:2]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*names[2:], "mine.amobak"])
    assert backups.rotate(tmp_path) == []
    assert [p.name for p in backups.rotate(tmp_path, keep=9)] == names[2:3]


def _variant(honest: Path, target: Path, entries: dict[str, bytes]) -> Path:
    """The honest backup with some entries' bytes replaced (their zip checksums made to match)."""
    with zipfile.ZipFile(honest) as src, zipfile.ZipFile(target, "w") as out:
        for name in src.namelist():
            out.writestr(name, entries.get(name, src.read(name)))
    return target


def test_each_refusal_names_its_reason_for_the_user(vault: Vault, tmp_path: Path) -> None:
    honest = tmp_path / "honest.amobak"
    vault.backup(honest)
    vault.lock()
    with zipfile.ZipFile(honest) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        offset = archive.getinfo("vault.db").header_offset + 4096
    flipped = bytearray(honest.read_bytes())
    flipped[offset] ^= 0x01  # inside vault.db, its zip checksum left as it was
    (tmp_path / "crc.amobak").write_bytes(bytes(flipped))
    (tmp_path / "text.amobak").write_bytes(b"not a zip at all")
    cases = {
        "crc.amobak": "vault.db checksum",
        "text.amobak": "BadZipFile",
        "other.amobak": "not an AMO Desktop backup",
        "list.amobak": "not an AMO Desktop backup",
        "keys.amobak": "key file",
    }
    other = json.dumps({**manifest, "format": "another-program"}).encode()
    _variant(honest, tmp_path / "other.amobak", {"manifest.json": other})
    _variant(honest, tmp_path / "list.amobak", {"manifest.json": b"[1, 2]"})
    _variant(honest, tmp_path / "keys.amobak", {"vault.keys": b"{}"})
    for name, detail in cases.items():
        work = tmp_path / f"work-{name}"
        work.mkdir()
        with pytest.raises(BadBackupError) as refused:
            backups.read_backup(tmp_path / name, work)
        assert refused.value.params["detail"] == detail, name
        assert f"({detail})" in refused.value.message("nl"), name


def test_a_backup_written_for_the_user_never_lands_on_the_vaults_own_files(
    vault: Vault, tmp_path: Path
) -> None:
    before = vault.db_path.read_bytes()
    with vault.raw_connection() as conn, pytest.raises(OutputInVaultError):
        backups.write_backup(
            conn,
            vault._require_dek(),
            vault.sidecar,
            vault.db_path,
            vault.data_dir,
            protect=vault.data_dir,
        )
    assert vault.db_path.read_bytes() == before
    assert not backups.has_leftovers(vault.data_dir)  # its work folder went too
    vault.lock()


def test_a_large_stored_database_is_within_the_growth_limit(tmp_path: Path) -> None:
    size = 4 * SLACK  # stored, as every backup's database is: it does not grow at all
    with _archive(tmp_path, {"manifest.json": 10, "vault.keys": 10, "vault.db": size}) as archive:
        backups.check_entries(archive, free_bytes=1 << 30)


def test_a_large_database_is_unpacked_and_checked_in_blocks(vault: Vault, tmp_path: Path) -> None:
    """A vault may grow to gigabytes: reading its backup never holds the whole database in
    memory, neither to unpack it nor to check its recorded SHA-256."""
    honest = tmp_path / "honest.amobak"
    vault.backup(honest)
    vault.lock()
    size = 24 << 20
    db = bytes(range(256)) * (size // 256)
    with zipfile.ZipFile(honest) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["db_sha256"] = hashlib.sha256(db).hexdigest()
    entries = {"vault.db": db, "manifest.json": json.dumps(manifest).encode()}
    large = _variant(honest, tmp_path / "large.amobak", entries)
    del db, entries
    work = tmp_path / "work"
    work.mkdir()
    tracemalloc.start()
    try:
        opened = backups.read_backup(large, work)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert opened.db_path.stat().st_size == size
    assert peak < size // 4


def test_a_database_without_a_recorded_revision_has_none() -> None:
    """As alembic reads it: no version table, or an empty one, is no revision, not an error."""
    conn = sqlite3.connect(":memory:")
    try:
        assert backups.schema_revision(conn) is None
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        assert backups.schema_revision(conn) is None
        conn.execute("INSERT INTO alembic_version VALUES ('0123abcd')")
        assert backups.schema_revision(conn) == "0123abcd"
    finally:
        conn.close()
