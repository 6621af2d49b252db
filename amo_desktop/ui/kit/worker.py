"""One thread owns the vault: service calls run there, results come back to the GUI thread.

A user action is one small operation (STYLE.md example 2): the view calls `submit` with a
function, then gets `on_success(result)` or `on_failure(exception)` on the GUI thread. Jobs run
in order, one at a time, so the engine is never used by two threads at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from amo_desktop.ui.kit import gui_gc

R = TypeVar("R")


@dataclass
class Job:
    func: Callable[[], Any]
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None


class _Runner(QObject):
    """Lives on the worker thread; runs one job per queued call.

    Only the job's id and function cross to this thread, and the function is dropped before
    the result goes back: the GUI thread keeps the last reference to every callback, so a widget
    is never destroyed on this thread.
    """

    done = Signal(int, bool, object)  # job id, ok, result or exception

    @Slot(int, object)
    def run(self, job_id: int, func: Callable[[], Any]) -> None:
        try:
            result = func()
        except Exception as exc:
            del func
            self.done.emit(job_id, False, exc)
        else:
            del func
            self.done.emit(job_id, True, result)


class DbWorker(QObject):
    """The single database thread. `busy_changed` tells the GUI to show a busy cursor."""

    busy_changed = Signal(bool)
    job_finished = Signal(bool)  # ok; mainly for tests and progress displays

    _queue = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = 0
        self._jobs: dict[int, Job] = {}
        self._next_id = 0
        self._thread = QThread()
        self._thread.setObjectName("amo-db-worker")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._queue.connect(self._runner.run)  # queued: the runner lives on the other thread
        self._runner.done.connect(self._finish)  # queued back to this (GUI) thread
        gui_gc.acquire()  # from now on cycles are freed on this thread only
        self._collecting = True
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(
        self,
        func: Callable[[], R],
        on_success: Callable[[R], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run `func` on the worker thread. Pass bound methods as callbacks: if their widget
        is gone by the time the result arrives (e.g. after locking), the callback is skipped."""
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._next_id += 1
        self._jobs[self._next_id] = Job(func, on_success, on_failure)
        self._queue.emit(self._next_id, func)

    @Slot(int, bool, object)
    def _finish(self, job_id: int, ok: bool, result: Any) -> None:
        job = self._jobs.pop(job_id)
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        try:
            if ok:
                if job.on_success is not None and _alive(job.on_success):
                    _deliver(job.on_success, result)
            elif job.on_failure is not None:
                if _alive(job.on_failure):
                    _deliver(job.on_failure, result)
            else:
                # Nobody handles it: a bug. Let the crash hook report it.
                sys.excepthook(type(result), result, result.__traceback__)
        finally:
            self.job_finished.emit(ok)

    def stop(self) -> None:
        """Finish the running job, then end the thread (call before the application quits)."""
        self._thread.quit()
        self._thread.wait()
        if self._collecting:
            self._collecting = False
            gui_gc.release()


def _deliver(callback: Callable[[Any], None], value: Any) -> None:
    """Call back, unless the widget it would update was deleted meanwhile (e.g. locked while a
    page was loading): a lambda callback cannot be checked beforehand like a bound method."""
    try:
        callback(value)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise


def _alive(callback: Callable[..., Any]) -> bool:
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
