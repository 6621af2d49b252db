"""Crash reports without personal data (SECURITY.md R11), for the window and the command line.

A report holds the exception's type and, per frame, the file, line and function: code, never
data. The exception's message and local variables are left out, because they may contain a
pupil's name or a note.
"""

from __future__ import annotations

import contextlib
import platform
import traceback
from datetime import datetime
from pathlib import Path

from amo_desktop import __version__


def _short_path(filename: str) -> str:
    """The path from the package down (no user folder names), or only the file name."""
    parts = Path(filename).parts
    for anchor in ("amo_desktop", "site-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return Path(filename).name


def format_report(exc_type: type[BaseException], exc: BaseException | None) -> str:
    lines = [
        f"AMO Desktop {__version__} crash report",
        f"time: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"python: {platform.python_version()} ({platform.system()} {platform.release()})",
    ]
    from importlib.metadata import PackageNotFoundError, version  # only when a crash is told

    with contextlib.suppress(PackageNotFoundError):  # the version, without loading Qt here
        lines.append(f"pyside6: {version('pyside6-essentials')}")
    seen: set[int] = set()
    current: BaseException | None = exc
    current_type: type[BaseException] | None = exc_type
    while current_type is not None:
        lines.append("")
        lines.append(f"exception: {current_type.__module__}.{current_type.__qualname__}")
        if current is not None:
            for frame in traceback.extract_tb(current.__traceback__):
                lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
            seen.add(id(current))
            nxt = current.__cause__ or current.__context__
            if nxt is None or id(nxt) in seen:
                break
            lines.append("caused by / during handling of:")
            current, current_type = nxt, type(nxt)
        else:
            break
    return "\n".join(lines) + "\n"


def write_crash_report(
    folder: Path, exc_type: type[BaseException], exc: BaseException | None
) -> Path | None:
    """Writes <folder>/crash-<timestamp>.txt; returns None if even that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"crash-{stamp}.txt"
        path.write_text(format_report(exc_type, exc), encoding="utf-8")
        return path
    except OSError:
        return None
