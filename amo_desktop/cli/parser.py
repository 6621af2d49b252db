"""The command line's grammar: global options and every command with its arguments and handler."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, NoReturn, TypeAlias

from amo_desktop import __version__
from amo_desktop.cli import data, exchange, forms, reports, users, vault_commands
from amo_desktop.cli.messages import TEXT, one_line


class _Parser(argparse.ArgumentParser):
    """Wrong usage is one line on stderr and exit code 2, like every other refusal."""

    def error(self, message: str) -> NoReturn:
        lang = os.environ.get("AMO_LANG", "nl")
        if lang not in ("nl", "en"):
            lang = "nl"
        line = TEXT["see_help"][lang].format(message=message, prog=self.prog)
        self.exit(2, f"amo-desktop: {one_line(line)}\n")


if TYPE_CHECKING:
    Commands: TypeAlias = argparse._SubParsersAction[_Parser]  # where a command is added


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="amo-desktop", description="AMO Desktop")
    parser.add_argument("--data-dir", help="folder of the vault (default: the user's data folder)")
    parser.add_argument("--lang", choices=["nl", "en"], help="default: AMO_LANG, else nl")
    parser.add_argument("--version", action="version", version=f"AMO Desktop {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="GUI: create a demo vault in the data folder if there is none",
    )
    parser.add_argument("--selftest", action="store_true", help="same as the selftest command")
    sub = parser.add_subparsers(dest="command")
    _add_account_commands(sub)
    _add_safety_commands(sub)
    _add_list_commands(sub)
    _add_import_commands(sub)
    _add_form_commands(sub)
    reports.add_parser(sub)
    exchange.add_parser(sub)
    _add_tool_commands(sub)
    return parser


def _add_account_commands(sub: Commands) -> None:
    """init, user and passwd: the vault's first user, the others, and their passwords."""
    init = sub.add_parser("init", help="create a new vault with its team leader")
    init.add_argument("--org", required=True)
    init.add_argument("--user", required=True)
    init.add_argument("--full-name")
    init.add_argument("--recovery-key-out", required=True)
    init.set_defaults(func=vault_commands.cmd_init)

    user = sub.add_parser("user", help="manage users")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add")
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=["coach", "teamleader"])
    add.add_argument("--full-name")
    remove = user_sub.add_parser("remove")
    remove.add_argument("login")
    reset = user_sub.add_parser(
        "reset-password", help="a one-time password (AMO_NEW_PASSWORD), changed at next unlock"
    )
    reset.add_argument("login")
    listing = user_sub.add_parser("list")
    listing.add_argument("--json", action="store_true")
    user.set_defaults(func=users.cmd_user, json=False)

    passwd = sub.add_parser("passwd", help="change a password, or reset it with the recovery key")
    passwd.add_argument("--user")
    passwd.add_argument("--recovery-key", metavar="FILE")
    passwd.set_defaults(func=users.cmd_passwd)


def _add_safety_commands(sub: Commands) -> None:
    """backup, restore and check."""
    backup = sub.add_parser("backup", help="write a verified, encrypted backup")
    backup.add_argument("--out", required=True)
    backup.set_defaults(func=vault_commands.cmd_backup)

    restore = sub.add_parser("restore", help="restore a backup (the current vault is kept aside)")
    restore.add_argument("file")
    restore.set_defaults(func=vault_commands.cmd_restore)

    check = sub.add_parser("check", help="full integrity checks")
    check.set_defaults(func=vault_commands.cmd_check)


def _add_list_commands(sub: Commands) -> None:
    """waitlist, caseload and retention due: lists out of the vault, as text or JSON."""
    waiting = sub.add_parser("waitlist", help="the waiting list in order, with the reason")
    waiting.add_argument("--json", action="store_true")
    waiting.set_defaults(func=data.cmd_waitlist)

    caseload = sub.add_parser(
        "caseload", help="running and planned trajectories (yours, or a coach's)"
    )
    caseload.add_argument("--coach", metavar="LOGIN")
    caseload.add_argument("--json", action="store_true")
    caseload.set_defaults(func=data.cmd_caseload)

    retention = sub.add_parser("retention", help="retention: what is due for anonymising")
    retention_sub = retention.add_subparsers(dest="retention_command", required=True)
    retention_due = retention_sub.add_parser("due")
    retention_due.add_argument("--json", action="store_true")
    retention.set_defaults(func=data.cmd_retention)


def _add_import_commands(sub: Commands) -> None:
    importing = sub.add_parser("import", help="import referrals from .xlsx or .csv")
    import_sub = importing.add_subparsers(dest="import_command", required=True)
    template = import_sub.add_parser("template", help="write an empty .xlsx to fill in")
    template.add_argument("--out", required=True, metavar="FILE")
    referrals = import_sub.add_parser("referrals", help="import a filled file (all or nothing)")
    referrals.add_argument("file", metavar="FILE")
    referrals.add_argument("--dry-run", action="store_true", help="check only, save nothing")
    importing.set_defaults(func=data.cmd_import)
    form = import_sub.add_parser(
        "form", help="import filled referral forms (PDF), all or nothing, onto the waiting list"
    )
    form.add_argument("files", nargs="+", metavar="FILE")
    form.set_defaults(func=forms.cmd_import_form)


def _add_form_commands(sub: Commands) -> None:
    form = sub.add_parser("form", help="make a fillable referral form (PDF) for a school")
    form_sub = form.add_subparsers(dest="form_command", required=True)
    referral = form_sub.add_parser("referral", help="the referral form for one school")
    referral.add_argument("--school", required=True, metavar="NAME")
    referral.add_argument(
        "--class", dest="for_class", action="store_true", help="for a class or group"
    )
    referral.add_argument("--out", required=True, metavar="FILE.pdf")
    form.set_defaults(func=forms.cmd_form)


def _add_tool_commands(sub: Commands) -> None:
    """selftest, inventory and demo."""
    selftest = sub.add_parser("selftest", help="prove encryption works in this program")
    selftest.set_defaults(func=vault_commands.cmd_selftest)

    inventory = sub.add_parser("inventory", help="what the key file tells without a password")
    inventory.add_argument("--json", action="store_true")
    inventory.set_defaults(func=vault_commands.cmd_inventory)

    demo = sub.add_parser(
        "demo",
        help="create and fill a demo vault with invented data",
        description="Creates the vault if needed (password AMO_PASSWORD, default "
        "'demo-wachtwoord'; user AMO_USER, default teamleider) and fills it with several school "
        "years of invented data. Only an empty vault is filled: if it already holds schools or "
        "referrals, nothing is added and the command ends with exit code 1.",
    )
    demo.add_argument("--scale", choices=["typical", "large"], default="typical")
    demo.add_argument("--seed", type=int, default=1, help="same seed, same data (default 1)")
    demo.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the demo's reference day (default: today); same seed and day, same data",
    )
    demo.set_defaults(func=vault_commands.cmd_demo)
