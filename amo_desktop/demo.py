"""A demo vault with invented people, so a newcomer can open the app at once."""

from __future__ import annotations

from pathlib import Path

from amo_desktop.services import accounts
from amo_desktop.storage.keyslots import DEFAULT_KDF, KdfParams
from amo_desktop.storage.vault import Vault

DEMO_ORG = "Groep INTRO (demo)"
DEMO_LEADER = "teamleider"
DEMO_COACHES = (("coach.an", "An Demeulemeester"), ("coach.yusuf", "Yusuf Şahin"))


def create_demo_vault(data_dir: Path, password: str, kdf: KdfParams = DEFAULT_KDF) -> str:
    """Creates the vault if there is none; returns a line telling how to log in."""
    vault = Vault(data_dir, kdf=kdf)
    if not vault.exists():
        accounts.create_vault(vault, DEMO_ORG, DEMO_LEADER, "Lotte Vermeulen", password)
        try:
            for login, name in DEMO_COACHES:
                accounts.add_user(vault, vault.identity, login, "coach", name, password)
        finally:
            vault.lock()
    return (
        f"Demo vault in {data_dir}: log in as '{DEMO_LEADER}' (or "
        f"{', '.join(c for c, _ in DEMO_COACHES)}) with password '{password}'."
    )
