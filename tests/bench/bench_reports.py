"""Steering report on the large demo vault (issues 5 and 18): one school year, all school years.

Run on demand: `PYTHONPATH=. .venv/bin/python tests/bench/bench_reports.py --dir FOLDER` on a
vault made by `amo-desktop --data-dir FOLDER demo --scale large` (tests/bench/run_all.py makes
one). Targets (issue 18): one school year <= 0.3 s, all school years <= 2 s.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import date
from pathlib import Path

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.identity import Identity
from amo_desktop.reports import steering
from amo_desktop.services import figures, reporting
from amo_desktop.storage.vault import Vault
from tests.bench.common import FAST_KDF, LEADER, PASSWORD, Db, peak_mib, repeat, summary, vault_db

ONE_YEAR_TARGET = 0.3
ALL_YEARS_TARGET = 2.0


def steering_report(db: Db, who: Identity, year: int, today: date) -> None:
    """The steering report of one school year, made and rendered to PDF as the screen does."""
    with db.session() as s:
        sy = SchoolYear(year)
        data = reporting.steering_data(s, who, "Bench", sy.start, min(sy.end, today), today)
    steering.render(data, io.BytesIO())


def school_years(db: Db, who: Identity) -> list[int]:
    with db.session() as s:
        return sorted(figures.referrals_per_year(s, who))


def measure_steering(db: Db, who: Identity, today: date, runs: int) -> dict[str, list[float]]:
    """Seconds per run: this school year's report, and every school year's one after another."""
    years = school_years(db, who)
    current = SchoolYear.of(today).start_year
    steering_report(db, who, current, today)  # warm, as the caseload measures
    return {
        "one": repeat(lambda: steering_report(db, who, current, today), runs),
        "all": repeat(lambda: [steering_report(db, who, y, today) for y in years], runs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--password", default=PASSWORD)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=date.today(),
        help="default: today, as `demo` places its data",
    )
    args = parser.parse_args()
    vault = Vault(Path(args.dir), kdf=FAST_KDF)
    who = vault.unlock(LEADER, args.password, daily_backup=False)
    try:
        results = measure_steering(vault_db(vault), who, args.today, args.runs)
    finally:
        vault.lock()
    for key, label, target in (
        ("one", "one school year", ONE_YEAR_TARGET),
        ("all", "all school years", ALL_YEARS_TARGET),
    ):
        low, mid, high = summary(results[key])
        print(f"steering report, {label}: {low:.2f} / {mid:.2f} / {high:.2f} s (target {target} s)")
    print(f"peak memory: {peak_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
