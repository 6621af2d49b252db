"""A restore's swap loses nothing: the live files, WAL and all, go aside as *.previous, the staged
ones come in, and a swap interrupted at any step is finished by the next open."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from amo_desktop.storage.backup import RESTORE_MARKER, finish_swap, swap_in

LIVE = {
    "vault.db": b"live db",
    "vault.db-wal": b"live wal",
    "vault.db-shm": b"live shm",
    "vault.keys": b"live keys",
}
SWAPPED = {
    "vault.db": b"staged db",
    "vault.keys": b"staged keys",
    "vault.db.previous": b"live db",
    "vault.db.previous-wal": b"live wal",
    "vault.db.previous-shm": b"live shm",
    "vault.keys.previous": b"live keys",
}


def _files(data: Path) -> dict[str, bytes]:
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in data.rglob("*") if p.is_file()}


def _staged(tmp_path: Path) -> tuple[Path, Path, Path]:
    data = tmp_path / "data"
    data.mkdir()
    for name, content in LIVE.items():
        (data / name).write_bytes(content)
    staging = data / ".restore-abc"
    staging.mkdir()
    (staging / "vault.db").write_bytes(b"staged db")
    (staging / "vault.keys").write_bytes(b"staged keys")
    return data, staging / "vault.db", staging / "vault.keys"


def _live_aside(data: Path) -> None:
    """The swap's first step: every live file renamed to its `.previous` name."""
    for name in LIVE:
        suffix = name.removeprefix("vault.db").removeprefix("vault.keys")
        base = name.removesuffix(suffix)
        os.replace(data / name, data / f"{base}.previous{suffix}")


def _pending(data: Path, db: Path, keys: Path) -> None:
    """The marker as swap_in writes it, as if the program was killed right after."""
    plan = {"staged_db": str(db), "staged_keys": str(keys)}
    (data / RESTORE_MARKER).write_text(json.dumps(plan), encoding="utf-8")


def test_the_live_files_go_aside_whole_and_the_staged_ones_come_in(tmp_path: Path) -> None:
    data, db, keys = _staged(tmp_path)
    swap_in(data, db, keys, "vault.db", "vault.keys")
    assert _files(data) == SWAPPED
    assert not db.parent.exists()
    assert finish_swap(data, "vault.db", "vault.keys") is False  # nothing pending any more


def test_into_an_empty_folder_nothing_goes_aside(tmp_path: Path) -> None:
    data, db, keys = _staged(tmp_path)
    for name in LIVE:
        (data / name).unlink()
    swap_in(data, db, keys, "vault.db", "vault.keys")
    assert _files(data) == {"vault.db": b"staged db", "vault.keys": b"staged keys"}


def test_a_swap_killed_before_it_moved_anything_is_finished(tmp_path: Path) -> None:
    data, db, keys = _staged(tmp_path)
    _pending(data, db, keys)
    assert finish_swap(data, "vault.db", "vault.keys") is True
    assert _files(data) == SWAPPED


def test_a_swap_killed_after_the_live_files_went_aside_is_finished(tmp_path: Path) -> None:
    data, db, keys = _staged(tmp_path)
    _pending(data, db, keys)
    _live_aside(data)
    assert finish_swap(data, "vault.db", "vault.keys") is True
    assert _files(data) == SWAPPED


def test_a_swap_killed_before_the_keys_came_in_is_finished(tmp_path: Path) -> None:
    data, db, keys = _staged(tmp_path)
    _pending(data, db, keys)
    _live_aside(data)
    os.replace(db, data / "vault.db")
    assert finish_swap(data, "vault.db", "vault.keys") is True
    assert _files(data) == SWAPPED


def test_a_swap_killed_after_its_temp_folder_went_is_finished(tmp_path: Path) -> None:
    data, db, keys = _staged(tmp_path)
    swap_in(data, db, keys, "vault.db", "vault.keys")
    _pending(data, db, keys)  # the marker was not removed yet
    assert finish_swap(data, "vault.db", "vault.keys") is True
    assert _files(data) == SWAPPED


@pytest.mark.parametrize("place", ["Documents", "elsewhere/.restore-x", "data/backups"])
def test_a_marker_naming_a_folder_not_our_temp_one_never_has_it_removed(
    tmp_path: Path, place: str
) -> None:
    data, _, _ = _staged(tmp_path)
    elsewhere = tmp_path / place
    elsewhere.mkdir(parents=True)
    for name in ("vault.db", "vault.keys", "precious.pdf"):
        (elsewhere / name).write_bytes(b"theirs")
    _pending(data, elsewhere / "vault.db", elsewhere / "vault.keys")
    finish_swap(data, "vault.db", "vault.keys")
    assert (elsewhere / "precious.pdf").read_bytes() == b"theirs"
    assert not (data / RESTORE_MARKER).exists()
