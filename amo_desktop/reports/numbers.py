"""The one number format of every report (nl-BE), in a module of its own so the disclosure
control (reports/disclosure.py) and the tables (reports/blocks.py) print numbers alike."""

from __future__ import annotations


def number(value: float | int | None, decimals: int = 1) -> str:
    """The one number format of every report (nl-BE): 1.234,5; a whole number (also after
    rounding) without decimals; '–' for no value."""
    if value is None:
        return "–"
    rounded = round(float(value), decimals)
    if rounded.is_integer():
        return f"{int(rounded):,}".replace(",", ".")
    return f"{rounded:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")


def percent(part: float, whole: float) -> str:
    """A share as a whole percentage, '47 %' (nl-BE: a space before the sign); '–' for none."""
    if not whole:
        return "–"
    return f"{number(round(100 * part / whole))}\u00a0%"  # the sign never on the next line
