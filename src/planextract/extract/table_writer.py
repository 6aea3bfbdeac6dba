"""A reader's table rows written straight into the blocks it returns (issue 11).

With ``PackedBlocks`` each row goes into ``block_pack.pack_table``'s form as it is
read: its cells' raw texts by position among the table's distinct ones, each
distinct text's parts worked out once while remembered (``PARTS_KEPT``). No ``Cell``
or ``Row`` is made (the read made one of each, frozen dataclasses, and packing then
walked them: most of what packing cost the read). With a plain list (the reference,
``plain_blocks``) the rows are made as before: a ``Row`` of ``CellMaker`` cells, one
``Cell`` per distinct raw text a document.
"""

from __future__ import annotations

from collections.abc import Callable

from planextract.extract.block_pack import PackedBlocks, packed_table
from planextract.extract.cell_share import CellMaker
from planextract.extract.model import Row, Table
from planextract.settings import DEFAULT

# texts whose parts a writer remembers across tables, about at most: read at import,
# not from a run's Settings (the tabbed and markdown readers are given none; see
# MemoSettings, which says when each bound is read)
PARTS_KEPT = DEFAULT.memo.reader_parts


class ObjectTables:
    """The reference: each row a ``Row`` of shared ``Cell``s, each table a ``Table``."""

    __slots__ = ("_blocks", "_cell", "_rows")

    def __init__(self, blocks: list, parts_of: Callable[[str], tuple[str, ...]]) -> None:
        self._blocks = blocks
        self._cell = CellMaker(parts_of)
        self._rows: list[Row] = []

    @property
    def rows(self) -> int:
        """The rows of the table being read."""
        return len(self._rows)

    @property
    def width(self) -> int:
        """The cells of its last row."""
        return len(self._rows[-1].cells)

    def add(self, raws: list[str], line_start: int, line_end: int,
            after_break: bool = False) -> None:
        self._rows.append(Row(cells=tuple(map(self._cell, raws)), line_start=line_start,
                              line_end=line_end, after_break=after_break))

    def close(self) -> None:
        """The table read so far (if any row) added to the blocks."""
        if self._rows:
            self._blocks.append(Table(rows=tuple(self._rows)))
        self._rows = []


class PackedTables:
    """Each table packed as read, without its objects (``pack_table``'s form)."""

    __slots__ = ("_blocks", "_parts_of", "_parts", "_old", "_at", "_cells", "_rows")

    def __init__(self, blocks: PackedBlocks, parts_of: Callable[[str], tuple[str, ...]]
                 ) -> None:
        self._blocks = blocks
        self._parts_of = parts_of
        # the cells' parts remembered across tables (owners and statuses repeat), at
        # most about PARTS_KEPT texts in two halves: kept a document long they were
        # every distinct text of it and its parts, 2.4 times a 10 MB tabbed export at
        # the read's end; at 4,096 they set a 1 MB html export's read peak (issue 11).
        # A text asked again is carried from the older half into the newer, so the
        # texts that repeat outlive the halves' turns (1 MB: parts worked out 7,663 at
        # 4,096 in one; 8,892 at 1,024 in one; 7,975 at 1,024 in halves)
        self._parts: dict[str, tuple[tuple[str, ...], str]] = {}  # the newer half
        self._old: dict[str, tuple[tuple[str, ...], str]] = {}  # the older half
        self._at: dict[str, int] = {}  # a table's distinct raw texts, by position
        self._cells: list[tuple[tuple[str, ...], str]] = []
        self._rows: list[tuple] = []

    @property
    def rows(self) -> int:
        return len(self._rows)

    @property
    def width(self) -> int:
        return len(self._rows[-1][0])

    def add(self, raws: list[str], line_start: int, line_end: int,
            after_break: bool = False) -> None:
        at = self._at
        positions = []
        for raw in raws:
            found = at.get(raw)
            if found is None:
                found = at[raw] = len(self._cells)
                cell = self._parts.get(raw)
                if cell is None:
                    cell = self._old.get(raw)
                    if cell is None:
                        cell = packed_cell(self._parts_of(raw), raw)
                    self._parts[raw] = cell
                self._cells.append(cell)
            positions.append(found)
        self._rows.append((tuple(positions), line_start, line_end, None, None, after_break,
                           False))

    def close(self) -> None:
        if self._rows:
            self._blocks.append(packed_table(self._cells, self._rows))
        self._at = {}
        self._cells = []
        self._rows = []
        if len(self._parts) > PARTS_KEPT // 2:  # between tables, the older half is
            self._old = self._parts  # forgotten all at once and the newer one ages
            self._parts = {}


def packed_cell(parts: tuple[str, ...], raw: str) -> tuple[tuple[str, ...], str]:
    """A cell's (parts, raw), raw one string with its one part when they are equal
    (as ``Cell`` keeps it: ``marshal`` then writes it once)."""
    if len(parts) == 1 and parts[0] == raw:
        return parts, parts[0]
    return parts, raw


def table_writer(blocks: list | PackedBlocks, parts_of: Callable[[str], tuple[str, ...]]
                 ) -> ObjectTables | PackedTables:
    """The writer of a reader's tables into ``blocks``: packed for ``PackedBlocks``,
    objects for a list. ``parts_of``: a cell's parts from its raw text."""
    if isinstance(blocks, PackedBlocks):
        return PackedTables(blocks, parts_of)
    return ObjectTables(blocks, parts_of)

