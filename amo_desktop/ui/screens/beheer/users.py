"""Beheer > Gebruikers: the table of users, adding one, resetting a forgotten password, and
removing one (which renews the key)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.domain.roles import Role
from amo_desktop.services import accounts
from amo_desktop.services.accounts import UserInfo
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.first_show import load_on_first_show
from amo_desktop.ui.kit.forms import FormDialog, StrengthMeter, password_edit
from amo_desktop.ui.kit.tables import (
    Column,
    RecordModel,
    selected_record,
    setup_table,
)
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.screens.beheer.parts import left_row

_ROLE_ORDER = {"admin": 0, "teamleader": 1, "coach": 2}


class UsersModel(RecordModel):
    """Rows are UserInfo values; changes insert or remove single rows, never rebuild all."""

    COL_LOGIN, COL_NAME, COL_ROLE = range(3)

    def __init__(
        self, role_label: Callable[[str], str] | None = None, parent: QObject | None = None
    ) -> None:
        label = role_label or str
        super().__init__(
            parent,
            columns=[
                Column(
                    QCoreApplication.translate("UsersModel", "Gebruikersnaam"),
                    lambda u: u.login,
                ),
                Column(QCoreApplication.translate("UsersModel", "Naam"), lambda u: u.full_name),
                Column(
                    QCoreApplication.translate("UsersModel", "Rol"),
                    lambda u: label(u.role),
                    lambda u: _ROLE_ORDER.get(u.role, 99),
                ),
            ],
        )


class AddUserDialog(FormDialog):
    """The new user's login, name, role and first password, with the strength meter; the
    page runs the service (`submitted`) and calls `succeeded()` or `failed(exc)`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("AddUserDialog", "Gebruiker toevoegen"),
            QCoreApplication.translate("AddUserDialog", "&Toevoegen"),
            parent,
        )
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
        self.add(
            "login", QCoreApplication.translate("AddUserDialog", "&Gebruikersnaam:"), self.login
        )
        self.add(
            "full_name",
            QCoreApplication.translate("AddUserDialog", "Volledige &naam:"),
            self.full_name,
        )
        self.add("role", QCoreApplication.translate("AddUserDialog", "&Rol:"), self.role)
        self.add(
            "password", QCoreApplication.translate("AddUserDialog", "&Wachtwoord:"), self.password
        )
        self.form.addRow("", meter)
        self.add(
            "repeat",
            QCoreApplication.translate("AddUserDialog", "&Herhaal wachtwoord:"),
            self.repeat,
        )
        note = QLabel(
            QCoreApplication.translate(
                "AddUserDialog",
                "Geef het wachtwoord persoonlijk door; de gebruiker kan het later wijzigen.",
            )
        )
        note.setWordWrap(True)
        self.box.insertWidget(1, note)

    def _submit(self) -> None:
        self.errors.clear()
        if self.password.text() != self.repeat.text():
            self.errors.show(
                "repeat",
                QCoreApplication.translate("AddUserDialog", "De wachtwoorden verschillen."),
            )
            return
        super()._submit()


class ResetPasswordDialog(FormDialog):
    """A one-time password for a user who forgot theirs, typed or proposed by the program; the
    user chooses their own at the next unlock. The page runs the service (`submitted`)."""

    def __init__(self, ctx: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("ResetPasswordDialog", "Wachtwoord opnieuw instellen"),
            QCoreApplication.translate("ResetPasswordDialog", "Wachtwoord &instellen"),
            parent,
        )
        self.user = user
        intro = QLabel(
            fill(
                QCoreApplication.translate(
                    "ResetPasswordDialog",
                    "Een eenmalig wachtwoord voor %1 (%2). Bij het volgende ontgrendelen kiest "
                    "deze gebruiker meteen een eigen wachtwoord. Geef het persoonlijk door.",
                ),
                user.full_name or user.login,
                user.login,
            )
        )
        intro.setWordWrap(True)
        self.box.insertWidget(0, intro)
        self.password = QLineEdit()  # shown: it is read out or written down for the user
        self.password.setObjectName("oneTimePassword")
        meter = StrengthMeter(
            self.password,
            words=lambda: (user.login, user.full_name, ctx.organisation()),
            lang=ctx.lang,
        )
        self.add(
            "password",
            QCoreApplication.translate("ResetPasswordDialog", "&Eenmalig wachtwoord:"),
            self.password,
        )
        self.form.addRow("", meter)
        self.propose_button = QPushButton(
            QCoreApplication.translate("ResetPasswordDialog", "Sterk wachtwoord &voorstellen")
        )
        self.propose_button.setAutoDefault(False)
        self.propose_button.clicked.connect(self.propose)
        self.form.addRow("", self.propose_button)
        self.propose()

    def propose(self) -> None:
        self.password.setText(accounts.password_proposal())
        self.password.setFocus()
        self.password.selectAll()


class UsersPage(QWidget):
    """The list and its two actions; every change goes through the DB worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = UsersModel(ctx.role_label, self)
        self.proxy = QSortFilterProxyModel(self)  # sorts here: the model keeps the added order
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(UsersModel.SORT_ROLE)
        self.table = QTableView()
        setup_table(self.table, self.proxy, "usersTable")
        self.table.sortByColumn(UsersModel.COL_LOGIN, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(
            UsersModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(UsersModel.COL_LOGIN, 180)
        self.table.setColumnWidth(UsersModel.COL_ROLE, 200)
        self.add_button = QPushButton(self.tr("Gebruiker &toevoegen…"))
        self.reset_button = QPushButton(self.tr("Wachtwoord &opnieuw instellen…"))
        self.reset_button.setEnabled(False)
        self.remove_button = QPushButton(self.tr("Verwij&deren…"))
        self.remove_button.setEnabled(False)
        title = QLabel(self.tr("Gebruikers"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(left_row(self.add_button, self.reset_button, self.remove_button))
        layout.addWidget(self.table)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.reset_button.clicked.connect(self.open_reset_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.dialog: AddUserDialog | None = None
        self.reset_dialog: ResetPasswordDialog | None = None
        load_on_first_show(self, self.reload)

    def reload(self) -> None:
        self.ctx.call_vault(accounts.list_users, on_success=self.model.set_records)

    def selected_user(self) -> UserInfo | None:
        user: UserInfo | None = selected_record(self.table)
        return user

    def _selection_changed(self) -> None:
        user = self.selected_user()
        me = self.ctx.vault.identity
        other = user is not None and me is not None and user.id != me.user_id
        self.remove_button.setEnabled(other)
        self.reset_button.setEnabled(other)

    # --- add ------------------------------------------------------------------------------
    def open_add_dialog(self) -> AddUserDialog:
        self.dialog = AddUserDialog(self.ctx, self)
        self.dialog.submitted.connect(self._add)
        self.dialog.open()
        return self.dialog

    def _add(self, values: dict[str, Any]) -> None:
        self.ctx.call_vault(
            accounts.add_user,
            values["login"],
            values["role"],
            values["full_name"],
            values["password"],
            on_success=self._added,
            on_failure=self._add_failed,
        )

    def _added(self, user: UserInfo) -> None:
        self.ctx.status(fill(self.tr("Gebruiker %1 toegevoegd."), user.full_name or user.login))
        self.model.upsert(user)
        if self.dialog is not None:
            self.dialog.succeeded()
            self.dialog = None

    def _add_failed(self, exc: BaseException) -> None:
        if self.dialog is None:
            self.ctx.fail(exc)
        else:
            self.dialog.failed(exc)

    # --- reset a forgotten password ----------------------------------------------------------
    def open_reset_dialog(self) -> ResetPasswordDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = ResetPasswordDialog(self.ctx, user, self)
        dialog.submitted.connect(lambda values: self._reset(dialog, values["password"]))
        self.reset_dialog = dialog
        dialog.open()
        return dialog

    def _reset(self, dialog: ResetPasswordDialog, password: str) -> None:
        user = dialog.user
        self.ctx.call_vault(
            accounts.reset_password,
            user.login,
            password,
            on_success=lambda _none: self._was_reset(dialog),
            on_failure=dialog.failed,
        )

    def _was_reset(self, dialog: ResetPasswordDialog) -> None:
        user = dialog.user
        dialog.succeeded()
        self.reset_dialog = None
        self.ctx.status(
            fill(self.tr("Wachtwoord van %1 opnieuw ingesteld."), user.full_name or user.login)
        )
        self.ctx.prompts.info(
            self,
            self.tr("Wachtwoord opnieuw ingesteld"),
            fill(
                self.tr(
                    "Geef het eenmalige wachtwoord persoonlijk door aan %1. Bij het volgende "
                    "ontgrendelen kiest %1 een eigen wachtwoord."
                ),
                user.full_name or user.login,
            ),
        )

    # --- remove ---------------------------------------------------------------------------
    def remove_selected(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        confirmed = self.ctx.prompts.confirm(
            self,
            self.tr("Gebruiker verwijderen"),
            fill(
                self.tr(
                    "%1 (%2) verwijderen?\n\nDeze gebruiker kan de kluis daarna niet meer "
                    "openen. Daarvoor wordt de sleutel van de kluis vernieuwd; dat kan even duren. "
                    "Wat deze gebruiker vastlegde, blijft bewaard."
                ),
                user.full_name or user.login,
                user.login,
            ),
            self.tr("&Verwijderen"),
        )
        if not confirmed:
            return
        self.remove_button.setEnabled(False)
        self.ctx.call_vault(  # drops the slot and renews the key
            accounts.remove_user,
            user.login,
            on_success=lambda _none: self._removed(user),
            on_failure=self._remove_failed,
        )

    def _removed(self, user: UserInfo) -> None:
        self.ctx.status(fill(self.tr("Gebruiker %1 verwijderd."), user.full_name or user.login))
        self.model.remove(user.id)

    def _remove_failed(self, exc: BaseException) -> None:
        self._selection_changed()
        self.ctx.fail(exc)
