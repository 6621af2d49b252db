"""Turns OS and database failures into the catalogue's errors (storage is where they happen)."""

from __future__ import annotations

import errno
import sqlite3

from amo_desktop.errors import (
    CorruptVaultError,
    DiskFullError,
    KnownError,
    ReadOnlyError,
    VaultLockedError,
)


def translate_os_error(exc: OSError, path: str) -> KnownError | None:
    """Map an OS error to a known environment error, or None when it is a bug."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError()
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyError(path=path)
    return None


def translate_db_error(exc: Exception, path: str) -> KnownError | None:
    """Map an SQLite/SQLCipher error to a known environment error, or None when it is a bug."""
    text = str(exc).lower()
    if isinstance(exc, OSError):
        return translate_os_error(exc, path)
    if not isinstance(exc, sqlite3.Error) and not type(exc).__module__.startswith(
        ("sqlcipher3", "sqlalchemy")
    ):
        return None
    if "disk is full" in text or "disk full" in text:
        return DiskFullError()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyError(path=path)
    if "locked" in text or "busy" in text:
        return VaultLockedError()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return CorruptVaultError()
    return None
