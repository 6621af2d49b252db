"""What every window needs, built once in app.py and passed to constructors (no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from amo_desktop.domain.roles import Role
from amo_desktop.errors import KnownError
from amo_desktop.storage.vault import Vault
from amo_desktop.ui.prompts import Prompts
from amo_desktop.ui.settings import AppSettings
from amo_desktop.ui.worker import DbWorker

DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"


@dataclass
class AppContext:
    vault: Vault
    worker: DbWorker
    settings: AppSettings
    prompts: Prompts
    lang: str = "nl"
    demo_password: str | None = None

    @property
    def data_dir(self) -> Path:
        return self.vault.data_dir

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

    def call(
        self,
        service: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """Runs `service(s, caller, *args, **kwargs)` on the DB worker in one unit of work."""
        vault = self.vault

        def job() -> Any:
            with vault.session() as s:
                return service(s, vault.identity, *args, **kwargs)

        self.worker.submit(job, on_success, on_failure)


def format_datetime(iso: str | None) -> str:
    """An ISO stamp from the sidecar as dd/mm/jjjj uu:mm in local time; '' when missing."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime(DATETIME_FORMAT)
    except ValueError:
        return ""
