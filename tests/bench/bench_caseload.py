"""Benchmark of the caseload at the largest realistic size (issue 3, DOMAIN.md "Sizes").

Run on demand (not collected by pytest):

    /work/venv/bin/python tests/bench/bench_caseload.py [--seed N] [--dir DIR] [--reuse]

Generates `demo --scale large` into a vault in a temporary folder (or DIR), reports the time and
peak memory (ru_maxrss) to generate it, then times the queries a screen makes. Targets: each
query under 100 ms, the figures of a school year under 1 s, generation under 10 minutes.
With --reuse and an existing vault in DIR, generation is skipped (to compare query fixes).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from amo_desktop.demo import fill_vault
from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import GuidanceSession
from amo_desktop.domain.identity import Identity
from amo_desktop.services import accounts, figures, intake, scheduling, wait_estimate, waitlist
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault
from tests.bench.common import LEADER, PASSWORD, Db, peak_mib, repeat, summary, vault_db

CHEAP_KDF = KdfParams(
    memory_kib=8_192, iterations=1, lanes=1
)  # 26 users; unlock cost is not measured
QUERY_TARGET = 0.100
WAITLIST_TARGET = 0.050  # issue 18
CAPACITY_TARGET = 0.030  # issue 18
FIGURES_TARGET = 1.0
GENERATE_TARGET = 600.0


def generate(data_dir: Path, seed: int) -> None:
    vault = Vault(data_dir, kdf=CHEAP_KDF)
    accounts.create_vault(vault, "Groep INTRO (bench)", LEADER, "Lotte Vermeulen", PASSWORD)
    last = [-1]

    def progress(fraction: float) -> None:
        pct = int(fraction * 100)
        if pct != last[0]:
            last[0] = pct
            print(f"\r  generating: {pct:3d} %", end="", file=sys.stderr, flush=True)

    start = time.perf_counter()
    try:
        counts = fill_vault(
            vault, PASSWORD, scale="large", seed=seed, progress=progress, today=date.today()
        )
    finally:
        vault.lock()
    seconds = time.perf_counter() - start
    print(file=sys.stderr)
    size = sum(p.stat().st_size for p in data_dir.iterdir() if p.is_file()) / 2**20
    mark = "OK" if seconds < GENERATE_TARGET else "SLOW"
    print(f"generate large: {seconds:7.1f} s  [{mark}, target {GENERATE_TARGET:.0f} s]")
    print(f"peak memory (ru_maxrss): {peak_mib():.0f} MiB; vault files: {size:.0f} MiB")
    for table, n in counts.items():
        print(f"  {table:22s} {n:>10,d}")


def coach_of_the_week(s: Session, vault: Vault, today: date) -> Identity:
    """The coach with the most sessions in the week of `today`."""
    monday = today - timedelta(days=today.weekday())
    busiest = s.execute(
        select(GuidanceSession.coach_id, func.count())
        .where(GuidanceSession.on >= monday, GuidanceSession.on < monday + timedelta(7))
        .group_by(GuidanceSession.coach_id)
        .order_by(func.count().desc())
        .limit(1)
    ).one()
    slot = vault.sidecar.slot_for_user(busiest[0])
    assert slot is not None
    return Identity(busiest[0], slot.login, "coach")


def service_cases(
    s: Session, leader: Identity, coach: Identity, today: date
) -> dict[str, tuple[float, Callable[[], Any]]]:
    """The queries the screens make, each with its target in seconds."""
    monday = today - timedelta(days=today.weekday())
    year = SchoolYear.of(today).start_year
    return {
        "waitlist.waiting_list": (
            WAITLIST_TARGET,
            lambda: waitlist.waiting_list(s, leader, today),
        ),
        # What the Wachtlijst screen asks for: the list with each pupil's expected wait.
        "wait_estimate.estimated_waiting_list": (
            WAITLIST_TARGET,
            lambda: wait_estimate.estimated_waiting_list(s, leader, today),
        ),
        f"figures.capacity_figures {year}": (
            CAPACITY_TARGET,
            lambda: figures.capacity_figures(s, leader, year, today),
        ),
        "scheduling.week (one coach)": (
            QUERY_TARGET,
            lambda: scheduling.week(s, coach, monday, coach_id=coach.user_id),
        ),
        "scheduling.week (team)": (QUERY_TARGET, lambda: scheduling.week(s, leader, monday)),
        f"figures.year_figures {year - 1}": (
            FIGURES_TARGET,
            lambda: figures.year_figures(s, leader, year - 1, today),
        ),
        f"figures.year_figures {year}": (
            FIGURES_TARGET,
            lambda: figures.year_figures(s, leader, year, today),
        ),
        f"intake.list_referrals {year} (leader)": (
            QUERY_TARGET,
            lambda: intake.list_referrals(s, leader, school_year=year),
        ),
    }


def measure_services(
    db: Db, leader: Identity, coach: Identity, today: date, runs: int
) -> dict[str, list[float]]:
    """Seconds of each of `runs` calls of every service case, in one unit of work, after one
    call of each that is not counted."""
    with db.session() as s:
        cases = service_cases(s, leader, coach, today)
        for _target, fn in cases.values():
            fn()  # warm: the page cache holds what the screen read a moment before
        results = {name: repeat(fn, runs) for name, (_target, fn) in cases.items()}
        s.rollback()
    return results


def queries(data_dir: Path, today: date, runs: int = 6) -> None:
    vault = Vault(data_dir, kdf=CHEAP_KDF)
    start = time.perf_counter()
    leader = vault.unlock(LEADER, PASSWORD)
    print(
        f"unlock (cheap KDF, includes quick_check/daily backup): {time.perf_counter() - start:.2f} s"
    )
    try:
        with vault.session() as s:
            coach = coach_of_the_week(s, vault, today)
            targets = {
                name: target
                for name, (target, _fn) in service_cases(s, leader, coach, today).items()
            }
        results = measure_services(vault_db(vault), leader, coach, today, runs)
        print(f"{'query':42s} {'min':>9s} {'median':>9s} {'max':>9s}  target")
        for name, samples in results.items():
            low, mid, high = summary(samples)
            target = targets[name]
            mark = "OK" if mid < target else "SLOW"
            print(
                f"{name:42s} {low * 1000:7.0f}ms {mid * 1000:7.0f}ms {high * 1000:7.0f}ms  "
                f"{mark} (< {target * 1000:.0f} ms)"
            )
    finally:
        vault.lock()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, help="vault folder (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="skip generation if DIR has a vault")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=date.today(),
        help="the day the figures are asked on (default: today, as the demo data are placed)",
    )
    args = parser.parse_args()
    temp = None
    if args.dir is None:
        temp = Path(tempfile.mkdtemp(prefix="amo-bench-"))
        data_dir = temp / "data"
    else:
        data_dir = args.dir
    try:
        if not (args.reuse and Vault(data_dir).exists()):
            generate(data_dir, args.seed)
        queries(data_dir, args.today)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
