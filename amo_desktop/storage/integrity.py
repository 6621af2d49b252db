"""The unlock's quick_check (R17) on a connection of its own, so the window can show while it
reads a big file; writes wait for its verdict, and after a failed check nothing is written."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from typing import Any

from amo_desktop.errors import CorruptVaultError, KnownError, VaultClosedError
from amo_desktop.storage.engine import quick_check

log = logging.getLogger(__name__)

Verdict = Callable[[KnownError | None], None]

# The check's own connection writes nothing and reads each page once: a small cache will do.
CHECK_PRAGMAS = ("PRAGMA query_only=ON", "PRAGMA cache_size=64")

_READS = frozenset({"SELECT", "VALUES", "EXPLAIN", "BEGIN", "COMMIT", "END", "ROLLBACK"})
_SAVEPOINTS = frozenset({"SAVEPOINT", "RELEASE"})
_WRITING_PRAGMAS = frozenset({"optimize", "wal_checkpoint", "incremental_vacuum"})
_DML = re.compile(r"\b(insert|update|delete|replace)\b", re.IGNORECASE)
_PRAGMA_NAME = re.compile(r"pragma\s+(?:\w+\.)?(\w+)", re.IGNORECASE)


def writes(statement: str) -> bool:
    """Whether a statement may change the file; when in doubt, yes (it then only waits)."""
    text = statement.lstrip()
    first = text[:10].split(None, 1)[0].upper() if text else ""
    if first in _READS or first in _SAVEPOINTS:
        return False
    if first == "WITH":
        return _DML.search(text) is not None
    if first == "PRAGMA":
        name = _PRAGMA_NAME.match(text)
        return "=" in text or name is None or name.group(1).lower() in _WRITING_PRAGMAS
    return True


class IntegrityCheck:
    """One run of `quick_check` on its own thread; `wait_writable` blocks until it has passed."""

    def __init__(self, conn: Any) -> None:
        self._conn: Any = conn
        self._guard = threading.Lock()
        self._done = threading.Event()
        self._error: KnownError | None = None
        self._listeners: list[Verdict] = []
        self._cancelled = False
        self._thread = threading.Thread(target=self._check, name="amo-quick-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    @property
    def state(self) -> str:
        """'checking', 'ok' or 'failed'."""
        if not self._done.is_set():
            return "checking"
        return "failed" if self._error is not None else "ok"

    def _check(self) -> None:
        error: KnownError | None = None
        try:
            quick_check(self._conn)
        except KnownError as exc:
            error = exc
        except Exception:  # interrupted by cancel(), or an error SQLite gave no name
            error = CorruptVaultError()
        finally:
            with self._guard:
                self._conn.close()
                self._conn = None
                if self._cancelled:
                    error = VaultClosedError()
                self._error = error
                self._done.set()
                listeners, self._listeners = self._listeners, []
        if self._cancelled:
            return
        if error is not None:
            log.error("quick_check after unlock failed: the vault is read-only now")
        for listener in listeners:
            _tell(listener, error)

    def when_done(self, listener: Verdict) -> None:
        """`listener(None)` after a pass, `listener(error)` after a failure; called at once when
        the verdict is in, else on the check's thread. Never called after `cancel`."""
        with self._guard:
            if not self._done.is_set():
                self._listeners.append(listener)
                return
            error, cancelled = self._error, self._cancelled
        if not cancelled:
            _tell(listener, error)

    def wait_writable(self) -> None:
        """Returns once the check passed; raises its error when it failed (R17: read-only)."""
        self._done.wait()
        if self._error is not None:
            raise self._error

    def guard(self, statement: str) -> None:
        if not (self._done.is_set() and self._error is None) and writes(statement):
            self.wait_writable()

    def cancel(self) -> None:
        """Stop a running check (locking); its listeners are not called."""
        with self._guard:
            self._cancelled = True
        started = self._thread.is_alive()
        while self._thread.is_alive():
            # An interrupt between statements is lost (SQLite's rule), so it is repeated.
            with self._guard:
                if self._conn is not None:
                    self._conn.interrupt()
            self._thread.join(0.05)
        if not started and not self._done.is_set():  # never started
            with self._guard:
                if self._conn is not None:
                    self._conn.close()
                    self._conn = None
                self._error = VaultClosedError()
                self._done.set()


def _tell(listener: Verdict, error: KnownError | None) -> None:
    try:
        listener(error)
    except Exception:  # a listener must not end the check's thread with a traceback
        log.exception("integrity listener failed")
