"""Atomic, private file writes: a crash leaves either the old or the new file, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; directories cannot be opened for fsync on Windows."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temp file beside `path` for the block to fill; then fsynced, made private (0600) and
    renamed over `path`, durably. On any failure the temp file goes and `path` is untouched."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file in the same folder (mode 0600), fsync, then rename over path."""
    with replacing(Path(path)) as tmp:
        tmp.write_bytes(data)


def replace_durably(src: Path, dst: Path) -> None:
    """Rename src over dst and make the rename durable."""
    os.replace(src, dst)
    fsync_dir(Path(dst).parent)
