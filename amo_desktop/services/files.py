"""Files a user picks outside the vault, for front ends that must not reach into storage."""

from __future__ import annotations

from pathlib import Path

from amo_desktop.storage import outputs
from amo_desktop.storage.backup import BACKUP_SUFFIX

__all__ = ["BACKUP_SUFFIX", "check_output", "save_output"]


def check_output(target: Path | str, data_dir: Path | None) -> Path:
    """The path an export may be written to; raises a KnownError (in the vault's folder, a
    missing folder, a folder, not writable) before any work is done."""
    return outputs.check_output(target, data_dir)


def save_output(target: Path | str, content: bytes | Path, data_dir: Path | None) -> Path:
    """Writes an export atomically, never over the vault's own files."""
    return outputs.save_output(target, content, data_dir)
