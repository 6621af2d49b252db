"""Beheer > Vrije dagen: the school year's holidays and days off, and adding a school's own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.enums import DayOffKind
from amo_desktop.services import reference
from amo_desktop.services.reference import DayOffInfo, SchoolInfo
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FieldErrors
from amo_desktop.ui.kit.tables import Column, RecordModel, table_view
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import (
    date_edit,
    date_of,
    enum_combo,
    format_date,
    heading,
    hint,
    label_of,
    year_combo,
)
from amo_desktop.ui.screens.beheer.parts import DatedTab, labelled, stack


class DaysOffTab(DatedTab):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(ctx, parent, today)
        self.school_names: dict[str, str] = {}
        self.year = year_combo(self.today)
        self.school = QComboBox()
        self.school.addItem(QCoreApplication.translate("Admin", "Alle scholen"), None)
        self.load_button = QPushButton(
            QCoreApplication.translate("Admin", "Vlaamse va&kanties en feestdagen laden")
        )
        self.model = RecordModel(self, columns=self._columns())
        self.table = table_view(self.model, "daysOffTable", stretch=2)
        self.empty = hint(
            QCoreApplication.translate(
                "Admin",
                "Nog geen vrije dagen in dit schooljaar. Laad de Vlaamse schoolvakanties en "
                "feestdagen, en voeg daarna de eigen vrije dagen van een school toe.",
            )
        )
        split = QHBoxLayout()
        split.addWidget(stack(self.empty, self.table), 3)
        split.addWidget(self._build_form(), 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("Admin", "Vrije dagen")))
        layout.addLayout(self._build_choosers())
        layout.addLayout(split)
        self.year.currentIndexChanged.connect(self.reload)
        self.school.currentIndexChanged.connect(self.reload)
        self.load_button.clicked.connect(self.load_holidays)
        self.add_button.clicked.connect(self.add_day)
        self.name.returnPressed.connect(self.add_day)
        load_on_first_show(self, self.load)

    def _columns(self) -> list[Column]:
        return [
            Column(
                QCoreApplication.translate("Admin", "Van"),
                lambda x: format_date(x.first),
                lambda x: x.first,
            ),
            Column(
                QCoreApplication.translate("Admin", "Tot en met"),
                lambda x: format_date(x.last),
                lambda x: x.last,
            ),
            Column(QCoreApplication.translate("Admin", "Naam"), lambda x: x.name),
            Column(
                QCoreApplication.translate("Admin", "Soort"),
                lambda x: label_of(DayOffKind, x.kind),
            ),
            Column(QCoreApplication.translate("Admin", "School"), self._school_of),
        ]

    def _school_of(self, day: DayOffInfo) -> str:
        if day.school_id:
            return self.school_names.get(day.school_id, "")
        return QCoreApplication.translate("Admin", "alle")

    def _build_choosers(self) -> QHBoxLayout:
        """The school year and the school the list is about, and loading the holidays."""
        row = QHBoxLayout()
        row.addWidget(labelled(QCoreApplication.translate("Admin", "Schoo&ljaar:"), self.year))
        row.addWidget(self.year)
        row.addSpacing(16)
        row.addWidget(labelled(QCoreApplication.translate("Admin", "Sch&ool:"), self.school))
        row.addWidget(self.school, 1)
        row.addSpacing(16)
        row.addWidget(self.load_button)
        return row

    def _build_form(self) -> QWidget:
        """The form for a school's own day off."""
        self.kind = enum_combo(DayOffKind)
        self.kind.setCurrentIndex(self.kind.findData(DayOffKind.STUDIEDAG.value))
        self.name = QLineEdit()
        self.first = date_edit(self.today)
        self.last = date_edit(self.today)
        self.add_button = QPushButton(QCoreApplication.translate("Admin", "Vrije &dag toevoegen"))
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, QCoreApplication.translate("Admin", "Soor&t:"), "kind", self.kind)
        self.errors.add_row(form, QCoreApplication.translate("Admin", "&Naam:"), "name", self.name)
        self.errors.add_row(form, QCoreApplication.translate("Admin", "V&an:"), "first", self.first)
        self.errors.add_row(
            form, QCoreApplication.translate("Admin", "Tot &en met:"), "last", self.last
        )
        form.addRow("", self.add_button)
        return stack(
            QCoreApplication.translate("Admin", "Eigen vrije dag toevoegen"),
            hint(
                QCoreApplication.translate(
                    "Admin", "Voor de school die hierboven gekozen is, of voor alle scholen."
                )
            ),
            form,
            general,
            stretch=True,
        )

    def load(self) -> None:
        """The schools for the chooser, then the days (also when the tab is first shown)."""
        self.ctx.call(reference.list_schools, on_success=self._schools_loaded)
        self.reload()

    def _schools_loaded(self, schools: list[SchoolInfo]) -> None:
        self.school_names = {s.id: s.name for s in schools}
        self.model.forget_texts()
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

    def _loaded(self, days: list[DayOffInfo]) -> None:
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
            text = fill(
                QCoreApplication.translate(
                    "Admin", "%1 vakanties en feestdagen toegevoegd voor %2."
                ),
                added,
                label,
            )
        else:
            text = fill(
                QCoreApplication.translate(
                    "Admin", "De vakanties en feestdagen van %1 waren al geladen."
                ),
                label,
            )
        self.ctx.status(text)
        self.ctx.prompts.info(
            self, QCoreApplication.translate("Admin", "Vrije dagen geladen"), text
        )
        self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self.load_button.setEnabled(True)
        self.ctx.fail(exc)

    def add_day(self) -> None:
        self.errors.clear()
        self.add_button.setEnabled(False)
        self.ctx.call(
            reference.add_day_off,
            date_of(self.first),
            date_of(self.last),
            self.name.text(),
            self.kind.currentData(),
            self.school.currentData(),
            on_success=self._day_added,
            on_failure=self._add_failed,
        )

    def _day_added(self, _day: DayOffInfo) -> None:
        self.ctx.status(QCoreApplication.translate("Admin", "Vrije dag toegevoegd."))
        self.add_button.setEnabled(True)
        self.name.clear()
        self.reload()

    def _add_failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        if not self.errors.show_error(exc, self.ctx.lang, {"school_id": "name"}):
            self.ctx.fail(exc)
