"""Rewrites `@requires(...)`/`@public` service functions in the mutation copy as plain functions
wrapped after their definition, because mutmut 3.8 never mutates a decorated function."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

WRAPPERS = {"requires", "public"}


def _name_of(decorator: ast.expr) -> str:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return target.id if isinstance(target, ast.Name) else ""


def undecorate(source: str) -> str:
    """`@requires(X)\\ndef f(...)` becomes `def f(...)` followed by `f = requires(X)(f)`; the
    function object the module exports is the same wrapper, so behaviour does not change."""
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, int, str]] = []  # (first line, body start, end, assignment)
    for node in ast.parse(source).body:
        if not isinstance(node, ast.FunctionDef) or not node.decorator_list:
            continue
        if not all(_name_of(d) in WRAPPERS for d in node.decorator_list):
            continue
        wrapped = node.name
        for decorator in reversed(node.decorator_list):
            wrapped = f"{ast.get_source_segment(source, decorator)}({wrapped})"
        first = node.decorator_list[0].lineno - 1
        edits.append((first, node.lineno - 1, node.end_lineno or node.lineno, wrapped))
    for first, body, end, wrapped in reversed(edits):
        name = lines[body].split("def ", 1)[1].split("(", 1)[0]
        lines[end:end] = [f"\n\n{name} = {wrapped}\n"]
        del lines[first:body]
    return "".join(lines)


def main(paths: list[str]) -> None:
    for path in map(Path, paths):
        path.write_text(undecorate(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
