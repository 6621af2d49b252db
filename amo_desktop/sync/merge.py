"""Field-level merge with version vectors: what one laptop knew, the other did not.

Each field holds a version vector and its value(s), each value named by a dot (the vault that
set it and that vault's counter). Merging keeps every value the other side has not seen; two
or more surviving values are a conflict, shown until someone resolves it. Merging is
commutative, associative and idempotent, so bundles may arrive twice or in any order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VersionVector = dict[str, int]


@dataclass(frozen=True)
class Value:
    value: Any
    by: str | None
    at: str


@dataclass
class FieldState:
    vv: VersionVector = field(default_factory=dict)
    values: dict[str, Value] = field(default_factory=dict)  # dot -> value

    @property
    def conflicted(self) -> bool:
        return len(self.values) > 1

    def current(self) -> tuple[str, Value] | None:
        """The value shown while a conflict is open: the same on every laptop."""
        if not self.values:
            return None
        dot = max(self.values, key=lambda d: (self.values[d].at, d))
        return dot, self.values[dot]


def make_dot(vault: str, seq: int) -> str:
    return f"{vault}:{seq}"


def split_dot(dot: str) -> tuple[str, int]:
    vault, _, seq = dot.rpartition(":")
    return vault, int(seq)


def _seen(dot: str, vv: VersionVector) -> bool:
    vault, seq = split_dot(dot)
    return vv.get(vault, 0) >= seq


def merge(local: FieldState, remote: FieldState) -> FieldState:
    keep = {d: v for d, v in local.values.items() if d in remote.values or not _seen(d, remote.vv)}
    keep.update(
        (d, v) for d, v in remote.values.items() if d in local.values or not _seen(d, local.vv)
    )
    vv = dict(local.vv)
    for vault, seq in remote.vv.items():
        vv[vault] = max(vv.get(vault, 0), seq)
    return FieldState(vv, keep)


def overwrite(state: FieldState, dot: str, value: Value) -> FieldState:
    """A local edit made while seeing `state`: it supersedes every value there."""
    vault, seq = split_dot(dot)
    vv = dict(state.vv)
    vv[vault] = max(vv.get(vault, 0), seq)
    return FieldState(vv, {dot: value})
