"""Score per module from mutmut's results, with the equivalent mutants of docs/testing.md left out.

python tools/mutation_report.py MUTANTS_DIR docs/testing.md [MODULE ...]
python tools/mutation_report.py --retry MUTANTS_DIR docs/testing.md [MODULE ...]
    # survivors not listed as equivalent are tried again
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

KILLED = {1, 3, 36, 37, -24, 24, 152, 255}  # failed tests, timeouts, caught by the type check
EQUIVALENT = re.compile(r"`([\w.ǁ]+__mutmut_\d+)`")


def equivalents(testing_md: Path) -> set[str]:
    """Mutant names written in backticks in docs/testing.md, each with its reason there."""
    if not testing_md.exists():
        return set()
    return set(EQUIVALENT.findall(testing_md.read_text(encoding="utf-8")))


def module_results(mutants: Path, module: str) -> dict[str, int | None]:
    meta = mutants / "amo_desktop" / f"{module}.meta"
    if not meta.exists():
        return {}
    data = json.loads(meta.read_text(encoding="utf-8"))
    return dict(data.get("exit_code_by_key", {}))


def retry_survivors(mutants: Path, modules: list[str], known: set[str]) -> None:
    """Forget the verdict of every survivor not `known` as equivalent, so the next run tries it
    against today's tests (mutmut keeps a verdict until the mutated function itself changes)."""
    for module in modules:
        meta = mutants / "amo_desktop" / f"{module}.meta"
        if not meta.exists():
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data.get("exit_code_by_key", {})
        for name, code in codes.items():
            if code not in KILLED and name not in known:
                codes[name] = None
        meta.write_text(json.dumps(data, indent=4), encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv[0] == "--retry":
        retry_survivors(Path(argv[1]), argv[3:], equivalents(Path(argv[2])))
        return 0
    mutants, testing_md, modules = Path(argv[0]), Path(argv[1]), argv[2:]
    known = equivalents(testing_md)
    rows, survivors = [], []
    all_killed = all_counted = 0
    for module in modules:
        results = module_results(mutants, module)
        counted = {k: v for k, v in results.items() if k not in known}
        killed = sum(1 for v in counted.values() if v in KILLED)
        survivors += sorted(k for k, v in counted.items() if v not in KILLED)
        score = f"{100 * killed / len(counted):.0f} %" if counted else "-"
        rows.append((module, len(results), len(results) - len(counted), killed, score))
        all_killed += killed
        all_counted += len(counted)
    print(f"{'module':32} {'mutants':>8} {'equiv.':>7} {'killed':>7} {'score':>6}")
    for module, total, equiv, killed, score in rows:
        print(f"{module:32} {total:8} {equiv:7} {killed:7} {score:>6}")
    if all_counted:
        print(f"{'all':32} {'':8} {'':7} {all_killed:7} {100 * all_killed / all_counted:5.0f} %")
    if survivors:
        print(
            f"\nsurviving ({len(survivors)}); see each with `mutmut show NAME` in the work folder:"
        )
        for name in survivors:
            print(f"  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
