"""Small form helpers: an error label under each field, and password inputs with a strength bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.errors import KnownError, ValidationError
from amo_desktop.services.password_policy import PasswordVerdict, password_verdict, password_words
from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.text import fill
from amo_desktop.ui.kit.widgets import at_least_wide, date_of

ERROR_STYLE = "color: #b00020;"


def spoken(text: str) -> str:
    """A label's text as a screen reader should say it: without its '&' and closing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


def labelled(text: str, widget: QWidget) -> QLabel:
    """The visible label of `widget`: its '&' letter moves focus to the widget, and its text is
    the widget's accessible name (what a screen reader says), unless it has one already."""
    label = QLabel(text)
    label.setBuddy(widget)
    if not widget.accessibleName():
        widget.setAccessibleName(spoken(text))
    return label


class FieldErrors:
    """Maps a service's field names to the widgets and their error labels."""

    def __init__(self, general: QLabel) -> None:
        self._general = general
        self._fields: dict[str, tuple[QWidget, QLabel, QFormLayout]] = {}
        general.setStyleSheet(ERROR_STYLE)
        general.setWordWrap(True)
        general.hide()

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> QLabel:
        """Adds 'label: widget' and, under the widget, a hidden row for its error."""
        caption = labelled(label, widget)
        form.addRow(caption, widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setObjectName(f"error_{field}")
        form.addRow("", error)
        self._fields[field] = (widget, error, form)
        self._set_visible(field, False)
        return error

    def _set_visible(self, field: str, visible: bool) -> None:
        _widget, error, form = self._fields[field]
        form.setRowVisible(error, visible)  # the error's own row, under its field

    def clear(self) -> None:
        self._general.hide()
        for field in self._fields:
            self._set_visible(field, False)

    def show(self, field: str, text: str) -> None:
        if field in self._fields:
            widget, error, _form = self._fields[field]
            error.setText(text)
            self._set_visible(field, True)
            widget.setFocus()
        else:
            self.show_general(text)

    def show_general(self, text: str) -> None:
        self._general.setText(text)
        self._general.show()

    def show_error(
        self, exc: BaseException, lang: str, field_map: dict[str, str] | None = None
    ) -> bool:
        """Shows a known error next to its field; returns False for a bug (for `ctx.fail`)."""
        if isinstance(exc, ValidationError):
            field = (field_map or {}).get(exc.field, exc.field)
            self.show(field, exc.message(lang))
            return True
        if isinstance(exc, KnownError):
            self.show_general(exc.message(lang))
            return True
        return False

    def visible_text(self, field: str) -> str:
        """The error shown for a field, or '' (for tests and screen readers)."""
        if field not in self._fields:
            return self._general.text() if not self._general.isHidden() else ""
        error = self._fields[field][1]
        return "" if error.isHidden() else error.text()


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class StrengthMeter(QWidget):
    """zxcvbn's 0-4 as a bar, a word (zwak, matig, goed, sterk) and its advice, following a
    new-password field as the user types (services/password_policy.py decides the rule).

    `words` gives the user's own words (login, name, organisation) at each reading; `watch`
    re-reads when one of the fields they come from changes."""

    changed = Signal(int)

    def __init__(
        self,
        edit: QLineEdit,
        parent: QWidget | None = None,
        words: Callable[[], Sequence[str | None]] | None = None,
        lang: str = "nl",
    ) -> None:
        super().__init__(parent)
        self.edit = edit
        self.words = words or (lambda: ())
        self.lang = lang
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.word = QLabel()
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("color: palette(mid);")
        self.verdict: PasswordVerdict | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.word)
        layout.addWidget(self.advice)
        edit.textChanged.connect(self.update_for)
        self.update_for(edit.text())

    def watch(self, *edits: QLineEdit) -> StrengthMeter:
        for other in edits:
            other.textChanged.connect(lambda _text: self.update_for(self.edit.text()))
        self.update_for(self.edit.text())
        return self

    def update_for(self, password: str) -> None:
        if not password:
            self.verdict = None
            self.bar.setValue(0)
            self.word.setText("")
            self.advice.setText("")
            self.changed.emit(0)
            return
        verdict = password_verdict(password, password_words(*self.words()))
        self.verdict = verdict
        self.bar.setValue(verdict.score)
        words = [
            QCoreApplication.translate("Forms", "zwak"),
            QCoreApplication.translate("Forms", "zwak"),
            QCoreApplication.translate("Forms", "matig"),
            QCoreApplication.translate("Forms", "goed"),
            QCoreApplication.translate("Forms", "sterk"),
        ]
        self.word.setText(
            fill(QCoreApplication.translate("Forms", "Sterkte: %1"), words[verdict.score])
        )
        self.advice.setText("" if verdict.ok else verdict.message(self.lang))
        self.changed.emit(verdict.score)


def ok_cancel(
    dialog: QDialog, ok_text: str, cancel_text: str, on_ok: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's OK (running `on_ok`, which decides whether to close) and Cancel
    (rejecting) buttons."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok_button


class FormDialog(QDialog):
    """Fields under each other; OK emits `submitted(values)`, the page runs the service and
    calls `succeeded()` or `failed(exc)` (which shows the message next to its field)."""

    submitted = Signal(dict)

    def __init__(self, ctx: AppContext, title: str, ok_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        self.buttons, self.ok_button = ok_cancel(
            self, ok_text, QCoreApplication.translate("Admin", "Annuleren"), self._submit
        )
        self.box = QVBoxLayout(self)  # the form, its general error, the buttons
        self.box.addLayout(self.form)
        self.box.addWidget(self.general)
        self.box.addWidget(self.buttons)
        at_least_wide(self.box, 460)

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        self.fields[key] = widget
        self.errors.add_row(self.form, label, key, widget)
        return widget

    def calls(
        self,
        service: Callable[..., Any],
        *keys: str,
        before: Sequence[Any] = (),
        done: Callable[[Any], None] | None = None,
        said: str = "",
    ) -> FormDialog:
        """OK runs `ctx.call(service, *before, *the values of keys)`; then the dialog closes,
        the status bar says `said` and the result goes to `done`; a failure shows beside its
        field (`failed`)."""

        def finish(result: Any) -> None:
            self.succeeded()
            if said:
                self.ctx.status(said)
            if done is not None:
                done(result)

        self.submitted.connect(
            lambda values: self.ctx.call(
                service,
                *before,
                *(values[key] for key in keys),
                on_success=finish,
                on_failure=self.failed,
            )
        )
        return self

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                result[key] = widget.text()
            elif isinstance(widget, QComboBox):
                result[key] = widget.currentData()
            elif isinstance(widget, QDateEdit):
                result[key] = date_of(widget)
            elif isinstance(widget, QPlainTextEdit):
                result[key] = widget.toPlainText()
            elif isinstance(widget, QSpinBox):
                result[key] = widget.value()
        return result

    def _submit(self) -> None:
        self.errors.clear()
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.values())

    def succeeded(self, _result: object = None) -> None:
        self.accept()
        self.deleteLater()

    def failed(self, exc: BaseException) -> None:
        """A known error beside its field (or under the fields); a bug to `ctx.fail`."""
        self.ok_button.setEnabled(True)
        if not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)
