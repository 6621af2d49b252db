"""What an import file may hold: its columns, the issue type, and how cell values are read.

Shared by the reading, checking and writing steps of `importer` (docs/import.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from amo_desktop.domain.enums import (
    Channel,
    ClosureReason,
    Function,
    Gender,
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

MAIN_SHEET = "Aanmeldingen"
HELP_SHEET = "Toelichting"
MAX_ROWS = 20_000

S = ReferralStatus

# Statuses that lead to a trajectory, and those that end the referral without one.
WITH_TRAJECTORY = (S.TOEGEWEZEN, S.GESTART, S.AFGESLOTEN)
STARTED = (S.GESTART, S.AFGESLOTEN)
ENDED_WITHOUT_TRAJECTORY = (S.NIET_GESTART, S.DOORVERWEZEN, S.INGETROKKEN)

# When 'Doelen bereikt' is imported, one goal is recorded as reached (the app only accepts that
# closure reason with a reached goal). Its domain comes from `doeldomein`, else from the first
# reason through this table, else 'psychisch_sociaal'.
DOMAIN_FOR_REASON = {
    "spijbelen": "schoolbinding",
    "schoolweigering": "schoolbinding",
    "schoolmoeheid": "schoolbinding",
    "studiekeuze": "onderwijsloopbaan",
    "nieuwkomer": "onderwijsloopbaan",
    "thuissituatie": "context_gezin",
    "middelengebruik": "gezondheid",
}
DEFAULT_DOMAIN = "psychisch_sociaal"
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
    Column(
        "schooljaar",
        False,
        "Schooljaar waaronder de rij in uw lijst staat, bv. 2025-2026. Alleen ter controle: een "
        "aanmelding telt in het schooljaar van haar datum.",
    ),
)
HEADERS = tuple(c.header for c in COLUMNS)
REQUIRED = tuple(c.header for c in COLUMNS if c.required)
# The list a coded column's values come from.
ENUMS: dict[str, type[LabeledEnum]] = {c.header: c.enum for c in COLUMNS if c.enum is not None}

# The longest text a cell of each column may hold (docs/import.md); the rest at most 200.
MAX_LENGTH = {
    "voornaam": 100,
    "achternaam": 100,
    "klas": 20,
    "leerjaar": 10,
    "hulpvraag": 4000,
    "groep_omschrijving": 2000,
    "redenen": 1000,
}
DEFAULT_MAX_LENGTH = 200
# Columns whose text may run over several lines (a line break or tab inside the cell).
MULTILINE = frozenset({"hulpvraag", "groep_omschrijving"})
# Plausible age of a young person on the day of the referral; outside it is a warning.
AGE_RANGE = (10, 25)

# Where a service's field name shows up in the file.
FIELD_TO_COLUMN = {
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


# --- reading values ------------------------------------------------------------------------
def norm(text: str) -> str:
    """Case, spaces and dash variants do not matter when matching a code or label."""
    return "".join(text.replace("–", "-").replace("—", "-").casefold().split())


def _without_parenthesis(label: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", label)


def _lookup(enum: type[LabeledEnum]) -> dict[str, str]:
    """Normalised code, label and label-without-(…) to the code; ambiguous short forms dropped."""
    table: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for member in enum:
        table[norm(member.value)] = member.value
        table[norm(member.label)] = member.value
        short.setdefault(norm(_without_parenthesis(member.label)), set()).add(member.value)
    for key, codes in short.items():
        if len(codes) == 1 and key not in table:
            table[key] = next(iter(codes))
    return table


_LOOKUPS: dict[type[LabeledEnum], dict[str, str]] = {}


def parse_code(enum: type[LabeledEnum], text: str) -> str | None:
    table = _LOOKUPS.get(enum)
    if table is None:
        table = _LOOKUPS[enum] = _lookup(enum)
    return table.get(norm(text))


def split_codes(enum: type[LabeledEnum], text: str) -> tuple[list[str], list[str]]:
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
            code = parse_code(enum, ",".join(parts[i:j]))
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


def parse_date(value: object) -> date:
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


def text_of(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def header_key(value: object) -> str:
    return re.sub(r"[\s\-]+", "_", text_of(value).casefold())


def allowed(enum: type[LabeledEnum]) -> str:
    members = list(enum)
    if len(members) <= 9:
        return "Kies een van: " + ", ".join(m.label for m in members) + "."
    return "Zie het blad Toelichting in het sjabloon voor de toegelaten waarden."


def issue_order(issue: ImportIssue) -> tuple[int, int]:
    """By row, then in the order of the columns in the template."""
    return issue.row, HEADERS.index(issue.column) if issue.column in HEADERS else -1
