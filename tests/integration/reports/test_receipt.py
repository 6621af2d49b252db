"""The receipt a school gets: one page with what it asked, the next step and the expected wait,
and nothing of another pupil or another school (read back with pypdf)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from amo_desktop.domain.models import AuditEvent
from amo_desktop.errors import PermissionDeniedError
from amo_desktop.services import intake, receipts, reference, report_jobs
from tests.integration.services.conftest import TODAY, YEAR, Stage, youth_referral
from tests.integration.services.wait_history import started_referral, waiting_referral

ORG = "Groep INTRO"


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def _list(stage: Stage) -> dict[str, str]:
    """A year of starts at two schools, and three waiting: two at Merchtem, one at Asse."""
    asse, merchtem = stage.schools["Sint-Martinus Asse"], stage.schools["GTSM Merchtem"]
    for i in range(16):
        school = asse if i % 2 else merchtem
        received = date(2025, 9, 1) + timedelta(days=6 * i)
        started_referral(stage, school, f"Vroeger{i}", received, 21 + 7 * (i % 5))
    with stage.vault.session() as s:
        reference.set_capacity(s, stage.leader, asse, YEAR, stage.pool, 6, 10)
    return {
        "milan": waiting_referral(stage, merchtem, "Milan", date(2025, 12, 1)),
        "noor": waiting_referral(stage, merchtem, "Noor", date(2025, 12, 8)),
        "zoe": waiting_referral(stage, asse, "Zoë", date(2026, 1, 12)),
    }


def test_the_receipt_shows_the_school_its_own_pupil_and_the_expected_wait(
    stage: Stage, tmp_path: Path
) -> None:
    ids = _list(stage)
    with stage.vault.session() as s:
        result = receipts.receipt(s, stage.leader, ORG, ids["zoe"], TODAY)
    pages, text = _text(result.pdf)
    assert pages == 1
    for expected in (
        "Ontvangstbevestiging",
        "12/01/2026",
        "Sint-Martinus Asse",
        "Zoë Peeters",
        "Komt niet meer naar school.",
        "Individuele begeleiding",
        "De aanmelding staat op onze wachtlijst.",
        "Verwachte wachttijd vanaf 02/02/2026:",
        "weken",
        "de urgentie is normaal",
        "gebruikte dit schooljaar 0 % van haar deel",
        "geen belofte",
    ):
        assert expected in text.replace("\n", " "), expected
    # Asse used none of its share, Merchtem has no agreed hours: Zoë goes first; the list of
    # three is printed as "minder dan 5" (the small-cell rule), never as 3
    flat = text.replace("\n", " ")
    assert (
        "wacht nu geen andere aanmelding vóór deze; op de hele wachtlijst staan minder dan 5"
        in (flat)
    )
    assert " 3 aanmeldingen" not in flat
    for other in ("Milan", "Noor", "Vroeger", "Historiek", "GTSM Merchtem", "Merchtem", "Opwijk"):
        assert other not in text, other
    assert "Milan" not in result.json_text and "Merchtem" not in result.json_text
    assert result.has_names and result.entity_id == ids["zoe"]

    with stage.vault.session() as s:
        written = report_jobs.save(
            s, stage.leader, result, tmp_path / "bevestiging.pdf", stage.vault.data_dir
        )
        events = s.scalars(
            select(AuditEvent.detail).where(AuditEvent.entity_id == ids["zoe"])
        ).all()
    assert written.read_bytes() == result.pdf
    assert {"receipt:made", "receipt:saved.pdf"} <= set(events)


def test_with_too_little_history_the_receipt_says_so(stage: Stage) -> None:
    asse = stage.schools["Sint-Martinus Asse"]
    with stage.vault.session() as s:
        ref = intake.register_referral(
            s, stage.leader, youth_referral(asse, received=TODAY), today=TODAY
        )
        result = receipts.receipt(s, stage.leader, ORG, ref.id, TODAY)
    text = _text(result.pdf)[1].replace("\n", " ")
    assert "Verwachte wachttijd: onvoldoende gegevens." in text
    assert "We nemen contact met u op voor een eerste gesprek" in text
    assert "heeft dit schooljaar geen afgesproken uren" in text


def test_a_coach_gets_no_receipt_for_a_referral_not_theirs(stage: Stage) -> None:
    ids = _list(stage)
    with stage.vault.session() as s, pytest.raises(PermissionDeniedError):
        receipts.receipt(s, stage.an, ORG, ids["zoe"], TODAY)
