"""Steering report on the large demo vault (issue 5): one school year < 3 s, all years < 10 s.

Run on demand: `.venv/bin/python tests/bench/bench_reports.py --dir FOLDER` on a vault made by
`amo-desktop --data-dir FOLDER demo --scale large` (tests/bench/bench_caseload.py makes one).
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
from datetime import date
from pathlib import Path

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.reports import steering
from amo_desktop.services import figures, reporting
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--password", default="demo-wachtwoord")
    parser.add_argument(
        "--today",
        default=date.today().isoformat(),
        help="default: today, as `demo` places its data",
    )
    args = parser.parse_args()
    vault = Vault(Path(args.dir), kdf=KdfParams(8192, 1, 1))
    who = vault.unlock("teamleider", args.password)
    today = date.fromisoformat(args.today)
    try:
        with vault.session() as s:
            years = sorted(figures.referrals_per_year(s, who))

            def one(year: int) -> float:
                start = time.perf_counter()
                sy = SchoolYear(year)
                data = reporting.steering_data(s, who, "Bench", sy.start, min(sy.end, today), today)
                steering.render(data, io.BytesIO())
                return time.perf_counter() - start

            current = one(SchoolYear.of(today).start_year)
            total = sum(one(y) for y in years)
    finally:
        vault.lock()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"steering report, one school year: {current:.2f} s (target < 3 s)")
    print(f"steering report, all {len(years)} school years: {total:.2f} s (target < 10 s)")
    print(f"peak memory: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
