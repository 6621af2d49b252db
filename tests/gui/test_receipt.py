"""Ontvangstbevestiging on Aanmeldingen: from the selected referral, and offered right after a new
referral is saved; the PDF lands where the user chose and names the pupil."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.aanmeldingen.page import ReferralsPage
from tests.gui import test_referrals
from tests.gui.test_referrals import Stage, _fill_form

# the referrals page on its three-referral stage, as test_referrals makes them
stage = test_referrals.stage
page = test_referrals.page


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(p.extract_text() for p in reader.pages)


def test_receipt_from_the_selected_referral(
    qtbot, page: ReferralsPage, ctx: AppContext, stage: Stage, tmp_path: Path
) -> None:
    assert page.select_referral(stage.ids["zoe"])
    page.load_detail()
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    button = page.detail.receipt_button
    assert button.isVisibleTo(page) and button.text() == "Ontvangstbe&vestiging…"
    ctx.prompts.save_path = tmp_path / "bevestiging"  # no suffix: .pdf is added
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    target = tmp_path / "bevestiging.pdf"
    qtbot.waitUntil(lambda: page.detail.receipt_note.text() != "")
    assert ctx.prompts.kinds() == ["save_file"]
    assert ctx.prompts.calls[0][1] == "Ontvangstbevestiging opslaan als"
    assert page.detail.receipt_note.text() == f"Ontvangstbevestiging bewaard in {target}."
    text = _pdf_text(target)
    assert "Zoë Peeters" in text and "Sint-Martinus Asse" in text
    assert "Milan" not in text and "Merchtem" not in text
    assert "onvoldoende gegevens" in text  # no history in this vault

    page.select_referral(stage.ids["milan"])  # another referral: the note is not its own
    page.load_detail()
    qtbot.waitUntil(lambda: page.detail.detail.summary.id == stage.ids["milan"])
    assert page.detail.receipt_note.text() == ""


def test_a_new_referral_offers_the_receipt(
    qtbot, page: ReferralsPage, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.prompts.save_path = tmp_path / "lina.pdf"
    form = page.open_new_form()
    _fill_form(form, "GTSM Merchtem", "Lina", "Maes")
    form.help_question.setPlainText("Zit niet goed in haar vel.")
    QTest.keyClick(form.youth_last_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (tmp_path / "lina.pdf").exists())
    assert ctx.prompts.kinds() == ["confirm", "save_file"]
    assert ctx.prompts.calls[0][1] == "Ontvangstbevestiging"
    assert "Lina Maes" in _pdf_text(tmp_path / "lina.pdf")


def test_declining_the_offer_makes_nothing(
    qtbot, page: ReferralsPage, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.prompts.confirm_answer = False
    ctx.prompts.save_path = tmp_path / "lina.pdf"
    form = page.open_new_form()
    _fill_form(form, "GTSM Merchtem", "Lina", "Maes")
    form.help_question.setPlainText("Zit niet goed in haar vel.")
    QTest.keyClick(form.youth_last_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    assert ctx.prompts.kinds() == ["confirm"]
    assert not (tmp_path / "lina.pdf").exists()
