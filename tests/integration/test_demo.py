"""Demo data (issue 3): deterministic for a seed, plausible figures, same rows as the services."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import asdict
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from amo_desktop import cli
from amo_desktop.demo import (
    DEFAULT_TODAY,
    DEMO_LEADER,
    EVOLUTION,
    SCALES,
    create_demo_vault,
    fill_vault,
    table_counts,
)
from amo_desktop.domain.caseload import (
    Goal,
    GuidanceSession,
    Referral,
    ReferralTransition,
    Trajectory,
)
from amo_desktop.domain.enums import ReferralStatus
from amo_desktop.domain.models import AuditEvent
from amo_desktop.domain.rules import TRANSITIONS
from amo_desktop.errors import ValidationError
from amo_desktop.services import accounts, figures, waitlist
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF

PASSWORD = "demo-wachtwoord"
TODAY = DEFAULT_TODAY


def make(path: Path, scale: str, seed: int = 5, via_services: bool = False) -> Vault:
    vault = Vault(path, kdf=FAST_KDF)
    accounts.create_vault(vault, "Demo", DEMO_LEADER, "Lotte Vermeulen", PASSWORD)
    fill_vault(vault, PASSWORD, scale=scale, seed=seed, via_services=via_services)
    return vault


def snapshot(vault: Vault) -> dict[str, Any]:
    """Everything that must not depend on ids or the clock."""
    leader = vault.identity
    years = range(TODAY.year - SCALES["typical"].years, TODAY.year)
    with vault.session() as s:
        audit = Counter(
            f"{a}/{e}" for a, e in s.execute(select(AuditEvent.action, AuditEvent.entity))
        )
        year_figures = {y: asdict(figures.year_figures(s, leader, y, TODAY)) for y in years}
        capacity = {
            y: sorted(
                (c.school_name, c.entitled_hours, c.used_hours, c.planned_hours, c.warning)
                for c in figures.capacity_figures(s, leader, y, TODAY)
            )
            for y in years
        }
        waiting = [
            (
                e.position,
                e.received_on,
                e.school_name,
                e.urgency,
                e.waiting_school_days,
                e.reason_text("nl"),
            )
            for e in waitlist.waiting_list(s, leader, TODAY)
        ]
        per_year = figures.referrals_per_year(s, leader)
    return {
        "counts": table_counts(vault),
        "audit": dict(audit),
        "year_figures": year_figures,
        "capacity": capacity,
        "waiting": waiting,
        "per_year": per_year,
    }


def check_workflow(vault: Vault) -> None:
    """Every referral's history is a chain of allowed transitions ending in its status."""
    with vault.session() as s:
        history: dict[str, list[tuple[str | None, str]]] = {}
        for rid, old, new in s.execute(
            select(
                ReferralTransition.referral_id,
                ReferralTransition.from_status,
                ReferralTransition.to_status,
            ).order_by(ReferralTransition.at, ReferralTransition.id)
        ):
            history.setdefault(rid, []).append((old, new))
        for referral in s.scalars(select(Referral)):
            chain = history[referral.id]
            assert chain[0] == (None, "nieuw")
            for (_, prev), (old, new) in itertools.pairwise(chain):
                assert old == prev
                assert ReferralStatus(new) in TRANSITIONS[ReferralStatus(old)]
            assert chain[-1][1] == referral.status
        for t in s.scalars(select(Trajectory).where(Trajectory.closure_reason == "doelen_bereikt")):
            evaluations = s.scalars(select(Goal.evaluation).where(Goal.trajectory_id == t.id))
            assert "bereikt" in list(evaluations)


Booking = tuple[str, date, time, int]  # coach, day, start, minutes


def bookings(vault: Vault) -> list[Booking]:
    with vault.session() as s:
        return [
            (coach, on, start, minutes)
            for coach, on, start, minutes in s.execute(
                select(
                    GuidanceSession.coach_id,
                    GuidanceSession.on,
                    GuidanceSession.start,
                    GuidanceSession.duration_min,
                ).where(GuidanceSession.deleted_at.is_(None), GuidanceSession.cancelled.is_(False))
            )
        ]


def double_bookings(rows: list[Booking]) -> list[Booking]:
    """Every session that begins before the same coach's previous one that day has ended."""
    found = []
    for (coach, day, start, minutes), later in itertools.pairwise(sorted(rows)):
        ends = start.hour * 60 + start.minute + minutes
        if (coach, day) == later[:2] and later[2].hour * 60 + later[2].minute < ends:
            found.append(later)
    return found


def test_no_coach_is_booked_twice_at_once(tmp_path: Path) -> None:
    vault = make(tmp_path / "tiny", "tiny", seed=3)
    try:
        rows = bookings(vault)
    finally:
        vault.lock()
    assert len(rows) > 300 and double_bookings(rows) == []
    coach, day, start, _ = rows[0]  # the check can fail: a call ten minutes into a session
    call = (coach, day, time(start.hour, start.minute + 10), 20)
    assert double_bookings([*rows, call]) == [call]


def test_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    first = make(tmp_path / "a", "tiny", seed=7)
    second = make(tmp_path / "b", "tiny", seed=7)
    try:
        one, two = snapshot(first), snapshot(second)
        assert one == two
        assert one["counts"]["referrals"] > 20 and one["counts"]["sessions"] > 300
        check_workflow(first)
    finally:
        first.lock()
        second.lock()
    other = make(tmp_path / "c", "tiny", seed=8)
    try:
        assert snapshot(other)["counts"] != one["counts"]
    finally:
        other.lock()


def test_running_twice_adds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(SCALES, "typical", SCALES["tiny"])
    data_dir = tmp_path / "demo"
    message = create_demo_vault(data_dir, PASSWORD, kdf=FAST_KDF, seed=2)
    assert "teamleider" in message and "coach.an" in message
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.unlock(DEMO_LEADER, PASSWORD)
    before = table_counts(vault)
    vault.lock()
    with pytest.raises(ValidationError) as refused:
        create_demo_vault(data_dir, PASSWORD, kdf=FAST_KDF, seed=2)
    assert refused.value.field == "demo"
    vault.unlock("coach.an", PASSWORD)  # coaches log in with the demo password
    assert table_counts(vault) == before
    vault.lock()


def test_cli_demo_creates_then_refuses(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cheap_default_kdf: KdfParams,
) -> None:
    monkeypatch.setitem(SCALES, "typical", SCALES["tiny"])
    monkeypatch.delenv("AMO_PASSWORD", raising=False)
    monkeypatch.delenv("AMO_USER", raising=False)
    args = ["--data-dir", str(tmp_path / "cli"), "demo", "--seed", "3"]
    assert cli.main(args) == 0
    assert "teamleider" in capsys.readouterr().out
    assert cli.main(args) == 1
    assert "lege kluis" in capsys.readouterr().err


@pytest.mark.slow
def test_services_and_bulk_writer_give_the_same_rows(tmp_path: Path) -> None:
    """The bulk writer (used for speed) mirrors what the real services write."""
    served = make(tmp_path / "services", "tiny", seed=11, via_services=True)
    bulk = make(tmp_path / "bulk", "tiny", seed=11)
    try:
        assert snapshot(served) == snapshot(bulk)
        check_workflow(served)
    finally:
        served.lock()
        bulk.lock()


def looks_like_a_real_team(vault: Vault) -> None:
    """No coach in two places at once; most schools use 60-100 % of their share this school
    year, at most two stand out (over it, or far under); the waiting list waits weeks."""
    assert double_bookings(bookings(vault)) == []
    leader = vault.identity
    with vault.session() as s:
        capacity = figures.capacity_figures(s, leader, TODAY.year - 1, TODAY)
        waiting = figures.waiting_figures(s, leader, TODAY)
    outside = [c.school_name for c in capacity if not 0.6 <= c.ratio <= 1.0]
    assert len(outside) <= 2 and any(c.ratio > 1.0 for c in capacity)
    assert waiting.median_wait_days is not None and 7 <= waiting.median_wait_days <= 60


@pytest.mark.slow
def test_typical_scale_is_plausible(tmp_path: Path) -> None:
    vault = make(tmp_path / "typical", "typical", seed=1)
    try:
        snap = snapshot(vault)
        check_workflow(vault)
        looks_like_a_real_team(vault)
    finally:
        vault.lock()
    counts = snap["counts"]
    assert counts["schools"] == 6 and counts["users"] == 5
    assert 10_000 <= counts["sessions"] <= 20_000
    per_year = snap["per_year"]
    complete = [y for y in sorted(per_year) if y < TODAY.year - 1]
    assert len(per_year) == 6
    # the synthetic evolution: every complete school year has more referrals than the one before
    assert [per_year[y] for y in complete] == sorted(per_year[y] for y in complete)
    for y in complete:
        individual = snap["year_figures"][y]["referrals"]
        assert 60 <= individual <= 200 and individual > EVOLUTION[y]
    assert 5 <= len(snap["waiting"]) <= 60
    current = snap["capacity"][TODAY.year - 1]
    assert len(current) == 6 and all(entitled > 0 for _, entitled, *_ in current)
    last_year = snap["capacity"][TODAY.year - 2]  # a complete year: some schools pass 80 %
    assert any(warning for *_, warning in last_year)
    assert not all(warning for *_, warning in last_year)
    last_full = snap["year_figures"][TODAY.year - 2]
    assert 0.5 <= last_full["goals_reached"] / last_full["goals_evaluated"] <= 0.7
    assert last_full["sessions_delivered"] > 1_500
