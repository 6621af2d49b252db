"""How well the expected wait held up: a typical demo vault made with the demo command, then
each past school year's referrals estimated on their day received (docs/figures.md).

python tools/wait_backtest.py [--seed 1] [--today 2026-02-02] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.wait_backtest import BacktestResult
from amo_desktop.services import wait_estimate
from amo_desktop.storage.vault import Vault

PASSWORD = "demo-wachtwoord"
LOGIN = "teamleider"


def make_demo(data_dir: Path, seed: int, today: date) -> None:
    """The typical demo vault, through the demo command as a user would make it."""
    env = {**os.environ, "AMO_PASSWORD": PASSWORD, "AMO_USER": LOGIN}
    command = [sys.executable, "-m", "amo_desktop", "--data-dir", str(data_dir), "demo"]
    command += ["--scale", "typical", "--seed", str(seed), "--today", today.isoformat()]
    subprocess.run(command, env=env, check=True)


def row(label: str, r: BacktestResult) -> str:
    coverage = f"{r.coverage * 100:.0f} %" if r.coverage is not None else "–"
    width = f"{r.median_width:.0f}" if r.median_width is not None else "–"
    wait = f"{r.median_wait:.1f}" if r.median_wait is not None else "–"
    return f"| {label} | {r.estimated} | {coverage} | {width} | {wait} | {r.too_little} |"


def report(data_dir: Path, today: date) -> list[str]:
    vault = Vault(data_dir)
    caller = vault.unlock(LOGIN, PASSWORD)
    lines = [
        "| Schooljaar | Geschat | Binnen de range | Mediane breedte (weken) "
        "| Mediane wachttijd (weken) | Onvoldoende gegevens |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    try:
        with vault.session() as s:
            first_year = SchoolYear.of(today).start_year - 5
            for year in range(first_year, SchoolYear.of(today).start_year + 1):
                school_year = SchoolYear(year)
                last = min(school_year.end, today)
                result = wait_estimate.backtest_waits(s, caller, school_year.start, last, today)
                lines.append(row(f"{year}-{year + 1}", result))
            total = wait_estimate.backtest_waits(
                s, caller, SchoolYear(first_year).start, today, today
            )
            lines.append(row("**alle**", total))
    finally:
        vault.lock()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 2, 2))
    parser.add_argument("--data-dir", type=Path, help="an existing demo vault (default: new)")
    args = parser.parse_args()
    if args.data_dir is not None:
        print("\n".join(report(args.data_dir, args.today)))
        return
    with tempfile.TemporaryDirectory(prefix="amo-wait-") as folder:
        make_demo(Path(folder), args.seed, args.today)
        print("\n".join(report(Path(folder), args.today)))


if __name__ == "__main__":
    main()
