"""The fillable referral form (AcroForm PDF) a school fills in offline and the team reads back.

Every field is named after the `ReferralInput` attribute it fills; choices carry the code as
export value and the Dutch label of DOMAIN.md §7.2 as what the referrer sees. No JavaScript:
dates are plain text (dd/mm/jjjj), checked when the form is read back. The hidden, read-only
field `amo_form` (also in the metadata) names the form version, the team, the school and the
kind of form, so a form for another team or from a newer program is refused.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from amo_desktop.domain.enums import (
    CarePhase,
    Function,
    Gender,
    LabeledEnum,
    OfferType,
    PreventionLevel,
    ReferralReason,
    Urgency,
)
from amo_desktop.reports.style import FONT, FONT_BOLD, GREY_DARK, GREY_MID, register_fonts

FORM_VERSION = 1
ID_FIELD = "amo_form"
ID_PREFIX = "amo-aanmelding"
PUPIL, CLASS = "jongere", "klasgroep"
REASON_PREFIX = "reason_"
# The choices on the form and their enums; codes are the export values.
CHOICES: dict[str, type[LabeledEnum]] = {
    "referrer_function": Function,
    "youth_gender": Gender,
    "offer_type": OfferType,
    "prevention_level": PreventionLevel,
    "urgency": Urgency,
    "care_phase": CarePhase,
}
# What the referrer reads beside each field (and a problem with it is named by).
LABELS = {
    "referrer_name": "Uw naam",
    "referrer_function": "Uw functie",
    "referrer_org": "Organisatie (bv. CLB)",
    "via_clb": "Aangemeld via het CLB",
    "received_on": "Datum aanmelding",
    "youth": "Leerling",
    "youth_first_name": "Voornaam",
    "youth_last_name": "Achternaam",
    "youth_birth_date": "Geboortedatum",
    "youth_gender": "Geslacht",
    "class_label": "Klas",
    "study_year": "Studiejaar",
    "class_group_label": "Klas",
    "class_pupil_count": "Aantal leerlingen",
    "offer_type": "Gevraagd aanbod",
    "prevention_level": "Preventief of curatief",
    "urgency": "Urgentie",
    "care_phase": "Zorgcontinuüm",
    "reasons": "Redenen van aanmelding",
    "help_question": "Hulpvraag",
    "actions_taken": "Al ondernomen",
    "school_id": "School",
}
REQUIRED = frozenset(
    {
        "youth_first_name",
        "youth_last_name",
        "class_group_label",
        "class_pupil_count",
        "offer_type",
        "prevention_level",
        "help_question",
    }
)
# How long each text may be on the form (the intake checks its own limits again).
MAX_LENGTH = {"help_question": 4000, "actions_taken": 4000}
TEXT_MAX = 200
UNCHOSEN = "(kies)"

_FIELD_FILL = HexColor("#F4F7FB")
_FIELD_BORDER = HexColor("#7A8CA5")
_LEFT = 18 * mm
_WIDTH = A4[0] - 2 * _LEFT
_LABEL_WIDTH = 52 * mm


@dataclass(frozen=True)
class FormIdentity:
    """What the form says about itself: version, team, school and kind, plus its own id."""

    version: int
    team_id: str
    school_id: str
    kind: str
    nonce: str

    def text(self) -> str:
        return ";".join(
            (ID_PREFIX, str(self.version), self.team_id, self.school_id, self.kind, self.nonce)
        )

    @classmethod
    def parse(cls, text: str) -> FormIdentity | None:
        """The identity in a form's id field; None when it is not one of ours."""
        parts = text.strip().split(";")
        if len(parts) != 6 or parts[0] != ID_PREFIX or not parts[1].isdigit():
            return None
        return cls(int(parts[1]), parts[2], parts[3], parts[4], parts[5])


@dataclass(frozen=True)
class FormHeader:
    """The prefilled part: who the form is for and where it goes back to."""

    organisation: str
    contact: str
    school_name: str
    made_on: str  # dd/mm/jjjj


def _label_of(name: str) -> str:
    return LABELS[name] + (" *:" if name in REQUIRED else ":")


class _Sheet:
    """A canvas with a cursor going down the page and helpers for labelled fields."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.y = A4[1] - 20 * mm
        self.form = canvas.acroForm

    def need(self, height: float) -> None:
        if self.y - height < 22 * mm:
            self.c.showPage()
            self.y = A4[1] - 20 * mm

    def heading(self, text: str) -> None:
        self.need(16 * mm)
        self.y -= 7 * mm
        self.c.setFont(FONT_BOLD, 11.5)
        self.c.setFillColor(GREY_DARK)
        self.c.drawString(_LEFT, self.y, text)
        self.c.setStrokeColor(GREY_MID)
        self.c.setLineWidth(0.5)
        self.c.line(_LEFT, self.y - 2, _LEFT + _WIDTH, self.y - 2)
        self.y -= 5 * mm

    def note(self, text: str, size: float = 8.5) -> None:
        self.need(5 * mm)
        self.c.setFont(FONT, size)
        self.c.setFillColor(GREY_DARK)
        self.c.drawString(_LEFT, self.y - size, text)
        self.y -= size + 3.5

    def _label(self, text: str, height: float, x: float = _LEFT) -> None:
        self.c.setFont(FONT, 9.5)
        self.c.setFillColor(GREY_DARK)
        self.c.drawString(x, self.y - min(height, 6 * mm) + 5, text)

    def _style(self) -> dict[str, object]:
        return {
            "fillColor": _FIELD_FILL,
            "borderColor": _FIELD_BORDER,
            "textColor": GREY_DARK,
            "borderWidth": 0.6,
            "forceBorder": True,
        }

    def text(self, name: str, hint: str = "", lines: int = 1, width: float = 0.0) -> None:
        label = _label_of(name)
        height = 6.5 * mm if lines == 1 else lines * 4.6 * mm + 2 * mm
        self.need(height + 4 * mm)
        self._label(label, height)
        box = width or (_WIDTH - _LABEL_WIDTH)
        self.form.textfield(
            name=name,
            tooltip=label.rstrip(":"),
            x=_LEFT + _LABEL_WIDTH,
            y=self.y - height,
            width=box,
            height=height,
            fontName="Helvetica",
            fontSize=10 if lines == 1 else 9.5,
            maxlen=MAX_LENGTH.get(name, TEXT_MAX),
            fieldFlags="multiline doNotScroll" if lines > 1 else "",
            **self._style(),
        )
        if hint:
            self.c.setFont(FONT, 8)
            self.c.setFillColor(GREY_MID)
            self.c.drawString(_LEFT + _LABEL_WIDTH + box + 2 * mm, self.y - height + 5, hint)
        self.y -= height + 2.5 * mm

    def choice(self, name: str, value: str = "") -> None:
        label = _label_of(name)
        height = 6.5 * mm
        self.need(height + 4 * mm)
        self._label(label, height)
        # ReportLab needs a value: an unchosen list shows "(kies)", whose code is empty.
        options: list[tuple[str, str]] = [] if value else [(UNCHOSEN, "")]
        options += [(m.label, m.value) for m in CHOICES[name]]
        self.form.choice(
            name=name,
            tooltip=label.rstrip(":"),
            value=value or UNCHOSEN,
            options=options,
            x=_LEFT + _LABEL_WIDTH,
            y=self.y - height,
            width=_WIDTH - _LABEL_WIDTH,
            height=height,
            fontName="Helvetica",
            fontSize=10,
            **self._style(),
        )
        self.y -= height + 2.5 * mm

    def check(
        self, name: str, label: str, x: float = _LEFT, advance: bool = True, font: float = 9.5
    ) -> None:
        size = 4.6 * mm
        self.need(size + 3 * mm)
        self.form.checkbox(
            name=name,
            tooltip=label,
            x=x,
            y=self.y - size,
            size=size,
            buttonStyle="check",
            fieldFlags="",
            **self._style(),
        )
        self.c.setFont(FONT, font)
        self.c.setFillColor(GREY_DARK)
        self.c.drawString(x + size + 2 * mm, self.y - size + 3.5, label)
        if advance:
            self.y -= size + 2.2 * mm


def _header(sheet: _Sheet, header: FormHeader, kind: str) -> None:
    c = sheet.c
    c.setFont(FONT_BOLD, 17)
    c.setFillColor(GREY_DARK)
    title = "Aanmelding klas of groep" if kind == CLASS else "Aanmelding leerling"
    c.drawString(_LEFT, sheet.y, title)
    c.setFont(FONT, 10.5)
    c.drawString(_LEFT, sheet.y - 6 * mm, f"voor {header.organisation}")
    sheet.y -= 12 * mm
    sheet.note(f"School: {header.school_name}", 10.5)
    contact = f"Terugsturen naar: {header.organisation}"
    if header.contact:
        contact += f" ({header.contact})"
    sheet.note(contact, 10.5)
    sheet.y -= 2 * mm
    for line in (
        "Vul het formulier in op de computer (Adobe Reader, Edge, Chrome, Firefox of een andere",
        "pdf-lezer), bewaar het en stuur het bestand terug. Niet afdrukken en inscannen: dan kunnen",
        "wij het niet inlezen. Datums als dd/mm/jjjj, bv. 14/03/2011. Velden met * zijn nodig.",
    ):
        sheet.note(line, 9)


def _referrer(sheet: _Sheet) -> None:
    sheet.heading("Aanmelder")
    sheet.text("referrer_name")
    sheet.choice("referrer_function", "zorgcoordinator")
    sheet.text("referrer_org")
    sheet.check("via_clb", "Aangemeld via het CLB")
    sheet.text("received_on", "dd/mm/jjjj", width=32 * mm)


def _subject(sheet: _Sheet, kind: str) -> None:
    if kind == CLASS:
        sheet.heading("Klas of groep")
        sheet.text("class_group_label", "bv. 2A", width=32 * mm)
        sheet.text("study_year", "bv. 2e jaar", width=32 * mm)
        sheet.text("class_pupil_count", "1 tot 60", width=20 * mm)
        return
    sheet.heading("Leerling")
    sheet.text("youth_first_name")
    sheet.text("youth_last_name")
    sheet.text("youth_birth_date", "dd/mm/jjjj", width=32 * mm)
    sheet.choice("youth_gender", "nvt")
    sheet.text("class_label", "bv. 3B", width=32 * mm)
    sheet.text("study_year", "bv. 3e jaar", width=32 * mm)


def _offer(sheet: _Sheet) -> None:
    sheet.heading("Vraag")
    sheet.choice("offer_type")
    sheet.choice("prevention_level")
    sheet.choice("urgency", "normaal")
    sheet.choice("care_phase", "onbekend")


def _reasons(sheet: _Sheet) -> None:
    members = list(ReferralReason)
    half = (len(members) + 1) // 2
    sheet.need(half * 6.8 * mm + 14 * mm)  # the list stays on one page
    sheet.heading("Redenen van aanmelding * (minstens één)")
    for left, right in zip(members[:half], [*members[half:], None], strict=True):
        sheet.check(REASON_PREFIX + left.value, left.label, advance=right is None, font=8.5)
        if right is not None:
            sheet.check(REASON_PREFIX + right.value, right.label, x=_LEFT + _WIDTH * 0.42, font=8.5)


def _question(sheet: _Sheet, kind: str) -> None:
    sheet.heading("Hulpvraag")
    sheet.note("Wat is de vraag, en wat wilt u dat er verandert? Gebruik geen andere namen.")
    sheet.text("help_question", lines=7)
    sheet.text("actions_taken", lines=4)
    sheet.heading("Toestemming")
    if kind == CLASS:
        sheet.check("consent_youth", "De school gaat akkoord met de begeleiding")
    else:
        sheet.check("consent_youth", "De jongere geeft toestemming voor begeleiding")
    sheet.check("parents_informed", "Ouders zijn op de hoogte")


def _footer(canvas: Canvas, identity: FormIdentity) -> None:
    """The hidden id field, and the form's version and id as small print on the last page."""
    canvas.acroForm.textfield(
        name=ID_FIELD,
        value=identity.text(),
        x=_LEFT,
        y=10 * mm,
        width=10,
        height=10,
        fontName="Helvetica",
        fieldFlags="readOnly",
        annotationFlags="hidden",
        borderWidth=0,
        fillColor=white,
        maxlen=400,
    )
    canvas.setFont(FONT, 7)
    canvas.setFillColor(GREY_MID)
    canvas.drawString(
        _LEFT, 12 * mm, f"Formulierversie {identity.version} · formulier {identity.nonce}"
    )


def render(header: FormHeader, identity: FormIdentity) -> bytes:
    """The form as PDF bytes, kept in memory until it is saved."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    kind = identity.kind
    title = "Aanmelding klas of groep" if kind == CLASS else "Aanmelding leerling"
    canvas.setTitle(f"{title} – {header.school_name}")
    canvas.setAuthor(header.organisation)
    canvas.setSubject(f"Aanmeldingsformulier {header.organisation}, gemaakt op {header.made_on}")
    canvas.setKeywords(identity.text())
    canvas.setCreator(f"AMO Desktop (formulierversie {identity.version})")
    sheet = _Sheet(canvas)
    _header(sheet, header, kind)
    _referrer(sheet)
    _subject(sheet, kind)
    _offer(sheet)
    _reasons(sheet)
    _question(sheet, kind)
    _footer(canvas, identity)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
