"""The commands on the caseload's data: waitlist, caseload, retention due and import."""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from amo_desktop.cli.invocation import Cli
from amo_desktop.errors import ValidationError
from amo_desktop.storage.outputs import check_output, save_output

if TYPE_CHECKING:
    from amo_desktop.services.importer import ImportIssue

_WAITLIST_COLUMNS = [
    "position",
    "received_on",
    "school_name",
    "subject_label",
    "urgency",
    "waiting_days",
    "reason",
]


def _print_rows(rows: list[dict[str, object]], as_json: bool, columns: list[str]) -> None:
    if as_json:
        print(json.dumps(rows, indent=2, default=str, ensure_ascii=False))
        return
    for row in rows:
        print("\t".join(str(row[c]) for c in columns))


def cmd_waitlist(cli: Cli) -> int:
    from amo_desktop.services import waitlist

    with cli.unlocked() as (vault, caller), vault.session() as s:
        entries = waitlist.waiting_list(s, caller, date.today())
    # `expected` is the app's column (wait_estimate), not asked here: the rows stay as they were
    rows = [
        {
            **{k: v for k, v in e.__dict__.items() if k != "expected"},
            "reason": e.reason_text(cli.lang),
        }
        for e in entries
    ]
    _print_rows(rows, cli.args.json, _WAITLIST_COLUMNS)
    return 0


def cmd_caseload(cli: Cli) -> int:
    from amo_desktop.services import trajectories

    with cli.unlocked() as (vault, caller):
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
            items = trajectories.my_caseload(s, caller, coach_id=coach_id)
    rows = [{k: v for k, v in t.__dict__.items() if k != "goals"} for t in items]
    _print_rows(rows, cli.args.json, ["start_on", "status", "offer_type", "subject_label"])
    return 0


def cmd_retention(cli: Cli) -> int:
    from amo_desktop.services import retention

    with cli.unlocked() as (vault, caller), vault.session() as s:
        items = retention.due(s, caller, date.today())
    _print_rows([i.__dict__ for i in items], cli.args.json, ["due_on", "youth_id", "rule"])
    return 0


def cmd_import(cli: Cli) -> int:
    from amo_desktop.services import importer

    args = cli.args
    if args.import_command == "template":
        out = check_output(args.out, cli.data_dir)
        if out.exists():
            raise ValidationError("out", cli.t("exists", path=out))
        with tempfile.TemporaryDirectory(prefix="amo-template-") as folder:
            made = importer.write_template(Path(folder) / "template.xlsx")
            cli.say("import_template", path=save_output(out, made, cli.data_dir))
        return 0
    with cli.unlocked() as (vault, caller), vault.session() as s:
        report = importer.import_referrals(
            s, caller, Path(args.file), date.today(), dry_run=args.dry_run
        )
    for warning in report.warnings:
        issue = f"{_where(cli, warning)}: {warning.message}"
        print(cli.t("import_warning", issue=issue), file=sys.stderr)
    if report.problems:
        for problem in report.problems:
            print(f"{_where(cli, problem)}: {problem.message}", file=sys.stderr)
        print(f"amo-desktop: {cli.t('import_failed', count=len(report.problems))}", file=sys.stderr)
        return 1
    cli.say("import_dry_run" if args.dry_run else "import_done", count=report.created)
    return 0


def _where(cli: Cli, issue: ImportIssue) -> str:
    """Where in the file an import issue is: the file, a row, or a cell."""
    if not issue.row:
        return cli.t("import_file")
    if not issue.column:
        return cli.t("import_row", row=issue.row)
    return cli.t("import_cell", row=issue.row, column=issue.column)
