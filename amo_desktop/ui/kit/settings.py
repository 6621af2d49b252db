"""Per-user preferences in an INI file beside the vault (never pupil data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

LANGUAGES = ("nl", "en")
DEFAULT_AUTOLOCK_MINUTES = 5


class AppSettings:
    """Typed access to QSettings, so keys and defaults live in one place."""

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
        try:
            minutes = int(str(self._q.value(self.AUTOLOCK_MINUTES, DEFAULT_AUTOLOCK_MINUTES)))
        except (TypeError, ValueError):
            return DEFAULT_AUTOLOCK_MINUTES
        return max(1, minutes)

    def set_autolock_minutes(self, minutes: int) -> None:
        self._q.setValue(self.AUTOLOCK_MINUTES, int(minutes))
        self._q.sync()
