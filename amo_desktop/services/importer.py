"""Importing referrals from a spreadsheet (.xlsx or .csv) with Dutch column headers.

All or nothing: every row is checked first and every problem is listed with its row number (as
the spreadsheet shows it) and column header; a file with any problem imports nothing. The
columns, values and choices are documented in docs/import.md.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.enums import (
    Channel,
    ClosureReason,
    Function,
    Gender,
    GoalEvaluation,
    GuidanceDomain,
    LabeledEnum,
    NoStartReason,
    OfferType,
    PreventionLevel,
    ReferralReason,
    ReferralStatus,
    SchoolOutcome,
    SubjectKind,
    Urgency,
)
from amo_desktop.domain.models import User
from amo_desktop.domain.reference import School
from amo_desktop.services import audit, intake, reference, trajectories
from amo_desktop.services.authz import TEAMLEADER_ROLES, public, requires
from amo_desktop.services.intake import DuplicateReferralError, ReferralInput
from amo_desktop.storage.errors import ValidationError
from amo_desktop.storage.vault import Identity

MAIN_SHEET = "Aanmeldingen"
HELP_SHEET = "Toelichting"
MAX_ROWS = 20_000

S = ReferralStatus

# Statuses that lead to a trajectory, and those that end the referral without one.
_WITH_TRAJECTORY = (S.TOEGEWEZEN, S.GESTART, S.AFGESLOTEN)
_STARTED = (S.GESTART, S.AFGESLOTEN)
_ENDED_WITHOUT_TRAJECTORY = (S.NIET_GESTART, S.DOORVERWEZEN, S.INGETROKKEN)

# When 'Doelen bereikt' is imported, one goal is recorded as reached (the app only accepts that
# closure reason with a reached goal). Its domain comes from `doeldomein`, else from the first
# reason through this table, else 'psychisch_sociaal'.
_DOMAIN_FOR_REASON = {
    "spijbelen": "schoolbinding",
    "schoolweigering": "schoolbinding",
    "schoolmoeheid": "schoolbinding",
    "studiekeuze": "onderwijsloopbaan",
    "nieuwkomer": "onderwijsloopbaan",
    "thuissituatie": "context_gezin",
    "middelengebruik": "gezondheid",
}
_DEFAULT_DOMAIN = "psychisch_sociaal"
IMPORTED_GOAL = "Doelen bereikt (ingelezen uit een importbestand, zonder details)"


@dataclass(frozen=True)
class Column:
    header: str
    required: bool  # the column must be present (a value may still be optional per row)
    explanation: str
    enum: type[LabeledEnum] | None = None
    example: object = None


COLUMNS: tuple[Column, ...] = (
    Column(
        "datum_aanmelding",
        True,
        "Datum waarop de aanmelding binnenkwam: JJJJ-MM-DD of dd/mm/jjjj. Verplicht.",
        example=date(2025, 10, 6),
    ),
    Column(
        "school",
        True,
        "Naam van de school. Een onbekende school wordt aangemaakt. Verplicht.",
        example="Voorbeeldschool (wis deze rij)",
    ),
    Column(
        "onderwerp",
        True,
        "Over wie gaat de aanmelding. Verplicht.",
        SubjectKind,
        SubjectKind.JONGERE.label,
    ),
    Column("voornaam", False, "Voornaam van de jongere (verplicht bij een jongere).", None, "Sam"),
    Column(
        "achternaam",
        False,
        "Achternaam van de jongere (verplicht bij een jongere).",
        None,
        "Voorbeeld",
    ),
    Column(
        "geboortedatum",
        False,
        "Geboortedatum van de jongere: JJJJ-MM-DD of dd/mm/jjjj. Mag leeg.",
        example=date(2011, 3, 14),
    ),
    Column(
        "klas",
        False,
        "Klas van de jongere, of bij een klasgroep de klas zelf (verplicht bij een klasgroep). "
        "Hoogstens 20 tekens.",
        example="2B",
    ),
    Column("leerjaar", False, "Leerjaar, bv. 1A, 2B, 3, OKAN. Hoogstens 10 tekens.", example="2B"),
    Column(
        "aanbod",
        True,
        "Gevraagd aanbod. Verplicht.",
        OfferType,
        OfferType.INDIVIDUELE_BEGELEIDING.label,
    ),
    Column(
        "preventief_curatief",
        True,
        "Preventief of curatief. Verplicht.",
        PreventionLevel,
        PreventionLevel.CURATIEF.label,
    ),
    Column("urgentie", False, "Urgentie; leeg = Normaal.", Urgency, Urgency.NORMAAL.label),
    Column(
        "redenen",
        True,
        "Een of meer redenen, gescheiden door ; of , . Verplicht.",
        ReferralReason,
        f"{ReferralReason.SPIJBELEN.label}; {ReferralReason.SCHOOLMOEHEID.label}",
    ),
    Column(
        "hulpvraag",
        True,
        "De hulpvraag in eigen woorden. Verplicht.",
        example="Komt sinds de herfstvakantie vaak te laat en spijbelt op maandag.",
    ),
    Column(
        "aanmelder_functie",
        False,
        "Functie van wie aanmeldde; leeg = Andere.",
        Function,
        Function.ZORGCOORDINATOR.label,
    ),
    Column(
        "status",
        False,
        "Status van de aanmelding; leeg = Nieuw.",
        ReferralStatus,
        S.WACHTLIJST.label,
    ),
    Column(
        "startdatum",
        False,
        "Start van het traject (verplicht bij Toegewezen, Gestart en Afgesloten).",
    ),
    Column("einddatum", False, "Einde van het traject (verplicht bij Afgesloten)."),
    Column(
        "afsluitreden",
        False,
        "Waarom het traject eindigde (verplicht bij Afgesloten).",
        ClosureReason,
    ),
    Column(
        "begeleider",
        False,
        "Login van de hoofdbegeleider (verplicht bij Toegewezen, Gestart en Afgesloten). "
        "Een onbekende login is een fout.",
    ),
    Column(
        "aantal_leerlingen",
        False,
        "Bij een klasgroep: aantal leerlingen (1 tot 60); leeg = 1, met een waarschuwing.",
    ),
    Column(
        "groep_omschrijving",
        False,
        "Bij een groep of leerkracht/team: wie het is; leeg = de klas of het onderwerp.",
    ),
    Column(
        "toestemming",
        False,
        "Toestemming van de jongere (ja/nee); leeg = ja bij Gestart en Afgesloten, anders nee.",
    ),
    Column("uitkomst", False, "Schoolpositie bij afsluiten; leeg = Onbekend.", SchoolOutcome),
    Column(
        "reden_geen_opstart",
        False,
        "Verplicht bij status Niet gestart.",
        NoStartReason,
    ),
    Column(
        "doeldomein",
        False,
        "Bij afsluitreden Doelen bereikt: domein van het bereikte doel; leeg = afgeleid van de "
        "eerste reden.",
        GuidanceDomain,
    ),
    Column("kanaal", False, "Hoe de aanmelding binnenkwam; leeg = E-mail.", Channel),
    Column("aanmelder", False, "Naam van wie aanmeldde.", example="Mevr. Janssens"),
    Column("via_clb", False, "Aangemeld via het CLB (ja/nee); leeg = nee."),
    Column("geslacht", False, "Geslacht van de jongere; leeg = Niet meegedeeld.", Gender),
)
HEADERS = tuple(c.header for c in COLUMNS)
REQUIRED = tuple(c.header for c in COLUMNS if c.required)

# Where a service's field name shows up in the file.
_FIELD_TO_COLUMN = {
    "received_on": "datum_aanmelding",
    "school_id": "school",
    "name": "school",
    "subject_kind": "onderwerp",
    "offer_type": "aanbod",
    "prevention_level": "preventief_curatief",
    "reasons": "redenen",
    "help_question": "hulpvraag",
    "channel": "kanaal",
    "referrer_function": "aanmelder_functie",
    "urgency": "urgentie",
    "youth_first_name": "voornaam",
    "youth_last_name": "achternaam",
    "youth_gender": "geslacht",
    "youth_birth_date": "geboortedatum",
    "youth": "voornaam",
    "class_group_label": "klas",
    "class_pupil_count": "aantal_leerlingen",
    "group_description": "groep_omschrijving",
    "consent_youth": "toestemming",
    "lead_coach_id": "begeleider",
    "closure_reason": "afsluitreden",
    "outcome": "uitkomst",
    "no_start_reason": "reden_geen_opstart",
    "domain": "doeldomein",
    "set_on": "startdatum",
}


@dataclass(frozen=True)
class ImportIssue:
    """A problem or warning: the spreadsheet's row number (header = 1) and column header."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"rij {self.row}" if self.row else "bestand"
        if self.column:
            where += f", kolom {self.column}"
        return f"{where}: {self.message}"


@dataclass
class ImportReport:
    created: int = 0
    warnings: list[ImportIssue] = field(default_factory=list)
    problems: list[ImportIssue] = field(default_factory=list)
    schools_created: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


# --- reading values ------------------------------------------------------------------------
def _norm(text: str) -> str:
    """Case, spaces and dash variants do not matter when matching a code or label."""
    return "".join(text.replace("–", "-").replace("—", "-").casefold().split())


def _without_parenthesis(label: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", label)


def _lookup(enum: type[LabeledEnum]) -> dict[str, str]:
    """Normalised code, label and label-without-(…) to the code; ambiguous short forms dropped."""
    table: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for member in enum:
        table[_norm(member.value)] = member.value
        table[_norm(member.label)] = member.value
        short.setdefault(_norm(_without_parenthesis(member.label)), set()).add(member.value)
    for key, codes in short.items():
        if len(codes) == 1 and key not in table:
            table[key] = next(iter(codes))
    return table


_LOOKUPS: dict[type[LabeledEnum], dict[str, str]] = {}


def _parse_code(enum: type[LabeledEnum], text: str) -> str | None:
    table = _LOOKUPS.get(enum)
    if table is None:
        table = _LOOKUPS[enum] = _lookup(enum)
    return table.get(_norm(text))


def _split_codes(enum: type[LabeledEnum], text: str) -> tuple[list[str], list[str]]:
    """Codes and unknown parts of a list separated by ; or , (labels may contain a comma)."""
    parts = [p for p in re.split(r"[;,]", text)]
    codes: list[str] = []
    unknown: list[str] = []
    i = 0
    while i < len(parts):
        if not parts[i].strip():
            i += 1
            continue
        for j in range(len(parts), i, -1):
            code = _parse_code(enum, ",".join(parts[i:j]))
            if code is not None:
                codes.append(code)
                i = j
                break
        else:
            unknown.append(parts[i].strip())
            i += 1
    return list(dict.fromkeys(codes)), unknown


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_BELGIAN = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_TRUE = {"ja", "j", "yes", "y", "1", "x", "waar", "true"}
_FALSE = {"nee", "n", "no", "0", "onwaar", "false"}


def _parse_date(value: object) -> date:
    """A date from a date cell, JJJJ-MM-DD or dd/mm/jjjj; ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if m := _ISO.match(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _BELGIAN.match(text):
        return date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(text)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def _header_key(value: object) -> str:
    return re.sub(r"[\s\-]+", "_", _text(value).casefold())


# --- reading files -------------------------------------------------------------------------
def _bad_file(message: str) -> ValidationError:
    return ValidationError("bestand", message, message)


def _read_rows(path: Path) -> list[tuple[Any, ...]]:
    """All rows of the file, the header first, as tuples of cell values."""
    if not path.is_file():
        raise _bad_file(f"Het bestand {path} bestaat niet.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    if suffix == ".xls":
        raise _bad_file("Dit is een oud Excel-bestand (.xls). Bewaar het als .xlsx of .csv.")
    raise _bad_file("Kies een .xlsx- of .csv-bestand.")


def _read_xlsx(path: Path) -> list[tuple[Any, ...]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise _bad_file(f"Dit .xlsx-bestand kan niet gelezen worden ({exc}).") from exc
    try:
        sheet = book[MAIN_SHEET] if MAIN_SHEET in book.sheetnames else book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(tuple(row))
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        book.close()


def _read_csv(path: Path) -> list[tuple[Any, ...]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on a Belgian Windows
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    return [tuple(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


# --- checking rows -------------------------------------------------------------------------
@dataclass
class _Row:
    number: int
    data: ReferralInput
    school_key: str
    school_name: str
    status: ReferralStatus
    start_on: date | None = None
    end_on: date | None = None
    coach_id: str | None = None
    closure_reason: str | None = None
    outcome: str = SchoolOutcome.ONBEKEND.value
    no_start_reason: str | None = None
    goal_domain: str | None = None


class _RowReader:
    """Reads one row's cells by header and collects every problem on the way."""

    def __init__(self, number: int, cells: dict[str, object], problems: list[ImportIssue]) -> None:
        self.number = number
        self.cells = cells
        self.problems = problems

    def fail(self, column: str, message: str) -> None:
        self.problems.append(ImportIssue(self.number, column, message))

    def text(self, column: str, max_length: int = 200, required: bool = False) -> str:
        value = _text(self.cells.get(column))
        if required and not value:
            self.fail(column, "Dit veld is verplicht.")
        elif len(value) > max_length:
            self.fail(column, f"Gebruik hoogstens {max_length} tekens.")
        return value

    def code(self, column: str, enum: type[LabeledEnum], default: str | None = None) -> str | None:
        value = _text(self.cells.get(column))
        if not value:
            if default is None:
                return None
            return default
        code = _parse_code(enum, value)
        if code is None:
            self.fail(column, f"Onbekende waarde '{value}'. {_allowed(enum)}")
        return code

    def when(
        self, column: str, today: date, allow_future: bool = False, min_year: int = 1990
    ) -> date | None:
        value = self.cells.get(column)
        if value is None or not _text(value):
            return None
        try:
            parsed = _parse_date(value)
        except ValueError:
            self.fail(column, f"'{_text(value)}' is geen datum. Gebruik JJJJ-MM-DD of dd/mm/jjjj.")
            return None
        if parsed.year < min_year:
            self.fail(column, "Deze datum ligt te ver in het verleden.")
        elif not allow_future and parsed > today:
            self.fail(column, "Deze datum ligt in de toekomst.")
        return parsed

    def flag(self, column: str) -> bool | None:
        value = _text(self.cells.get(column)).casefold()
        if not value:
            return None
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.fail(column, f"Vul 'ja' of 'nee' in, niet '{value}'.")
        return False


def _allowed(enum: type[LabeledEnum]) -> str:
    members = list(enum)
    if len(members) <= 9:
        return "Kies een van: " + ", ".join(m.label for m in members) + "."
    return "Zie het blad Toelichting in het sjabloon voor de toegelaten waarden."


def _filled(cells: dict[str, object], column: str) -> bool:
    return bool(_text(cells.get(column)))


def _check_row(
    number: int,
    cells: dict[str, object],
    today: date,
    coaches: dict[str, tuple[str, bool]],
    problems: list[ImportIssue],
    warnings: list[ImportIssue],
) -> _Row | None:
    r = _RowReader(number, cells, problems)
    before = len(problems)
    received = r.when("datum_aanmelding", today, min_year=2000)
    if received is None and not _filled(cells, "datum_aanmelding"):
        r.fail("datum_aanmelding", "Dit veld is verplicht.")
    school = r.text("school", 200, required=True)
    subject = r.code("onderwerp", SubjectKind)
    if subject is None and not _filled(cells, "onderwerp"):
        r.fail("onderwerp", "Dit veld is verplicht. " + _allowed(SubjectKind))
    offer = r.code("aanbod", OfferType)
    if offer is None and not _filled(cells, "aanbod"):
        r.fail("aanbod", "Dit veld is verplicht. " + _allowed(OfferType))
    prevention = r.code("preventief_curatief", PreventionLevel)
    if prevention is None and not _filled(cells, "preventief_curatief"):
        r.fail("preventief_curatief", "Dit veld is verplicht. " + _allowed(PreventionLevel))
    reasons, unknown = _split_codes(ReferralReason, _text(cells.get("redenen")))
    if unknown:
        r.fail(
            "redenen",
            f"Onbekende reden(en): {', '.join(repr(u) for u in unknown)}. "
            + _allowed(ReferralReason),
        )
    elif not reasons:
        r.fail("redenen", "Vul minstens één reden in.")
    help_question = r.text("hulpvraag", 4000, required=True)
    urgency = r.code("urgentie", Urgency, Urgency.NORMAAL.value)
    function = r.code("aanmelder_functie", Function, Function.ANDERE.value)
    channel = r.code("kanaal", Channel, Channel.EMAIL.value)
    gender = r.code("geslacht", Gender, Gender.NVT.value)
    status_code = r.code("status", ReferralStatus, S.NIEUW.value)
    status = S(status_code) if status_code else S.NIEUW
    referrer = r.text("aanmelder", 200)
    via_clb = r.flag("via_clb")
    consent = r.flag("toestemming")
    class_label = r.text("klas", 20)
    study_year = r.text("leerjaar", 10)
    first = last = ""
    birth = None
    pupils = 0
    group_description = ""
    if subject == SubjectKind.JONGERE:
        first = r.text("voornaam", 100, required=True)
        last = r.text("achternaam", 100, required=True)
        birth = r.when("geboortedatum", today)
    else:
        for column in ("voornaam", "achternaam", "geboortedatum"):
            if subject is not None and _filled(cells, column):
                warnings.append(
                    ImportIssue(number, column, "Niet gebruikt: het onderwerp is geen jongere.")
                )
    if subject == SubjectKind.KLASGROEP:
        if not class_label:
            r.fail("klas", "Vul de klas in (bv. 2B).")
        count_text = _text(cells.get("aantal_leerlingen"))
        if not count_text:
            pupils = 1
            warnings.append(
                ImportIssue(
                    number,
                    "aantal_leerlingen",
                    "Niet ingevuld: 1 leerling genoteerd. Pas het aantal aan in het programma.",
                )
            )
        elif not count_text.isdigit() or not 1 <= int(count_text) <= 60:
            r.fail("aantal_leerlingen", "Vul een aantal leerlingen van 1 tot 60 in.")
        else:
            pupils = int(count_text)
    if subject in (SubjectKind.GROEP, SubjectKind.LEERKRACHT_TEAM):
        group_description = (
            r.text("groep_omschrijving", 2000) or class_label or SubjectKind(subject).label
        )

    start_on = r.when("startdatum", today, allow_future=status == S.TOEGEWEZEN)
    end_on = r.when("einddatum", today)
    closure = r.code("afsluitreden", ClosureReason)
    outcome = r.code("uitkomst", SchoolOutcome, SchoolOutcome.ONBEKEND.value)
    no_start = r.code("reden_geen_opstart", NoStartReason)
    domain = r.code("doeldomein", GuidanceDomain)
    login = _text(cells.get("begeleider"))
    coach_id = None
    if login:
        found = coaches.get(login.casefold())
        if found is None:
            r.fail("begeleider", f"Er is geen medewerker met login '{login}'.")
        elif not found[1]:
            r.fail("begeleider", f"Medewerker '{login}' is niet meer actief.")
        else:
            coach_id = found[0]

    if status in _WITH_TRAJECTORY:
        if not login:
            r.fail("begeleider", f"Verplicht bij status '{status.label}': vul de login in.")
        if start_on is None and not _filled(cells, "startdatum"):
            r.fail("startdatum", f"Verplicht bij status '{status.label}'.")
        if start_on and received and start_on < received:
            r.fail("startdatum", "De startdatum ligt voor de datum van aanmelding.")
    else:
        for column in ("begeleider", "startdatum"):
            if _filled(cells, column):
                warnings.append(
                    ImportIssue(number, column, f"Niet gebruikt bij status '{status.label}'.")
                )
    if status in _STARTED and subject == SubjectKind.JONGERE:
        if consent is False:
            r.fail(
                "toestemming",
                "Een traject start pas met toestemming van de jongere: vul 'ja' in of kies een "
                "andere status.",
            )
        consent = True
    if status == S.AFGESLOTEN:
        if end_on is None and not _filled(cells, "einddatum"):
            r.fail("einddatum", "Verplicht bij status 'Afgesloten'.")
        if end_on and start_on and end_on < start_on:
            r.fail("einddatum", "De einddatum ligt voor de startdatum.")
        if closure is None and not _filled(cells, "afsluitreden"):
            r.fail("afsluitreden", "Verplicht bij status 'Afgesloten'. " + _allowed(ClosureReason))
        if closure == ClosureReason.DOELEN_BEREIKT:
            domain = domain or next(
                (_DOMAIN_FOR_REASON[x] for x in reasons[:1] if x in _DOMAIN_FOR_REASON),
                _DEFAULT_DOMAIN,
            )
    elif status != S.NIET_GESTART:
        unused = (
            ["afsluitreden"]
            if status in _ENDED_WITHOUT_TRAJECTORY
            else ["einddatum", "afsluitreden"]
        )
        for column in unused:
            if _filled(cells, column):
                warnings.append(
                    ImportIssue(number, column, f"Niet gebruikt bij status '{status.label}'.")
                )
    if status == S.NIET_GESTART and no_start is None and not _filled(cells, "reden_geen_opstart"):
        r.fail(
            "reden_geen_opstart", "Verplicht bij status 'Niet gestart'. " + _allowed(NoStartReason)
        )
    if status in _ENDED_WITHOUT_TRAJECTORY and end_on and received and end_on < received:
        r.fail("einddatum", "De einddatum ligt voor de datum van aanmelding.")

    if len(problems) > before or received is None or subject is None:
        return None
    data = ReferralInput(
        received_on=received,
        school_id="",  # known after the schools are created
        subject_kind=subject,
        offer_type=offer or "",
        prevention_level=prevention or "",
        reasons=reasons,
        help_question=help_question,
        channel=channel or Channel.EMAIL.value,
        referrer_name=referrer,
        referrer_function=function or Function.ANDERE.value,
        via_clb=bool(via_clb),
        urgency=urgency or Urgency.NORMAAL.value,
        consent_youth=bool(consent),
        youth_first_name=first,
        youth_last_name=last,
        youth_birth_date=birth,
        youth_gender=gender or Gender.NVT.value,
        class_label=class_label if subject == SubjectKind.JONGERE else "",
        study_year=study_year,
        class_group_label=class_label if subject == SubjectKind.KLASGROEP else "",
        class_pupil_count=pupils,
        group_description=group_description,
    )
    return _Row(
        number=number,
        data=data,
        school_key=_norm(school),
        school_name=" ".join(school.split()),
        status=status,
        start_on=start_on,
        end_on=end_on,
        coach_id=coach_id,
        closure_reason=closure,
        outcome=outcome or SchoolOutcome.ONBEKEND.value,
        no_start_reason=no_start,
        goal_domain=domain,
    )


def _header_map(header: Sequence[object], problems: list[ImportIssue]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _header_key(cell)
        if not key:
            continue
        if key in positions and key in HEADERS:
            problems.append(ImportIssue(1, key, "Deze kolom staat er twee keer in."))
        positions.setdefault(key, index)
    for name in REQUIRED:
        if name not in positions:
            problems.append(ImportIssue(1, name, "Deze verplichte kolom ontbreekt."))
    return positions


def _example_row() -> tuple[str, ...]:
    return tuple(_text(c.example) for c in COLUMNS)


def _rows(
    raw: list[tuple[Any, ...]], positions: dict[str, int]
) -> Iterator[tuple[int, dict[str, object]]]:
    for offset, values in enumerate(raw[1:], start=2):
        cells = {
            name: values[index] if index < len(values) else None
            for name, index in positions.items()
            if name in HEADERS
        }
        if any(_text(v) for v in cells.values()):
            yield offset, cells


def _issue_order(issue: ImportIssue) -> tuple[int, int]:
    """By row, then in the order of the columns in the template."""
    return issue.row, HEADERS.index(issue.column) if issue.column in HEADERS else -1


# --- importing -----------------------------------------------------------------------------
@requires(TEAMLEADER_ROLES)
def import_referrals(
    s: Session,
    caller: Identity,
    path: Path | str,
    today: date | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Checks every row, then creates all referrals in `s`, or nothing if any row is wrong.

    With problems (or `dry_run`) everything done here is rolled back to a savepoint, so the
    caller's session holds no part of the file either way; the report says what happened.
    """
    today = today or datetime.now(UTC).date()
    report = ImportReport(dry_run=dry_run)
    raw = _read_rows(Path(path))
    if not raw or not any(_text(v) for v in raw[0]):
        report.problems.append(ImportIssue(1, "", "De eerste rij moet de kolomnamen bevatten."))
        return report
    positions = _header_map(raw[0], report.problems)
    if report.problems:
        return report
    if len(raw) - 1 > MAX_ROWS:
        report.problems.append(
            ImportIssue(0, "", f"Het bestand heeft meer dan {MAX_ROWS} rijen; splits het op.")
        )
        return report

    coaches = {
        u.login.casefold(): (u.id, u.active and u.removed_at is None)
        for u in s.scalars(select(User))
    }
    example = _example_row()
    rows: list[_Row] = []
    for number, cells in _rows(raw, positions):
        if tuple(_text(cells.get(h)) for h in HEADERS) == example:
            report.warnings.append(
                ImportIssue(number, "", "Dit is de voorbeeldrij uit het sjabloon: overgeslagen.")
            )
            continue
        row = _check_row(number, cells, today, coaches, report.problems, report.warnings)
        if row is not None:
            rows.append(row)
    report.problems.sort(key=_issue_order)
    report.warnings.sort(key=_issue_order)
    if report.problems:
        return report
    if not rows:
        report.problems.append(ImportIssue(0, "", "Het bestand bevat geen aanmeldingen."))
        return report

    savepoint = s.begin_nested()
    try:
        schools = _resolve_schools(s, caller, rows, report)
        for row in rows:
            row.data.school_id = schools[row.school_key]
            _create(s, caller, row, today, report)
        if report.problems or dry_run:
            savepoint.rollback()
            if report.problems:
                report.created = 0
                report.schools_created = []
        else:
            savepoint.commit()
            audit.record(s, caller.user_id, "import", "referral", None, f"{report.created} rijen")
    except BaseException:
        if savepoint.is_active:
            savepoint.rollback()
        raise
    return report


def _resolve_schools(
    s: Session, caller: Identity, rows: list[_Row], report: ImportReport
) -> dict[str, str]:
    known: dict[str, str] = {}
    for school in s.scalars(select(School).order_by(School.active.desc(), School.name)):
        for name in (school.short_name, school.name):
            if name:
                known.setdefault(_norm(name), school.id)
    for row in rows:
        if row.school_key not in known:
            made = reference.add_school(s, caller, row.school_name)
            known[row.school_key] = made.id
            report.schools_created.append(made.name)
            report.warnings.append(
                ImportIssue(row.number, "school", f"Nieuwe school '{made.name}' aangemaakt.")
            )
    return known


def _create(s: Session, caller: Identity, row: _Row, today: date, report: ImportReport) -> None:
    """One row in its own savepoint, so a refusal by a service is reported and the rest goes on."""
    savepoint = s.begin_nested()
    try:
        try:
            made = intake.register_referral(s, caller, row.data, today=today)
        except DuplicateReferralError:
            made = intake.register_referral(
                s, caller, row.data, confirm_duplicate=True, today=today
            )
            report.warnings.append(
                ImportIssue(
                    row.number,
                    "voornaam",
                    "Deze jongere heeft al een lopende aanmelding: ingelezen als "
                    "heraanmelding. Kijk na of dat klopt.",
                )
            )
        _apply_status(s, caller, row, made.id, today)
    except ValidationError as exc:
        savepoint.rollback()
        column = _FIELD_TO_COLUMN.get(exc.field, "status")
        report.problems.append(ImportIssue(row.number, column, exc.message("nl")))
        return
    savepoint.commit()
    report.created += 1


def _apply_status(s: Session, caller: Identity, row: _Row, referral_id: str, today: date) -> None:
    received = row.data.received_on
    status = row.status
    if status in (S.VRAAGVERHELDERING, S.WACHTLIJST):
        intake.transition_referral(s, caller, referral_id, status.value, on=received)
    elif status in _ENDED_WITHOUT_TRAJECTORY:
        intake.transition_referral(
            s,
            caller,
            referral_id,
            status.value,
            on=row.end_on or received,
            reason="Ingelezen uit importbestand",
            no_start_reason=row.no_start_reason,
        )
    elif status in _WITH_TRAJECTORY:
        assert row.start_on is not None and row.coach_id is not None
        intake.transition_referral(s, caller, referral_id, S.VRAAGVERHELDERING.value, on=received)
        trajectory = trajectories.assign_to_coach(
            s,
            caller,
            referral_id,
            row.coach_id,
            row.start_on,
            on=min(row.start_on, today),
        )
        if status in _STARTED:
            trajectories.start_trajectory(s, caller, trajectory.id, row.start_on)
        if status == S.AFGESLOTEN:
            assert row.end_on is not None and row.closure_reason is not None
            if row.closure_reason == ClosureReason.DOELEN_BEREIKT:
                assert row.goal_domain is not None
                goal = trajectories.add_goal(
                    s, caller, trajectory.id, IMPORTED_GOAL, row.goal_domain, row.start_on
                )
                trajectories.evaluate_goal(
                    s, caller, goal.id, GoalEvaluation.BEREIKT.value, row.end_on, "Ingelezen"
                )
            trajectories.close_trajectory(
                s, caller, trajectory.id, row.end_on, row.closure_reason, row.outcome
            )


# --- the template --------------------------------------------------------------------------
def _allowed_labels(column: Column) -> list[tuple[str, str]]:
    if column.enum is None:
        return []
    return [(m.label, m.value) for m in column.enum]


@public
def write_template(path: Path | str) -> Path:
    """An .xlsx with the headers, one example row and a sheet 'Toelichting' with the values."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from amo_desktop.reports.excel import append_row, cell_value

    target = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = MAIN_SHEET
    append_row(sheet, list(HEADERS))
    append_row(sheet, [c.example for c in COLUMNS])
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFF2CC")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = bold
        if column.required:
            cell.fill = required_fill
        example = sheet.cell(row=2, column=index)
        example.font = Font(italic=True, color="808080")
        if isinstance(column.example, date):
            example.number_format = "DD/MM/YYYY"
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(column.header) + 4)
    sheet.freeze_panes = "A2"

    help_sheet = book.create_sheet(HELP_SHEET)
    append_row(help_sheet, ["kolom", "verplicht", "uitleg", "toegelaten waarde (label)", "code"])
    for cell in help_sheet[1]:
        cell.font = bold
    lists = book.create_sheet("Lijsten")
    lists.sheet_state = "hidden"
    list_column = 0
    for index, column in enumerate(COLUMNS, start=1):
        allowed = _allowed_labels(column)
        append_row(
            help_sheet,
            [
                column.header,
                "ja" if column.required else "nee",
                column.explanation,
                allowed[0][0] if allowed else "",
                allowed[0][1] if allowed else "",
            ],
        )
        help_sheet.cell(row=help_sheet.max_row, column=1).font = bold
        for label, code in allowed[1:]:
            append_row(help_sheet, ["", "", "", label, code])
        if allowed and column.header != "redenen":
            list_column += 1
            letter = get_column_letter(list_column)
            for offset, (label, _code) in enumerate(allowed, start=1):
                lists[f"{letter}{offset}"] = cell_value(label)
            check = DataValidation(
                type="list",
                formula1=f"Lijsten!${letter}$1:${letter}${len(allowed)}",
                allow_blank=True,
                showErrorMessage=False,
            )
            sheet.add_data_validation(check)
            target_letter = get_column_letter(index)
            check.add(f"{target_letter}2:{target_letter}{MAX_ROWS + 1}")
    for letter, width in (("A", 22), ("B", 10), ("C", 70), ("D", 55), ("E", 26)):
        help_sheet.column_dimensions[letter].width = width
    book.save(target)
    return target
