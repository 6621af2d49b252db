"""Where things live on disk, and warnings about places a vault should not live (R14)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from amo_desktop import APP_NAME

_SYNCED_MARKERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "icloud",
    "nextcloud",
    "owncloud",
    "sharepoint",
    "box sync",
)


def default_data_dir() -> Path:
    """%LOCALAPPDATA%\\AMO Desktop on Windows (never roaming), ~/.local/share/AMO Desktop on Linux."""
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(option: str | os.PathLike[str] | None) -> Path:
    if option:
        return Path(option).expanduser().resolve()
    env = os.environ.get("AMO_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def location_warnings(path: Path) -> list[str]:
    """Codes of reasons why a vault folder is a bad place: 'synced' or 'network'."""
    text = str(path)
    lowered = text.lower()
    warnings: list[str] = []
    onedrive_roots = [
        os.environ.get(v, "") for v in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
    ]
    if any(m in lowered for m in _SYNCED_MARKERS) or any(
        root and lowered.startswith(root.lower()) for root in onedrive_roots
    ):
        warnings.append("synced")
    if text.startswith(("\\\\", "//")) or lowered.startswith(("/mnt/smb", "/net/")):
        warnings.append("network")
    return warnings


def resources_dir() -> Path:
    """The top-level resources/ folder: beside the package, or inside a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return root / "resources"


def guide_path() -> Path:
    """The Dutch user guide: docs/ of a source checkout, resources/help/ in a frozen bundle
    (the spec copies it there)."""
    if getattr(sys, "_MEIPASS", None):
        return resources_dir() / "help" / "handleiding.md"
    return Path(__file__).resolve().parent.parent / "docs" / "handleiding.md"


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"
