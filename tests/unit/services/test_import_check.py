"""Judging one import row: every refusal names its row and column, a refused row is never stored,
and a sound row is stored exactly as the sheet says it (issue 12, docs/import.md)."""

from __future__ import annotations

from datetime import date

import pytest

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.services._import_check import Context, Row, RowReader, check_row
from amo_desktop.services._import_spec import ENUMS, allowed
from amo_desktop.services.intake import ReferralInput

TODAY = date(2026, 1, 15)
COACHES = {"coach.an": ("id-an", True), "oud": ("id-oud", False)}


def jongere(**extra: object) -> dict[str, object]:
    cells: dict[str, object] = {
        "datum_aanmelding": "2025-10-06",
        "school": "VKO Opwijk",
        "onderwerp": "jongere",
        "voornaam": "Zoë",
        "achternaam": "Peeters",
        "aanbod": "individuele_begeleiding",
        "preventief_curatief": "curatief",
        "redenen": "spijbelen",
        "hulpvraag": "Komt niet meer naar school.",
    }
    cells.update(extra)
    return cells


def check(
    bad: set[str] | None = None, year: SchoolYear | None = None, **extra: object
) -> RowReader:
    return check_row(7, jongere(**extra), Context(TODAY, COACHES, year), bad or set())


def problems(r: RowReader) -> dict[str, str]:
    """Column → message; a refused row is never handed to the writer."""
    assert all(p.row == 7 for p in r.problems + r.warnings)
    if r.problems:
        assert r.row is None
    return {p.column: p.message for p in r.problems}


def warnings(r: RowReader) -> dict[str, str]:
    assert all(p.row == 7 for p in r.warnings)
    return {p.column: p.message for p in r.warnings}


def test_a_sound_row_is_stored_exactly_as_the_sheet_says() -> None:
    r = check(
        school="  VKO   Opwijk ",
        geboortedatum="14/03/2011",
        klas="2B",
        leerjaar="2",
        urgentie="hoog",
        redenen="spijbelen; Pesten (slachtoffer/pleger)",
        aanmelder_functie="zorgcoordinator",
        kanaal="telefoon",
        aanmelder="Mevr. Janssens",
        via_clb="ja",
        toestemming="ja",
        geslacht="v",
    )
    assert r.problems == [] and r.warnings == []
    assert r.row == Row(
        number=7,
        data=ReferralInput(
            received_on=date(2025, 10, 6),
            school_id="",
            subject_kind="jongere",
            offer_type="individuele_begeleiding",
            prevention_level="curatief",
            reasons=["spijbelen", "pesten"],
            help_question="Komt niet meer naar school.",
            channel="telefoon",
            referrer_name="Mevr. Janssens",
            referrer_function="zorgcoordinator",
            via_clb=True,
            urgency="hoog",
            consent_youth=True,
            youth_first_name="Zoë",
            youth_last_name="Peeters",
            youth_birth_date=date(2011, 3, 14),
            youth_gender="v",
            class_label="2B",
            study_year="2",
            class_group_label="",
            class_pupil_count=0,
            group_description="",
        ),
        school_key="vkoopwijk",
        school_name="VKO Opwijk",
        status="nieuw",
        outcome="onbekend",
    )


def test_empty_optional_columns_take_their_documented_defaults() -> None:
    r = check()
    assert r.problems == [] and r.row is not None
    data = r.row.data
    assert (data.urgency, data.referrer_function, data.channel, data.youth_gender) == (
        "normaal",
        "andere",
        "email",
        "nvt",
    )
    assert data.via_clb is False and data.consent_youth is False
    assert r.row.status == "nieuw" and r.row.outcome == "onbekend"
    assert r.row.coach_id is None and r.row.start_on is None and r.row.goal_domain is None


@pytest.mark.parametrize("column", ["datum_aanmelding", "school", "hulpvraag", "voornaam"])
def test_an_empty_required_cell_is_refused(column: str) -> None:
    r = check(**{column: " "})  # blank is empty: one problem, not also 'geen datum'
    assert [(p.column, p.message) for p in r.problems] == [(column, "Dit veld is verplicht.")]
    assert r.row is None


def test_the_last_name_of_a_young_person_is_required() -> None:
    assert problems(check(achternaam=None)) == {"achternaam": "Dit veld is verplicht."}


@pytest.mark.parametrize("column", ["onderwerp", "aanbod", "preventief_curatief"])
def test_an_empty_required_list_cell_names_the_choices(column: str) -> None:
    message = problems(check(**{column: ""}))[column]
    assert message == "Dit veld is verplicht. " + allowed(ENUMS[column])


def test_an_unknown_list_value_is_refused_with_the_choices() -> None:
    assert problems(check(status="Lopend")) == {
        "status": "Onbekende waarde 'Lopend'. " + allowed(ENUMS["status"])
    }
    found = problems(check(aanbod="Bijles", urgentie="dringend"))
    assert found["aanbod"].startswith("Onbekende waarde 'Bijles'. ")
    assert found["urgentie"] == "Onbekende waarde 'dringend'. " + allowed(ENUMS["urgentie"])


def test_reasons_must_be_known_and_at_least_one() -> None:
    found = problems(check(redenen="spijbelen; Verveling; Ruzie"))
    assert found["redenen"].startswith("Onbekende reden(en): 'Verveling', 'Ruzie'. ")
    assert found["redenen"].endswith(allowed(ENUMS["redenen"]))
    assert problems(check(redenen=" ; ")) == {"redenen": "Vul minstens één reden in."}


@pytest.mark.parametrize(
    ("column", "limit"),
    [
        ("school", 200),
        ("hulpvraag", 4000),
        ("voornaam", 100),
        ("achternaam", 100),
        ("aanmelder", 200),
        ("klas", 20),
        ("leerjaar", 10),
    ],
)
def test_each_text_column_holds_its_own_number_of_characters(column: str, limit: int) -> None:
    assert problems(check(**{column: "a" * limit})) == {}
    assert problems(check(**{column: "a" * (limit + 1)})) == {
        column: f"Gebruik hoogstens {limit} tekens."
    }


def test_a_group_description_holds_2000_characters() -> None:
    group = {"onderwerp": "groep", "voornaam": None, "achternaam": None}
    r = check(groep_omschrijving="a" * 2000, **group)
    assert problems(r) == {} and r.row is not None
    assert r.row.data.group_description == "a" * 2000
    assert problems(check(groep_omschrijving="a" * 2001, **group)) == {
        "groep_omschrijving": "Gebruik hoogstens 2000 tekens."
    }


def test_a_column_the_cell_checks_refused_gets_no_second_problem_and_no_row() -> None:
    r = check(bad={"voornaam"}, voornaam=None)
    assert r.problems == [] and r.row is None


def test_dates_are_refused_when_unreadable_too_old_or_in_the_future() -> None:
    assert problems(check(datum_aanmelding="6 oktober")) == {
        "datum_aanmelding": "'6 oktober' is geen datum. Gebruik JJJJ-MM-DD of dd/mm/jjjj."
    }
    old = "Deze datum ligt te ver in het verleden."
    assert problems(check(datum_aanmelding="1999-12-31")) == {"datum_aanmelding": old}
    assert problems(check(datum_aanmelding="2000-01-01")) == {}
    assert problems(check(geboortedatum="1989-12-31")) == {"geboortedatum": old}
    assert problems(check(geboortedatum="1990-01-01")) == {}
    future = "Deze datum ligt in de toekomst."
    assert problems(check(datum_aanmelding="2026-01-16")) == {"datum_aanmelding": future}
    assert problems(check(datum_aanmelding=TODAY.isoformat())) == {}
    assert problems(check(geboortedatum="2026-01-16")) == {"geboortedatum": future}


def test_yes_and_no_are_read_in_every_documented_spelling() -> None:
    for word in ("ja", "J", "yes", "y", "1", "x", "Waar", "TRUE"):
        r = check(via_clb=word)
        assert r.row is not None and r.row.data.via_clb is True, word
    for word in ("nee", "N", "no", "0", "onwaar", "False"):
        r = check(via_clb=word)
        assert r.row is not None and r.row.data.via_clb is False, word
    assert problems(check(via_clb="Misschien")) == {
        "via_clb": "Vul 'ja' of 'nee' in, niet 'misschien'."
    }


def test_another_subject_than_a_young_person_warns_about_the_name_columns() -> None:
    r = check(onderwerp="school", geboortedatum="2011-03-14")
    unused = "Niet gebruikt: het onderwerp is geen jongere."
    assert problems(r) == {}
    assert warnings(r) == {"voornaam": unused, "achternaam": unused, "geboortedatum": unused}
    assert r.row is not None
    assert (r.row.data.youth_first_name, r.row.data.youth_birth_date) == ("", None)
    assert r.row.data.group_description == "" and r.row.data.class_label == ""


def test_a_class_needs_its_label_and_a_pupil_count_of_1_to_60() -> None:
    klas = {"onderwerp": "klasgroep", "voornaam": None, "achternaam": None, "klas": "3C"}
    r = check(aantal_leerlingen="24", **klas)
    assert problems(r) == {} and r.row is not None
    assert (r.row.data.class_group_label, r.row.data.class_pupil_count) == ("3C", 24)
    assert r.row.data.class_label == ""
    for count in ("1", "60"):
        r = check(aantal_leerlingen=count, **klas)
        assert r.row is not None and r.row.data.class_pupil_count == int(count)
    for count in ("0", "61", "twintig", "-3"):
        assert problems(check(aantal_leerlingen=count, **klas)) == {
            "aantal_leerlingen": "Vul een aantal leerlingen van 1 tot 60 in."
        }
    r = check(**klas)
    assert r.row is not None and r.row.data.class_pupil_count == 1
    assert warnings(r) == {
        "aantal_leerlingen": "Niet ingevuld: 1 leerling genoteerd. Pas het aantal aan in het "
        "programma."
    }
    assert problems(check(**{**klas, "klas": None}, aantal_leerlingen="5")) == {
        "klas": "Vul de klas in (bv. 2B)."
    }


def test_a_group_is_described_by_its_text_else_its_class_else_its_kind() -> None:
    base = {"voornaam": None, "achternaam": None}
    r = check(onderwerp="groep", groep_omschrijving="Meisjes 1ste graad", klas="1A", **base)
    assert r.row is not None and r.row.data.group_description == "Meisjes 1ste graad"
    r = check(onderwerp="groep", klas="1A", **base)
    assert r.row is not None and r.row.data.group_description == "1A"
    r = check(onderwerp="leerkracht_team", **base)
    assert r.row is not None and r.row.data.group_description == "Leerkracht / schoolteam"


def test_a_trajectory_status_needs_an_active_coach_and_a_start_date() -> None:
    r = check(status="toegewezen", begeleider="Coach.An", startdatum="2026-02-01")
    assert problems(r) == {} and r.row is not None  # a planned start may lie ahead
    assert (r.row.status, r.row.coach_id, r.row.start_on) == (
        "toegewezen",
        "id-an",
        date(2026, 2, 1),
    )
    assert problems(check(status="gestart", begeleider="coach.an", startdatum="2026-02-01")) == {
        "startdatum": "Deze datum ligt in de toekomst."
    }
    assert problems(check(status="toegewezen")) == {
        "begeleider": "Verplicht bij status 'Toegewezen': vul de login in.",
        "startdatum": "Verplicht bij status 'Toegewezen'.",
    }
    assert problems(check(status="gestart", begeleider="els", startdatum="2025-10-07")) == {
        "begeleider": "Er is geen medewerker met login 'els'."
    }
    assert problems(check(status="gestart", begeleider="oud", startdatum="2025-10-07")) == {
        "begeleider": "Medewerker 'oud' is niet meer actief."
    }
    assert problems(check(status="gestart", begeleider="coach.an", startdatum="2025-10-05")) == {
        "startdatum": "De startdatum ligt voor de datum van aanmelding."
    }
    r = check(status="gestart", begeleider="coach.an", startdatum="2025-10-06")
    assert problems(r) == {} and r.row is not None and r.row.start_on == date(2025, 10, 6)


def test_a_started_trajectory_of_a_young_person_needs_consent() -> None:
    started = {"status": "gestart", "begeleider": "coach.an", "startdatum": "2025-10-07"}
    r = check(**started)
    assert r.row is not None and r.row.data.consent_youth is True  # empty means yes here
    assert problems(check(toestemming="nee", **started)) == {
        "toestemming": "Een traject start pas met toestemming van de jongere: vul 'ja' in of kies "
        "een andere status."
    }
    r = check(
        toestemming="nee", status="toegewezen", begeleider="coach.an", startdatum="2025-10-07"
    )
    assert r.row is not None and r.row.data.consent_youth is False  # not started yet
    klas = {"onderwerp": "klasgroep", "voornaam": None, "achternaam": None, "klas": "3C"}
    r = check(toestemming="nee", aantal_leerlingen="20", **klas, **started)
    assert problems(r) == {} and r.row is not None and r.row.data.consent_youth is False


def test_columns_a_status_does_not_use_are_warned_about() -> None:
    r = check(begeleider="coach.an", startdatum="2025-10-07", einddatum="2025-11-01",
              afsluitreden="verhuisd")  # fmt: skip
    assert problems(r) == {}
    assert warnings(r) == dict.fromkeys(
        ["begeleider", "startdatum", "einddatum", "afsluitreden"],
        "Niet gebruikt bij status 'Nieuw'.",
    )
    assert r.row is not None and r.row.coach_id == "id-an"
    r = check(status="doorverwezen", einddatum="2025-11-01", afsluitreden="verhuisd")
    assert problems(r) == {}
    assert warnings(r) == {"afsluitreden": "Niet gebruikt bij status 'Doorverwezen'."}
    assert r.row is not None and r.row.end_on == date(2025, 11, 1)


def test_not_started_needs_its_reason_and_an_end_after_the_referral() -> None:
    needed = "Verplicht bij status 'Niet gestart'. " + allowed(ENUMS["reden_geen_opstart"])
    assert problems(check(status="niet_gestart")) == {"reden_geen_opstart": needed}
    r = check(status="niet_gestart", reden_geen_opstart="capaciteit", einddatum="2025-10-06")
    assert problems(r) == {} and warnings(r) == {}
    assert r.row is not None and r.row.no_start_reason == "capaciteit"
    assert problems(
        check(status="ingetrokken", einddatum="2025-10-05", afsluitreden="verhuisd")
    ) == {"einddatum": "De einddatum ligt voor de datum van aanmelding."}


def closed(**extra: object) -> RowReader:
    cells = {"status": "afgesloten", "begeleider": "coach.an", "startdatum": "2025-10-07"}
    return check(**{**cells, "einddatum": "2025-12-01", "afsluitreden": "verhuisd", **extra})


def test_a_closed_trajectory_needs_its_end_and_reason() -> None:
    r = closed(uitkomst="zelfde_school_richting")
    assert problems(r) == {} and warnings(r) == {} and r.row is not None
    assert (r.row.end_on, r.row.closure_reason, r.row.outcome) == (
        date(2025, 12, 1),
        "verhuisd",
        "zelfde_school_richting",
    )
    assert problems(closed(einddatum=None, afsluitreden=None)) == {
        "einddatum": "Verplicht bij status 'Afgesloten'.",
        "afsluitreden": "Verplicht bij status 'Afgesloten'. " + allowed(ENUMS["afsluitreden"]),
    }
    assert problems(closed(einddatum="2025-10-06")) == {
        "einddatum": "De einddatum ligt voor de startdatum."
    }
    assert problems(closed(einddatum="2025-10-07")) == {}


def test_goals_reached_records_a_domain_from_the_sheet_or_the_first_reason() -> None:
    r = closed(afsluitreden="doelen_bereikt", doeldomein="vrije_tijd")
    assert r.row is not None and r.row.goal_domain == "vrije_tijd"
    r = closed(afsluitreden="doelen_bereikt", redenen="thuissituatie; spijbelen")
    assert r.row is not None and r.row.goal_domain == "context_gezin"
    r = closed(afsluitreden="doelen_bereikt", redenen="pesten; spijbelen")
    assert r.row is not None and r.row.goal_domain == "psychisch_sociaal"
    r = closed(redenen="spijbelen")
    assert r.row is not None and r.row.goal_domain is None


def test_an_unlikely_age_is_a_warning() -> None:
    message = "De jongere is {} jaar op de datum van aanmelding (verwacht: 10 tot 25). Klopt de "
    message += "geboortedatum?"
    cases = [("2015-10-07", 9), ("1999-10-06", 26), ("2015-10-06", None), ("2025-10-06", 0)]
    for birth, age in [*cases, ("2025-12-01", None)]:  # born after the referral: no age
        r = check(geboortedatum=birth)
        assert problems(r) == {} and r.row is not None
        expected = {} if age is None else {"geboortedatum": message.format(age)}
        assert warnings(r) == expected, birth
    assert warnings(check(geboortedatum="2000-10-07")) == {}  # 24, turning 25 tomorrow
    assert warnings(check(geboortedatum="2000-10-06")) == {}  # 25 today


def test_a_referral_outside_the_school_year_it_is_filed_under_is_a_warning() -> None:
    r = check(schooljaar="2024-2025")
    assert problems(r) == {} and r.row is not None
    assert warnings(r) == {
        "datum_aanmelding": "Deze datum ligt na het schooljaar 2024-2025 waaronder de rij staat; "
        "de aanmelding telt mee in schooljaar 2025-2026."
    }
    r = check(year=SchoolYear(2026))  # the sheet's title names the year
    assert warnings(r)["datum_aanmelding"].startswith("Deze datum ligt voor het schooljaar 2026")
    assert warnings(check(year=SchoolYear(2026), schooljaar="2025-26")) == {}
    assert warnings(check(year=SchoolYear(2025))) == {}
    assert problems(check(schooljaar="Blad1")) == {
        "schooljaar": "'Blad1' is geen schooljaar. Schrijf het als 2025-2026."
    }


def test_a_filled_but_unreadable_cell_is_one_problem_not_also_a_missing_one() -> None:
    def only(r: RowReader) -> list[tuple[str, str]]:
        assert r.row is None
        return [(p.column, p.message.split(" ")[0]) for p in r.problems]

    assert only(check(datum_aanmelding="gisteren")) == [("datum_aanmelding", "'gisteren'")]
    assert only(check(onderwerp="leerling")) == [("onderwerp", "Onbekende")]
    assert only(closed(einddatum="kapot")) == [("einddatum", "'kapot'")]
    assert only(closed(afsluitreden="klaar")) == [("afsluitreden", "Onbekende")]
    started = {"status": "gestart", "begeleider": "coach.an"}
    assert only(check(startdatum="later", **started)) == [("startdatum", "'later'")]
    not_started = check(status="niet_gestart", reden_geen_opstart="geen zin")
    assert only(not_started) == [("reden_geen_opstart", "Onbekende")]
