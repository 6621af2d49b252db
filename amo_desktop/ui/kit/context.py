"""What every window needs, built once in app.py and passed to constructors (no globals)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from amo_desktop.domain.roles import Role
from amo_desktop.errors import KnownError
from amo_desktop.services.authz import TEAMLEADER_ROLES
from amo_desktop.ui.kit.prompts import Prompts
from amo_desktop.ui.kit.settings import AppSettings
from amo_desktop.ui.kit.worker import DbWorker

if TYPE_CHECKING:  # the UI holds what app.py built; it never calls storage itself
    from amo_desktop.storage.vault import Vault

R = TypeVar("R")

DATETIME_FORMAT = "%d/%m/%Y %H:%M"
STATUS_MS = 8000  # how long the status bar says what an action did


class StatusLine(QObject):
    """What the main window's status bar says after an action; the main window listens."""

    said = Signal(str)


@dataclass
class AppContext:
    vault: Vault
    worker: DbWorker
    settings: AppSettings
    prompts: Prompts
    lang: str = "nl"
    demo_login: str | None = None  # --demo: the unlock screen is filled in for this user
    demo_password: str | None = None
    today: Callable[[], date] = date.today  # the screens' clock: tests set a fixed day
    status_line: StatusLine = field(default_factory=StatusLine)

    @property
    def data_dir(self) -> Path:
        return self.vault.data_dir

    @property
    def me(self) -> str:
        """The user id of who signed in (a page is only built after unlocking)."""
        identity = self.vault.identity
        assert identity is not None
        return identity.user_id

    @property
    def is_leader(self) -> bool:
        """Whether who signed in leads the team (sees and assigns everything)."""
        identity = self.vault.identity
        return identity is not None and identity.role in TEAMLEADER_ROLES

    def organisation(self) -> str:
        """The vault's organisation (from the key file, no key needed), '' when unreadable."""
        try:
            vault = self.vault
            return (
                vault.sidecar.organisation if vault.is_unlocked else vault.inventory().organisation
            )
        except KnownError:
            return ""

    def role_label(self, role: str) -> str:
        try:
            known = Role(role)
        except ValueError:
            return role
        return known.label_en if self.lang == "en" else known.label_nl

    def status(self, text: str) -> None:
        """Says in the main window's status bar, for a few seconds, what an action just did
        ("Aanmelding opgeslagen."). On screen only: it is never logged."""
        self.status_line.said.emit(text)

    def call(
        self,
        service: Callable[..., R],
        *args: Any,
        on_success: Callable[[R], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """Runs `service(s, caller, *args, **kwargs)` on the DB worker in one unit of work."""
        vault = self.vault

        def job() -> R:
            with vault.session() as s:
                return service(s, vault.identity, *args, **kwargs)

        self.run(job, on_success, on_failure)

    def call_vault(
        self,
        service: Callable[..., R],
        *args: Any,
        on_success: Callable[[R], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """Runs `service(vault, caller, *args, **kwargs)` on the DB worker: the services that
        manage the vault itself (users, backups, exchange) open their own units of work."""
        vault = self.vault
        self.run(lambda: service(vault, vault.identity, *args, **kwargs), on_success, on_failure)

    def run(
        self,
        job: Callable[[], R],
        on_success: Callable[[R], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Runs `job()` on the DB worker (unlocking, locking, a backup); a failure without
        `on_failure` goes to `fail`."""
        self.worker.submit(job, on_success, on_failure or self.fail)

    def fail(self, exc: BaseException) -> None:
        """What happens to a failure nobody handles: a known error is told in a dialog over
        the active window, anything else is a bug for the crash handler."""
        if not isinstance(exc, KnownError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self.prompts.error(
            QApplication.activeWindow(),
            QCoreApplication.translate("AppContext", "Dat lukte niet"),
            exc.message(self.lang),
        )


def format_datetime(iso: str | None) -> str:
    """An ISO stamp from the sidecar as dd/mm/jjjj uu:mm in local time; '' when missing."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime(DATETIME_FORMAT)
    except ValueError:
        return ""
