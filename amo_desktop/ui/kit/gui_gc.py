"""Python's cycle collector runs on the GUI thread only, while a worker thread runs Python.

A collection starts in whichever thread happens to allocate. Run on the database thread, it can
free a cycle that holds a Qt object made on the GUI thread; Qt then deletes that object from the
wrong thread and the program crashes (a segfault in the middle of a report job). So automatic
collection is off while a worker lives, and a timer on the GUI thread does the same work with
the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class _Collector(QObject):
    def __init__(self) -> None:
        super().__init__()
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        """What the automatic collector would have done by now: the young generation when it
        is full, an older one when enough younger collections have passed."""
        counts, limits = gc.get_count(), self._thresholds
        if counts[0] <= limits[0]:
            return
        generation = 0
        if counts[1] > limits[1]:
            generation = 2 if counts[2] > limits[2] else 1
        gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()


_users = 0
_collector: _Collector | None = None
_was_enabled = True


def acquire() -> None:
    """A worker thread starts (call on the GUI thread)."""
    global _users, _collector, _was_enabled
    _users += 1
    if _users == 1:
        _was_enabled = gc.isenabled()
        gc.disable()
        _collector = _Collector()


def release() -> None:
    """A worker thread ended: with none left, collection is automatic again."""
    global _users, _collector
    if _users == 0:
        return
    _users -= 1
    if _users == 0 and _collector is not None:
        _collector.stop()
        _collector = None
        if _was_enabled:
            gc.enable()
