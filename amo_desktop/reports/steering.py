"""Stuurgroeprapport (and, for one school, Schoolrapport): aggregate figures, no names."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from amo_desktop.domain.figures import PeriodFigures, SchoolCapacity, StartWaits
from amo_desktop.reports.blocks import key_figures, number, percent, table
from amo_desktop.reports.capacity import HEADER as CAPACITY_HEADER
from amo_desktop.reports.capacity import WIDTHS as CAPACITY_WIDTHS
from amo_desktop.reports.capacity import capacity_chart, capacity_note
from amo_desktop.reports.disclosure import hidden
from amo_desktop.reports.document import build_period_pdf
from amo_desktop.reports.glossary import glossary
from amo_desktop.reports.outgoing import capacity_rows, running_year, steering_printed
from amo_desktop.reports.printed import Count, Printed
from amo_desktop.reports.style import styles
from amo_desktop.reports.waiting import waiting_section

_Styles = dict[str, ParagraphStyle]


@dataclass(frozen=True)
class SteeringData:
    """Everything the report shows; JSON-serialisable so a meeting can keep it frozen."""

    organisation: str
    period_label: str
    period: PeriodFigures
    year_to_date: PeriodFigures
    capacity: list[SchoolCapacity]
    evolution: dict[int, int]
    feedback: str = ""
    school_name: str | None = None
    made_on: date = field(default_factory=date.today)
    # A school report: the network's capacity as one reference line beside the school's own.
    capacity_total: SchoolCapacity | None = None
    # time from referral to start per school year (of the start): the network's own measure
    start_waits: dict[int, StartWaits] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), default=str, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SteeringData:
        """The frozen snapshot of a meeting back into the same data, for the same PDF."""
        raw = json.loads(text)

        def figures(d: dict[str, Any]) -> PeriodFigures:
            return PeriodFigures(
                **{
                    **d,
                    "first": date.fromisoformat(d["first"]),
                    "last": date.fromisoformat(d["last"]),
                    "waiting_on": d.get("waiting_on") and date.fromisoformat(d["waiting_on"]),
                }
            )

        return cls(
            organisation=raw["organisation"],
            period_label=raw["period_label"],
            period=figures(raw["period"]),
            year_to_date=figures(raw["year_to_date"]),
            capacity=[SchoolCapacity(**c) for c in raw["capacity"]],
            evolution={int(k): v for k, v in raw["evolution"].items()},
            feedback=raw["feedback"],
            school_name=raw["school_name"],
            made_on=date.fromisoformat(raw["made_on"]),
            capacity_total=(
                SchoolCapacity(**raw["capacity_total"]) if raw.get("capacity_total") else None
            ),
            start_waits={int(k): StartWaits(**v) for k, v in raw.get("start_waits", {}).items()},
        )


def _in_progress(data: SteeringData) -> int:
    """The school year still running when the report was made: marked 'tot nu'."""
    return running_year(data.made_on)


def _subtitle(data: SteeringData) -> str:
    """Organisation and period, each once; the dates only when the label does not give them."""
    p = data.period
    dates = f"{p.first:%d/%m/%Y} – {p.last:%d/%m/%Y}"
    label = data.period_label
    if label.startswith("Schooljaar"):
        if p.school_year == _in_progress(data):
            label += f" (tot nu: {data.made_on:%d/%m/%Y})"
    elif dates not in label:
        label += f" ({dates})"
    return f"{data.organisation} · {label}"


def story(data: SteeringData) -> list[Flowable]:
    st = styles()
    printed = steering_printed(data)
    return [
        *_opening(data, printed, st),
        *_referrals(data, printed, st),
        *waiting_section(
            "2. Wachtlijst en wachttijd",
            data.period,
            data.evolution,
            data.start_waits,
            _in_progress(data),
            printed,
        ),
        Paragraph("3. Trajecten en bereik", st["h1"]),
        *printed.flowables("Trajecten en bereik"),
        *_capacity(data, printed, st),
        *_goals(data, printed, st),
        *_feedback(data, st),
        *glossary(),
    ]


def _opening(data: SteeringData, printed: Printed, st: _Styles) -> list[Flowable]:
    """Title, subtitle, the key figures and how the counts are suppressed."""
    ytd_key = (
        "period" if "ytd" not in {k[0] for k in printed.shown if isinstance(k, tuple)} else "ytd"
    )
    title = "Schoolrapport" if data.school_name else "Stuurgroeprapport"
    return [
        Paragraph(title + (f": {data.school_name}" if data.school_name else ""), st["title"]),
        Paragraph(_subtitle(data), st["subtitle"]),
        key_figures(
            [
                ("aanmeldingen deze periode", printed.show(("period", "referrals"))),
                ("aanmeldingen dit schooljaar", printed.show((ytd_key, "referrals"))),
                ("op de wachtlijst", printed.show(("period", "waiting"))),
                ("lopende trajecten", printed.show(("period", "running"))),
                ("begeleidingsuren", number(data.period.hours_delivered)),
            ]
        ),
        Spacer(1, 4),
        Paragraph(
            "Alle aantallen zijn geaggregeerd; aantallen jongeren van 1 tot 4 staan als "
            "\u201c&lt;5\u201d; een \u201cx\u201d verbergt een ander cijfer, zodat een klein "
            "aantal niet uit de andere cijfers of het totaal af te leiden is; een wachttijd over "
            "minder dan 5 aanmeldingen staat als \u201c\u2013\u201d. Wat elk cijfer telt, staat "
            "achteraan bij Begrippen.",
            st["small"],
        ),
    ]


def _referrals(data: SteeringData, printed: Printed, st: _Styles) -> list[Flowable]:
    """Section 1: the referrals in total, per school (not in a school report), offer, grade
    and reason."""
    parts: list[Flowable] = [
        Paragraph("1. Aanmeldingen", st["h1"]),
        *printed.flowables("Aanmeldingen", widths=(90, 40, 44)),
    ]
    if not data.school_name:
        parts += [Paragraph("Per school", st["h2"]), *printed.flowables("Aanmeldingen per school")]
    return [
        *parts,
        Paragraph("Per aanbod", st["h2"]),
        *printed.flowables("Aanmeldingen per aanbod"),
        Paragraph("Per graad", st["h2"]),
        *printed.flowables("Per graad"),
        Paragraph("Per reden (een aanmelding kan meer redenen hebben)", st["h2"]),
        *printed.flowables("Redenen"),
    ]


def _capacity(data: SteeringData, printed: Printed, st: _Styles) -> list[Flowable]:
    """Section 4: hours entitled, used and planned, as a table and a chart."""
    own = [c for c in capacity_rows(data) if c is not data.capacity_total]
    return [
        Paragraph("4. Capaciteit en inzet" + ("" if data.school_name else " per school"), st["h1"]),
        *(
            printed.flowables("Capaciteit", widths=CAPACITY_WIDTHS)
            if capacity_rows(data)
            else [table(CAPACITY_HEADER, [("(geen afspraken)", *[""] * 6)], widths=CAPACITY_WIDTHS)]
        ),
        capacity_note(),
        Spacer(1, 6),
        capacity_chart(own, "Uren" + ("" if data.school_name else " per school")),
    ]


def _goals(data: SteeringData, printed: Printed, st: _Styles) -> list[Flowable]:
    """Section 5: goals reached, closure reasons and school positions at closure."""
    p, shown = data.period, printed.shown
    reached = printed.show(("period", "goals_reached"))
    evaluated = printed.show(("period", "goals_evaluated"))
    return [
        Paragraph("5. Doelen en uitkomsten", st["h1"]),
        Paragraph(
            f"Doelen bereikt: {_escape(reached)} van {_escape(evaluated)} geëvalueerde doelen"
            + (
                f" ({percent(p.goals_reached, p.goals_evaluated)})."
                if not hidden(shown[("period", "goals_reached")])
                and not hidden(shown[("period", "goals_evaluated")])
                else "."
            ),
            st["body"],
        ),
        KeepTogether([Paragraph("Afsluitreden", st["h2"]), *printed.flowables("Afsluitreden")]),
        KeepTogether(
            [
                Paragraph("Schoolpositie bij afsluiting", st["h2"]),
                *printed.flowables("Schoolpositie"),
            ]
        ),
    ]


def _feedback(data: SteeringData, st: _Styles) -> list[Flowable]:
    """Section 6: the steering group's feedback, or the school's own text."""
    feedback = data.feedback.strip() or "(Nog geen feedback ingevuld.)"
    return [
        Paragraph("6. Feedback en signalen", st["h1"]),
        *(
            Paragraph(_escape(para).replace("\n", "<br/>"), st["body"])
            for para in feedback.split("\n\n")
        ),
    ]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(data: SteeringData, out: Path | IO[bytes], author: str = "") -> None:
    title = "Schoolrapport" if data.school_name else "Stuurgroeprapport"
    full = title + (f" {data.school_name}" if data.school_name else "")
    build_period_pdf(out, data, story(data), author, full, title, ("stuurgroep",))


def as_rows(data: SteeringData) -> dict[str, list[list[Any]]]:
    """The report's tables as sheets for Excel: the same figures and marks as the PDF."""
    printed = steering_printed(data)
    shown = printed.shown
    ytd_key = "period" if "ytd" not in {k[0] for k in shown if isinstance(k, tuple)} else "ytd"
    key_rows: list[list[Any]] = [
        ["Kerncijfer", "Waarde"],
        *[
            [label, printed.value(Count(key))]
            for label, key in (
                ("Aanmeldingen deze periode", ("period", "referrals")),
                ("Aanmeldingen dit schooljaar", (ytd_key, "referrals")),
                ("Op de wachtlijst", ("period", "waiting")),
                ("Gestart in de periode", ("period", "started")),
                ("Lopende trajecten", ("period", "running")),
                ("Doelen bereikt", ("period", "goals_reached")),
                ("Doelen geëvalueerd", ("period", "goals_evaluated")),
            )
        ],
        ["Begeleidingsuren", data.period.hours_delivered],
    ]
    return {"Kerncijfers": key_rows, **printed.sheets()}
