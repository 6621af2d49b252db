"""Child process for the kill -9 test (R13): unlock, then write audit rows until killed.

Usage: python writer_child.py DATA_DIR LOGIN  (password on stdin, one line)

Prints "ready" once unlocked, then for every row the id, only after the commit returned:
a printed id is a write the app would have reported as saved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from amo_desktop.domain.models import AuditEvent, new_id
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault

FAST_KDF = KdfParams(memory_kib=8_192, iterations=1, lanes=1)  # same as tests/conftest.py


def main() -> int:
    data_dir, login = Path(sys.argv[1]), sys.argv[2]
    password = sys.stdin.readline().rstrip("\n")
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.unlock(login, password)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    n = 0
    while True:
        n += 1
        row_id = new_id()
        with vault.session() as s:
            s.add(
                AuditEvent(
                    id=row_id,
                    action="crash.test",
                    entity="test",
                    entity_id=row_id,
                    detail="x" * (n % 3000),  # some rows spill onto overflow pages
                )
            )
        # The with block has committed: only now is the row "saved".
        sys.stdout.write(row_id + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
