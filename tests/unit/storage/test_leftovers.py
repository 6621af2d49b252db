"""What a killed backup or restore leaves in the data folder is found and removed, nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from amo_desktop.storage.backup import RESTORE_MARKER, clean_leftovers, has_leftovers


def _vault_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "backups").mkdir(parents=True)
    for name in ("vault.db", "vault.keys", "backups/amo-1.amobak", "backups/.hidden.amobak"):
        (data / name).write_bytes(b"keep")
    return data


def test_a_clean_folder_has_no_leftovers(tmp_path: Path) -> None:
    data = _vault_folder(tmp_path)
    assert not has_leftovers(data)
    assert clean_leftovers(data) == []


@pytest.mark.parametrize(
    "leftover",
    [
        ".restore-abc/vault.db",
        ".backup-xyz/vault.db",
        ".vault.keys.123.tmp",
        "backups/.a.amobak.tmp",
    ],
)
def test_each_kind_of_leftover_is_found_and_removed(tmp_path: Path, leftover: str) -> None:
    data = _vault_folder(tmp_path)
    (data / leftover).parent.mkdir(exist_ok=True)
    (data / leftover).write_bytes(b"temp")
    assert has_leftovers(data)
    top = data / leftover.split("/")[0] if leftover.startswith(".") else data / leftover
    assert clean_leftovers(data) == [top]
    assert not has_leftovers(data)
    assert sorted(p.relative_to(data).as_posix() for p in data.rglob("*")) == [
        "backups",
        "backups/.hidden.amobak",
        "backups/amo-1.amobak",
        "vault.db",
        "vault.keys",
    ]


def test_a_pending_restore_is_a_leftover_that_cleaning_does_not_touch(tmp_path: Path) -> None:
    data = _vault_folder(tmp_path)
    (data / RESTORE_MARKER).write_text("{}", encoding="utf-8")
    assert has_leftovers(data)
    assert clean_leftovers(data) == []
    assert (data / RESTORE_MARKER).exists()


def test_only_folders_and_files_of_the_right_kind_go(tmp_path: Path) -> None:
    data = _vault_folder(tmp_path)
    (data / ".backup-note").write_bytes(b"a file, not a temp folder")
    (data / ".odd.tmp").mkdir()  # a folder, not a temp file
    assert clean_leftovers(data) == []
    assert (data / ".backup-note").exists() and (data / ".odd.tmp").is_dir()


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_link_posing_as_a_temp_folder_is_never_followed(tmp_path: Path) -> None:
    data = _vault_folder(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "precious.pdf").write_bytes(b"keep")
    (data / ".restore-link").symlink_to(outside, target_is_directory=True)
    clean_leftovers(data)  # no error, and nothing deleted through the link
    assert (outside / "precious.pdf").read_bytes() == b"keep"
