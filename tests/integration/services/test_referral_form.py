"""The referral form: made for a school, filled as a school would, read back into exactly the
referral the intake form makes; hostile or foreign files refused with nothing saved."""

from __future__ import annotations

import contextlib
import io
import logging
import random
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select

from amo_desktop.domain.caseload import ClassGroup, Referral, Youth
from amo_desktop.domain.models import AuditEvent
from amo_desktop.errors import (
    FormDamagedError,
    FormFlattenedError,
    FormNewerError,
    FormNotOursError,
    FormOddError,
    FormOtherTeamError,
    FormScriptError,
    FormTooLargeError,
    KnownError,
    PermissionDeniedError,
)
from amo_desktop.services import intake, referral_form
from amo_desktop.services._form_read import FormValue, read_form_file
from amo_desktop.services.intake import DuplicateReferralError
from tests.integration.services.conftest import Stage
from tests.referral_forms import (
    CLASS_ANSWERS,
    PUPIL_ANSWERS,
    class_input,
    edit_field,
    fill,
    fill_with_pdfium,
    nest_field,
    pupil_input,
)

TODAY = date(2026, 12, 7)
SCHOOL = "Sint-Martinus Asse"


def make(stage: Stage, tmp_path: Path, for_class: bool = False) -> Path:
    return referral_form.make_form(
        stage.vault, stage.leader, SCHOOL, for_class, tmp_path / "form.pdf", today=TODAY
    )


def referral_count(stage: Stage) -> int:
    with stage.vault.session() as s:
        return s.scalar(select(func.count()).select_from(Referral)) or 0


def test_the_form_names_the_school_the_team_and_its_version(stage: Stage, tmp_path: Path) -> None:
    reader = PdfReader(make(stage, tmp_path))
    fields = reader.get_fields() or {}
    form_id = str(fields["amo_form"]["/V"])
    assert form_id.startswith(f"amo-aanmelding;1;{stage.vault.sidecar.vault_id};")
    assert form_id.split(";")[3] == stage.schools[SCHOOL]
    assert reader.metadata is not None and reader.metadata["/Keywords"] == form_id
    text = "".join(page.extract_text() for page in reader.pages)
    assert SCHOOL in text and "Groep INTRO" in text and "Lea Peeters" in text
    assert "Spijbelen / problematische afwezigheden" in text  # the DOMAIN labels
    assert "/JavaScript" not in str(reader.trailer["/Root"])
    assert {"youth_first_name", "youth_birth_date", "reason_pesten"} <= set(fields)
    assert fields["offer_type"]["/Opt"][1] == ["individuele_begeleiding", "Individuele begeleiding"]


def test_a_filled_pupil_form_reads_back_as_the_intake_form_would(
    stage: Stage, tmp_path: Path
) -> None:
    filled = fill(make(stage, tmp_path), PUPIL_ANSWERS, tmp_path / "filled.pdf")
    reading = referral_form.read_form(stage.vault, stage.leader, filled, TODAY)
    assert reading.problems == []
    assert reading.data == pupil_input(stage.schools[SCHOOL])
    assert reading.school_name == SCHOOL
    assert reading.birth_text == "14/03/2011"
    assert referral_count(stage) == 0  # reading saves nothing
    with stage.vault.session() as s:
        summary = referral_form.register_form(
            s, stage.leader, reading.data, reading.form_id, today=TODAY
        )
    assert summary.status == "wachtlijst"  # where a new referral from the intake form lands
    with stage.vault.session() as s:
        referral = s.get(Referral, summary.id)
        assert referral is not None and referral.channel == "formulier"
        assert referral.reasons == "spijbelen,welbevinden" and referral.via_clb
        youth = s.get(Youth, referral.youth_id)
        assert youth is not None and youth.first_name == "Zoë"
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.entity_id == summary.id)))
    imported = [e for e in events if e.action == "import"]
    assert [e.detail for e in imported] == [f"formulier {reading.form_id}"]
    assert all("Zoë" not in e.detail and "Broeck" not in e.detail for e in events)


def test_a_filled_class_form_reads_back_as_the_intake_form_would(
    stage: Stage, tmp_path: Path
) -> None:
    filled = fill(make(stage, tmp_path, for_class=True), CLASS_ANSWERS, tmp_path / "filled.pdf")
    reading = referral_form.read_form(stage.vault, stage.leader, filled, TODAY)
    assert reading.problems == []
    assert reading.data == class_input(stage.schools[SCHOOL], TODAY)
    with stage.vault.session() as s:
        summary = referral_form.register_form(
            s, stage.leader, reading.data, reading.form_id, today=TODAY
        )
        group = s.scalar(select(ClassGroup))
        assert group is not None and (group.label, group.pupil_count) == ("2A", 23)
    assert summary.subject_kind == "klasgroep"


def test_every_problem_is_named_by_its_field_with_the_intake_rules(
    stage: Stage, tmp_path: Path
) -> None:
    answers = {
        **CLASS_ANSWERS,
        "class_pupil_count": "honderd",
        "reason_klasdynamiek": "/Off",
        "reason_pesten": "/Off",
        "help_question": "",
        "received_on": "31/02/2026",
        "urgency": "dringend",
    }
    filled = fill(make(stage, tmp_path, for_class=True), answers, tmp_path / "filled.pdf")
    reading = referral_form.read_form(stage.vault, stage.leader, filled, TODAY)
    by_field = {p.field: p.message() for p in reading.problems}
    assert by_field == {
        "received_on": "Op het formulier staat '31/02/2026': vul de datum in als dd/mm/jjjj, "
        "bv. 14/03/2011.",
        "urgency": "Kies een waarde uit de lijst.",
        "reasons": "Kies minstens één waarde.",
        "help_question": "Dit veld is verplicht.",
        "class_pupil_count": "Vul het aantal leerlingen in (1 tot 60).",
    }
    assert reading.data.received_on == TODAY and reading.data.urgency == "normaal"


def test_a_label_instead_of_a_code_is_understood(stage: Stage, tmp_path: Path) -> None:
    """Some viewers save the label a referrer picked rather than the export value."""
    answers = {**PUPIL_ANSWERS, "offer_type": "Individuele begeleiding", "urgency": "Hoog"}
    filled = fill(make(stage, tmp_path), answers, tmp_path / "filled.pdf")
    reading = referral_form.read_form(stage.vault, stage.leader, filled, TODAY)
    assert reading.problems == [] and reading.data == pupil_input(stage.schools[SCHOOL])


def test_the_same_duplicate_warning_as_the_intake_form(stage: Stage, tmp_path: Path) -> None:
    filled = fill(make(stage, tmp_path), PUPIL_ANSWERS, tmp_path / "filled.pdf")
    reading = referral_form.read_form(stage.vault, stage.leader, filled, TODAY)
    with stage.vault.session() as s:
        intake.register_referral(s, stage.leader, pupil_input(stage.schools[SCHOOL]), today=TODAY)
    with pytest.raises(DuplicateReferralError) as caught, stage.vault.session() as s:
        referral_form.register_form(s, stage.leader, reading.data, reading.form_id, today=TODAY)
    assert caught.value.field == "youth"
    assert referral_count(stage) == 1


def test_a_coach_neither_makes_nor_reads_forms(stage: Stage, tmp_path: Path) -> None:
    filled = fill(make(stage, tmp_path), PUPIL_ANSWERS, tmp_path / "filled.pdf")
    with pytest.raises(PermissionDeniedError):
        referral_form.make_form(stage.vault, stage.an, SCHOOL, False, tmp_path / "x.pdf")
    with pytest.raises(PermissionDeniedError):
        referral_form.read_form(stage.vault, stage.an, filled, TODAY)


def test_an_unknown_school_is_one_line(stage: Stage, tmp_path: Path) -> None:
    with pytest.raises(KnownError) as caught:
        referral_form.make_form(stage.vault, stage.leader, "Nergens", False, tmp_path / "x.pdf")
    assert caught.value.message("nl").startswith("Er is geen school 'Nergens'.")
    assert not (tmp_path / "x.pdf").exists()


def test_import_forms_is_all_or_nothing(stage: Stage, tmp_path: Path) -> None:
    good = fill(make(stage, tmp_path), PUPIL_ANSWERS, tmp_path / "good.pdf")
    bad = fill(
        make(stage, tmp_path, True), {**CLASS_ANSWERS, "help_question": ""}, tmp_path / "bad.pdf"
    )
    result = referral_form.import_forms(stage.vault, stage.leader, [good, bad], TODAY)
    assert result.created == []
    assert result.problems == [(str(bad), "Hulpvraag: Dit veld is verplicht.")]
    assert referral_count(stage) == 0
    fine = fill(make(stage, tmp_path, True), CLASS_ANSWERS, tmp_path / "fine.pdf")
    result = referral_form.import_forms(stage.vault, stage.leader, [good, fine], TODAY)
    assert result.problems == [] and len(result.created) == 2
    again = referral_form.import_forms(stage.vault, stage.leader, [fine, good], TODAY)
    assert [p[0] for p in again.problems] == [str(fine), str(good)]  # both duplicates now
    assert referral_count(stage) == 2


# --- hostile and foreign files ----------------------------------------------------------------
def _refused(stage: Stage, path: Path, error: type[KnownError]) -> KnownError:
    with pytest.raises(error) as caught:
        referral_form.read_form(stage.vault, stage.leader, path, TODAY)
    assert referral_count(stage) == 0
    message = caught.value.message("nl")
    assert "\n" not in message and message.endswith(".")
    return caught.value


def test_a_huge_file_is_refused(stage: Stage, tmp_path: Path) -> None:
    huge = tmp_path / "huge.pdf"
    huge.write_bytes(make(stage, tmp_path).read_bytes() + b"%" + b"x" * (5 * 1024 * 1024))
    _refused(stage, huge, FormTooLargeError)


def test_too_many_pages_are_refused(stage: Stage, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(make(stage, tmp_path)))
    for _ in range(12):
        writer.add_blank_page(100, 100)
    many = tmp_path / "many.pdf"
    writer.write(many)
    _refused(stage, many, FormTooLargeError)


def test_nested_fields_are_refused(stage: Stage, tmp_path: Path) -> None:
    _refused(stage, nest_field(make(stage, tmp_path), tmp_path / "nested.pdf"), FormOddError)


def test_javascript_is_refused(stage: Stage, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(make(stage, tmp_path)))
    writer.add_open_action(JavaScript("app.alert('hallo');"))
    scripted = tmp_path / "scripted.pdf"
    writer.write(scripted)
    _refused(stage, scripted, FormScriptError)


def test_a_script_on_a_field_is_refused(stage: Stage, tmp_path: Path) -> None:
    script = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("1")}
    )
    edited = edit_field(make(stage, tmp_path), "help_question", tmp_path / "aa.pdf", A=script)
    _refused(stage, edited, FormScriptError)


@pytest.mark.parametrize(
    ("name", "entries"),
    [
        ("help_question", {"FT": NameObject("/Btn")}),  # a text turned into a button
        ("help_question", {"FT": NameObject("/Sig")}),  # a signature field
        ("offer_type", {"V": ArrayObject([TextStringObject("klasbakken")])}),  # several picked
        ("consent_youth", {"Ff": NumberObject(1 << 15)}),  # a radio group
        ("referrer_name", {"V": NumberObject(5)}),  # a number where text belongs
    ],
)
def test_wrong_field_types_are_refused(
    stage: Stage, tmp_path: Path, name: str, entries: dict[str, object]
) -> None:
    edited = edit_field(make(stage, tmp_path), name, tmp_path / "odd.pdf", **entries)
    _refused(stage, edited, FormOddError)


def test_a_form_of_another_team_is_refused(stage: Stage, tmp_path: Path) -> None:
    form = make(stage, tmp_path)
    text = str((PdfReader(form).get_fields() or {})["amo_form"]["/V"]).split(";")
    text[2] = "other-team"
    other = fill(form, {"amo_form": ";".join(text)}, tmp_path / "other.pdf")
    _refused(stage, other, FormOtherTeamError)


def test_a_form_of_a_newer_version_is_refused(stage: Stage, tmp_path: Path) -> None:
    form = make(stage, tmp_path)
    text = str((PdfReader(form).get_fields() or {})["amo_form"]["/V"]).split(";")
    text[1] = "2"
    newer = fill(form, {"amo_form": ";".join(text)}, tmp_path / "newer.pdf")
    _refused(stage, newer, FormNewerError)


def test_a_flattened_or_scanned_pdf_is_refused(stage: Stage, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "Aanmelding leerling (ingescand)")
    canvas.save()
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(buffer.getvalue())
    _refused(stage, scanned, FormFlattenedError)


def test_someone_elses_form_is_refused(stage: Stage, tmp_path: Path) -> None:
    stranger = fill(make(stage, tmp_path), {"amo_form": "iets anders"}, tmp_path / "x.pdf")
    _refused(stage, stranger, FormNotOursError)


@pytest.mark.parametrize("cut", [200, 5000, -300])
def test_a_damaged_file_is_refused(stage: Stage, tmp_path: Path, cut: int) -> None:
    raw = fill(make(stage, tmp_path), PUPIL_ANSWERS, tmp_path / "f.pdf").read_bytes()
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(raw[:cut] if cut > 0 else raw[:cut].replace(b"obj", b"ojb"))
    with pytest.raises((FormDamagedError, FormFlattenedError, FormNotOursError)):
        referral_form.read_form(stage.vault, stage.leader, damaged, TODAY)
    assert referral_count(stage) == 0


def test_not_a_pdf_at_all_is_refused(stage: Stage, tmp_path: Path) -> None:
    text = tmp_path / "brief.pdf"
    text.write_text("Beste, hierbij de aanmelding.", encoding="utf-8")
    _refused(stage, text, FormDamagedError)


# --- a form filled and saved in a real PDF viewer ---------------------------------------------
EVINCE = Path(__file__).parents[2] / "data" / "referral-form-evince.pdf"


def test_a_form_filled_in_evince_reads_back(stage: Stage) -> None:
    """Filled and saved in Evince (poppler) under Xvfb, made by another vault: its fields read
    as codes and on/off, and the vault that did not make it refuses it."""
    fields = read_form_file(EVINCE).fields
    assert fields["offer_type"] == FormValue("/Ch", "individuele_begeleiding")
    assert fields["youth_gender"] == FormValue("/Ch", "v")
    assert fields["youth_first_name"] == FormValue("/Tx", "Zoë")
    assert fields["help_question"].value == (
        "Komt sinds oktober nog zelden naar school.\nWil graag terug."
    )
    assert fields["reason_welbevinden"] == FormValue("/Btn", True)
    assert fields["parents_informed"] == FormValue("/Btn", False)
    checked = {n for n, v in fields.items() if v.kind == "/Btn" and v.value is True}
    assert checked == {"via_clb", "reason_spijbelen", "reason_welbevinden", "consent_youth"}
    _refused(stage, EVINCE, FormOtherTeamError)


def test_a_form_filled_with_pdfium_reads_back(stage: Stage, tmp_path: Path) -> None:
    """PDFium (Chrome's and Edge's PDF engine) fills and saves the form; the referral read back
    is exactly the intake form's, line breaks included."""
    filled = fill_with_pdfium(make(stage, tmp_path), PUPIL_ANSWERS, tmp_path / "chrome.pdf")
    raw_text = (PdfReader(filled).get_fields() or {})["help_question"]["/V"]
    assert "\r\n" in raw_text  # as PDFium saves a line break
    reading = referral_form.read_form(stage.vault, stage.leader, filled, TODAY)
    assert reading.problems == []
    assert reading.data == pupil_input(stage.schools[SCHOOL])
    klas = fill_with_pdfium(make(stage, tmp_path, True), CLASS_ANSWERS, tmp_path / "edge.pdf")
    reading = referral_form.read_form(stage.vault, stage.leader, klas, TODAY)
    assert reading.problems == [] and reading.data == class_input(stage.schools[SCHOOL], TODAY)


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name}: {record.getMessage()}")


def test_a_damaged_form_logs_nothing_of_its_content(stage: Stage, tmp_path: Path) -> None:
    """pypdf describes what it stumbles over with a piece of the file (a name, a question):
    none of it reaches the root logger, whose last resort is stderr (the command line's one
    clear line per file)."""
    raw = bytearray(fill(make(stage, tmp_path), PUPIL_ANSWERS, tmp_path / "f.pdf").read_bytes())
    at = raw.index(b"Van den Broeck")
    raw[at - 40 : at + 40] = bytes(reversed(raw[at - 40 : at + 40]))
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(bytes(raw))
    kept, root = _Kept(), logging.getLogger()
    root.addHandler(kept)
    try:
        with contextlib.suppress(KnownError):
            referral_form.read_form(stage.vault, stage.leader, damaged, TODAY)
    finally:
        root.removeHandler(kept)
    assert kept.lines == []


def test_mutated_forms_are_read_or_refused_quickly(stage: Stage, tmp_path: Path) -> None:
    """Random damage to a filled form: every file reads or is one KnownError, never a crash and
    none hanging: each within five seconds, on a busy machine (a fixed seed, so a failure can be
    replayed; alone each takes well under 0.2 s)."""
    raw = EVINCE.read_bytes()
    rng = random.Random(16)
    mutated = tmp_path / "mutated.pdf"
    for _ in range(120):
        data = bytearray(raw)
        for _ in range(rng.choice([1, 5, 50])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            start = rng.randrange(len(data))
            del data[start : start + rng.randrange(5000)]
        mutated.write_bytes(bytes(data))
        began = time.perf_counter()
        with contextlib.suppress(KnownError):
            read_form_file(mutated)
        assert time.perf_counter() - began < 5.0


def test_a_form_locked_with_a_password_is_refused_one_only_for_editing_reads(
    stage: Stage, tmp_path: Path
) -> None:
    """Some viewers save with an owner password (no password needed to open): that reads. A
    password needed to open it cannot be read: refused, nothing saved."""
    filled = fill(make(stage, tmp_path), PUPIL_ANSWERS, tmp_path / "f.pdf")
    for user_password, name in (("", "owner.pdf"), ("geheim", "locked.pdf")):
        writer = PdfWriter(clone_from=PdfReader(filled))
        writer.encrypt(user_password, "eigenaar", algorithm="AES-128")
        writer.write(tmp_path / name)
    reading = referral_form.read_form(stage.vault, stage.leader, tmp_path / "owner.pdf", TODAY)
    assert reading.data == pupil_input(stage.schools[SCHOOL])
    _refused(stage, tmp_path / "locked.pdf", FormDamagedError)


def test_a_missing_file_or_a_folder_is_one_known_line(stage: Stage, tmp_path: Path) -> None:
    """A file gone between choosing and reading (or a folder dropped) is the input's own
    error, not a crash."""
    for path in (tmp_path / "weg.pdf", tmp_path):
        with pytest.raises(KnownError):
            read_form_file(path)
