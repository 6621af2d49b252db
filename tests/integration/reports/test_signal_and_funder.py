"""The signal to local government holds no names and no school cells; the funder report adds up."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from amo_desktop.reports import funder, signal
from amo_desktop.services import intake, reference, reporting
from tests.integration.reports.test_steering import NAMES, pdf_text, seed
from tests.integration.services.conftest import TODAY, YEAR, Stage, youth_referral


def test_signal_counts_one_municipality_and_suppresses_small_cells(
    stage: Stage, tmp_path: Path
) -> None:
    seed(stage)  # Asse: 8 referrals (4 spijbelen, 4 pesten), Opwijk: 4
    with stage.vault.session() as s:
        data = reporting.signal_data(
            s, stage.leader, "Groep INTRO", "asse", date(2025, 9, 1), date(2026, 8, 31), TODAY
        )
    out = tmp_path / "signaal.pdf"
    signal.render(data, out)
    text = pdf_text(out)
    assert "Signaal aan het lokaal bestuur Asse" in text
    assert data.figures.referrals == 8
    assert re.search(r"Pesten \(slachtoffer/pleger\)\s+<5", text)
    assert re.search(r"2025-2026 \(tot nu\)\s+8", text)
    for forbidden in ["Sint-Martinus", "VKO", "GTSM", *NAMES]:
        assert forbidden not in text
    assert "1 secundaire school in Asse" in text


def test_signal_for_a_town_without_schools_is_a_clear_error(stage: Stage) -> None:
    import pytest

    from amo_desktop.errors import ValidationError

    with pytest.raises(ValidationError) as info, stage.vault.session() as s:
        reporting.signal_data(
            s, stage.leader, "X", "Brussel", date(2025, 9, 1), date(2026, 8, 31), TODAY
        )
    assert info.value.field == "municipality"


def test_funder_report_attributes_delivered_hours_pro_rata(stage: Stage, tmp_path: Path) -> None:
    seed(stage)  # pool: Asse 6 / Opwijk 4 teacher hours, 200 coaching hours; 1,5 h at Opwijk
    opwijk = stage.schools["VKO Opwijk"]
    with stage.vault.session() as s:
        reference.set_capacity(s, stage.leader, opwijk, YEAR, stage.klasbakken, 0, 20)
        intake.register_referral(
            s, stage.leader, youth_referral(opwijk, first="Extra"), today=TODAY
        )
        data = reporting.funder_data(
            s,
            stage.leader,
            "Groep INTRO",
            stage.klasbakken,
            date(2025, 9, 1),
            date(2026, 8, 31),
            TODAY,
        )
        pool = reporting.funder_data(
            s, stage.leader, "Groep INTRO", stage.pool, date(2025, 9, 1), date(2026, 8, 31), TODAY
        )
    assert [(r.school_name, r.hours_agreed) for r in data.rows] == [("VKO Opwijk", 20.0)]
    # Opwijk is entitled to 80 (pool) + 20 (Klasbakken) = 100 h and delivered 1,5 h: 20 % of it.
    assert data.rows[0].hours_delivered == 0.3
    assert {r.school_name: r.hours_agreed for r in pool.rows} == {
        "Sint-Martinus Asse": 120.0,
        "VKO Opwijk": 80.0,
    }
    out = tmp_path / "financier.pdf"
    funder.render(data, out)
    text = pdf_text(out)
    assert "Financiersrapport: Plan Samenleven" in text
    assert re.search(r"VKO Opwijk\s+20\s+0,3", text)
