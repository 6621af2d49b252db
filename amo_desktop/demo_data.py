"""Invented but realistic caseload data over several school years (DOMAIN.md Part 1 "Sizes",
Part 2 §8.2), deterministic for a seed.

`DemoPlanner` decides everything with one `random.Random(seed)` and a fixed reference day: the
schools, days off, funders, and per referral a timeline of workflow steps (register, intake,
waiting list, assign, start, goals, sessions with attendance and notes, evaluations, closure).
Steps after the reference day are left out, so the last school year is still running: some
referrals wait, some trajectories run, future sessions are planned.

Two writers put a plan in the vault:
- `ServiceWriter` calls the real services one by one (intake, trajectories, scheduling, notes),
  so the workflow rules are exercised; fine for the tiny and typical scales.
- `BulkWriter` inserts exactly the rows those services would write (referral_transitions,
  audit_events without content, note_versions, ...) with SQLAlchemy Core executemany in big
  transactions, streaming batches; needed for the large scale. A test checks that both writers
  give the same counts per table and the same figures.
Reference data (schools, funders, capacity, holidays, days off, users) always go through the
services.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear, flemish_day_off_dates
from amo_desktop.domain.caseload import (
    ClassGroup,
    Goal,
    GuidanceSession,
    NoteVersion,
    Referral,
    ReferralTransition,
    SessionNote,
    SessionSeries,
    Trajectory,
    TrajectoryCoach,
    Youth,
    YouthEnrolment,
)
from amo_desktop.domain.enums import ClosureReason, SeriesFrequency
from amo_desktop.domain.models import AuditEvent, User
from amo_desktop.domain.reference import School
from amo_desktop.domain.rules import series_dates
from amo_desktop.services import (
    accounts,
    intake,
    notes,
    reference,
    scheduling,
    trajectories,
)
from amo_desktop.services.intake import ReferralInput
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from amo_desktop.storage.vault import Identity, Vault

Progress = Callable[[float], None]

# The synthetic evolution of individual referrals (DOMAIN.md §8.2), with invented years around it.
EVOLUTION = {
    2014: 50,
    2015: 55,
    2016: 62,
    2017: 68,
    2018: 74,
    2019: 45,  # COVID dip
    2020: 58,
    2021: 79,
    2022: 96,
    2023: 104,
    2024: 118,
    2025: 126,
}
DEFAULT_TODAY = date(2026, 2, 2)  # a Monday in school year 2025-2026, after the Christmas break


def evolution(year: int) -> float:
    if year in EVOLUTION:
        return EVOLUTION[year]
    if year < min(EVOLUTION):
        return EVOLUTION[min(EVOLUTION)]
    return EVOLUTION[max(EVOLUTION)] * 1.06 ** (year - max(EVOLUTION))


@dataclass(frozen=True)
class Scale:
    name: str
    years: int
    schools: int
    coaches: int
    referral_factor: float  # x EVOLUTION for individual referrals
    sessions_per_year: int  # at evolution 100; school-level work fills up to this
    audit_target: int | None = None  # pad with 'open' events up to this many (large only)
    region: str = "amo"


SCALES = {
    # tests only: small enough to run through the services in a few seconds
    "tiny": Scale("tiny", 2, 3, 2, 0.12, 260),
    "typical": Scale("typical", 6, 6, 4, 1.0, 2_500),
    "large": Scale("large", 10, 40, 25, 14.5, 30_000, audit_target=1_000_000, region="regio"),
}


# --- invented names ----------------------------------------------------------------------
BOYS = [
    "Lucas",
    "Noah",
    "Arthur",
    "Louis",
    "Liam",
    "Adam",
    "Jules",
    "Victor",
    "Finn",
    "Milan",
    "Rayan",
    "Ilias",
    "Bilal",
    "Senne",
    "Wout",
    "Jasper",
    "Thibault",
    "Kobe",
    "Dries",
    "Matteo",
    "Łukasz",
    "Mehmet",
    "Emre",
    "Yusuf",
    "Mohamed",
    "Amine",
    "Omar",
    "Kacper",
    "Mateusz",
    "Bram",
    "Seppe",
    "Robbe",
    "Lars",
    "Rune",
    "Stan",
    "Mathis",
    "Ayoub",
    "Hamza",
    "Minh",
    "Duc",
    "Tobias",
    "Anders",
    "Nils",
]
GIRLS = [
    "Emma",
    "Olivia",
    "Louise",
    "Mila",
    "Noor",
    "Lina",
    "Fatima",
    "Zoë",
    "Elif",
    "Ayşe",
    "Hanne",
    "Fien",
    "Lotte",
    "Marie",
    "Amira",
    "Yasmina",
    "Sara",
    "Nina",
    "Ines",
    "Kato",
    "Lore",
    "Jana",
    "Maja",
    "Zofia",
    "Ingrid",
    "Linh",
    "Mai",
    "Hiba",
    "Salma",
    "Chaïma",
    "Febe",
    "Jolien",
    "Tess",
    "Lien",
    "Aurélie",
    "Wiktoria",
    "Oliwia",
    "Esra",
    "Zeynep",
    "Sofie",
    "Astrid",
    "Sigrid",
    "Nour",
]
LAST_NAMES = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Vermeulen",
    "Van den Bossche",
    "De Backer",
    "Şahin",
    "Yılmaz",
    "Öztürk",
    "Çelik",
    "El Amrani",
    "Benali",
    "Nowak",
    "Kowalski",
    "Wiśniewski",
    "Øberg",
    "Lindqvist",
    "Nguyễn",
    "Trần",
    "Phạm",
    "Diallo",
    "Haddou",
    "Van Damme",
    "Verhaegen",
    "Van Asch",
    "De Ridder",
    "Cornelis",
    "Lambrechts",
    "Van Espen",
    "Bogaerts",
    "Moens",
    "Verbeke",
    "De Coster",
    "El Idrissi",
    "Bouzid",
    "Popescu",
    "Ionescu",
    "Hakimi",
    "Demir",
    "Kaya",
    "Van Ransbeeck",
    "Segers",
    "Timmermans",
    "D'Hondt",
]
COACH_NAMES = (
    ("coach.an", "An Demeulemeester"),
    ("coach.yusuf", "Yusuf Şahin"),
    ("coach.lukasz", "Łukasz Wiśniewski"),
    ("coach.linh", "Linh Nguyễn"),
)

TOWNS_AMO = (("Asse", "1730"), ("Merchtem", "1785"), ("Opwijk", "1745"))
TOWNS_REGION = (
    ("Asse", "1730"),
    ("Merchtem", "1785"),
    ("Opwijk", "1745"),
    ("Halle", "1500"),
    ("Vilvoorde", "1800"),
    ("Dilbeek", "1700"),
    ("Liedekerke", "1770"),
    ("Ternat", "1740"),
    ("Lennik", "1750"),
    ("Beersel", "1650"),
    ("Sint-Pieters-Leeuw", "1600"),
    ("Grimbergen", "1850"),
    ("Machelen", "1830"),
    ("Meise", "1860"),
    ("Londerzeel", "1840"),
    ("Affligem", "1790"),
    ("Zaventem", "1930"),
    ("Wemmel", "1780"),
)
TYPICAL_SCHOOLS = (
    ("Sint-Gertrudiscollege Asse", "SGC Asse", "Asse", "vgo_katholiek", False),
    ("GO! Atheneum De Bron Asse", "De Bron", "Asse", "go", False),
    ("Technisch Instituut Ter Linden Merchtem", "TI Ter Linden", "Merchtem", "ogo_gemeente", False),
    ("Vrije Middenschool Sint-Ursula Merchtem", "VMS Ursula", "Merchtem", "vgo_katholiek", False),
    ("Sint-Pauluscampus Opwijk", "SPC Opwijk", "Opwijk", "vgo_katholiek", False),
    ("BuSO De Kleine Linde Opwijk", "Kleine Linde", "Opwijk", "vgo_katholiek", True),
)
SCHOOL_PATTERNS = (
    ("Sint-{saint}college {town}", "vgo_katholiek", False),
    ("GO! Atheneum {town}", "go", False),
    ("Technisch Instituut {saint} {town}", "ogo_gemeente", False),
    ("Middenschool {saint} {town}", "vgo_katholiek", False),
    ("GO! Campus {saint} {town}", "go", False),
    ("BuSO {saint} {town}", "vgo_katholiek", True),
)
SAINTS = [
    "Jozef",
    "Maria",
    "Victor",
    "Rombout",
    "Lutgardis",
    "Aloysius",
    "Godelieve",
    "Niklaas",
    "Amand",
    "Bavo",
    "Gertrudis",
    "Vincentius",
    "Ursula",
    "Pieter",
    "Martinus",
    "Agnes",
    "Jan",
    "Lieven",
]

# --- distributions (DOMAIN.md §8.2, synthetic) -------------------------------------------
REASONS = (
    ("schoolmoeheid", 25),
    ("spijbelen", 20),
    ("gedrag_klas", 7),
    ("agressie", 4),
    ("conflict_leerkracht", 4),
    ("conflict_leerlingen", 5),
    ("welbevinden", 11),
    ("faalangst_weerbaarheid", 4),
    ("klasdynamiek", 4),
    ("pesten", 6),
    ("thuissituatie", 5),
    ("andere", 1),
    ("middelengebruik", 1),
    ("tucht", 1),
    ("studiekeuze", 1),
    ("nieuwkomer", 1),
)
CLASS_REASONS = (("klasdynamiek", 50), ("pesten", 20), ("gedrag_klas", 20), ("welbevinden", 10))
MONTH_WEIGHTS = {9: 6, 10: 10, 11: 14, 12: 9, 1: 9, 2: 11, 3: 12, 4: 8, 5: 8, 6: 4, 7: 0, 8: 0}
FUNCTIONS = (
    ("zorgcoordinator", 40),
    ("leerlingenbegeleider", 25),
    ("clb_medewerker", 12),
    ("directie", 6),
    ("klastitularis", 7),
    ("ouder", 4),
    ("jongere", 2),
    ("jac_caw", 2),
    ("andere", 2),
)
CHANNELS = (
    ("email", 40),
    ("telefoon", 15),
    ("formulier", 20),
    ("meldpunt_si", 8),
    ("mondeling", 7),
    ("overleg", 10),
)
URGENCIES = (("laag", 10), ("normaal", 65), ("hoog", 20), ("crisis", 5))
GENDERS = (("m", 60), ("v", 37), ("x", 2), ("nvt", 1))
GRADES = (("g1", 35), ("g2", 40), ("g3", 25))
STUDY_YEARS = {"g1": ("1A", "1B", "2A", "2B"), "g2": ("3", "4"), "g3": ("5", "6")}
CLASS_SUFFIX = {
    "g1": ("A", "B", "C", "D"),
    "g2": ("ECW", "TW", "HW", "BO"),
    "g3": ("BE", "WE", "EL"),
}
CARE_PHASES = (
    ("verhoogde_zorg", 45),
    ("uitbreiding_zorg", 35),
    ("brede_basiszorg", 5),
    ("onbekend", 15),
)
ATTENDANCE = (
    ("aanwezig", 82),
    ("afwezig_verwittigd", 7),
    ("afwezig_niet_verwittigd", 6),
    ("geannuleerd_school", 3),
    ("geannuleerd_begeleider", 2),
)
GOAL_EVALUATIONS = (("bereikt", 72), ("deels", 18), ("niet_bereikt", 6), ("niet_relevant", 4))
OUTCOMES = (
    ("zelfde_school_richting", 62),
    ("andere_richting", 8),
    ("andere_school", 9),
    ("duaal_deeltijds", 5),
    ("buso", 2),
    ("diploma", 4),
    ("zonder_kwalificatie", 3),
    ("onbekend", 7),
)
STOP_REASONS = (
    ("gestopt_jongere", 30),
    ("gestopt_school", 12),
    ("doorverwezen", 25),
    ("schoolverandering", 12),
    ("uitgeschreven", 7),
    ("uitgesloten", 4),
    ("verhuisd", 5),
    ("andere", 5),
)
NO_START = (
    ("niet_bereikbaar", 25),
    ("opgelost", 25),
    ("buiten_doelgroep", 10),
    ("schoolverandering", 15),
    ("capaciteit", 10),
    ("andere", 15),
)
SLOTS = (
    time(8, 30),
    time(9, 25),
    time(10, 35),
    time(11, 30),
    time(13, 10),
    time(14, 5),
    time(15, 0),
)
DURATION = {
    "individueel_gesprek": 50,
    "klassessie": 100,
    "groepssessie": 100,
    "overleg_school": 60,
    "overleg_clb": 60,
    "overleg_partner": 60,
    "rondetafel": 90,
    "huisbezoek": 75,
    "telefonisch": 20,
    "outreach": 120,
    "administratie": 45,
}
LOCATION = {
    "huisbezoek": "thuis",
    "telefonisch": "telefoon",
    "overleg_clb": "extern",
    "overleg_partner": "online",
}

# --- Dutch texts ------------------------------------------------------------------------
HELP = {
    "schoolmoeheid": "{n} haakt af in de lessen en ziet het nut van school niet meer in.",
    "spijbelen": "{n} is sinds enkele weken vaak afwezig zonder geldige reden.",
    "gedrag_klas": "{n} verstoort de les regelmatig en botst met de klasregels.",
    "agressie": "{n} reageert fysiek of verbaal agressief bij frustratie.",
    "conflict_leerkracht": "Er is een aanslepend conflict tussen {n} en enkele leerkrachten.",
    "conflict_leerlingen": "{n} raakt vaak in conflict met medeleerlingen op de speelplaats.",
    "welbevinden": "{n} oogt somber, trekt zich terug en praat weinig.",
    "faalangst_weerbaarheid": "{n} blokkeert bij toetsen en durft weinig voor zichzelf op te komen.",
    "klasdynamiek": "In de klas is er een negatieve groepssfeer met uitsluiting.",
    "pesten": "Er zijn signalen van pesten, ook online via sociale media.",
    "thuissituatie": "De thuissituatie van {n} is onrustig; dat weegt op de schoolloopbaan.",
    "andere": "De school vraagt een gesprek over de situatie van {n}.",
    "middelengebruik": "Er zijn vermoedens van middelengebruik bij {n}.",
    "tucht": "Er loopt een tuchtprocedure; de school zoekt een herstelgericht traject.",
    "studiekeuze": "{n} twijfelt sterk over de studierichting en dreigt af te haken.",
    "nieuwkomer": "{n} kwam vorig jaar uit OKAN en zoekt nog aansluiting in de klas.",
}
GROUP_GOALS = {
    "klasgroep": (
        ("Een veiligere klassfeer waarin iedereen zich gehoord voelt.", "psychisch_sociaal"),
        ("Klasafspraken rond respect die de klas zelf opvolgt.", "psychisch_sociaal"),
    ),
    "groep": (("Deelnemers durven voor zichzelf op te komen.", "psychisch_sociaal"),),
    "leerkracht_team": (
        ("Het team heeft gedeelde handvatten voor de klasgroep.", "leren_studeren"),
    ),
}
GOALS = {
    "schoolbinding": (
        "Terug minstens vier dagen per week naar school komen.",
        "Tijdig op school aankomen en de lessen volledig volgen.",
        "Een vertrouwenspersoon op school vinden en die wekelijks zien.",
    ),
    "psychisch_sociaal": (
        "Boosheid herkennen en op een rustige manier uiten.",
        "Leren hulp vragen wanneer het moeilijk gaat.",
        "Meer zelfvertrouwen tonen in contact met klasgenoten.",
    ),
    "leren_studeren": (
        "Een haalbare studieplanning maken en volhouden.",
        "Taken en toetsen bijhouden in de agenda.",
    ),
    "onderwijsloopbaan": (
        "Een bewuste keuze maken voor volgend schooljaar.",
        "Samen met het CLB de opties na dit schooljaar verkennen.",
    ),
    "context_gezin": (
        "Ouders betrekken bij de afspraken met school.",
        "Een vast contactpunt tussen gezin en school installeren.",
    ),
    "vrije_tijd": ("Een vrijetijdsactiviteit vinden die energie geeft.",),
}
REASON_DOMAIN = {
    "spijbelen": "schoolbinding",
    "schoolmoeheid": "schoolbinding",
    "schoolweigering": "schoolbinding",
    "gedrag_klas": "psychisch_sociaal",
    "agressie": "psychisch_sociaal",
    "conflict_leerkracht": "psychisch_sociaal",
    "conflict_leerlingen": "psychisch_sociaal",
    "welbevinden": "psychisch_sociaal",
    "faalangst_weerbaarheid": "leren_studeren",
    "pesten": "psychisch_sociaal",
    "thuissituatie": "context_gezin",
    "studiekeuze": "onderwijsloopbaan",
}
NOTE_CONTENT = (
    "We bespraken hoe de voorbije week verliep, thuis en op school.",
    "{n} vertelde open over wat er in de klas gebeurde en hoe dat voelde.",
    "We keken samen terug naar de afspraken van vorige keer; een deel lukte goed.",
    "Het gesprek ging over de aanwezigheden en wat ochtenden moeilijk maakt.",
    "We oefenden met een rollenspel hoe {n} kan reageren als het misloopt.",
    "Met een krachtenkaart brachten we in beeld wat wel werkt en wie kan helpen.",
    "De sfeer was rustig; {n} kwam uit zichzelf met een vraag over de toetsen.",
    "We maakten een weekplanning met vaste momenten voor huiswerk en ontspanning.",
    "Er was kort overleg met de klastitularis over de voorbije lessen.",
    "{n} gaf aan dat de busrit en het vroege opstaan het moeilijkste blijven.",
)
NOTE_OBSERVATIONS = (
    "{n} maakte meer oogcontact dan vorige keer en bleef het hele gesprek betrokken.",
    "Oogt vermoeid, maar is gemotiveerd om de afspraken vol te houden.",
    "Reageert gevoelig op vragen over thuis; we respecteren dat tempo.",
    "Duidelijke vooruitgang in de aanwezigheden volgens de leerlingenbegeleider.",
    "Was eerst gesloten, maar ontdooide in de loop van het gesprek.",
)
NOTE_AGREEMENTS = (
    "Elke ochtend aanmelden bij de leerlingenbegeleider.",
    "Bij spanning in de klas mag {n} even naar het zorglokaal.",
    "Huiswerk voortaan noteren in de agenda en laten aftekenen.",
    "Ouders worden na de volgende sessie kort gebeld.",
    "Volgende week samen met de zorgcoördinator de afspraken evalueren.",
)
NOTE_NEXT = (
    "Volgende sessie: terugblik op de week en de planning bijsturen.",
    "Contact opnemen met het CLB over de verdere stappen.",
    "Rondetafel voorbereiden met school en ouders.",
    "Oefening rond assertiviteit verder uitwerken.",
    "Aanwezigheden opvolgen met de school.",
)
CLASS_CONTENT = (
    "Klassessie rond groepssfeer: we werkten met een ervaringsgerichte opdracht in kleine groepjes.",
    "We bespraken de klasafspraken en lieten elke leerling een voorstel doen.",
    "Oefening rond vertrouwen en samenwerking; daarna een nabespreking in de kring.",
    "Thema online pesten: stellingenspel en gesprek over wat je kan doen als omstaander.",
)
SCHOOL_CONTENT = (
    "Overleg op de cel leerlingenbegeleiding: nieuwe signalen en lopende trajecten besproken.",
    "Afstemming met de zorgcoördinator over de wachtlijst en de prioriteiten van de school.",
    "Aanwezig op de speelplaats en in de refter; laagdrempelig contact met leerlingen.",
    "Overleg met het CLB over gedeelde dossiers en de verdeling van de taken.",
)
PADDING = (
    " We stemden af met de leerlingenbegeleiding en noteerden wat we volgende keer opvolgen.",
    " De school is op de hoogte van de afspraken; de klastitularis volgt mee op.",
    " Er waren geen nieuwe zorgen; het verloop is positief en we houden het ritme aan.",
)


def pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


# --- plans --------------------------------------------------------------------------------
@dataclass
class NotePlan:
    content: str
    observations: str
    agreements: str
    next_steps: str
    visibility: str
    earlier: NotePlan | None = None  # a first version, later edited


@dataclass
class SessionPlan:
    coach: int
    on: date
    start: time
    duration: int
    contact_type: str
    location: str
    participants: str = ""
    attendance: str | None = None
    present_count: int | None = None
    note: NotePlan | None = None


@dataclass
class SeriesPlan:
    coach: int
    frequency: str
    first_on: date
    count: int | None
    until: date | None
    contact_type: str
    start: time
    duration: int
    location: str
    sessions: list[SessionPlan]
    participants: str = ""


@dataclass
class Op:
    """One thing done on one day; `kind` says which service it stands for."""

    on: date
    kind: str  # register|transition|assign|start|goal|series|session|evaluate|close|open
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class YouthPlan:
    key: int
    first_name: str
    last_name: str
    birth_date: date
    gender: str
    class_label: str
    study_year: str


@dataclass
class CasePlan:
    """One referral and everything that follows from it, up to the reference day."""

    key: int
    school: int
    school_year: int
    registered_by: int | None  # None: the team leader; else a coach index
    referral: dict[str, Any]
    youth: YouthPlan | None
    youth_is_new: bool
    class_group: dict[str, Any] | None
    ops: list[Op]


@dataclass
class SchoolWorkPlan:
    """School-level work without a trajectory: a series for one school."""

    school: int
    school_year: int
    series: SeriesPlan


@dataclass
class SchoolPlan:
    name: str
    short_name: str
    municipality: str
    network: str
    is_buso: bool
    coaches: list[int]
    weight: float
    teacher_hours: float


class DemoPlanner:
    def __init__(self, scale: Scale, seed: int, today: date | None = None) -> None:
        self.scale = scale
        self.seed = seed
        self.today = today or DEFAULT_TODAY
        self.rng = random.Random(f"amo-demo:{scale.name}:{seed}")
        last = SchoolYear.of(self.today).start_year
        self.years = list(range(last - scale.years + 1, last + 1))
        self.holidays: set[date] = set()
        for year in [*self.years, last + 1]:
            self.holidays |= flemish_day_off_dates(SchoolYear(year))
        self.schools = self._schools()
        self.coach_names = self._coach_names()
        self.school_days_off = self._school_days_off()
        self._names_used: set[tuple[str, str, date]] = set()
        self._youth_keys = 0
        self._case_keys = 0
        self._finished: list[tuple[YouthPlan, date]] = []  # youths whose case has ended
        self._reasons_of_case = ""

    # --- reference data ---
    def _schools(self) -> list[SchoolPlan]:
        rng = self.rng
        rows: list[tuple[str, str, str, str, bool]] = []
        if self.scale.region == "amo":
            rows = list(TYPICAL_SCHOOLS[: self.scale.schools])
        else:
            seen: set[str] = set()
            i = 0
            while len(rows) < self.scale.schools:
                town = TOWNS_REGION[i % len(TOWNS_REGION)][0]
                pattern, network, buso = rng.choice(SCHOOL_PATTERNS)
                saint = rng.choice(SAINTS)
                name = pattern.format(saint=saint, town=town)
                i += 1
                if name in seen:
                    continue
                seen.add(name)
                short = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())
                rows.append((name, f"{short} {town}"[:40], town, network, buso))
        coaches = self.scale.coaches
        plans = []
        for i, (name, short, town, network, buso) in enumerate(rows):
            home = [i % coaches]
            if coaches > 1 and rng.random() < 0.6:
                home.append((i + 1 + rng.randrange(coaches - 1)) % coaches)
            weight = rng.uniform(0.5, 1.5) * (0.5 if buso else 1.0)
            plans.append(
                SchoolPlan(name, short, town, network, buso, home, weight, float(rng.randint(2, 8)))
            )
        return plans

    def _coach_names(self) -> list[tuple[str, str]]:
        names = list(COACH_NAMES[: self.scale.coaches])
        rng = random.Random(f"coaches:{self.seed}")
        while len(names) < self.scale.coaches:
            first = rng.choice(BOYS + GIRLS)
            last = rng.choice(LAST_NAMES)
            login = f"coach{len(names) + 1:02d}"
            names.append((login, f"{first} {last}"))
        return names

    def _school_days_off(self) -> list[dict[date, tuple[str, str]]]:
        """Per school: two studiedagen and one facultatieve vrije dag per school year."""
        result = []
        for _school in self.schools:
            days: dict[date, tuple[str, str]] = {}
            for year in self.years:
                for name, kind in (
                    ("Pedagogische studiedag", "studiedag"),
                    ("Pedagogische studiedag", "studiedag"),
                    ("Facultatieve vrije dag", "facultatief"),
                ):
                    while True:
                        day = date(year, 10, 1) + timedelta(days=self.rng.randrange(220))
                        if day.weekday() < 5 and day not in self.holidays and day not in days:
                            days[day] = (name, kind)
                            break
            result.append(days)
        return result

    def off(self, school: int) -> set[date]:
        return self.holidays | set(self.school_days_off[school])

    def is_school_day(self, school: int, day: date) -> bool:
        return (
            day.weekday() < 5
            and day not in self.holidays
            and day not in self.school_days_off[school]
        )

    def next_school_day(self, school: int, day: date) -> date:
        while not self.is_school_day(school, day):
            day += timedelta(days=1)
        return day

    def referral_counts(self, year: int) -> dict[str, int]:
        individual = round(evolution(year) * self.scale.referral_factor)
        return {
            "jongere": individual,
            "klasgroep": max(1, round(individual * 0.26)),
            "groep": max(1, round(individual * 0.05)),
            "leerkracht_team": max(1, round(individual * 0.03)),
        }

    # --- the stream ---
    def plan(self) -> Iterator[tuple[int, list[CasePlan | SchoolWorkPlan]]]:
        """Per school year, its cases in order of receipt, then its school-level work."""
        weights = [s.weight for s in self.schools]
        for year in self.years:
            counts = self.referral_counts(year)
            kinds = [k for k, n in counts.items() for _ in range(n)]
            received = sorted(
                (
                    self._received_on(year, kind),
                    kind,
                    self.rng.choices(range(len(weights)), weights)[0],
                )
                for kind in kinds
            )
            items: list[CasePlan | SchoolWorkPlan] = []
            sessions = 0
            for on, kind, school in received:
                if on > self.today:
                    continue
                case = self._case(year, on, kind, school)
                sessions += sum(
                    len(op.data["series"].sessions) if op.kind == "series" else 1
                    for op in case.ops
                    if op.kind in ("series", "session")
                )
                items.append(case)
            target = round(self.scale.sessions_per_year * evolution(year) / 100)
            items.extend(self._school_work(year, target - sessions))
            yield year, items

    def _received_on(self, year: int, kind: str) -> date:
        rng = self.rng
        weights = dict(MONTH_WEIGHTS)
        if kind == "klasgroep" and rng.random() < 0.5:  # preventive class work early in the year
            weights = {9: 10, 10: 8, 11: 2, 12: 0, 1: 1, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0}
        months = list(weights)
        month = rng.choices(months, [weights[m] for m in months])[0]
        first = date(year if month >= 9 else year + 1, month, 1)
        while True:
            day = first + timedelta(days=rng.randrange(28))
            if day.weekday() < 5 and day not in self.holidays:
                return day

    def _name(self, gender: str) -> tuple[str, str]:
        pool = BOYS if gender == "m" else GIRLS if gender == "v" else BOYS + GIRLS
        return self.rng.choice(pool), self.rng.choice(LAST_NAMES)

    def _youth(self, year: int) -> YouthPlan:
        rng = self.rng
        gender = pick(rng, GENDERS)
        grade = pick(rng, GRADES)
        study_year = rng.choice(STUDY_YEARS[grade])
        age = 11 + int(study_year[0]) + (1 if rng.random() < 0.2 else 0)
        while True:
            first, last = self._name(gender)
            birth = date(year - age, 1, 1) + timedelta(days=rng.randrange(365))
            if (first, last, birth) not in self._names_used:
                self._names_used.add((first, last, birth))
                break
        self._youth_keys += 1
        label = f"{study_year[0]}{rng.choice(CLASS_SUFFIX[grade])}"
        return YouthPlan(self._youth_keys, first, last, birth, gender, label, study_year)

    def _wait_days(self, on: date, urgency: str) -> int:
        rng = self.rng
        busy = on.month in (11, 12, 2, 3)
        days = rng.randint(28, 70) if busy else rng.randint(0, 14)
        if urgency == "crisis":
            return rng.randint(0, 3)
        if urgency == "hoog":
            return days // 3
        return days

    def _case(self, year: int, on: date, kind: str, school: int) -> CasePlan:
        rng = self.rng
        self._case_keys += 1
        sp = self.schools[school]
        registered_by = rng.choice(sp.coaches) if rng.random() < 0.3 else None
        youth = None
        youth_is_new = True
        class_group = None
        if kind == "jongere":
            reuse = [
                (i, y)
                for i, (y, end) in enumerate(self._finished[-200:])
                if end < on - timedelta(days=14)
            ]
            if reuse and rng.random() < 0.06:
                idx, youth = rng.choice(reuse)
                self._finished.pop(len(self._finished) - min(200, len(self._finished)) + idx)
                youth_is_new = False
            else:
                youth = self._youth(year)
            name = youth.first_name
            reasons = self._reasons(REASONS)
            offer = pick(
                rng,
                (("individuele_begeleiding", 75), ("naft_individueel", 15), ("advies_consult", 10)),
            )
            prevention = "curatief" if rng.random() < 0.8 else "preventief"
        else:
            name = "de klas" if kind == "klasgroep" else "de groep"
            reasons = self._reasons(CLASS_REASONS)
            if kind == "klasgroep":
                grade = "g1" if rng.random() < 0.6 else pick(rng, GRADES)
                study_year = rng.choice(STUDY_YEARS[grade])
                class_group = {
                    "label": f"{study_year[0]}{rng.choice(CLASS_SUFFIX[grade])}",
                    "study_year": study_year,
                    "pupil_count": rng.randint(14, 26),
                }
                offer = pick(rng, (("klasbegeleiding", 60), ("klasbakken", 25), ("naft_klas", 15)))
                prevention = (
                    "preventief" if on.month in (9, 10) or rng.random() < 0.4 else "curatief"
                )
            elif kind == "groep":
                offer = pick(rng, (("weerbaarheidstraining", 70), ("groepswerking", 30)))
                prevention = "preventief"
                reasons = ["faalangst_weerbaarheid"]
            else:
                offer = "leerkrachtondersteuning"
                prevention = "preventief" if rng.random() < 0.5 else "curatief"
                reasons = ["klasdynamiek"]
        function = pick(rng, FUNCTIONS)
        channel = pick(rng, CHANNELS)
        via_clb = function == "clb_medewerker" or channel == "meldpunt_si"
        urgency = pick(rng, URGENCIES) if kind == "jongere" else "normaal"
        consent = kind != "jongere" or rng.random() < 0.93
        help_question = " ".join(
            HELP[r].format(n=name if kind == "jongere" else "de klas") for r in reasons[:2]
        )
        if kind == "groep":
            help_question = "Een groep leerlingen met faalangst en weinig weerbaarheid."
        if kind == "leerkracht_team":
            help_question = "Het lerarenteam vraagt ondersteuning bij een moeilijke klasgroep."
        referral = {
            "received_on": on,
            "channel": channel,
            "referrer_name": " ".join(self._name("x")),
            "referrer_function": function,
            "referrer_org": sp.short_name
            if function not in ("clb_medewerker", "jac_caw")
            else "CLB",
            "via_clb": via_clb,
            "subject_kind": kind,
            "group_description": {
                "groep": f"Weerbaarheidsgroep {rng.randint(6, 12)} leerlingen, {rng.choice(('eerste', 'tweede'))} graad",
                "leerkracht_team": "Lerarenteam van de tweede graad",
            }.get(kind, ""),
            "offer_type": offer,
            "prevention_level": prevention,
            "reasons": reasons,
            "help_question": help_question,
            "care_phase": pick(rng, CARE_PHASES),
            "urgency": urgency,
            "consent_youth": consent,
            "parents_informed": kind == "jongere" and rng.random() < 0.8,
        }
        self._reasons_of_case = reasons[0]
        ops = self._timeline(school, on, kind, offer, urgency, consent, youth, class_group)
        ops = [op for op in ops if op.on <= self.today]
        if youth is not None:
            closing = [op for op in ops if op.kind == "close" or op.data.get("final")]
            if closing:
                self._finished.append((youth, closing[-1].on))
        return CasePlan(
            self._case_keys,
            school,
            year,
            registered_by,
            referral,
            youth,
            youth_is_new,
            class_group,
            ops,
        )

    def _reasons(self, table: tuple[tuple[str, int], ...]) -> list[str]:
        first = pick(self.rng, table)
        found = [first]
        for _ in range(self.rng.choice((0, 0, 1, 1, 2))):
            other = pick(self.rng, REASONS)
            if other not in found:
                found.append(other)
        return found

    def _timeline(
        self,
        school: int,
        on: date,
        kind: str,
        offer: str,
        urgency: str,
        consent: bool,
        youth: YouthPlan | None,
        class_group: dict[str, Any] | None,
    ) -> list[Op]:
        rng = self.rng
        ops = [Op(on, "register")]
        day = on

        def step(
            days: int, to: str, reason: str = "", no_start: str | None = None, final: bool = False
        ) -> None:
            nonlocal day
            day = self.next_school_day(school, day + timedelta(days=days))
            ops.append(
                Op(
                    day,
                    "transition",
                    {"to": to, "reason": reason, "no_start": no_start, "final": final},
                )
            )

        if rng.random() < 0.05:  # withdrawn or referred on at once
            if rng.random() < 0.5:
                step(
                    rng.randint(1, 5),
                    "ingetrokken",
                    "De school vond intussen een oplossing.",
                    final=True,
                )
            else:
                step(rng.randint(1, 8), "doorverwezen", "Doorverwezen naar het CAW.", final=True)
            return ops
        step(rng.randint(1, 8) if urgency != "crisis" else 0, "vraagverheldering")
        if not consent:
            step(
                rng.randint(5, 20),
                "niet_gestart",
                "Geen toestemming.",
                "geen_toestemming",
                final=True,
            )
            return ops
        wait = self._wait_days(on, urgency) if kind == "jongere" else rng.randint(3, 25)
        if wait > 7:
            step(0, "wachtlijst")
            if rng.random() < 0.07:
                reason = pick(rng, NO_START)
                if rng.random() < 0.3:
                    step(
                        rng.randint(5, wait),
                        "doorverwezen",
                        "Andere hulp meer aangewezen.",
                        final=True,
                    )
                else:
                    step(rng.randint(5, wait), "niet_gestart", "", reason, final=True)
                return ops
            day = day + timedelta(days=wait)
        # assignment, then the start a few days later; June to August starts move to September
        assigned = self.next_school_day(school, day + timedelta(days=rng.randint(0, 3)))
        start = self.next_school_day(school, assigned + timedelta(days=rng.randint(2, 9)))
        if start.month in (6, 7, 8) and kind == "jongere":
            year = start.year
            start = self.next_school_day(
                school, date(year, 9, 1) + timedelta(days=rng.randint(0, 9))
            )
            assigned = self.next_school_day(school, start - timedelta(days=7))
            if assigned < day:
                assigned = day
        day = assigned
        lead = rng.choice(self.schools[school].coaches)
        co = []
        if rng.random() < 0.15 and self.scale.coaches > 1:
            co = [rng.choice([c for c in range(self.scale.coaches) if c != lead])]
        ops.append(Op(assigned, "assign", {"lead": lead, "co": co, "start": start}))
        if rng.random() < 0.04:
            reason = pick(rng, (("niet_bereikbaar", 50), ("opgelost", 30), ("andere", 20)))
            step(rng.randint(1, 5), "niet_gestart", "", reason, final=True)
            return ops
        ops.append(Op(start, "start"))
        return ops + self._trajectory(school, start, kind, offer, lead, youth, class_group)

    def _trajectory(
        self,
        school: int,
        start: date,
        kind: str,
        offer: str,
        lead: int,
        youth: YouthPlan | None,
        class_group: dict[str, Any] | None,
    ) -> list[Op]:
        rng = self.rng
        ops: list[Op] = []
        name = youth.first_name if youth else "de klas"
        goals = []
        if kind == "jongere":
            first = REASON_DOMAIN.get(self._reasons_of_case, "psychisch_sociaal")
            for i in range(1 if offer == "advies_consult" else rng.randint(1, 3)):
                domain = rng.choice(list(GOALS)) if i else first
                goals.append((rng.choice(GOALS[domain]), domain))
        else:
            goals = [rng.choice(GROUP_GOALS[kind])]
        if True:
            ops += [
                Op(start, "goal", {"index": i, "description": d, "domain": dom})
                for i, (d, dom) in enumerate(goals)
            ]
        stopped = kind == "jongere" and rng.random() < 0.18
        if offer == "advies_consult":
            contact, count, location = "telefonisch", rng.randint(1, 3), "telefoon"
        elif kind == "jongere":
            count = rng.randint(6, 16) if offer != "naft_individueel" else rng.randint(8, 16)
            contact, location = (
                "individueel_gesprek",
                "school" if rng.random() < 0.85 else "groep_intro",
            )
        elif kind == "klasgroep":
            contact, count, location = "klassessie", rng.randint(3, 8), "school"
        elif kind == "groep":
            contact, count, location = "groepssessie", rng.randint(6, 9), "school"
        else:
            contact, count, location = "overleg_school", rng.randint(2, 4), "school"
        if stopped:
            count = max(2, count // 3)
        slot = rng.choice(SLOTS)
        dates, _ = series_dates(
            start if start.weekday() < 5 else self.next_school_day(school, start),
            _freq("wekelijks"),
            self.off(school),
            count=count,
        )
        series = SeriesPlan(
            lead, "wekelijks", start, count, None, contact, slot, DURATION[contact], location, []
        )
        group_size = class_group["pupil_count"] if class_group else rng.randint(6, 12)
        for d in dates:
            series.sessions.append(
                self._session(lead, d, slot, contact, location, name, kind, group_size)
            )
        ops.append(Op(start, "series", {"series": series, "class": kind == "klasgroep"}))
        last = dates[-1]
        if kind == "jongere" and offer != "advies_consult":  # a few extra contacts around it
            for _ in range(rng.randint(1, 5)):
                contact = rng.choice(
                    ("overleg_school", "overleg_clb", "telefonisch", "huisbezoek", "rondetafel")
                )
                d = self.next_school_day(
                    school, start + timedelta(days=rng.randint(0, max(1, (last - start).days)))
                )
                s = self._session(
                    lead,
                    d,
                    rng.choice(SLOTS),
                    contact,
                    LOCATION.get(contact, "school"),
                    name,
                    kind,
                    1,
                )
                ops.append(Op(d, "session", {"session": s}))
        end = self.next_school_day(school, last + timedelta(days=rng.randint(1, 14)))
        evaluations = [pick(rng, GOAL_EVALUATIONS) for _ in goals]
        if stopped:
            evaluations = [rng.choice(("niet_bereikt", "niet_relevant", "deels")) for _ in goals]
        for i, evaluation in enumerate(evaluations):
            ops.append(Op(end, "evaluate", {"index": i, "evaluation": evaluation, "note": ""}))
        if stopped:
            reason = pick(rng, STOP_REASONS)
        elif evaluations.count("bereikt") * 2 >= len(evaluations):
            reason = "doelen_bereikt"
        elif "bereikt" in evaluations or "deels" in evaluations:
            reason = "deels_bereikt"
        else:
            reason = rng.choice(("andere", "doorverwezen"))
        outcome = pick(rng, OUTCOMES) if kind == "jongere" else "onbekend"
        summary = f"Traject afgesloten: {ClosureReason(reason).label.lower()}."
        ops.append(Op(end, "close", {"reason": reason, "outcome": outcome, "summary": summary}))
        ops.sort(key=lambda op: (op.on, _ORDER[op.kind]))
        return ops

    def _session(
        self,
        coach: int,
        on: date,
        start: time,
        contact: str,
        location: str,
        name: str,
        kind: str,
        group: int,
    ) -> SessionPlan:
        rng = self.rng
        s = SessionPlan(coach, on, start, DURATION[contact], contact, location)
        if contact in ("klassessie", "groepssessie"):
            s.participants = f"{group} leerlingen"
        if on > self.today:
            return s
        s.attendance = pick(rng, ATTENDANCE)
        if contact in ("klassessie", "groepssessie"):
            s.present_count = max(1, group - rng.randint(0, 3))
        if s.attendance in ("geannuleerd_school", "geannuleerd_begeleider"):
            return s
        s.note = self._note(name, kind, contact, s.attendance)
        if rng.random() < 0.1:
            s.note.earlier = self._note(name, kind, contact, s.attendance)
        return s

    def _note(self, name: str, kind: str, contact: str, attendance: str | None) -> NotePlan:
        rng = self.rng
        if kind == "school":
            content = rng.choice(SCHOOL_CONTENT)
        elif contact in ("klassessie", "groepssessie"):
            content = rng.choice(CLASS_CONTENT)
        elif attendance and attendance.startswith("afwezig"):
            content = f"{name} was niet aanwezig; de school werd verwittigd en we plannen een nieuw moment."
        else:
            content = " ".join(rng.sample(NOTE_CONTENT, 2))
        content = (content + rng.choice(PADDING)).format(n=name)
        return NotePlan(
            content,
            rng.choice(NOTE_OBSERVATIONS).format(n=name),
            rng.choice(NOTE_AGREEMENTS).format(n=name),
            rng.choice(NOTE_NEXT),
            pick(rng, (("intern", 85), ("deelbaar_school", 10), ("deelbaar_clb", 5))),
        )

    def _school_work(self, year: int, needed: int) -> list[SchoolWorkPlan]:
        rng = self.rng
        plans: list[SchoolWorkPlan] = []
        sy = SchoolYear(year)
        weights = [s.weight for s in self.schools]
        kinds = (
            ("overleg_school", "wekelijks"),
            ("outreach", "wekelijks"),
            ("overleg_clb", "tweewekelijks"),
        )
        while needed > 0:
            school = rng.choices(range(len(weights)), weights)[0]
            contact, freq = rng.choice(kinds)
            coach = rng.choice(self.schools[school].coaches)
            first = self.next_school_day(school, sy.start + timedelta(days=rng.randint(7, 25)))
            until: date | None = date(year + 1, 6, 20)
            dates, _ = series_dates(first, _freq(freq), self.off(school), until=until)
            count: int | None = None
            if needed < len(dates):
                dates = dates[:needed]
                count, until = needed, None
            slot = rng.choice(SLOTS)
            location = LOCATION.get(contact, "school")
            series = SeriesPlan(
                coach, freq, first, count, until, contact, slot, DURATION[contact], location, []
            )
            for d in dates:
                series.sessions.append(
                    self._session(coach, d, slot, contact, location, "", "school", 1)
                )
            needed -= len(dates)
            plans.append(SchoolWorkPlan(school, year, series))
        return plans


_ORDER = {
    "register": 0,
    "transition": 1,
    "assign": 2,
    "start": 3,
    "goal": 4,
    "series": 5,
    "session": 6,
    "evaluate": 7,
    "close": 8,
}


def _freq(code: str) -> SeriesFrequency:
    return SeriesFrequency(code)


# --- filling a vault ----------------------------------------------------------------------
FUNDERS = (
    ("Urenoverdracht scholengemeenschap", "urenoverdracht"),
    ("Plan Samenleven – Klasbakken", "plan_samenleven"),
    ("NAFT-partnerschap", "naft"),
)
CLBS = ("Vrij CLB Rand (demo)", "GO! CLB Brabant (demo)", "CLB OVSG Rand (demo)")
TEMPLATES = (
    ("individueel_gesprek", "Gesprek jongere", "Hoe ging het sinds vorige keer?", "", "", ""),
    ("klassessie", "Klassessie", "Thema en werkvorm:", "Groepssfeer:", "", ""),
    ("rondetafel", "Rondetafel", "Aanwezigen:", "", "Afspraken per partner:", ""),
)


@dataclass
class Stage:
    """Ids of what the reference step made, shared by both writers."""

    leader: Identity
    coaches: list[Identity]
    schools: list[str]


def _existing_data(s: Session) -> tuple[int, int]:
    schools = s.scalar(select(func.count()).select_from(School)) or 0
    referrals = s.scalar(select(func.count()).select_from(Referral)) or 0
    return int(schools), int(referrals)


def vault_has_data(vault: Vault) -> bool:
    with vault.session() as s:
        return any(_existing_data(s))


def _users(vault: Vault, planner: DemoPlanner, password: str) -> list[Identity]:
    leader = vault.identity
    assert leader is not None
    with vault.session() as s:
        existing = {u.login: u.id for u in s.scalars(select(User))}
    coaches = []
    for login, name in planner.coach_names:
        if login not in existing:
            existing[login] = accounts.add_user(vault, leader, login, "coach", name, password).id
        coaches.append(Identity(existing[login], login, "coach"))
    return coaches


def _reference(s: Session, planner: DemoPlanner, stage: Stage) -> list[str]:
    """Partners, schools, funders, holidays, days off and note templates, via the services."""
    leader = stage.leader
    clbs = [reference.add_partner(s, leader, name, "clb").id for name in CLBS]
    community = reference.add_community(s, leader, "Scholengemeenschap (demo)")
    schools = []
    for i, sp in enumerate(planner.schools):
        clb = clbs[{"vgo_katholiek": 0, "go": 1}.get(sp.network, 2)]
        info = reference.add_school(
            s,
            leader,
            sp.name,
            sp.short_name,
            sp.municipality,
            sp.network,
            community,
            clb,
            sp.is_buso,
        )
        schools.append(info.id)
        first, last = planner._name("v")
        reference.add_contact(
            s,
            leader,
            f"{first} {last}",
            "zorgcoordinator",
            school_id=info.id,
            email=f"zorg{i + 1}@school.example",
        )
    for year in [*planner.years, planner.years[-1] + 1]:
        reference.load_flemish_holidays(s, leader, year)
    for school_id, days in zip(schools, planner.school_days_off, strict=True):
        for day, (name, kind) in sorted(days.items()):
            reference.add_day_off(s, leader, day, day, name, kind, school_id)
    for contact_type, name, *texts in TEMPLATES:
        notes.add_template(s, leader, contact_type, name, *texts)
    return schools


def _capacity(
    s: Session, planner: DemoPlanner, stage: Stage, funders: list[str], year: int, items: list[Any]
) -> None:
    """Agreements sized on the year's planned work, so some schools pass 80 % and 100 %."""
    minutes: dict[int, int] = defaultdict(int)
    for item in items:
        for session in _sessions_of(item):
            minutes[item.school] += session.duration
    # the whole year's expected work, also for the running year that has only part of its cases
    expected = planner.scale.sessions_per_year * evolution(year) / 100 * 62 / 60
    total_hours = max(sum(minutes.values()) / 60, expected)
    pool = total_hours * 0.72 / len(stage.schools)  # the pool is the sum over the agreements
    rng = random.Random(f"capacity:{planner.seed}:{year}")
    for i, school_id in enumerate(stage.schools):
        teacher = planner.schools[i].teacher_hours
        reference.set_capacity(
            s, stage.leader, school_id, year, funders[0], teacher, round(pool, 1)
        )
        if i % 3 == 1:
            hours = round(minutes[i] / 60 * rng.uniform(0.1, 0.25))
            reference.set_capacity(s, stage.leader, school_id, year, funders[1], 0, hours)
        if i % 4 == 2:
            hours = round(minutes[i] / 60 * rng.uniform(0.1, 0.2))
            reference.set_capacity(s, stage.leader, school_id, year, funders[2], 0, hours)


def _sessions_of(item: Any) -> Iterator[SessionPlan]:
    if isinstance(item, SchoolWorkPlan):
        yield from item.series.sessions
        return
    for op in item.ops:
        if op.kind == "series":
            yield from op.data["series"].sessions
        elif op.kind == "session":
            yield op.data["session"]


def fill_vault(
    vault: Vault,
    password: str,
    scale: str = "typical",
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
    via_services: bool | None = None,
) -> dict[str, int]:
    """Fill an unlocked, empty vault (the caller is its team leader); returns counts per table.

    Refuses a vault that already has schools or referrals, so running twice adds nothing.
    `via_services` True: every step through the services (about 30 ms a session on this
    machine, so only for the tiny scale); default: the bulk writer, which writes the same rows.
    """
    from amo_desktop.errors import ValidationError

    if scale not in SCALES:
        raise ValueError(scale)
    if vault.identity is None or vault.identity.role not in ("teamleader", "admin"):
        raise ValidationError(
            "user", "Vul de demo als teamverantwoordelijke.", "Fill the demo as team leader."
        )
    if vault_has_data(vault):
        raise ValidationError(
            "demo",
            "Deze kluis bevat al scholen of aanmeldingen; de demo vult alleen een lege kluis "
            "(kies een andere map met --data-dir).",
            "This vault already holds schools or referrals; the demo only fills an empty vault "
            "(choose another folder with --data-dir).",
        )
    report = progress or (lambda _fraction: None)
    planner = DemoPlanner(SCALES[scale], seed, today)
    coaches = _users(vault, planner, password)
    report(0.02)
    stage = Stage(vault.identity, coaches, [])
    with vault.session() as s:
        stage.schools = _reference(s, planner, stage)
        funders = [reference.add_funder(s, stage.leader, n, k).id for n, k in FUNDERS]
    report(0.05)
    use_services = bool(via_services)
    writer: ServiceWriter | BulkWriter = (
        ServiceWriter(stage, planner) if use_services else BulkWriter(stage, planner)
    )
    years = len(planner.years)
    for n, (year, items) in enumerate(planner.plan()):
        with vault.session() as s:
            _capacity(s, planner, stage, funders, year, items)
            writer.write_year(s, year, items, lambda f, n=n: report(0.05 + 0.95 * (n + f) / years))
    report(1.0)
    return table_counts(vault)


def table_counts(vault: Vault) -> dict[str, int]:
    tables = (
        School, Youth, YouthEnrolment, ClassGroup, Referral, ReferralTransition, Trajectory,
        TrajectoryCoach, Goal, SessionSeries, GuidanceSession, SessionNote, NoteVersion,
        AuditEvent, User,
    )  # fmt: skip
    with vault.session() as s:
        return {
            t.__tablename__: int(s.scalar(select(func.count()).select_from(t)) or 0) for t in tables
        }


class ServiceWriter:
    """Every step through the real services, as the team leader or the coach who does it."""

    def __init__(self, stage: Stage, planner: DemoPlanner) -> None:
        self.stage = stage
        self.planner = planner
        self.youth_ids: dict[int, str] = {}

    def write_year(
        self, s: Session, year: int, items: list[Any], progress: Callable[[float], None]
    ) -> None:
        for i, item in enumerate(items):
            if isinstance(item, SchoolWorkPlan):
                self._school_work(s, item)
            else:
                self._case(s, item)
            if i % 50 == 0:
                progress(i / max(1, len(items)))

    def _coach(self, index: int) -> Identity:
        return self.stage.coaches[index]

    def _case(self, s: Session, case: CasePlan) -> None:
        leader = self.stage.leader
        r = case.referral
        caller = leader if case.registered_by is None else self._coach(case.registered_by)
        data = ReferralInput(
            received_on=r["received_on"],
            school_id=self.stage.schools[case.school],
            subject_kind=r["subject_kind"],
            offer_type=r["offer_type"],
            prevention_level=r["prevention_level"],
            reasons=list(r["reasons"]),
            help_question=r["help_question"],
            channel=r["channel"],
            referrer_name=r["referrer_name"],
            referrer_function=r["referrer_function"],
            referrer_org=r["referrer_org"],
            via_clb=r["via_clb"],
            urgency=r["urgency"],
            care_phase=r["care_phase"],
            consent_youth=r["consent_youth"],
            parents_informed=r["parents_informed"],
            group_description=r["group_description"],
        )
        youth = case.youth
        if youth is not None:
            data.class_label, data.study_year = youth.class_label, youth.study_year
            if case.youth_is_new:
                data.youth_first_name, data.youth_last_name = youth.first_name, youth.last_name
                data.youth_birth_date, data.youth_gender = youth.birth_date, youth.gender
            else:
                data.youth_id = self.youth_ids[youth.key]
        if case.class_group is not None:
            data.class_group_label = case.class_group["label"]
            data.class_pupil_count = case.class_group["pupil_count"]
            data.study_year = case.class_group["study_year"]
        summary = intake.register_referral(
            s, caller, data, confirm_duplicate=True, today=self.planner.today
        )
        referral = s.get(Referral, summary.id)
        assert referral is not None
        if youth is not None and referral.youth_id:
            self.youth_ids[youth.key] = referral.youth_id
        trajectory_id = ""
        coach = leader
        goals: dict[int, str] = {}
        for op in case.ops[1:]:
            d = op.data
            if op.kind == "transition":
                intake.transition_referral(
                    s,
                    leader,
                    referral.id,
                    d["to"],
                    d["reason"],
                    on=op.on,
                    no_start_reason=d["no_start"],
                )
            elif op.kind == "assign":
                coach = self._coach(d["lead"])
                info = trajectories.assign_to_coach(
                    s,
                    leader,
                    referral.id,
                    coach.user_id,
                    d["start"],
                    [self._coach(c).user_id for c in d["co"]],
                    on=op.on,
                )
                trajectory_id = info.id
            elif op.kind == "start":
                trajectories.start_trajectory(s, coach, trajectory_id, op.on)
            elif op.kind == "goal":
                goal = trajectories.add_goal(
                    s, coach, trajectory_id, d["description"], d["domain"], op.on
                )
                goals[d["index"]] = goal.id
            elif op.kind == "series":
                group = referral.class_group_id if d["class"] else None
                self._series(s, d["series"], trajectory_id=trajectory_id, class_group_id=group)
            elif op.kind == "session":
                self._single(s, d["session"], trajectory_id)
            elif op.kind == "evaluate":
                trajectories.evaluate_goal(
                    s, coach, goals[d["index"]], d["evaluation"], op.on, d["note"]
                )
            elif op.kind == "close":
                trajectories.close_trajectory(
                    s, coach, trajectory_id, op.on, d["reason"], d["outcome"], d["summary"]
                )

    def _input(self, plan: SessionPlan | SeriesPlan, on: date, **where: Any) -> SessionInput:
        return SessionInput(
            self._coach(plan.coach).user_id,
            on,
            plan.start,
            plan.duration,
            plan.contact_type,
            plan.location,
            participants=plan.participants,
            **where,
        )

    def _series(self, s: Session, plan: SeriesPlan, **where: Any) -> None:
        caller = self._coach(plan.coach)
        planned = scheduling.plan_series(
            s,
            caller,
            self._input(plan, plan.first_on, **where),
            plan.frequency,
            plan.count,
            plan.until,
        )
        got = [x.on for x in planned.sessions]
        want = [x.on for x in plan.sessions]
        if got != want:
            raise AssertionError(f"series dates differ from the plan: {got} != {want}")
        for info, session in zip(planned.sessions, plan.sessions, strict=True):
            self._aftercare(s, caller, info.id, session)

    def _single(self, s: Session, plan: SessionPlan, trajectory_id: str) -> None:
        caller = self._coach(plan.coach)
        planned = scheduling.plan_session(
            s, caller, self._input(plan, plan.on, trajectory_id=trajectory_id)
        )
        self._aftercare(s, caller, planned.sessions[0].id, plan)

    def _aftercare(self, s: Session, caller: Identity, session_id: str, plan: SessionPlan) -> None:
        if plan.attendance is not None:
            scheduling.record_attendance(s, caller, session_id, plan.attendance, plan.present_count)
        note = plan.note
        if note is None:
            return
        for text in (note.earlier, note):
            if text is not None:
                notes.save_note(
                    s,
                    caller,
                    session_id,
                    NoteInput(
                        text.content,
                        text.observations,
                        text.agreements,
                        text.next_steps,
                        None,
                        text.visibility,
                    ),
                )

    def _school_work(self, s: Session, item: SchoolWorkPlan) -> None:
        self._series(s, item.series, school_id=self.stage.schools[item.school])


class BulkWriter:
    """The same rows the services write, inserted with Core executemany in batches.

    Mirrors intake.register_referral / transition_referral, trajectories.*, scheduling.plan_series
    / plan_session / record_attendance and notes.save_note, including their audit events.
    Timestamps are the day of each step (the services stamp 'now'); ids come from the seed.
    """

    ORDER: tuple[type[Any], ...] = (
        Youth, YouthEnrolment, ClassGroup, Referral, ReferralTransition, Trajectory,
        TrajectoryCoach, Goal, SessionSeries, GuidanceSession, SessionNote, NoteVersion,
        AuditEvent,
    )  # fmt: skip
    BATCH = 20_000

    def __init__(self, stage: Stage, planner: DemoPlanner) -> None:
        self.stage = stage
        self.planner = planner
        self.ids = random.Random(f"ids:{planner.scale.name}:{planner.seed}")
        self.youth_ids: dict[int, str] = {}
        self.enrolled: set[tuple[int, int]] = set()
        self.referred: set[tuple[int, int]] = set()
        self.rows: dict[Table, list[dict[str, Any]]] = {m.__table__: [] for m in self.ORDER}
        self.pending = 0
        self.ticks: dict[date, int] = {}
        self.audit_count = 0
        self.year_index = 0
        self.opens: list[tuple[str, str]] = []

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.ids.getrandbits(128), version=4))

    def at(self, day: date) -> datetime:
        """A moment on `day`; later calls on the same day get later moments."""
        n = self.ticks[day] = self.ticks.get(day, 0) + 1
        return datetime(day.year, day.month, day.day, 7, 0, tzinfo=UTC) + timedelta(seconds=n)

    def add(self, model: type[Any], row: dict[str, Any]) -> None:
        self.rows[model.__table__].append(row)
        self.pending += 1

    def stamped(self, when: datetime, by: str, **row: Any) -> dict[str, Any]:
        return {
            "id": self.new_id(),
            "created_at": when,
            "updated_at": when,
            "changed_by": by,
            **row,
        }

    def audit(
        self,
        when: datetime,
        user: str,
        action: str,
        entity: str,
        entity_id: str | None,
        detail: str = "",
    ) -> None:
        self.add(
            AuditEvent,
            {
                "id": self.new_id(),
                "at": when,
                "user_id": user,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": detail,
            },
        )
        self.audit_count += 1

    def flush(self, s: Session) -> None:
        conn = s.connection()
        for table, rows in self.rows.items():
            if rows:
                conn.execute(table.insert(), rows)
                rows.clear()
        self.pending = 0

    def write_year(
        self, s: Session, year: int, items: list[Any], progress: Callable[[float], None]
    ) -> None:
        self.opens = []
        for i, item in enumerate(items):
            if isinstance(item, SchoolWorkPlan):
                self._series(item.series, item.school, None, None)
            else:
                self._case(item)
            if self.pending >= self.BATCH:
                self.flush(s)
                progress(i / max(1, len(items)))
        self._pad(year)
        self.flush(s)
        self.year_index += 1

    def _pad(self, year: int) -> None:
        """'open' events (a file looked at), up to the scale's audit target."""
        target = self.planner.scale.audit_target
        if not target or not self.opens:
            return
        years = len(self.planner.years)
        wanted = round(target * (self.year_index + 1) / years) - self.audit_count
        rng = random.Random(f"opens:{self.planner.seed}:{year}")
        first = SchoolYear(year).start
        last = min(SchoolYear(year).end, self.planner.today)
        span = max(1, (last - first).days)
        for _ in range(max(0, wanted)):
            entity, entity_id = rng.choice(self.opens)
            user = self.stage.leader.user_id
            self.audit(
                self.at(first + timedelta(days=rng.randrange(span))),
                user,
                "open",
                entity,
                entity_id,
            )

    def _case(self, case: CasePlan) -> None:
        leader = self.stage.leader.user_id
        r = case.referral
        by = (
            leader if case.registered_by is None else self.stage.coaches[case.registered_by].user_id
        )
        school_id = self.stage.schools[case.school]
        year = case.school_year
        on = r["received_on"]
        when = self.at(on)
        youth_id = class_group_id = None
        rereferral = False
        youth = case.youth
        if youth is not None:
            if case.youth_is_new:
                youth_id = self.new_id()
                self.youth_ids[youth.key] = youth_id
                self.add(
                    Youth,
                    {
                        "id": youth_id,
                        "created_at": when,
                        "updated_at": when,
                        "changed_by": by,
                        "deleted_at": None,
                        "first_name": youth.first_name,
                        "last_name": youth.last_name,
                        "birth_date": youth.birth_date,
                        "gender": youth.gender,
                        "municipality": "",
                        "flags": "",
                        "anonymised_at": None,
                    },
                )
            else:
                youth_id = self.youth_ids[youth.key]
                rereferral = (youth.key, year) in self.referred
            self.referred.add((youth.key, year))
            if (youth.key, year) not in self.enrolled:
                self.enrolled.add((youth.key, year))
                self.add(
                    YouthEnrolment,
                    self.stamped(
                        when,
                        by,
                        youth_id=youth_id,
                        school_year=year,
                        school_id=school_id,
                        campus_id=None,
                        class_label=youth.class_label,
                        study_year=youth.study_year,
                        grade=None,
                    ),
                )
        if case.class_group is not None:
            cg = case.class_group
            row = self.stamped(
                when,
                by,
                deleted_at=None,
                school_id=school_id,
                campus_id=None,
                school_year=year,
                label=cg["label"],
                study_year=cg["study_year"],
                grade=None,
                pupil_count=cg["pupil_count"],
            )
            class_group_id = row["id"]
            self.add(ClassGroup, row)
        referral_id = self.new_id()
        referral: dict[str, Any] = {
            "id": referral_id,
            "created_at": when,
            "updated_at": when,
            "changed_by": by,
            "deleted_at": None,
            "received_on": on,
            "registered_by": by,
            "school_year": year,
            "channel": r["channel"],
            "referrer_name": r["referrer_name"],
            "referrer_function": r["referrer_function"],
            "referrer_org": r["referrer_org"],
            "referrer_contact_id": None,
            "via_clb": r["via_clb"],
            "clb_contact_id": None,
            "subject_kind": r["subject_kind"],
            "youth_id": youth_id,
            "class_group_id": class_group_id,
            "group_description": r["group_description"],
            "school_id": school_id,
            "offer_type": r["offer_type"],
            "prevention_level": r["prevention_level"],
            "reasons": ",".join(dict.fromkeys(r["reasons"])),
            "help_question": r["help_question"],
            "actions_taken": "",
            "care_phase": r["care_phase"],
            "urgency": r["urgency"],
            "consent_youth": r["consent_youth"],
            "parents_informed": r["parents_informed"],
            "status": "nieuw",
            "status_changed_at": when,
            "no_start_reason": None,
            "intake_on": None,
            "start_on": None,
            "waitlist_since": None,
            "is_rereferral": rereferral,
        }
        transitions = [(when, by, None, "nieuw", "")]
        self.audit(when, by, "create", "referral", referral_id)
        self.opens.append(("referral", referral_id))

        def transition(
            day: date, user: str, to: str, reason: str = "", no_start: str | None = None
        ) -> datetime:
            moment = self.at(day)
            current = referral["status"]
            if to == "niet_gestart":
                referral["no_start_reason"] = no_start
            if referral["intake_on"] is None and to in (
                "vraagverheldering",
                "wachtlijst",
                "toegewezen",
            ):
                referral["intake_on"] = day
            if to == "wachtlijst":
                referral["waitlist_since"] = day
            if to == "gestart":
                referral["start_on"] = day
            referral.update(status=to, status_changed_at=moment, changed_by=user, updated_at=moment)
            transitions.append((moment, user, current, to, reason.strip()))
            if (
                current == "toegewezen"
                and to != "gestart"
                and trajectory.get("status") == "gepland"
            ):
                # as intake.transition_referral: a plan that will not start is cancelled
                trajectory.update(status="geannuleerd", updated_at=moment, changed_by=user)
                self.audit(moment, user, "cancel", "trajectory", trajectory["id"])
            self.audit(moment, user, "transition", "referral", referral_id, f"{current}->{to}")
            return moment

        trajectory: dict[str, Any] = {}
        coaches: list[str] = []
        goals: list[dict[str, Any]] = []
        later: list[dict[str, Any]] = []  # sessions and co, after the trajectory row
        for op in case.ops[1:]:
            d = op.data
            if op.kind == "transition":
                transition(op.on, leader, d["to"], d["reason"], d["no_start"])
            elif op.kind == "assign":
                moment = transition(op.on, leader, "toegewezen")
                lead = self.stage.coaches[d["lead"]].user_id
                trajectory = self.stamped(
                    moment,
                    leader,
                    deleted_at=None,
                    referral_id=referral_id,
                    offer_type=r["offer_type"],
                    prevention_level=r["prevention_level"],
                    lead_coach_id=lead,
                    start_on=d["start"],
                    planned_end=None,
                    end_on=None,
                    status="gepland",
                    closure_reason=None,
                    outcome=None,
                    summary="",
                )
                coaches = [
                    self.stage.coaches[c].user_id for c in dict.fromkeys(d["co"]) if c != d["lead"]
                ]
                self.audit(moment, leader, "create", "trajectory", trajectory["id"])
                self.opens.append(("trajectory", trajectory["id"]))
            elif op.kind == "start":
                moment = transition(op.on, trajectory["lead_coach_id"], "gestart")
                trajectory.update(
                    status="lopend",
                    start_on=op.on,
                    updated_at=moment,
                    changed_by=trajectory["lead_coach_id"],
                )
                self.audit(
                    moment, trajectory["lead_coach_id"], "start", "trajectory", trajectory["id"]
                )
            elif op.kind == "goal":
                moment = self.at(op.on)
                user = trajectory["lead_coach_id"]
                goal = self.stamped(
                    moment,
                    user,
                    trajectory_id=trajectory["id"],
                    description=d["description"],
                    domain=d["domain"],
                    set_on=op.on,
                    evaluation="lopend",
                    evaluated_on=None,
                    evaluation_note="",
                )
                goals.append(goal)
                self.audit(moment, user, "create", "goal", goal["id"])
            elif op.kind == "series":
                later.append(
                    {
                        "series": d["series"],
                        "class_group_id": class_group_id if d["class"] else None,
                    }
                )
            elif op.kind == "session":
                later.append({"session": d["session"]})
            elif op.kind == "evaluate":
                moment = self.at(op.on)
                goal = goals[d["index"]]
                goal.update(
                    evaluation=d["evaluation"],
                    evaluated_on=op.on,
                    evaluation_note=d["note"].strip(),
                    updated_at=moment,
                )
                self.audit(moment, trajectory["lead_coach_id"], "evaluate", "goal", goal["id"])
            elif op.kind == "close":
                user = trajectory["lead_coach_id"]
                moment = transition(op.on, user, "afgesloten", ClosureReason(d["reason"]).label)
                trajectory.update(
                    status="afgesloten",
                    end_on=op.on,
                    closure_reason=d["reason"],
                    outcome=d["outcome"],
                    summary=d["summary"].strip(),
                    updated_at=moment,
                    changed_by=user,
                )
                self.audit(moment, user, "close", "trajectory", trajectory["id"])
        self.add(Referral, referral)
        for moment, user, old, new, reason in transitions:
            self.add(
                ReferralTransition,
                {
                    "id": self.new_id(),
                    "referral_id": referral_id,
                    "at": moment,
                    "on": moment.date(),
                    "user_id": user,
                    "from_status": old,
                    "to_status": new,
                    "reason": reason,
                },
            )
        if trajectory:
            self.add(Trajectory, trajectory)
            for user in coaches:
                self.add(TrajectoryCoach, {"trajectory_id": trajectory["id"], "user_id": user})
            for goal in goals:
                self.add(Goal, goal)
        for entry in later:
            if "series" in entry:
                self._series(
                    entry["series"], case.school, trajectory["id"], entry["class_group_id"]
                )
            else:
                self._session(entry["session"], case.school, trajectory["id"], None, None)

    def _series(
        self, plan: SeriesPlan, school: int, trajectory_id: str | None, class_group_id: str | None
    ) -> None:
        user = self.stage.coaches[plan.coach].user_id
        when = self.at(plan.first_on)
        row = self.stamped(
            when,
            user,
            frequency=plan.frequency,
            first_on=plan.first_on,
            count=plan.count,
            until=plan.until,
        )
        self.add(SessionSeries, row)
        for session in plan.sessions:
            self._session(session, school, trajectory_id, class_group_id, row["id"], when)

    def _session(
        self,
        plan: SessionPlan,
        school: int,
        trajectory_id: str | None,
        class_group_id: str | None,
        series_id: str | None,
        created: datetime | None = None,
    ) -> None:
        user = self.stage.coaches[plan.coach].user_id
        when = created or self.at(plan.on)
        row = self.stamped(
            when,
            user,
            deleted_at=None,
            trajectory_id=trajectory_id,
            school_id=self.stage.schools[school],
            class_group_id=class_group_id,
            coach_id=user,
            series_id=series_id,
            on=plan.on,
            start=plan.start,
            duration_min=plan.duration,
            contact_type=plan.contact_type,
            location=plan.location,
            participants=plan.participants,
            attendance=plan.attendance,
            present_count=plan.present_count,
            cancelled=False,
        )
        self.add(GuidanceSession, row)
        self.audit(when, user, "create", "session", row["id"])
        if plan.attendance is not None:
            moment = self.at(plan.on)
            row["updated_at"] = moment
            self.audit(moment, user, "attendance", "session", row["id"])
        if plan.note is None:
            return
        note = plan.note
        moment = self.at(plan.on)
        note_id = self.new_id()
        version = 1
        if note.earlier is not None:
            e = note.earlier
            self.add(
                NoteVersion,
                {
                    "id": self.new_id(),
                    "note_id": note_id,
                    "version": 1,
                    "saved_at": moment,
                    "author_id": user,
                    "content": e.content,
                    "observations": e.observations,
                    "agreements": e.agreements,
                    "next_steps": e.next_steps,
                    "goal_progress": "{}",
                    "visibility": e.visibility,
                },
            )
            self.audit(moment, user, "update", "session_note", note_id)
            version = 2
        self.add(
            SessionNote,
            {
                "id": note_id,
                "created_at": moment,
                "updated_at": moment,
                "changed_by": user,
                "session_id": row["id"],
                "author_id": user,
                "version": version,
                "content": note.content,
                "observations": note.observations,
                "agreements": note.agreements,
                "next_steps": note.next_steps,
                "goal_progress": "{}",
                "visibility": note.visibility,
                "is_draft": False,
            },
        )
        self.audit(moment, user, "update", "session_note", note_id)
        self.opens.append(("session_note", note_id))
