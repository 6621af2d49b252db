"""The commands that make, keep and inspect the vault itself: init, backup, restore, check,
inventory, selftest and demo."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

from amo_desktop.cli.invocation import Cli
from amo_desktop.config import location_warnings
from amo_desktop.errors import KnownError
from amo_desktop.services import accounts
from amo_desktop.services.password_policy import password_words
from amo_desktop.storage.outputs import check_output, save_output


def cmd_init(cli: Cli) -> int:
    args = cli.args
    vault = cli.vault()
    for _warning in location_warnings(cli.data_dir):
        print(cli.t("warn_location", path=cli.data_dir), file=sys.stderr)
    password = cli.secret("AMO_PASSWORD", "new_password", confirm=True)
    words = password_words(args.user, args.full_name, args.org)
    accounts.validate_password(password, user_inputs=words)
    out = check_output(args.recovery_key_out, cli.data_dir)  # before the vault exists
    recovery = accounts.create_vault(vault, args.org, args.user, args.full_name or "", password)
    try:
        sheet = _recovery_sheet(args.org, vault.sidecar.vault_id, recovery, out.suffix)
        try:
            save_output(out, sheet, cli.data_dir)
        except KnownError:
            print(cli.t("key_on_screen", key=recovery))  # the vault exists: the key must show
            raise
    finally:
        vault.lock()
    cli.say("created", path=cli.data_dir, keyfile=out)
    return 0


def _recovery_sheet(organisation: str, vault_id: str, recovery: str, suffix: str) -> bytes:
    """The recovery sheet as a PDF when the file asked ends in .pdf, else as plain text."""
    from amo_desktop.reports import recovery as recovery_report  # reportlab: only when asked

    if suffix.lower() == ".pdf":
        buffer = io.BytesIO()
        recovery_report.render(organisation, vault_id, recovery, buffer)
        return buffer.getvalue()
    return recovery_report.text(organisation, vault_id, recovery).encode()


def cmd_backup(cli: Cli) -> int:
    with cli.unlocked() as (vault, _caller):
        info = vault.backup(Path(cli.args.out))
    cli.say("backup_done", path=info.path)
    return 0


def cmd_restore(cli: Cli) -> int:
    from amo_desktop.services.restore import restore_backup

    vault = cli.vault()
    login = os.environ.get("AMO_USER") or cli.ask_login()
    replaced = vault.exists()
    restore_backup(vault, Path(cli.args.file), login, cli.secret("AMO_PASSWORD", "password"))
    vault.lock()
    if replaced:
        cli.say("restore_done", folder=vault.backup_dir)
    else:
        cli.say("restore_new", path=cli.data_dir)
    return 0


def cmd_check(cli: Cli) -> int:
    with cli.unlocked() as (vault, _caller):
        counts = vault.check()
    cli.say("check_ok", tables=len(counts), rows=sum(counts.values()))
    return 0


def cmd_inventory(cli: Cli) -> int:
    sidecar = cli.vault().inventory()
    users = [{"login": s.login, "role": s.role} for s in sidecar.slots if s.kind == "password"]
    data = {
        "vault_id": sidecar.vault_id,
        "organisation": sidecar.organisation,
        "created_at": sidecar.created_at,
        "last_backup_at": sidecar.last_backup_at,
        "schema_revision": sidecar.schema_revision,
        "app_version": sidecar.app_version,
        "key_generation": sidecar.current().generation,
        "users": users,
        "recovery_key_slot": sidecar.recovery_slot() is not None,
    }
    if cli.args.json:
        print(json.dumps(data, indent=2))
        return 0
    for key, value in data.items():
        if key != "users":
            print(f"{key}: {value}")
    for user in users:
        print(f"user: {user['login']} ({user['role']})")
    return 0


def cmd_selftest(cli: Cli) -> int:
    from amo_desktop.selftest import run_selftest

    return run_selftest(print)


def cmd_demo(cli: Cli) -> int:
    from amo_desktop.demo import DEMO_LEADER, create_demo_vault

    password = os.environ.get("AMO_PASSWORD", "demo-wachtwoord")
    login = os.environ.get("AMO_USER") or DEMO_LEADER
    shown = [-1]

    def progress(fraction: float) -> None:
        if sys.stderr.isatty() and int(fraction * 100) != shown[0]:
            shown[0] = int(fraction * 100)
            end = "\n" if shown[0] >= 100 else ""
            print(
                f"\rDemo ({cli.args.scale}): {shown[0]:3d} %", end=end, file=sys.stderr, flush=True
            )

    created = create_demo_vault(
        cli.data_dir,
        password,
        scale=cli.args.scale,
        seed=cli.args.seed,
        login=login,
        progress=progress,
        today=(
            datetime.strptime(cli.args.today, "%Y-%m-%d").date() if cli.args.today else date.today()
        ),
    )
    print(created)
    return 0
