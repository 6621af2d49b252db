"""Uitwisselen > Conflicten (team leader): two laptops' values of one field; keeping one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from amo_desktop.services.exchange import ConflictInfo, ConflictValue
from amo_desktop.ui.kit.context import format_datetime
from amo_desktop.ui.kit.tables import Column, RecordModel, selected_record, table_view
from amo_desktop.ui.kit.widgets import heading, hint

CONTEXT = "Exchange"  # the translations' context of every text on the Uitwisselen page
TABLES = {
    "trajectories": "Traject",
    "referrals": "Aanmelding",
    "youths": "Jongere",
    "youth_enrolments": "Inschrijving",
    "sessions": "Contactmoment",
    "session_notes": "Verslag",
    "goals": "Doel",
    "schools": "School",
    "campuses": "Vestiging",
    "contact_persons": "Contactpersoon",
    "partners": "Partner",
    "funders": "Financier",
    "capacity_agreements": "Capaciteitsafspraak",
    "days_off": "Vrije dag",
    "users": "Medewerker",
    "class_groups": "Klasgroep",
}
FIELDS = {
    "full_name": "Volledige naam",
    "login": "Gebruikersnaam",
    "role": "Rol",
    "active": "Actief",
    "summary": "Samenvatting",
    "status": "Status",
    "planned_end": "Geplande einde",
    "end_on": "Einddatum",
    "description": "Omschrijving",
    "content": "Verslag",
    "observations": "Observaties",
    "agreements": "Afspraken",
    "next_steps": "Volgende stappen",
    "address": "Adres",
    "short_name": "Korte naam",
    "name": "Naam",
    "help_question": "Hulpvraag",
    "urgency": "Urgentie",
    "first_name": "Voornaam",
    "last_name": "Achternaam",
    "on": "Datum",
    "start": "Beginuur",
    "duration_min": "Duur (min)",
    "location": "Plaats",
}


def conflict_subject(conflict: ConflictInfo) -> str:
    """'Traject: Samenvatting': the kind of record and the field the values differ in."""
    table = QCoreApplication.translate(CONTEXT, TABLES.get(conflict.table, conflict.table))
    field = QCoreApplication.translate(CONTEXT, FIELDS.get(conflict.field, conflict.field))
    return f"{table}: {field}"


class ConflictsModel(RecordModel):
    CONTEXT = CONTEXT
    COLUMNS = (
        Column("Gegeven", conflict_subject),
        Column("Waarden", lambda c: len(c.values)),
        Column("Gevonden", lambda c: format_datetime(c.detected_at), lambda c: c.detected_at),
    )


class ValuesModel(RecordModel):
    """Rows are (number, ConflictValue): the number is what `resolve_conflict` keeps."""

    CONTEXT = CONTEXT
    COLUMNS = (
        Column("Waarde", lambda v: "" if v[1].value is None else str(v[1].value)),
        Column("Door", lambda v: v[1].by_login),
        Column("Op", lambda v: format_datetime(v[1].at), lambda v: v[1].at),
    )

    def record_id(self, record: tuple[int, ConflictValue]) -> str:
        return str(record[0])


class ConflictsPanel(QWidget):
    """The open conflicts, the values of the selected one; `keep(conflict id, value number)`
    when the team leader keeps a value."""

    keep = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = ConflictsModel(self)
        self.conflicts_view = table_view(self.conflicts, "exchangeConflicts")
        self.values = ValuesModel(self)
        self.values_view = table_view(self.values, "exchangeConflictValues")
        self.setMinimumWidth(420)
        self.conflicts_view.setAccessibleName(QCoreApplication.translate(CONTEXT, "Conflicten"))
        self.values_view.setAccessibleName(
            QCoreApplication.translate(CONTEXT, "Waarden van het conflict")
        )
        self.keep_button = QPushButton(QCoreApplication.translate(CONTEXT, "Deze waarde h&ouden"))
        self.keep_button.setEnabled(False)
        self.empty = hint(QCoreApplication.translate(CONTEXT, "Er zijn geen open conflicten."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(QCoreApplication.translate(CONTEXT, "Conflicten")))
        layout.addWidget(
            hint(
                QCoreApplication.translate(
                    CONTEXT,
                    "Hetzelfde gegeven werd op twee laptops anders ingevuld voor ze "
                    "uitwisselden. Beide waarden blijven bewaard tot u er één kiest; alle "
                    "laptops krijgen die bij de volgende uitwisseling.",
                )
            )
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.conflicts_view)
        layout.addWidget(self.values_view)
        layout.addWidget(self.keep_button)
        self.conflicts_view.selectionModel().selectionChanged.connect(self._show_values)
        self.values_view.selectionModel().selectionChanged.connect(
            lambda *_: self.keep_button.setEnabled(self.chosen() is not None)
        )
        self.keep_button.clicked.connect(self._keep)

    def minimumSizeHint(self) -> QSize:
        """High enough for its explanation wrapped at its width: a splitter does not ask."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None:
            return hint
        wrapped = layout.minimumHeightForWidth(max(self.width(), hint.width()))
        return QSize(hint.width(), max(hint.height(), wrapped))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # a new width may need more lines

    def set_conflicts(self, conflicts: list[ConflictInfo]) -> None:
        """The open conflicts after a refresh: none selected, no values shown."""
        self.conflicts_view.clearSelection()
        self.conflicts.set_records(conflicts)
        self.empty.setVisible(not conflicts)
        self.values.set_records([])
        self.keep_button.setEnabled(False)

    def selected(self) -> ConflictInfo | None:
        conflict: ConflictInfo | None = selected_record(self.conflicts_view)
        return conflict

    def chosen(self) -> tuple[int, ConflictValue] | None:
        value: tuple[int, ConflictValue] | None = selected_record(self.values_view)
        return value

    def _show_values(self, *_: object) -> None:
        conflict = self.selected()
        self.values_view.clearSelection()
        self.values.set_records(list(enumerate(conflict.values)) if conflict else [])
        self.keep_button.setEnabled(False)

    def _keep(self) -> None:
        conflict, chosen = self.selected(), self.chosen()
        if conflict is not None and chosen is not None:
            self.keep.emit(conflict.id, chosen[0])
