"""`report --help` tells that JSON keeps the exact figures and PDF/Excel are suppressed."""

from __future__ import annotations

import argparse

from amo_desktop.cli.parser import build_parser


def test_report_help_says_json_is_exact_and_for_the_team_leader() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    text = " ".join(sub.choices["report"].format_help().split())
    assert "JSON holds the exact figures, unsuppressed, for the team leader's own use" in text
    assert "'<5'" in text and "'x'" in text
