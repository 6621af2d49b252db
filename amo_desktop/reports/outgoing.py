"""Which counts each outgoing report prints and how they hang together, for disclosure control.

One builder per report (steering and school, signal, funder): every count gets the key of what
it means, so the same figure printed twice is one cell; tables with a total row add up to it; a
period's figure is at most its school year's. The result (`Printed`) is what the PDF and the
Excel workbook print.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import (
    ClosureReason,
    Grade,
    OfferType,
    PreventionLevel,
    ReferralReason,
    SchoolOutcome,
)
from amo_desktop.reports.capacity import HEADER as CAPACITY_HEADER
from amo_desktop.reports.capacity import capacity_cells
from amo_desktop.reports.disclosure import over_few
from amo_desktop.reports.printed import Builder, Count, CountTable, Plain, Printed

if TYPE_CHECKING:
    from amo_desktop.domain.figures import PeriodFigures, SchoolCapacity, StartWaits
    from amo_desktop.reports.funder import FunderData
    from amo_desktop.reports.signal import SignalData
    from amo_desktop.reports.steering import SteeringData

PREVENTION = tuple(p.value for p in PreventionLevel)


def running_year(made_on: date) -> int:
    """The school year still running on the day the report was made: marked 'tot nu'."""
    return SchoolYear.of(made_on).start_year


def year_label(year: int, in_progress: int | None = None) -> str:
    """'2024-2025', and '2025-2026 (tot nu)' for the school year still running."""
    return f"{year}-{year + 1}" + (" (tot nu)" if year == in_progress else "")


def _grade_label(code: str) -> str:
    if code == "onbekend":
        return "Onbekend"
    try:
        return Grade(code).label
    except ValueError:
        return code


def _referral_tables(b: Builder, p: PeriodFigures, scope: str, per_school: bool) -> Count:
    """Referrals of a period and their breakdowns, each adding up to the one total."""
    total = (scope, "referrals")
    referrals = b.count(total, p.referrals)
    if per_school:
        b.one_way(
            "Aanmeldingen per school",
            ("School", "Aantal"),
            p.referrals_by_school,
            (scope, "school"),
            total,
        )
    b.one_way(
        "Aanmeldingen per aanbod",
        ("Aanbod", "Aantal"),
        p.referrals_by_offer,
        (scope, "offer"),
        total,
        OfferType,
    )
    codes = [g.value for g in Grade] + ["onbekend"]  # first grade first, unknown last
    in_order = sorted(p.referrals_by_grade, key=lambda k: (codes.index(k) if k in codes else 99, k))
    grades = {_grade_label(k): p.referrals_by_grade[k] for k in in_order}
    b.one_way(
        "Per graad",
        ("Graad", "Aantal"),
        grades,
        (scope, "grade"),
        total,
        by_size=False,
        order=list(grades),
    )
    b.one_way(
        "Redenen",
        ("Reden", "Aantal"),
        p.referrals_by_reason,
        (scope, "reason"),
        None,
        ReferralReason,
    )
    return referrals


def _prevention(b: Builder, p: PeriodFigures, ytd: PeriodFigures, same: bool) -> None:
    """'Aanmeldingen' this period and this school year so far, preventive and curative."""
    scopes = [("period", p)] + ([] if same else [("ytd", ytd)])
    columns: dict[str, list[Count]] = {}
    for scope, figures in scopes:
        prev = b.one_way(
            f"_prev_{scope}",
            ("", ""),
            figures.referrals_by_prevention,
            (scope, "prevention"),
            (scope, "referrals"),
            order=PREVENTION,
        )
        del b.tables[prev.sheet]
        columns[scope] = [c for _, (c,) in prev.rows] + list(prev.total or ())  # type: ignore
    ytd_cells = columns.get("ytd", columns["period"])
    for low, high in zip(columns["period"], ytd_cells, strict=True):
        if isinstance(low, Count) and isinstance(high, Count):
            b.at_most(low, high)
    labels = [PreventionLevel(k).label for k in PREVENTION]
    b.add(
        CountTable(
            "Aanmeldingen",
            ("", "Deze periode", "Schooljaar tot nu"),
            tuple((label, (columns["period"][i], ytd_cells[i])) for i, label in enumerate(labels)),
            (columns["period"][-1], ytd_cells[-1]),
        )
    )


def _evolution(
    b: Builder, per_year: dict[int, int], this_year: int, ytd: Count, in_progress: int
) -> None:
    cells = {y: b.count(("evolution", y), n) for y, n in per_year.items()}
    b.add(
        CountTable(
            "Evolutie",
            ("Schooljaar", "Aanmeldingen"),
            tuple((year_label(y, in_progress), (cells[y],)) for y in sorted(cells)),
        )
    )
    if this_year in cells:
        b.at_most(ytd, cells[this_year])


def steering_printed(data: SteeringData) -> Printed:
    """Stuurgroeprapport or Schoolrapport: every count of the PDF and the workbook."""
    p, ytd = data.period, data.year_to_date
    b = Builder()
    same = p.first == ytd.first and p.last == ytd.last
    _referral_tables(b, p, "period", per_school=not data.school_name)
    if not same:
        b.count(("ytd", "referrals"), ytd.referrals)
    _prevention(b, p, ytd, same)
    ytd_total = Count(("period" if same else "ytd", "referrals"))
    in_progress = running_year(data.made_on)
    _evolution(b, data.evolution, p.school_year, ytd_total, in_progress)
    _waiting(b, p, data.start_waits, in_progress)
    closed = b.count(("period", "closed"), p.closed_trajectories)
    b.add(
        CountTable(
            "Trajecten en bereik",
            ("", "Aantal"),
            (
                ("Lopende trajecten", (b.count(("period", "running"), p.running_trajectories),)),
                ("Afgesloten trajecten in de periode", (closed,)),
                ("Contactmomenten geleverd", (p.sessions_delivered,)),
                ("Begeleidingsuren geleverd", (p.hours_delivered,)),
                (
                    "Jongeren bereikt (individueel)",
                    (b.count(("period", "youths"), p.youths_reached),),
                ),
                ("Klassen bereikt", (p.classes_reached,)),
                (
                    "Leerlingen bereikt via klaswerking",
                    (b.count(("period", "pupils"), p.pupils_reached_in_classes),),
                ),
            ),
        )
    )
    b.one_way(
        "Afsluitreden",
        ("Reden", "Aantal"),
        p.closure_reasons,
        ("period", "closure"),
        closed.key,
        ClosureReason,
    )
    b.one_way(
        "Schoolpositie",
        ("Uitkomst", "Aantal"),
        p.outcomes,
        ("period", "outcome"),
        closed.key,
        SchoolOutcome,
    )
    reached = b.count(("period", "goals_reached"), p.goals_reached)
    b.at_most(reached, b.count(("period", "goals_evaluated"), p.goals_evaluated))
    b.add(
        CountTable(
            "Capaciteit",
            CAPACITY_HEADER,
            tuple((c.school_name, capacity_cells(c)) for c in capacity_rows(data)),
        )
    )
    return b.done()


def capacity_rows(data: SteeringData) -> list[SchoolCapacity]:
    """The steering report: every school; a school report: its own row and the network's."""
    if not data.school_name:
        return list(data.capacity)
    own = [c for c in data.capacity if c.school_name == data.school_name]
    return own + ([data.capacity_total] if data.capacity_total else [])


def _days(median: float | None, longest: int | None, among: int) -> tuple[Plain, Plain]:
    return over_few(median, among), over_few(longest, among)


def _days_table(
    titles: tuple[str, str], among: int, *lines: tuple[str, tuple[float | int | None, ...]]
) -> CountTable:
    """A table of waits in calendar and school days, each over `among` people (over_few)."""
    sheet, first_column = titles
    return CountTable(
        sheet,
        (first_column, "Kalenderdagen", "Schooldagen"),
        tuple((label, tuple(over_few(v, among) for v in values)) for label, values in lines),
    )


def _waiting(
    b: Builder, p: PeriodFigures, per_year: dict[int, StartWaits], in_progress: int
) -> None:
    """The waiting list at the period's end and the time to start, in the period and per
    school year: the counts under the small-cell rule, a wait over fewer than 5 not printed."""
    b.count(("period", "waiting"), p.waiting_now)
    started = b.count(("period", "started"), p.started)
    b.add(
        _days_table(
            ("Wachtlijst", "Wie op de wachtlijst staat"),
            p.waiting_now,
            ("Mediaan wachttijd", (p.median_wait_days, p.median_wait_school_days)),
            ("Langste wachttijd", (p.longest_wait_days, p.longest_wait_school_days)),
        )
    )
    b.add(
        _days_table(
            ("Tijd tot start in de periode", "Tijd tot de start"),
            p.started,
            ("Mediaan", (p.median_start_days, p.median_start_school_days)),
            ("Langste", (p.longest_start_days, p.longest_start_school_days)),
        )
    )
    rows = []
    for year, w in sorted(per_year.items()):
        cell = b.count(("started", year), w.started)
        if year == p.school_year and SchoolYear.of(p.last).start_year == year:
            b.at_most(started, cell)  # who started in the period started in its school year
        rows.append(
            (
                year_label(year, in_progress),
                (
                    cell,
                    *_days(w.median_days, w.longest_days, w.started),
                    *_days(w.median_school_days, w.longest_school_days, w.started),
                ),
            )
        )
    b.add(
        CountTable(
            "Tijd tot start",
            (
                "Schooljaar",
                "Gestart",
                "Mediaan<br/>(kalenderdagen)",
                "Langste<br/>(kalenderdagen)",
                "Mediaan<br/>(schooldagen)",
                "Langste<br/>(schooldagen)",
            ),
            tuple(rows),
        )
    )


def signal_printed(data: SignalData) -> Printed:
    """Signaal lokaal bestuur: the municipality's counts, no school."""
    f = data.figures
    b = Builder()
    referrals = b.count(("period", "referrals"), f.referrals)
    b.count(("period", "waiting"), f.waiting_now)
    b.count(("period", "youths"), f.youths_reached)
    b.count(("period", "pupils"), f.pupils_reached_in_classes)
    b.one_way(
        "Thema's",
        ("Thema (meerdere per aanmelding mogelijk)", "Aantal"),
        f.referrals_by_reason,
        ("period", "reason"),
        None,
        ReferralReason,
    )
    b.one_way(
        "Aanbod",
        ("Aanbod", "Aantal"),
        f.referrals_by_offer,
        ("period", "offer"),
        referrals.key,
        OfferType,
    )
    b.one_way(
        "Preventief of curatief",
        ("Aard", "Aantal"),
        f.referrals_by_prevention,
        ("period", "prevention"),
        referrals.key,
        PreventionLevel,
    )
    b.one_way(
        "Per graad",
        ("Graad", "Aantal"),
        f.referrals_by_grade,
        ("period", "grade"),
        referrals.key,
        Grade,
    )
    _evolution(b, data.evolution, f.school_year, referrals, running_year(data.made_on))
    return b.done()


def funder_printed(data: FunderData) -> Printed:
    """Financiersrapport: per school of the funder its hours and counts."""
    b = Builder()
    rows = []
    for r in data.rows:
        rows.append(
            (
                r.school_name,
                (
                    r.hours_agreed,
                    r.hours_delivered,
                    b.count((r.school_name, "referrals"), r.referrals),
                    b.count((r.school_name, "youths"), r.youths_reached),
                    b.count((r.school_name, "pupils"), r.pupils_in_classes),
                ),
            )
        )
    youths = b.count(("funder", "youths"), sum(r.youths_reached for r in data.rows))
    b.problem.add_sum(youths.key, [(r.school_name, "youths") for r in data.rows])
    b.add(
        CountTable(
            "Per school",
            (
                "School",
                "Afgesproken<br/>uren",
                "Geleverde<br/>uren",
                "Aanmel-<br/>dingen",
                "Jongeren<br/>bereikt",
                "Leerlingen<br/>in klassen",
            ),
            tuple(rows),
        )
    )
    return b.done()
