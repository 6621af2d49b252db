"""RecordModel's Column API: columns passed in or declared on the class (their titles then
translated when shown), sorting on native values, records without an id, and the roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from amo_desktop.ui.kit import tables
from amo_desktop.ui.kit.tables import Column, RecordModel, table_view


@dataclass(frozen=True)
class Day:
    id: str
    name: str
    on: date


DAYS = [Day("1", "kerst", date(2025, 12, 25)), Day("2", "Carnaval", date(2026, 2, 16))]


class DaysModel(RecordModel):
    CONTEXT = "Admin"
    COLUMNS = (
        Column("Naam", lambda d: d.name),
        Column("Van", lambda d: f"{d.on:%d/%m/%Y}", lambda d: d.on),
    )


class English(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return f"{context}:{source}"


def test_class_columns_are_translated_when_shown(qtmodeltester, qapp) -> None:
    model = DaysModel()
    model.set_records(DAYS)
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == 2
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Naam"
    translator = English()
    QCoreApplication.installTranslator(translator)
    try:
        assert model.headerData(1, Qt.Orientation.Horizontal) == "Admin:Van"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_passed_columns_are_shown_as_given_and_sort_natively(qtmodeltester) -> None:
    model = RecordModel(
        columns=[Column("Name", lambda d: d.name), Column("On", str, lambda d: d.on)]
    )
    model.set_records(DAYS)
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.index(0, 0).data(RecordModel.SORT_ROLE) == "kerst"
    assert model.index(1, 0).data(RecordModel.SORT_ROLE) == "carnaval"  # casefolded
    assert model.index(0, 1).data(RecordModel.SORT_ROLE) == date(2025, 12, 25)
    assert model.index(0, 0).data(RecordModel.OBJECT_ROLE) is DAYS[0]
    assert model.index(1, 0).data(RecordModel.ID_ROLE) == "2"
    model.sort(0)
    assert [d.name for d in model.records()] == ["Carnaval", "kerst"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [d.name for d in model.records()] == ["Carnaval", "kerst"]
    model.remove("2")
    assert model.records() == [DAYS[0]]
    qtmodeltester.check(model, force_py=True)


def test_records_without_id_and_the_old_role_names(qtmodeltester, qtbot) -> None:
    model = RecordModel(columns=[Column("Woord", lambda w: w)], key=str)
    model.set_records(["b", "a", "c"])
    view = table_view(model, "words")
    qtbot.addWidget(view)
    shown = [view.model().index(r, 0).data() for r in range(3)]
    assert shown == ["a", "b", "c"]  # sorted on the first column, in the model itself
    model.set_records(["c", "d"])
    assert [view.model().index(r, 0).data() for r in range(2)] == ["c", "d"]
    qtmodeltester.check(model, force_py=True)
    assert (tables.SORT_ROLE, tables.OBJECT_ROLE, tables.ID_ROLE) == (
        RecordModel.SORT_ROLE,
        RecordModel.OBJECT_ROLE,
        RecordModel.ID_ROLE,
    )
