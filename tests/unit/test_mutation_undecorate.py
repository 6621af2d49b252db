"""The mutation copy's rewrite of decorated services keeps what the module exports."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from amo_desktop.services.authz import AUTHZ_ATTRIBUTE

TOOL = Path(__file__).parents[2] / "tools" / "mutation_undecorate.py"
SAMPLE = '''from amo_desktop.services.authz import ALL_ROLES, public, requires


@requires(
    ALL_ROLES
)
def listed(s, caller, n):
    """Doubles n."""
    return 2 * n


@public
def opened(s, caller):
    return "open"


def helper():
    return 1
'''


def _undecorate() -> object:
    spec = importlib.util.spec_from_file_location("mutation_undecorate", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.undecorate


def test_decorators_become_assignments_with_the_same_effect() -> None:
    rewritten = _undecorate()(SAMPLE)  # type: ignore[operator]
    assert "@requires" not in rewritten and "@public" not in rewritten
    assert "listed = requires(\n    ALL_ROLES\n)(listed)" in rewritten
    namespace: dict[str, object] = {}
    exec(compile(rewritten, "sample", "exec"), namespace)
    listed, opened = namespace["listed"], namespace["opened"]
    assert hasattr(listed, AUTHZ_ATTRIBUTE) and hasattr(opened, AUTHZ_ATTRIBUTE)
    assert listed.__doc__ == "Doubles n."  # type: ignore[attr-defined]
    assert getattr(opened, AUTHZ_ATTRIBUTE) == frozenset({"*"})
