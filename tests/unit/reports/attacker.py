"""The reader who tries to work hidden cells out, written apart from the report code.

It knows what is printed ('<5' means 1 to 4, 'x' means 5 or more, other cells are numbers) and
the relations between the printed cells; it searches integer solutions depth first and reports
every hidden cell that can take only one value. Values of 'x' are tried up to `cap`: a smaller
cap only makes the attacker stronger (fewer alternatives), so a cell it cannot pin is safe.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

Key = Hashable
Relation = tuple[Key, Sequence[Key]]  # total, parts


def domain(mark: str, cap: int) -> range:
    if mark == "<5":
        return range(1, 5)
    if mark == "x":
        return range(5, max(cap, 5) + 1)
    if mark in ("", "–"):  # left out of the breakdown: anything
        return range(0, cap + 1)
    raise ValueError(mark)


def determined(
    printed: Mapping[Key, str],
    sums: Sequence[Relation],
    at_most: Sequence[tuple[Key, Key]] = (),
    cap: int | None = None,
) -> list[Key]:
    """The hidden cells that only one value fits."""
    numbers = [int(v) for v in printed.values() if v.isdigit()]
    cap = cap if cap is not None else 2 * sum(numbers) + 10
    unknown = [k for k, v in printed.items() if not v.isdigit()]
    cons: list[tuple[dict[Key, int], int, int]] = []
    for total, parts in sums:
        coefs: dict[Key, int] = {}
        known = 0
        for key, c in [(p, 1) for p in parts] + [(total, -1)]:
            if printed[key].isdigit():
                known += c * int(printed[key])
            else:
                coefs[key] = coefs.get(key, 0) + c
        cons.append((coefs, -known, -known))
    for low, high in at_most:
        coefs = {}
        known = 0
        for key, c in ((low, 1), (high, -1)):
            if printed[key].isdigit():
                known += c * int(printed[key])
            else:
                coefs[key] = coefs.get(key, 0) + c
        cons.append((coefs, -(10**12), -known))
    domains = {k: domain(printed[k], cap) for k in unknown}
    out = []
    for key in unknown:
        seen = 0
        for value in domains[key]:
            if _solve({**domains, key: range(value, value + 1)}, cons, {}):
                seen += 1
                if seen == 2:
                    break
        if seen < 2:
            out.append(key)
    return out


def _solve(domains: dict[Key, range], cons: list, assigned: dict[Key, int]) -> bool:
    """Depth first over the free cells, narrowing each range by every relation first."""
    domains = {
        k: range(assigned[k], assigned[k] + 1) if k in assigned else d for k, d in domains.items()
    }
    changed = True
    while changed:
        changed = False
        for coefs, lo, hi in cons:
            ends = {k: sorted((c * domains[k][0], c * domains[k][-1])) for k, c in coefs.items()}
            low = sum(e[0] for e in ends.values())
            high = sum(e[1] for e in ends.values())
            if high < lo or low > hi:
                return False
            for k, c in coefs.items():
                # c·x lies in [lo - (high - its max), hi - (low - its min)]
                a, b = lo - (high - ends[k][1]), hi - (low - ends[k][0])
                keep = [v for v in domains[k] if a <= c * v <= b]
                if not keep:
                    return False
                narrowed = range(keep[0], keep[-1] + 1)
                if narrowed != domains[k]:
                    domains[k] = narrowed
                    changed = True
    free = [k for k, d in domains.items() if len(d) > 1]
    if not free:
        return True
    key = min(free, key=lambda k: len(domains[k]))
    return any(_solve(domains, cons, {**assigned, key: v}) for v in domains[key])
