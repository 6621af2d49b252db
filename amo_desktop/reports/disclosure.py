"""Disclosure control for every report that leaves the team: the one small-cell rule.

Primary suppression hides a count of 1 to 4 young people as "<5" (SECURITY.md R23; 0 stays 0:
it points to nobody). Secondary suppression then hides more cells as "x", as τ-ARGUS and
sdcTable do, until no hidden value can be worked out from what is printed: a table's cells add
up to its total, the same total is printed in several places, a period lies within its school
year (an "at most" relation). The audit is exact for integers: a hidden cell is safe when the
printed figures allow at least two values for it.

Pure functions; reports describe their figures as a `Disclosure` and render `protect`'s result
in the PDF, the Excel workbook and (through the PDF) the app's preview alike.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from amo_desktop.reports.numbers import number

SMALL_CELL = 5
PRIMARY = "<5"
SECONDARY = "x"
WITHHELD = ""  # not printed at all: the row is left out, only its table's total stays
LEGEND = (
    "\u201c<5\u201d: 1 tot 4; \u201cx\u201d: verborgen, zodat een klein aantal niet uit "
    "de andere cijfers of het totaal af te leiden is."
)
WITHHELD_NOTE = "Te weinig om uit te splitsen: enkel het totaal staat er."
# A waiting time (median, longest) over fewer than SMALL_CELL referrals would tell one young
# person's wait: not printed in a report that leaves the team (the JSON keeps it).
FEW = "\u2013"
FEW_NOTE = "\u201c\u2013\u201d bij een wachttijd: te weinig om te tonen (minder dan 5)."
_BIG = 10**9  # no count in a vault comes near; stands for "no upper bound"
_BUDGET = 20_000  # search nodes per question; beyond it the cell counts as exposed

Key = Hashable


def small(n: int | None, suppress: bool = True) -> str:
    """A count of pupils as shown on its own: 1 to 4 becomes '<5'; zero stays 0."""
    if n is None:
        return "–"
    if suppress and 0 < n < SMALL_CELL:
        return PRIMARY
    return number(n)


def over_few(value: float | None, among: int) -> float | str | None:
    """A waiting time as printed: itself over 5 referrals or more, else FEW."""
    return value if value is None or among >= SMALL_CELL else FEW


def formatted(text: str) -> str:
    """A text of `protect` as printed: a number in the nl-BE format (1.234), a mark as it is."""
    return number(int(text)) if text.isdigit() else text


def hidden(text: str) -> bool:
    """A printed count that is not its number: '<5', 'x', or left out."""
    return text in (PRIMARY, SECONDARY, WITHHELD)


def is_primary(n: int) -> bool:
    return 0 < n < SMALL_CELL


@dataclass
class Disclosure:
    """The counts a report prints, keyed, and the relations a reader knows between them."""

    values: dict[Key, int] = field(default_factory=dict)
    sums: list[tuple[Key, tuple[Key, ...]]] = field(default_factory=list)
    at_most: list[tuple[Key, Key]] = field(default_factory=list)

    def cell(self, key: Key, value: int) -> Key:
        """Register a printed count; the same key printed twice must be the same number."""
        known = self.values.setdefault(key, int(value))
        if known != int(value):
            raise ValueError(f"{key!r} printed as {known} and {value}")
        return key

    def add_sum(self, total: Key, parts: Iterable[Key]) -> None:
        """`total` is printed as the sum of `parts` (all registered)."""
        parts = tuple(parts)
        if sum(self.values[p] for p in parts) != self.values[total]:
            raise ValueError(f"{total!r} is not the sum of its parts")
        self.sums.append((total, parts))

    def add_at_most(self, lower: Key, upper: Key) -> None:
        """A reader knows `lower` ≤ `upper` (e.g. a period's count ≤ its school year's)."""
        self.at_most.append((lower, upper))

    def add_table(
        self, name: Hashable, rows: Mapping[Any, int], total: Key | None = None
    ) -> dict[Hashable, Key]:
        """A one-way table `name` with its cells and, if given, the key of its total."""
        keys = {r: self.cell((name, r), v) for r, v in rows.items()}
        if total is not None:
            self.cell(total, sum(rows.values()))
            self.add_sum(total, keys.values())
        return keys

    def add_two_way(
        self, name: Hashable, grid: Mapping[tuple[Hashable, Hashable], int]
    ) -> dict[Hashable, Key]:
        """A two-way table with row totals, column totals and the grand total."""
        rows = sorted({r for r, _ in grid}, key=repr)
        cols = sorted({c for _, c in grid}, key=repr)
        keys: dict[Hashable, Key] = {}
        for r in rows:
            for c in cols:
                keys[(r, c)] = self.cell((name, r, c), grid.get((r, c), 0))
        grand = self.cell((name, "total"), sum(grid.values()))
        for r in rows:
            keys[(r, "total")] = self.cell(
                (name, r, "total"), sum(grid.get((r, c), 0) for c in cols)
            )
            self.add_sum(keys[(r, "total")], [keys[(r, c)] for c in cols])
        for c in cols:
            keys[("total", c)] = self.cell(
                (name, "total", c), sum(grid.get((r, c), 0) for r in rows)
            )
            self.add_sum(keys[("total", c)], [keys[(r, c)] for r in rows])
        self.add_sum(grand, [keys[("total", c)] for c in cols])
        self.add_sum(grand, [keys[(r, "total")] for r in rows])
        keys["total"] = grand
        return keys


def protect(problem: Disclosure) -> dict[Key, str]:
    """Every key's printed text: primary, then secondary suppression until nothing is exposed."""
    hidden: dict[Key, str] = {k: PRIMARY for k, v in problem.values.items() if is_primary(v)}
    while exposed_keys := exposed(problem, hidden):
        extra = _next_to_hide(problem, hidden, exposed_keys)
        if extra is not None:
            hidden[extra] = SECONDARY
            continue
        # Nothing of 5 or more is left to hide (e.g. four rows of '<5' under a total '<5':
        # each must be 1): leave the breakdown out and print only its total.
        done = {k for k, mark in hidden.items() if mark == WITHHELD}
        withheld: set[Key] = set()
        for key in exposed_keys:  # the first exposed cell whose breakdown is still printed
            withheld = _breakdown(problem, key) - done
            if withheld:
                break
        if not withheld:  # every breakdown is out already: leave the exposed cells out too
            withheld = {k for k in exposed_keys if problem.values[k] != 0} - done
        if not withheld:
            break
        hidden.update(dict.fromkeys(withheld, WITHHELD))
    return {k: hidden.get(k, str(v)) for k, v in problem.values.items()}


def _breakdown(problem: Disclosure, key: Key) -> set[Key]:
    """The non-zero parts of every sum `key` belongs to, as part or as total."""
    return {
        part
        for total, parts in problem.sums
        if key == total or key in parts
        for part in parts
        if problem.values[part] != 0
    }


def _neighbours(problem: Disclosure, key: Key) -> list[Key]:
    """Cells that share a relation with `key`, parts before totals, each once."""
    parts: list[Key] = []
    totals: list[Key] = []
    for total, members in problem.sums:
        if key == total or key in members:
            parts += [m for m in members if m != key]
            if total != key:
                totals.append(total)
    for lower, upper in problem.at_most:
        if key == lower:
            totals.append(upper)
        elif key == upper:
            parts.append(lower)
    seen: dict[Key, None] = {}
    for k in parts + totals:
        seen.setdefault(k, None)
    return list(seen)


def _next_to_hide(problem: Disclosure, hidden: Mapping[Key, str], exposed: list[Key]) -> Key | None:
    """The smallest printed cell (5 or more) next to an exposed one, a part before a total;
    failing that, the smallest one linked to them through any chain of relations."""
    totals = {t for t, _ in problem.sums} | {u for _, u in problem.at_most}
    near = [n for key in exposed for n in _neighbours(problem, key)]
    first_ring = len(near)
    seen, todo = set(near) | set(exposed), list(near)
    while todo:  # widen to everything linked to them, nearest first
        for k in _neighbours(problem, todo.pop(0)):
            if k not in seen:
                seen.add(k)
                near.append(k)
                todo.append(k)
    for ring in (near[:first_ring], near):
        candidates = [k for k in ring if k not in hidden and problem.values[k] >= SMALL_CELL]
        if candidates:
            return min(candidates, key=lambda k: (k in totals, problem.values[k], repr(k)))
    return None


# --- the audit: which hidden cells a reader can work out exactly ---------------------------

Bounds = dict[Key, tuple[int, int]]
Constraint = tuple[dict[Key, int], int, int]  # lo ≤ Σ coef·var ≤ hi


def reader_bounds(shown: str) -> tuple[int, int]:
    """What a reader knows of a hidden cell from its mark alone."""
    if shown == WITHHELD:
        return (0, _BIG)
    return (1, SMALL_CELL - 1) if shown == PRIMARY else (SMALL_CELL, _BIG)


def exposed(problem: Disclosure, hidden: Mapping[Key, str]) -> list[Key]:
    """The hidden cells whose value follows exactly from the printed ones."""
    bounds: Bounds = {k: reader_bounds(mark) for k, mark in hidden.items()}
    constraints = constraints_of(problem, hidden)
    result = []
    for key in sorted(hidden, key=repr):
        value = problem.values[key]
        component = _component(key, constraints)
        local = {k: bounds[k] for k in component}
        cons = [c for c in constraints if set(c[0]) <= component]
        lower = {**local, key: (local[key][0], value - 1)}
        upper = {**local, key: (value + 1, local[key][1])}
        if not (_feasible(lower, cons) or _feasible(upper, cons)):
            result.append(key)
    return result


def constraints_of(problem: Disclosure, hidden: Mapping[Key, str]) -> list[Constraint]:
    """The printed relations as linear constraints on the hidden cells."""
    out: list[Constraint] = []

    def add(coefs: Sequence[tuple[Key, int]], lo: int, hi: int) -> None:
        known = 0
        merged: dict[Key, int] = {}
        for key, coef in coefs:
            if key in hidden:
                merged[key] = merged.get(key, 0) + coef
            else:
                known += coef * problem.values[key]
        merged = {k: c for k, c in merged.items() if c}
        if merged:
            out.append((merged, lo - known, hi - known))

    for total, parts in problem.sums:
        add([(p, 1) for p in parts] + [(total, -1)], 0, 0)
    for lower, upper in problem.at_most:
        add([(lower, 1), (upper, -1)], -_BIG, 0)
    return out


def _component(key: Key, constraints: list[Constraint]) -> set[Key]:
    """The hidden cells linked to `key` through constraints (the rest cannot matter)."""
    found, todo = {key}, [key]
    while todo:
        k = todo.pop()
        for coefs, _, _ in constraints:
            if k in coefs:
                for other in coefs:
                    if other not in found:
                        found.add(other)
                        todo.append(other)
    return found


def _propagate(bounds: Bounds, constraints: list[Constraint]) -> bool:
    """Tighten the bounds to a fixpoint; False when some constraint cannot hold."""
    changed = True
    while changed:
        changed = False
        for coefs, lo, hi in constraints:
            mins = {k: min(c * bounds[k][0], c * bounds[k][1]) for k, c in coefs.items()}
            maxs = {k: max(c * bounds[k][0], c * bounds[k][1]) for k, c in coefs.items()}
            total_min, total_max = sum(mins.values()), sum(maxs.values())
            if total_min > hi or total_max < lo:
                return False
            for k, c in coefs.items():
                low = lo - (total_max - maxs[k])  # c·x ≥ low
                high = hi - (total_min - mins[k])  # c·x ≤ high
                if c < 0:
                    low, high = -high, -low
                    c = -c
                new_lo = max(bounds[k][0], -((-low) // c))
                new_hi = min(bounds[k][1], high // c)
                if new_lo > new_hi:
                    return False
                if (new_lo, new_hi) != bounds[k]:
                    bounds[k] = (new_lo, new_hi)
                    changed = True
    return True


def _feasible(bounds: Bounds, constraints: list[Constraint]) -> bool:
    """Is there an integer point within the bounds meeting every constraint? (exact)"""
    budget = [_BUDGET]

    def search(b: Bounds) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return False  # too hard to tell: treated as not feasible, so the cell gets hidden
        if any(lo > hi for lo, hi in b.values()) or not _propagate(b, constraints):
            return False
        open_keys = [k for k, (lo, hi) in b.items() if lo < hi]
        if not open_keys:
            return True
        k = min(open_keys, key=lambda x: (b[x][1] - b[x][0], repr(x)))
        lo, hi = b[k]
        mid = (lo + hi) // 2
        return search({**b, k: (lo, mid)}) or search({**b, k: (mid + 1, hi)})

    return search(dict(bounds))
