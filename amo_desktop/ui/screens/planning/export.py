"""Planning to an agenda file (.ics): which period, and whether names may go in."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QWidget

from amo_desktop.ui.flows.service_form import ServiceFormDialog
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.widgets import date_edit, date_of, hint

if TYPE_CHECKING:  # the UI holds what app.py built; it never calls storage itself
    pass


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
        warning = hint(
            self.tr(
                "Zonder namen staat in de agenda enkel de soort afspraak en de school. Een "
                ".ics-bestand is niet versleuteld: neem namen alleen op als dat echt nodig is."
            )
        )
        self.insert(2, warning)
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
