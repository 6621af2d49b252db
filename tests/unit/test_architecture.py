"""Layer rules from ARCHITECTURE.md §1, enforced so a stray import fails the suite."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import amo_desktop
import amo_desktop.services
from amo_desktop.services.authz import AUTHZ_ATTRIBUTE

PACKAGE = Path(amo_desktop.__file__).parent
CORE = ("domain", "storage", "services", "reports", "sync")


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_never_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for folder in CORE
        for path in (PACKAGE / folder).rglob("*.py")
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in imports_of(path))
    ]
    assert offenders == []


def test_ui_never_touches_the_database_directly() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "ui").rglob("*.py")
        if any(
            name.split(".")[0] in ("sqlalchemy", "sqlcipher3", "sqlite3", "alembic")
            or name.startswith("amo_desktop.storage.engine")
            for name in imports_of(path)
        )
    ]
    assert offenders == []


def test_only_storage_opens_connections() -> None:
    allowed = {"storage/engine.py", "selftest.py"}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = str(path.relative_to(PACKAGE)).replace("\\", "/")
        if rel in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("dbapi2", "sqlite3", "sqlcipher3")
            ):
                offenders.append(rel)
    assert offenders == []


def test_every_service_function_declares_who_may_call_it() -> None:
    """SECURITY.md R8: a new service without an authorization check fails here."""
    helpers = {"authz", "audit", "files"}  # files: no vault data; "_" modules are internal too
    missing = []
    for info in pkgutil.iter_modules(amo_desktop.services.__path__):
        if info.name in helpers or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"amo_desktop.services.{info.name}")
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if func.__module__ != module.__name__ or name.startswith("_"):
                continue
            if "__mutmut_" in name:
                continue  # mutmut's copies of a function, present only under tools/mutation.sh
            if name.startswith(("validate_", "password_")):
                continue  # pure input checks, no data access
            if not hasattr(func, AUTHZ_ATTRIBUTE):
                missing.append(f"{info.name}.{name}")
    assert missing == []
