"""Every page of the main window and every main dialog, opened one after the other on a small
demo vault: what the screen-fit and accessibility tests and tools/screenshots.py look at."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QDialog, QTableView, QWidget

from amo_desktop.demo import DEMO_LEADER, create_demo_vault
from amo_desktop.domain.enums import ReferralStatus
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.settings import AppSettings
from amo_desktop.ui.kit.worker import DbWorker
from amo_desktop.ui.screens.aanmeldingen.page import ReferralsPage
from amo_desktop.ui.screens.beheer.page import AdminPage
from amo_desktop.ui.screens.planning.page import PlanningPage
from amo_desktop.ui.screens.trajecten.page import TrajectoriesPage
from amo_desktop.ui.screens.wachtlijst.page import WaitlistPage
from amo_desktop.ui.shell.main_window import MainWindow
from amo_desktop.ui.shell.unlock import UnlockDialog
from tests.conftest import FAST_KDF
from tests.gui.conftest import FakePrompts

PASSWORD = "demo-wachtwoord-1"
# Windows' taskbar and a window's title bar take this much of the screen's height (pixels).
TASKBAR_AND_TITLE = 72


@dataclass(frozen=True)
class Screen:
    """A laptop screen in pixels and its display scaling (QT_SCALE_FACTOR)."""

    width: int
    height: int
    scale: float = 1.0

    def window_size(self) -> QSize:
        """The room a maximised window has, in Qt's (scaled) pixels."""
        return QSize(
            int(self.width / self.scale), int((self.height - TASKBAR_AND_TITLE) / self.scale)
        )


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get its rows in time")
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def make_demo(folder: Path, scale: str = "tiny", today: date | None = None) -> None:
    """A demo vault of `scale` in `folder`, opened once by its team leader and locked again, so
    today's backup is made: a copy shows the screens as `demo_context` on `folder` would."""
    day = today or date.today()
    create_demo_vault(folder / "data", PASSWORD, kdf=FAST_KDF, scale=scale, today=day)
    vault = Vault(folder / "data", kdf=FAST_KDF)
    vault.unlock(DEMO_LEADER, PASSWORD)
    vault.lock()


def demo_context(
    folder: Path, scale: str = "tiny", today: date | None = None, login: str = DEMO_LEADER
) -> AppContext:
    """A demo vault of `scale` in `folder` (made the first time), unlocked by `login` (its
    team leader or one of its coaches), with the real worker."""
    day = today or date.today()
    if not (folder / "data").exists():
        make_demo(folder, scale, day)
    vault = Vault(folder / "data", kdf=FAST_KDF)
    vault.unlock(login, PASSWORD)
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    return AppContext(
        vault=vault, worker=DbWorker(), settings=settings, prompts=FakePrompts(), today=lambda: day
    )


def settle(ctx: AppContext) -> None:
    """Let the worker finish what the screen asked and the answers arrive."""
    QApplication.processEvents()
    wait_until(lambda: not ctx.worker.busy)
    for _ in range(3):
        QApplication.processEvents()


def select_first(ctx: AppContext, table: QTableView) -> None:
    wait_until(lambda: table.model().rowCount() > 0)
    table.selectRow(0)
    settle(ctx)


class Tour:
    """Walks the main window of `ctx` at `screen`: `pages()` then `dialogs()`, each giving
    (name, the top-level widget to look at)."""

    def __init__(self, ctx: AppContext, screen: Screen) -> None:
        self.ctx = ctx
        self.screen = screen
        self.window = MainWindow(ctx)
        self.window.resize(screen.window_size())
        self.window.show()
        settle(ctx)

    def page(self, key: str) -> QWidget:
        self.window.show_page(key)
        settle(self.ctx)
        return self.window.pages[key]

    def stops(self) -> Iterator[tuple[str, QWidget]]:
        """Every page, then every dialog; each is on screen until the next is asked."""
        yield from self.pages()
        yield from self.dialogs()

    def pages(self) -> Iterator[tuple[str, QWidget]]:
        for key in self.window.page_keys:
            page = self.page(key)
            if isinstance(page, AdminPage):
                for index in range(page.tabs.count()):
                    page.tabs.setCurrentIndex(index)
                    settle(self.ctx)
                    yield f"beheer-{index + 1}", self.window
            else:
                if isinstance(page, ReferralsPage):
                    self._referral_shown(page)
                elif isinstance(page, TrajectoriesPage):
                    self._trajectories()
                yield key, self.window

    def dialogs(self) -> Iterator[tuple[str, QWidget]]:
        for name, opener in self.openers().items():
            dialog = opener()
            if dialog is None:
                raise AssertionError(f"{name}: the dialog did not open")
            settle(self.ctx)
            limit = self.screen.window_size()
            dialog.resize(dialog.size().boundedTo(limit).expandedTo(dialog.minimumSize()))
            settle(self.ctx)
            yield name, dialog
            dialog.close()
            settle(self.ctx)

    def openers(self) -> dict[str, Callable[[], QWidget | None]]:
        return {
            "ontgrendelen": self._unlock,
            "aanmelding-formulier": self._referral_form,
            "aanmelding-status": self._transition,
            "toewijzen": self._assign,
            "traject-starten": lambda: self._trajectories().open_start(),
            "doel-toevoegen": lambda: self._trajectories().open_add_goal(),
            "contactmoment": lambda: self._planning().open_new(),
            "planning-exporteren": lambda: self._planning().open_export(),
            "verslag": self._note,
            "instellingen": self.window.open_settings,
            "wachtwoord-wijzigen": self.window.change_password,
            "gebruiker-toevoegen": lambda: self._admin().users.open_add_dialog(),
            "wachtwoord-resetten": self._reset,
            "school-toevoegen": lambda: self._admin().schools.open_add_dialog(),
            "sneltoetsen": self.window.help.open_shortcuts,
            "handleiding": self.window.help.open_guide,
        }

    # --- opening each dialog ----------------------------------------------------------------
    def _unlock(self) -> QDialog:
        dialog = UnlockDialog(self.ctx)
        dialog.show()
        return dialog

    def _referral_form(self) -> QDialog:
        page = self.page("referrals")
        assert isinstance(page, ReferralsPage)
        return page.open_new_form()

    def _referral_shown(self, page: ReferralsPage) -> None:
        """The first referral in the detail pane (loaded after a short pause)."""
        select_first(self.ctx, page.table)
        wait_until(lambda: page.detail.detail is not None)
        settle(self.ctx)

    def _transition(self) -> QDialog | None:
        page = self.page("referrals")
        assert isinstance(page, ReferralsPage)
        self._referral_shown(page)
        return page.open_transition(ReferralStatus.NIET_GESTART.value)

    def _assign(self) -> QDialog | None:
        page = self.page("waiting")
        assert isinstance(page, WaitlistPage)
        select_first(self.ctx, page.table)
        return page.open_assign()

    def _trajectories(self) -> TrajectoriesPage:
        page = self.page("trajectories")
        assert isinstance(page, TrajectoriesPage)
        select_first(self.ctx, page.table)
        wait_until(lambda: page.detail.info is not None)
        settle(self.ctx)
        return page

    def _planning(self) -> PlanningPage:
        page = self.page("planning")
        assert isinstance(page, PlanningPage)
        return page

    def _note(self) -> QDialog | None:
        """The note of a session that took place (of the first trajectory that has one)."""
        page = self._trajectories()
        detail = page.detail
        for row in range(page.table.model().rowCount()):
            page.table.selectRow(row)
            wait_until(lambda: detail.info is not None and detail.info.id == page.selected_id())
            settle(self.ctx)
            past = [s for s in detail.sessions_model.records() if s.on <= self.ctx.today()]
            if past:
                index = detail.sessions_model.index(detail.sessions_model.row_of(past[0].id), 0)
                detail.sessions.selectRow(detail.sessions_proxy.mapFromSource(index).row())
                settle(self.ctx)
                break
        return page.open_note()

    def _admin(self) -> AdminPage:
        page = self.page("admin")
        assert isinstance(page, AdminPage)
        return page

    def _reset(self) -> QDialog | None:
        users = self._admin().users
        wait_until(lambda: users.model.rowCount() > 1)
        for row in range(users.table.model().rowCount()):  # a coach, not the team leader
            users.table.selectRow(row)
            chosen = users.selected_user()
            if chosen is not None and chosen.role == "coach":
                break
        settle(self.ctx)
        return users.open_reset_dialog()

    def close(self) -> None:
        self.window.hide()
        self.window.deleteLater()
        settle(self.ctx)
        self.ctx.worker.stop()
        self.ctx.vault.lock()
