"""``bounds._bound_table`` finds a too-long cell with ``max(map(...))`` (issue 11):
the same tables and warnings as the generator it replaced, for rows empty, below,
at and over the cell limit. Times nothing."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.extract import bounds
from planextract.extract.model import Cell, Row, Table
from planextract.settings import DEFAULT


def reference_bound_table(table, number, limits, warnings):
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
                warnings.append(f"table {number}, {bounds._where(row)}: {len(cells):,} "
                                f"columns, only the first {limits.max_columns} read "
                                "(--max-columns)")
            wide += 1
            cells = cells[:limits.max_columns]
        if any(len(c.raw) > limits.max_cell_chars for c in cells):
            if not long:
                warnings.append(f"table {number}, {bounds._where(row)}: a cell longer than "
                                f"{limits.max_cell_chars:,} characters, cut (--max-cell-chars)")
            long += 1
            cells = tuple(bounds._cut_cell(c, limits.max_cell_chars)
                          if len(c.raw) > limits.max_cell_chars else c for c in cells)
        out.append(row if cells is row.cells else replace(row, cells=tuple(cells)))
    for count, what in ((wide, "rows cut to the column limit"), (long, "rows with a cell cut")):
        if count > 1:
            warnings.append(f"table {number}: {count:,} {what}")
    return Table(rows=tuple(out))


LIMITS = replace(DEFAULT.limits, max_cell_chars=5, max_columns=3, max_table_rows=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 8), max_size=5), max_size=6))
def test_cells_are_cut_as_the_reference_cuts_them(lengths):
    table = Table(rows=tuple(
        Row(cells=tuple(Cell(parts=("x" * n,) if n else (), raw="x" * n) for n in row),
            line_start=i + 1) for i, row in enumerate(lengths)))
    got, expected = [], []
    assert bounds._bound_table(table, 1, LIMITS, got) == \
        reference_bound_table(table, 1, LIMITS, expected)
    assert got == expected
