"""The users model passes Qt's model tester and sorts on native values."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from amo_desktop.services.accounts import UserInfo
from amo_desktop.ui.screens.beheer.users import UsersModel

SORT_ROLE, OBJECT_ROLE = UsersModel.SORT_ROLE, UsersModel.OBJECT_ROLE

USERS = [
    UserInfo("1", "lotte", "Lotte Vermeulen", "teamleader", True),
    UserInfo("2", "coach.an", "An Demeulemeester", "coach", True),
    UserInfo("3", "Coach.yusuf", "Yusuf Şahin", "coach", True),
]


def test_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = UsersModel()
    model.set_records(USERS)
    qtmodeltester.check(model, force_py=True)
    model.upsert(UserInfo("4", "b", "B", "admin", True))
    model.remove("2")  # coach.an
    assert [u.login for u in model.records()] == ["lotte", "Coach.yusuf", "b"]
    qtmodeltester.check(model, force_py=True)


def test_empty_model_passes_qtmodeltester(qtmodeltester) -> None:
    qtmodeltester.check(UsersModel(), force_py=True)


def test_columns_roles_and_sorting() -> None:
    model = UsersModel(role_label=lambda role: {"coach": "Coach"}.get(role, role.upper()))
    model.set_records(USERS)
    index = model.index(0, UsersModel.COL_ROLE)
    assert model.data(index) == "TEAMLEADER"
    assert model.data(index, SORT_ROLE) == 1
    assert model.data(index, OBJECT_ROLE) is USERS[0]
    assert model.headerData(UsersModel.COL_NAME, Qt.Orientation.Horizontal) == "Naam"

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(UsersModel.COL_LOGIN)
    logins = [proxy.index(r, UsersModel.COL_LOGIN).data() for r in range(proxy.rowCount())]
    assert logins == ["coach.an", "Coach.yusuf", "lotte"]  # case-insensitive
    proxy.sort(UsersModel.COL_ROLE)
    assert proxy.index(0, UsersModel.COL_LOGIN).data() == "lotte"
