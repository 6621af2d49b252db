"""The dialogs Planning opens on a session: move it, or choose what a cancel covers."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QWidget,
)

from amo_desktop.services import scheduling
from amo_desktop.services.scheduling import Planned, SessionInfo
from amo_desktop.ui.flows.service_form import ServiceFormDialog
from amo_desktop.ui.flows.sessions import ScopeBox, dry_run, time_edit, time_of, warning_texts
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import ok_cancel
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import column, date_edit, date_of


class MoveDialog(ServiceFormDialog):
    """New date and time; conflicts are shown and confirmed before the move is saved."""

    moved = Signal(object)  # Planned

    def __init__(
        self,
        ctx: AppContext,
        info: SessionInfo,
        new_on: date | None = None,
        new_start: time | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.info = info
        self.confirming = False
        self.describe(
            self.tr("Contactmoment verplaatsen"),
            self.tr("&Verplaatsen"),
            fill(
                self.tr("<b>%1</b> van %2 om %3."),
                info.label,
                f"{info.on:%d/%m/%Y}",
                f"{info.start:%H:%M}",
            ),
        )
        self.on = date_edit(new_on or info.on)
        self.start = time_edit(new_start or info.start)
        self.add("on", self.tr("Nieuwe &datum:"), self.on)
        self.add("start", self.tr("Nieuw &beginuur:"), self.start)
        self.scope = ScopeBox(self.tr("Wat verplaatsen?"))
        self.scope.setVisible(info.series_id is not None)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.hide()
        self.insert(2, self.scope)
        self.insert(3, self.preview)
        self.buttons_last(self.scope.rest)
        for signal in (self.on.dateChanged, self.start.timeChanged, self.scope.rest.toggled):
            signal.connect(self._edited)
        self.setMinimumWidth(420)

    def _edited(self) -> None:
        self.confirming = False
        self.preview.hide()
        self.ok_button.setText(self.tr("&Verplaatsen"))

    def submit(self, _values: dict[str, Any] | None = None) -> None:
        self.errors.clear()
        self.ok_button.setEnabled(False)
        run = self.ctx.call if self.confirming else (lambda *a, **k: dry_run(self.ctx, *a, **k))
        run(
            scheduling.move_session,
            self.info.id,
            date_of(self.on),
            time_of(self.start),
            rest_of_series=self.scope.rest_of_series(),
            on_success=self._result,
            on_failure=self.failed,
        )

    def _result(self, planned: Planned) -> None:
        self.ok_button.setEnabled(True)
        if self.confirming:
            self.ctx.status(self.tr("Contactmoment verplaatst."))
            self.moved.emit(planned)
            self.accept()
            return
        self.confirming = True
        if not planned.warnings:
            self.submit()
            return
        self.preview.setText("\n".join("⚠ " + t for t in warning_texts(planned.warnings)))
        self.preview.show()
        self.ok_button.setText(self.tr("Toch &verplaatsen"))

    def failed(self, exc: BaseException) -> None:
        self._edited()
        super().failed(exc)


class CancelScopeDialog(QDialog):
    """For a session of a series: cancel only it, or the rest of the series too."""

    def __init__(self, info: SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contactmoment annuleren"))
        self.scope = ScopeBox(self.tr("Wat annuleren?"))
        buttons, self.ok_button = ok_cancel(
            self, self.tr("&Verder…"), self.tr("&Terug"), self.accept
        )
        intro = QLabel(
            fill(self.tr("<b>%1</b> op %2 hoort bij een reeks."), info.label, f"{info.on:%d/%m/%Y}")
        )
        column(self, intro, self.scope, buttons)
