"""Primary and secondary suppression: no hidden cell can be worked out from what is printed."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from amo_desktop.reports import disclosure
from amo_desktop.reports.disclosure import (
    FEW,
    PRIMARY,
    SECONDARY,
    WITHHELD,
    Disclosure,
    _feasible,
    _propagate,
    constraints_of,
    exposed,
    formatted,
    hidden,
    is_primary,
    over_few,
    protect,
    reader_bounds,
    small,
)
from tests.unit.reports.attacker import determined

counts = st.one_of(st.integers(0, 4), st.integers(5, 14))


def attack(problem: Disclosure, shown: dict) -> list:
    """The attacker's verdict; 'x' is tried up to well past any true value."""
    cap = sum(problem.values.values()) + 20
    return determined(shown, problem.sums, problem.at_most, cap=cap)


def check_marks(problem: Disclosure, shown: dict) -> None:
    """1–4 always '<5', 0 always '0', a printed number is the true one, 'x' hides 5 or more."""
    for key, value in problem.values.items():
        if shown[key] == WITHHELD:
            assert value > 0  # left out of a breakdown that could not be protected otherwise
        elif 0 < value < 5:
            assert shown[key] == PRIMARY
        elif value == 0:
            assert shown[key] == "0"
        else:
            assert shown[key] in (str(value), SECONDARY)


def test_the_issue_example_no_longer_gives_the_small_cell_away() -> None:
    # "Aanmeldingen 10, Curatief 7, Preventief <5": 10 - 7 = 3.
    problem = Disclosure()
    problem.add_table("prevention", {"preventief": 3, "curatief": 7}, total="referrals")
    shown = protect(problem)
    assert shown[("prevention", "preventief")] == PRIMARY
    assert shown[("prevention", "curatief")] == SECONDARY
    assert attack(problem, shown) == []
    # what the old rule printed: one small cell beside a printed total and sibling
    naive = {k: small(v) for k, v in problem.values.items()}
    assert attack(problem, naive) == [("prevention", "preventief")]


def test_two_small_cells_that_fill_the_total_hide_the_total() -> None:
    problem = Disclosure()
    problem.add_table("t", {"a": 4, "b": 4, "c": 0}, total="T")
    shown = protect(problem)
    assert shown == {("t", "a"): "<5", ("t", "b"): "<5", ("t", "c"): "0", "T": "x"}
    assert attack(problem, shown) == []


def test_a_breakdown_of_ones_under_a_small_total_is_left_out() -> None:
    # four rows of '<5' under a total '<5': each row must be 1 and the total 4
    problem = Disclosure()
    problem.add_table("outcome", {"a": 1, "b": 1, "c": 1, "d": 1, "e": 0}, total="closed")
    naive = {k: small(v) for k, v in problem.values.items()}
    assert set(attack(problem, naive)) == set(problem.values) - {("outcome", "e")}
    shown = protect(problem)
    assert shown["closed"] == PRIMARY and shown[("outcome", "e")] == "0"
    assert {shown[("outcome", k)] for k in "abcd"} == {WITHHELD}
    assert attack(problem, shown) == []


def test_the_same_total_in_two_tables_is_hidden_in_both() -> None:
    problem = Disclosure()
    problem.add_table("offer", {"individueel": 4, "groep": 4}, total="referrals")
    problem.add_table("prevention", {"preventief": 2, "curatief": 6}, total="referrals")
    shown = protect(problem)
    assert attack(problem, shown) == []
    assert shown["referrals"] == SECONDARY  # one key, so one mark wherever it is printed


def test_a_rectangle_protects_one_small_cell_in_a_two_way_table() -> None:
    problem = Disclosure()
    problem.add_two_way("g", {("a", "x"): 3, ("a", "y"): 10, ("b", "x"): 8, ("b", "y"): 12})
    shown = protect(problem)
    hidden = sorted(k for k, v in shown.items() if not v.isdigit())
    assert hidden == [("g", "a", "x"), ("g", "a", "y"), ("g", "b", "x"), ("g", "b", "y")]
    assert attack(problem, shown) == []


def test_an_at_most_relation_is_known_to_the_reader() -> None:
    problem = Disclosure()
    problem.cell("period", 3)
    problem.cell("year", 4)
    problem.add_at_most("period", "year")
    assert exposed(problem, {"period": PRIMARY, "year": PRIMARY}) == []
    problem2 = Disclosure()
    problem2.cell("goals_reached", 1)
    problem2.cell("goals", 1)
    problem2.add_at_most("goals_reached", "goals")
    # reached ≤ evaluated, both '<5': still four possibilities each
    assert exposed(problem2, {"goals_reached": PRIMARY, "goals": PRIMARY}) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(counts, min_size=1, max_size=6))
@example([1, 1, 1, 1])
@example([2, 1, 1, 0])
def test_one_way_tables_keep_every_hidden_cell_hidden(parts: list[int]) -> None:
    problem = Disclosure()
    problem.add_table("t", dict(enumerate(parts)), total="total")
    shown = protect(problem)
    check_marks(problem, shown)
    assert attack(problem, shown) == []


@settings(max_examples=40, deadline=None)
@given(
    st.integers(2, 3).flatmap(
        lambda rows: st.integers(2, 3).flatmap(
            lambda cols: st.lists(counts, min_size=rows * cols, max_size=rows * cols).map(
                lambda values: (rows, cols, values)
            )
        )
    )
)
@example((2, 2, [1, 1, 1, 1]))  # every cell and total '<5': each cell must be 1
def test_two_way_tables_keep_every_hidden_cell_hidden(shape: tuple[int, int, list[int]]) -> None:
    rows, cols, values = shape
    grid = {(r, c): values[r * cols + c] for r in range(rows) for c in range(cols)}
    problem = Disclosure()
    problem.add_two_way("g", grid)
    shown = protect(problem)
    check_marks(problem, shown)
    assert attack(problem, shown) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(counts, min_size=1, max_size=4), st.lists(counts, min_size=1, max_size=4))
def test_tables_that_share_their_total_keep_every_hidden_cell_hidden(
    first: list[int], second: list[int]
) -> None:
    # Scale the second table so both add up to the same total, as "per aanbod" and "per graad".
    total = sum(first)
    second = [*second[:-1], max(0, total - sum(second[:-1]))]
    if sum(second) != total:
        return
    problem = Disclosure()
    problem.add_table("a", dict(enumerate(first)), total="referrals")
    problem.add_table("b", dict(enumerate(second)), total="referrals")
    problem.cell("year", total + 2)
    problem.add_at_most("referrals", "year")
    shown = protect(problem)
    check_marks(problem, shown)
    assert attack(problem, shown) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(counts, min_size=2, max_size=5), st.data())
def test_the_audit_never_calls_a_cell_safe_that_the_attacker_pins(
    parts: list[int], data: st.DataObject
) -> None:
    problem = Disclosure()
    problem.add_table("t", dict(enumerate(parts)), total="total")
    hidden = {k: PRIMARY for k, v in problem.values.items() if 0 < v < 5}
    for key, value in problem.values.items():
        if value >= 5 and data.draw(st.booleans()):
            hidden[key] = SECONDARY
    shown = {k: hidden.get(k, str(v)) for k, v in problem.values.items()}
    pinned = set(attack(problem, shown))
    assert set(exposed(problem, hidden)) == pinned


def test_a_count_on_its_own_never_prints_1_to_4() -> None:
    assert [small(n) for n in (0, 1, 4, 5, 1234)] == ["0", "<5", "<5", "5", "1.234"]
    assert small(None) == "–" and small(3, suppress=False) == "3"  # inside the team only
    assert [is_primary(n) for n in (0, 1, 4, 5)] == [False, True, True, False]


def test_a_waiting_time_over_fewer_than_five_referrals_is_not_printed() -> None:
    assert over_few(12.5, 5) == 12.5 and over_few(12.5, 4) == FEW and over_few(None, 2) is None


def test_printed_texts_and_hidden_marks() -> None:
    assert [formatted(t) for t in ("1234", "7", PRIMARY, SECONDARY)] == ["1.234", "7", "<5", "x"]
    assert [hidden(t) for t in (PRIMARY, SECONDARY, WITHHELD, "0", "12")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    # what a reader knows from a mark alone
    assert reader_bounds(PRIMARY) == (1, 4)
    assert reader_bounds(SECONDARY)[0] == 5 and reader_bounds(SECONDARY)[1] >= 10**6
    assert reader_bounds(WITHHELD)[0] == 0 and reader_bounds(WITHHELD)[1] >= 10**6


def test_one_key_is_one_number_and_a_total_is_its_parts_sum() -> None:
    problem = Disclosure()
    assert problem.cell("a", 3) == "a" and problem.cell("a", 3) == "a"
    with pytest.raises(ValueError, match="printed as 3 and 4"):
        problem.cell("a", 4)
    problem.cell("b", 2)
    problem.cell("t", 6)
    with pytest.raises(ValueError, match="not the sum"):
        problem.add_sum("t", ["a", "b"])
    assert problem.sums == []
    keys = problem.add_table("s", {"p": 2, "q": 5})
    assert keys == {"p": ("s", "p"), "q": ("s", "q")} and problem.sums == []
    problem.add_table("u", {"p": 2, "q": 5}, total="T")
    assert problem.values["T"] == 7 and problem.sums == [("T", (("u", "p"), ("u", "q")))]


def test_a_two_way_table_prints_its_row_column_and_grand_totals() -> None:
    problem = Disclosure()
    keys = problem.add_two_way("g", {("b", 2): 6, ("a", 1): 3, ("a", 2): 7})  # (b, 1) is 0
    assert problem.values == {
        ("g", "a", 1): 3,
        ("g", "a", 2): 7,
        ("g", "b", 1): 0,
        ("g", "b", 2): 6,
        ("g", "total"): 16,
        ("g", "a", "total"): 10,
        ("g", "b", "total"): 6,
        ("g", "total", 1): 3,
        ("g", "total", 2): 13,
    }
    assert problem.sums == [
        (("g", "a", "total"), (("g", "a", 1), ("g", "a", 2))),
        (("g", "b", "total"), (("g", "b", 1), ("g", "b", 2))),
        (("g", "total", 1), (("g", "a", 1), ("g", "b", 1))),
        (("g", "total", 2), (("g", "a", 2), ("g", "b", 2))),
        (("g", "total"), (("g", "total", 1), ("g", "total", 2))),
        (("g", "total"), (("g", "a", "total"), ("g", "b", "total"))),
    ]
    assert keys == {
        ("a", 1): ("g", "a", 1),
        ("a", 2): ("g", "a", 2),
        ("b", 1): ("g", "b", 1),
        ("b", 2): ("g", "b", 2),
        ("a", "total"): ("g", "a", "total"),
        ("b", "total"): ("g", "b", "total"),
        ("total", 1): ("g", "total", 1),
        ("total", 2): ("g", "total", 2),
        "total": ("g", "total"),
    }


def test_only_the_breakdown_that_gives_a_count_away_is_left_out() -> None:
    problem = Disclosure()
    problem.add_table("outcome", {"a": 1, "b": 1, "c": 1, "d": 1, "e": 0}, total="closed")
    problem.add_table("offer", {"p": 6, "q": 7}, total="referrals")
    shown = protect(problem)
    assert shown == {
        **{("outcome", k): WITHHELD for k in "abcd"},
        ("outcome", "e"): "0",
        "closed": PRIMARY,
        ("offer", "p"): "6",
        ("offer", "q"): "7",
        "referrals": "13",
    }


def test_a_two_way_table_may_have_an_unknown_row_or_column() -> None:
    # None ('onbekend') beside named rows: the table is laid out, not refused
    problem = Disclosure()
    problem.add_two_way("g", {(None, "x"): 6, ("b", "x"): 7, ("b", 2): 8})
    assert [total for total, _ in problem.sums[:4]] == [
        ("g", "b", "total"),
        ("g", None, "total"),
        ("g", "total", "x"),
        ("g", "total", 2),
    ]  # in the order of their repr, whatever their type
    assert protect(problem)[("g", None, 2)] == "0"


def test_secondary_suppression_stays_with_the_cells_related_to_the_small_ones() -> None:
    problem = Disclosure()
    problem.add_table("t", {"a": 4, "b": 4}, total="T")
    problem.cell("period", 5)
    problem.cell("year", 6)
    problem.add_at_most("period", "year")  # unrelated to the small cells: stays printed
    shown = protect(problem)
    assert shown == {("t", "a"): "<5", ("t", "b"): "<5", "T": "x", "period": "5", "year": "6"}
    # a small cell between a smaller period and a larger year: its sibling is hidden, the
    # period and the year tell nothing more
    problem = Disclosure()
    problem.add_table("t", {"a": 3, "b": 9}, total="T")
    problem.cell("period", 2)
    problem.add_at_most("period", ("t", "a"))
    problem.cell("year", 7)
    problem.add_at_most(("t", "a"), "year")
    shown = protect(problem)
    assert shown == {("t", "a"): "<5", ("t", "b"): "x", "T": "12", "period": "<5", "year": "7"}
    assert attack(problem, shown) == []


def test_two_small_cells_in_one_column_hide_their_neighbours_not_the_row_totals() -> None:
    problem = Disclosure()
    problem.add_two_way("g", {(0, 0): 8, (0, 1): 2, (1, 0): 8, (1, 1): 2})
    shown = protect(problem)
    assert shown == {
        ("g", 0, 0): "x",
        ("g", 0, 1): "<5",
        ("g", 1, 0): "x",
        ("g", 1, 1): "<5",
        ("g", "total"): "20",
        ("g", 0, "total"): "10",
        ("g", 1, "total"): "10",
        ("g", "total", 0): "x",
        ("g", "total", 1): "<5",
    }
    assert attack(problem, shown) == []


def test_the_sibling_hidden_is_the_smallest_of_5_or_more_first_by_name() -> None:
    problem = Disclosure()
    problem.add_table("t", {"a": 2, "b": 5}, total="T")  # a sibling of exactly 5 will do
    assert protect(problem) == {("t", "a"): "<5", ("t", "b"): "x", "T": "7"}
    # of two equal siblings the first by name, whatever the table's order: the same marks
    # every time the report is made
    problem = Disclosure()
    problem.add_table("t", {"c": 6, "b": 6, "a": 3}, total="T")
    assert protect(problem) == {("t", "c"): "6", ("t", "b"): "x", ("t", "a"): "<5", "T": "15"}


def test_small_counts_linked_to_a_breakdown_left_out_stay_small() -> None:
    # four rows of 1 under '<5', a period within that total and a week within the period:
    # nothing of 5 or more is linked to them, so the rows are left out; the rest stays '<5'
    problem = Disclosure()
    problem.add_table("outcome", {"a": 1, "b": 1, "c": 1, "d": 1}, total="closed")
    problem.cell("period", 2)
    problem.add_at_most("period", "closed")
    problem.cell("week", 1)
    problem.add_at_most("week", "period")
    shown = protect(problem)
    assert shown == {
        **{("outcome", k): WITHHELD for k in "abcd"},
        "closed": PRIMARY,
        "period": PRIMARY,
        "week": PRIMARY,
    }
    assert attack(problem, shown) == []


BIG = reader_bounds(SECONDARY)[1]


def test_the_audit_tightens_every_bound_to_a_fixpoint() -> None:
    # a + b = T with a '<5' and b 'x', T left out: a reader knows T is at least 6
    bounds = {"a": (1, 4), "b": (5, BIG), "T": (0, BIG)}
    assert _propagate(bounds, [({"a": 1, "b": 1, "T": -1}, 0, 0)])
    assert bounds == {"a": (1, 4), "b": (5, BIG - 1), "T": (6, BIG)}
    # x + y = 10, then y ≤ 3: the second tightening feeds back into the first
    bounds = {"x": (0, 10), "y": (0, 10)}
    assert _propagate(bounds, [({"x": 1, "y": 1}, 10, 10), ({"y": 1}, -BIG, 3)])
    assert bounds == {"x": (7, 10), "y": (0, 3)}
    # whole numbers only: 3 ≤ 2z ≤ 9 means 2 ≤ z ≤ 4
    bounds = {"z": (0, 10)}
    assert _propagate(bounds, [({"z": 2}, 3, 9)]) and bounds == {"z": (2, 4)}
    assert not _propagate({"z": (0, 5)}, [({"z": 2}, 3, 3)])  # 2z = 3 has no whole answer
    assert not _propagate({"a": (1, 4), "b": (1, 4)}, [({"a": 1, "b": 1}, 9, 9)])


def test_the_audit_is_exact_for_whole_numbers() -> None:
    # x + y = 1 and x = y hold for x = y = ½ only: no whole numbers fit
    both = [({"x": 1, "y": 1}, 1, 1), ({"x": 1, "y": -1}, 0, 0)]
    assert not _feasible({"x": (0, 1), "y": (0, 1)}, both)
    assert _feasible({"x": (0, 1), "y": (0, 1)}, both[:1])
    # 2y − x + z = 3 and x − y − z = −1: y = 2, x = z + 1; every whole value is tried
    pair = [({"y": 2, "x": -1, "z": 1}, 3, 3), ({"z": -1, "x": 1, "y": -1}, -1, -1)]
    assert _feasible({"x": (2, 8), "y": (1, 5), "z": (1, 5)}, pair)


def test_a_question_too_hard_to_answer_counts_as_not_feasible(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # {x: 0..1} unconstrained takes two search steps: within the budget the answer is exact,
    # beyond it the cell is treated as worked out (so it gets hidden), never as safe
    monkeypatch.setattr(disclosure, "_BUDGET", 2)
    assert _feasible({"x": (0, 1)}, [])
    monkeypatch.setattr(disclosure, "_BUDGET", 1)
    assert not _feasible({"x": (0, 1)}, [])


def test_the_printed_relations_become_constraints_on_the_hidden_cells() -> None:
    problem = Disclosure()
    problem.cell("a", 3)
    problem.cell("T", 6)
    problem.add_sum("T", ["a", "a"])  # printed as twice a
    problem.cell("period", 2)
    problem.cell("other", 6)
    problem.cell("year", 7)
    problem.add_at_most("period", "year")
    problem.add_at_most("other", "year")
    hidden = {"a": PRIMARY, "period": PRIMARY, "year": SECONDARY}
    assert constraints_of(problem, hidden) == [
        ({"a": 2}, 6, 6),  # 2a = 6
        ({"period": 1, "year": -1}, -BIG, 0),  # period ≤ year
        ({"year": -1}, -BIG - 6, -6),  # 6 ≤ year
    ]
    assert exposed(problem, hidden) == ["a"]
