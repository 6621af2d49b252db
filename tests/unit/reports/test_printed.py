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


def test_a_wait_over_fewer_than_five_is_not_printed_and_says_why() -> None:
    from amo_desktop.reports.disclosure import FEW, FEW_NOTE, over_few
    from amo_desktop.reports.printed import CountTable

    b = Builder()
    rows = (
        ("2024-2025", (b.count(("started", 2024), 4), over_few(12.5, 4), over_few(30, 4))),
        ("2025-2026", (b.count(("started", 2025), 5), over_few(1234.5, 5), over_few(40, 5))),
    )
    b.add(CountTable("t", ("Schooljaar", "Gestart", "Mediaan", "Langste"), rows))
    printed = b.done()
    assert printed.sheet("t")[1:3] == [["2024-2025", "<5", FEW, FEW], ["2025-2026", 5, 1234.5, 40]]
    assert printed.sheet("t")[-1] == [FEW_NOTE]
    assert printed.text(rows[1][1][1]) == "1.234,5"  # the one nl-BE number format


def test_a_count_of_a_thousand_or_more_prints_with_the_thousands_point() -> None:
    b = Builder()
    b.one_way("t", ("School", "Aantal"), {"a": 1234, "b": 7}, "school", "total")
    printed = b.done()
    assert printed.show(("school", "a")) == "1.234" and printed.show("total") == "1.241"
    assert printed.sheet("t")[1] == ["a", 1234]  # Excel keeps the number a number
