"""Planning to an agenda file (.ics): the period and names dialog, and the file written from
the sessions in that period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QWidget

from amo_desktop.reports.ical import CalendarEntry, build_ics
from amo_desktop.services import scheduling
from amo_desktop.services.files import save_output
from amo_desktop.services.scheduling import SessionInfo
from amo_desktop.ui.flows.service_form import ServiceFormDialog
from amo_desktop.ui.flows.sessions import BUSY
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.widgets import date_edit, date_of, hint

if TYPE_CHECKING:  # the UI holds what app.py built; it never calls storage itself
    from amo_desktop.domain.identity import Identity


@dataclass(frozen=True)
class IcsRequest:
    """What to export: the file, the period, whose sessions (None: the team), the names."""

    path: Path
    first: date
    last: date
    coach_id: str | None
    schools: dict[str, str]
    coaches: dict[str, str] | None  # None: the user's own week, no coach names needed
    with_names: bool


def calendar_entries(
    sessions: list[SessionInfo], schools: dict[str, str], coaches: dict[str, str] | None
) -> list[CalendarEntry]:
    """The sessions that go ahead, as agenda entries; someone else's only as busy.
    `coaches` names the coach of each entry (None: the user's own week, no names needed)."""
    return [
        CalendarEntry(
            x.id,
            x.on,
            x.start,
            x.duration_min,
            x.contact_type if x.label != BUSY else "",
            x.location if x.label != BUSY else "",
            schools.get(x.school_id, "") if x.label != BUSY else BUSY,
            subject=x.label,
            coach=coaches.get(x.coach_id, "") if coaches is not None else "",
        )
        for x in sessions
        if not x.cancelled
    ]


def write_ics(s: Any, caller: Identity, request: IcsRequest, protect: Path) -> int:
    """Writes the period's sessions to the file (atomic and private, never onto the vault's
    own files: `save_output`); returns how many went in."""
    r = request
    found = scheduling.sessions_between(s, caller, r.first, r.last, r.coach_id)
    entries = calendar_entries(found, r.schools, r.coaches)
    save_output(r.path, build_ics(entries, with_names=r.with_names), protect)
    return len(entries)


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
