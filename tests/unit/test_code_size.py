"""Modules and functions stay small enough to read in one sitting (issue 14's limits)."""

from __future__ import annotations

import ast
from pathlib import Path

import amo_desktop

PACKAGE = Path(amo_desktop.__file__).parent
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def sources() -> list[Path]:
    """Every module of the program; migrations are data-like history and stay as written, and
    a module mutmut rewrote (tools/mutation.sh) carries its trampolines, not our code."""
    return sorted(
        p
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts and "__mutmut_" not in p.read_text(encoding="utf-8")
    )


def long_functions(path: Path) -> list[str]:
    """Functions longer than the limit, counted from the first decorator to the last line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([d.lineno for d in node.decorator_list] + [node.lineno])
            length = (node.end_lineno or node.lineno) - first + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{_name(path)}:{node.lineno} {node.name} {length}")
    return found


def test_no_module_over_600_lines() -> None:
    too_long = []
    for path in sources():
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(PACKAGE)} {count}")
    assert too_long == []


def test_no_function_over_80_lines() -> None:
    assert [f for path in sources() for f in long_functions(path)] == []


def test_a_long_function_is_found(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    sample = tmp_path / "sample.py"
    sample.write_text(f"@staticmethod\ndef long():\n{body}\n", encoding="utf-8")
    assert long_functions(sample) == [f"sample.py:2 long {MAX_FUNCTION_LINES + 2}"]


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE)) if path.is_relative_to(PACKAGE) else path.name
