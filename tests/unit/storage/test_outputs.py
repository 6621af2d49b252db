"""The one writer for files a user asks for, and the reader for files a user points at."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from amo_desktop.errors import (
    DiskFullError,
    InputIsFolderError,
    InputMissingError,
    InputWrongTextError,
    OutputFolderMissingError,
    OutputInVaultError,
    OutputIsFolderError,
    OutputNotWritableError,
)
from amo_desktop.storage import outputs
from amo_desktop.storage.inputs import read_input, read_text_input
from amo_desktop.storage.outputs import check_output, inside_vault, save_output


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    (folder / "backups").mkdir(parents=True)
    (folder / "logs").mkdir()
    for name in ("vault.db", "vault.keys", "vault.lock"):
        (folder / name).write_bytes(b"vault")
    return folder


@pytest.mark.parametrize(
    "name",
    [
        "vault.db",
        "vault.db-wal",
        "vault.db-shm",
        "vault.keys",
        "vault.lock",
        "Vault.DB",
        "vault.db. ",
        "vault.db:stream",
        "vault.db.previous",
        "restore-in-progress.json",
        ".restore-abc/vault.db",
        "backups/x.amobak",
        "BACKUPS/x.amobak",
        "logs/amo-desktop.log",
        "logs/deeper/x.pdf",
    ],
)
def test_the_vaults_own_files_are_refused(data: Path, name: str) -> None:
    assert inside_vault(data / name, data)
    with pytest.raises(OutputInVaultError):
        save_output(data / name, b"x", data)
    assert (data / "vault.db").read_bytes() == b"vault"


@pytest.mark.parametrize("name", ["rapport.pdf", "mijn-vault.db", "export/vault.db"])
def test_other_files_in_or_beside_the_data_folder_are_fine(data: Path, name: str) -> None:
    target = data / name
    target.parent.mkdir(exist_ok=True)
    assert save_output(target, b"ok", data) == target
    assert target.read_bytes() == b"ok"


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_links_and_dots_are_seen_through(data: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(data, target_is_directory=True)
    assert inside_vault(link / "vault.db", data)
    assert inside_vault(data / "backups" / ".." / "vault.keys", data)
    assert inside_vault(tmp_path / "data" / "." / "vault.db", data)
    file_link = tmp_path / "innocent.pdf"
    file_link.symlink_to(data / "vault.db")
    with pytest.raises(OutputInVaultError):
        save_output(file_link, b"x", data)
    assert (data / "vault.db").read_bytes() == b"vault"


def test_without_a_vault_only_the_place_is_checked(data: Path) -> None:
    assert save_output(data / "backups" / "auto.amobak", b"auto", None).exists()


def test_bad_places_are_one_known_error(data: Path, tmp_path: Path) -> None:
    with pytest.raises(OutputFolderMissingError) as missing:
        save_output(tmp_path / "nope" / "x.pdf", b"x", data)
    assert "bestaat niet" in missing.value.message("nl")
    (tmp_path / "file.txt").write_bytes(b"")
    with pytest.raises(OutputFolderMissingError):
        save_output(tmp_path / "file.txt" / "x.pdf", b"x", data)  # a file as folder
    for folder in (tmp_path, f"{tmp_path}{os.sep}", ""):
        with pytest.raises(OutputIsFolderError):
            save_output(folder, b"x", data)


def test_written_atomically_private_and_from_a_finished_file(tmp_path: Path) -> None:
    out = tmp_path / "out.bin"
    out.write_bytes(b"old")
    save_output(out, b"new", None)
    assert out.read_bytes() == b"new"
    if os.name != "nt":
        assert out.stat().st_mode & 0o777 == 0o600
    staged = tmp_path / "staged.bin"
    staged.write_bytes(b"big")
    save_output(out, staged, None)
    assert out.read_bytes() == b"big" and not staged.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (errno.ENOSPC, DiskFullError),
        (errno.EROFS, OutputNotWritableError),
        (errno.EACCES, OutputNotWritableError),
        (errno.ENOENT, OutputFolderMissingError),
        (errno.EISDIR, OutputIsFolderError),
    ],
)
def test_os_errors_while_writing_become_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, error: type
) -> None:
    def failing(path: Path, data: bytes) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(outputs, "write_atomic", failing)
    with pytest.raises(error):
        save_output(tmp_path / "x.pdf", b"x", None)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_target_is_refused_before_writing(tmp_path: Path) -> None:
    target = tmp_path / "ro.pdf"
    target.write_bytes(b"keep")
    target.chmod(0o400)
    with pytest.raises(OutputNotWritableError):
        check_output(target, None)


def test_reading_files_the_user_points_at(tmp_path: Path) -> None:
    with pytest.raises(InputMissingError):
        read_input(tmp_path / "nope.txt")
    with pytest.raises(InputIsFolderError):
        read_input(tmp_path)
    text = tmp_path / "t.txt"
    text.write_bytes("\ufeffcafé".encode())
    assert read_text_input(text) == "café"
    text.write_bytes("café €".encode("cp1252"))
    assert read_text_input(text) == "café €"
    text.write_bytes(b"\x81\x8d")
    with pytest.raises(InputWrongTextError):
        read_text_input(text)


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (errno.EDQUOT, DiskFullError),
        (errno.EPERM, OutputNotWritableError),
        (errno.ETXTBSY, OutputNotWritableError),
        (errno.ENOTDIR, OutputFolderMissingError),
    ],
)
def test_every_os_error_we_know_becomes_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, error: type
) -> None:
    def failing(path: Path, data: bytes) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(outputs, "write_atomic", failing)
    with pytest.raises(error) as raised:
        save_output(tmp_path / "x.pdf", b"x", None)
    assert isinstance(raised.value.__cause__, OSError)
    assert raised.value.__cause__.errno == code


def test_the_error_names_the_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.pdf"
    for code, error, field in [
        (errno.EACCES, OutputNotWritableError, str(target)),
        (errno.ENOENT, OutputFolderMissingError, str(tmp_path)),
        (errno.EISDIR, OutputIsFolderError, str(target)),
    ]:

        def failing(path: Path, data: bytes, code: int = code) -> None:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(outputs, "write_atomic", failing)
        with pytest.raises(error) as raised:
            save_output(target, b"x", None)
        assert field in raised.value.message("nl")


def test_an_os_error_we_do_not_know_is_raised_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(path: Path, data: bytes) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(outputs, "write_atomic", failing)
    with pytest.raises(OSError) as raised:
        save_output(tmp_path / "x.pdf", b"x", None)
    assert raised.value.errno == errno.EIO


def test_a_finished_file_on_another_disk_is_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged = tmp_path / "staged.bin"
    content = os.urandom(3 << 20)  # more than one copy buffer
    staged.write_bytes(content)
    real_replace = os.replace

    def across_disks(src: object, dst: object) -> None:
        if Path(str(src)) == staged:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", across_disks)
    out = tmp_path / "out.bin"
    assert save_output(out, staged, None) == out
    assert out.read_bytes() == content and not staged.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_a_failed_move_keeps_the_target_and_the_finished_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged = tmp_path / "staged.bin"
    staged.write_bytes(b"new")
    out = tmp_path / "out.bin"
    out.write_bytes(b"old")

    def io_error(src: object, dst: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "replace", io_error)
    with pytest.raises(OSError):
        save_output(out, staged, None)
    assert out.read_bytes() == b"old" and staged.read_bytes() == b"new"


def test_a_folder_without_write_or_enter_rights_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the operating system answers for a user (the suite may run as root, who may all)."""
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "old.pdf").write_bytes(b"old")
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == closed and mode & (os.W_OK | os.X_OK) != os.W_OK | os.X_OK:
            raise AssertionError("both rights are asked at once")
        if Path(str(path)) == closed:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    for name in ("new.pdf", "old.pdf"):
        with pytest.raises(OutputNotWritableError):
            check_output(closed / name, None)
    assert (closed / "old.pdf").read_bytes() == b"old"


def test_a_file_without_write_rights_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ro.pdf"
    target.write_bytes(b"keep")
    real_access = os.access
    asked: list[int] = []

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == target:
            asked.append(mode)
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(OutputNotWritableError):
        check_output(target, None)
    assert asked == [os.W_OK]
    assert check_output(tmp_path / "new.pdf", None) == tmp_path / "new.pdf"


@pytest.mark.parametrize(
    "name",
    [
        "backups./x.amobak",  # Windows drops trailing dots and spaces: the same folder
        "Logs. ./x.pdf",
        "backups::$INDEX_ALLOCATION/x.amobak",  # the folder's own stream is the folder
        "vault.keys::$DATA",
    ],
)
def test_a_vault_folder_written_as_windows_reads_it_is_refused(data: Path, name: str) -> None:
    assert inside_vault(data / name, data)
    assert inside_vault(data, data)  # the data folder itself


@pytest.mark.parametrize("name", ["backupsX/rapport.pdf", "logsX/rapport.pdf", "x:backups/r.pdf"])
def test_a_folder_only_named_like_the_vaults_is_fine(data: Path, name: str) -> None:
    assert not inside_vault(data / name, data)


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_link_that_cannot_be_resolved_is_judged_as_written(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert not inside_vault(tmp_path / "a" / "x.pdf", data)
    with pytest.raises(OutputFolderMissingError):
        save_output(tmp_path / "a" / "x.pdf", b"x", data)

    def unreadable(self: Path, strict: bool = False) -> Path:
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "resolve", unreadable)
    assert inside_vault(data / "vault.db", data)
    assert not inside_vault(tmp_path / "rapport.pdf", data)


def test_a_path_ending_in_a_separator_is_a_folder_even_when_it_does_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(OutputIsFolderError):
        save_output(f"{tmp_path}/nieuw/", b"x", None)
    monkeypatch.setattr(os, "sep", "\\")  # as on Windows: both separators end a folder
    for text in (f"{tmp_path}/nieuw/", f"{tmp_path}/nieuw\\"):
        with pytest.raises(OutputIsFolderError):
            save_output(text, b"x", None)
    assert list(tmp_path.iterdir()) == []


def test_a_refusal_before_writing_names_the_place(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(OutputIsFolderError) as folder:
        check_output(tmp_path, None)
    assert str(tmp_path) in folder.value.message("nl")
    with pytest.raises(OutputInVaultError) as own:
        check_output(data / "vault.db", data)
    assert str(data / "vault.db") in own.value.message("nl")
    with pytest.raises(OutputFolderMissingError) as missing:
        check_output(tmp_path / "nope" / "x.pdf", None)
    assert str(tmp_path / "nope") in missing.value.message("nl")
    monkeypatch.setattr(os, "access", lambda path, mode, **kwargs: False)
    with pytest.raises(OutputNotWritableError) as closed:
        check_output(tmp_path / "x.pdf", None)
    assert str(tmp_path / "x.pdf") in closed.value.message("nl")
