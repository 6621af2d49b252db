"""Beheer > Financiers & capaciteit: the funders and the hours agreed per school, in a grid."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from amo_desktop.domain.enums import FunderKind
from amo_desktop.domain.figures import SchoolCapacity
from amo_desktop.errors import KnownError
from amo_desktop.services import reference
from amo_desktop.services.figures import capacity_figures
from amo_desktop.services.reference import CapacityInfo, NamedInfo, SchoolInfo
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import ERROR_STYLE, FormDialog
from amo_desktop.ui.kit.tables import AnyIndex, Column, RecordModel, table_view
from amo_desktop.ui.kit.widgets import enum_combo, hint, number_text, year_combo
from amo_desktop.ui.screens.beheer.parts import (
    DatedTab,
    add_dialog,
    labelled,
    left_row,
    name_and_kind,
    split_vertically,
    stack,
)

if TYPE_CHECKING:
    from amo_desktop.domain.identity import Identity

Grid = tuple[list[SchoolInfo], list[NamedInfo], list[CapacityInfo], list[SchoolCapacity]]


class CapacityModel(RecordModel):
    """Schools as rows; per funder the agreed hours (editable: two columns, teacher and
    coaching hours, for an urenoverdracht); last the fair-share entitlement that follows from
    them (read-only, from figures.capacity_figures)."""

    edited = Signal(str, str, float, float)  # school id, funder id, teacher h, coaching h
    invalid = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hour_columns: list[tuple[str, bool]] = []  # (funder id, teacher hours?)
        self.hours: dict[tuple[str, str], tuple[float, float]] = {}
        self.entitled: dict[str, float] = {}
        self.set_columns(self._columns([]))

    @property
    def schools(self) -> Sequence[SchoolInfo]:
        return self.records_view()

    def _columns(self, funders: list[NamedInfo]) -> list[Column]:
        self.hour_columns = []
        columns = [Column(QCoreApplication.translate("Admin", "School"), lambda s: s.name)]
        for funder in funders:
            kinds = (True, False) if funder.kind == FunderKind.URENOVERDRACHT.value else (False,)
            for teacher in kinds:
                columns.append(self._hours_column(funder, teacher))
        entitled = Column(
            QCoreApplication.translate("Admin", "Recht (uren)"),
            lambda s: self._number(self.entitled.get(s.id)),
        )
        return [*columns, entitled]

    def _hours_column(self, funder: NamedInfo, teacher: bool) -> Column:
        self.hour_columns.append((funder.id, teacher))
        what = (
            QCoreApplication.translate("Admin", "lesuren")
            if teacher
            else QCoreApplication.translate("Admin", "begeleidingsuren")
        )
        return Column(
            f"{textwrap.fill(funder.name, 20)}\n{what}",
            lambda s: self._number(self._hours(s.id, funder.id, teacher)),
        )

    @staticmethod
    def _number(value: float | None) -> str:
        return "" if value is None else number_text(value)

    def _hours(self, school_id: str, funder_id: str, teacher: bool) -> float | None:
        pair = self.hours.get((school_id, funder_id))
        return None if pair is None else pair[0] if teacher else pair[1]

    # --- changing --------------------------------------------------------------------------
    def set_data(
        self, schools: list[SchoolInfo], funders: list[NamedInfo], capacity: list[CapacityInfo]
    ) -> None:
        self.hours = {
            (c.school_id, c.funder_id): (c.teacher_hours, c.coaching_hours) for c in capacity
        }
        self.set_columns(self._columns(funders))
        self.set_records(schools)

    def set_entitlements(self, figures: list[SchoolCapacity]) -> None:
        self.entitled = {f.school_id: f.entitled_hours for f in figures}
        last = self.columnCount() - 1
        if self.rowCount():
            self.dataChanged.emit(self.index(0, last), self.index(self.rowCount() - 1, last))

    def set_hours(self, school_id: str, funder_id: str, teacher: float, coaching: float) -> None:
        self.hours[(school_id, funder_id)] = (teacher, coaching)
        row = self.row_of(school_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 1), self.index(row, len(self.hour_columns)))

    # --- the model interface ---------------------------------------------------------------
    def _is_hours(self, column: int) -> bool:
        return 1 <= column <= len(self.hour_columns)

    def extra(self, record: SchoolInfo, column: int, role: int) -> Any:
        if column == 0:
            return None
        if role == Qt.ItemDataRole.EditRole:
            return self.display(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and not self._is_hours(column):
            return QCoreApplication.translate(
                "Admin",
                "Volgt uit de afspraken: de uren van de urenoverdracht naar rato van de lesuren, plus de andere financiers.",
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self._is_hours(index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._is_hours(index.column()):
            return False
        text = str(value).strip().replace(",", ".")
        try:
            hours = float(text) if text else 0.0
        except ValueError:
            self.invalid.emit(
                QCoreApplication.translate("Admin", "Vul een aantal uren in, bv. 12,5.")
            )
            return False
        school = self.schools[index.row()]
        funder_id, is_teacher = self.hour_columns[index.column() - 1]
        teacher, coaching = self.hours.get((school.id, funder_id), (0.0, 0.0))
        if is_teacher:
            teacher = hours
        else:
            coaching = hours
        self.edited.emit(school.id, funder_id, teacher, coaching)
        return True


class FundersTab(DatedTab):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(ctx, parent, today)
        self.funders_model = RecordModel(
            self,
            columns=name_and_kind(QCoreApplication.translate("Admin", "Financier"), FunderKind),
        )
        self.funders_table = table_view(self.funders_model, "fundersTable")
        self.add_button = QPushButton(QCoreApplication.translate("Admin", "Financier &toevoegen…"))
        self.year = year_combo(self.today)
        self.capacity = CapacityModel(self)
        top = stack(
            QCoreApplication.translate("Admin", "Financiers"),
            left_row(self.add_button),
            self.funders_table,
        )
        split_vertically(self, top, self._build_grid()).setSizes([180, 420])
        self.add_button.clicked.connect(self.open_add_dialog)
        self.year.currentIndexChanged.connect(self.reload_grid)
        self.capacity.edited.connect(self.save_hours)
        self.capacity.invalid.connect(self._show_grid_error)
        load_on_first_show(self, self.load)

    def _build_grid(self) -> QWidget:
        """The capacity grid under its explanation and the school year it is about."""
        self.grid = QTableView()
        self.grid.setObjectName("capacityGrid")
        self.grid.setModel(self.capacity)
        self.grid.verticalHeader().hide()
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.grid_error = QLabel()
        self.grid_error.setObjectName("capacityError")
        self.grid_error.setStyleSheet(ERROR_STYLE)
        self.grid_error.setWordWrap(True)
        self.grid_error.hide()
        year_row = left_row(
            labelled(QCoreApplication.translate("Admin", "Schoo&ljaar:"), self.year), self.year
        )
        explanation = QCoreApplication.translate(
            "Admin",
            "Typ in een cel het aantal uren (F2 of gewoon typen, Enter bewaart). Het "
            "recht per school wordt berekend: de uren van de urenoverdracht verdeeld "
            "naar rato van de lesuren, plus de uren van de andere financiers.",
        )
        return stack(
            QCoreApplication.translate("Admin", "Capaciteitsafspraken"),
            hint(explanation),
            year_row,
            self.grid,
            self.grid_error,
        )

    def load(self) -> None:
        """The funders and the capacity grid (also when the tab is first shown)."""
        self.ctx.call(reference.list_funders, on_success=self.funders_model.set_records)
        self.reload_grid()

    @property
    def school_year(self) -> int:
        return int(self.year.currentData())

    def reload_grid(self) -> None:
        year = self.school_year

        def load(s: Any, caller: Identity) -> Grid:  # s: the unit of work
            return (
                reference.list_schools(s, caller),
                reference.list_funders(s, caller),
                reference.list_capacity(s, caller, year),
                capacity_figures(s, caller, year, self.today),
            )

        self.ctx.call(load, on_success=self._grid_loaded)

    def _grid_loaded(self, loaded: Grid) -> None:
        schools, funders, capacity, figures = loaded
        self.capacity.set_data(schools, funders, capacity)
        self.capacity.set_entitlements(figures)

    def save_hours(self, school_id: str, funder_id: str, teacher: float, coaching: float) -> None:
        self.grid_error.hide()
        self.ctx.call(
            reference.set_capacity,
            school_id,
            self.school_year,
            funder_id,
            teacher,
            coaching,
            on_success=self._hours_saved,
            on_failure=self._hours_failed,
        )

    def _hours_saved(self, info: CapacityInfo) -> None:
        self.ctx.status(QCoreApplication.translate("Admin", "Uren opgeslagen."))
        self.capacity.set_hours(
            info.school_id, info.funder_id, info.teacher_hours, info.coaching_hours
        )
        self.ctx.call(
            capacity_figures,
            self.school_year,
            self.today,
            on_success=self.capacity.set_entitlements,
        )

    def _hours_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._show_grid_error(exc.message(self.ctx.lang))
        else:
            self.ctx.fail(exc)

    def _show_grid_error(self, text: str) -> None:
        self.grid_error.setText(text)
        self.grid_error.show()

    def open_add_dialog(self) -> FormDialog:
        dialog = add_dialog(
            self.ctx, QCoreApplication.translate("Admin", "Financier toevoegen"), self
        )
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add("kind", QCoreApplication.translate("Admin", "&Soort:"), enum_combo(FunderKind))
        dialog.calls(
            reference.add_funder,
            "name",
            "kind",
            done=self._funder_added,
            said=QCoreApplication.translate("Admin", "Financier toegevoegd."),
        )
        dialog.open()
        return dialog

    def _funder_added(self, funder: NamedInfo) -> None:
        self.funders_model.upsert(funder)
        self.reload_grid()
