"""One writer per vault: an OS lock on a small file, released by the OS if the process dies."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from amo_desktop.errors import VaultLockedError
from amo_desktop.storage.errors import translate_os_error


class VaultLock:
    """Held while a vault is open; a second holder, in any process, gets VaultLockedError."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while locked
        except OSError as exc:
            raise (translate_os_error(exc, str(self.path.parent)) or exc) from exc
        try:
            _lock(handle)
        except OSError as exc:
            handle.close()
            raise VaultLockedError() from exc
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None


if sys.platform == "win32":  # pragma: no cover - exercised by the Windows build
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
