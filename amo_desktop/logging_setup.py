"""File logging with ids only: no names, notes, passwords or keys ever reach a log line (R11)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from amo_desktop.config import log_dir


def configure(data_dir: Path, verbose: bool = False) -> Path | None:
    """Log to <data>/logs/amo-desktop.log; returns the file, or None when it cannot be written."""
    root = logging.getLogger("amo_desktop")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    folder = log_dir(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.mkdir(exist_ok=True, mode=0o700)
        handler = RotatingFileHandler(
            folder / "amo-desktop.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for old in list(root.handlers):
        if isinstance(old, RotatingFileHandler):
            root.removeHandler(old)
            old.close()
    root.addHandler(handler)
    return folder / "amo-desktop.log"
