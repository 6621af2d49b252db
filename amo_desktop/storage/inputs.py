"""Files a user points the program at: a missing file, a folder or an unreadable file is one
clear line, never a traceback; text is UTF-8, or the Windows code page it was saved in."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from amo_desktop.errors import (
    InputIsFolderError,
    InputMissingError,
    InputUnreadableError,
    InputWrongTextError,
)


def read_input(path: Path | str, limit: int | None = None) -> bytes:
    """The file's bytes; `limit` refuses files larger than that many bytes as unreadable."""
    text = os.fspath(path)
    target = Path(text).expanduser()
    try:
        if target.is_dir():
            raise InputIsFolderError(path=text)
        if limit is not None and target.stat().st_size > limit:
            raise InputUnreadableError(path=text)
        return target.read_bytes()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise InputMissingError(path=text) from exc
        if exc.errno == errno.EISDIR:
            raise InputIsFolderError(path=text) from exc
        raise InputUnreadableError(path=text) from exc


def read_text_input(path: Path | str, limit: int | None = None) -> str:
    """UTF-8 (with or without BOM); else Windows-1252, which Notepad and Word long used here;
    a file that is neither is refused rather than read with replaced characters."""
    raw = read_input(path, limit)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputWrongTextError(path=os.fspath(path))
