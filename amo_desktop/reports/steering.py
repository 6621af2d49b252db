"""Stuurgroeprapport (and, for one school, Schoolrapport): aggregate figures, no names."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import (
    ClosureReason,
    Grade,
    OfferType,
    PreventionLevel,
    ReferralReason,
    SchoolOutcome,
)
from amo_desktop.domain.figures import PeriodFigures, SchoolCapacity, StartWaits
from amo_desktop.reports.blocks import (
    count_table,
    key_figures,
    number,
    percent,
    small,
    suppressed_cells,
    table,
)
from amo_desktop.reports.capacity import capacity_chart, capacity_note, capacity_table
from amo_desktop.reports.document import ReportMeta, build_pdf
from amo_desktop.reports.glossary import glossary
from amo_desktop.reports.style import styles
from amo_desktop.reports.waiting import waiting_section


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
            start_waits={int(k): StartWaits(**v) for k, v in raw.get("start_waits", {}).items()},
        )


def _in_progress(data: SteeringData) -> int:
    """The school year still running when the report was made: marked 'tot nu'."""
    return SchoolYear.of(data.made_on).start_year


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


def _grade_label(code: str) -> str:
    if code == "onbekend":
        return "Onbekend"
    try:
        return Grade(code).label
    except ValueError:
        return code


def story(data: SteeringData) -> list[Flowable]:
    st = styles()
    p, ytd = data.period, data.year_to_date
    title = "Schoolrapport" if data.school_name else "Stuurgroeprapport"
    parts: list[Flowable] = [
        Paragraph(title + (f": {data.school_name}" if data.school_name else ""), st["title"]),
        Paragraph(_subtitle(data), st["subtitle"]),
        key_figures(
            [
                ("aanmeldingen deze periode", small(p.referrals)),
                ("aanmeldingen dit schooljaar", small(ytd.referrals)),
                ("op de wachtlijst", small(p.waiting_now)),
                ("lopende trajecten", small(p.running_trajectories)),
                ("begeleidingsuren", number(p.hours_delivered)),
            ]
        ),
        Spacer(1, 4),
        Paragraph(
            "Alle aantallen zijn geaggregeerd; aantallen jongeren onder 5 staan als "
            "\u201c&lt;5\u201d; een \u201cx\u201d verbergt een tweede cijfer, zodat een klein "
            "aantal niet uit het totaal af te leiden is. Wat elk cijfer telt, staat achteraan "
            "bij Begrippen.",
            st["small"],
        ),
        Paragraph("1. Aanmeldingen", st["h1"]),
    ]
    parts.append(
        table(
            ["", "Deze periode", "Schooljaar tot nu"],
            [
                ("Aanmeldingen", small(p.referrals), small(ytd.referrals)),
                *[
                    (
                        PreventionLevel(k).label,
                        small(p.referrals_by_prevention.get(k, 0)),
                        small(ytd.referrals_by_prevention.get(k, 0)),
                    )
                    for k in ("preventief", "curatief")
                ],
            ],
            widths=(90, 40, 44),
        )
    )
    if not data.school_name:
        parts += [Paragraph("Per school", st["h2"]), count_table("School", p.referrals_by_school)]
    parts += [
        Paragraph("Per aanbod", st["h2"]),
        count_table("Aanbod", p.referrals_by_offer, OfferType),
        Paragraph("Per graad", st["h2"]),
        table(
            ["Graad", "Aantal"],
            [(_grade_label(k), small(v)) for k, v in sorted(p.referrals_by_grade.items())]
            or [("(geen)", "0")],
            widths=(120, 30),
        ),
        Paragraph("Per reden (een aanmelding kan meer redenen hebben)", st["h2"]),
        count_table("Reden", p.referrals_by_reason, ReferralReason, total=False),
        *waiting_section(
            "2. Wachtlijst en wachttijd",
            p,
            data.evolution,
            data.start_waits,
            _in_progress(data),
        ),
        Paragraph("3. Trajecten en bereik", st["h1"]),
        table(
            ["", "Aantal"],
            [
                ("Lopende trajecten", small(p.running_trajectories)),
                ("Afgesloten trajecten in de periode", small(p.closed_trajectories)),
                ("Contactmomenten geleverd", number(p.sessions_delivered)),
                ("Begeleidingsuren geleverd", number(p.hours_delivered)),
                ("Jongeren bereikt (individueel)", small(p.youths_reached)),
                ("Klassen bereikt", number(p.classes_reached)),
                ("Leerlingen bereikt via klaswerking", small(p.pupils_reached_in_classes)),
            ],
            widths=(120, 30),
        ),
    ]
    caps = [c for c in data.capacity if not data.school_name or c.school_name == data.school_name]
    parts += [
        Paragraph("4. Capaciteit en inzet per school", st["h1"]),
        capacity_table(caps),
        capacity_note(),
        Spacer(1, 6),
        capacity_chart(caps),
    ]
    parts.append(Paragraph("5. Doelen en uitkomsten", st["h1"]))
    parts.append(
        Paragraph(
            f"Doelen bereikt: {small(p.goals_reached)} van {small(p.goals_evaluated)} geëvalueerde "
            f"doelen ({percent(p.goals_reached, p.goals_evaluated)}).",
            st["body"],
        )
    )
    parts += [
        KeepTogether(
            [
                Paragraph("Afsluitreden", st["h2"]),
                count_table("Reden", p.closure_reasons, ClosureReason),
            ]
        ),
        KeepTogether(
            [
                Paragraph("Schoolpositie bij afsluiting", st["h2"]),
                count_table("Uitkomst", p.outcomes, SchoolOutcome),
            ]
        ),
        Paragraph("6. Feedback en signalen", st["h1"]),
    ]
    feedback = data.feedback.strip() or "(Nog geen feedback ingevuld.)"
    for para in feedback.split("\n\n"):
        parts.append(Paragraph(_escape(para).replace("\n", "<br/>"), st["body"]))
    return parts + glossary()


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
    """The report's tables as sheets for Excel: the same figures and suppression as the PDF."""
    p = data.period

    def rows(counts: dict[str, int], name: Any = str) -> list[list[Any]]:
        shown = suppressed_cells(counts)
        return [
            [name(k), int(shown[k]) if shown[k].isdigit() else shown[k]] for k in sorted(counts)
        ]

    return {
        "Aanmeldingen per school": [["School", "Aantal"], *rows(p.referrals_by_school)],
        "Aanmeldingen per aanbod": [
            ["Aanbod", "Aantal"],
            *rows(p.referrals_by_offer, lambda k: OfferType(k).label),
        ],
        "Redenen": [
            ["Reden", "Aantal"],
            *rows(p.referrals_by_reason, lambda k: ReferralReason(k).label),
        ],
        "Capaciteit": [
            ["School", "Uren-leraar", "Recht", "Gebruikt", "Gepland"],
            *[
                [c.school_name, c.teacher_hours, c.entitled_hours, c.used_hours, c.planned_hours]
                for c in data.capacity
            ],
        ],
        "Evolutie": [
            ["Schooljaar", "Aanmeldingen"],
            *[
                [
                    f"{y}-{y + 1}" + (" (tot nu)" if y == _in_progress(data) else ""),
                    n if n >= 5 or n == 0 else "<5",
                ]
                for y, n in sorted(data.evolution.items())
            ],
        ],
        "Tijd tot start": start_wait_rows(data.start_waits, _in_progress(data)),
    }


def start_wait_rows(per_year: dict[int, StartWaits], in_progress: int) -> list[list[Any]]:
    """The time from referral to start per school year, as a sheet (counts under 5 hidden)."""
    return [
        [
            "Schooljaar",
            "Gestart",
            "Mediaan (kalenderdagen)",
            "Langste (kalenderdagen)",
            "Mediaan (schooldagen)",
            "Langste (schooldagen)",
        ],
        *[
            [
                f"{y}-{y + 1}" + (" (tot nu)" if y == in_progress else ""),
                w.started if w.started >= 5 else "<5",
                w.median_days,
                w.longest_days,
                w.median_school_days,
                w.longest_school_days,
            ]
            for y, w in sorted(per_year.items())
        ],
    ]
