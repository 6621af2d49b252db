"""A crash writes a report with type and places, never the message or local values."""

from __future__ import annotations

import sys
from pathlib import Path

from amo_desktop.crash_report import write_crash_report
from amo_desktop.ui.shell.crash import install_crash_hook

SECRET = "Leerling Zoë Janssens, notitie over thuissituatie"


def _fail(name: str) -> None:
    local_secret = name  # noqa: F841 - a local value that must not reach the report
    raise ValueError(f"kan {name} niet bewaren")


def _caught() -> ValueError:
    try:
        _fail(SECRET)
    except ValueError as exc:
        return exc
    raise AssertionError("not raised")


def test_report_has_type_and_lines_but_no_message(tmp_path: Path) -> None:
    exc = _caught()
    path = write_crash_report(tmp_path / "logs", ValueError, exc)
    assert path is not None and path.name.startswith("crash-")
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text
    assert "test_crash.py" in text and "in _fail" in text
    assert "Zoë" not in text and "Janssens" not in text and "niet bewaren" not in text
    assert str(Path.home()) not in text  # no user folder names either


def test_hook_writes_report_and_shows_dialog(tmp_path: Path) -> None:
    shown: list[Path | None] = []
    previous = install_crash_hook(tmp_path / "logs", shown.append)
    try:
        exc = _caught()
        sys.excepthook(ValueError, exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    reports = list((tmp_path / "logs").glob("crash-*.txt"))
    assert len(reports) == 1 and shown == reports
    assert SECRET not in reports[0].read_text(encoding="utf-8")


def test_chained_exception_types_are_listed(tmp_path: Path) -> None:
    try:
        try:
            _fail(SECRET)
        except ValueError as inner:
            raise RuntimeError(SECRET) from inner
    except RuntimeError as outer:
        path = write_crash_report(tmp_path, RuntimeError, outer)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in text and "builtins.ValueError" in text
    assert SECRET not in text
