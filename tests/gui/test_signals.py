"""Guards against PySide6 6.12.0's emit() bug: each emit from Python dropped a reference to True,
and on Python 3.11 the process aborted ("bool_dealloc") after a few thousand signals."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal


class Source(QObject):
    changed = Signal(bool)
    ping = Signal()


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="True is immortal from Python 3.12 on: its refcount never moves, so the test would "
    "pass whatever emit() does (and the abort it guards against cannot happen there)",
)
def test_many_emits_keep_the_refcount_of_true(qapp) -> None:
    source = Source()
    received: list[bool] = []
    source.changed.connect(received.append)
    source.ping.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        source.changed.emit(False)
        source.ping.emit()
    assert len(received) == 500
    assert abs(sys.getrefcount(True) - before) < 10  # the broken version loses 1000
