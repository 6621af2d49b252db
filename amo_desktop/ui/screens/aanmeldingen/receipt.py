"""'Ontvangstbevestiging…': the receipt for the school, made on the worker and saved where the
user chooses (through report_jobs.save, audited like every report that leaves the vault)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from amo_desktop.services import receipts, report_jobs
from amo_desktop.services.report_jobs import ReportResult
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.text import fill


class ReceiptAction(QObject):
    """Makes one referral's receipt, asks where to save it, saves it; `saved(text)` after."""

    saved = Signal(str, str)  # referral id, the sentence that says where

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = parent

    def offer(self, referral_id: str) -> None:
        """Right after a new referral is saved: ask whether the school gets its receipt now."""
        if self.ctx.prompts.confirm(
            self.window,
            self.tr("Ontvangstbevestiging"),
            self.tr(
                "De aanmelding is bewaard. Wilt u nu een ontvangstbevestiging met de verwachte "
                "wachttijd maken voor de school?"
            ),
            self.tr("&Bevestiging maken…"),
        ):
            self.make(referral_id)

    def make(self, referral_id: str) -> None:
        self.ctx.call(
            receipts.receipt,
            self.ctx.organisation(),
            referral_id,
            self.ctx.today(),
            on_success=self._made,
        )

    def _made(self, result: ReportResult) -> None:
        referral_id = result.entity_id or ""
        suggested = Path.home() / f"{result.title} {self.ctx.today():%Y-%m-%d}.pdf"
        path = self.ctx.prompts.save_file(
            self.window,
            self.tr("Ontvangstbevestiging opslaan als"),
            suggested,
            self.tr("PDF (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.ctx.call(
            report_jobs.save,
            result,
            path,
            self.ctx.data_dir,
            on_success=lambda written: self._saved(referral_id, written),
        )

    def _saved(self, referral_id: str, written: Path) -> None:
        text = fill(self.tr("Ontvangstbevestiging bewaard in %1."), written)
        self.saved.emit(referral_id, text)
