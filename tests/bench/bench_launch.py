"""Process start to the visible unlock window, beside a bare PySide6 window (issue 18).

Run on demand: `PYTHONPATH=. /work/main/.venv/bin/python tests/bench/bench_launch.py --dir DIR`
(DIR holds a vault, so the program shows its unlock window). Each run starts a fresh Python
process and stops it at the first paint of its first top-level window; the time runs from just
before the process is started. The program goes through its real entry (`python -m
amo_desktop`, from source: the frozen bundle under packaging/ is not built here). Target: the
unlock window within 2x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.common import repeat

CHILD = """
import os, runpy, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.isWindow():
            print(watched.metaObject().className(), flush=True)
            os._exit(0)
        return False
watch = Watch()
app.installEventFilter(watch)
if sys.argv[1:]:
    sys.argv = ["amo_desktop", "--data-dir", sys.argv[1]]
    runpy.run_module("amo_desktop", run_name="__main__")
else:
    window = QWidget()
    window.show()
    app.exec()
"""


def launch(folder: Path | None) -> str:
    """Starts the program (or a bare window when FOLDER is None) until its first window paints;
    returns the class name of that window."""
    args = [sys.executable, "-c", CHILD] + ([str(folder)] if folder else [])
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(args, check=True, capture_output=True, text=True, env=env, timeout=60)
    return done.stdout.strip()


def measure_launch(folder: Path, runs: int) -> dict[str, list[float]]:
    """Seconds per run, interleaved so both see the same load: the bare window, the program."""
    bare: list[float] = []
    program: list[float] = []
    for _ in range(runs):
        bare += repeat(lambda: launch(None), 1)
        program += repeat(lambda: launch(folder), 1)
    return {"bare": bare, "unlock_window": program}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"first window of the program: {launch(args.dir)}")
    started = time.perf_counter()
    results = measure_launch(args.dir, args.runs)
    bare = statistics.median(results["bare"])
    program = statistics.median(results["unlock_window"])
    print(f"bare PySide6 window: {1000 * bare:.0f} ms; unlock window {1000 * program:.0f} ms")
    print(f"ratio {program / bare:.2f}x (target <= 2x); {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
