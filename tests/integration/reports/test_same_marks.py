"""PDF and Excel of every outgoing report print the same marks, from the one small-cell rule,
and the attacker pins no hidden cell (a small vault; the typical one is in test_attacker)."""

from __future__ import annotations

from pathlib import Path

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.services import report_jobs
from amo_desktop.services.report_jobs import ReportRequest
from tests.integration.reports.readback import workbook_cells
from tests.integration.reports.test_attacker import attack, check_pdf_shows_the_same
from tests.integration.reports.test_per_reader import FIRST, LAST, prepare
from tests.integration.services.conftest import TODAY, Stage


def test_pdf_and_excel_hide_the_same_cells(stage: Stage, tmp_path: Path) -> None:
    prepare(stage)  # Asse 8 referrals (4 of them about bullying), Opwijk 4, Merchtem 6
    requests = [
        ReportRequest("steering", FIRST, LAST),
        *[ReportRequest("school", FIRST, LAST, school_id=i) for i in stage.schools.values()],
        ReportRequest("funder", FIRST, LAST, funder_id=stage.pool),
        *[ReportRequest("signal", FIRST, LAST, municipality=t) for t in ("Asse", "Opwijk")],
    ]
    sheets_of = {}
    for request in requests:
        with stage.vault.session() as s:
            result = report_jobs.build(s, stage.leader, "Groep INTRO", request, TODAY)
        sheets = workbook_cells(result.sheets, tmp_path)
        assert check_pdf_shows_the_same(sheets, result.pdf) > 0
        _, pinned = attack(sheets, request.kind, False, SchoolYear.of(FIRST).start_year)
        assert pinned == [], (request, pinned)
        sheets_of[(request.kind, request.school_id or request.municipality)] = sheets
    asse = sheets_of[("signal", "Asse")]
    assert ["Pesten (slachtoffer/pleger)", "<5"] in asse["Thema's"]
    assert asse["Evolutie"][1] == ["2025-2026 (tot nu)", 8]
    opwijk = sheets_of[("signal", "Opwijk")]
    assert opwijk["Evolutie"][1] == ["2025-2026 (tot nu)", "<5"]
    steering = sheets_of[("steering", "")]
    assert ["VKO Opwijk", "<5"] in steering["Aanmeldingen per school"]
    school = sheets_of[("school", stage.schools["VKO Opwijk"])]
    assert school["Evolutie"][1] == ["2025-2026 (tot nu)", "<5"]
    assert ["Totaal", "<5"] in school["Aanmeldingen per aanbod"]
