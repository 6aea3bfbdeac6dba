"""The normaliser's first pass on a table's texts (``normalise/table_texts.py``, issue
11) gives what its namesakes on ``Row`` objects give (``tables``, ``header_rows``:
the reference), over every table block of whole documents of every format; and a
packed table's texts (``block_pack.table_texts``) are its unpacked cells' texts."""

from __future__ import annotations

from pathlib import Path

import pytest
import table_rows_reference as row_pass
from hypothesis import given, settings
from test_block_pack import _tables
from text_exports import write_exports

from planextract.extract.block_pack import pack_table, table_texts, unpack_table
from planextract.extract.model import Table
from planextract.extract.registry import read_document
from planextract.normalise import table_texts as text_pass
from planextract.normalise import tables
from planextract.normalise.header_rows import find_header
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


@settings(max_examples=200, deadline=None)
@given(_tables())
def test_a_packed_tables_texts_are_its_cells_texts(table):
    first = table.rows[0] if table.rows else None
    expected = (_texts(table), first and first.line_start, first and first.page_start)
    assert table_texts(pack_table(table)) == expected
    assert table_texts(table) == expected
    assert table_texts(pack_table(unpack_table(pack_table(table)))) == expected


@pytest.fixture(scope="module")
def blocks(tmp_path_factory) -> list[Table]:
    """Every table block of the samples (every format) and of a generated export
    of each text shape."""
    folder = tmp_path_factory.mktemp("tabletexts")
    paths = [*sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".csv", ".html", ".docx", ".pdf")),
             *write_exports(folder, 60_000, seed=5)]
    out = []
    for path in paths:
        try:
            raw = read_document(path.read_bytes())
        except Exception:  # noqa: BLE001 - a sample made to be refused
            continue
        out += [b for b in raw.blocks if isinstance(b, Table)]
    return out


def test_the_first_pass_reads_texts_as_it_read_rows(blocks):
    search = DEFAULT.columns.header_search
    headers = plans = 0
    for index, block in enumerate(blocks):
        texts = _texts(block)
        header = find_header(block.rows, search)
        assert text_pass.find_header(texts, search) == header
        assert text_pass.looks_like_plan(texts) == row_pass.looks_like_plan(list(block.rows))
        plans += row_pass.looks_like_plan(list(block.rows))
        first = block.rows[0] if block.rows else None
        assert text_pass.describe(index, texts, first and first.line_start,
                                  first and first.page_start) == row_pass.describe(index, block)
        assert text_pass.columns_of(texts, 3, ["Action", "Lead"]) == row_pass.columns_of(
            list(block.rows), 3, ["Action", "Lead"])
        if header is None:
            continue
        headers += 1
        got = text_pass.resolve_block(header, texts[header.last + 1:], DEFAULT.columns)
        expected = row_pass.resolve_block(header, tables.data_rows(block, header),
                                        DEFAULT.columns)
        assert got == expected
        assert text_pass.squashed(texts[header.last + 1:]) == [
            [text_pass.squash(c.text) for c in r.cells] for r in tables.data_rows(block, header)]
    assert headers > 50 and plans
