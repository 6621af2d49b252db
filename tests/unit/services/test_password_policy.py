"""The rule for new passwords (issue 12): 12 characters, zxcvbn score 3, the user's own words."""

from __future__ import annotations

import ast
import inspect

import pytest
import zxcvbn.feedback

from amo_desktop.errors import ValidationError
from amo_desktop.services import password_policy
from amo_desktop.services.password_policy import (
    MIN_LENGTH,
    password_verdict,
    password_words,
    validate_new_password,
)
from tests.conftest import LEADER_PASSWORD

LEA = password_words("lea", "Lea Peeters", "Groep INTRO")


def test_the_two_examples_of_the_issue_are_refused_with_one_line() -> None:
    short = password_verdict("12345678", LEA)
    assert (short.code, short.ok) == ("too_short", False)
    assert short.message("nl") == f"Kies een wachtwoord van minstens {MIN_LENGTH} tekens."
    common = password_verdict("password1234", LEA)
    assert common.code == "too_weak" and common.score < 3
    for lang in ("nl", "en"):
        assert "\n" not in common.message(lang)
    assert common.message("nl").startswith("Dit wachtwoord is te makkelijk te raden.")
    assert "veelgebruikt wachtwoord" in common.message("nl")
    with pytest.raises(ValidationError) as refused:
        validate_new_password("password1234", LEA, field="new_password")
    assert refused.value.field == "new_password"
    assert refused.value.message("en").startswith("This password is too easy to guess.")


def test_twelve_characters_are_not_enough_on_their_own() -> None:
    assert password_verdict("aaaaaaaaaaaa").code == "too_weak"
    assert password_verdict("qwertyuiopas").code == "too_weak"
    assert password_verdict("k9#Qm2!x").code == "too_short"  # random, but only 8 characters


def test_the_users_own_words_count_against_the_password() -> None:
    password = "PeetersLea12"
    assert password_verdict(password).ok  # a stranger's words
    own = password_verdict(password, LEA)
    assert own.code == "too_weak" and own.own_words
    assert "gebruikersnaam, naam of organisatie" in own.message("nl")


def test_password_words_split_names_and_drop_tiny_words() -> None:
    assert password_words("lea", "Lea Peeters-De Smet", None, "Groep INTRO (demo)", " ") == [
        "lea",
        "lea peeters-de smet",
        "peeters",
        "smet",
        "groep intro (demo)",
        "groep",
        "intro",
        "demo",
    ]


def test_the_suites_passwords_and_long_ones_pass() -> None:
    for password in (LEADER_PASSWORD, "coach-wachtwoord", "demo-wachtwoord"):
        assert password_verdict(password, LEA).ok, password
    long = "é🙂'\"\\%@:/?#-" * 20  # past zxcvbn's 72: the first 72 characters are judged
    assert password_verdict(long).ok
    meter = [password_verdict(p).label() for p in ("abc", "password1234", LEADER_PASSWORD)]
    assert meter == ["zwak", "zwak", "sterk"]


def _zxcvbn_feedback_lines() -> set[str]:
    """Every English line zxcvbn's feedback module can give (the `_("...")` calls)."""
    tree = ast.parse(inspect.getsource(zxcvbn.feedback))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "_"
        and isinstance(node.args[0], ast.Constant)
    }


def test_every_zxcvbn_feedback_line_has_a_dutch_translation() -> None:
    lines = _zxcvbn_feedback_lines()
    assert len(lines) > 20
    missing = sorted(lines - set(password_policy._DUTCH))
    assert missing == []
