"""The text readers' blocks held packed (``extract/block_pack.py``, issue 11): every
table comes back equal field for field, its cells shared as they were; the container
reads as the list it replaces; bounds cut packed tables as they cut objects; and
whole documents are the same with the reference (``plain_blocks``: every block an
object) swapped in wherever a reader makes its blocks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from text_exports import everything, swap_everywhere, write_exports

from planextract.extract.block_pack import (
    PackedBlocks,
    PackedTable,
    SqueezedTable,
    pack_table,
    packed_blocks,
    plain_blocks,
    unpack_table,
)
from planextract.extract.bounds import bound_document
from planextract.extract.key_lines import KeyLine, settle
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.settings import DEFAULT
from planextract.squeeze import squeeze

ROOT = Path(__file__).resolve().parent.parent

_TEXT = st.text(alphabet=st.sampled_from([*"ab Z1.\t\n", "\u00a0", "é", "\u2022", "😀"]),
                max_size=8)
_NUMBER = st.none() | st.integers(min_value=-1, max_value=10**9)


@st.composite
def _cells(draw) -> Cell:
    parts = tuple(draw(st.lists(_TEXT, max_size=3)))
    kind = draw(st.sampled_from(["text", "copy", "other", "empty"]))
    text = parts[0] if len(parts) == 1 else "\n".join(p for p in parts if p)
    raw = {"text": text, "copy": (text + "x")[:-1], "empty": ""}.get(kind) or draw(_TEXT)
    return Cell(parts=parts, raw=raw)


@st.composite
def _tables(draw) -> Table:
    pool = draw(st.lists(_cells(), min_size=1, max_size=6))  # cells shared by rows
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        picks = draw(st.lists(st.integers(0, len(pool) - 1), max_size=5))
        cells = tuple(pool[i] if draw(st.booleans()) else Cell(pool[i].parts, pool[i].raw)
                      for i in picks)
        rows.append(Row(cells=cells, line_start=draw(_NUMBER), line_end=draw(_NUMBER),
                        page_start=draw(_NUMBER), page_end=draw(_NUMBER),
                        after_break=draw(st.booleans()), stitched=draw(st.booleans())))
    return Table(rows=tuple(rows))


def _shape(table: Table) -> list[list[int]]:
    """Which cells of the table are one object: each cell by its first position."""
    first: dict[int, int] = {}
    return [[first.setdefault(id(c), len(first)) for c in r.cells] for r in table.rows]


def _fields(table: Table) -> list:
    return [(tuple((c.parts, c.raw, c.text, c.raw is c.text, type(c.raw)) for c in r.cells),
             r.line_start, r.line_end, r.page_start, r.page_end, r.after_break, r.stitched)
            for r in table.rows]


@settings(max_examples=300, deadline=None)
@given(_tables())
def test_a_table_comes_back_equal_field_for_field(table):
    packed = pack_table(table)
    got = unpack_table(packed)
    assert got == table
    assert _fields(got) == _fields(table)  # text, and raw one string with it when equal
    assert _shape(got) == _shape(table)  # shared where the packed cells were one object
    assert (packed.rows, packed.widest) == (len(table.rows),
                                            max((len(r.cells) for r in table.rows), default=0))
    assert packed.longest == max((len(c.raw) for r in table.rows for c in r.cells), default=0)
    assert unpack_table(pack_table(got)) == table


@settings(max_examples=200, deadline=None)
@given(_tables())
def test_a_squeezed_table_holds_the_packed_tables_bytes(table):
    """text-cells' tables are held LZ4-compressed: the bytes come back exactly (so
    every unpacking and ``table_texts`` read the same table), the bounds unchanged."""
    packed = pack_table(table)
    squeezed = SqueezedTable(packed.data, packed.rows, packed.widest, packed.longest)
    assert squeezed.data == packed.data and type(squeezed.data) is bytes
    assert squeezed._data == squeeze(packed.data)  # the drafts' form (planextract.squeeze)
    assert (squeezed.rows, squeezed.widest, squeezed.longest) == (
        packed.rows, packed.widest, packed.longest)
    assert _fields(unpack_table(squeezed)) == _fields(table)
    assert _shape(unpack_table(squeezed)) == _shape(table)


def test_text_cells_tables_are_held_squeezed_and_smaller():
    """The reader's tables are the squeezed kind (the whole-document swaps compare
    that path), and a table of repeated texts is held in fewer bytes."""
    from planextract.extract.text.cells import read_cells

    row = "\tGreen\n\tObjective met\n\tJ. Smith, Head of Service\n"
    doc = read_cells(("\tAction\n\tStatus\n\tLead\n" + row * 200).encode())
    tables = [b for b in doc.blocks.held if isinstance(b, PackedTable)]
    assert tables and all(isinstance(t, SqueezedTable) for t in tables)
    assert all(len(t._data) < len(t.data) for t in tables)


def test_unpacked_cells_are_the_cells_the_constructor_makes():
    for parts, raw in [((), ""), (("a",), "a"), (("a", "", "b"), "a\nb"), (("a",), "<p>a"),
                       (("", ""), "")]:
        made = Cell(parts=parts, raw=raw)
        got = unpack_table(pack_table(Table(rows=(Row(cells=(made,)),)))).rows[0].cells[0]
        assert (got.parts, got.raw, got.text, got.raw is got.text) == (
            made.parts, made.raw, made.text, made.raw is made.text)
        assert got.empty == made.empty


def test_the_container_reads_as_the_list_it_replaces():
    table = Table(rows=(Row(cells=(Cell(("a",), "a"),), line_start=3),))
    para = Paragraph(text="Heading", line=1, level=2, bold=True)
    blocks = [para, table, Paragraph(text="x")]
    packed = PackedBlocks(blocks)
    assert isinstance(packed.held[1], PackedTable) and packed.held[0] is para
    assert len(packed) == 3 and list(packed) == blocks and packed == blocks
    assert packed[1] == table and packed[0] is para and packed[-1] == blocks[-1]
    assert packed[:2] == blocks[:2]
    packed[1] = None  # let go, as the normaliser's consume does
    assert packed.held[1] is None and packed != blocks
    packed += [table]
    assert packed[3] == table and isinstance(packed.held[3], PackedTable)


def _key_line(abbreviation: str, line: int) -> KeyLine:
    return KeyLine(Paragraph(text=f"{abbreviation}  words", line=line), abbreviation, "Words")


def test_settle_keeps_tables_packed_and_makes_the_key_table():
    table = Table(rows=(Row(cells=(Cell(("a",), "a"), Cell(("b",), "b")), line_start=9),))
    run = [_key_line("ABC", 1), _key_line("DEF", 2), _key_line("GHI", 3)]
    blocks = [Paragraph(text="t"), *run, table, _key_line("JKL", 5), Paragraph(text="u")]
    packed = PackedBlocks(blocks)
    held_table = packed.held[4]
    got = settle(packed)
    assert isinstance(got, PackedBlocks)
    assert got == settle(list(blocks))
    assert got.held[2] is held_table  # not unpacked and packed again
    assert isinstance(got.held[1], PackedTable)  # the key's table, packed too


@pytest.mark.parametrize("limits", [
    {}, {"max_table_rows": 2}, {"max_columns": 2}, {"max_cell_chars": 3},
    {"max_table_rows": 1, "max_columns": 1, "max_cell_chars": 1}])
def test_bounds_cut_packed_tables_as_they_cut_objects(limits):
    wide = Row(cells=tuple(Cell((t,), t) for t in ("one", "two", "three")), line_start=4)
    narrow = Row(cells=(Cell(("ab",), "ab"),), page_start=2)
    blocks = [Paragraph(text="p"), Table(rows=(wide, narrow, wide)), Table(rows=(narrow,)),
              Table(rows=())]
    bounds = replace(DEFAULT.limits, **limits)
    plain = bound_document(RawDocument("csv", list(blocks)), bounds)
    packed = bound_document(RawDocument("csv", PackedBlocks(blocks)), bounds)
    assert isinstance(packed.blocks, PackedBlocks)
    assert list(packed.blocks) == plain.blocks
    assert packed.warnings == plain.warnings
    if not limits:
        assert all(isinstance(b, PackedTable) for b in packed.blocks.held[1:])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Every text sample and a generated export of each shape: over one key run,
    many tables, a csv of narrower rows padded."""
    folder = tmp_path_factory.mktemp("blockpack")
    made = write_exports(folder, 90_000, seed=7)
    ragged = folder / "ragged.csv"
    ragged.write_text("Plan title\n\nAction,Lead,Due,Notes\nPublish the plan,CEO,2012\n"
                      "Review the policy,HR,2013,late\n\nAnother,Lead\nTrain staff,HR\n",
                      encoding="utf-8")
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".csv", ".html", ".docx"))
    return [*samples, *made, ragged]


def test_whole_documents_are_the_same_with_every_block_an_object(inputs, monkeypatch):
    packed = [everything(p) for p in inputs]
    assert any(doc["source_format"] == "csv" for doc, *_ in packed)
    assert swap_everywhere(monkeypatch, {id(packed_blocks): plain_blocks}) >= 4
    plain = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, packed, plain):
        assert got == expected, path.name


def test_the_readers_give_the_blocks_the_reference_gives(inputs, monkeypatch):
    from planextract.extract import ReaderError
    from planextract.extract.registry import read_document

    def read(path: Path) -> tuple:
        try:
            raw = read_document(path.read_bytes())
        except ReaderError as err:  # a sample made to be refused: refused alike
            return (str(err),)
        return raw.source_format, list(raw.blocks), raw.warnings

    packed = [read(p) for p in inputs]
    swap_everywhere(monkeypatch, {id(packed_blocks): plain_blocks})
    for path, got in zip(inputs, packed):
        assert got == read(path), path.name


_RAW = st.sampled_from(["", "a", " a ", "<p>x</p><p>y</p>", "A &amp; B", "1.1 Do it", "a\nb"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(_RAW, max_size=5), st.booleans(), st.booleans()),
                max_size=12), st.sampled_from([0, 1, 3, 4096]))
def test_rows_written_packed_are_the_rows_the_reference_makes(rows, kept):
    """``table_writer``: rows written straight into the packed form read back as the
    ``Row``s of ``CellMaker`` cells the reference writer makes (tables closed where a
    row asks), the same row count and width as each row is added, whenever the
    remembered parts are forgotten (``PARTS_KEPT``: between tables, at any size)."""
    from planextract.extract import table_writer as module
    from planextract.extract.parts import cell_parts
    from planextract.extract.table_writer import ObjectTables, PackedTables, table_writer

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "PARTS_KEPT", kept)
        _write_both(rows, cell_parts, ObjectTables, PackedTables, table_writer)


def _write_both(rows, cell_parts, ObjectTables, PackedTables, table_writer) -> None:  # noqa: N803
    plain: list = []
    packed = PackedBlocks()
    writers = table_writer(plain, cell_parts), table_writer(packed, cell_parts)
    assert isinstance(writers[0], ObjectTables) and isinstance(writers[1], PackedTables)
    for number, (raws, after_break, close) in enumerate(rows, 1):
        for writer in writers:
            if close:
                writer.close()
            writer.add(raws, number, number + 1, after_break)
        assert (writers[1].rows, writers[1].width) == (writers[0].rows, writers[0].width)
    for writer in writers:
        writer.close()
    assert packed == plain
    for got, expected in zip(packed, plain):
        assert _fields(got) == _fields(expected) and _shape(got) == _shape(expected)


def test_only_a_table_with_merged_cells_is_read_again_for_them():
    """``table_covered`` reads a packed table's bytes only when ``pack_table`` saw a
    row naming covered columns; a reader's text table answers from its row count."""
    from planextract.extract.block_pack import table_covered

    cell = Cell(parts=("Estates Manager",), raw="Estates Manager")
    merged = Table(rows=(Row(cells=(cell, cell)), Row(cells=(cell, Cell(parts=(), raw="")),
                                                     covered=(1,))))
    packed = pack_table(merged)
    assert packed.covered and table_covered(packed) == [(), (1,)]
    plain = pack_table(Table(rows=(Row(cells=(cell,)), Row(cells=(cell,)))))
    assert not plain.covered and table_covered(plain) == [(), ()]
    unread = PackedTable(b"not marshal bytes", 3, 1, 1)  # never unpacked for it
    assert table_covered(unread) == [(), (), ()]
