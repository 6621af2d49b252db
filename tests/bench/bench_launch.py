"""Process start to the visible unlock window, beside a bare PySide6 window (issue 18).

Run on demand: `PYTHONPATH=. /work/main/.venv/bin/python tests/bench/bench_launch.py --dir DIR`
(DIR holds a vault, so the program shows its unlock window). Each run starts a fresh Python
process and stops it at the first paint of its first top-level window; the time runs from just
before the process is started. The program goes through its real entry (`python -m
amo_desktop`, from source). Target: the unlock window within 2x the bare window.

With `--bundle packaging/work/linux/dist/amo-desktop/amo-desktop` (built by
packaging/build-linux.sh) and an X display (`xvfb-run -a`), it also times the frozen program,
which cannot be stopped from inside: both it and a bare window are timed until X shows their
window (polled with xdotool every ~10 ms), then killed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.common import repeat

BARE_X11 = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.setWindowTitle("bare-window")
window.show()
app.exec()
"""
UNLOCK_TITLE = "AMO Desktop ontgrendelen"


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
    # As installed: with bytecode caches (the frozen bundle ships compiled modules). Without
    # them every start compiles ~50 of our modules again, which the bare window never does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(args, check=True, capture_output=True, text=True, env=env, timeout=60)
    return done.stdout.strip()


def measure_launch(folder: Path, runs: int) -> dict[str, list[float]]:
    """Seconds per run, interleaved so both see the same load: the bare window, the program."""
    bare: list[float] = []
    program: list[float] = []
    launch(folder)  # writes the bytecode caches, as the first start after an install does
    for _ in range(runs):
        bare += repeat(lambda: launch(None), 1)
        program += repeat(lambda: launch(folder), 1)
    return {"bare": bare, "unlock_window": program}


def until_shown(args: list[str], title: str) -> float:
    """Seconds from starting ARGS until X shows a window named TITLE; the process is killed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(args, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            while time.perf_counter() - started < 60:
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                    capture_output=True,
                )
                if found.returncode == 0:
                    return time.perf_counter() - started
                time.sleep(0.005)  # a busy X server refuses clients that come faster
            output.seek(0)
            raise TimeoutError(f"no window {title!r} within 60 s: {output.read()[-2000:]}")
        finally:
            process.kill()
            process.wait()


def measure_frozen(bundle: Path, folder: Path, runs: int) -> dict[str, list[float]]:
    """The frozen program beside a bare window, both timed the same way, interleaved."""
    bare_args = [sys.executable, "-c", BARE_X11]
    program_args = [str(bundle), "--data-dir", str(folder)]
    # Xvfb resets when its last client leaves, and refuses clients meanwhile: stay connected.
    keeper = subprocess.Popen(["xprop", "-root", "-spy"], stdout=subprocess.DEVNULL)
    try:
        until_shown(program_args, UNLOCK_TITLE)  # the first start reads the bundle from disk
        bare: list[float] = []
        program: list[float] = []
        for _ in range(runs):
            bare.append(until_shown(bare_args, "bare-window"))
            program.append(until_shown(program_args, UNLOCK_TITLE))
    finally:
        keeper.kill()
        keeper.wait()
    return {"bare_x11": bare, "unlock_window_frozen": program}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, help="the frozen program (needs an X display)")
    args = parser.parse_args()
    if args.bundle:
        frozen = measure_frozen(args.bundle, args.dir, args.runs)
        bare = statistics.median(frozen["bare_x11"])
        program = statistics.median(frozen["unlock_window_frozen"])
        print(f"bare window {1000 * bare:.0f} ms; frozen unlock window {1000 * program:.0f} ms")
        print(f"ratio {program / bare:.2f}x (target <= 2x)")
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
