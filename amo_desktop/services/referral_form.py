"""The referral form a school fills in offline: making it for one school, reading a filled one
back into the referral the intake form would make, and registering it the intake's way.

Reading checks the file (`_form_read`: limits, no scripts, fields only), that the form is this
team's and not from a newer program, then maps every field to `ReferralInput` and collects every
problem by the intake's own rules (`referral_problems`), each tied to its field. Nothing is saved
until `register_form` (the intake's `register_referral`); the file itself is never kept.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from amo_desktop.domain.enums import Channel, ReferralReason, ReferralStatus
from amo_desktop.domain.exchange import SyncState
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import User
from amo_desktop.domain.reference import School
from amo_desktop.errors import (
    FormNewerError,
    FormNotOursError,
    FormOddError,
    FormOtherTeamError,
    KnownError,
    ValidationError,
)
from amo_desktop.reports import referral_form as spec
from amo_desktop.services import audit, intake
from amo_desktop.services._form_read import BUTTON, CHOICE, TEXT, FormFile, read_form_file
from amo_desktop.services._validation import referral_problems
from amo_desktop.services.authz import TEAMLEADER_ROLES, requires
from amo_desktop.storage.outputs import check_output, save_output
from amo_desktop.storage.vault import Vault

DATE_FORMAT = "%d/%m/%Y"


@dataclass
class FormReading:
    """A filled form as the intake form would receive it, with every problem by field."""

    data: intake.ReferralInput
    form_id: str
    school_name: str
    birth_text: str = ""  # the birth date as typed, also when it is not a date
    problems: list[ValidationError] = field(default_factory=list)


@dataclass
class FormImport:
    """What `import_forms` did: the referrals made, or per file why nothing was."""

    created: list[intake.ReferralSummary] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, one line)


def _today() -> date:
    return datetime.now(UTC).date()


def _team_ids(vault: Vault, s: Session) -> tuple[str, set[str]]:
    """The id new forms carry (the team's once there is one) and every id this vault accepts."""
    state = s.get(SyncState, 1)
    team = state.team_id if state is not None and state.team_id else None
    own = vault.sidecar.vault_id
    return team or own, {own} | ({team} if team else set())


def _school(s: Session, wanted: str) -> School:
    """A school by id, name or short name (any case)."""
    school = s.get(School, wanted)
    if school is None:
        folded = wanted.strip().casefold()
        school = s.scalars(
            select(School)
            .where(
                or_(
                    func.amo_fold(School.name) == folded, func.amo_fold(School.short_name) == folded
                )
            )
            .order_by(School.active.desc(), School.name)
        ).first()
    if school is None:
        raise ValidationError(
            "school",
            f"Er is geen school '{wanted}'. Kies een school uit Beheer › Scholen.",
            f"There is no school '{wanted}'. Choose a school from Beheer › Scholen.",
        )
    return school


@requires(TEAMLEADER_ROLES)
def make_form(
    vault: Vault,
    caller: Identity,
    school: str,
    for_class: bool,
    target: Path | str,
    today: date | None = None,
) -> Path:
    """Writes the fillable form for one school (by id or name) to target; returns the path."""
    out = check_output(target, vault.data_dir)
    today = today or _today()
    with vault.session() as s:
        found = _school(s, school)
        new_id, _accepted = _team_ids(vault, s)
        leader = s.get(User, caller.user_id)
        kind = spec.CLASS if for_class else spec.PUPIL
        identity = spec.FormIdentity(
            spec.FORM_VERSION, new_id, found.id, kind, secrets.token_hex(6)
        )
        header = spec.FormHeader(
            vault.sidecar.organisation,
            leader.full_name if leader is not None else "",
            found.name,
            today.strftime(DATE_FORMAT),
        )
        pdf = spec.render(header, identity)
        written = save_output(out, pdf, vault.data_dir)
        detail = f"aanmeldingsformulier {identity.nonce}"
        audit.record(s, caller.user_id, "form", "school", found.id, detail)
    return written


@requires(TEAMLEADER_ROLES)
def read_form(
    vault: Vault, caller: Identity, path: Path | str, today: date | None = None
) -> FormReading:
    """A filled form as the referral the intake form would make; nothing is saved."""
    today = today or _today()
    found = read_form_file(path)
    with vault.session() as s:
        _new, accepted = _team_ids(vault, s)
        identity = _identity(found, accepted)
        reading = _reading(found, identity, today)
        school = s.get(School, identity.school_id)
        reading.school_name = school.name if school is not None else ""
        _add_problems(reading, referral_problems(s, reading.data, today))
    return reading


def _identity(found: FormFile, accepted: set[str]) -> spec.FormIdentity:
    """The form's own id: ours, for this team, from this version or an older one."""
    id_field = found.fields.get(spec.ID_FIELD)
    text = id_field.value if id_field is not None and id_field.kind == TEXT else found.keywords
    identity = spec.FormIdentity.parse(str(text))
    if identity is None or identity.kind not in (spec.PUPIL, spec.CLASS):
        raise FormNotOursError()
    if identity.version > spec.FORM_VERSION:
        raise FormNewerError()
    if identity.team_id not in accepted:
        raise FormOtherTeamError()
    return identity


def _expect(found: FormFile, name: str, kind: str) -> str | bool | None:
    """A field's value when the form has it, refused when it has the wrong type."""
    value = found.fields.get(name)
    if value is None:
        return None
    if value.kind != kind:
        raise FormOddError(detail=f"veld {name}", detail_en=f"field {name}")
    return value.value


def _text(found: FormFile, name: str) -> str:
    """A text as the intake form holds it: line breaks as \\n (PDFium saves \\r\\n), trimmed."""
    value = _expect(found, name, TEXT)
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _checked(found: FormFile, name: str) -> bool:
    return _expect(found, name, BUTTON) is True


def _choice(found: FormFile, name: str, default: str, problems: list[ValidationError]) -> str:
    """A choice's code; a code or label that is not on the list is a problem beside it."""
    value = _expect(found, name, CHOICE)
    text = str(value).strip() if value is not None else ""
    if not text or text == spec.UNCHOSEN:
        return default
    enum = spec.CHOICES[name]
    try:
        return str(enum.parse(text).value)
    except ValueError:
        problems.append(
            ValidationError(name, "Kies een waarde uit de lijst.", "Choose a value from the list.")
        )
        return default


def _date(text: str, name: str, problems: list[ValidationError]) -> date | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, DATE_FORMAT).date()
    except ValueError:
        # The date field beside it cannot hold bad text: say what the school wrote.
        written = text if len(text) <= 30 else text[:29] + "…"
        problems.append(
            ValidationError(
                name,
                f"Op het formulier staat '{written}': vul de datum in als dd/mm/jjjj, "
                "bv. 14/03/2011.",
                f"The form says '{written}': fill in the date as dd/mm/yyyy, e.g. 14/03/2011.",
            )
        )
        return None


def _reading(found: FormFile, identity: spec.FormIdentity, today: date) -> FormReading:
    """Every field of the form mapped to the intake's input, the problems met on the way."""
    problems: list[ValidationError] = []
    is_class = identity.kind == spec.CLASS
    count = _text(found, "class_pupil_count") if is_class else ""
    birth_text = "" if is_class else _text(found, "youth_birth_date")
    data = intake.ReferralInput(
        received_on=_date(_text(found, "received_on"), "received_on", problems) or today,
        school_id=identity.school_id,
        subject_kind=identity.kind,
        offer_type=_choice(found, "offer_type", "", problems),
        prevention_level=_choice(found, "prevention_level", "", problems),
        reasons=[r.value for r in ReferralReason if _checked(found, spec.REASON_PREFIX + r.value)],
        help_question=_text(found, "help_question"),
        channel=Channel.FORMULIER.value,
        referrer_name=_text(found, "referrer_name"),
        referrer_function=_choice(found, "referrer_function", "zorgcoordinator", problems),
        referrer_org=_text(found, "referrer_org"),
        via_clb=_checked(found, "via_clb"),
        urgency=_choice(found, "urgency", "normaal", problems),
        care_phase=_choice(found, "care_phase", "onbekend", problems),
        actions_taken=_text(found, "actions_taken"),
        consent_youth=_checked(found, "consent_youth"),
        parents_informed=_checked(found, "parents_informed"),
        youth_first_name="" if is_class else _text(found, "youth_first_name"),
        youth_last_name="" if is_class else _text(found, "youth_last_name"),
        youth_birth_date=_date(birth_text, "youth_birth_date", problems),
        youth_gender="nvt" if is_class else _choice(found, "youth_gender", "nvt", problems),
        class_label="" if is_class else _text(found, "class_label"),
        study_year=_text(found, "study_year"),
        class_group_label=_text(found, "class_group_label") if is_class else "",
        class_pupil_count=int(count) if count.isdigit() and len(count) < 4 else 0,
    )
    return FormReading(data, identity.nonce, "", birth_text, problems)


def _add_problems(reading: FormReading, found: list[ValidationError]) -> None:
    """The intake's problems after the form's own, one per field."""
    seen = {p.field for p in reading.problems}
    for problem in found:
        if problem.field not in seen:
            seen.add(problem.field)
            reading.problems.append(problem)


@requires(TEAMLEADER_ROLES)
def register_form(
    s: Session,
    caller: Identity,
    data: intake.ReferralInput,
    form_id: str,
    confirm_duplicate: bool = False,
    today: date | None = None,
    next_status: str | None = ReferralStatus.WACHTLIJST.value,
) -> intake.ReferralSummary:
    """The intake's own registration of a referral read from a form; the audit notes the form."""
    summary = intake.register_referral(
        s, caller, data, confirm_duplicate=confirm_duplicate, today=today, next_status=next_status
    )
    audit.record(s, caller.user_id, "import", "referral", summary.id, f"formulier {form_id}")
    return summary


@requires(TEAMLEADER_ROLES)
def import_forms(
    vault: Vault, caller: Identity, paths: list[Path], today: date | None = None, lang: str = "nl"
) -> FormImport:
    """Reads every form and registers them all on the waiting list, or none if any is wrong."""
    today = today or _today()
    result = FormImport()
    readings: list[tuple[Path, FormReading]] = []
    for path in paths:
        try:
            reading = read_form(vault, caller, path, today)
        except KnownError as exc:
            result.problems.append((str(path), exc.message(lang)))
            continue
        result.problems += [(str(path), _problem_line(p, lang)) for p in reading.problems]
        readings.append((path, reading))
    if result.problems:
        return result
    with vault.session() as s:
        savepoint = s.begin_nested()
        for path, reading in readings:
            try:
                result.created.append(
                    register_form(s, caller, reading.data, reading.form_id, today=today)
                )
            except ValidationError as exc:
                result.problems.append((str(path), _problem_line(exc, lang)))
        if result.problems:
            savepoint.rollback()
            result.created = []
        else:
            savepoint.commit()
    return result


def _problem_line(problem: ValidationError, lang: str) -> str:
    label = spec.LABELS.get(problem.field, problem.field)
    return f"{label}: {problem.message(lang)}"
