"""`amo-desktop report …`: every report from the command line; the extension picks the format."""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.storage.atomic import write_atomic
from amo_desktop.storage.errors import ValidationError

if TYPE_CHECKING:
    from amo_desktop.cli import Cli

KINDS = ("steering", "school", "funder", "signal", "planning", "trajectory", "access")
FORMATS = (".pdf", ".xlsx", ".json")


def add_parser(sub: Any, handler: Any) -> None:
    report = sub.add_parser("report", help="print a report to PDF, Excel or JSON")
    report.add_argument("kind", choices=KINDS)
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
    report.add_argument("--audience", choices=["dossier", "school", "clb"], default="dossier")
    report.add_argument("--reason", help="access: why the export is made (required)")
    report.add_argument("--feedback-file", metavar="FILE", help="steering: feedback text")
    report.add_argument(
        "--save-meeting",
        type=int,
        choices=[1, 2, 3],
        metavar="N",
        help="steering: freeze these figures as meeting N of the school year",
    )
    report.add_argument(
        "--meeting",
        type=int,
        choices=[1, 2, 3],
        metavar="N",
        help="steering: reprint frozen meeting N (with --school-year)",
    )
    report.add_argument("--out", required=True, metavar="FILE")
    report.set_defaults(func=handler)


def parse_day(text: str, field: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValidationError(
        field,
        f"Schrijf de datum als jjjj-mm-dd of dd/mm/jjjj: {text}",
        f"Write the date as yyyy-mm-dd or dd/mm/yyyy: {text}",
    )


def period(args: argparse.Namespace, today: date) -> tuple[date, date]:
    if args.first or args.last:
        if not (args.first and args.last):
            raise ValidationError("from", "Geef --from en --to samen.", "Give --from and --to.")
        return parse_day(args.first, "from"), parse_day(args.last, "to")
    if args.school_year:
        try:
            year = SchoolYear.parse(args.school_year)
        except ValueError as exc:
            raise ValidationError(
                "school-year",
                "Schrijf het schooljaar als 2025-2026.",
                "Write the school year as 2025-2026.",
            ) from exc
        return year.start, year.end
    year = SchoolYear.of(today)
    return year.start, min(today, year.end)


def run(cli: Cli) -> int:
    from amo_desktop.reports import access, funder, planning, signal, steering, trajectory
    from amo_desktop.reports.excel import rows_of, to_json
    from amo_desktop.services import reference, reporting, subject_access

    args = cli.args
    out = Path(args.out)
    if out.suffix.lower() not in FORMATS:
        raise ValidationError(
            "out",
            "Kies een bestand op .pdf, .xlsx of .json.",
            "Choose a .pdf, .xlsx or .json file.",
        )
    today = date.today()
    vault = cli.unlocked()
    try:
        caller = vault.identity
        organisation = vault.sidecar.organisation
        author = caller.login if caller else ""
        with vault.session() as s:
            data: Any
            sheets: dict[str, list[list[Any]]]
            if args.kind in ("steering", "school"):
                school_id = None
                if args.kind == "school":
                    school_id = _school_id(reference.list_schools(s, caller), args.school)
                first, last = period(args, today)
                feedback = Path(args.feedback_file).read_text("utf-8") if args.feedback_file else ""
                data = reporting.steering_data(
                    s, caller, organisation, first, last, today, school_id, feedback
                )
                pdf = lambda target: steering.render(data, target, author)  # noqa: E731
                sheets = steering.as_rows(data)
            elif args.kind == "signal":
                if not args.municipality:
                    raise ValidationError(
                        "municipality", "Geef --municipality (de gemeente).", "Give --municipality."
                    )
                first, last = period(args, today)
                data = reporting.signal_data(
                    s, caller, organisation, args.municipality, first, last, today
                )
                pdf = lambda target: signal.render(data, target, author)  # noqa: E731
                sheets = {
                    "Thema's": [
                        ["Thema", "Aantal"],
                        *[
                            [k, v if v >= 5 or v == 0 else "<5"]
                            for k, v in sorted(data.figures.referrals_by_reason.items())
                        ],
                    ]
                }
            elif args.kind == "funder":
                funders = {f.name.casefold(): f.id for f in reference.list_funders(s, caller)}
                funder_id = funders.get((args.funder or "").casefold())
                if funder_id is None:
                    raise ValidationError(
                        "funder",
                        f"Onbekende financier: {args.funder}",
                        f"Unknown funder: {args.funder}",
                    )
                first, last = period(args, today)
                data = reporting.funder_data(s, caller, organisation, funder_id, first, last, today)
                pdf = lambda target: funder.render(data, target, author)  # noqa: E731
                sheets = {"Per school": rows_of(data.rows)}
            elif args.kind == "planning":
                coach_id = _coach_id(vault, args.coach)
                day = parse_day(args.week, "week") if args.week else today
                data = reporting.planning_data(
                    s, caller, organisation, day - timedelta(days=day.weekday()), coach_id
                )
                pdf = lambda target: planning.render(data, target, author)  # noqa: E731
                sheets = {"Planning": rows_of(data.lines)}
            elif args.kind == "trajectory":
                data = reporting.trajectory_data(
                    s, caller, organisation, _pupil(args), args.audience, today
                )
                pdf = lambda target: trajectory.render(data, target, author)  # noqa: E731
                sheets = {
                    "Contactmomenten": rows_of([x for t in data.trajectories for x in t.sessions])
                }
            else:
                data = subject_access.access_export(s, caller, _pupil(args), args.reason or "")
                pdf = lambda target: access.render(data, organisation, target, author)  # noqa: E731
                sheets = {name[:31]: rows_of(rows) for name, rows in data.tables.items()}
        _write(out, pdf, sheets, lambda: to_json(data))
    finally:
        vault.lock()
    print(cli.t("report_done", path=out))
    return 0


def _write(out: Path, pdf: Any, sheets: dict[str, list[list[Any]]], json_text: Any) -> None:
    import io

    suffix = out.suffix.lower()
    if suffix == ".pdf":
        buffer = io.BytesIO()
        pdf(buffer)
        write_atomic(out, buffer.getvalue())
    elif suffix == ".xlsx":
        from amo_desktop.reports.excel import write_xlsx

        tmp = out.with_name(f".{out.name}.tmp")
        write_xlsx(tmp, sheets)
        tmp.replace(out)
    else:
        write_atomic(out, json_text().encode("utf-8"))


def _school_id(schools: list[Any], name: str | None) -> str:
    wanted = (name or "").strip().casefold()
    for school in schools:
        if wanted in (school.name.casefold(), school.short_name.casefold()):
            return str(school.id)
    raise ValidationError("school", f"Onbekende school: {name}", f"Unknown school: {name}")


def _coach_id(vault: Any, login: str | None) -> str | None:
    if not login:
        return None
    slot = vault.sidecar.slot_for_login(login)
    if slot is None:
        raise ValidationError("coach", f"Er is geen gebruiker '{login}'.", f"No user '{login}'.")
    return str(slot.user_id)


def _pupil(args: argparse.Namespace) -> str:
    if not args.pupil:
        raise ValidationError("pupil", "Geef --pupil (de id van de jongere).", "Give --pupil.")
    return str(args.pupil)
