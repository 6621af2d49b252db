"""Placeholders filled in one pass, so a value that itself contains "%2" is never filled again."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """Qt-style `%1`…`%9` in a translated text replaced by `values` (str() of each)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)
