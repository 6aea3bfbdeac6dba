"""A text-cells export's tables written into the blocks the reader returns (issue 11).

``PackedCellTables`` writes each row of a chosen reading straight into
``block_pack``'s packed form: a table's distinct cell texts once (their parts worked
out once a table, then let go with it), the rows as cell positions. No ``Cell``,
``Row`` or ``Table`` is made, and nothing is kept a document long: the reader's
blocks were 4.7 times a 1 MB export in Python's arenas, interleaved with the
``RawCell``s still to read (the arenas grew by a third while the used bytes fell),
and the cells remembered a document long (``cells._shared_cell``) held every
distinct text's parts to the end of the read. ``ObjectCellTables`` is the reference
(the rows as the reader made them), chosen by the blocks' container
(``plain_blocks`` swaps both).
"""

from __future__ import annotations

from collections.abc import Callable

from planextract.extract.block_pack import PackedBlocks, packed_table
from planextract.extract.model import Cell, Row, Table
from planextract.extract.table_writer import packed_cell
from planextract.extract.text.cell_items import RawCell


class ObjectCellTables:
    """The reference: header cells of their labels, row cells shared a document
    (``shared``: a ``Cell`` from its raw text), each table a ``Table``."""

    __slots__ = ("_blocks", "_shared", "_rows")

    def __init__(self, blocks: list, shared: Callable[[str], Cell]) -> None:
        self._blocks = blocks
        self._shared = shared
        self._rows: list[Row] = []

    def header(self, cells: list[RawCell]) -> None:
        self._rows.append(Row(cells=tuple(Cell(parts=(c.label,) if c.label else (), raw=c.label)
                                          for c in cells),
                              line_start=cells[0].first_line, line_end=cells[-1].last_text_line))

    def row(self, cells: list[RawCell], after_break: bool) -> None:
        # a cell's lines hold no line break: its raw text split gives them back
        self._rows.append(Row(cells=tuple(self._shared(c.text) for c in cells),
                              line_start=cells[0].first_line,
                              line_end=cells[-1].last_text_line, after_break=after_break))

    def close(self) -> None:
        if self._rows:
            self._blocks.append(Table(rows=tuple(self._rows)))
        self._rows = []


class PackedCellTables:
    """Each table packed as its rows are written (``pack_table``'s form)."""

    __slots__ = ("_blocks", "_parts_of", "_at", "_cells", "_rows")

    def __init__(self, blocks: PackedBlocks, parts_of: Callable[[str], tuple[str, ...]]
                 ) -> None:
        self._blocks = blocks
        self._parts_of = parts_of
        self._at: dict[str, int] = {}  # the table's distinct row cell texts, by position
        self._cells: list[tuple[tuple[str, ...], str]] = []
        self._rows: list[tuple] = []

    def header(self, cells: list[RawCell]) -> None:
        positions = []
        for cell in cells:  # a cell each, as the reference makes them
            label = cell.label
            positions.append(len(self._cells))
            self._cells.append(((label,), label) if label else ((), label))
        self._rows.append((tuple(positions), cells[0].first_line, cells[-1].last_text_line,
                           None, None, False, False))

    def row(self, cells: list[RawCell], after_break: bool) -> None:
        at = self._at
        positions = []
        for cell in cells:
            raw = cell.text
            found = at.get(raw)
            if found is None:
                found = at[raw] = len(self._cells)
                self._cells.append(packed_cell(self._parts_of(raw), raw))
            positions.append(found)
        self._rows.append((tuple(positions), cells[0].first_line, cells[-1].last_text_line,
                           None, None, after_break, False))

    def close(self) -> None:
        if self._rows:
            self._blocks.append(packed_table(self._cells, self._rows, squeeze=True))
        self._at = {}
        self._cells = []
        self._rows = []


def cell_tables(blocks: list | PackedBlocks, shared: Callable[[str], Cell],
                parts_of: Callable[[str], tuple[str, ...]]
                ) -> ObjectCellTables | PackedCellTables:
    """The writer of the reader's tables into ``blocks``: packed for ``PackedBlocks``,
    objects for a list (``shared`` makes a row's cell, ``parts_of`` its parts)."""
    if isinstance(blocks, PackedBlocks):
        return PackedCellTables(blocks, parts_of)
    return ObjectCellTables(blocks, shared)
