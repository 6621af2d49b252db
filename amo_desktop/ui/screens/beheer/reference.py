"""Beheer > Scholen, Vrije dagen, Financiers & capaciteit, Partners & contacten.

Small lists, so one table model (`RecordsModel`) over the services' info values serves them
all, with a sort role on native values; additions insert one row. Every form is a
`FormDialog` that shows the service's Dutch message next to the field it is about.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import DayOffKind, Function, FunderKind, Network, PartnerType
from amo_desktop.errors import KnownError
from amo_desktop.services import reference
from amo_desktop.services.figures import capacity_figures
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import ERROR_STYLE, FieldErrors, FormDialog, show_failure
from amo_desktop.ui.kit.tables import Column, RecordsModel, selected_record, table_view
from amo_desktop.ui.kit.widgets import enum_combo, heading, hint, number_text, year_combo

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2


def dmy(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def label_of(enum: Any, code: str | None) -> str:
    if not code:
        return ""
    try:
        return str(enum(code).label)
    except ValueError:
        return code


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def py_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


# --- Scholen ------------------------------------------------------------------------------
class SchoolsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RecordsModel(
            [
                Column(QCoreApplication.translate("Admin", "Naam"), lambda x: x.name),
                Column(QCoreApplication.translate("Admin", "Korte naam"), lambda x: x.short_name),
                Column(QCoreApplication.translate("Admin", "Gemeente"), lambda x: x.municipality),
                Column(
                    QCoreApplication.translate("Admin", "Net"),
                    lambda x: label_of(Network, x.network),
                ),
            ],
            self,
        )
        self.table = table_view(self.model, "schoolsTable")
        self.add_button = QPushButton(QCoreApplication.translate("Admin", "School &toevoegen…"))
        self.campus_button = QPushButton(
            QCoreApplication.translate("Admin", "&Vestiging toevoegen…")
        )
        self.campus_button.setEnabled(False)
        self.empty = hint(
            QCoreApplication.translate(
                "Admin", "Nog geen scholen. Voeg de scholen toe waarmee het team werkt."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.campus_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("Admin", "Scholen")))
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.campus_button.clicked.connect(self.open_campus_dialog)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.campus_button.setEnabled(self.selected() is not None)
        )
        self.dialog: FormDialog | None = None
        load_on_first_show(self, self.reload)

    def reload(self) -> None:
        self.ctx.call(reference.list_schools, on_success=self._loaded)

    def _loaded(self, schools: list[Any]) -> None:
        self.model.set_records(schools)
        self.empty.setVisible(not schools)

    def selected(self) -> Any:
        return selected_record(self.table)

    def open_add_dialog(self) -> FormDialog:
        dialog = FormDialog(
            self.ctx,
            QCoreApplication.translate("Admin", "School toevoegen"),
            QCoreApplication.translate("Admin", "&Toevoegen"),
            self,
        )
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add("short_name", QCoreApplication.translate("Admin", "&Korte naam:"), QLineEdit())
        dialog.add("municipality", QCoreApplication.translate("Admin", "&Gemeente:"), QLineEdit())
        dialog.add(
            "network",
            QCoreApplication.translate("Admin", "N&et:"),
            enum_combo(Network, QCoreApplication.translate("Admin", "(onbekend)")),
        )

        def submit(v: dict[str, Any]) -> None:
            self.ctx.call(
                reference.add_school,
                v["name"],
                v["short_name"],
                v["municipality"],
                v["network"],
                on_success=self._added,
                on_failure=dialog.failed,
            )

        dialog.submitted.connect(submit)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _added(self, school: Any) -> None:
        self.model.add_record(school)
        self.empty.hide()
        if self.dialog is not None:
            self.dialog.succeeded()
            self.dialog = None

    def open_campus_dialog(self) -> FormDialog | None:
        school = self.selected()
        if school is None:
            return None
        dialog = FormDialog(
            self.ctx,
            QCoreApplication.translate("Admin", "Vestiging van %1").replace("%1", school.name),
            QCoreApplication.translate("Admin", "&Toevoegen"),
            self,
        )
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add("address", QCoreApplication.translate("Admin", "&Adres:"), QLineEdit())

        def added(_campus_id: str) -> None:
            dialog.succeeded()
            self.ctx.prompts.info(
                self,
                QCoreApplication.translate("Admin", "Vestiging toegevoegd"),
                QCoreApplication.translate("Admin", "De vestiging is toegevoegd aan %1.").replace(
                    "%1", school.name
                ),
            )

        dialog.submitted.connect(
            lambda v: self.ctx.call(
                reference.add_campus,
                school.id,
                v["name"],
                v["address"],
                on_success=added,
                on_failure=dialog.failed,
            )
        )
        dialog.open()
        return dialog


# --- Vrije dagen --------------------------------------------------------------------------
class DaysOffTab(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.school_names: dict[str, str] = {}
        self.year = year_combo(self.today)
        self.school = QComboBox()
        self.school.addItem(QCoreApplication.translate("Admin", "Alle scholen"), None)
        self.load_button = QPushButton(
            QCoreApplication.translate("Admin", "&Vlaamse vakanties en feestdagen laden")
        )
        self.model = RecordsModel(
            [
                Column(
                    QCoreApplication.translate("Admin", "Van"),
                    lambda x: dmy(x.first),
                    lambda x: x.first,
                ),
                Column(
                    QCoreApplication.translate("Admin", "Tot en met"),
                    lambda x: dmy(x.last),
                    lambda x: x.last,
                ),
                Column(QCoreApplication.translate("Admin", "Naam"), lambda x: x.name),
                Column(
                    QCoreApplication.translate("Admin", "Soort"),
                    lambda x: label_of(DayOffKind, x.kind),
                ),
                Column(
                    QCoreApplication.translate("Admin", "School"),
                    lambda x: (
                        self.school_names.get(x.school_id, "")
                        if x.school_id
                        else QCoreApplication.translate("Admin", "alle")
                    ),
                ),
            ],
            self,
        )
        self.table = table_view(self.model, "daysOffTable", stretch=2)
        self.empty = hint(
            QCoreApplication.translate(
                "Admin",
                "Nog geen vrije dagen in dit schooljaar. Laad de Vlaamse schoolvakanties en "
                "feestdagen, en voeg daarna de eigen vrije dagen van een school toe.",
            )
        )
        # the form for a school's own day off
        self.kind = enum_combo(DayOffKind)
        self.kind.setCurrentIndex(self.kind.findData(DayOffKind.STUDIEDAG.value))
        self.name = QLineEdit()
        self.first = date_edit(self.today)
        self.last = date_edit(self.today)
        self.add_button = QPushButton(QCoreApplication.translate("Admin", "Vrije dag &toevoegen"))
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, QCoreApplication.translate("Admin", "S&oort:"), "kind", self.kind)
        self.errors.add_row(form, QCoreApplication.translate("Admin", "&Naam:"), "name", self.name)
        self.errors.add_row(form, QCoreApplication.translate("Admin", "&Van:"), "first", self.first)
        self.errors.add_row(
            form, QCoreApplication.translate("Admin", "T&ot en met:"), "last", self.last
        )
        form.addRow("", self.add_button)
        year_label = QLabel(QCoreApplication.translate("Admin", "&Schooljaar:"))
        year_label.setBuddy(self.year)
        school_label = QLabel(QCoreApplication.translate("Admin", "Sc&hool:"))
        school_label.setBuddy(self.school)
        row = QHBoxLayout()
        row.addWidget(year_label)
        row.addWidget(self.year)
        row.addSpacing(16)
        row.addWidget(school_label)
        row.addWidget(self.school, 1)
        row.addSpacing(16)
        row.addWidget(self.load_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(
            heading(QCoreApplication.translate("Admin", "Eigen vrije dag toevoegen"))
        )
        right_layout.addWidget(
            hint(
                QCoreApplication.translate(
                    "Admin", "Voor de school die hierboven gekozen is, of voor alle scholen."
                )
            )
        )
        right_layout.addLayout(form)
        right_layout.addWidget(general)
        right_layout.addStretch()
        split = QHBoxLayout()
        split.addWidget(left, 3)
        split.addWidget(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("Admin", "Vrije dagen")))
        layout.addLayout(row)
        layout.addLayout(split)
        self.year.currentIndexChanged.connect(self.reload)
        self.school.currentIndexChanged.connect(self.reload)
        self.load_button.clicked.connect(self.load_holidays)
        self.add_button.clicked.connect(self.add_day)
        self.name.returnPressed.connect(self.add_day)
        load_on_first_show(self, self.load)

    def load(self) -> None:
        """The schools for the chooser, then the days (also when the tab is first shown)."""
        self.ctx.call(reference.list_schools, on_success=self._schools_loaded)
        self.reload()

    def _schools_loaded(self, schools: list[Any]) -> None:
        self.school_names = {s.id: s.name for s in schools}
        for school in schools:
            self.school.addItem(school.name, school.id)

    @property
    def school_year(self) -> SchoolYear:
        return SchoolYear(int(self.year.currentData()))

    def reload(self) -> None:
        year = self.school_year
        self.ctx.call(
            reference.list_days_off,
            year.start,
            year.end,
            self.school.currentData(),
            on_success=self._loaded,
        )

    def _loaded(self, days: list[Any]) -> None:
        self.model.set_records(days)
        self.empty.setVisible(not days)

    def load_holidays(self) -> None:
        self.load_button.setEnabled(False)
        self.ctx.call(
            reference.load_flemish_holidays,
            self.school_year.start_year,
            on_success=self._holidays_loaded,
            on_failure=self._load_failed,
        )

    def _holidays_loaded(self, added: int) -> None:
        self.load_button.setEnabled(True)
        label = self.school_year.label
        if added:
            text = QCoreApplication.translate(
                "Admin", "%1 vakanties en feestdagen toegevoegd voor %2."
            )
            text = text.replace("%1", str(added)).replace("%2", label)
        else:
            text = QCoreApplication.translate(
                "Admin", "De vakanties en feestdagen van %1 waren al geladen."
            ).replace("%1", label)
        self.ctx.prompts.info(
            self, QCoreApplication.translate("Admin", "Vrije dagen geladen"), text
        )
        self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self.load_button.setEnabled(True)
        show_failure(self.ctx, self, QCoreApplication.translate("Admin", "Niet geladen"))(exc)

    def add_day(self) -> None:
        self.errors.clear()
        self.add_button.setEnabled(False)
        self.ctx.call(
            reference.add_day_off,
            py_date(self.first),
            py_date(self.last),
            self.name.text(),
            self.kind.currentData(),
            self.school.currentData(),
            on_success=self._day_added,
            on_failure=self._add_failed,
        )

    def _day_added(self, _day: Any) -> None:
        self.add_button.setEnabled(True)
        self.name.clear()
        self.reload()

    def _add_failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        if not self.errors.show_error(exc, self.ctx.lang, {"school_id": "name"}):
            raise exc


# --- Financiers & capaciteit --------------------------------------------------------------
@dataclass(frozen=True)
class CapacityColumn:
    funder_id: str
    funder_name: str
    teacher: bool  # the teacher-hours column of an urenoverdracht funder


class CapacityModel(QAbstractTableModel):
    """Schools as rows; per funder the agreed hours (editable); last the fair-share
    entitlement that follows from them (read-only, from figures.capacity_figures)."""

    edited = Signal(str, str, float, float)  # school id, funder id, teacher h, coaching h
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schools: list[Any] = []
        self.columns: list[CapacityColumn] = []
        self.hours: dict[tuple[str, str], tuple[float, float]] = {}
        self.entitled: dict[str, float] = {}

    def set_data(self, schools: list[Any], funders: list[Any], capacity: list[Any]) -> None:
        self.beginResetModel()
        self.schools = list(schools)
        self.columns = []
        for f in funders:
            if f.kind == FunderKind.URENOVERDRACHT.value:
                self.columns.append(CapacityColumn(f.id, f.name, True))
            self.columns.append(CapacityColumn(f.id, f.name, False))
        self.hours = {
            (c.school_id, c.funder_id): (c.teacher_hours, c.coaching_hours) for c in capacity
        }
        self.endResetModel()

    def set_entitlements(self, figures: list[Any]) -> None:
        self.entitled = {f.school_id: f.entitled_hours for f in figures}
        last = self.columnCount() - 1
        if self.schools:
            self.dataChanged.emit(self.index(0, last), self.index(len(self.schools) - 1, last))

    def set_hours(self, school_id: str, funder_id: str, teacher: float, coaching: float) -> None:
        self.hours[(school_id, funder_id)] = (teacher, coaching)
        for row, school in enumerate(self.schools):
            if school.id == school_id:
                self.dataChanged.emit(self.index(row, 1), self.index(row, len(self.columns)))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.schools)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("Admin", "School")
        if section == len(self.columns) + 1:
            return QCoreApplication.translate("Admin", "Recht (uren)")
        if 1 <= section <= len(self.columns):
            column = self.columns[section - 1]
            what = (
                QCoreApplication.translate("Admin", "lesuren")
                if column.teacher
                else QCoreApplication.translate("Admin", "begeleidingsuren")
            )
            return f"{textwrap.fill(column.funder_name, 20)}\n{what}"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and 1 <= index.column() <= len(self.columns):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _value(self, row: int, column: int) -> float | None:
        school = self.schools[row]
        if column == len(self.columns) + 1:
            return self.entitled.get(school.id)
        spec = self.columns[column - 1]
        pair = self.hours.get((school.id, spec.funder_id))
        if pair is None:
            return None
        return pair[0] if spec.teacher else pair[1]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.schools):
            return None
        row, column = index.row(), index.column()
        if column == 0:
            return self.schools[row].name if role == Qt.ItemDataRole.DisplayRole else None
        value = self._value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else number_text(value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else number_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == len(self.columns) + 1:
            return QCoreApplication.translate(
                "Admin",
                "Volgt uit de afspraken: de uren van de urenoverdracht naar rato van de lesuren, plus de andere financiers.",
            )
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not 1 <= index.column() <= len(self.columns):
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
        spec = self.columns[index.column() - 1]
        teacher, coaching = self.hours.get((school.id, spec.funder_id), (0.0, 0.0))
        if spec.teacher:
            teacher = hours
        else:
            coaching = hours
        self.edited.emit(school.id, spec.funder_id, teacher, coaching)
        return True


class FundersTab(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.funders_model = RecordsModel(
            [
                Column(QCoreApplication.translate("Admin", "Financier"), lambda x: x.name),
                Column(
                    QCoreApplication.translate("Admin", "Soort"),
                    lambda x: label_of(FunderKind, x.kind),
                ),
            ],
            self,
        )
        self.funders_table = table_view(self.funders_model, "fundersTable")
        self.add_button = QPushButton(QCoreApplication.translate("Admin", "Financier &toevoegen…"))
        self.year = year_combo(self.today)
        self.capacity = CapacityModel(self)
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
        year_label = QLabel(QCoreApplication.translate("Admin", "&Schooljaar:"))
        year_label.setBuddy(self.year)
        year_row = QHBoxLayout()
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addStretch()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(heading(QCoreApplication.translate("Admin", "Financiers")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.funders_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(
            heading(QCoreApplication.translate("Admin", "Capaciteitsafspraken"))
        )
        bottom_layout.addWidget(
            hint(
                QCoreApplication.translate(
                    "Admin",
                    "Typ in een cel het aantal uren (F2 of gewoon typen, Enter bewaart). Het "
                    "recht per school wordt berekend: de uren van de urenoverdracht verdeeld "
                    "naar rato van de lesuren, plus de uren van de andere financiers.",
                )
            )
        )
        bottom_layout.addLayout(year_row)
        bottom_layout.addWidget(self.grid)
        bottom_layout.addWidget(self.grid_error)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([180, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.year.currentIndexChanged.connect(self.reload_grid)
        self.capacity.edited.connect(self.save_hours)
        self.capacity.invalid.connect(self._show_grid_error)
        self.dialog: FormDialog | None = None
        load_on_first_show(self, self.load)

    def load(self) -> None:
        """The funders and the capacity grid (also when the tab is first shown)."""
        self.ctx.call(reference.list_funders, on_success=self._funders_loaded)
        self.reload_grid()

    @property
    def school_year(self) -> int:
        return int(self.year.currentData())

    def _funders_loaded(self, funders: list[Any]) -> None:
        self.funders_model.set_records(funders)

    def reload_grid(self) -> None:
        year = self.school_year

        def load(s: Any, caller: Any) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
            return (
                reference.list_schools(s, caller),
                reference.list_funders(s, caller),
                reference.list_capacity(s, caller, year),
                capacity_figures(s, caller, year, self.today),
            )

        self.ctx.call(load, on_success=self._grid_loaded)

    def _grid_loaded(self, loaded: tuple[list[Any], list[Any], list[Any], list[Any]]) -> None:
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

    def _hours_saved(self, info: Any) -> None:
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
        if not isinstance(exc, KnownError):
            raise exc
        self._show_grid_error(exc.message(self.ctx.lang))

    def _show_grid_error(self, text: str) -> None:
        self.grid_error.setText(text)
        self.grid_error.show()

    def open_add_dialog(self) -> FormDialog:
        dialog = FormDialog(
            self.ctx,
            QCoreApplication.translate("Admin", "Financier toevoegen"),
            QCoreApplication.translate("Admin", "&Toevoegen"),
            self,
        )
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add("kind", QCoreApplication.translate("Admin", "&Soort:"), enum_combo(FunderKind))
        dialog.submitted.connect(
            lambda v: self.ctx.call(
                reference.add_funder,
                v["name"],
                v["kind"],
                on_success=self._funder_added,
                on_failure=dialog.failed,
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def _funder_added(self, funder: Any) -> None:
        self.funders_model.add_record(funder)
        if self.dialog is not None:
            self.dialog.succeeded()
            self.dialog = None
        self.reload_grid()


# --- Partners & contacten -----------------------------------------------------------------
class PartnersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.schools: list[Any] = []
        self.partner_names: dict[str, str] = {}
        self.school_names: dict[str, str] = {}
        self.partners = RecordsModel(
            [
                Column(QCoreApplication.translate("Admin", "Partner"), lambda x: x.name),
                Column(
                    QCoreApplication.translate("Admin", "Soort"),
                    lambda x: label_of(PartnerType, x.kind),
                ),
            ],
            self,
        )
        self.contacts = RecordsModel(
            [
                Column(QCoreApplication.translate("Admin", "Naam"), lambda x: x.name),
                Column(
                    QCoreApplication.translate("Admin", "Functie"),
                    lambda x: label_of(Function, x.function),
                ),
                Column(
                    QCoreApplication.translate("Admin", "Bij"),
                    lambda x: (
                        self.school_names.get(x.school_id or "")
                        or self.partner_names.get(x.partner_id or "", "")
                    ),
                ),
                Column(QCoreApplication.translate("Admin", "E-mail"), lambda x: x.email),
                Column(QCoreApplication.translate("Admin", "Telefoon"), lambda x: x.phone),
            ],
            self,
        )
        self.partners_table = table_view(self.partners, "partnersTable")
        self.contacts_table = table_view(self.contacts, "contactsTable")
        self.add_partner_button = QPushButton(
            QCoreApplication.translate("Admin", "&Partner toevoegen…")
        )
        self.add_contact_button = QPushButton(
            QCoreApplication.translate("Admin", "&Contactpersoon toevoegen…")
        )
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(heading(QCoreApplication.translate("Admin", "Partners")))
        row = QHBoxLayout()
        row.addWidget(self.add_partner_button)
        row.addStretch()
        top_layout.addLayout(row)
        top_layout.addWidget(self.partners_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(heading(QCoreApplication.translate("Admin", "Contactpersonen")))
        row = QHBoxLayout()
        row.addWidget(self.add_contact_button)
        row.addStretch()
        bottom_layout.addLayout(row)
        bottom_layout.addWidget(self.contacts_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.add_partner_button.clicked.connect(self.open_partner_dialog)
        self.add_contact_button.clicked.connect(self.open_contact_dialog)
        self.dialog: FormDialog | None = None
        load_on_first_show(self, self.reload)

    def reload(self) -> None:
        def load(s: Any, caller: Any) -> tuple[list[Any], list[Any], list[Any]]:
            return (
                reference.list_schools(s, caller),
                reference.list_partners(s, caller),
                reference.list_contacts(s, caller),
            )

        self.ctx.call(load, on_success=self._loaded)

    def _loaded(self, loaded: tuple[list[Any], list[Any], list[Any]]) -> None:
        schools, partners, contacts = loaded
        self.schools = schools
        self.school_names = {s.id: s.name for s in schools}
        self.partner_names = {p.id: p.name for p in partners}
        self.partners.set_records(partners)
        self.contacts.set_records(contacts)

    def open_partner_dialog(self) -> FormDialog:
        dialog = FormDialog(
            self.ctx,
            QCoreApplication.translate("Admin", "Partner toevoegen"),
            QCoreApplication.translate("Admin", "&Toevoegen"),
            self,
        )
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add("kind", QCoreApplication.translate("Admin", "&Soort:"), enum_combo(PartnerType))
        dialog.add(
            "contact_info", QCoreApplication.translate("Admin", "&Contactgegevens:"), QLineEdit()
        )

        def added(partner: Any) -> None:
            self.partner_names[partner.id] = partner.name
            self.partners.add_record(partner)
            dialog.succeeded()

        dialog.submitted.connect(
            lambda v: self.ctx.call(
                reference.add_partner,
                v["name"],
                v["kind"],
                v["contact_info"],
                on_success=added,
                on_failure=dialog.failed,
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_contact_dialog(self) -> FormDialog:
        dialog = FormDialog(
            self.ctx,
            QCoreApplication.translate("Admin", "Contactpersoon toevoegen"),
            QCoreApplication.translate("Admin", "&Toevoegen"),
            self,
        )
        dialog.add("name", QCoreApplication.translate("Admin", "&Naam:"), QLineEdit())
        dialog.add(
            "function", QCoreApplication.translate("Admin", "&Functie:"), enum_combo(Function)
        )
        school = QComboBox()
        school.addItem(QCoreApplication.translate("Admin", "(geen school)"), None)
        for s in self.schools:
            school.addItem(s.name, s.id)
        dialog.add("school_id", QCoreApplication.translate("Admin", "&School:"), school)
        partner = QComboBox()
        partner.addItem(QCoreApplication.translate("Admin", "(geen partner)"), None)
        for pid, name in sorted(self.partner_names.items(), key=lambda x: x[1].casefold()):
            partner.addItem(name, pid)
        dialog.add("partner_id", QCoreApplication.translate("Admin", "&Partner:"), partner)
        dialog.add("email", QCoreApplication.translate("Admin", "&E-mail:"), QLineEdit())
        dialog.add("phone", QCoreApplication.translate("Admin", "&Telefoon:"), QLineEdit())

        def added(contact: Any) -> None:
            self.contacts.add_record(contact)
            dialog.succeeded()

        dialog.submitted.connect(
            lambda v: self.ctx.call(
                reference.add_contact,
                v["name"],
                v["function"],
                v["school_id"],
                v["partner_id"],
                v["email"],
                v["phone"],
                on_success=added,
                on_failure=dialog.failed,
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog
