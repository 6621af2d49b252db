"""Cheap key slots for the program started as a subprocess by the tests (never packaged).

`tests/conftest.py` puts this folder first on PYTHONPATH (`cli_env`, `CHEAP_KDF_PATH`), so
Python runs this file at start-up, before `python -m amo_desktop` imports anything. It puts the
tree these tests belong to first on sys.path, then lowers the two Argon2id costs the program
uses: key slots (`keyslots.DEFAULT_KDF`, which `Vault` reads when made) and invitation codes
(`bundle.INVITE_KDF`). The program itself reads no environment variable for this (issue 12);
the shipped exe never sees this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from amo_desktop.storage import keyslots  # noqa: E402
from amo_desktop.sync import bundle  # noqa: E402

keyslots.DEFAULT_KDF = keyslots.KdfParams(memory_kib=8_192, iterations=1, lanes=1)
bundle.INVITE_KDF = {"memory_kib": 8_192, "iterations": 1, "lanes": 1}
