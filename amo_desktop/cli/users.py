"""The commands for the team's accounts: `user add/remove/reset-password/list` and `passwd`."""

from __future__ import annotations

import json

from amo_desktop.cli.invocation import Cli, UsageError
from amo_desktop.services import accounts
from amo_desktop.storage.inputs import read_text_input


def cmd_user(cli: Cli) -> int:
    args = cli.args
    with cli.unlocked() as (vault, caller):
        if args.user_command == "add":
            password = cli.secret("AMO_NEW_PASSWORD", "new_password", confirm=True)
            info = accounts.add_user(
                vault, caller, args.login, args.role, args.full_name or "", password
            )
            cli.say("user_added", login=info.login, role=info.role)
        elif args.user_command == "reset-password":
            password = cli.secret("AMO_NEW_PASSWORD", "new_password", confirm=True)
            accounts.reset_password(vault, caller, args.login, password)
            cli.say("user_password_reset", login=args.login)
        elif args.user_command == "remove":
            accounts.remove_user(vault, caller, args.login)
            cli.say("user_removed", login=args.login)
        else:
            users = accounts.list_users(vault, caller)
            if args.json:
                print(json.dumps([u.__dict__ for u in users], indent=2))
            for user in users if not args.json else []:
                print(f"{user.login}\t{user.role}\t{user.full_name}")
    return 0


def cmd_passwd(cli: Cli) -> int:
    args = cli.args
    vault = cli.vault()
    if args.recovery_key:
        if not args.user:
            raise UsageError("--recovery-key needs --user LOGIN")
        key = read_text_input(args.recovery_key, limit=1 << 20)
        new = cli.secret("AMO_NEW_PASSWORD", "new_password", confirm=True)
        identity = accounts.reset_password_with_recovery(vault, args.user, _key_line(key), new)
        cli.outcome = accounts.UnlockOutcome(identity, vault.failed_unlocks, False)
        vault.lock()
    else:
        login = args.user or cli.login(vault)
        old = cli.secret("AMO_PASSWORD", "password")
        outcome = accounts.unlock(vault, login, old, reset_failures=False)
        cli.outcome = outcome
        cli.asks_new = False
        try:
            new = cli.secret("AMO_NEW_PASSWORD", "new_password", confirm=True)
            accounts.change_password(vault, outcome.identity, old, new)
        finally:
            vault.lock()
    cli.say("passwd_done")
    return 0


def _key_line(text: str) -> str:
    """The recovery key out of a whole sheet: the line that looks like XXXX-XXXX-..."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.count("-") >= 8 and " " not in stripped:
            return stripped
    return text.strip()
