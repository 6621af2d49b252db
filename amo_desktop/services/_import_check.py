"""Checking one row of an import file: every problem and warning with its row and column.

A row is read in three parts (what was asked, who it is about, how far it got), then judged
for plausibility; a row without problems becomes a `Row` that the writer can store as is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import (
    Channel,
    ClosureReason,
    Function,
    Gender,
    ReferralStatus,
    SchoolOutcome,
    SubjectKind,
    Urgency,
)
from amo_desktop.services._import_spec import (
    AGE_RANGE,
    DEFAULT_DOMAIN,
    DOMAIN_FOR_REASON,
    ENDED_WITHOUT_TRAJECTORY,
    ENUMS,
    STARTED,
    WITH_TRAJECTORY,
    ImportIssue,
    allowed,
    norm,
    parse_code,
    parse_date,
    split_codes,
    text_of,
)
from amo_desktop.services.intake import ReferralInput

S = ReferralStatus
_TRUE = {"ja", "j", "yes", "y", "1", "x", "waar", "true"}
_FALSE = {"nee", "n", "no", "0", "onwaar", "false"}
_SCHOOL_YEAR = re.compile(r"^(?:schooljaar\s*)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})$", re.IGNORECASE)


@dataclass
class Context:
    """What every row is judged against: today, the team's logins, a sheet's school year."""

    today: date
    coaches: dict[str, tuple[str, bool]]  # login (casefolded) -> (user id, may coach)
    sheet_year: SchoolYear | None = None


@dataclass
class Row:
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


def parse_school_year(text: str) -> SchoolYear | None:
    """'2025-2026', '2025-26' or 'Schooljaar 2025-2026'; None when it is not one."""
    match = _SCHOOL_YEAR.match(text.strip())
    if not match:
        return None
    first, second = int(match[1]), int(match[2])
    if second != (first + 1) % (100 if len(match[2]) == 2 else 10_000):
        return None
    return SchoolYear(first)


class RowReader:
    """Reads one row's cells by header and collects its problems and warnings.

    A column already refused by the cell checks (`bad`) gets no second problem.
    """

    def __init__(self, number: int, cells: dict[str, object], bad: set[str]) -> None:
        self.number = number
        self.cells = cells
        self.bad = bad
        self.problems: list[ImportIssue] = []
        self.warnings: list[ImportIssue] = []
        self.row: Row | None = None  # set by check_row when the row has no problem

    def fail(self, column: str, message: str) -> None:
        if column not in self.bad:
            self.problems.append(ImportIssue(self.number, column, message))

    def warn(self, column: str, message: str) -> None:
        self.warnings.append(ImportIssue(self.number, column, message))

    def filled(self, column: str) -> bool:
        return bool(text_of(self.cells.get(column)))

    def text(self, column: str, max_length: int = 200, required: bool = False) -> str:
        value = text_of(self.cells.get(column))
        if required and not value:
            self.fail(column, "Dit veld is verplicht.")
        elif len(value) > max_length:
            self.fail(column, f"Gebruik hoogstens {max_length} tekens.")
        return value

    def code(self, column: str, default: str | None = None) -> str | None:
        """The code in a column whose values come from a list (the spec's ENUMS)."""
        enum = ENUMS[column]
        value = text_of(self.cells.get(column))
        if not value:
            return default
        code = parse_code(enum, value)
        if code is None:
            self.fail(column, f"Onbekende waarde '{value}'. {allowed(enum)}")
        return code

    def required_code(self, column: str) -> str | None:
        code = self.code(column)
        if code is None and not self.filled(column):
            self.fail(column, "Dit veld is verplicht. " + allowed(ENUMS[column]))
        return code

    def when(
        self, column: str, today: date, allow_future: bool = False, min_year: int = 1990
    ) -> date | None:
        value = self.cells.get(column)
        if value is None or not text_of(value):
            return None
        try:
            parsed = parse_date(value)
        except ValueError:
            self.fail(
                column, f"'{text_of(value)}' is geen datum. Gebruik JJJJ-MM-DD of dd/mm/jjjj."
            )
            return None
        if parsed.year < min_year:
            self.fail(column, "Deze datum ligt te ver in het verleden.")
        elif not allow_future and parsed > today:
            self.fail(column, "Deze datum ligt in de toekomst.")
        return parsed

    def flag(self, column: str) -> bool | None:
        value = text_of(self.cells.get(column)).casefold()
        if not value:
            return None
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.fail(column, f"Vul 'ja' of 'nee' in, niet '{value}'.")
        return False


@dataclass
class _Request:
    """What was asked: the columns every referral has."""

    received: date | None
    school: str
    subject: str | None
    offer: str | None
    prevention: str | None
    reasons: list[str]
    help_question: str
    urgency: str | None
    function: str | None
    channel: str | None
    gender: str | None
    status: ReferralStatus
    referrer: str
    via_clb: bool | None
    consent: bool | None
    class_label: str
    study_year: str


@dataclass
class _Subject:
    """Who it is about: a young person's name and birth date, a class's size, a group."""

    first: str = ""
    last: str = ""
    birth: date | None = None
    pupils: int = 0
    group_description: str = ""


@dataclass
class _Course:
    """How far it got: the trajectory's dates, coach and ending."""

    start_on: date | None = None
    end_on: date | None = None
    coach_id: str | None = None
    closure: str | None = None
    outcome: str | None = None
    no_start: str | None = None
    domain: str | None = None
    consent: bool | None = None


def check_row(number: int, cells: dict[str, object], ctx: Context, bad: set[str]) -> RowReader:
    """Reads and judges one row; the reader holds its problems, warnings and, if sound, `row`."""
    r = RowReader(number, cells, bad)
    request = _read_request(r, ctx.today)
    subject = _read_subject(r, request, ctx.today)
    course = _read_course(r, request, ctx)
    _plausibility(r, request, subject, ctx)
    if not r.problems and not bad and request.received and request.subject:
        r.row = _make_row(number, request, subject, course)
    return r


def _read_request(r: RowReader, today: date) -> _Request:
    received = r.when("datum_aanmelding", today, min_year=2000)
    if received is None and not r.filled("datum_aanmelding"):
        r.fail("datum_aanmelding", "Dit veld is verplicht.")
    school = r.text("school", 200, required=True)
    subject = r.required_code("onderwerp")
    offer = r.required_code("aanbod")
    prevention = r.required_code("preventief_curatief")
    reasons, unknown = split_codes(ENUMS["redenen"], text_of(r.cells.get("redenen")))
    if unknown:
        r.fail(
            "redenen",
            f"Onbekende reden(en): {', '.join(repr(u) for u in unknown)}. "
            + allowed(ENUMS["redenen"]),
        )
    elif not reasons:
        r.fail("redenen", "Vul minstens één reden in.")
    status_code = r.code("status", S.NIEUW.value)
    return _Request(
        received=received,
        school=school,
        subject=subject,
        offer=offer,
        prevention=prevention,
        reasons=reasons,
        help_question=r.text("hulpvraag", 4000, required=True),
        urgency=r.code("urgentie", Urgency.NORMAAL.value),
        function=r.code("aanmelder_functie", Function.ANDERE.value),
        channel=r.code("kanaal", Channel.EMAIL.value),
        gender=r.code("geslacht", Gender.NVT.value),
        status=S(status_code) if status_code else S.NIEUW,
        referrer=r.text("aanmelder", 200),
        via_clb=r.flag("via_clb"),
        consent=r.flag("toestemming"),
        class_label=r.text("klas", 20),
        study_year=r.text("leerjaar", 10),
    )


def _read_subject(r: RowReader, request: _Request, today: date) -> _Subject:
    subject = _Subject()
    kind = request.subject
    if kind == SubjectKind.JONGERE:
        subject.first = r.text("voornaam", 100, required=True)
        subject.last = r.text("achternaam", 100, required=True)
        subject.birth = r.when("geboortedatum", today)
    elif kind is not None:
        for column in ("voornaam", "achternaam", "geboortedatum"):
            if r.filled(column):
                r.warn(column, "Niet gebruikt: het onderwerp is geen jongere.")
    if kind == SubjectKind.KLASGROEP:
        subject.pupils = _pupil_count(r, request.class_label)
    if kind in (SubjectKind.GROEP, SubjectKind.LEERKRACHT_TEAM):
        subject.group_description = (
            r.text("groep_omschrijving", 2000) or request.class_label or SubjectKind(kind).label
        )
    return subject


def _pupil_count(r: RowReader, class_label: str) -> int:
    if not class_label:
        r.fail("klas", "Vul de klas in (bv. 2B).")
    count_text = text_of(r.cells.get("aantal_leerlingen"))
    if not count_text:
        r.warn(
            "aantal_leerlingen",
            "Niet ingevuld: 1 leerling genoteerd. Pas het aantal aan in het programma.",
        )
        return 1
    if not count_text.isdigit() or not 1 <= int(count_text) <= 60:
        r.fail("aantal_leerlingen", "Vul een aantal leerlingen van 1 tot 60 in.")
        return 0
    return int(count_text)


def _read_course(r: RowReader, request: _Request, ctx: Context) -> _Course:
    status = request.status
    course = _Course(
        start_on=r.when("startdatum", ctx.today, allow_future=status == S.TOEGEWEZEN),
        end_on=r.when("einddatum", ctx.today),
        closure=r.code("afsluitreden"),
        outcome=r.code("uitkomst", SchoolOutcome.ONBEKEND.value),
        no_start=r.code("reden_geen_opstart"),
        domain=r.code("doeldomein"),
        consent=request.consent,
    )
    login = text_of(r.cells.get("begeleider"))
    if login:
        course.coach_id = _coach(r, login, ctx.coaches)
    if status in WITH_TRAJECTORY:
        _check_trajectory(r, request, course, bool(login))
    else:
        _unused(r, status, ("begeleider", "startdatum"))
    if status == S.AFGESLOTEN:
        _check_closed(r, request, course)
    elif status != S.NIET_GESTART:
        ended = status in ENDED_WITHOUT_TRAJECTORY
        _unused(r, status, ("afsluitreden",) if ended else ("einddatum", "afsluitreden"))
    if status == S.NIET_GESTART and course.no_start is None and not r.filled("reden_geen_opstart"):
        r.fail(
            "reden_geen_opstart",
            "Verplicht bij status 'Niet gestart'. " + allowed(ENUMS["reden_geen_opstart"]),
        )
    received, end_on = request.received, course.end_on
    if status in ENDED_WITHOUT_TRAJECTORY and end_on and received and end_on < received:
        r.fail("einddatum", "De einddatum ligt voor de datum van aanmelding.")
    return course


def _coach(r: RowReader, login: str, coaches: dict[str, tuple[str, bool]]) -> str | None:
    found = coaches.get(login.casefold())
    if found is None:
        r.fail("begeleider", f"Er is geen medewerker met login '{login}'.")
    elif not found[1]:
        r.fail("begeleider", f"Medewerker '{login}' is niet meer actief.")
    else:
        return found[0]
    return None


def _unused(r: RowReader, status: ReferralStatus, columns: tuple[str, ...]) -> None:
    for column in columns:
        if r.filled(column):
            r.warn(column, f"Niet gebruikt bij status '{status.label}'.")


def _check_trajectory(r: RowReader, request: _Request, course: _Course, has_login: bool) -> None:
    status = request.status
    if not has_login:
        r.fail("begeleider", f"Verplicht bij status '{status.label}': vul de login in.")
    if course.start_on is None and not r.filled("startdatum"):
        r.fail("startdatum", f"Verplicht bij status '{status.label}'.")
    if course.start_on and request.received and course.start_on < request.received:
        r.fail("startdatum", "De startdatum ligt voor de datum van aanmelding.")
    if status in STARTED and request.subject == SubjectKind.JONGERE:
        if course.consent is False:
            r.fail(
                "toestemming",
                "Een traject start pas met toestemming van de jongere: vul 'ja' in of kies een "
                "andere status.",
            )
        course.consent = True


def _check_closed(r: RowReader, request: _Request, course: _Course) -> None:
    if course.end_on is None and not r.filled("einddatum"):
        r.fail("einddatum", "Verplicht bij status 'Afgesloten'.")
    if course.end_on and course.start_on and course.end_on < course.start_on:
        r.fail("einddatum", "De einddatum ligt voor de startdatum.")
    if course.closure is None and not r.filled("afsluitreden"):
        r.fail(
            "afsluitreden", "Verplicht bij status 'Afgesloten'. " + allowed(ENUMS["afsluitreden"])
        )
    if course.closure == ClosureReason.DOELEN_BEREIKT:
        course.domain = course.domain or next(
            (DOMAIN_FOR_REASON[x] for x in request.reasons[:1] if x in DOMAIN_FOR_REASON),
            DEFAULT_DOMAIN,
        )


def _plausibility(r: RowReader, request: _Request, subject: _Subject, ctx: Context) -> None:
    """Warnings, not errors: an unlikely age, a date outside the school year it is filed under."""
    received = request.received
    if received is None:
        return
    if subject.birth is not None and subject.birth <= received:
        birth = subject.birth
        age = (
            received.year - birth.year - ((received.month, received.day) < (birth.month, birth.day))
        )
        low, high = AGE_RANGE
        if not low <= age <= high:
            r.warn(
                "geboortedatum",
                f"De jongere is {age} jaar op de datum van aanmelding (verwacht: {low} tot "
                f"{high}). Klopt de geboortedatum?",
            )
    year = ctx.sheet_year
    year_text = text_of(r.cells.get("schooljaar"))
    if year_text:
        year = parse_school_year(year_text)
        if year is None:
            r.fail("schooljaar", f"'{year_text}' is geen schooljaar. Schrijf het als 2025-2026.")
    if year is not None and received not in year:
        counted = SchoolYear.of(received).label
        where = "voor" if received < year.start else "na"
        r.warn(
            "datum_aanmelding",
            f"Deze datum ligt {where} het schooljaar {year.label} waaronder de rij staat; de "
            f"aanmelding telt mee in schooljaar {counted}.",
        )


def _make_row(number: int, request: _Request, subject: _Subject, course: _Course) -> Row:
    kind = request.subject
    assert request.received is not None and kind is not None
    data = ReferralInput(
        received_on=request.received,
        school_id="",  # known after the schools are created
        subject_kind=kind,
        offer_type=request.offer or "",
        prevention_level=request.prevention or "",
        reasons=request.reasons,
        help_question=request.help_question,
        channel=request.channel or Channel.EMAIL.value,
        referrer_name=request.referrer,
        referrer_function=request.function or Function.ANDERE.value,
        via_clb=bool(request.via_clb),
        urgency=request.urgency or Urgency.NORMAAL.value,
        consent_youth=bool(course.consent),
        youth_first_name=subject.first,
        youth_last_name=subject.last,
        youth_birth_date=subject.birth,
        youth_gender=request.gender or Gender.NVT.value,
        class_label=request.class_label if kind == SubjectKind.JONGERE else "",
        study_year=request.study_year,
        class_group_label=request.class_label if kind == SubjectKind.KLASGROEP else "",
        class_pupil_count=subject.pupils,
        group_description=subject.group_description,
    )
    return Row(
        number=number,
        data=data,
        school_key=norm(request.school),
        school_name=" ".join(request.school.split()),
        status=request.status,
        start_on=course.start_on,
        end_on=course.end_on,
        coach_id=course.coach_id,
        closure_reason=course.closure,
        outcome=course.outcome or SchoolOutcome.ONBEKEND.value,
        no_start_reason=course.no_start,
        goal_domain=course.domain,
    )
