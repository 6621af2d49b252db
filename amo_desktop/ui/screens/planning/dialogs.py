"""The dialogs Planning opens itself: move a session, the scope of a cancel, the .ics export."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.services import scheduling
from amo_desktop.services.scheduling import Planned, SessionInfo
from amo_desktop.ui.flows.service_form import ServiceFormDialog
from amo_desktop.ui.flows.sessions import ScopeBox, dry_run, time_edit, time_of, warning_texts
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import HINT_STYLE, date_edit, date_of


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
            self.moved.emit(planned)
            self.accept()
            return
        self.confirming = True
        if not planned.warnings:
            self.submit()
            return
        self.preview.setText(
            "\n".join("⚠ " + t for t in warning_texts(planned.warnings, self.ctx.lang))
        )
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Verder…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Terug"))
        intro = QLabel(
            fill(self.tr("<b>%1</b> op %2 hoort bij een reeks."), info.label, f"{info.on:%d/%m/%Y}")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.scope)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)


class ExportDialog(ServiceFormDialog):
    """Which days, and whether pupil names may go into the file (off by default)."""

    def __init__(
        self, ctx: AppContext, first: date, last: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.describe(self.tr("Exporteren naar agenda (.ics)"), self.tr("&Exporteren…"))
        self.first = date_edit(first)
        self.last = date_edit(last)
        self.with_names = QCheckBox(self.tr("Met &namen van jongeren en klassen"))
        self.with_names.setChecked(False)
        self.add("first", self.tr("&Van:"), self.first)
        self.add("last", self.tr("&Tot en met:"), self.last)
        self.form.addRow("", self.with_names)
        hint = QLabel(
            self.tr(
                "Zonder namen staat in de agenda enkel de soort afspraak en de school. Een "
                ".ics-bestand is niet versleuteld: neem namen alleen op als dat echt nodig is."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.insert(2, hint)
        self.buttons_last(self.with_names)
        self.setMinimumWidth(440)

    def submit(self, _values: dict[str, Any]) -> None:
        first, last = self.period()
        if last < first or (last - first).days > 370:
            self.errors.show_general(
                self.tr("Kies een periode van hoogstens een jaar, van vroeg naar laat.")
            )
            self.ok_button.setEnabled(True)
            return
        self.accept()

    def period(self) -> tuple[date, date]:
        return date_of(self.first), date_of(self.last)
