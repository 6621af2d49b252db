"""The program as a user starts it: `python -m amo_desktop --demo` in its own process, offscreen.

It creates a demo vault, shows the unlock dialog, and quits through its normal path after the
AMO_EXIT_AFTER_MS test hook (app.py). Then no name of a pupil, coach or school from the vault,
and not the demo password, may be readable in any file of the data folder (R11).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from amo_desktop.app import DEMO_PASSWORD
from amo_desktop.demo import DEMO_LEADER
from amo_desktop.services import accounts, intake, reference
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF, cheap_kdf_env


def _vault_names(data_dir: Path) -> set[str]:
    """Pupil, school and coach names as stored inside the encrypted vault."""
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.unlock(DEMO_LEADER, DEMO_PASSWORD)
    try:
        with vault.session() as s:
            referrals = intake.list_referrals(s, vault.identity)
            schools = reference.list_schools(s, vault.identity)
        users = accounts.list_users(vault, vault.identity)
    finally:
        vault.lock()
    names = {r.subject_label for r in referrals if r.subject_kind == "jongere"}
    names |= {school.name for school in schools}
    names |= {u.full_name for u in users if u.full_name}
    return {n for n in names if len(n) >= 6}


def test_demo_start_unlock_dialog_and_clean_exit(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = cheap_kdf_env(dict(os.environ))
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "AMO_DEMO_SCALE": "tiny",
            "AMO_EXIT_AFTER_MS": "700",
            "AMO_LANG": "nl",
        }
    )
    for var in ("AMO_USER", "AMO_PASSWORD", "AMO_NEW_PASSWORD", "AMO_DATA_DIR"):
        env.pop(var, None)
    done = subprocess.run(
        [sys.executable, "-m", "amo_desktop", "--data-dir", str(data_dir), "--demo"],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr

    assert (data_dir / "vault.db").stat().st_size > 0
    assert (data_dir / "vault.keys").exists()
    log = (data_dir / "logs" / "amo-desktop.log").read_text(encoding="utf-8")
    assert "GUI started: unlock shown" in log
    assert "GUI ended with exit code 0" in log
    assert (
        not (data_dir / "vault.db-wal").exists() or (data_dir / "vault.db-wal").stat().st_size == 0
    )

    names = _vault_names(data_dir)
    assert len(names) >= 10  # pupils, schools and coaches
    secrets = [*names, DEMO_PASSWORD]
    files = [p for p in data_dir.rglob("*") if p.is_file() and p.suffix != ".lock"]
    assert len(files) >= 3
    for path in files:
        raw = path.read_bytes()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in raw, (path.name, secret)
