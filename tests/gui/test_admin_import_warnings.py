"""Beheer > Importeren: the preview shows plausibility warnings beside the problems (issue 12)."""

from __future__ import annotations

from pathlib import Path

from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.beheer.import_tab import ImportTab
from tests.gui.test_admin import _csv, _row, actx, prompts  # noqa: F401 - actx is a fixture
from tests.gui.test_reports_page import TODAY, seed


def test_the_preview_lists_warnings_and_still_allows_the_import(
    qtbot,
    actx: AppContext,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    seed(actx.vault)
    tab = ImportTab(actx, today=TODAY)
    qtbot.addWidget(tab)
    young = _row("Jong", geboortedatum=f"01/01/{TODAY.year - 7}")
    prompts(actx).open_path = _csv(tmp_path / "vreemd.csv", [young, _row("Gewoon")])
    tab.browse()
    qtbot.waitUntil(tab.import_button.isEnabled)
    records = tab.model.records()
    warnings = [r[1] for r in records if r[0] == "opmerking"]
    assert [(w.row, w.column) for w in warnings] == [(2, "geboortedatum")]
    assert "7 jaar" in warnings[0].message or "6 jaar" in warnings[0].message
    shown = [tab.table.model().index(i, 3).data() for i in range(tab.table.model().rowCount())]
    assert any("jaar op de datum van aanmelding" in text for text in shown)
    assert "1 opmerking" in tab.summary.text() and "2 aanmelding" in tab.summary.text()
