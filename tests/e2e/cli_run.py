"""The command line as a subprocess, the way a script or a user runs it."""

from __future__ import annotations

import subprocess
import sys


def run(env: dict[str, str], *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """`python -m amo_desktop ARGS` with env plus extra; no terminal, so nothing is asked."""
    return subprocess.run(
        [sys.executable, "-m", "amo_desktop", *args],
        env={**env, **extra},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
