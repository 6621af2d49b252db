"""Child process for the user-removal crash test: unlock, remove a user, die at one point.

Usage: python remove_child.py DATA_DIR LOGIN TARGET POINT  (password on stdin, one line)

The hook is handed to the service by this test child only; the shipped program never passes
one. At POINT the child kills itself with SIGKILL, as a power cut or a killed process would.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from amo_desktop.services import accounts
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault

FAST_KDF = KdfParams(memory_kib=8_192, iterations=1, lanes=1)  # same as tests/conftest.py


def main() -> int:
    data_dir, login, target, point = Path(sys.argv[1]), *sys.argv[2:5]
    password = sys.stdin.readline().rstrip("\n")
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.unlock(login, password, daily_backup=False)

    def hook(at: str) -> None:
        if at == point:
            os.kill(os.getpid(), signal.SIGKILL)

    accounts.remove_user(vault, vault.identity, target, crash=hook)
    vault.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
