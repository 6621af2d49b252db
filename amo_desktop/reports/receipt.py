"""The receipt for a school as a one-page PDF, with the expected wait and the sentence why."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from reportlab.platypus import Flowable, Paragraph

from amo_desktop.domain.enums import (
    OfferType,
    ReferralReason,
    ReferralStatus,
    SubjectKind,
    Urgency,
    label_of,
)
from amo_desktop.reports.blocks import table
from amo_desktop.reports.disclosure import small
from amo_desktop.reports.document import ReportMeta, build_pdf
from amo_desktop.reports.style import styles

_NEXT_STEP = {
    ReferralStatus.NIEUW.value: (
        "We nemen contact met u op voor een eerste gesprek om de vraag te verhelderen."
    ),
    ReferralStatus.VRAAGVERHELDERING.value: (
        "We verhelderen de vraag samen met u en de betrokkenen; daarna plannen we de begeleiding."
    ),
    ReferralStatus.WACHTLIJST.value: (
        "De aanmelding staat op onze wachtlijst. Zodra een begeleider vrij is, nemen we contact "
        "met u op om te starten."
    ),
    ReferralStatus.TOEGEWEZEN.value: (
        "Een begeleider is toegewezen en neemt contact met u op om te starten."
    ),
    ReferralStatus.GESTART.value: "De begeleiding is gestart.",
}
_WAITING = frozenset(
    {
        ReferralStatus.NIEUW.value,
        ReferralStatus.VRAAGVERHELDERING.value,
        ReferralStatus.WACHTLIJST.value,
    }
)
DISCLAIMER = (
    "Dit is een schatting uit onze eigen gegevens van de voorbije maanden: hoe lang gelijkaardige "
    "aanmeldingen wachtten en hoeveel begeleidingen er startten. Het is geen belofte; bij een "
    "dringende wijziging kunt u ons altijd contacteren."
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def weeks_text(low: int, high: int) -> str:
    """'3 tot 6 weken', 'minder dan 2 weken'."""
    if low <= 0:
        return f"minder dan {high} {'week' if high == 1 else 'weken'}"
    return f"{low} tot {high} weken"


def _in_words(count: int) -> str:
    """A count for a sentence: the small-cell rule's "<5" reads as "minder dan 5"."""
    shown = small(count)
    return f"minder dan {shown[1:]}" if shown.startswith("<") else shown


def expected_lines(data: Any) -> list[str]:
    """The expected wait and why, in Dutch, from the codes the estimate gives."""
    e = data.expected
    if data.status not in _WAITING:
        return ["Er is geen wachttijd meer: de aanmelding staat niet meer op de wachtlijst."]
    if e.range is None:
        first = (
            "Verwachte wachttijd: onvoldoende gegevens. We hebben te weinig gelijkaardige "
            "aanmeldingen uit de voorbije maanden om een eerlijke schatting te geven."
        )
    else:
        since = "" if data.made_on == data.received_on else f" vanaf {data.made_on:%d/%m/%Y}"
        first = f"<b>Verwachte wachttijd{since}: {weeks_text(e.range.low, e.range.high)}</b>."
    usage = (
        f"{_escape(data.school_name)} heeft dit schooljaar geen afgesproken uren"
        if e.school_usage_pct is None
        else f"{_escape(data.school_name)} gebruikte dit schooljaar {e.school_usage_pct} % van "
        "haar deel van de uren"
    )
    offer = label_of(e.offer_type, OfferType).lower()
    ahead = (
        f"voor {offer} wacht nu geen andere aanmelding vóór deze"
        if e.ahead == 0
        else f"voor {offer} wachten nu {_in_words(e.ahead)} aanmeldingen vóór deze"
    )
    why = (
        f"Waarom: de urgentie is {label_of(e.urgency, Urgency).lower()}; {usage}; {ahead}; "
        f"op de hele wachtlijst staan {_in_words(e.list_length)} aanmeldingen."
    )
    return [first, why, DISCLAIMER]


def story(data: Any) -> list[Flowable]:
    st = styles()
    subject = (
        "Jongere"
        if data.subject_kind == SubjectKind.JONGERE
        else label_of(data.subject_kind, SubjectKind)
    )
    asked = [
        ("Ontvangen op", f"{data.received_on:%d/%m/%Y}"),
        ("School", _escape(data.school_name)),
        (subject, _escape(data.subject_label)),
        ("Aangemeld door", _escape(data.referrer_name) or "–"),
        ("Gevraagd aanbod", label_of(data.offer_type, OfferType)),
        ("Reden", "; ".join(label_of(c, ReferralReason) for c in data.reasons) or "–"),
        ("Hulpvraag", _escape(data.help_question).replace("\n", "<br/>") or "–"),
    ]
    if data.group_description:
        asked.append(("Groep", _escape(data.group_description)))
    next_step = _NEXT_STEP.get(
        data.status, f"De aanmelding is afgesloten ({label_of(data.status, ReferralStatus)})."
    )
    parts: list[Flowable] = [
        Paragraph("Ontvangstbevestiging van uw aanmelding", st["title"]),
        Paragraph(
            f"{_escape(data.organisation)} · {data.made_on:%d/%m/%Y}",
            st["subtitle"],
        ),
        Paragraph(
            f"Beste, we hebben uw aanmelding goed ontvangen op {data.received_on:%d/%m/%Y}. "
            "Dit is wat we ontvingen.",
            st["body"],
        ),
        Paragraph("Wat u vroeg", st["h1"]),
        table(["Gegeven", "Zoals ontvangen"], asked, widths=(40, 134), numeric_from=9),
        Paragraph("De volgende stap", st["h1"]),
        Paragraph(next_step, st["body"]),
        Paragraph("Hoe lang het kan duren", st["h1"]),
    ]
    parts += [Paragraph(line, st["body"]) for line in expected_lines(data)]
    return parts


def render(data: Any, out: Path | IO[bytes], author: str = "") -> None:
    meta = ReportMeta(
        title="Ontvangstbevestiging",
        period=f"ontvangen {data.received_on:%d/%m/%Y}",
        organisation=data.organisation,
        author=author,
        confidential=True,
        subject="Ontvangstbevestiging van een aanmelding",
        keywords=("AMO", "aanmelding", "ontvangstbevestiging"),
    )
    build_pdf(out, meta, story(data))
