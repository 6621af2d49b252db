"""Authorization by role, declared on every service function so a test can find any without it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from amo_desktop.domain.identity import Identity
from amo_desktop.errors import PermissionDeniedError

P = ParamSpec("P")
R = TypeVar("R")

TEAMLEADER_ROLES = frozenset({"teamleader", "admin"})
ALL_ROLES = frozenset({"coach", "teamleader", "admin"})
AUTHZ_ATTRIBUTE = "__amo_roles__"


def check_role(caller: Identity | None, roles: frozenset[str]) -> Identity:
    if caller is None or caller.role not in roles:
        raise PermissionDeniedError()
    return caller


def requires(roles: frozenset[str]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """The service's second argument is the caller; refuse roles outside `roles`."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            caller: Any = kwargs.get("caller", args[1] if len(args) > 1 else None)
            check_role(caller, roles)
            return func(*args, **kwargs)

        setattr(wrapper, AUTHZ_ATTRIBUTE, roles)
        return wrapper

    return decorate


def public(func: Callable[P, R]) -> Callable[P, R]:
    """Marks a service that deliberately needs no unlocked caller (e.g. recovery)."""
    setattr(func, AUTHZ_ATTRIBUTE, frozenset({"*"}))
    return func
