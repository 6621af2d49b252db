"""Filling a referral form as a school would (pypdf, the way a PDF viewer saves it), and the
referral the intake form makes from the same answers, for the round-trip tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from amo_desktop.services.intake import ReferralInput

PUPIL_ANSWERS = {
    "referrer_name": "Els Claes",
    "referrer_function": "leerlingenbegeleider",
    "received_on": "03/12/2026",
    "youth_first_name": "Zoë",
    "youth_last_name": "Van den Broeck",
    "youth_birth_date": "14/03/2011",
    "youth_gender": "v",
    "class_label": "3B",
    "study_year": "3e jaar",
    "offer_type": "individuele_begeleiding",
    "prevention_level": "curatief",
    "urgency": "hoog",
    "care_phase": "verhoogde_zorg",
    "help_question": "Komt sinds oktober nog zelden naar school.\nWil graag terug.",
    "actions_taken": "Gesprek met ouders.",
    "reason_spijbelen": "/Yes",
    "reason_welbevinden": "/Yes",
    "via_clb": "/Yes",
    "consent_youth": "/Yes",
}

CLASS_ANSWERS = {
    "referrer_name": "Tom Peeters",
    "referrer_function": "zorgcoordinator",
    "class_group_label": "2A",
    "study_year": "2e jaar",
    "class_pupil_count": "23",
    "offer_type": "klasbegeleiding",
    "prevention_level": "preventief",
    "help_question": "Veel onrust en pesten in de klas.",
    "reason_klasdynamiek": "/Yes",
    "reason_pesten": "/Yes",
    "consent_youth": "/Yes",
    "parents_informed": "/Yes",
}


def pupil_input(school_id: str) -> ReferralInput:
    """What the intake form makes of PUPIL_ANSWERS."""
    return ReferralInput(
        received_on=date(2026, 12, 3),
        school_id=school_id,
        subject_kind="jongere",
        offer_type="individuele_begeleiding",
        prevention_level="curatief",
        reasons=["spijbelen", "welbevinden"],
        help_question="Komt sinds oktober nog zelden naar school.\nWil graag terug.",
        channel="formulier",
        referrer_name="Els Claes",
        referrer_function="leerlingenbegeleider",
        via_clb=True,
        urgency="hoog",
        care_phase="verhoogde_zorg",
        actions_taken="Gesprek met ouders.",
        consent_youth=True,
        youth_first_name="Zoë",
        youth_last_name="Van den Broeck",
        youth_birth_date=date(2011, 3, 14),
        youth_gender="v",
        class_label="3B",
        study_year="3e jaar",
    )


def class_input(school_id: str, today: date) -> ReferralInput:
    """What the intake form makes of CLASS_ANSWERS (no date on the form: received today)."""
    return ReferralInput(
        received_on=today,
        school_id=school_id,
        subject_kind="klasgroep",
        offer_type="klasbegeleiding",
        prevention_level="preventief",
        reasons=["pesten", "klasdynamiek"],
        help_question="Veel onrust en pesten in de klas.",
        channel="formulier",
        referrer_name="Tom Peeters",
        referrer_function="zorgcoordinator",
        consent_youth=True,
        parents_informed=True,
        study_year="2e jaar",
        class_group_label="2A",
        class_pupil_count=23,
    )


def fill(form: Path, answers: dict[str, Any], out: Path) -> Path:
    """The form with the answers filled in and saved, as a school's PDF viewer does."""
    writer = PdfWriter(clone_from=PdfReader(form))
    writer.update_page_form_field_values(None, answers, auto_regenerate=False)
    with open(out, "wb") as handle:
        writer.write(handle)
    return out


def edit_field(form: Path, name: str, out: Path, **entries: Any) -> Path:
    """The form with raw entries of one field changed (a hostile or odd file)."""
    writer = PdfWriter(clone_from=PdfReader(form))
    for ref in writer._root_object["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field["/T"] == name:
            for key, value in entries.items():
                field[NameObject(f"/{key}")] = value
    with open(out, "wb") as handle:
        writer.write(handle)
    return out


def nest_field(form: Path, out: Path) -> Path:
    """The form with a field inside the help question (a field tree a school's form never has)."""
    writer = PdfWriter(clone_from=PdfReader(form))
    for ref in writer._root_object["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field["/T"] == "help_question":
            child = DictionaryObject(
                {
                    NameObject("/T"): TextStringObject("inner"),
                    NameObject("/FT"): NameObject("/Tx"),
                    NameObject("/V"): TextStringObject("x"),
                }
            )
            field[NameObject("/Kids")] = ArrayObject([writer._add_object(child)])
    with open(out, "wb") as handle:
        writer.write(handle)
    return out


def fill_with_pdfium(form: Path, answers: dict[str, str], out: Path) -> Path:
    """The form filled through PDFium's form API, the engine of Chrome's and Edge's PDF viewer:
    a click on each field, typed characters, a choice picked by its place in the list, a click
    on each checkbox to tick, then saved as a copy (line breaks are saved as \\r\\n)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_raw

    widgets: dict[str, tuple[int, list[float], list[str]]] = {}
    for number, page in enumerate(PdfReader(form).pages):
        for annot in page.get("/Annots", []):
            widget = annot.get_object()
            options = [str(o[0]) for o in widget.get("/Opt", [])]
            widgets[str(widget["/T"])] = (number, [float(v) for v in widget["/Rect"]], options)
    pdf = pdfium.PdfDocument(form)
    pdf.init_forms()
    env = pdf.formenv.raw
    kept = [pdf[i] for i in range(len(pdf))]  # the page objects keep their handles open
    pages = [page.raw for page in kept]
    for page in pages:
        pdfium_raw.FORM_OnAfterLoadPage(page, env)
    for name, value in answers.items():
        number, (x0, y0, x1, y1), options = widgets[name]
        page, x, y = pages[number], (x0 + x1) / 2, (y0 + y1) / 2
        if value == "/Off":
            continue
        pdfium_raw.FORM_OnLButtonDown(env, page, 0, x, y)
        pdfium_raw.FORM_OnLButtonUp(env, page, 0, x, y)
        if options:
            pdfium_raw.FORM_SetIndexSelected(env, page, options.index(value), True)
        elif value != "/Yes":
            for char in value:
                key = 0x0D if char == "\n" else ord(char)
                pdfium_raw.FORM_OnChar(env, page, key, 0)
        pdfium_raw.FORM_ForceToKillFocus(env)
    for page in pages:
        pdfium_raw.FORM_OnBeforeClosePage(page, env)
    pdf.save(out)
    return out
