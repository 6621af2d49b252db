"""The rooms of amo_desktop/ui (docs/architecture.md §2), enforced so a stray import fails."""

from __future__ import annotations

import ast
from pathlib import Path

import amo_desktop

UI = Path(amo_desktop.__file__).parent / "ui"


def runtime_imports(path: Path) -> set[str]:
    """Modules a file imports when it runs; an `if TYPE_CHECKING:` import only names a type."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(child) for child in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def room_of(path: Path, ui: Path = UI) -> tuple[str, ...]:
    """('kit',), ('shell',), ('flows',) or ('screens', name) for a file under ui/."""
    parts = path.relative_to(ui).parts
    return tuple(parts[:2]) if parts[0] == "screens" else (parts[0],)


def room_of_module(name: str) -> tuple[str, ...] | None:
    parts = name.split(".")
    if parts[:2] != ["amo_desktop", "ui"] or len(parts) < 3:
        return None
    return tuple(parts[2:4]) if parts[2] == "screens" and len(parts) > 3 else (parts[2],)


def ui_files(ui: Path = UI) -> list[Path]:
    return sorted(p for p in ui.rglob("*.py") if p.parent != ui)


def offenders(allowed: dict[str, set[str]], ui: Path = UI) -> list[str]:
    """file -> imported ui room it may not use, given which rooms each room may import."""
    found = []
    for path in ui_files(ui):
        own = room_of(path, ui)
        for name in runtime_imports(path):
            other = room_of_module(name)
            if other is None or other == own:
                continue
            if other[0] not in allowed[own[0]]:
                found.append(f"{path.relative_to(ui)} imports {name}")
    return sorted(set(found))


def test_every_ui_module_lives_in_a_room() -> None:
    assert [p.name for p in UI.glob("*.py") if p.name != "__init__.py"] == []


def test_rooms_import_in_one_direction() -> None:
    """kit knows no room; flows know the kit; screens know kit and flows, never each other;
    the shell puts screens together."""
    allowed = {
        "kit": set(),
        "flows": {"kit"},
        "screens": {"kit", "flows"},
        "shell": {"kit", "flows", "screens"},
    }
    assert offenders(allowed) == []


def test_ui_never_imports_storage_or_a_front_end() -> None:
    """ARCHITECTURE §1: the UI calls services; only app.py hands it the vault (as a type)."""
    bad = []
    for path in ui_files():
        for name in runtime_imports(path):
            if name.startswith(("amo_desktop.storage", "amo_desktop.cli", "amo_desktop.demo")):
                bad.append(f"{path.relative_to(UI)} imports {name}")
    assert sorted(set(bad)) == []


def test_the_room_rules_can_fail(tmp_path: Path) -> None:
    """The checks above are not vacuous: a screen importing another screen is caught (in a copy
    of the rooms, never in the source tree that other test workers read)."""
    ui = tmp_path / "ui"
    planted = ui / "screens" / "overzicht" / "planted.py"
    planted.parent.mkdir(parents=True)
    planted.write_text(
        "from amo_desktop.ui.screens.aanmeldingen import page\n"
        "from amo_desktop.storage import vault\n",
        encoding="utf-8",
    )
    allowed = {"kit": set(), "flows": {"kit"}, "screens": {"kit"}, "shell": {"screens"}}
    assert offenders(allowed, ui) == [
        "screens/overzicht/planted.py imports amo_desktop.ui.screens.aanmeldingen",
        "screens/overzicht/planted.py imports amo_desktop.ui.screens.aanmeldingen.page",
    ]
    assert "amo_desktop.storage" in runtime_imports(planted)
