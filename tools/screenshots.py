"""Screenshots of every page and main dialog at 1366×768 with 125 % display scaling, on a typical
demo vault made in a temporary folder, into docs/screenshots/ (the handleiding and README show
them). It walks the same screens as the screen-fit test (tests/gui/tour.py).

QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/screenshots.py [OUT_DIR] [SCALE_NAME]
(or under `xvfb-run` without QT_QPA_PLATFORM; SCALE_NAME tiny is quick, typical the default;
QT_SCALE_FACTOR=1.5 in the environment shows 150 %)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Before Qt starts: Windows' 125 % display scaling, unless QT_SCALE_FACTOR says another.
SCALE = float(os.environ.setdefault("QT_SCALE_FACTOR", "1.25"))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.gui.tour import Screen, Tour, demo_context, settle, wait_until  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCREEN = Screen(1366, 768, SCALE)
# The tour's names -> file names; the names the handleiding already uses stay as they are.
NAMES = {
    "ontgrendelen": "01-ontgrendelen",
    "overview": "02-overzicht",
    "overview-coach": "02-overzicht-coach",
    "referrals": "03-aanmeldingen",
    "aanmelding-formulier": "03-aanmelding-formulier",
    "waiting": "04-wachtlijst",
    "planning": "05-planning-week",
    "planning-team": "05-planning-team",
    "trajectories": "06-trajecten",
    "verslag": "07-verslag",
    "reports": "08-rapporten",
    "beheer-1": "09-beheer-1-gebruikers",
    "beheer-2": "09-beheer-2-scholen",
    "beheer-3": "09-beheer-3-vrije-dagen",
    "beheer-4": "09-beheer-4-financiers",
    "beheer-5": "09-beheer-5-partners",
    "beheer-6": "09-beheer-6-bewaartermijnen",
    "beheer-7": "09-beheer-7-reservekopieen",
    "beheer-8": "09-beheer-8-importeren",
    "beheer-9": "09-beheer-9-verslagsjablonen",
    "exchange": "10-uitwisselen",
}


def save(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{NAMES.get(name, '11-' + name)}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def leader_tour(folder: Path, scale: str, out: Path) -> None:
    tour = Tour(demo_context(folder, scale), SCREEN)
    try:
        for name, top in tour.stops():
            if name == "reports":
                make_a_report(tour)
            save(top, out, name)
            if name == "planning":
                team_week(tour, out)
    finally:
        tour.close()


def make_a_report(tour: Tour) -> None:
    """The steering group report of this school year, as the team leader would first make."""
    page = tour.page("reports")
    page.generate()  # type: ignore[attr-defined]
    wait_until(lambda: page.output.result is not None, timeout=120)  # type: ignore[attr-defined]
    settle(tour.ctx)


def team_week(tour: Tour, out: Path) -> None:
    page = tour.page("planning")
    view = page.view  # type: ignore[attr-defined]
    view.setCurrentIndex(view.findData("team"))
    settle(tour.ctx)
    save(tour.window, out, "planning-team")
    view.setCurrentIndex(view.findData("me"))
    settle(tour.ctx)


def coach_overview(folder: Path, out: Path) -> None:
    tour = Tour(demo_context(folder, login="coach.an"), SCREEN)
    try:
        tour.page("overview")
        save(tour.window, out, "overview-coach")
    finally:
        tour.close()


def main(out: Path, scale: str) -> int:
    app = QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        leader_tour(Path(folder), scale, out)
        coach_overview(Path(folder), out)
    app.quit()
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    target = Path(arguments[0]) if arguments else ROOT / "docs" / "screenshots"
    sys.exit(main(target, arguments[1] if len(arguments) > 1 else "typical"))
