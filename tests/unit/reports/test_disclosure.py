"""Primary and secondary suppression: no hidden cell can be worked out from what is printed."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from amo_desktop.reports.disclosure import (
    PRIMARY,
    SECONDARY,
    WITHHELD,
    Disclosure,
    exposed,
    protect,
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
