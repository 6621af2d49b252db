"""The tables of a report that leaves the team, masked once and rendered alike in PDF and Excel.

A report lists its counts as `Count` cells with keys (the same key wherever the same figure is
printed) and its other values as plain text or hours. `Printed.of` runs the disclosure control
over all of them together (reports/disclosure.py); the PDF table, the Excel sheet and the app's
preview (which shows that PDF) then print the same marks.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from amo_desktop.domain.enums import label_of
from amo_desktop.reports.disclosure import (
    FEW,
    FEW_NOTE,
    LEGEND,
    PRIMARY,
    SECONDARY,
    WITHHELD,
    WITHHELD_NOTE,
    Disclosure,
    Key,
    formatted,
    hidden,
    protect,
)
from amo_desktop.reports.numbers import number

# A plain cell: text, or hours printed with a decimal comma; never suppressed (not a count).
Plain = str | float | int | None


@dataclass(frozen=True)
class Count:
    """A number of young people (or referrals), printed under the small-cell rule."""

    key: Key


Cell = Count | Plain


@dataclass(frozen=True)
class CountTable:
    """One table: its Excel sheet name, header, rows (label, cells) and optional total row."""

    sheet: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]
    total: tuple[Cell, ...] | None = None
    by_size: bool = False  # sort by the printed numbers, hidden rows last by label

    def counts(self) -> Iterable[Count]:
        for _, cells in self.rows:
            yield from (c for c in cells if isinstance(c, Count))
        yield from (c for c in self.total or () if isinstance(c, Count))


@dataclass
class Builder:
    """Collects the counts, tables and relations of one report."""

    problem: Disclosure = field(default_factory=Disclosure)
    tables: dict[str, CountTable] = field(default_factory=dict)

    def count(self, key: Key, value: int) -> Count:
        return Count(self.problem.cell(key, value))

    def one_way(
        self,
        sheet: str,
        header: tuple[str, str],
        counts: Mapping[str, int],
        name: Hashable,
        total: Key | None = None,
        enum: type[StrEnum] | None = None,
        by_size: bool = True,
        order: Sequence[str] | None = None,
    ) -> CountTable:
        """'What – how many' with a total row when `total` is given (a key shared with the
        other places the same total is printed; if the cells do not add up to it, the table
        gets a total of its own)."""
        keys = [k for k in (order or sorted(counts)) if k in counts or order is not None]
        rows = tuple((label_of(k, enum), (self.count((name, k), counts.get(k, 0)),)) for k in keys)
        total_row = None
        if total is not None:
            value = sum(counts.get(k, 0) for k in keys)
            if self.problem.values.get(total, value) != value:
                total = (name, "total")
            total_row = (self.count(total, value),)
            self.problem.add_sum(total, [c.key for _, (c,) in rows])
        table = CountTable(sheet, header, rows, total_row, by_size)
        self.tables[sheet] = table
        return table

    def add(self, table: CountTable) -> CountTable:
        self.tables[table.sheet] = table
        return table

    def at_most(self, lower: Count, upper: Count) -> None:
        if lower.key != upper.key:
            self.problem.add_at_most(lower.key, upper.key)

    def done(self) -> Printed:
        return Printed(self.tables, protect(self.problem), self.problem)


@dataclass(frozen=True)
class Printed:
    """The masked report: what each count prints as, and its tables."""

    tables: dict[str, CountTable]
    shown: dict[Key, str]
    problem: Disclosure

    def show(self, key: Key) -> str:
        """A count as printed: its number in the one format (1.234) or its mark."""
        return formatted(self.shown[key])

    def text(self, cell: Cell) -> str:
        if isinstance(cell, Count):
            return self.show(cell.key) or "–"
        if cell is None:
            return "–"
        if isinstance(cell, str):
            return cell
        return number(cell)

    def value(self, cell: Cell) -> Any:
        """For Excel: a printed count as a number, a mark as text, hours as they are."""
        if isinstance(cell, Count):
            text = self.shown[cell.key]
            return text if hidden(text) else self.problem.values[cell.key]
        return cell

    def hides(self, table: CountTable) -> bool:
        return any(self.shown[c.key] in (PRIMARY, SECONDARY) for c in table.counts())

    def withholds(self, table: CountTable) -> bool:
        return any(self.shown[c.key] == WITHHELD for c in table.counts())

    def notes(self, table: CountTable) -> list[str]:
        """The lines under a table that explain its marks."""
        return (
            ([LEGEND] if self.hides(table) else [])
            + ([WITHHELD_NOTE] if self.withholds(table) else [])
            + ([FEW_NOTE] if any(c == FEW for _, cells in table.rows for c in cells) else [])
        )

    def rows(self, table: CountTable) -> list[tuple[str, tuple[Cell, ...]]]:
        """The rows in print order; sorting by size never places a hidden cell among numbers."""
        rows = [
            row
            for row in table.rows
            if not (counts := [c for c in row[1] if isinstance(c, Count)])
            or any(self.shown[c.key] != WITHHELD for c in counts)
        ]
        if table.by_size:

            def order(row: tuple[str, tuple[Cell, ...]]) -> tuple[int, int, str]:
                value = self.value(row[1][0])
                return (0, -value, row[0]) if isinstance(value, int) else (1, 0, row[0])

            rows.sort(key=order)
        return rows

    def sheet(self, name: str) -> list[list[Any]]:
        table = self.tables[name]
        out: list[list[Any]] = [[_plain(h) for h in table.header]]
        out += [[label, *(self.value(c) for c in cells)] for label, cells in self.rows(table)]
        if table.total is not None:
            out.append(["Totaal", *(self.value(c) for c in table.total)])
        if self.notes(table):
            out += [[], *[[line] for line in self.notes(table)]]
        return out

    def sheets(self) -> dict[str, list[list[Any]]]:
        return {name: self.sheet(name) for name in self.tables}

    def flowables(self, name: str, widths: Sequence[float] | None = None) -> list[Flowable]:
        """The table for the PDF and the legend lines under it, bound to each other and (by
        keepWithNext) to a heading or sentence just before them."""
        from amo_desktop.reports.blocks import table as grid
        from amo_desktop.reports.style import styles

        t = self.tables[name]
        rows = [(label, *(self.text(c) for c in cells)) for label, cells in self.rows(t)]
        if not rows and not self.withholds(t):
            rows = [("(geen)", *["0"] * (len(t.header) - 1))]
        if t.total is not None:
            rows.append(("Totaal", *(self.text(c) for c in t.total)))
        table = grid(t.header, rows, widths=widths or _widths(len(t.header)))
        notes = [Paragraph(_escape(line), styles()["small"]) for line in self.notes(t)]
        table.keepWithNext = bool(notes)  # a legend never on the page after its table
        return [table, *notes]

    def flowable(self, name: str, widths: Sequence[float] | None = None) -> Flowable:
        """The table and its legend as one block, for a caller that cannot take a list."""
        parts = self.flowables(name, widths)
        parts[0].keepWithNext = False  # a keepWithNext inside a KeepTogether breaks pages
        return KeepTogether(parts)


def _widths(columns: int) -> tuple[float, ...]:
    return (120, 30) if columns == 2 else (90, *[40] * (columns - 1))


def _plain(header: str) -> str:
    return header.replace("-<br/>", "").replace("<br/>", " ")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
