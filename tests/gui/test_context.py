"""A failure nobody handles on a real vault: a known error is told through the prompts, a bug
goes to the crash hook (sys.excepthook)."""

from __future__ import annotations

import sys

import pytest
from sqlalchemy.orm import Session

from amo_desktop.domain.identity import Identity
from amo_desktop.errors import KnownError
from amo_desktop.services import intake
from amo_desktop.ui.kit.context import AppContext
from tests.gui.conftest import FakePrompts


def _bug(s: Session, caller: Identity) -> None:
    s.connection()  # the unit of work really is open on the vault
    raise ZeroDivisionError("a bug, not a refusal")


def test_a_known_error_without_a_handler_is_shown_through_the_prompts(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: hooked.append(t))
    prompts = ctx.prompts
    assert isinstance(prompts, FakePrompts)
    ctx.call(intake.get_referral, "no-such-referral")
    qtbot.waitUntil(lambda: bool(prompts.calls), timeout=5000)
    kind, title, text = prompts.calls[0]
    assert kind == "error" and title == "Dat lukte niet"
    assert text == "Deze aanmelding bestaat niet."
    assert hooked == []


def test_a_known_error_is_told_in_the_context_language(qtbot, ctx: AppContext) -> None:
    ctx.lang = "en"
    prompts = ctx.prompts
    assert isinstance(prompts, FakePrompts)
    ctx.call(intake.get_referral, "no-such-referral")
    qtbot.waitUntil(lambda: bool(prompts.calls), timeout=5000)
    assert prompts.calls[0][2] == "This referral does not exist."


def test_any_other_exception_reaches_the_crash_hook(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: hooked.append(e))
    ctx.call(_bug)
    qtbot.waitUntil(lambda: bool(hooked), timeout=5000)
    assert isinstance(hooked[0], ZeroDivisionError)
    assert not isinstance(hooked[0], KnownError)
    assert ctx.prompts.calls == []  # type: ignore[attr-defined]


def test_a_handler_gets_the_failure_instead(qtbot, ctx: AppContext) -> None:
    failures: list[BaseException] = []
    ctx.call(intake.get_referral, "no-such-referral", on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], KnownError)
    assert ctx.prompts.calls == []  # type: ignore[attr-defined]
