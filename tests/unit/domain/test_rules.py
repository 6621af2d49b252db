"""Pure rules: fair share adds up, the waiting-list order is urgency > share > waiting time."""

from __future__ import annotations

import itertools
import math

from hypothesis import given
from hypothesis import strategies as st

from amo_desktop.domain.enums import Urgency
from amo_desktop.domain.rules import (
    URGENCY_RANK,
    WaitingCandidate,
    fair_share_entitlements,
    waiting_order_key,
    warning_level,
)

SCHOOLS = st.sampled_from(["a", "b", "c", "d", "e"])
HOURS = st.floats(0, 500, allow_nan=False, allow_subnormal=False)  # 5e-324 breaks the check itself


@given(st.dictionaries(SCHOOLS, HOURS, min_size=1), HOURS, st.dictionaries(SCHOOLS, HOURS))
def test_entitlements_add_up_to_pool_plus_other_funders(
    teacher: dict[str, float], pool: float, other: dict[str, float]
) -> None:
    entitled = fair_share_entitlements(teacher, pool, other)
    expected = (pool if sum(teacher.values()) > 0 else 0) + sum(other.values())
    assert math.isclose(sum(entitled.values()), expected, abs_tol=1e-6)
    total = sum(teacher.values())
    for school, hours in teacher.items():
        if total and hours:
            assert entitled[school] >= pool * hours / total - 1e-9


def test_fair_share_example_from_domain_md() -> None:
    entitled = fair_share_entitlements({"asse": 6, "merchtem": 3}, 90, {"merchtem": 10})
    assert entitled == {"asse": 60, "merchtem": 40}


def test_warning_levels() -> None:
    assert warning_level(100, 50, 29) is None
    assert warning_level(100, 50, 30) == 80
    assert warning_level(100, 90, 10) == 100
    assert warning_level(0, 1, 0) == 100
    assert warning_level(0, 0, 0) is None


CANDIDATES = st.lists(
    st.builds(
        WaitingCandidate,
        st.uuids().map(str),
        st.sampled_from([u.value for u in Urgency]),
        st.floats(0, 3, allow_nan=False),
        st.integers(0, 400),
    ),
    max_size=30,
)


@given(CANDIDATES)
def test_waiting_list_order(candidates: list[WaitingCandidate]) -> None:
    ordered = sorted(candidates, key=waiting_order_key)
    for first, second in itertools.pairwise(ordered):
        r1, r2 = URGENCY_RANK[Urgency(first.urgency)], URGENCY_RANK[Urgency(second.urgency)]
        assert r1 <= r2
        if r1 == r2:
            assert first.school_ratio <= second.school_ratio
            if first.school_ratio == second.school_ratio:
                assert first.waiting_days >= second.waiting_days


def test_grade_of_study_year() -> None:
    from amo_desktop.domain.rules import grade_of

    assert [grade_of(x) for x in ("1A", "2b", "3", "4", "5", "6", "7", "OKAN", "BuSO-OV3", "")] == [
        "g1",
        "g1",
        "g2",
        "g2",
        "g3",
        "g3",
        "se_n_se",
        "okan",
        "buso",
        "onbekend",
    ]
