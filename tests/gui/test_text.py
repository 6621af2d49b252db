"""The placeholder helper every screen uses."""

from __future__ import annotations

from amo_desktop.ui.kit.text import fill


def test_fills_each_placeholder_once() -> None:
    assert fill("%1 van %2 aanmeldingen", 3, 40) == "3 van 40 aanmeldingen"
    # a value holding a placeholder is not filled again (chained .replace() did that)
    assert fill("%1 en %2", "%2", "b") == "%2 en b"


def test_unknown_placeholder_stays() -> None:
    assert fill("%1 %3", "a") == "a %3"
