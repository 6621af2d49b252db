"""A masked table prints alike in Excel and PDF; hidden rows never sit among the numbers."""

from __future__ import annotations

from amo_desktop.reports.disclosure import LEGEND, WITHHELD_NOTE
from amo_desktop.reports.printed import Builder


def test_sorting_by_size_puts_hidden_rows_last_by_name() -> None:
    b = Builder()
    b.one_way("t", ("Aanbod", "Aantal"), {"b": 9, "a": 7, "c": 3, "d": 12}, "offer", "total")
    sheet = b.done().sheet("t")
    # 'a' (7) is hidden beside the '<5'; printed by size it would sit between 12 and 9's place
    assert sheet[1:5] == [["d", 12], ["b", 9], ["a", "x"], ["c", "<5"]]
    assert sheet[5] == ["Totaal", 31]
    assert sheet[-1] == [LEGEND]


def test_a_breakdown_left_out_prints_only_its_total_and_why() -> None:
    b = Builder()
    b.one_way("t", ("Uitkomst", "Aantal"), {"a": 1, "b": 1, "c": 1, "d": 1}, "outcome", "closed")
    printed = b.done()
    assert printed.sheet("t") == [
        ["Uitkomst", "Aantal"],
        ["Totaal", "<5"],
        [],
        [LEGEND],
        [WITHHELD_NOTE],
    ]
