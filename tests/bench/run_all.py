"""Every benchmark in one command, with the table of issue 18 (min / median / max, plain ratio).

    PYTHONPATH=. nice -n 10 /work/main/.venv/bin/python tests/bench/run_all.py --dir DIR
        [--typical-dir DIR2] [--runs 3] [--slow-runs 1] [--today YYYY-MM-DD] [--skip GROUP ...]
        [--bundle packaging/work/linux/dist/amo-desktop/amo-desktop]   # under xvfb-run -a

DIR holds a `demo --scale large` vault (made first when missing; cheap key slots, password
"demo-wachtwoord"); DIR2 a typical one (default: DIR + "-typical", made when missing). Each
group of measures runs in a fresh child process (so peak memory is its own), several times;
where it applies the same service or screen code also runs on a plain SQLite copy of the same
data, decrypted into a temporary folder by `sqlcipher_export` and deleted afterwards.
Benchmarks take today's date unless --today says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench import groups
from tests.bench.common import ensure_vault
from tests.bench.table import LINES, render

GROUPS = (
    "launch",
    "services",
    "reports",
    "gui",
    "typical",
    "memory",
    "vault",
    "import",
    "exchange",
)
SLOW = ("import", "exchange")


def child(name: str, args: argparse.Namespace) -> dict[str, list[float]]:
    """Runs one group in a fresh process and returns its samples."""
    runs = args.slow_runs if name in SLOW else args.runs
    command = [
        sys.executable, __file__, "--child", name, "--dir", str(args.dir),
        "--typical-dir", str(args.typical_dir), "--runs", str(runs),
        "--today", args.today.isoformat(),
    ] + (["--bundle", str(args.bundle)] if args.bundle else [])  # fmt: skip
    started = time.perf_counter()
    print(f"[{name}] …", flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not found:
        print(done.stdout[-2000:], done.stderr[-4000:], sep="\n", file=sys.stderr)
        print(f"[{name}] failed (exit {done.returncode})", flush=True)
        return {}
    for line in done.stdout.splitlines():
        if not line.startswith("RESULT "):
            print(f"  {line}")
    print(f"[{name}] {time.perf_counter() - started:.0f} s", flush=True)
    return dict(json.loads(found[-1][len("RESULT ") :]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/work/bench-large"))
    parser.add_argument("--typical-dir", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--slow-runs", type=int, default=1, help="runs of import and exchange")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--bundle", type=Path, help="the frozen program, timed under X too")
    parser.add_argument("--skip", nargs="*", default=[], choices=GROUPS)
    parser.add_argument("--only", nargs="*", default=[], choices=GROUPS)
    parser.add_argument("--child", choices=GROUPS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.typical_dir is None:
        args.typical_dir = Path(f"{args.dir}-typical")
    if args.child:
        result = groups.RUNNERS[args.child](args)
        print("RESULT " + json.dumps(result), flush=True)
        return 0
    samples: dict[str, list[float]] = {}
    made = ensure_vault(args.dir, "large")
    if made is not None:
        samples["demo"] = [made]
    ensure_vault(args.typical_dir, "typical")
    chosen = args.only or [g for g in GROUPS if g not in args.skip]
    for name in chosen:
        samples.update(child(name, args))
    print()
    print(f"{date.today().isoformat()}, {os.cpu_count()} cores, runs: {args.runs} "
          f"(import/exchange {args.slow_runs}); today = {args.today.isoformat()}")  # fmt: skip
    print(render(LINES, samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
