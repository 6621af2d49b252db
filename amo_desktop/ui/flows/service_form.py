"""The kit's FormDialog with what the session and trajectory dialogs add: an intro, extra rows
between the fields and the buttons, and an OK that runs one service call itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from amo_desktop.ui.kit.context import AppContext
from amo_desktop.ui.kit.forms import FormDialog


class ServiceFormDialog(FormDialog):
    """`submit(values)` runs when OK is pressed; `run(service, ..., said=...)` calls it and,
    once saved, says so in the status bar, emits `done_with(result)` and closes; a known error
    shows beside its field."""

    done_with = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(ctx, "", "", parent)
        self._said = ""
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.insert(0, self.intro)
        self.submitted.connect(self.submit)

    def describe(self, title: str, ok_text: str, intro: str = "") -> None:
        self.setWindowTitle(title)
        self.ok_button.setText(ok_text)
        if intro:
            self.intro.setText(intro)
            self.intro.show()

    def insert(self, index: int, widget: QWidget) -> None:
        """A widget in the dialog's column: 0 the intro, 1 the fields, 2 and on under them."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(index, widget)

    def buttons_last(self, last_field: QWidget) -> None:
        """Tab goes through the fields first, then OK and Cancel (FormDialog builds its buttons
        before the fields are added)."""
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        QWidget.setTabOrder(last_field, self.ok_button)
        QWidget.setTabOrder(self.ok_button, cancel)

    def submit(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def run(self, service: Callable[..., Any], *args: Any, said: str = "") -> None:
        """Calls the service; once it succeeded, the status bar says `said`."""
        self._said = said
        self.ctx.call(service, *args, on_success=self._done, on_failure=self.failed)

    def _done(self, result: Any) -> None:
        if self._said:
            self.ctx.status(self._said)
        self.done_with.emit(result)
        self.succeeded(result)

    def failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not self.errors.show_error(exc, self.ctx.lang):
            self.ctx.fail(exc)
