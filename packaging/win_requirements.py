"""Prints the Windows requirement list: requirements.lock plus the pinned build tools.

    python packaging/win_requirements.py > packaging/work/win-requirements.txt

Every line is `name==version` without environment markers. pip, when it downloads wheels for
another platform (`--platform win_amd64`), still evaluates markers for the machine it runs on,
so a Windows-only dependency (pefile, pywin32-ctypes, ...) would silently be left out; naming
every package, pinned, and checking with `pip check` on Windows (or under Wine) prevents that.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCES = (ROOT / "requirements.lock", HERE / "build-requirements.txt")
# Windows-only runtime dependencies of the locked packages that a lock compiled on Linux cannot
# contain. None today (checked with `pip check` under Wine); add `name==version` here if one
# appears.
WINDOWS_ONLY: tuple[str, ...] = ()
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;#\\]+)")


def requirements() -> list[str]:
    pins: dict[str, str] = {}
    for source in SOURCES:
        for raw in source.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line or line.startswith(("#", "-", "--")):
                continue
            match = _PIN.match(line)
            if not match:
                raise SystemExit(f"{source.name}: not pinned with ==: {line!r}")
            name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
            version = match.group(3)
            if pins.get(name, version) != version:
                raise SystemExit(f"{name} pinned twice: {pins[name]} and {version}")
            pins[name] = version
    for extra in WINDOWS_ONLY:
        name, _, version = extra.partition("==")
        pins[name.lower()] = version
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def main() -> int:
    sys.stdout.write("".join(line + "\n" for line in requirements()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
