"""GUI fixtures: a real vault, the real DB worker thread, and prompts that answer themselves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.prompts import Prompts
from amo_desktop.ui.kit.settings import AppSettings
from amo_desktop.ui.kit.worker import DbWorker
from tests.conftest import FAST_KDF

GUI_DIR = Path(__file__).parent
# The offscreen platform plugin (not our code) warns about this whenever a window is shown.
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore only the offscreen plugin's own warning, only for the GUI tests."""
    for item in items:
        if GUI_DIR in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class FakePrompts(Prompts):
    """Canned answers instead of modal dialogs; every question is recorded."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.save_path: Path | None = None
        self.choose_answer: str | None = None
        self.calls: list[tuple[str, str, str]] = []

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        self.calls.append(("confirm", title, text))
        return self.confirm_answer

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        self.calls.append(("save_file", title, str(suggested)))
        return self.save_path

    def choose(
        self, parent: QWidget | None, title: str, label: str, items: list[str]
    ) -> str | None:
        self.calls.append(("choose", title, label))
        return self.choose_answer

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.calls.append(("info", title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.calls.append(("error", title, text))

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        self.calls.append(("about", title, text))

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.calls]


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny demo vault (tour.make_demo) made once per test process; tests tour copies of it."""
    from tests.gui.tour import make_demo

    folder = tmp_path_factory.mktemp("demo")
    make_demo(folder)
    return folder


@pytest.fixture
def worker(qapp: object) -> Iterator[DbWorker]:
    db_worker = DbWorker()
    yield db_worker
    db_worker.stop()


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def make_ctx(vault: Vault, worker: DbWorker, settings: AppSettings) -> AppContext:
    return AppContext(vault=vault, worker=worker, settings=settings, prompts=FakePrompts())


@pytest.fixture
def ctx(vault: Vault, worker: DbWorker, settings: AppSettings) -> AppContext:
    """The team leader's unlocked vault from tests/conftest.py."""
    return make_ctx(vault, worker, settings)


@pytest.fixture
def new_ctx(tmp_path: Path, worker: DbWorker, settings: AppSettings) -> Iterator[AppContext]:
    """No vault yet: for the first-run wizard."""
    fresh = Vault(tmp_path / "fresh", kdf=FAST_KDF)
    yield make_ctx(fresh, worker, settings)
    worker.stop()
    fresh.lock()
