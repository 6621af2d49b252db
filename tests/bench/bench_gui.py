"""Benchmark of the desktop screens on a demo vault (issues 4, 15, 18). Run on demand, not by
pytest:

    PYTHONPATH=. /work/main/.venv/bin/python tests/bench/bench_gui.py [--dir DIR]
        [--scale large|typical]

Without a vault in DIR (default: AMO_BENCH_VAULT, else a temporary folder) it first runs
`amo-desktop --data-dir DIR demo --scale SCALE` as a subprocess (cheap key slots, so unlocking
costs little; the real Argon2id cost is measured in a child and added as start_real). An
existing vault in DIR is reused. tests/bench/run_all.py runs these measures on both scales,
several times, beside a plain SQLite copy.

Measures, in this process on the offscreen platform (or xcb when DISPLAY is set and
QT_QPA_PLATFORM=xcb):
- start: from the password step (unlock) to the main window shown and painted with the
  Overzicht filled; the unlock's quick_check runs beside it, as in the app;
- first paint of the Wachtlijst (team leader) and of a coach's Trajecten, each from building the
  page to the first paint of its table with rows;
- the Aanmeldingen list loaded, and filtering it by typing a search word: the work once the
  short typing pause (SEARCH_DELAY_MS) ends, with the list shown;
- peak memory of the process (ru_maxrss) with every screen visited.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.prompts import Prompts
from amo_desktop.ui.kit.settings import AppSettings
from amo_desktop.ui.kit.worker import DbWorker
from amo_desktop.ui.screens.aanmeldingen.page import ReferralsPage
from amo_desktop.ui.screens.trajecten.page import TrajectoriesPage
from amo_desktop.ui.screens.wachtlijst.page import WaitlistPage
from amo_desktop.ui.shell.main_window import MainWindow
from amo_desktop.ui.shell.session import prepare_ahead
from amo_desktop.ui.shell.unlock import UnlockDialog
from tests.bench.common import COACH, FAST_KDF, LEADER, PASSWORD, ensure_vault, peak_mib

TARGETS = {  # issue 18; start_real on the typical vault: issue 15's Overzicht within 1 s
    "start": 800,
    "start_real": 800,
    "waitlist": 50,
    "referrals": 150,
    "filter": 30,
    "caseload": 50,
    "memory": 250,
}


class PaintWatch(QObject):
    """Records the time of the first Paint event of a widget after `arm()`."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.at: float | None = None
        self.armed = False
        widget.installEventFilter(self)

    def arm(self) -> None:
        self.at, self.armed = None, True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def wait_for(app: QApplication, done: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the screen did not get there in time")
        app.processEvents()
        time.sleep(0.001)


KEY_SLOT_SCRIPT = """
import os, resource, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
app = QApplication([])
import amo_desktop.ui.shell.session  # what the program has loaded when its unlock dialog shows
from amo_desktop.storage.keyslots import DEFAULT_KDF, new_password_slot, open_password_slot
slot, _ = new_password_slot("bench", "user", "login", "teamleader", "pw-pw-pw-pw", DEFAULT_KDF)
started = time.perf_counter()
open_password_slot("bench", slot, "pw-pw-pw-pw")
print((time.perf_counter() - started) * 1000, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def real_key_slot() -> tuple[float, float]:
    """What the cheap demo key slot saves: ms to open a key slot with the shipped Argon2id
    cost, and the peak MB of a process that has loaded the program as at its unlock dialog and
    does only that (a child, so the 256 MiB of Argon2id are not added to the screens' peak)."""
    out = subprocess.run(
        [sys.executable, "-c", KEY_SLOT_SCRIPT], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1]) / 1024


def hosted(page_factory: Callable[[QWidget], QWidget]) -> tuple[QWidget, QWidget]:
    window = QWidget()
    QVBoxLayout(window)
    window.resize(1280, 740)
    page = page_factory(window)
    window.layout().addWidget(page)
    return window, page


def first_paint(app: QApplication, factory: Callable[[QWidget], QWidget]) -> float:
    """Seconds from building a page until its table is painted with rows."""
    started = time.perf_counter()
    window, page = hosted(factory)
    watch = PaintWatch(page.table.viewport())  # type: ignore[attr-defined]
    window.show()
    wait_for(app, lambda: page.model.rowCount() > 0)  # type: ignore[attr-defined]
    watch.arm()
    page.table.viewport().update()  # type: ignore[attr-defined]
    wait_for(app, lambda: watch.at is not None)
    elapsed = watch.at - started  # type: ignore[operator]
    window.close()
    window.deleteLater()
    app.processEvents()
    return elapsed


def unlock(vault: Vault, login: str) -> float:
    """Seconds of the unlock as the unlock dialog does it (cheap key slot), with the
    quick_check (R17) started beside it."""
    started = time.perf_counter()
    vault.unlock(login, PASSWORD, daily_backup=False, background_check=True)
    return time.perf_counter() - started


def open_main_window(app: QApplication, ctx: AppContext) -> tuple[float, float]:
    """Seconds from building the main window until it is painted, and until its first page
    (Overzicht) is filled and the worker idle."""
    started = time.perf_counter()
    window = MainWindow(ctx)
    watch = PaintWatch(window)
    watch.arm()
    window.show()
    wait_for(app, lambda: watch.at is not None and not ctx.worker.busy)
    filled = time.perf_counter() - started
    painted = (watch.at or started) - started
    window.close()
    window.deleteLater()
    wait_for(app, lambda: not ctx.worker.busy)
    return painted, filled


def referrals_list(app: QApplication, ctx: AppContext) -> tuple[float, list[float], float]:
    """Seconds until the Aanmeldingen list is loaded, of each filter step once the typing pause
    (SEARCH_DELAY_MS) ends, and of sorting on another column."""
    started = time.perf_counter()
    shown, referrals = hosted(lambda parent: ReferralsPage(ctx, parent=parent))
    shown.show()
    wait_for(app, lambda: referrals.loaded)  # type: ignore[attr-defined]
    loaded = time.perf_counter() - started
    wait_for(app, lambda: referrals.model.texts_ready)  # type: ignore[attr-defined]  # the user reads first
    timings = []
    for word in ("jan", "asse", "klas", "peeters", "", "p", "pe", "pee", ""):
        t0 = time.perf_counter()
        referrals.search.setText(word)  # type: ignore[attr-defined]
        referrals.apply_filters()  # type: ignore[attr-defined]  # what the typing pause ends in
        app.processEvents()
        timings.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    referrals.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # type: ignore[attr-defined]
    app.processEvents()
    sort = time.perf_counter() - t0
    shown.close()
    shown.deleteLater()
    wait_for(app, lambda: not ctx.worker.busy)
    return loaded, timings, sort


def waitlist_paint(app: QApplication, ctx: AppContext) -> float:
    return first_paint(app, lambda parent: WaitlistPage(ctx, parent=parent))


def caseload_paint(app: QApplication, ctx: AppContext) -> float:
    """The Trajecten page of the user who is unlocked (a coach: their caseload)."""
    return first_paint(app, lambda parent: TrajectoriesPage(ctx, parent=parent))


def visit_every_screen(app: QApplication, ctx: AppContext) -> float:
    """Opens the main window and every page in it, each until its data is loaded; returns the
    process's peak memory in MiB."""
    window = MainWindow(ctx)
    window.show()
    for key in window.page_keys:
        window.show_page(key)
        wait_for(app, lambda: not ctx.worker.busy)
        for _ in range(20):
            app.processEvents()
    window.close()
    window.deleteLater()
    wait_for(app, lambda: not ctx.worker.busy)
    return peak_mib()


def session(folder: Path) -> tuple[QApplication, AppContext]:
    """The application, with a worker and a context on the (locked) vault in FOLDER, and what
    the unlock window prepares while the user types the password."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    vault = Vault(folder, kdf=FAST_KDF)
    ctx = AppContext(vault, DbWorker(), AppSettings.in_folder(folder), Prompts())
    dialog = UnlockDialog(ctx)  # as the program, which shows it first: fonts, style, …
    watch = PaintWatch(dialog)
    watch.arm()
    dialog.show()
    prepare_ahead(ctx.today()).join()  # what the unlock window starts while the user types
    wait_for(app, lambda: watch.at is not None)
    dialog.hide()
    dialog.deleteLater()
    return app, ctx


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=os.environ.get("AMO_BENCH_VAULT"))
    parser.add_argument("--scale", choices=["typical", "large"], default="large")
    args = parser.parse_args()
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="amo-bench-"))
    ensure_vault(folder, args.scale)
    app, ctx = session(folder)
    vault = ctx.vault
    results: dict[str, float] = {}

    unlocked = unlock(vault, LEADER)
    checked: list[float] = []
    after = time.perf_counter()
    vault.when_checked(lambda _error: checked.append(time.perf_counter()))
    painted, filled = open_main_window(app, ctx)
    results["start"] = 1000 * (unlocked + filled)
    print(f"unlock (cheap key slot) {1000 * unlocked:.0f} ms")
    print(
        f"after unlock: window painted in {1000 * painted:.0f} ms, first page filled {1000 * filled:.0f} ms"
    )
    wait_for(app, lambda: bool(checked))
    print(f"quick_check beside the window: done {1000 * (checked[0] - after):.0f} ms after unlock")

    kdf_ms, kdf_mb = real_key_slot()
    results["start_real"] = results["start"] + kdf_ms
    print(
        f"Argon2id of a shipped key slot: {kdf_ms:.0f} ms (start_real = start + this), "
        f"peak {kdf_mb:.0f} MB at the unlock dialog, before any data is read"
    )
    results["waitlist"] = 1000 * waitlist_paint(app, ctx)
    loaded, timings, sort = referrals_list(app, ctx)
    results["referrals"] = 1000 * loaded
    results["filter"] = 1000 * max(timings)
    print(f"filtering the referrals: {', '.join(f'{1000 * t:.0f}' for t in timings)} ms")
    print(f"sorting them on another column: {1000 * sort:.0f} ms")

    vault.lock()
    vault.unlock(COACH, PASSWORD)
    results["caseload"] = 1000 * caseload_paint(app, ctx)
    results["memory"] = visit_every_screen(app, ctx)
    ctx.worker.stop()
    vault.lock()

    print(f"\n{'measure':<10} {'value':>10} {'target':>10}")
    failed = False
    if args.scale == "typical":
        TARGETS["start_real"] = 1000
    for key, value in results.items():
        unit = "MB" if key == "memory" else "ms"
        ok = value <= TARGETS[key]
        failed |= not ok
        flag = "" if ok else "  OVER"
        print(f"{key:<10} {value:>7.0f} {unit} {TARGETS[key]:>7} {unit}{flag}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
