"""Caps on what a reader hands the normaliser: cells, rows and columns past
the stated limits are cut with a warning naming where, so no later step can
be made slow by one huge table or cell, whatever format it came in."""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from planextract.extract.block_pack import PackedBlocks, PackedTable, unpacked
from planextract.extract.model import Cell, RawDocument, Row, Table
from planextract.settings import Limits

_RAW = attrgetter("raw")


def _where(row: Row) -> str:
    if row.line_start is not None:
        return f"line {row.line_start}"
    if row.page_start is not None:
        return f"page {row.page_start}"
    return "a row"


def _cut_cell(cell: Cell, limit: int) -> Cell:
    parts, left = [], limit
    for part in cell.parts:
        if left <= 0:
            break
        parts.append(part[:left])
        left -= len(part)
    return Cell(parts=tuple(parts), raw=cell.raw[:limit])


def _bound_table(table: Table, number: int, limits: Limits, warnings: list[str]) -> Table:
    rows = table.rows
    if len(rows) > limits.max_table_rows:
        warnings.append(f"table {number}: {len(rows):,} rows, only the first "
                        f"{limits.max_table_rows:,} read (--max-table-rows)")
        rows = rows[:limits.max_table_rows]
    out = []
    wide = long = 0
    for row in rows:
        cells = row.cells
        if len(cells) > limits.max_columns:
            if not wide:
                warnings.append(f"table {number}, {_where(row)}: {len(cells):,} columns, only "
                                f"the first {limits.max_columns} read (--max-columns)")
            wide += 1
            cells = cells[:limits.max_columns]
        # the longest raw text found in C (map), not a generator a cell: every
        # cell of every table is asked (issue 11)
        if cells and max(map(len, map(_RAW, cells))) > limits.max_cell_chars:
            if not long:
                warnings.append(f"table {number}, {_where(row)}: a cell longer than "
                                f"{limits.max_cell_chars:,} characters, cut (--max-cell-chars)")
            long += 1
            cells = tuple(_cut_cell(c, limits.max_cell_chars)
                          if len(c.raw) > limits.max_cell_chars else c for c in cells)
        out.append(row if cells is row.cells else replace(row, cells=tuple(cells)))
    for count, what in ((wide, "rows cut to the column limit"), (long, "rows with a cell cut")):
        if count > 1:
            warnings.append(f"table {number}: {count:,} {what}")
    return Table(rows=tuple(out))


def _within(packed: PackedTable, limits: Limits) -> bool:
    """A packed table no limit cuts: left packed (issue 11), as ``_bound_table``
    would give it back equal."""
    return (packed.rows <= limits.max_table_rows and packed.widest <= limits.max_columns
            and packed.longest <= limits.max_cell_chars)


def bound_document(raw: RawDocument, limits: Limits) -> RawDocument:
    """``raw`` with every table within the limits; warnings added for each cut.
    ``PackedBlocks`` stay packed: a table within the limits is not unpacked."""
    number = 0
    if isinstance(raw.blocks, PackedBlocks):
        blocks = raw.blocks
        for index, item in enumerate(blocks.held):
            if isinstance(item, PackedTable | Table):
                number += 1
                if not (isinstance(item, PackedTable) and _within(item, limits)):
                    blocks[index] = _bound_table(unpacked(item), number, limits, raw.warnings)
        return raw
    blocks = []
    for block in raw.blocks:
        if isinstance(block, Table):
            number += 1
            block = _bound_table(block, number, limits, raw.warnings)
        blocks.append(block)
    raw.blocks = blocks
    return raw
