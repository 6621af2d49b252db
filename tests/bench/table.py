"""The lines of issue 18's table and how run_all.py prints them from the samples."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """One measure: its samples (seconds, or MiB when unit is MiB) under `key`, and the same
    work on the plain copy (or another reference, such as a bare window) under `ref`."""

    label: str
    key: str
    target: str
    unit: str = "ms"
    ref: str | None = None
    limit: float | None = None  # in the line's unit; None: the target is a ratio or a report


LINES = (
    Line("start → unlock window (from source)", "unlock_window", "≤ 2× bare", "ms", "bare"),
    Line("start → unlock window (frozen, under X)", "unlock_window_frozen", "≤ 2× bare", "ms",
         "bare_x11"),
    Line("start after password, large (Argon2id)", "start_large", "≤ 800 ms", "ms",
         "start_large.plain", 800),
    Line("  of which the Argon2id key slot", "kdf", "report", "ms"),
    Line("start after password, typical (Overzicht)", "start_typical", "≤ 1000 ms", "ms",
         "start_typical.plain", 1000),
    Line("waiting list service", "waitlist.waiting_list", "≤ 50 ms", "ms",
         "waitlist.waiting_list.plain", 50),
    Line("waiting list with expected waits", "wait_estimate.estimated_waiting_list", "≤ 50 ms",
         "ms", "wait_estimate.estimated_waiting_list.plain", 50),
    Line("capacity figures", "figures.capacity_figures", "≤ 30 ms", "ms",
         "figures.capacity_figures.plain", 30),
    Line("referrals of a year (service)", "intake.list_referrals", "report", "ms",
         "intake.list_referrals.plain"),
    Line("year figures (service)", "figures.year_figures", "report", "ms",
         "figures.year_figures.plain"),
    Line("week planning, team (service)", "scheduling.week", "report", "ms",
         "scheduling.week.plain"),
    Line("waiting list first paint", "waitlist_paint", "≤ 50 ms", "ms", "waitlist_paint.plain",
         50),
    Line("caseload first paint (coach)", "caseload_paint", "≤ 50 ms", "ms",
         "caseload_paint.plain", 50),
    Line("list filter (worst keystroke)", "filter", "≤ 30 ms", "ms", "filter.plain", 30),
    Line("Aanmeldingen list loaded", "referrals_loaded", "≤ 150 ms", "ms",
         "referrals_loaded.plain", 150),
    Line("steering report, one school year", "steering.one", "≤ 0.3 s", "s", "steering.one.plain",
         0.3),
    Line("steering report, all school years", "steering.all", "≤ 2 s", "s", "steering.all.plain",
         2),
    Line("synthetic writes+queries (bench_vault)", "vault.workload", "≤ 1.15×", "s",
         "vault.workload.plain"),
    Line("synthetic interactive (bench_vault)", "vault.interactive", "≤ 1.15×", "s",
         "vault.interactive.plain"),
    Line("full team sync export", "sync.export", "≤ 20 s total", "s"),
    Line("full team sync import", "sync.import", "≤ 20 s total", "s"),
    Line("peak memory, full sync export", "sync.export_peak", "≤ 400 MiB", "MiB", None, 400),
    Line("import 10,000 referrals (.xlsx)", "import", "≤ 5 s", "s", "import.plain", 5),
    Line("demo --scale large generation", "demo", "≤ 60 s", "s", None, 60),
    Line("peak memory, every screen visited", "memory", "≤ 250 MiB", "MiB", None, 250),
    Line("integrity check beside the window", "quick_check", "report", "ms"),
)  # fmt: skip


def _value(seconds: float, unit: str) -> float:
    return seconds * 1000 if unit == "ms" else seconds


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f}"
    return f"{value:.0f}"


def _row(line: Line, samples: dict[str, list[float]]) -> tuple[str, float | None]:
    values = [_value(v, line.unit) for v in samples.get(line.key, [])]
    if not values:
        return f"{line.label:<44} {'not run':>22}", None
    low, mid, high = min(values), statistics.median(values), max(values)
    spread = f"{_fmt(low, line.unit)} / {_fmt(mid, line.unit)} / {_fmt(high, line.unit)}"
    text = f"{line.label:<44} {spread:>18} {line.unit:<3}"
    ratio = None
    refs = [_value(v, line.unit) for v in samples.get(line.ref or "", [])]
    if refs:
        ref = statistics.median(refs)
        ratio = mid / ref if ref else None
        text += f" {_fmt(ref, line.unit):>8} {ratio or 0:>6.2f}×"
    else:
        text += f" {'':>8} {'':>7}"
    missed = line.limit is not None and mid > line.limit
    text += f"  {line.target}{'  MISSED' if missed else ''}"
    return text, ratio


def render(lines: tuple[Line, ...], samples: dict[str, list[float]]) -> str:
    """The table: per line min / median / max, the reference's median and the ratio of the
    medians; then the encryption overhead over every line that has a plain copy."""
    header = f"{'measure':<44} {'min / median / max':>18} {'':<3} {'plain':>8} {'ratio':>7}  target"
    out = [header, "-" * len(header)]
    ratios = []
    for line in lines:
        text, ratio = _row(line, samples)
        out.append(text)
        if ratio is not None and line.ref and line.ref.endswith(".plain"):
            ratios.append(ratio)
    if ratios:
        out.append(
            f"{'encryption overhead (ratios above)':<44} "
            f"{min(ratios):.2f} / {statistics.median(ratios):.2f} / {max(ratios):.2f}×"
            f"{'':>22}≤ 1.15×"
        )
    return "\n".join(out)
