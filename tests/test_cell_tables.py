"""text-cells tables written packed (``cell_tables.PackedCellTables``) read back as
the reference writer's ``Table``s (``ObjectCellTables``: header cells of their
labels, row cells shared a document), over hypothesis-drawn tables."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.extract.block_pack import PackedBlocks, PackedTable
from planextract.extract.model import Paragraph
from planextract.extract.text import cells
from planextract.extract.text.cell_items import RawCell
from planextract.extract.text.cell_tables import cell_tables

_TEXT = st.sampled_from(["", "Action", "a", " a ", "Do it\nnow", "Do it\n\n- one\n- two",
                         "April 2014\n\nbegan May 2011", "1.1", "HR Manager", "x\n"])


def _raw(number: int, text: str) -> RawCell:
    lines = text.split("\n")
    return RawCell(lines=[(number + i, line) for i, line in enumerate(lines)])


_ROW = st.lists(_TEXT, min_size=1, max_size=4)
_ENTRY = st.one_of(st.tuples(st.just("header"), _ROW), st.tuples(st.just("row"), _ROW),
                   st.tuples(st.just("break"), st.booleans()),
                   st.tuples(st.just("para"), st.just("Heading")))


def _write(blocks, entries) -> None:
    tables = cell_tables(blocks, cells._shared_cell, cells._raw_parts)
    after_break = False
    for number, (kind, value) in enumerate(entries):
        if kind == "header":
            tables.header([_raw(10 * number + i, t) for i, t in enumerate(value)])
        elif kind == "row":
            tables.row([_raw(10 * number + i, t) for i, t in enumerate(value)], after_break)
            after_break = False
        elif kind == "break":
            after_break = value
        else:
            tables.close()
            blocks.append(Paragraph(text=value, line=number))
    tables.close()


@settings(max_examples=200, deadline=None)
@given(st.lists(_ENTRY, max_size=14))
def test_cell_tables_written_packed_read_as_the_reference_tables(entries):
    try:
        plain: list = []
        _write(plain, entries)
        packed = PackedBlocks()
        _write(packed, entries)
    finally:
        cells._shared_cell.cache_clear()
    assert all(isinstance(b, PackedTable | Paragraph) for b in packed.held)
    assert list(packed) == plain
    for got, expected in zip(packed, plain):  # every field, ``text`` and ``raw`` too
        if isinstance(expected, Paragraph):
            continue
        for row, other in zip(got.rows, expected.rows):
            assert [(c.parts, c.raw, c.text) for c in row.cells] == [
                (c.parts, c.raw, c.text) for c in other.cells]
            assert (row.line_start, row.line_end, row.after_break) == (
                other.line_start, other.line_end, other.after_break)
