"""A demo vault with invented people and several school years of work (amo_desktop.demo_data).

`create_demo_vault` makes the vault when there is none (team leader 'teamleider', the coaches of
the chosen scale, all with the demo password) and fills it; an existing vault is filled only when
it is still empty, so running it twice never duplicates data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from amo_desktop.demo_data import COACH_NAMES, SCALES, Progress, fill_vault, vault_has_data
from amo_desktop.services import accounts
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault

DEMO_ORG = "Groep INTRO (demo)"
DEMO_LEADER = "teamleider"
DEMO_COACHES = COACH_NAMES[:2]


def create_demo_vault(
    data_dir: Path,
    password: str,
    kdf: KdfParams | None = None,
    scale: str = "typical",
    seed: int = 1,
    login: str = DEMO_LEADER,
    progress: Progress | None = None,
    today: date | None = None,
) -> str:
    """Creates the vault if there is none and fills it; returns a line telling how to log in.

    An existing vault is unlocked as `login` with `password`; if it already holds schools or
    referrals nothing is added and a ValidationError says so.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    vault = Vault(data_dir, kdf=kdf)
    if vault.exists():
        vault.unlock(login, password)
    else:
        accounts.create_vault(vault, DEMO_ORG, DEMO_LEADER, "Lotte Vermeulen", password)
        login = DEMO_LEADER
    try:
        fill_vault(vault, password, scale=scale, seed=seed, today=today, progress=progress)
    finally:
        vault.lock()
    coaches = ", ".join(c for c, _ in COACH_NAMES[: SCALES[scale].coaches][:4])
    more = " ..." if SCALES[scale].coaches > 4 else ""
    return (
        f"Demo vault in {data_dir}: log in as '{login}' (or {coaches}{more}) "
        f"with password '{password}'."
    )


__all__ = ["DEMO_COACHES", "DEMO_LEADER", "DEMO_ORG", "create_demo_vault", "vault_has_data"]
