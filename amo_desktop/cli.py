"""The command line: a second front end on the same services, and the scripting contract.

Exit codes: 0 success, 1 an error (one line on stderr), 2 wrong usage.
Passwords come from AMO_PASSWORD / AMO_NEW_PASSWORD and the user from AMO_USER when set.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

from amo_desktop import __version__, cli_exchange
from amo_desktop.cli_reports import add_parser as add_report_parser
from amo_desktop.config import location_warnings, log_dir, resolve_data_dir
from amo_desktop.crash_report import write_crash_report
from amo_desktop.errors import KnownError, ValidationError
from amo_desktop.logging_setup import configure as configure_logging
from amo_desktop.services import accounts
from amo_desktop.services.password_policy import password_words
from amo_desktop.storage.inputs import read_text_input
from amo_desktop.storage.outputs import check_output, save_output
from amo_desktop.storage.vault import Vault

_TEXT = {
    "password": {"nl": "Wachtwoord: ", "en": "Password: "},
    "new_password": {"nl": "Nieuw wachtwoord: ", "en": "New password: "},
    "repeat": {"nl": "Herhaal het nieuwe wachtwoord: ", "en": "Repeat the new password: "},
    "user": {"nl": "Gebruiker: ", "en": "User: "},
    "mismatch": {"nl": "De wachtwoorden verschillen.", "en": "The passwords differ."},
    "no_input": {
        "nl": "Geen wachtwoord: zet {var} of start het commando in een terminal.",
        "en": "No password: set {var} or run the command in a terminal.",
    },
    "created": {
        "nl": "Kluis gemaakt in {path}. De herstelsleutel staat in {keyfile}: druk hem af en bewaar "
        "hem veilig, en verwijder dan het bestand.",
        "en": "Vault created in {path}. The recovery key is in {keyfile}: print it, keep it safe, "
        "then delete the file.",
    },
    "user_added": {
        "nl": "Gebruiker {login} toegevoegd ({role}).",
        "en": "User {login} added ({role}).",
    },
    "user_removed": {
        "nl": "Gebruiker {login} verwijderd; de sleutel van de kluis is vernieuwd.",
        "en": "User {login} removed; the vault's key was renewed.",
    },
    "passwd_done": {"nl": "Wachtwoord gewijzigd.", "en": "Password changed."},
    "key_on_screen": {
        "nl": "De kluis bestaat al; schrijf deze herstelsleutel nu over en bewaar hem veilig:\n{key}",
        "en": "The vault exists already; copy this recovery key now and keep it safe:\n{key}",
    },
    "backup_done": {
        "nl": "Reservekopie geschreven en gecontroleerd: {path}",
        "en": "Backup written and verified: {path}",
    },
    "restore_done": {
        "nl": "Reservekopie teruggezet. De kluis van daarvoor staat als automatische "
        "reservekopie in {folder}.",
        "en": "Backup restored. The vault as it was before is kept as an automatic backup in "
        "{folder}.",
    },
    "restore_new": {
        "nl": "Reservekopie teruggezet in {path}.",
        "en": "Backup restored into {path}.",
    },
    "check_ok": {
        "nl": "Kluis in orde ({tables} tabellen, {rows} rijen).",
        "en": "Vault is sound ({tables} tables, {rows} rows).",
    },
    "warn_location": {
        "nl": "Waarschuwing: {path} lijkt een gesynchroniseerde of netwerkmap. Bewaar de kluis "
        "liefst lokaal.",
        "en": "Warning: {path} looks like a synced or network folder. Keep the vault local.",
    },
    "report_done": {"nl": "Rapport geschreven: {path}", "en": "Report written: {path}"},
    "bug": {
        "nl": "Onverwachte fout ({kind}); er is niets gewijzigd. Meld dit aan de ontwikkelaars "
        "met het verslag zonder persoonsgegevens in {report}.",
        "en": "Unexpected error ({kind}); nothing was changed. Please report this to the "
        "developers with the report without personal data in {report}.",
    },
    "see_help": {
        "nl": "{message} (zie '{prog} --help')",
        "en": "{message} (see '{prog} --help')",
    },
    "no_gui": {
        "nl": "De grafische interface kan niet starten: {error}",
        "en": "The graphical interface cannot start: {error}",
    },
    "import_template": {
        "nl": "Sjabloon geschreven: {path}",
        "en": "Template written: {path}",
    },
    "import_exists": {
        "nl": "{path} bestaat al. Kies een andere naam.",
        "en": "{path} already exists. Choose another name.",
    },
    "import_done": {"nl": "{count} aanmeldingen ingelezen.", "en": "{count} referrals imported."},
    "import_dry_run": {
        "nl": "Proef: {count} aanmeldingen zouden ingelezen worden; er is niets bewaard.",
        "en": "Dry run: {count} referrals would be imported; nothing was saved.",
    },
    "import_failed": {
        "nl": "Niets ingelezen: {count} problemen. Verbeter het bestand en probeer opnieuw.",
        "en": "Nothing imported: {count} problems. Correct the file and try again.",
    },
    "import_cell": {"nl": "rij {row}, kolom {column}", "en": "row {row}, column {column}"},
    "import_row": {"nl": "rij {row}", "en": "row {row}"},
    "import_file": {"nl": "bestand", "en": "file"},
    "import_warning": {"nl": "waarschuwing: {issue}", "en": "warning: {issue}"},
    "failed_unlocks": {
        "nl": "{count} mislukte pogingen sinds je laatste aanmelding.",
        "en": "{count} failed attempts since your last sign-in.",
    },
    "weak_password": {
        "nl": "Je wachtwoord voldoet niet meer aan de regels (minstens 12 tekens, moeilijk te "
        "raden). Kies een nieuw met 'amo-desktop passwd'.",
        "en": "Your password no longer meets the rules (at least 12 characters, hard to "
        "guess). Choose a new one with 'amo-desktop passwd'.",
    },
}


class Cli:
    """Holds the chosen language and data folder for one invocation."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang: str = args.lang or os.environ.get("AMO_LANG") or "nl"
        self.data_dir = resolve_data_dir(args.data_dir)
        self.outcome: accounts.UnlockOutcome | None = None  # what the unlock found, see finish
        self.asks_new = True  # False while the command changes the password itself

    def t(self, text_id: str, **params: object) -> str:
        return _TEXT[text_id][self.lang].format(**params)

    def say(self, text_id: str, **params: object) -> None:
        print(self.t(text_id, **params))

    def vault(self) -> Vault:
        return Vault(self.data_dir)  # the shipped Argon2id cost; no setting lowers it

    def secret(self, var: str, prompt_key: str, confirm: bool = False) -> str:
        value = os.environ.get(var)
        if value is not None:
            return value
        if not sys.stdin or not sys.stdin.isatty():
            raise _UsageError(self.t("no_input", var=var))
        first = getpass.getpass(self.t(prompt_key))
        if confirm and getpass.getpass(self.t("repeat")) != first:
            raise _UsageError(self.t("mismatch"))
        return first

    def login(self, vault: Vault) -> str:
        value = os.environ.get("AMO_USER")
        if value:
            return value
        slots = [s for s in vault.inventory().slots if s.kind == "password"]
        if len(slots) == 1:
            return slots[0].login
        if not sys.stdin or not sys.stdin.isatty():
            raise _UsageError(self.t("no_input", var="AMO_USER"))
        return input(self.t("user")).strip()

    def unlocked(self) -> Vault:
        vault = self.vault()
        login = self.login(vault)
        password = self.secret("AMO_PASSWORD", "password")
        self.outcome = accounts.unlock(vault, login, password, reset_failures=False)
        return vault

    def finish(self) -> None:
        """After a command that succeeded, on stderr: the failed attempts since the last
        unlock (then the count is reset) and a password below today's rule. A command that
        fails says only its error; the count waits for the next success."""
        outcome = self.outcome
        if outcome is None:
            return
        if outcome.failed_attempts:
            message = self.t("failed_unlocks", count=outcome.failed_attempts)
            print(f"amo-desktop: {message}", file=sys.stderr)
            with contextlib.suppress(KnownError):  # if not, told again next time
                self.vault().reset_failed_unlocks()
        if outcome.change_password and self.asks_new:
            print(f"amo-desktop: {self.t('weak_password')}", file=sys.stderr)


class _UsageError(Exception):
    pass


_BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def _safe(c: str) -> str:
    if unicodedata.category(c) in ("Cc", "Zl", "Zp") or c in _BIDI:
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
    return c


def one_line(text: str) -> str:
    """Text as one safe line: a control, line-separator or bidi character typed into an
    argument or a file is shown escaped, never splits the line or steers the terminal."""
    return "".join(_safe(c) for c in text)


class _Parser(argparse.ArgumentParser):
    """Wrong usage is one line on stderr and exit code 2, like every other refusal."""

    def error(self, message: str) -> NoReturn:
        lang = os.environ.get("AMO_LANG") if os.environ.get("AMO_LANG") in ("nl", "en") else "nl"
        line = _TEXT["see_help"][lang].format(message=message, prog=self.prog)
        self.exit(2, f"amo-desktop: {one_line(line)}\n")


# --- commands --------------------------------------------------------------------------
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
    from amo_desktop.reports import recovery as recovery_report  # reportlab: only when asked

    try:
        if out.suffix.lower() == ".pdf":
            import io

            buffer = io.BytesIO()
            recovery_report.render(args.org, vault.sidecar.vault_id, recovery, buffer)
            sheet = buffer.getvalue()
        else:
            sheet = recovery_report.text(args.org, vault.sidecar.vault_id, recovery).encode()
        try:
            save_output(out, sheet, cli.data_dir)
        except KnownError:
            print(cli.t("key_on_screen", key=recovery))  # the vault exists: the key must show
            raise
    finally:
        vault.lock()
    cli.say("created", path=cli.data_dir, keyfile=out)
    return 0


def cmd_user(cli: Cli) -> int:
    args = cli.args
    vault = cli.unlocked()
    try:
        caller = vault.identity
        if args.user_command == "add":
            password = cli.secret("AMO_NEW_PASSWORD", "new_password", confirm=True)
            info = accounts.add_user(
                vault, caller, args.login, args.role, args.full_name or "", password
            )
            cli.say("user_added", login=info.login, role=info.role)
        elif args.user_command == "remove":
            accounts.remove_user(vault, caller, args.login)
            cli.say("user_removed", login=args.login)
        else:
            users = accounts.list_users(vault, caller)
            if args.json:
                print(json.dumps([u.__dict__ for u in users], indent=2))
            for user in users if not args.json else []:
                print(f"{user.login}\t{user.role}\t{user.full_name}")
    finally:
        vault.lock()
    return 0


def cmd_passwd(cli: Cli) -> int:
    args = cli.args
    vault = cli.vault()
    if args.recovery_key:
        if not args.user:
            raise _UsageError("--recovery-key needs --user LOGIN")
        key = read_text_input(args.recovery_key, limit=1 << 20)
        new = cli.secret("AMO_NEW_PASSWORD", "new_password", confirm=True)
        accounts.reset_password_with_recovery(vault, args.user, _key_line(key), new)
        assert vault.identity is not None
        cli.outcome = accounts.UnlockOutcome(vault.identity, vault.failed_unlocks, False)
        vault.lock()
    else:
        login = args.user or cli.login(vault)
        old = cli.secret("AMO_PASSWORD", "password")
        cli.outcome = accounts.unlock(vault, login, old, reset_failures=False)
        cli.asks_new = False
        try:
            new = cli.secret("AMO_NEW_PASSWORD", "new_password", confirm=True)
            accounts.change_password(vault, vault.identity, old, new)
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


def cmd_backup(cli: Cli) -> int:
    vault = cli.unlocked()
    try:
        info = vault.backup(Path(cli.args.out))
    finally:
        vault.lock()
    cli.say("backup_done", path=info.path)
    return 0


def cmd_restore(cli: Cli) -> int:
    from amo_desktop.services.restore import restore_backup

    vault = cli.vault()
    login = os.environ.get("AMO_USER") or _ask_login(cli)
    replaced = vault.exists()
    restore_backup(vault, Path(cli.args.file), login, cli.secret("AMO_PASSWORD", "password"))
    vault.lock()
    if replaced:
        cli.say("restore_done", folder=vault.backup_dir)
    else:
        cli.say("restore_new", path=cli.data_dir)
    return 0


def _ask_login(cli: Cli) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise _UsageError(cli.t("no_input", var="AMO_USER"))
    return input(cli.t("user")).strip()


def cmd_check(cli: Cli) -> int:
    vault = cli.unlocked()
    try:
        counts = vault.check()
    finally:
        vault.lock()
    cli.say("check_ok", tables=len(counts), rows=sum(counts.values()))
    return 0


def cmd_inventory(cli: Cli) -> int:
    sidecar = cli.vault().inventory()
    data = {
        "vault_id": sidecar.vault_id,
        "organisation": sidecar.organisation,
        "created_at": sidecar.created_at,
        "last_backup_at": sidecar.last_backup_at,
        "schema_revision": sidecar.schema_revision,
        "app_version": sidecar.app_version,
        "key_generation": sidecar.current().generation,
        "users": [
            {"login": s.login, "role": s.role} for s in sidecar.slots if s.kind == "password"
        ],
        "recovery_key_slot": sidecar.recovery_slot() is not None,
    }
    if cli.args.json:
        print(json.dumps(data, indent=2))
        return 0
    for key, value in data.items():
        if key != "users":
            print(f"{key}: {value}")
    for user in data["users"]:  # type: ignore[attr-defined]
        print(f"user: {user['login']} ({user['role']})")
    return 0


def _print_rows(rows: list[dict[str, object]], as_json: bool, columns: list[str]) -> None:
    if as_json:
        print(json.dumps(rows, indent=2, default=str, ensure_ascii=False))
        return
    for row in rows:
        print("\t".join(str(row[c]) for c in columns))


def cmd_waitlist(cli: Cli) -> int:
    from amo_desktop.services import waitlist

    vault = cli.unlocked()
    try:
        with vault.session() as s:
            entries = waitlist.waiting_list(s, vault.identity, date.today())
    finally:
        vault.lock()
    rows = [dict(e.__dict__, reason=e.reason_text(cli.lang)) for e in entries]
    _print_rows(
        rows,
        cli.args.json,
        [
            "position",
            "received_on",
            "school_name",
            "subject_label",
            "urgency",
            "waiting_days",
            "reason",
        ],
    )
    return 0


def cmd_caseload(cli: Cli) -> int:
    from amo_desktop.services import trajectories

    vault = cli.unlocked()
    try:
        coach_id = None
        if cli.args.coach:
            slot = vault.sidecar.slot_for_login(cli.args.coach)
            if slot is None:
                raise ValidationError(
                    "coach",
                    f"Er is geen gebruiker '{cli.args.coach}'.",
                    f"There is no user '{cli.args.coach}'.",
                )
            coach_id = slot.user_id
        with vault.session() as s:
            items = trajectories.my_caseload(s, vault.identity, coach_id=coach_id)
    finally:
        vault.lock()
    rows = [{k: v for k, v in t.__dict__.items() if k != "goals"} for t in items]
    _print_rows(rows, cli.args.json, ["start_on", "status", "offer_type", "subject_label"])
    return 0


def cmd_retention(cli: Cli) -> int:
    from amo_desktop.services import retention

    vault = cli.unlocked()
    try:
        with vault.session() as s:
            items = retention.due(s, vault.identity, date.today())
    finally:
        vault.lock()
    _print_rows([i.__dict__ for i in items], cli.args.json, ["due_on", "youth_id", "rule"])
    return 0


def cmd_import(cli: Cli) -> int:
    from amo_desktop.services import importer

    args = cli.args
    if args.import_command == "template":
        out = check_output(args.out, cli.data_dir)
        if out.exists():
            raise ValidationError("out", cli.t("import_exists", path=out))
        with tempfile.TemporaryDirectory(prefix="amo-template-") as folder:
            made = importer.write_template(Path(folder) / "template.xlsx")
            cli.say("import_template", path=save_output(out, made, cli.data_dir))
        return 0
    vault = cli.unlocked()
    try:
        caller = vault.identity
        assert caller is not None
        with vault.session() as s:
            report = importer.import_referrals(
                s, caller, Path(args.file), date.today(), dry_run=args.dry_run
            )
    finally:
        vault.lock()

    def where(issue: importer.ImportIssue) -> str:
        if not issue.row:
            return cli.t("import_file")
        if not issue.column:
            return cli.t("import_row", row=issue.row)
        return cli.t("import_cell", row=issue.row, column=issue.column)

    for warning in report.warnings:
        issue = f"{where(warning)}: {warning.message}"
        print(cli.t("import_warning", issue=issue), file=sys.stderr)
    if report.problems:
        for problem in report.problems:
            print(f"{where(problem)}: {problem.message}", file=sys.stderr)
        print(f"amo-desktop: {cli.t('import_failed', count=len(report.problems))}", file=sys.stderr)
        return 1
    cli.say("import_dry_run" if args.dry_run else "import_done", count=report.created)
    return 0


def cmd_report(cli: Cli) -> int:
    from amo_desktop.cli_reports import run

    return run(cli)


def cmd_exchange(cli: Cli) -> int:
    return cli_exchange.run(cli)


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


def start_gui(cli: Cli) -> int:
    try:
        from amo_desktop.app import run_app
    except ImportError as exc:
        print(cli.t("no_gui", error=exc), file=sys.stderr)
        return 1
    # Without --lang or AMO_LANG the GUI uses the language chosen in its settings.
    chosen = cli.args.lang or os.environ.get("AMO_LANG")
    return run_app(cli.data_dir, chosen, demo=cli.args.demo)


# --- parser ----------------------------------------------------------------------------
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

    init = sub.add_parser("init", help="create a new vault with its team leader")
    init.add_argument("--org", required=True)
    init.add_argument("--user", required=True)
    init.add_argument("--full-name")
    init.add_argument("--recovery-key-out", required=True)
    init.set_defaults(func=cmd_init)

    user = sub.add_parser("user", help="manage users")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add")
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=["coach", "teamleader"])
    add.add_argument("--full-name")
    remove = user_sub.add_parser("remove")
    remove.add_argument("login")
    listing = user_sub.add_parser("list")
    listing.add_argument("--json", action="store_true")
    user.set_defaults(func=cmd_user, json=False)

    passwd = sub.add_parser("passwd", help="change a password, or reset it with the recovery key")
    passwd.add_argument("--user")
    passwd.add_argument("--recovery-key", metavar="FILE")
    passwd.set_defaults(func=cmd_passwd)

    backup = sub.add_parser("backup", help="write a verified, encrypted backup")
    backup.add_argument("--out", required=True)
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="restore a backup (the current vault is kept aside)")
    restore.add_argument("file")
    restore.set_defaults(func=cmd_restore)

    check = sub.add_parser("check", help="full integrity checks")
    check.set_defaults(func=cmd_check)

    waiting = sub.add_parser("waitlist", help="the waiting list in order, with the reason")
    waiting.add_argument("--json", action="store_true")
    waiting.set_defaults(func=cmd_waitlist)

    caseload = sub.add_parser(
        "caseload", help="running and planned trajectories (yours, or a coach's)"
    )
    caseload.add_argument("--coach", metavar="LOGIN")
    caseload.add_argument("--json", action="store_true")
    caseload.set_defaults(func=cmd_caseload)

    retention = sub.add_parser("retention", help="retention: what is due for anonymising")
    retention_sub = retention.add_subparsers(dest="retention_command", required=True)
    retention_due = retention_sub.add_parser("due")
    retention_due.add_argument("--json", action="store_true")
    retention.set_defaults(func=cmd_retention)

    importing = sub.add_parser("import", help="import referrals from .xlsx or .csv")
    import_sub = importing.add_subparsers(dest="import_command", required=True)
    template = import_sub.add_parser("template", help="write an empty .xlsx to fill in")
    template.add_argument("--out", required=True, metavar="FILE")
    referrals = import_sub.add_parser("referrals", help="import a filled file (all or nothing)")
    referrals.add_argument("file", metavar="FILE")
    referrals.add_argument("--dry-run", action="store_true", help="check only, save nothing")
    importing.set_defaults(func=cmd_import)

    add_report_parser(sub, cmd_report)
    cli_exchange.add_parser(sub, cmd_exchange)

    selftest = sub.add_parser("selftest", help="prove encryption works in this program")
    selftest.set_defaults(func=cmd_selftest)

    inventory = sub.add_parser("inventory", help="what the key file tells without a password")
    inventory.add_argument("--json", action="store_true")
    inventory.set_defaults(func=cmd_inventory)

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
    demo.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    cli = Cli(args)
    handler: Callable[[Cli], int]
    if args.selftest:
        handler = cmd_selftest
    elif args.command is None:
        handler = start_gui
    else:
        handler = args.func
    try:
        if handler not in (cmd_selftest, cmd_inventory):
            configure_logging(cli.data_dir)
        code = handler(cli)
        if code == 0:
            cli.finish()
        return code
    except KnownError as exc:
        field = f"{exc.field}: " if isinstance(exc, ValidationError) else ""
        print(f"amo-desktop: {one_line(field + exc.message(cli.lang))}", file=sys.stderr)
        return 1
    except _UsageError as exc:
        print(f"amo-desktop: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 1
    except BrokenPipeError:  # the reader stopped early (`| head`, `grep -q`): no crash report
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        report = write_crash_report(log_dir(cli.data_dir), type(exc), exc)
        kind = type(exc).__name__
        print(f"amo-desktop: {cli.t('bug', kind=kind, report=report or '-')}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
