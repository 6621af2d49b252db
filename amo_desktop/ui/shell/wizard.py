"""First run: create the vault, then make the team leader keep the recovery key."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from amo_desktop.errors import KnownError, ValidationError
from amo_desktop.services import accounts, exchange
from amo_desktop.services.files import save_output
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FieldErrors
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import open_file
from amo_desktop.ui.shell.password import NewPassword

try:  # part of PySide6-Essentials, but a trimmed build may leave it out
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
except ImportError:  # pragma: no cover
    QPrintDialog = None  # type: ignore[assignment,misc]
    QPrinter = None  # type: ignore[assignment,misc]

PAGE_WELCOME, PAGE_ACCOUNT, PAGE_KEY, PAGE_JOIN = range(4)


class AccountPage(QWizardPage):
    """Organisation, team leader and password; leaving it creates the vault (a commit page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Organisatie en teamverantwoordelijke"))
        self.setSubTitle(
            self.tr(
                "De teamverantwoordelijke beheert de kluis en voegt later de coaches toe. "
                "Kies een sterk wachtwoord dat u niet elders gebruikt."
            )
        )
        self.organisation = QLineEdit()
        self.login = QLineEdit()
        self.full_name = QLineEdit()
        self.new_password = NewPassword(
            words=lambda: (self.organisation.text(), self.login.text(), self.full_name.text())
        )
        self.new_password.meter.watch(self.organisation, self.login, self.full_name)
        self.password, self.repeat = self.new_password.password, self.new_password.repeat
        self.meter = self.new_password.meter
        self.form, self.errors = _commit_page(self, self.tr("&Kluis maken"))
        self.errors.add_row(self.form, self.tr("&Organisatie:"), "organisation", self.organisation)
        self.errors.add_row(self.form, self.tr("&Gebruikersnaam:"), "login", self.login)
        self.errors.add_row(self.form, self.tr("Volledige &naam:"), "full_name", self.full_name)
        self.new_password.add_rows(self.errors, self.form, self.tr("&Wachtwoord:"), "password")


class JoinPage(QWizardPage):
    """A coach's laptop: the invitation file, its one-time code and a password (a commit page)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Aansluiten bij een team"))
        self.setSubTitle(
            self.tr(
                "Kies het uitnodigingsbestand van de teamverantwoordelijke en typ de "
                "eenmalige code die u apart kreeg. Kies dan een sterk wachtwoord voor deze laptop."
            )
        )
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.browse = QPushButton(self.tr("&Bladeren…"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.new_password = NewPassword()
        self.password, self.repeat = self.new_password.password, self.new_password.repeat
        self.meter = self.new_password.meter
        chooser = QHBoxLayout()
        chooser.addWidget(self.file, 1)
        chooser.addWidget(self.browse)
        holder = QWidget()
        holder.setLayout(chooser)
        chooser.setContentsMargins(0, 0, 0, 0)
        self.form, self.errors = _commit_page(self, self.tr("&Aansluiten"))
        self.errors.add_row(self.form, self.tr("&Uitnodiging:"), "file", holder)
        self.errors.add_row(self.form, self.tr("&Code:"), "code", self.code)
        self.new_password.add_rows(self.errors, self.form, self.tr("&Wachtwoord:"), "password")
        self.browse.clicked.connect(self._choose)

    def _choose(self) -> None:
        path = open_file(
            self._wizard.ctx,
            self,
            self.tr("Uitnodiging kiezen"),
            self.tr("AMO-uitnodiging (*.amoi)"),
        )
        if path is not None:
            self.file.setText(str(path))


class KeyPage(QWizardPage):
    """Shows the recovery key once; Finish stays disabled until the user says it is kept."""

    def __init__(self, prompts_parent: FirstRunWizard) -> None:
        super().__init__(prompts_parent)
        self._wizard = prompts_parent
        self.setTitle(self.tr("Herstelsleutel"))
        self.setSubTitle(
            self.tr(
                "Met deze sleutel opent u de kluis als iemand het wachtwoord vergeet. "
                "Hij wordt maar één keer getoond. Bewaar hem op papier op een veilige plaats, "
                "nooit bij de laptop."
            )
        )
        self.key_view = QPlainTextEdit()
        self.key_view.setReadOnly(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(max(font.pointSize(), 9) + 1)
        self.key_view.setFont(font)
        self.key_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.key_view.setMaximumHeight(70)
        self.save_button = QPushButton(self.tr("Opslaan als &bestand…"))
        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.print_button.setVisible(QPrintDialog is not None)
        self.saved = QCheckBox(self.tr("Ik heb de herstelsleutel &bewaard"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_view)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(self.saved)
        layout.addStretch()
        self.saved.toggled.connect(self.completeChanged)
        self.save_button.clicked.connect(self._wizard.save_key)
        self.print_button.clicked.connect(self._wizard.print_key)

    def initializePage(self) -> None:
        self.key_view.setPlainText(self._wizard.recovery_key or "")

    def isComplete(self) -> bool:
        return self.saved.isChecked() and bool(self._wizard.recovery_key)


class FirstRunWizard(QWizard):
    """Emits `created` after Finish; the vault is then unlocked by the new team leader."""

    created = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recovery_key: str | None = None
        self._creating = False
        self.setWindowTitle(self.tr("AMO Desktop instellen"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Volgende >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< V&orige"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Voltooien"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuleren"))
        self.setPage(PAGE_WELCOME, self._welcome_page())
        self.account = AccountPage()
        self.account.meter.lang = ctx.lang
        self.setPage(PAGE_ACCOUNT, self.account)
        self.key_page = KeyPage(self)
        self.setPage(PAGE_KEY, self.key_page)
        self.join_page = JoinPage(self)
        self.join_page.meter.lang = ctx.lang
        self.setPage(PAGE_JOIN, self.join_page)
        self.resize(720, 540)
        self.accepted.connect(self.created)

    def _welcome_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Welkom bij AMO Desktop"))
        text = QLabel(
            fill(
                self.tr(
                    "Er is nog geen kluis op deze computer. Deze assistent maakt er een: een "
                    "versleuteld bestand waarin alle gegevens van uw team staan.\n\n"
                    "De kluis komt in:\n%1"
                ),
                self.ctx.data_dir,
            )
        )
        text.setWordWrap(True)
        self.create_choice = QRadioButton(
            self.tr("Een &nieuwe kluis maken (teamverantwoordelijke)")
        )
        self.join_choice = QRadioButton(
            self.tr("&Aansluiten bij een team met een uitnodiging (coach)")
        )
        self.create_choice.setChecked(True)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(self.create_choice)
        layout.addWidget(self.join_choice)
        layout.addStretch()
        return page

    def nextId(self) -> int:
        current = self.currentId()
        if current == PAGE_WELCOME:
            return PAGE_JOIN if self.join_choice.isChecked() else PAGE_ACCOUNT
        if current in (PAGE_ACCOUNT, PAGE_JOIN):
            return PAGE_KEY
        return -1

    # --- creating the vault ---------------------------------------------------------------
    def validateCurrentPage(self) -> bool:
        if self.currentId() not in (PAGE_ACCOUNT, PAGE_JOIN) or self.recovery_key is not None:
            return super().validateCurrentPage()
        if not self._creating:
            if self.currentId() == PAGE_JOIN:
                self._start_join()
            else:
                self._start_create()
        return False  # the worker calls next() when the vault exists

    def _start_join(self) -> None:
        page = self.join_page
        page.errors.clear()
        if not page.file.text():
            page.errors.show("file", self.tr("Kies het uitnodigingsbestand."))
            return
        if page.new_password.differ(page.errors):
            return
        password = page.password.text()
        accounts_error = _password_problem(password, self.ctx.lang)
        if accounts_error is not None:
            page.errors.show("password", accounts_error)
            return
        path, code = Path(page.file.text()), page.code.text()
        vault = self.ctx.vault

        def job() -> str:
            data = path.read_bytes()
            exchange.read_invitation(data, code)  # a wrong code is said before anything is made
            return exchange.join(vault, data, code, password)

        self._submit(job, self._on_join_failed)

    def _on_join_failed(self, exc: BaseException) -> None:
        """A file that cannot be read or a wrong code is said beside its field."""
        self._release()
        page = self.join_page
        if isinstance(exc, OSError):
            page.errors.show("file", self.tr("Dit bestand kan niet gelezen worden."))
        elif isinstance(exc, KnownError) and exc.code in ("invite_code", "bundle_damaged"):
            page.errors.show("code", exc.message(self.ctx.lang))
        elif not page.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)

    def _start_create(self) -> None:
        page = self.account
        page.errors.clear()
        if page.new_password.differ(page.errors):
            return
        values = (
            page.organisation.text(),
            page.login.text(),
            page.full_name.text(),
            page.password.text(),
        )
        vault = self.ctx.vault
        self._submit(lambda: accounts.create_vault(vault, *values), self._on_failed)

    def _submit(self, job: Callable[[], str], failed: Callable[[BaseException], None]) -> None:
        """Make the vault on the worker; the commit button waits until it is there or failed."""
        self._creating = True
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        self.ctx.run(job, self._on_created, failed)

    def _release(self) -> None:
        self._creating = False
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)

    def _on_created(self, recovery_key: str) -> None:
        self.recovery_key = recovery_key
        self.account.new_password.clear()
        self.join_page.new_password.clear()
        self._release()
        self.next()

    def _on_failed(self, exc: BaseException) -> None:
        """The commit button comes back; the refusal is said beside its field."""
        self._release()
        if not self.account.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)

    # --- keeping the key ------------------------------------------------------------------
    def sheet(self) -> str:
        sidecar = self.ctx.vault.sidecar
        from amo_desktop.reports import recovery  # ReportLab only when the key is shown

        return recovery.text(sidecar.organisation, sidecar.vault_id, self.recovery_key or "")

    def save_key(self) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d")
        suggested = Path.home() / f"AMO-herstelsleutel-{stamp}.txt"
        path = self.ctx.prompts.save_file(
            self, self.tr("Herstelsleutel opslaan"), suggested, self.tr("Tekstbestand (*.txt)")
        )
        if path is None:
            return
        try:
            save_output(path, self.sheet().encode("utf-8"), self.ctx.vault.data_dir)
        except KnownError as exc:
            self.ctx.prompts.error(self, self.tr("Niet opgeslagen"), exc.message(self.ctx.lang))
            return
        except OSError:
            self.ctx.prompts.error(
                self,
                self.tr("Niet opgeslagen"),
                self.tr("Het bestand kon niet worden geschreven. Kies een andere map."),
            )
            return
        self.ctx.prompts.info(
            self,
            self.tr("Opgeslagen"),
            fill(
                self.tr(
                    "De herstelsleutel staat in %1. Druk hem af, bewaar hem veilig en verwijder "
                    "dan het bestand."
                ),
                path,
            ),
        )

    def print_key(self) -> None:
        if QPrintDialog is None:
            return
        from PySide6.QtGui import QTextDocument

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(self.sheet())
        document.print_(printer)


def _commit_page(page: QWizardPage, commit_text: str) -> tuple[QFormLayout, FieldErrors]:
    """The page's form with its errors under it; leaving the page makes the vault."""
    general = QLabel()
    errors = FieldErrors(general)
    form = QFormLayout()
    layout = QVBoxLayout(page)
    layout.addLayout(form)
    layout.addWidget(general)
    page.setCommitPage(True)
    page.setButtonText(QWizard.WizardButton.CommitButton, commit_text)
    return form, errors


def _password_problem(password: str, lang: str) -> str | None:
    """The accounts service's password rule, said next to the field before joining."""
    try:
        accounts.validate_password(password)
    except ValidationError as exc:
        return exc.message(lang)
    return None
