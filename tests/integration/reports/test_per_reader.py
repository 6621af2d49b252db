"""Each reader gets what is theirs: a school report names no other school and prints no other
reader's text; funder and signal reports likewise (PDF text, every Excel cell)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from amo_desktop.services import intake, reference, report_feedback, report_jobs
from amo_desktop.services.report_jobs import ReportRequest
from tests.integration.reports.readback import pdf_text, workbook_cells, workbook_text
from tests.integration.reports.test_steering import seed
from tests.integration.services.conftest import TODAY, YEAR, Stage, youth_referral

FIRST, LAST = date(2025, 9, 1), date(2026, 1, 31)
TOWNS = {"Sint-Martinus Asse": "Asse", "GTSM Merchtem": "Merchtem", "VKO Opwijk": "Opwijk"}
STEERING_TEXT = "Interne opmerking STUURGROEP-QX7 over de school in Merchtem"


def school_text(name: str) -> str:
    return f"Afspraak enkel voor {name}: code {name.split()[-1].upper()}-TEKST-41"


def build(stage: Stage, request: ReportRequest) -> report_jobs.ReportResult:
    with stage.vault.session() as s:
        return report_jobs.build(s, stage.leader, "Groep INTRO", request, TODAY)


def seen(result: report_jobs.ReportResult, folder: Path, with_json: bool = False) -> str:
    text = pdf_text(result.pdf) + "\n" + workbook_text(workbook_cells(result.sheets, folder))
    return text + ("\n" + result.json_text if with_json else "")


def prepare(stage: Stage) -> None:
    seed(stage)  # Asse 8 referrals, Opwijk 4; pool agreements for Asse and Opwijk
    merchtem = stage.schools["GTSM Merchtem"]
    with stage.vault.session() as s:
        reference.set_capacity(s, stage.leader, merchtem, YEAR, stage.pool, 5, 100)
        reference.set_capacity(
            s, stage.leader, stage.schools["VKO Opwijk"], YEAR, stage.klasbakken, 0, 20
        )
        for day in (3, 4, 5, 6, 7, 10):
            intake.register_referral(
                s,
                stage.leader,
                youth_referral(
                    merchtem, first="Mira", last=f"M{day}", received=date(2025, 11, day)
                ),
                today=TODAY,
            )


def test_every_reader_sees_only_what_is_theirs(stage: Stage, tmp_path: Path) -> None:
    prepare(stage)
    steering = build(stage, ReportRequest("steering", FIRST, LAST, feedback=STEERING_TEXT))
    steering_seen = seen(steering, tmp_path)
    assert STEERING_TEXT in steering_seen
    all_texts = [school_text(n) for n in TOWNS]
    assert not any(t in steering_seen for t in all_texts)

    for name, school_id in stage.schools.items():
        # the GUI's steering field is not what a school report prints: its own text is
        result = build(
            stage,
            ReportRequest("school", FIRST, LAST, school_id=school_id, feedback=school_text(name)),
        )
        text = seen(result, tmp_path, with_json=True)
        assert name in text and school_text(name) in text
        others = [n for n in TOWNS if n != name]
        for forbidden in [STEERING_TEXT, "STUURGROEP-QX7", *others]:
            assert forbidden not in text, (name, forbidden)
        for other in others:
            assert TOWNS[other] not in text, (name, other)
            assert school_text(other) not in text
        sheets = workbook_cells(result.sheets, tmp_path)
        capacity = [row[0] for row in sheets["Capaciteit"][1:]]
        assert capacity == [name, "Alle scholen samen"]

    with stage.vault.session() as s:  # the text was kept for the school and the school year
        kept = report_feedback.school_feedback(s, stage.leader, stage.schools["VKO Opwijk"], YEAR)
    assert kept == school_text("VKO Opwijk")
    again = build(
        stage, ReportRequest("school", FIRST, LAST, school_id=stage.schools["VKO Opwijk"])
    )
    assert school_text("VKO Opwijk") in pdf_text(again.pdf)

    funders = {stage.pool: set(TOWNS), stage.klasbakken: {"VKO Opwijk"}}
    for funder_id, theirs in funders.items():
        text = seen(
            build(stage, ReportRequest("funder", FIRST, LAST, funder_id=funder_id)), tmp_path
        )
        for forbidden in [STEERING_TEXT, *all_texts]:
            assert forbidden not in text
        for other in set(TOWNS) - theirs:
            assert other not in text and TOWNS[other] not in text, (funder_id, other)
        for own in theirs:
            assert own in text

    for town in TOWNS.values():
        text = seen(build(stage, ReportRequest("signal", FIRST, LAST, municipality=town)), tmp_path)
        assert f"lokaal bestuur {town}" in text
        for forbidden in [STEERING_TEXT, *all_texts, *TOWNS]:
            assert forbidden not in text, (town, forbidden)
        for other in set(TOWNS.values()) - {town}:
            assert other not in text, (town, other)


def test_a_school_report_shows_the_school_own_evolution(stage: Stage, tmp_path: Path) -> None:
    prepare(stage)
    result = build(
        stage, ReportRequest("school", FIRST, LAST, school_id=stage.schools["Sint-Martinus Asse"])
    )
    sheets = workbook_cells(result.sheets, tmp_path)
    assert sheets["Evolutie"][:2] == [["Schooljaar", "Aanmeldingen"], ["2025-2026 (tot nu)", 8]]
    opwijk = build(
        stage, ReportRequest("school", FIRST, LAST, school_id=stage.schools["VKO Opwijk"])
    )
    evolution = workbook_cells(opwijk.sheets, tmp_path)["Evolutie"]
    assert evolution[1] == ["2025-2026 (tot nu)", "<5"]  # 4 referrals, not the network's 18
    assert "18" not in " ".join(str(v) for row in evolution for v in row)
