"""Beheer > Gebruikers: the table of users, adding one, and removing one (which renews the key)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.roles import Role
from amo_desktop.errors import KnownError
from amo_desktop.services import accounts
from amo_desktop.services.accounts import UserInfo
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FieldErrors, StrengthMeter, password_edit

AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2


class UsersModel(QAbstractTableModel):
    """Rows are UserInfo values; changes insert or remove single rows, never rebuild all."""

    COL_LOGIN, COL_NAME, COL_ROLE = range(3)
    COLUMN_COUNT = 3

    def __init__(self, role_label: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UserInfo] = []
        self._role_label = role_label or (lambda role: role)

    # --- changing the rows ----------------------------------------------------------------
    def set_users(self, users: list[UserInfo]) -> None:
        """The first load (and only that) resets the model."""
        self.beginResetModel()
        self._rows = list(users)
        self.endResetModel()

    def add_user(self, user: UserInfo) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(user)
        self.endInsertRows()

    def remove_login(self, login: str) -> None:
        for row, user in enumerate(self._rows):
            if user.login == login:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
                return

    def user_at(self, row: int) -> UserInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- the model interface --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            self.COL_LOGIN: self.tr("Gebruikersnaam"),
            self.COL_NAME: self.tr("Naam"),
            self.COL_ROLE: self.tr("Rol"),
        }
        return titles.get(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        user = self._rows[index.row()]
        column = index.column()
        if role == OBJECT_ROLE:
            return user
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_LOGIN:
                return user.login
            if column == self.COL_NAME:
                return user.full_name
            if column == self.COL_ROLE:
                return self._role_label(user.role)
        if role == SORT_ROLE:
            if column == self.COL_LOGIN:
                return user.login.casefold()
            if column == self.COL_NAME:
                return user.full_name.casefold()
            if column == self.COL_ROLE:
                return _ROLE_ORDER.get(user.role, 99)
        return None


_ROLE_ORDER = {"admin": 0, "teamleader": 1, "coach": 2}


class AddUserDialog(QDialog):
    """Emits `submitted(values)`; the page runs the service and calls accept() or show_error."""

    submitted = Signal(dict)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Gebruiker toevoegen"))
        self.login = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.COACH, Role.TEAMLEADER):
            self.role.addItem(ctx.role_label(role.value), role.value)
        self.password = password_edit()
        self.repeat = password_edit()
        meter = StrengthMeter(
            self.password,
            words=lambda: (self.login.text(), self.full_name.text(), ctx.organisation()),
            lang=ctx.lang,
        ).watch(self.login, self.full_name)
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Gebruikersnaam:"), "login", self.login)
        self.errors.add_row(form, self.tr("Volledige &naam:"), "full_name", self.full_name)
        self.errors.add_row(form, self.tr("&Rol:"), "role", self.role)
        self.errors.add_row(form, self.tr("&Wachtwoord:"), "password", self.password)
        form.addRow("", meter)
        self.errors.add_row(form, self.tr("&Herhaal wachtwoord:"), "repeat", self.repeat)
        note = QLabel(
            self.tr("Geef het wachtwoord persoonlijk door; de gebruiker kan het later wijzigen.")
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Toevoegen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(general)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(460)

    def _submit(self) -> None:
        self.errors.clear()
        if self.password.text() != self.repeat.text():
            self.errors.show("repeat", self.tr("De wachtwoorden verschillen."))
            return
        self.ok_button.setEnabled(False)
        self.submitted.emit(
            {
                "login": self.login.text(),
                "full_name": self.full_name.text(),
                "role": self.role.currentData(),
                "password": self.password.text(),
            },
        )

    def show_error(self, exc: BaseException) -> bool:
        self.ok_button.setEnabled(True)
        return self.errors.show_error(exc, self.ctx.lang)


class UsersPage(QWidget):
    """The list and its two actions; every change goes through the DB worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = UsersModel(ctx.role_label, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("usersTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UsersModel.COL_LOGIN, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            UsersModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(UsersModel.COL_LOGIN, 180)
        self.table.setColumnWidth(UsersModel.COL_ROLE, 200)
        self.add_button = QPushButton(self.tr("Gebruiker &toevoegen…"))
        self.remove_button = QPushButton(self.tr("&Verwijderen…"))
        self.remove_button.setEnabled(False)
        title = QLabel(self.tr("Gebruikers"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.dialog: AddUserDialog | None = None
        load_on_first_show(self, self.reload)

    def reload(self) -> None:
        vault, caller = self.ctx.vault, self.ctx.vault.identity
        self.ctx.worker.submit(lambda: accounts.list_users(vault, caller), self.model.set_users)

    def selected_user(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.data(rows[0], OBJECT_ROLE)

    def _selection_changed(self) -> None:
        user = self.selected_user()
        me = self.ctx.vault.identity
        self.remove_button.setEnabled(user is not None and me is not None and user.id != me.user_id)

    # --- add ------------------------------------------------------------------------------
    def open_add_dialog(self) -> AddUserDialog:
        self.dialog = AddUserDialog(self.ctx, self)
        self.dialog.submitted.connect(self._add)
        self.dialog.open()
        return self.dialog

    def _add(self, values: dict[str, str]) -> None:
        vault, caller = self.ctx.vault, self.ctx.vault.identity
        self.ctx.worker.submit(
            lambda: accounts.add_user(
                vault,
                caller,
                values["login"],
                values["role"],
                values["full_name"],
                values["password"],
            ),
            self._added,
            self._add_failed,
        )

    def _added(self, user: UserInfo) -> None:
        self.model.add_user(user)
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog.deleteLater()
            self.dialog = None

    def _add_failed(self, exc: BaseException) -> None:
        if self.dialog is None or not self.dialog.show_error(exc):
            raise exc

    # --- remove ---------------------------------------------------------------------------
    def remove_selected(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        name = user.full_name or user.login
        confirmed = self.ctx.prompts.confirm(
            self,
            self.tr("Gebruiker verwijderen"),
            self.tr(
                "%1 (%2) verwijderen?\n\nDeze gebruiker kan de kluis daarna niet meer openen. "
                "Daarvoor wordt de sleutel van de kluis vernieuwd; dat kan even duren. "
                "Wat deze gebruiker vastlegde, blijft bewaard."
            )
            .replace("%1", name)
            .replace("%2", user.login),
            self.tr("&Verwijderen"),
        )
        if not confirmed:
            return
        vault, caller, login = self.ctx.vault, self.ctx.vault.identity, user.login

        def remove() -> str:
            accounts.remove_user(vault, caller, login)  # drops the slot and renews the key
            return login

        self.remove_button.setEnabled(False)
        self.ctx.worker.submit(remove, self.model.remove_login, self._remove_failed)

    def _remove_failed(self, exc: BaseException) -> None:
        self._selection_changed()
        if not isinstance(exc, KnownError):
            raise exc
        self.ctx.prompts.error(self, self.tr("Niet verwijderd"), exc.message(self.ctx.lang))
