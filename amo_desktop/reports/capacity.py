"""Capacity per school in the reports: used and planned hours each against the entitlement,
never added into one 'Benut' figure that reads as if the planned hours were already given.

Hours are not counts of young people: no small-cell rule applies. The table goes through the
report's masked model (reports/printed.py) all the same, so the PDF and Excel print it alike."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from amo_desktop.domain.figures import SchoolCapacity
from amo_desktop.reports.charts import grouped_bars
from amo_desktop.reports.numbers import percent
from amo_desktop.reports.style import styles

HEADER = (
    "School",
    "Uren-leraar afgestaan",
    "Recht (uren)",
    "Gebruikt (uren)",
    "Gebruikt (% recht)",
    "Gepland (uren)",
    "Gepland (% recht)",
)
WIDTHS = (42, 24, 20, 21, 22, 21, 22)


def _share(hours: float, c: SchoolCapacity) -> str:
    if not c.entitled_hours:
        return "geen recht" if hours else "–"
    return percent(hours, c.entitled_hours)


def capacity_cells(c: SchoolCapacity) -> tuple[float | str, ...]:
    """One school's row after its name: hours as numbers, shares as printed."""
    return (
        c.teacher_hours,
        c.entitled_hours,
        c.used_hours,
        _share(c.used_hours, c) + (" ⚠" if c.warning else ""),
        c.planned_hours,
        _share(c.planned_hours, c),
    )


def capacity_note() -> Paragraph:
    """What the warning sign means, under the table."""
    return Paragraph(
        "Gebruikt = gegeven begeleidingsuren tot de dag van het rapport; gepland = uren die "
        "nog in de agenda staan. ⚠ = gebruikt en gepland samen 80\u00a0% of meer van het recht.",
        styles()["small"],
    )


def capacity_chart(caps: Sequence[SchoolCapacity], title: str = "Uren per school") -> Flowable:
    return grouped_bars(
        [c.school_name for c in caps],
        [
            ("Recht", [c.entitled_hours for c in caps]),
            ("Gebruikt", [c.used_hours for c in caps]),
            ("Gepland", [c.planned_hours for c in caps]),
        ],
        title,
    )
