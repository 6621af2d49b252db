"""Importing referrals from .xlsx and .csv on a real vault: all or nothing (issue 3)."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from amo_desktop.domain.caseload import ClassGroup, Goal, Referral, Trajectory, Youth
from amo_desktop.domain.enums import ReferralReason
from amo_desktop.domain.reference import School
from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services import importer, intake, reference, trajectories
from amo_desktop.services.importer import HEADERS, ImportReport
from tests.integration.services.conftest import TODAY, Stage

Row = dict[str, object]


def jongere(first: str, **extra: object) -> Row:
    row: Row = {
        "datum_aanmelding": "2025-10-06",
        "school": "VKO Opwijk",
        "onderwerp": "jongere",
        "voornaam": first,
        "achternaam": "Peeters",
        "geboortedatum": "14/03/2011",
        "klas": "2B",
        "leerjaar": "2B",
        "aanbod": "individuele_begeleiding",
        "preventief_curatief": "curatief",
        "urgentie": "normaal",
        "redenen": "spijbelen",
        "hulpvraag": "Komt niet meer naar school.",
        "aanmelder_functie": "zorgcoordinator",
    }
    row.update(extra)
    return row


def write_xlsx(path: Path, rows: list[Row], headers: list[str] | None = None) -> Path:
    headers = headers or list(HEADERS)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    book.save(path)
    return path


def write_csv(path: Path, rows: list[Row], delimiter: str = ";") -> Path:
    headers = list(HEADERS)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow([h.upper() if h == "school" else h for h in headers])  # any letter case
        for row in rows:
            writer.writerow(["" if row.get(h) is None else str(row.get(h)) for h in headers])
    return path


def run(stage: Stage, path: Path, dry_run: bool = False) -> ImportReport:
    with stage.vault.session() as s:
        return importer.import_referrals(s, stage.leader, path, TODAY, dry_run=dry_run)


def referral_count(stage: Stage) -> int:
    with stage.vault.session() as s:
        return s.scalar(select(func.count()).select_from(Referral)) or 0


def by_first_name(stage: Stage) -> dict[str, tuple[Referral, Trajectory | None]]:
    with stage.vault.session() as s:
        found = {}
        for referral, youth in s.execute(
            select(Referral, Youth).join(Youth, Youth.id == Referral.youth_id)
        ):
            trajectory = s.scalar(select(Trajectory).where(Trajectory.referral_id == referral.id))
            found[youth.first_name] = (referral, trajectory)
            s.expunge_all()
        return found


MIXED_ROWS: list[Row] = [
    jongere(
        "Zoë",
        onderwerp="INDIVIDUELE JONGERE",
        aanbod="Individuele Begeleiding",
        preventief_curatief="Curatief (Remediërend)",
        redenen="Psychosociaal welbevinden (somberheid, angst, zelfbeeld), PESTEN",
        urgentie="hoog",
        aanmelder_functie="Zorgcoördinator",
    ),
    jongere(
        "Milan",
        datum_aanmelding="15/09/2025",
        status="Op Wachtlijst",
        urgentie="Crisis",
        redenen="spijbelen; Schoolmoeheid / demotivatie",
        preventief_curatief="Preventief",
    ),
    jongere(
        "Lotte",
        status="gestart (traject loopt)",
        begeleider="AN",
        startdatum="20/10/2025",
        toestemming="ja",
    ),
    jongere(
        "Noah",
        datum_aanmelding="2025-09-08",
        status="Afgesloten",
        begeleider="yusuf",
        startdatum="2025-09-22",
        einddatum="19/12/2025",
        afsluitreden="Doelen Bereikt",
        uitkomst="andere school",
    ),
    {
        "datum_aanmelding": "01/10/2025",
        "school": "Atheneum Merchtem",
        "onderwerp": "Klasgroep",
        "klas": "1B",
        "leerjaar": "1B",
        "aantal_leerlingen": "18",
        "aanbod": "klasbegeleiding",
        "preventief_curatief": "preventief",
        "redenen": "Negatieve klas- of groepsdynamiek",
        "hulpvraag": "Veel conflicten in de klas.",
        "aanmelder_functie": "klastitularis",
        "status": "toegewezen",
        "begeleider": "an",
        "startdatum": "2026-03-02",
    },
    {
        "datum_aanmelding": "2025-11-03",
        "school": "gtsm merchtem",
        "onderwerp": "leerkracht / schoolteam",
        "aanbod": "Ondersteuning leerkracht/team (o.a. Ducktape)",
        "preventief_curatief": "preventief",
        "redenen": "andere",
        "hulpvraag": "Het team van de eerste graad vraagt ondersteuning.",
        "groep_omschrijving": "Team eerste graad",
        "status": "Ingetrokken door aanmelder",
        "einddatum": "2025-11-20",
    },
]


def check_mixed_import(stage: Stage, report: ImportReport) -> None:
    assert report.problems == [], [str(p) for p in report.problems]
    assert report.created == 6
    assert report.schools_created == ["Atheneum Merchtem"]
    found = by_first_name(stage)
    zoe, _ = found["Zoë"]
    assert zoe.status == "nieuw" and zoe.urgency == "hoog"
    assert zoe.reasons.split(",") == [ReferralReason.WELBEVINDEN.value, "pesten"]
    assert zoe.referrer_function == "zorgcoordinator" and zoe.received_on == date(2025, 10, 6)
    milan, none = found["Milan"]
    assert none is None and milan.status == "wachtlijst" and milan.urgency == "crisis"
    assert milan.waitlist_since == date(2025, 9, 15) and milan.prevention_level == "preventief"
    lotte, lotte_t = found["Lotte"]
    assert lotte.status == "gestart" and lotte.start_on == date(2025, 10, 20)
    assert lotte_t is not None and lotte_t.status == "lopend"
    assert lotte_t.lead_coach_id == stage.an.user_id
    noah, noah_t = found["Noah"]
    assert noah.status == "afgesloten" and noah_t is not None
    assert (noah_t.status, noah_t.end_on, noah_t.closure_reason, noah_t.outcome) == (
        "afgesloten",
        date(2025, 12, 19),
        "doelen_bereikt",
        "andere_school",
    )
    assert noah_t.lead_coach_id == stage.yusuf.user_id
    with stage.vault.session() as s:
        goals = list(s.scalars(select(Goal).where(Goal.trajectory_id == noah_t.id)))
        assert [(g.evaluation, g.domain) for g in goals] == [("bereikt", "schoolbinding")]
        klas = s.scalar(select(Referral).where(Referral.subject_kind == "klasgroep"))
        assert klas is not None and klas.status == "toegewezen"
        group = s.get(ClassGroup, klas.class_group_id)
        assert group is not None and (group.label, group.pupil_count) == ("1B", 18)
        school = s.get(School, klas.school_id)
        assert school is not None and school.name == "Atheneum Merchtem"
        planned = s.scalar(select(Trajectory).where(Trajectory.referral_id == klas.id))
        assert planned is not None and planned.status == "gepland"
        assert planned.start_on == date(2026, 3, 2)
        team = s.scalar(select(Referral).where(Referral.subject_kind == "leerkracht_team"))
        assert team is not None and team.status == "ingetrokken"
        assert team.school_id == stage.schools["GTSM Merchtem"]
        assert team.group_description == "Team eerste graad"
        history = intake.get_referral(s, stage.leader, noah.id).history
        assert [h.to_status for h in history] == [
            "nieuw",
            "vraagverheldering",
            "toegewezen",
            "gestart",
            "afgesloten",
        ]
        assert len(reference.list_schools(s, stage.leader)) == 4


def test_good_xlsx_imports_referrals_with_statuses_and_trajectories(
    stage: Stage, tmp_path: Path
) -> None:
    rows = [dict(r) for r in MIXED_ROWS]
    rows[0]["datum_aanmelding"] = datetime(2025, 10, 6)  # a real date cell
    rows[0]["geboortedatum"] = date(2011, 3, 14)
    rows[4]["aantal_leerlingen"] = 18  # a number cell
    report = run(stage, write_xlsx(tmp_path / "aanmeldingen.xlsx", rows))
    check_mixed_import(stage, report)


@pytest.mark.parametrize("delimiter", [";", ","])
def test_good_csv_imports_the_same(stage: Stage, tmp_path: Path, delimiter: str) -> None:
    report = run(stage, write_csv(tmp_path / "aanmeldingen.csv", MIXED_ROWS, delimiter))
    check_mixed_import(stage, report)


def test_bad_rows_import_nothing_and_every_problem_is_listed(stage: Stage, tmp_path: Path) -> None:
    rows = [
        jongere("Goed"),
        jongere("Datum", geboortedatum="31/02/2011", school="Nieuwe School"),
        jongere("Reden", redenen="spijbelen; toverkunst", urgentie="paniek"),
        jongere("Goed2"),
        jongere("Afgesloten", status="afgesloten", begeleider="an", startdatum="2025-10-20"),
    ]
    report = run(stage, write_xlsx(tmp_path / "fout.xlsx", rows))
    assert report.created == 0 and report.schools_created == []
    where = [(p.row, p.column) for p in report.problems]
    assert where == [
        (3, "geboortedatum"),
        (4, "urgentie"),
        (4, "redenen"),
        (6, "einddatum"),
        (6, "afsluitreden"),
    ]
    assert "toverkunst" in next(p.message for p in report.problems if p.column == "redenen")
    assert str(report.problems[0]).startswith("rij 3, kolom geboortedatum: ")
    assert referral_count(stage) == 0
    with stage.vault.session() as s:
        assert len(reference.list_schools(s, stage.leader)) == 3


def test_unknown_coach_is_an_error_for_that_row(stage: Stage, tmp_path: Path) -> None:
    rows = [
        jongere("A", status="gestart", begeleider="an", startdatum="2025-10-20"),
        jongere("B", status="gestart", begeleider="els", startdatum="2025-10-20"),
    ]
    report = run(stage, write_csv(tmp_path / "coach.csv", rows))
    assert [(p.row, p.column) for p in report.problems] == [(3, "begeleider")]
    assert "els" in report.problems[0].message
    assert referral_count(stage) == 0


def test_unknown_school_is_created_once(stage: Stage, tmp_path: Path) -> None:
    rows = [
        jongere("A", school="Sint-Jozef Asse"),
        jongere("B", school="  sint-jozef   ASSE "),
        jongere("C", school="sint-martinus asse"),
    ]
    report = run(stage, write_csv(tmp_path / "school.csv", rows))
    assert report.ok and report.created == 3
    assert report.schools_created == ["Sint-Jozef Asse"]
    with stage.vault.session() as s:
        names = {x.name: x.id for x in reference.list_schools(s, stage.leader)}
        counts = dict(
            s.execute(select(Referral.school_id, func.count()).group_by(Referral.school_id)).all()
        )
    assert counts == {names["Sint-Jozef Asse"]: 2, names["Sint-Martinus Asse"]: 1}


def test_pupil_with_open_referral_is_a_rereferral_with_a_warning(
    stage: Stage, tmp_path: Path
) -> None:
    rows = [jongere("Sara"), jongere("sara", achternaam="PEETERS")]
    report = run(stage, write_csv(tmp_path / "dubbel.csv", rows))
    assert report.created == 2 and report.ok
    assert [(w.row, w.column) for w in report.warnings] == [(3, "voornaam")]
    with stage.vault.session() as s:
        flags = sorted(r.is_rereferral for r in s.scalars(select(Referral)))
        assert flags == [False, True]
        assert s.scalar(select(func.count()).select_from(Youth)) == 1


def test_dry_run_reports_but_keeps_nothing(stage: Stage, tmp_path: Path) -> None:
    rows = [jongere("A", school="Nieuwe School"), jongere("B")]
    report = run(stage, write_csv(tmp_path / "proef.csv", rows), dry_run=True)
    assert report.ok and report.created == 2 and report.dry_run
    assert report.schools_created == ["Nieuwe School"]
    assert referral_count(stage) == 0
    with stage.vault.session() as s:
        assert len(reference.list_schools(s, stage.leader)) == 3


def test_missing_column_and_wrong_file(stage: Stage, tmp_path: Path) -> None:
    headers = [h for h in HEADERS if h not in ("hulpvraag", "aanbod")]
    report = run(stage, write_xlsx(tmp_path / "kolom.xlsx", [jongere("A")], headers))
    assert {(p.row, p.column) for p in report.problems} == {(1, "hulpvraag"), (1, "aanbod")}
    (tmp_path / "oud.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match=r"\.xlsx"):
        run(stage, tmp_path / "oud.xls")
    (tmp_path / "kapot.xlsx").write_bytes(b"geen zip")
    with pytest.raises(ValidationError):
        run(stage, tmp_path / "kapot.xlsx")


def test_a_coach_may_not_import(stage: Stage, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [jongere("A")])
    with pytest.raises(PermissionDeniedError), stage.vault.session() as s:
        importer.import_referrals(s, stage.an, path, TODAY)


def test_template_round_trip(stage: Stage, tmp_path: Path) -> None:
    path = importer.write_template(tmp_path / "sjabloon.xlsx")
    book = openpyxl.load_workbook(path)
    assert [c.value for c in book["Aanmeldingen"][1]] == list(HEADERS)
    help_values = {c.value for row in book["Toelichting"].iter_rows() for c in row}
    assert {"Crisis (onmiddellijk)", "Op wachtlijst", "Doelen bereikt"} <= help_values
    sheet = book["Aanmeldingen"]
    filled = jongere(
        "Ilias",
        datum_aanmelding=date(2025, 11, 12),
        school="GTSM Merchtem",
        status="Toegewezen",
        begeleider="yusuf",
        startdatum=date(2025, 11, 24),
    )
    sheet.append([filled.get(h) for h in HEADERS])
    book.save(path)
    report = run(stage, path)
    assert report.ok and report.created == 1, [str(p) for p in report.problems]
    assert [(w.row, w.column) for w in report.warnings] == [(2, "")]  # the example row
    with stage.vault.session() as s:
        [info] = trajectories.my_caseload(s, stage.yusuf)
    assert info.subject_label == "Ilias Peeters" and info.status == "gepland"


def test_the_example_in_the_documentation_imports(stage: Stage, tmp_path: Path) -> None:
    docs = Path(__file__).parents[3] / "docs" / "import.md"
    text = docs.read_text(encoding="utf-8")
    example = text.split("## Voorbeeld (CSV met `;`)")[1].split("```")[1].strip()
    path = tmp_path / "voorbeeld.csv"
    path.write_text(example + "\n", encoding="utf-8")
    report = run(stage, path)
    assert report.ok and report.created == 3, [str(p) for p in report.problems]
    with stage.vault.session() as s:
        statuses = sorted(r.status for r in s.scalars(select(Referral)))
    assert statuses == ["afgesloten", "gestart", "wachtlijst"]
