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


def engine_use(path: Path) -> list[int]:
    """Lines that touch a SQLAlchemy engine (`x.engine`, `x._engine`, `engine.begin()`,
    `engine.connect()`): opening connections is storage's, through the vault's unit of work."""
    names = ("engine", "_engine")
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and (
            node.attr in names
            or (
                node.attr in ("begin", "connect")
                and isinstance(node.value, ast.Name)
                and node.value.id in names
            )
        )
    ]


def test_only_storage_touches_the_engine() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "storage"
        for line in engine_use(path)
    ]
    assert offenders == []


def package_imports(path: Path) -> set[str]:
    """Every amo_desktop module a file imports, `from amo_desktop.x import y` as x and x.y."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] == "amo_desktop"}


STORAGE_MAY_IMPORT = ("amo_desktop.domain", "amo_desktop.errors", "amo_desktop.storage")


def storage_import_offences(path: Path) -> list[str]:
    """What a storage module imports from the layers above it (sync, services, reports, ui…).

    `amo_desktop.__version__` is the package's own; everything else must be below storage."""
    return sorted(
        name
        for name in package_imports(path)
        if name not in ("amo_desktop", "amo_desktop.__version__")
        and not any(name == ok or name.startswith(f"{ok}.") for ok in STORAGE_MAY_IMPORT)
    )


def test_storage_never_imports_the_layers_above_it() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for path in (PACKAGE / "storage").rglob("*.py")
        if (found := storage_import_offences(path))
    }
    assert offenders == {}


def private_service_names(path: Path) -> list[str]:
    """Underscored names a file takes from a services module: `from …services.x import _y`, or
    `x._y` on a services module it imported. Services share through private modules
    (`services/_lookups.py` and the like), whose shared names carry no underscore."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = path.stem if path.parent.name == "services" else None
    found: list[str] = []
    modules: set[str] = set()  # local names bound to a services module
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "amo_desktop.services":
            modules.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "amo_desktop.services."
        ):
            source = (node.module or "").rsplit(".", 1)[1]
            found += [
                f"{source}.{alias.name}"
                for alias in node.names
                if _private(alias.name) and source != own
            ]
        elif isinstance(node, ast.Import):
            modules.update(
                alias.asname
                for alias in node.names
                if alias.asname and alias.name.startswith("amo_desktop.services.")
            )
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and _private(node.attr)
        ):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_takes_a_private_name_from_a_service() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for path in PACKAGE.rglob("*.py")
        if (found := private_service_names(path))
    }
    assert offenders == {}


def test_the_layer_rules_catch_what_they_are_for(tmp_path: Path) -> None:
    """Each rule above flags a planted offence, so a rule that stops seeing one fails here."""
    services = tmp_path / "services"
    services.mkdir()
    sample = services / "planted.py"
    sample.write_text(
        "from amo_desktop.sync import capture\n"
        "from amo_desktop import services\n"
        "from amo_desktop.services import intake\n"
        "from amo_desktop.services.trajectories import _load as load_trajectory\n"
        "import amo_desktop.services.scheduling as scheduling\n"
        "def f(vault, engine):\n"
        "    with vault.engine.begin() as conn:\n"
        "        pass\n"
        "    engine.connect()\n"
        "    intake._subject_labels(None, set(), True)\n"
        "    scheduling._load(None, None, '')\n",
        encoding="utf-8",
    )
    assert sorted(engine_use(sample)) == [7, 9]
    assert storage_import_offences(sample) == [
        "amo_desktop.services",
        "amo_desktop.services.intake",
        "amo_desktop.services.scheduling",
        "amo_desktop.services.trajectories",
        "amo_desktop.services.trajectories._load",
        "amo_desktop.sync",
        "amo_desktop.sync.capture",
    ]
    assert sorted(private_service_names(sample)) == [
        "intake._subject_labels",
        "scheduling._load",
        "trajectories._load",
    ]
    own = services / "trajectories.py"  # a module's own private names are its business
    own.write_text("from amo_desktop.services.trajectories import _load\n", encoding="utf-8")
    assert private_service_names(own) == []


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
