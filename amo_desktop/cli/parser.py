"""The command line's grammar: global options and every command with its arguments and handler."""

from __future__ import annotations

import argparse
import importlib
import os
from typing import TYPE_CHECKING, NoReturn, TypeAlias

from amo_desktop import __version__
from amo_desktop.cli.messages import TEXT, one_line

if TYPE_CHECKING:
    from amo_desktop.cli.invocation import Cli

REPORT_KINDS = (
    "steering",
    "school",
    "funder",
    "signal",
    "planning",
    "trajectory",
    "access",
    "receipt",
)


class Handler:
    """A command's handler, named by module and function: the module is imported only when its
    command runs, so starting the program (the GUI) or asking --help loads none of them."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def __call__(self, cli: Cli) -> int:
        module = importlib.import_module(f"amo_desktop.cli.{self.module}")
        result: int = getattr(module, self.name)(cli)
        return result


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
    _add_report_command(sub)
    _add_exchange_commands(sub)
    _add_tool_commands(sub)
    return parser


def _add_account_commands(sub: Commands) -> None:
    """init, user and passwd: the vault's first user, the others, and their passwords."""
    init = sub.add_parser("init", help="create a new vault with its team leader")
    init.add_argument("--org", required=True)
    init.add_argument("--user", required=True)
    init.add_argument("--full-name")
    init.add_argument("--recovery-key-out", required=True)
    init.set_defaults(func=Handler("vault_commands", "cmd_init"))

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
    user.set_defaults(func=Handler("users", "cmd_user"), json=False)

    passwd = sub.add_parser("passwd", help="change a password, or reset it with the recovery key")
    passwd.add_argument("--user")
    passwd.add_argument("--recovery-key", metavar="FILE")
    passwd.set_defaults(func=Handler("users", "cmd_passwd"))


def _add_safety_commands(sub: Commands) -> None:
    """backup, restore and check."""
    backup = sub.add_parser("backup", help="write a verified, encrypted backup")
    backup.add_argument("--out", required=True)
    backup.set_defaults(func=Handler("vault_commands", "cmd_backup"))

    restore = sub.add_parser("restore", help="restore a backup (the current vault is kept aside)")
    restore.add_argument("file")
    restore.set_defaults(func=Handler("vault_commands", "cmd_restore"))

    check = sub.add_parser("check", help="full integrity checks")
    check.set_defaults(func=Handler("vault_commands", "cmd_check"))


def _add_list_commands(sub: Commands) -> None:
    """waitlist, caseload and retention due: lists out of the vault, as text or JSON."""
    waiting = sub.add_parser("waitlist", help="the waiting list in order, with the reason")
    waiting.add_argument("--json", action="store_true")
    waiting.set_defaults(func=Handler("data", "cmd_waitlist"))

    caseload = sub.add_parser(
        "caseload", help="running and planned trajectories (yours, or a coach's)"
    )
    caseload.add_argument("--coach", metavar="LOGIN")
    caseload.add_argument("--json", action="store_true")
    caseload.set_defaults(func=Handler("data", "cmd_caseload"))

    retention = sub.add_parser("retention", help="retention: what is due for anonymising")
    retention_sub = retention.add_subparsers(dest="retention_command", required=True)
    retention_due = retention_sub.add_parser("due")
    retention_due.add_argument("--json", action="store_true")
    retention.set_defaults(func=Handler("data", "cmd_retention"))


def _add_import_commands(sub: Commands) -> None:
    importing = sub.add_parser("import", help="import referrals from .xlsx or .csv")
    import_sub = importing.add_subparsers(dest="import_command", required=True)
    template = import_sub.add_parser("template", help="write an empty .xlsx to fill in")
    template.add_argument("--out", required=True, metavar="FILE")
    referrals = import_sub.add_parser("referrals", help="import a filled file (all or nothing)")
    referrals.add_argument("file", metavar="FILE")
    referrals.add_argument("--dry-run", action="store_true", help="check only, save nothing")
    importing.set_defaults(func=Handler("data", "cmd_import"))
    form = import_sub.add_parser(
        "form", help="import filled referral forms (PDF), all or nothing, onto the waiting list"
    )
    form.add_argument("files", nargs="+", metavar="FILE")
    form.set_defaults(func=Handler("forms", "cmd_import_form"))


def _add_form_commands(sub: Commands) -> None:
    form = sub.add_parser("form", help="make a fillable referral form (PDF) for a school")
    form_sub = form.add_subparsers(dest="form_command", required=True)
    referral = form_sub.add_parser("referral", help="the referral form for one school")
    referral.add_argument("--school", required=True, metavar="NAME")
    referral.add_argument(
        "--class", dest="for_class", action="store_true", help="for a class or group"
    )
    referral.add_argument("--out", required=True, metavar="FILE.pdf")
    form.set_defaults(func=Handler("forms", "cmd_form"))


def _add_tool_commands(sub: Commands) -> None:
    """selftest, inventory and demo."""
    selftest = sub.add_parser("selftest", help="prove encryption works in this program")
    selftest.set_defaults(func=Handler("vault_commands", "cmd_selftest"))

    inventory = sub.add_parser("inventory", help="what the key file tells without a password")
    inventory.add_argument("--json", action="store_true")
    inventory.set_defaults(func=Handler("vault_commands", "cmd_inventory"))

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
    demo.set_defaults(func=Handler("vault_commands", "cmd_demo"))


def _add_report_command(sub: Commands) -> None:
    report = sub.add_parser(
        "report",
        help="print a report to PDF, Excel or JSON",
        description="Print a report; the extension of --out picks the format. PDF and Excel "
        "are fit to leave the team: counts of 1 to 4 show as '<5', and 'x' hides a further "
        "count so that no hidden one can be worked out (docs/figures.md). JSON holds the "
        "exact figures, unsuppressed, for the team leader's own use: do not send it out.",
    )
    report.add_argument("kind", choices=REPORT_KINDS)
    period = report.add_mutually_exclusive_group()
    period.add_argument("--school-year", metavar="Y", help="e.g. 2025-2026 (default: the current)")
    period.add_argument("--from", dest="first", metavar="D", help="start date (with --to)")
    report.add_argument("--to", dest="last", metavar="D", help="end date (with --from)")
    report.add_argument("--school", metavar="NAME")
    report.add_argument("--funder", metavar="NAME")
    report.add_argument("--municipality", metavar="NAME", help="signal: the town")
    report.add_argument("--coach", metavar="LOGIN", help="planning: one coach (default: team)")
    report.add_argument("--week", metavar="D", help="planning: a day in the week (default: now)")
    report.add_argument("--pupil", metavar="ID", help="trajectory/access: the young person's id")
    report.add_argument("--referral", metavar="ID", help="receipt: the referral's id")
    report.add_argument("--audience", choices=["dossier", "school", "clb"], default="dossier")
    report.add_argument("--reason", help="access: why the export is made (required)")
    report.add_argument(
        "--feedback-file",
        metavar="FILE",
        help="steering: the steering group's feedback; school: that school's own text (kept "
        "for the school and school year; without this option the kept text is printed)",
    )
    for flag, what in (
        ("--save-meeting", "freeze these figures as meeting N of the school year"),
        ("--meeting", "reprint frozen meeting N (with --school-year)"),
    ):  # a steering group meets three times a school year
        report.add_argument(
            flag, type=int, choices=[1, 2, 3], metavar="N", help="steering: " + what
        )
    report.add_argument("--out", required=True, metavar="FILE")
    report.set_defaults(func=Handler("reports", "run"))


def _add_exchange_commands(sub: Commands) -> None:
    ex = sub.add_parser("exchange", help="exchange encrypted bundles with the team's laptops")
    ex_sub = ex.add_subparsers(dest="exchange_command", required=True)
    invite = ex_sub.add_parser("invite", help="team leader: an invitation for a user's laptop")
    invite.add_argument("login")
    invite.add_argument("--out", required=True, metavar="FILE")
    join = ex_sub.add_parser("join", help="make this laptop's vault from an invitation")
    join.add_argument("file", metavar="FILE")
    join.add_argument("--code", required=True)
    join.add_argument("--recovery-key-out", metavar="FILE", help="write the recovery key here")
    export = ex_sub.add_parser("export", help="write this laptop's bundle")
    export.add_argument("--out", required=True, metavar="FILE")
    importing = ex_sub.add_parser("import", help="read another laptop's bundle")
    importing.add_argument("file", metavar="FILE")
    folder = ex_sub.add_parser("folder", help="set the shared folder ('' to clear)")
    folder.add_argument("path", metavar="PATH")
    ex_sub.add_parser("sync", help="drop our bundle in the shared folder and read the others'")
    conflicts = ex_sub.add_parser("conflicts", help="team leader: fields set on two laptops")
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--all", action="store_true", help="also the resolved ones")
    resolve = ex_sub.add_parser("resolve", help="team leader: keep one value of a conflict")
    resolve.add_argument("conflict_id", metavar="ID")
    resolve.add_argument("--keep", type=int, required=True, metavar="N", help="value 1, 2, …")
    status = ex_sub.add_parser("status", help="team, laptops, last exchange, conflicts")
    status.add_argument("--json", action="store_true")
    ex.set_defaults(func=Handler("exchange", "run"), json=False)
