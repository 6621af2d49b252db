"""First run: the wizard creates a real vault and cannot finish before the key is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from amo_desktop.services import accounts
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.shell.wizard import PAGE_ACCOUNT, PAGE_KEY, FirstRunWizard

PASSWORD = "Een-sterk-wachtwoord-42"


def _open_account_page(qtbot, ctx: AppContext) -> FirstRunWizard:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == PAGE_ACCOUNT
    return wizard


def _fill(
    wizard: FirstRunWizard, organisation: str = "Groep INTRO", repeat: str = PASSWORD
) -> None:
    page = wizard.account
    page.organisation.setText(organisation)
    page.login.setText("lotte")
    page.full_name.setText("Lotte Vermeulen")
    page.password.setText(PASSWORD)
    page.repeat.setText(repeat)


def test_wizard_creates_vault_and_needs_the_checkbox(qtbot, new_ctx: AppContext) -> None:
    wizard = _open_account_page(qtbot, new_ctx)
    _fill(wizard)
    assert wizard.account.meter.bar.value() == accounts.password_strength(PASSWORD)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_KEY, timeout=10_000)

    vault = new_ctx.vault
    assert vault.exists() and vault.is_unlocked and vault.identity.role == "teamleader"
    assert wizard.recovery_key and wizard.recovery_key in wizard.key_page.key_view.toPlainText()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()

    wizard.key_page.saved.setChecked(True)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.created, timeout=2000):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)


def test_save_key_writes_the_sheet(qtbot, new_ctx: AppContext, tmp_path: Path) -> None:
    wizard = _open_account_page(qtbot, new_ctx)
    _fill(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_KEY, timeout=10_000)
    new_ctx.prompts.save_path = tmp_path / "sleutel.txt"
    qtbot.mouseClick(wizard.key_page.save_button, Qt.MouseButton.LeftButton)
    sheet = (tmp_path / "sleutel.txt").read_text(encoding="utf-8")
    assert wizard.recovery_key in sheet and "Groep INTRO" in sheet


def test_validation_error_shows_next_to_the_field(qtbot, new_ctx: AppContext) -> None:
    wizard = _open_account_page(qtbot, new_ctx)
    _fill(wizard, organisation="  ")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.account.errors.visible_text("organisation") != "", timeout=5000)
    assert "organisatie" in wizard.account.errors.visible_text("organisation")
    assert wizard.currentId() == PAGE_ACCOUNT
    assert not new_ctx.vault.exists()


def test_different_passwords_are_refused_before_creating(qtbot, new_ctx: AppContext) -> None:
    wizard = _open_account_page(qtbot, new_ctx)
    _fill(wizard, repeat=PASSWORD + "x")
    wizard.next()
    assert wizard.account.errors.visible_text("repeat") == "De wachtwoorden verschillen."
    assert wizard.currentId() == PAGE_ACCOUNT
    assert not new_ctx.vault.exists()


def test_a_weak_password_is_measured_and_refused_next_to_the_field(
    qtbot, new_ctx: AppContext
) -> None:
    wizard = _open_account_page(qtbot, new_ctx)
    _fill(wizard)
    page = wizard.account
    assert page.meter.word.text() == "Sterkte: sterk"
    for weak in ("12345678", "password1234"):
        page.password.setText(weak)
        page.repeat.setText(weak)
        assert page.meter.word.text() == "Sterkte: zwak" and page.meter.advice.text()
        wizard.next()
        qtbot.waitUntil(lambda: page.errors.visible_text("password") != "", timeout=5000)
        assert page.errors.visible_text("password") == page.meter.advice.text()
        assert wizard.currentId() == PAGE_ACCOUNT and not new_ctx.vault.exists()
        page.errors.clear()
    page.password.setText("VermeulenLotte")  # the name typed above counts against it
    assert page.meter.word.text() in ("Sterkte: zwak", "Sterkte: matig")
    page.full_name.setText("Iemand Anders")
    page.login.setText("iemand")
    assert page.meter.word.text() in ("Sterkte: goed", "Sterkte: sterk")
