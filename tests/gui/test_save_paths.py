"""Every save dialog writes through `save_output` (issue 12): a file chosen on top of the
vault's own files is refused with one clear message through the page's error path, and the
vault is untouched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from amo_desktop.storage.vault import Vault
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.screens.beheer.import_tab import ImportTab
from amo_desktop.ui.screens.rapporten.page import ReportsPage
from amo_desktop.ui.shell.main_window import MainWindow
from amo_desktop.ui.shell.wizard import PAGE_KEY
from tests.conftest import FAST_KDF
from tests.gui.test_admin import OpenPrompts
from tests.gui.test_wizard import _fill, _open_account_page


def errors(ctx: AppContext) -> list[str]:
    return [text for kind, _title, text in ctx.prompts.calls if kind == "error"]  # type: ignore[attr-defined]


def test_a_report_saved_onto_the_vault_is_refused(qtbot, ctx: AppContext) -> None:
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.params.set_kind("steering")
    page.generate()
    qtbot.waitUntil(lambda: page.output.result is not None, timeout=20_000)
    keys = ctx.vault.keys_path.read_bytes()
    ctx.prompts.save_path = ctx.vault.keys_path.with_suffix(".keys.json")  # type: ignore[attr-defined]
    page.output.save_as()
    qtbot.waitUntil(lambda: bool(errors(ctx)), timeout=10_000)
    assert "kluis zelf" in errors(ctx)[0]
    ctx.prompts.save_path = ctx.vault.data_dir / "backups" / "rapport.pdf"  # type: ignore[attr-defined]
    page.output.save_as()
    qtbot.waitUntil(lambda: len(errors(ctx)) == 2, timeout=10_000)
    assert ctx.vault.keys_path.read_bytes() == keys
    assert not (ctx.vault.data_dir / "backups" / "rapport.pdf").exists()


def test_a_backup_onto_the_vault_is_refused(qtbot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    before = ctx.vault.db_path.stat().st_size
    ctx.prompts.save_path = ctx.vault.db_path  # type: ignore[attr-defined]
    window.make_backup()
    qtbot.waitUntil(lambda: bool(errors(ctx)), timeout=20_000)
    assert "kluis zelf" in errors(ctx)[0]
    assert ctx.vault.db_path.stat().st_size == before
    assert ctx.vault.check()


def test_an_import_template_in_a_missing_folder_is_one_message(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.prompts = OpenPrompts()
    tab = ImportTab(ctx)
    qtbot.addWidget(tab)
    ctx.prompts.save_path = tmp_path / "weg" / "sjabloon.xlsx"  # type: ignore[attr-defined]
    tab.save_template()
    qtbot.waitUntil(lambda: bool(errors(ctx)), timeout=10_000)
    assert "bestaat niet" in errors(ctx)[0]


def test_the_recovery_sheet_is_not_written_over_the_key_file(
    qtbot, new_ctx: AppContext, tmp_path: Path
) -> None:
    wizard = _open_account_page(qtbot, new_ctx)
    _fill(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_KEY, timeout=10_000)
    keys = new_ctx.vault.keys_path
    new_ctx.prompts.save_path = keys  # type: ignore[attr-defined]
    qtbot.mouseClick(wizard.key_page.save_button, Qt.MouseButton.LeftButton)
    assert "kluis zelf" in errors(new_ctx)[0]
    new_ctx.vault.lock()
    reopened = Vault(keys.parent, kdf=FAST_KDF)
    assert reopened.inventory().vault_id  # the key file is still the key file
