"""The role decorators themselves, applied inside the tests so that a broken one fails here."""

from __future__ import annotations

import pytest

from amo_desktop.domain.identity import Identity
from amo_desktop.errors import PermissionDeniedError
from amo_desktop.services.authz import (
    ALL_ROLES,
    AUTHZ_ATTRIBUTE,
    TEAMLEADER_ROLES,
    check_role,
    public,
    requires,
)

LEADER = Identity("u-1", "lea", "teamleader")
COACH = Identity("u-2", "an", "coach")


def _service(session: object, caller: Identity, value: int = 1) -> tuple[str, int]:
    """A stand-in service: returns who called and what it was given."""
    return caller.login, value


def test_requires_refuses_roles_outside_the_set_and_passes_the_call_on() -> None:
    guarded = requires(TEAMLEADER_ROLES)(_service)
    assert guarded(None, LEADER, value=7) == ("lea", 7)
    assert guarded(None, caller=LEADER) == ("lea", 1)
    with pytest.raises(PermissionDeniedError):
        guarded(None, COACH)
    with pytest.raises(PermissionDeniedError):
        guarded(None, caller=COACH)
    with pytest.raises(PermissionDeniedError):
        guarded(None)  # no caller at all
    assert getattr(guarded, AUTHZ_ATTRIBUTE) == TEAMLEADER_ROLES
    assert guarded.__name__ == "_service" and guarded.__doc__ == _service.__doc__


def test_all_roles_let_a_coach_in() -> None:
    assert requires(ALL_ROLES)(_service)(None, COACH) == ("an", 1)
    assert {"coach", "teamleader", "admin"} == ALL_ROLES
    assert {"teamleader", "admin"} == TEAMLEADER_ROLES


def test_check_role() -> None:
    assert check_role(LEADER, TEAMLEADER_ROLES) is LEADER
    with pytest.raises(PermissionDeniedError):
        check_role(COACH, TEAMLEADER_ROLES)
    with pytest.raises(PermissionDeniedError):
        check_role(None, ALL_ROLES)


def test_public_marks_without_wrapping() -> None:
    def recover() -> str:
        return "ok"

    marked = public(recover)
    assert marked is recover and marked() == "ok"
    assert getattr(marked, AUTHZ_ATTRIBUTE) == frozenset({"*"})
