"""Every file a user asks for is written here: never over the vault's own files, atomically,
readable by the user only, and a bad place is one clear line instead of a traceback.

Backups, reports (PDF, XLSX, JSON), bundles, invitations, the import template, the recovery
sheet and calendars all go through `save_output`; `check_output` tells early, before the work.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from pathlib import Path

from amo_desktop.errors import (
    DiskFullError,
    KnownError,
    OutputFolderMissingError,
    OutputInVaultError,
    OutputIsFolderError,
    OutputNotWritableError,
)
from amo_desktop.storage.atomic import replacing, write_atomic

# What lives in a data folder and belongs to the vault (docs/vault-format.md): the database and
# its -wal/-shm, the key file, the lock, the .previous copies and temp files of a restore.
_VAULT_FOLDERS = frozenset({"backups", "logs"})
_VAULT_PREFIXES = ("vault.", ".vault.", ".restore-", ".backup-", "restore-in-progress")


def _plain(name: str) -> str:
    """A name as Windows compares it: any case, no trailing dots or spaces, no ':stream'."""
    return name.split(":", 1)[0].rstrip(" .").casefold()


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _below_data_dir(path: Path, data_dir: Path) -> list[str] | None:
    """The plain names from the data folder down to path, or None when path is not below it."""
    node, below = path, list[str]()
    while True:
        if _same(node, data_dir):
            return below
        if node.parent == node:
            return None
        below.insert(0, _plain(node.name))
        node = node.parent


def inside_vault(target: Path, data_dir: Path) -> bool:
    """True when target is one of the vault's own files or lies inside one of its folders,
    seen both as written and with its links resolved (samefile: case and links agree)."""
    written = Path(os.path.abspath(target))
    seen = [written]
    with contextlib.suppress(OSError, RuntimeError):
        seen.append(written.resolve())
    for path in seen:
        below = _below_data_dir(path, data_dir)
        if below is None:
            continue
        if not below:
            return True
        first = below[0]
        if first in _VAULT_FOLDERS or first.startswith(_VAULT_PREFIXES):
            return True
    return False


def check_output(target: Path | str, data_dir: Path | None) -> Path:
    """The path to write, or the KnownError that says in one line why not there."""
    text = os.fspath(target)
    path = Path(text).expanduser()
    if not text.strip() or text.endswith(("/", os.sep)) or path.is_dir():
        raise OutputIsFolderError(path=text)
    if data_dir is not None and inside_vault(path, Path(data_dir)):
        raise OutputInVaultError(path=text)
    parent = Path(os.path.abspath(path)).parent
    if not parent.is_dir():
        raise OutputFolderMissingError(folder=str(parent))
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(parent, os.W_OK | os.X_OK):
        raise OutputNotWritableError(path=text)
    return path


def save_output(target: Path | str, content: bytes | Path, data_dir: Path | None) -> Path:
    """Write content (bytes, or a finished file to move into place) to target: checked by
    `check_output` against the vault in data_dir, atomic, mode 0600. Returns the path."""
    path = check_output(target, data_dir)
    try:
        if isinstance(content, bytes | bytearray):
            write_atomic(path, bytes(content))
        else:
            _move_atomic(Path(content), path)
    except OSError as exc:
        known = _translate(exc, path)
        if known is None:
            raise
        raise known from exc
    return path


def _move_atomic(src: Path, path: Path) -> None:
    """Rename when on the same disk, copy otherwise; either way via a temp file beside path."""
    with replacing(path) as tmp:
        try:
            os.replace(src, tmp)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            with open(src, "rb") as source, open(tmp, "wb") as copy:
                shutil.copyfileobj(source, copy, 1 << 20)
    src.unlink(missing_ok=True)


def _translate(exc: OSError, path: Path) -> KnownError | None:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError()
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ETXTBSY):
        return OutputNotWritableError(path=str(path))
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return OutputFolderMissingError(folder=str(path.parent))
    if exc.errno == errno.EISDIR:
        return OutputIsFolderError(path=str(path))
    return None
