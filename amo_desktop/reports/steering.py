"""Stuurgroeprapport (and, for one school, Schoolrapport): aggregate figures, no names."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from amo_desktop.domain.figures import PeriodFigures, SchoolCapacity
from amo_desktop.reports.blocks import key_figures, number, table
from amo_desktop.reports.charts import evolution, grouped_bars
from amo_desktop.reports.document import ReportMeta, build_pdf
from amo_desktop.reports.outgoing import steering_printed
from amo_desktop.reports.printed import Count
from amo_desktop.reports.style import styles


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
        )


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def story(data: SteeringData) -> list[Flowable]:
    st = styles()
    p = data.period
    printed = steering_printed(data)
    shown = printed.shown
    ytd_key = "period" if "ytd" not in {k[0] for k in shown if isinstance(k, tuple)} else "ytd"
    title = "Schoolrapport" if data.school_name else "Stuurgroeprapport"
    parts: list[Flowable] = [
        Paragraph(title + (f": {data.school_name}" if data.school_name else ""), st["title"]),
        Paragraph(
            f"{data.organisation} · {data.period_label} ({p.first:%d/%m/%Y} – {p.last:%d/%m/%Y})",
            st["subtitle"],
        ),
        key_figures(
            [
                ("aanmeldingen deze periode", shown[("period", "referrals")]),
                ("aanmeldingen dit schooljaar", shown[(ytd_key, "referrals")]),
                ("op de wachtlijst", shown[("period", "waiting")]),
                ("lopende trajecten", shown[("period", "running")]),
                ("begeleidingsuren", number(p.hours_delivered)),
            ]
        ),
        Spacer(1, 4),
        Paragraph(
            "Alle aantallen zijn geaggregeerd; aantallen jongeren van 1 tot 4 staan als "
            "\u201c&lt;5\u201d; een \u201cx\u201d verbergt een ander cijfer, zodat een klein "
            "aantal niet uit de andere cijfers of het totaal af te leiden is. "
            "Definities: docs/figures.md.",
            st["small"],
        ),
        Paragraph("1. Aanmeldingen", st["h1"]),
        printed.flowable("Aanmeldingen", widths=(90, 40, 44)),
    ]
    if not data.school_name:
        parts += [Paragraph("Per school", st["h2"]), printed.flowable("Aanmeldingen per school")]
    parts += [
        Paragraph("Per aanbod", st["h2"]),
        printed.flowable("Aanmeldingen per aanbod"),
        Paragraph("Per graad", st["h2"]),
        printed.flowable("Per graad"),
        Paragraph("Per reden (een aanmelding kan meer redenen hebben)", st["h2"]),
        printed.flowable("Redenen"),
        KeepTogether(
            [
                Paragraph("Evolutie over de schooljaren", st["h2"]),
                evolution(data.evolution, shown=_evolution_marks(data, shown)),
                printed.flowable("Evolutie", widths=(60, 30)),
            ]
        ),
        KeepTogether(
            [
                Paragraph("2. Wachtlijst", st["h1"]),
                table(
                    ["", "Kalenderdagen", "Schooldagen"],
                    [
                        (
                            "Mediaan wachttijd",
                            number(p.median_wait_days),
                            number(p.median_wait_school_days),
                        ),
                        (
                            "Langste wachttijd",
                            number(p.longest_wait_days),
                            number(p.longest_wait_school_days),
                        ),
                    ],
                    widths=(90, 40, 44),
                ),
                Paragraph(f"Nu op de wachtlijst: {shown[('period', 'waiting')]}.", st["body"]),
            ]
        ),
        Paragraph("3. Trajecten en bereik", st["h1"]),
        printed.flowable("Trajecten en bereik"),
    ]
    caps = _capacity_rows(data)
    capacity_table = table(
        ["School", "Uren-leraar afgestaan", "Recht (uren)", "Gebruikt", "Gepland", "Benut"],
        [
            (
                c.school_name,
                number(c.teacher_hours),
                number(c.entitled_hours),
                number(c.used_hours),
                number(c.planned_hours),
                "–"
                if c.ratio == float("inf")
                else f"{round(100 * c.ratio)} %" + (" ⚠" if c.warning else ""),
            )
            for c in caps
        ]
        or [("(geen afspraken)", "", "", "", "", "")],
        widths=(52, 26, 24, 24, 24, 24),
    )
    own = [c for c in caps if c is not data.capacity_total]
    parts.append(
        KeepTogether(
            [
                Paragraph(
                    "4. Capaciteit en inzet" + ("" if data.school_name else " per school"),
                    st["h1"],
                ),
                capacity_table,
                Spacer(1, 6),
                grouped_bars(
                    [c.school_name for c in own],
                    [
                        ("Recht", [c.entitled_hours for c in own]),
                        ("Gebruikt", [c.used_hours for c in own]),
                        ("Gepland", [c.planned_hours for c in own]),
                    ],
                    "Uren" + ("" if data.school_name else " per school"),
                ),
            ]
        )
    )
    parts.append(Paragraph("5. Doelen en uitkomsten", st["h1"]))
    parts.append(
        Paragraph(
            f"Doelen bereikt: {shown[('period', 'goals_reached')]} van "
            f"{shown[('period', 'goals_evaluated')]} geëvalueerde doelen"
            + (
                f" ({_pct(p.goals_reached, p.goals_evaluated)})."
                if shown[("period", "goals_reached")].isdigit()
                and shown[("period", "goals_evaluated")].isdigit()
                else "."
            ),
            st["body"],
        )
    )
    parts += [
        KeepTogether([Paragraph("Afsluitreden", st["h2"]), printed.flowable("Afsluitreden")]),
        KeepTogether(
            [
                Paragraph("Schoolpositie bij afsluiting", st["h2"]),
                printed.flowable("Schoolpositie"),
            ]
        ),
        Paragraph("6. Feedback en signalen", st["h1"]),
    ]
    feedback = data.feedback.strip() or "(Nog geen feedback ingevuld.)"
    for para in feedback.split("\n\n"):
        parts.append(Paragraph(_escape(para).replace("\n", "<br/>"), st["body"]))
    return parts


def _capacity_rows(data: SteeringData) -> list[SchoolCapacity]:
    """The steering report: every school; a school report: its own row and the network's."""
    if not data.school_name:
        return list(data.capacity)
    own = [c for c in data.capacity if c.school_name == data.school_name]
    return own + ([data.capacity_total] if data.capacity_total else [])


def _evolution_marks(data: SteeringData, shown: dict[Any, str]) -> dict[int, str]:
    return {y: shown[("evolution", y)] for y in data.evolution}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(data: SteeringData, out: Path | IO[bytes], author: str = "") -> None:
    title = "Schoolrapport" if data.school_name else "Stuurgroeprapport"
    meta = ReportMeta(
        title=title + (f" {data.school_name}" if data.school_name else ""),
        period=data.period_label,
        organisation=data.organisation,
        author=author,
        subject=f"{title} {data.period_label}",
        keywords=("AMO", "stuurgroep"),
    )
    build_pdf(out, meta, story(data))


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
                ("Lopende trajecten", ("period", "running")),
                ("Doelen bereikt", ("period", "goals_reached")),
                ("Doelen geëvalueerd", ("period", "goals_evaluated")),
            )
        ],
        ["Begeleidingsuren", data.period.hours_delivered],
    ]
    return {
        "Kerncijfers": key_rows,
        **printed.sheets(),
        "Capaciteit": [
            ["School", "Uren-leraar", "Recht", "Gebruikt", "Gepland"],
            *[
                [c.school_name, c.teacher_hours, c.entitled_hours, c.used_hours, c.planned_hours]
                for c in _capacity_rows(data)
            ],
        ],
    }
