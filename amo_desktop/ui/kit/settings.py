"""Preferences in an INI file beside the vault, per installation or per user (never pupil data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

LANGUAGES = ("nl", "en")
DEFAULT_AUTOLOCK_MINUTES = 5
AUTOLOCK_RANGE = (1, 60)
REMEMBER_KEY = "amoRememberKey"  # the dynamic property that marks a remembered widget


def _minutes(value: object) -> int | None:
    try:
        minutes = int(str(value))
    except (TypeError, ValueError):
        return None
    return min(max(AUTOLOCK_RANGE[0], minutes), AUTOLOCK_RANGE[1])


class AppSettings:
    """Typed access to QSettings, so keys and defaults live in one place.

    The language belongs to the installation: the unlock screen is shown in it before anyone is
    known. Everything else belongs to a user: `for_user` gives their own keys."""

    LANGUAGE = "ui/language"
    AUTOLOCK_MINUTES = "security/autolock_minutes"

    def __init__(self, qsettings: QSettings) -> None:
        self._q = qsettings

    @classmethod
    def in_folder(cls, folder: Path) -> AppSettings:
        return cls(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))

    def language(self, default: str = "nl") -> str:
        value = str(self._q.value(self.LANGUAGE, default))
        return value if value in LANGUAGES else default

    def has_language(self) -> bool:
        return self._q.contains(self.LANGUAGE)

    def set_language(self, lang: str) -> None:
        self._q.setValue(self.LANGUAGE, lang)
        self._q.sync()

    def autolock_minutes(self) -> int:
        """This installation's time, for whoever has not chosen their own."""
        return _minutes(self._q.value(self.AUTOLOCK_MINUTES)) or DEFAULT_AUTOLOCK_MINUTES

    def for_user(self, user_id: str) -> UserSettings:
        return UserSettings(self, self._q, user_id)


class UserSettings:
    """One user's preferences under `users/<user id>/` (the id, not the login: it never
    changes and names nobody)."""

    AUTOLOCK_MINUTES = "autolock_minutes"

    def __init__(self, app: AppSettings, qsettings: QSettings, user_id: str) -> None:
        self.app = app
        self._q = qsettings
        self._prefix = f"users/{user_id}/"

    def value(self, key: str) -> object:
        return self._q.value(self._prefix + key)

    def set_value(self, key: str, value: object) -> None:
        self._q.setValue(self._prefix + key, value)

    def sync(self) -> None:
        self._q.sync()

    def own_autolock_minutes(self) -> int | None:
        """The user's own auto-lock time, None while they have not chosen one."""
        return _minutes(self.value(self.AUTOLOCK_MINUTES))

    def autolock_minutes(self) -> int:
        return self.own_autolock_minutes() or self.app.autolock_minutes()

    def set_autolock_minutes(self, minutes: int) -> None:
        self.set_value(self.AUTOLOCK_MINUTES, _minutes(minutes))
        self.sync()

    def state(self, key: str) -> QByteArray | None:
        """A widget state saved under `key` (window geometry, a splitter, a header)."""
        value = self.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, state: QByteArray) -> None:
        self.set_value(f"layout/{key}", state)


def remember_header(view: QTableView, key: str) -> None:
    """The view's column widths, order and sort are saved per user when the main window hides
    (lock, close) and restored when its page is built."""
    view.setProperty(REMEMBER_KEY, f"header/{key}")


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """The splitter's sizes are saved and restored like `remember_header`'s columns."""
    splitter.setProperty(REMEMBER_KEY, f"splitter/{key}")


def _remembered(root: QWidget) -> list[tuple[str, QWidget]]:
    widgets = [root, *root.findChildren(QWidget)]
    return [(str(w.property(REMEMBER_KEY)), w) for w in widgets if w.property(REMEMBER_KEY)]


def _columns(view: QTableView) -> int:
    model = view.model()
    return model.columnCount() if model is not None else 0


def restore_layout(root: QWidget, settings: UserSettings) -> None:
    """Gives every remembered widget under `root` its saved state; a header only when it still
    has as many columns as when it was saved."""
    for key, widget in _remembered(root):
        if isinstance(widget, QTableView):
            state = settings.state(f"{key}/{_columns(widget)}")
            if state is not None and widget.horizontalHeader().restoreState(state):
                header = widget.horizontalHeader()
                if widget.isSortingEnabled() and header.sortIndicatorSection() >= 0:
                    widget.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        elif isinstance(widget, QSplitter):
            state = settings.state(key)
            if state is not None:
                widget.restoreState(state)


def save_layout(root: QWidget, settings: UserSettings) -> None:
    """Saves the state of every remembered widget under `root` for the next time."""
    for key, widget in _remembered(root):
        if isinstance(widget, QTableView):
            settings.set_state(f"{key}/{_columns(widget)}", widget.horizontalHeader().saveState())
        elif isinstance(widget, QSplitter):
            settings.set_state(key, widget.saveState())
    settings.sync()
