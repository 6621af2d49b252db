"""`amo-desktop report …`: every report from the command line; the extension picks the format."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import TYPE_CHECKING

from amo_desktop.cli.invocation import Cli
from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.identity import Identity
from amo_desktop.errors import ValidationError
from amo_desktop.storage.inputs import read_text_input
from amo_desktop.storage.outputs import check_output
from amo_desktop.storage.vault import Vault

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from amo_desktop.services.reference import SchoolInfo
    from amo_desktop.services.report_jobs import ReportRequest, ReportResult

FORMATS = (".pdf", ".xlsx", ".json")


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


def _receipt(
    s: Session, caller: Identity, organisation: str, referral: str | None, today: date
) -> ReportResult:
    """The school's receipt for one referral (services/receipts.py)."""
    from amo_desktop.services import receipts

    if not referral:
        raise ValidationError(
            "referral", "Geef de aanmelding met --referral ID.", "Give the referral: --referral ID."
        )
    return receipts.receipt(s, caller, organisation, referral, today)


def run(cli: Cli) -> int:
    from amo_desktop.reports.excel import write_report
    from amo_desktop.services import report_jobs

    args = cli.args
    out = check_output(args.out, cli.data_dir)
    if out.suffix.lower() not in FORMATS:
        raise ValidationError(
            "out",
            "Kies een bestand op .pdf, .xlsx of .json.",
            "Choose a .pdf, .xlsx or .json file.",
        )
    if args.kind == "receipt" and out.suffix.lower() != ".pdf":
        raise ValidationError(
            "out",
            "Een ontvangstbevestiging is een PDF: kies een .pdf-bestand.",
            "A receipt is a PDF: choose a .pdf file.",
        )
    today = date.today()
    first, last = period(args, today)
    with cli.unlocked() as (vault, caller), vault.session() as s:
        if args.kind == "receipt":
            result = _receipt(s, caller, vault.sidecar.organisation, args.referral, today)
        else:
            request = _request(s, vault, caller, args, (first, last))
            result = report_jobs.build(s, caller, vault.sidecar.organisation, request, today)
        write_report(out, result.pdf, result.sheets, result.json_text, protect=cli.data_dir)
        report_jobs.record_output(s, caller, result.kind, result.entity_id, "saved")
    cli.say("report_done", path=out)
    return 0


def _request(
    s: Session, vault: Vault, caller: Identity, args: argparse.Namespace, days: tuple[date, date]
) -> ReportRequest:
    """The report asked on the command line, its names turned into ids and its options checked."""
    from amo_desktop.services.report_jobs import ReportRequest

    first, last = days
    school_id, funder_id = _school_and_funder(s, caller, args)
    if args.kind == "signal" and not args.municipality:
        raise ValidationError(
            "municipality", "Geef --municipality (de gemeente).", "Give --municipality."
        )
    if args.kind in ("trajectory", "access") and not args.pupil:
        raise ValidationError("pupil", "Geef --pupil (de id van de jongere).", "Give --pupil.")
    return ReportRequest(
        kind=args.kind,
        first=first,
        last=last,
        school_id=school_id,
        funder_id=funder_id,
        municipality=args.municipality or "",
        coach_id=_coach_id(vault, args.coach),
        week=parse_day(args.week, "week") if args.week else None,
        pupil_id=args.pupil,
        audience=args.audience,
        reason=args.reason or "",
        feedback=(
            read_text_input(args.feedback_file, limit=1 << 20) if args.feedback_file else None
        ),
        save_as_meeting=args.save_meeting,
        meeting=(
            (SchoolYear.of(first).start_year, args.meeting)
            if args.meeting and args.kind == "steering"
            else None
        ),
    )


def _school_and_funder(
    s: Session, caller: Identity, args: argparse.Namespace
) -> tuple[str | None, str | None]:
    """The school's id for a school report, the funder's for a funder report."""
    from amo_desktop.services import reference

    school_id = funder_id = None
    if args.kind == "school":
        school_id = _school_id(reference.list_schools(s, caller), args.school)
    if args.kind == "funder":
        funders = {f.name.casefold(): f.id for f in reference.list_funders(s, caller)}
        funder_id = funders.get((args.funder or "").casefold())
        if funder_id is None:
            raise ValidationError(
                "funder",
                f"Onbekende financier: {args.funder}",
                f"Unknown funder: {args.funder}",
            )
    return school_id, funder_id


def _school_id(schools: list[SchoolInfo], name: str | None) -> str:
    wanted = (name or "").strip().casefold()
    for school in schools:
        if wanted in (school.name.casefold(), school.short_name.casefold()):
            return str(school.id)
    raise ValidationError("school", f"Onbekende school: {name}", f"Unknown school: {name}")


def _coach_id(vault: Vault, login: str | None) -> str | None:
    if not login:
        return None
    slot = vault.sidecar.slot_for_login(login)
    if slot is None:
        raise ValidationError("coach", f"Er is geen gebruiker '{login}'.", f"No user '{login}'.")
    return str(slot.user_id)
