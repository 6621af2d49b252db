"""The DB worker runs jobs off the GUI thread and reports back on it."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QObject

from amo_desktop.ui.kit.worker import DbWorker


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.threads: list[str] = []

    def got(self, value: object) -> None:
        self.results.append(value)
        self.threads.append(threading.current_thread().name)


def test_success_comes_back_on_the_gui_thread(qtbot, worker: DbWorker) -> None:
    receiver = Receiver()
    ran_on: list[str] = []

    def job() -> int:
        ran_on.append(threading.current_thread().name)
        return 42

    with qtbot.waitSignal(worker.job_finished, timeout=5000):
        worker.submit(job, receiver.got)
    assert receiver.results == [42]
    assert ran_on[0] != threading.main_thread().name
    assert receiver.threads == [threading.main_thread().name]


def test_failure_goes_to_the_failure_callback(qtbot, worker: DbWorker) -> None:
    receiver = Receiver()

    def job() -> None:
        raise ValueError("boom")

    with qtbot.waitSignal(worker.job_finished, timeout=5000) as blocker:
        worker.submit(job, receiver.got, receiver.got)
    assert blocker.args == [False]
    assert isinstance(receiver.results[0], ValueError)


def test_jobs_run_in_order_and_busy_is_reported(qtbot, worker: DbWorker) -> None:
    order: list[int] = []
    busy: list[bool] = []
    worker.busy_changed.connect(busy.append)
    for n in range(5):
        worker.submit(lambda n=n: order.append(n))
    assert worker.busy
    qtbot.waitUntil(lambda: not worker.busy, timeout=5000)
    assert order == [0, 1, 2, 3, 4]
    assert busy == [True, False]


def test_callback_of_a_deleted_widget_is_skipped(qtbot, worker: DbWorker) -> None:
    receiver = Receiver()
    gate = threading.Event()
    worker.submit(lambda: gate.wait(5) and 1, receiver.got)
    import shiboken6

    shiboken6.delete(receiver)
    gate.set()
    qtbot.waitUntil(lambda: not worker.busy, timeout=5000)  # no RuntimeError raised


def test_unhandled_failure_reaches_the_crash_hook(
    qtbot, worker: DbWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(t))

    def job() -> None:
        raise KeyError("x")

    with qtbot.waitSignal(worker.job_finished, timeout=5000):
        worker.submit(job)
    assert seen == [KeyError]


def test_a_callback_holding_the_last_reference_is_released_on_the_gui_thread(qtbot) -> None:
    import gc
    import threading

    from PySide6.QtCore import QObject

    from amo_desktop.ui.kit.worker import DbWorker

    released_on: list[str] = []

    class Owner(QObject):
        def on_result(self, _value: object) -> None:
            pass

        def __del__(self) -> None:
            released_on.append(threading.current_thread().name)

    worker = DbWorker()
    try:
        owner = Owner()
        with qtbot.waitSignal(worker.job_finished, timeout=5000):
            worker.submit(lambda: 42, owner.on_result)
            del owner
        gc.collect()
        assert released_on == [threading.main_thread().name]
    finally:
        worker.stop()


def test_a_lambda_callback_for_a_deleted_widget_is_dropped_quietly(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from amo_desktop.ui.kit.worker import DbWorker

    worker = DbWorker()
    try:
        label = QLabel()
        label.deleteLater()
        qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label))
        with qtbot.waitSignal(worker.job_finished, timeout=5000):
            worker.submit(lambda: "tekst", lambda text: label.setText(text))
    finally:
        worker.stop()


def test_a_cycle_holding_a_widget_is_freed_on_the_gui_thread(qtbot, worker: DbWorker) -> None:
    """A job that allocates a lot would start Python's cycle collector on the worker thread,
    which would delete a widget held in an unreachable cycle there (a crash in Qt)."""
    import gc

    from PySide6.QtWidgets import QLabel

    freed_on: list[str] = []

    class Holder:
        def __init__(self) -> None:
            self.me = self  # only the cycle collector frees it
            self.label = QLabel("weg")

        def __del__(self) -> None:
            freed_on.append(threading.current_thread().name)

    assert not gc.isenabled()  # while a worker lives
    kept: list[object] = []
    Holder()
    with qtbot.waitSignal(worker.job_finished, timeout=5000):
        worker.submit(lambda: [[] for _ in range(200_000)], kept.append)
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [threading.main_thread().name]


def test_collection_is_automatic_again_once_the_last_worker_stopped(qtbot) -> None:
    import gc

    first, second = DbWorker(), DbWorker()
    assert not gc.isenabled()
    first.stop()
    first.stop()  # twice: still one worker left
    assert not gc.isenabled()
    second.stop()
    assert gc.isenabled()
