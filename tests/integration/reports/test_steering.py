"""The steering report read back from the PDF agrees with counts made here from the inserted data."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from amo_desktop.reports import steering
from amo_desktop.services import intake, meetings, reference, reporting, scheduling, trajectories
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import TODAY, YEAR, Stage, youth_referral

NAMES = ["Łukasz", "Şahin", "Øberg", "Nguyễn", "Zoë", "Amira", "Jonas"]


def seed(stage: Stage) -> dict[str, int]:
    """Referrals at two schools, some on the waiting list; returns the expected counts."""
    asse, opwijk = stage.schools["Sint-Martinus Asse"], stage.schools["VKO Opwijk"]
    expected = {"asse": 0, "opwijk": 0, "waiting": 0, "spijbelen": 0}
    with stage.vault.session() as s:
        reference.set_capacity(s, stage.leader, asse, YEAR, stage.pool, 6, 120)
        reference.set_capacity(s, stage.leader, opwijk, YEAR, stage.pool, 4, 80)
        for i in range(12):
            school = asse if i % 3 else opwijk
            ref = intake.register_referral(
                s,
                stage.leader,
                youth_referral(
                    school,
                    first=NAMES[i % len(NAMES)],
                    last=f"Test{i}",
                    received=date(2025, 9, 15 + i),
                    reasons=["spijbelen"] if i % 2 else ["pesten"],
                ),
                today=TODAY,
            )
            expected["asse" if school == asse else "opwijk"] += 1
            expected["spijbelen"] += i % 2
            intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=date(2025, 10, 1))
            if i < 3:
                traj = trajectories.assign_to_coach(
                    s,
                    stage.leader,
                    ref.id,
                    stage.an.user_id,
                    date(2025, 10, 6),
                    on=date(2025, 10, 2),
                )
                trajectories.start_trajectory(s, stage.an, traj.id, date(2025, 10, 6))
                scheduling.plan_session(
                    s,
                    stage.an,
                    SessionInput(
                        stage.an.user_id,
                        date(2025, 10, 7),
                        time(9),
                        90,
                        "individueel_gesprek",
                        trajectory_id=traj.id,
                    ),
                )
            else:
                expected["waiting"] += 1
    return expected


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_steering_report_figures_match_the_data(stage: Stage, tmp_path: Path) -> None:
    expected = seed(stage)
    with stage.vault.session() as s:
        data = reporting.steering_data(
            s,
            stage.leader,
            "Groep INTRO",
            date(2025, 9, 1),
            date(2026, 8, 31),
            TODAY,
            feedback="Meer vragen rond welbevinden.\n\nKlasbakken loopt goed.",
        )
    out = tmp_path / "stuurgroep.pdf"
    steering.render(data, out, author="Lea")
    text = pdf_text(out)
    reader = PdfReader(out)
    assert reader.metadata.title == "Stuurgroeprapport"
    assert reader.metadata.author == "Lea"
    assert "Schooljaar 2025-2026" in text
    # Opwijk's 4 is a small cell; Asse's 8 is hidden too, or 12 - 8 would give Opwijk away.
    assert re.search(r"VKO Opwijk\s+<5", text)
    assert re.search(r"Sint-Martinus Asse\s+x", text)
    assert re.search(r"Spijbelen / problematische afwezigheden\s+6", text)
    assert f"Op de wachtlijst vandaag (02/02/2026): {expected['waiting']}." in text
    assert re.search(r"Begeleidingsuren geleverd\s+4,5", text)  # 3 sessions of 90 minutes
    assert re.search(r"Contactmomenten geleverd\s+3", text)
    assert "Klasbakken loopt goed." in text
    for name in NAMES:
        assert name not in text  # an aggregate report holds no names
    assert re.search(r"Pagina 1/\d", text)


def test_school_report_shows_one_school(stage: Stage, tmp_path: Path) -> None:
    seed(stage)
    with stage.vault.session() as s:
        data = reporting.steering_data(
            s,
            stage.leader,
            "Groep INTRO",
            date(2025, 9, 1),
            date(2025, 12, 31),
            TODAY,
            school_id=stage.schools["Sint-Martinus Asse"],
        )
    out = tmp_path / "school.pdf"
    steering.render(data, out)
    text = pdf_text(out)
    assert "Schoolrapport: Sint-Martinus Asse" in text
    assert "VKO Opwijk" not in text
    assert "01/09/2025 – 31/12/2025" in text


def test_a_period_must_lie_in_one_school_year(stage: Stage) -> None:
    from amo_desktop.errors import ValidationError

    with pytest.raises(ValidationError), stage.vault.session() as s:
        reporting.steering_data(s, stage.leader, "X", date(2025, 9, 1), date(2026, 9, 30), TODAY)


def test_a_saved_meeting_reprints_the_same_figures(stage: Stage, tmp_path: Path) -> None:
    seed(stage)
    with stage.vault.session() as s:
        data = reporting.steering_data(
            s,
            stage.leader,
            "Groep INTRO",
            date(2025, 9, 1),
            date(2025, 11, 30),
            TODAY,
            feedback="Eerste stuurgroep",
        )
        reporting.save_meeting(s, stage.leader, data, 1, date(2025, 12, 4))
        from amo_desktop.errors import ValidationError

        with pytest.raises(ValidationError):
            reporting.save_meeting(s, stage.leader, data, 1, date(2025, 12, 5))
    with stage.vault.session() as s:  # the vault changes after the meeting
        intake.register_referral(
            s,
            stage.leader,
            youth_referral(stage.schools["VKO Opwijk"], first="Later", received=date(2025, 11, 20)),
            today=TODAY,
        )
        frozen = reporting.meeting_data(s, stage.leader, YEAR, 1)
        fresh = reporting.steering_data(
            s, stage.leader, "Groep INTRO", date(2025, 9, 1), date(2025, 11, 30), TODAY
        )
        assert [m.sequence for m in meetings.list_meetings(s, stage.leader)] == [1]
    assert frozen == data
    assert fresh.period.referrals == data.period.referrals + 1
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    steering.render(data, first)
    steering.render(frozen, second)
    strip = lambda t: re.sub(r"Gemaakt op [^\n]*", "", t)  # noqa: E731
    assert strip(pdf_text(first)) == strip(pdf_text(second))
