"""Restoring a backup: who may replace a vault, and a restore never brings back a removed user."""

from __future__ import annotations

from pathlib import Path

from amo_desktop.domain.identity import Identity
from amo_desktop.services import accounts
from amo_desktop.services.authz import TEAMLEADER_ROLES, public
from amo_desktop.storage.keyslots import Sidecar, Slot
from amo_desktop.storage.restore import RestorePlan
from amo_desktop.storage.vault import Vault


@public  # a pure rule on the key file, used by restore_backup before anything is unpacked
def may_replace(current: Sidecar, slot: Slot) -> bool:
    """The team leader on the team leader's vault; on a coach's laptop (no team leader has a
    key there) the laptop's own user. The role is sealed into the slot with the password."""
    if slot.role in TEAMLEADER_ROLES:
        return True
    return not any(s.kind == "password" and s.role in TEAMLEADER_ROLES for s in current.slots)


@public
def restore_backup(vault: Vault, backup_file: Path, login: str, password: str) -> Identity:
    """Replace the vault by a verified backup; the password is the user's password of the
    current vault (or, into an empty data folder, of the backup). Returns the restored vault,
    unlocked. The vault replaced is kept as a `before-restore` automatic backup."""
    plan = vault.stage_restore(Path(backup_file), login, password, may_replace)
    try:
        if plan.removed:
            _remove_again(vault, plan, password)
        return vault.commit_restore(plan)
    except BaseException:
        vault.abandon_restore(plan)
        raise


def _remove_again(vault: Vault, plan: RestorePlan, password: str) -> None:
    """Users removed since the backup lose their slot again, and the key is rotated, exactly as
    `user remove` does; on the staged copy, so the live vault never holds them again."""
    staged = Vault(plan.folder, kdf=vault.kdf)
    caller = staged.unlock(plan.login, password, daily_backup=False)
    try:
        for login in plan.removed:
            accounts.remove_user(staged, caller, login)
        staged.checkpoint()
    finally:
        staged.lock()
