"""The steering and school PDFs read well: each fact once, definitions on the report itself,
headings with what follows, used and planned hours apart, the time to start in days."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from amo_desktop.reports import steering
from amo_desktop.services import reporting
from tests.integration.reports.test_steering import seed
from tests.integration.services.conftest import TODAY, Stage

HEADINGS = re.compile(
    r"^(\d\. .+|Per .+|Evolutie over de schooljaren|Afsluitreden|Begrippen|"
    r"Schoolpositie bij afsluiting)$"
)


def _pages(path: Path) -> list[list[str]]:
    """Each page's lines without the running header and footer (written last on a page)."""
    pages = []
    for page in PdfReader(path).pages:
        lines = [x.strip() for x in page.extract_text().splitlines() if x.strip()]
        assert lines[-1].startswith("Pagina ") and lines[-2].startswith("Gemaakt op")
        pages.append(lines[:-4])
    return pages


def _report(stage: Stage, tmp_path: Path, **kwargs: object) -> tuple[str, list[list[str]], str]:
    with stage.vault.session() as s:
        data = reporting.steering_data(
            s,
            stage.leader,
            "Groep INTRO",
            date(2025, 9, 1),
            date(2026, 8, 31),
            TODAY,
            feedback="\n\n".join(f"Signaal {i}: meer vragen rond welbevinden." for i in range(9)),
            **kwargs,  # type: ignore[arg-type]
        )
    out = tmp_path / "rapport.pdf"
    steering.render(data, out)
    pages = _pages(out)
    return "\n".join("\n".join(p) for p in pages), pages, data.to_json()


def test_the_steering_report_reads_well(stage: Stage, tmp_path: Path) -> None:
    seed(stage)
    text, pages, as_json = _report(stage, tmp_path)
    # the period once, marked as still running
    assert "Groep INTRO · Schooljaar 2025-2026 (tot nu: 02/02/2026)" in text
    assert text.count("01/09/2025 – 31/08/2026") == 0
    with stage.vault.session() as s:  # a past school year: its name, once
        ended = reporting.steering_data(
            s, stage.leader, "Groep INTRO", date(2024, 9, 1), date(2025, 8, 31), TODAY
        )
    steering.render(ended, tmp_path / "ended.pdf")
    first_page = _pages(tmp_path / "ended.pdf")[0]
    assert first_page[1] == "Groep INTRO · Schooljaar 2024-2025"
    assert "docs/figures.md" not in text
    assert "Begrippen" in pages[-1][0] and "Tijd tot de start:" in text
    for page in pages[:-1]:
        assert not HEADINGS.match(page[-1]), f"heading alone at the foot: {page[-1]}"
    # used and planned hours apart, each with its own share; no 'Benut'
    assert "Benut" not in text
    assert re.search(r"Gebruikt\s+\(%\s+recht\)", text) and re.search(
        r"Gepland\s+\(%\s+recht\)", text
    )
    # three referrals started on 6 October, received 15, 16 and 17 September
    assert re.search(r"Gestart in de periode: <5 begeleidingen", text)
    # three started: their median would tell one young person's wait; the JSON keeps it
    assert re.search(r"Mediaan\s+–\s+–", text) and "te weinig om te tonen (minder dan 5)" in text
    figures = json.loads(as_json)
    assert figures["period"]["median_start_days"] == 20.0
    assert figures["start_waits"]["2025"]["started"] == 3


def test_the_school_report_measures_its_own_time_to_start(stage: Stage, tmp_path: Path) -> None:
    seed(stage)  # the three that started are at Opwijk (i = 0) and Asse (i = 1, 2)
    asse = stage.schools["Sint-Martinus Asse"]
    _, pages, as_json = _report(stage, tmp_path, school_id=asse)
    figures = json.loads(as_json)
    assert figures["start_waits"]["2025"]["started"] == 2
    assert figures["evolution"] == {"2025": 8}  # its own referrals beside its own waits
    assert figures["period"]["started"] == 2
    assert figures["period"]["median_start_days"] == 19.5  # 16 and 17 September to 6 October
    for page in pages[:-1]:
        assert not HEADINGS.match(page[-1])
