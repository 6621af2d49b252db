"""The hook that writes a crash report without personal data and shows it (SECURITY.md R11)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from amo_desktop.crash_report import format_report, write_crash_report

__all__ = ["ShowCrash", "format_report", "install_crash_hook", "write_crash_report"]

ShowCrash = Callable[[Path | None], None]


def install_crash_hook(folder: Path, show: ShowCrash) -> Callable[..., None]:
    """Replaces sys.excepthook; returns the previous hook so a caller can restore it."""
    previous = sys.excepthook

    def hook(
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        report = write_crash_report(folder, exc_type, exc)
        if sys.stderr is not None:  # the console twin; a windowed program has no stderr
            sys.stderr.write(format_report(exc_type, exc))
        with contextlib.suppress(Exception):  # the dialog itself must never crash the hook
            show(report)

    sys.excepthook = hook
    return previous
