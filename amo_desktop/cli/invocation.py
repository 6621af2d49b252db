"""One run of the command line: its language, data folder, passwords and unlocked vault."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from amo_desktop.cli.messages import TEXT
from amo_desktop.config import resolve_data_dir
from amo_desktop.errors import KnownError

if TYPE_CHECKING:  # imported when a command opens the vault, not to start the GUI
    from amo_desktop.domain.identity import Identity
    from amo_desktop.services import accounts
    from amo_desktop.storage.vault import Vault


class UsageError(Exception):
    """Wrong usage found after parsing: one line on stderr and exit code 2."""


class Cli:
    """Holds the chosen language and data folder for one invocation."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang: str = args.lang or os.environ.get("AMO_LANG") or "nl"
        self.data_dir = resolve_data_dir(args.data_dir)
        self.outcome: accounts.UnlockOutcome | None = None  # what the unlock found, see finish
        self.asks_new = True  # False while the command changes the password itself

    def t(self, text_id: str, **params: object) -> str:
        """The message in the chosen language; Dutch for a language we do not have (AMO_LANG=de)."""
        texts = TEXT[text_id]
        return texts.get(self.lang, texts["nl"]).format(**params)

    def say(self, text_id: str, **params: object) -> None:
        print(self.t(text_id, **params))

    def vault(self) -> Vault:
        from amo_desktop.storage.vault import Vault

        return Vault(self.data_dir)  # the shipped Argon2id cost; no setting lowers it

    def secret(self, var: str, prompt_key: str, confirm: bool = False) -> str:
        value = os.environ.get(var)
        if value is not None:
            return value
        if not sys.stdin or not sys.stdin.isatty():
            raise UsageError(self.t("no_input", var=var))
        first = getpass.getpass(self.t(prompt_key))
        if confirm and getpass.getpass(self.t("repeat")) != first:
            raise UsageError(self.t("mismatch"))
        return first

    def ask_login(self) -> str:
        """The login typed at the terminal; without one, AMO_USER is needed."""
        if not sys.stdin or not sys.stdin.isatty():
            raise UsageError(self.t("no_input", var="AMO_USER"))
        return input(self.t("user")).strip()

    def login(self, vault: Vault) -> str:
        value = os.environ.get("AMO_USER")
        if value:
            return value
        slots = [s for s in vault.inventory().slots if s.kind == "password"]
        if len(slots) == 1:
            return slots[0].login
        return self.ask_login()

    @contextlib.contextmanager
    def unlocked(self) -> Iterator[tuple[Vault, Identity]]:
        """The vault unlocked with the user's password and who that user is; locked after."""
        from amo_desktop.services import accounts

        vault = self.vault()
        login = self.login(vault)
        password = self.secret("AMO_PASSWORD", "password")
        self.outcome = accounts.unlock(vault, login, password, reset_failures=False)
        try:
            yield vault, self.outcome.identity
        finally:
            vault.lock()

    def finish(self) -> None:
        """After a command that succeeded, on stderr: the failed attempts since the last
        unlock (then the count is reset) and a password below today's rule. A command that
        fails says only its error; the count waits for the next success."""
        outcome = self.outcome
        if outcome is None:
            return
        if outcome.failed_attempts:
            count = outcome.failed_attempts
            message = self.t("failed_unlock" if count == 1 else "failed_unlocks", count=count)
            print(f"amo-desktop: {message}", file=sys.stderr)
            with contextlib.suppress(KnownError):  # if not, told again next time
                self.vault().reset_failed_unlocks()
        if outcome.change_password and self.asks_new:
            print(f"amo-desktop: {self.t('weak_password')}", file=sys.stderr)
