"""The stretch of a one-cell-per-line export the reader holds while it chooses its
tables (issue 11): the items split and not read yet, their cells and the facts
about them, no more.

Choosing a table reads on past it: every width tried walks its rows until its own
table ends (a wrong width often runs thousands of items past the right one's end,
up to the end of the export), and each row start looks up to a header's cells ahead.
So a reading is only taken when every walk stopped inside the stretch, far enough
from its end for every look-ahead (``LOOK_AHEAD`` cells): else the stretch is widened
by more lines and the table chosen again. What the reader decides is then what it
decides over the whole export (``read_whole`` in tests/cells_reference.py). Items read are
dropped from the front now and then, the cells' indices counted on from there.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from planextract.extract.text.cell_headers import MAX_HEADER_CELLS, MAX_HEADER_ROWS
from planextract.extract.text.cell_items import Loose, RawCell
from planextract.extract.text.cell_labels import is_label
from planextract.extract.text.cell_rows import Facts, label_run
from planextract.extract.text.cell_split import CellSplit

# how far past the last cell a walk reached a reading may look: a header's repeat
# (two rows of labels and two more), the next header's run after a row, a title's
# following row; with room to spare
LOOK_AHEAD = MAX_HEADER_ROWS * MAX_HEADER_CELLS + 24


class StretchFacts(Facts):
    """``Facts`` kept only for the cells whose look-ahead is all split (a run of
    labels read short at the stretch's end is no fact about the export), indexed
    from the stretch's first cell."""

    def settle(self, count: int) -> None:
        """Keep the facts of the first ``count`` cells, their runs of labels worked out
        at once from the end (each cell's label asked once, not once for every run
        it is in: a run is the next cell's plus one)."""
        start = len(self._runs)
        grow = count - start
        if grow <= 0:
            return
        cells = self.cells
        run = label_run(cells, count)  # the next cell's (its look-ahead is split)
        runs = bytearray(grow)
        for at in range(count - 1, start - 1, -1):
            label = cells[at].label
            run = min(run + 1, MAX_HEADER_CELLS) if not label or is_label(label) else 0
            runs[at - start] = run + 1
        self._runs += runs
        self._opens.extend(bytes(grow))

    def drop(self, count: int, items: int) -> None:
        """The first ``count`` cells and ``items`` items are gone: the facts count from
        the next."""
        del self._runs[:count]
        del self._opens[:count]
        del self.kinds[:count]
        del self.blanks[:count]
        self.places = array("q", [index - items for index in self.places[count:]])


class Stretch:
    """The items split and final, from the first one not read (``index``)."""

    __slots__ = ("split", "items", "cells", "facts", "index", "_stretch", "cell_count",
                 "whole")

    def __init__(self, pieces: Iterator[list[str]], stretch_lines: int) -> None:
        self.split = CellSplit(pieces)
        self.items: list[RawCell | Loose | None] = []
        self.cells: list[RawCell | None] = []
        self.facts = StretchFacts(self.cells)
        self.index = 0
        self._stretch = stretch_lines
        self.cell_count = 0  # every cell of the export so far
        self.whole = False  # every line split and every item here (or read)

    def start(self) -> None:
        """Split until the first cell (the paragraphs before it are all found)."""
        while not self.split.started and not self.split.done:
            self.split.run(self._stretch)

    def widen(self) -> None:
        """Split another stretch of lines, its final items added."""
        self.split.run(self._stretch)
        cells, before, items = self.cells, len(self.cells), self.items
        add_place = self.facts.add_place
        for item in self.split.take():
            if isinstance(item, RawCell):  # its place, kind and blank line (``Facts.place``)
                item.at = len(cells)
                add_place(len(items), item)
                cells.append(item)
            items.append(item)
        self.cell_count += len(cells) - before
        self.whole = self.split.done
        self.facts.settle(len(cells) if self.whole
                          else len(cells) - MAX_HEADER_CELLS - 1)

    def next_start(self) -> bool:
        """Make the stretch ahead of ``index`` at least a stretch of lines long
        (the items read dropped once they are four stretches: each drop counts the
        indices of the cells left on again); False when all is read."""
        if self.index > 4 * self._stretch:
            self._drop_read()
        while not self.whole and len(self.items) - self.index < self._stretch:
            self.widen()
        return self.index < len(self.items)

    def covers(self, at: int) -> bool:
        """A reading that walked to item ``at`` saw what it would see over the
        whole export: it stopped before the stretch's end, and the first cell
        from there has every cell it may look ahead to split."""
        if self.whole:
            return True
        items = self.items
        for index in range(at, len(items)):
            item = items[index]
            if isinstance(item, RawCell):
                return item.at + LOOK_AHEAD < len(self.cells)
        return False

    def read_to(self, stop: int) -> None:
        """The items before ``stop`` are read and no reading looks back: let them go."""
        items, cells = self.items, self.cells
        for index in range(self.index, stop):
            item = items[index]
            if isinstance(item, RawCell):
                cells[item.at] = None
            items[index] = None
        self.index = stop

    def _drop_read(self) -> None:
        items, cells = self.items, self.cells
        first = next((i.at for i in items[self.index:] if isinstance(i, RawCell)), len(cells))
        del items[:self.index]
        del cells[:first]
        self.facts.drop(first, self.index)
        for cell in cells:
            if cell is not None:
                cell.at -= first
        self.index = 0
