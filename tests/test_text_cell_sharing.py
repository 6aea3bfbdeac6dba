"""The text readers make one ``Cell`` per distinct raw text in a document (issue 11:
owners, dates and statuses repeat), and what they read is what they read when every
cell is made afresh, on the samples and generated exports of every text shape.
Times nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from text_exports import write_exports

from planextract.extract import read_document
from planextract.extract.cell_share import CellMaker
from planextract.extract.model import Cell, Table
from planextract.extract.text import cell_labels, cell_rows, cells, markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:

    folder = tmp_path_factory.mktemp("shared-cells")
    made = write_exports(folder, 80_000, seed=7)
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".csv"))
    return samples + made


def _fresh(self: CellMaker, raw: str) -> Cell:
    return Cell(parts=self._parts_of(raw), raw=raw)


def _uncached(cached):
    """``cached`` working every call out afresh (what the reader clears, kept)."""
    def fresh(*args):
        return cached.__wrapped__(*args)

    fresh.cache_clear = lambda: None
    return fresh


def _read(path: Path):
    raw = read_document(path.read_bytes())
    return raw.source_format, raw.blocks, raw.warnings


def _cells(blocks) -> list[Cell]:
    return [c for b in blocks if isinstance(b, Table) for r in b.rows for c in r.cells]


def test_shared_cells_read_as_cells_made_afresh(inputs, monkeypatch):
    shared = [_read(p) for p in inputs]
    monkeypatch.setattr(CellMaker, "__call__", _fresh)
    monkeypatch.setattr(cells, "_shared_cell", _uncached(cells._shared_cell))
    monkeypatch.setattr(markdown, "_stripped_cell", _uncached(markdown._stripped_cell))
    fresh = [_read(p) for p in inputs]
    formats = set()
    for path, got, expected in zip(inputs, shared, fresh):
        assert got == expected, path.name
        formats.add(got[0])
    assert {"text-cells", "text-markdown", "csv", "text-html"} <= formats


def test_equal_cells_are_one_object(inputs, monkeypatch):
    """Within a document every distinct raw text of a body cell is one object
    (header rows and key tables aside: few, made apart), as the readers make them
    with the blocks held as objects: this guards the reference path (``plain_blocks``,
    which the whole-document swaps compare with). The packed path shares equal cells
    within a table, not across tables: tests/test_block_pack.py checks that."""
    from text_exports import swap_everywhere

    from planextract.extract.block_pack import packed_blocks, plain_blocks

    assert swap_everywhere(monkeypatch, {id(packed_blocks): plain_blocks}) >= 4
    repeated = 0
    for path in inputs:
        _, blocks, _ = _read(path)
        found = _cells(blocks)
        objects = {id(c) for c in found}
        repeated += len(found) - len(objects)
        by_text: dict[tuple, set[int]] = {}
        for cell in found:
            by_text.setdefault((cell.raw, cell.parts), set()).add(id(cell))
        assert len(objects) <= len(by_text) + len(found) // 10, path.name
    assert repeated > 0
    assert not cells._shared_cell.cache_info().currsize  # forgotten once read
    assert not markdown._stripped_cell.cache_info().currsize
    assert not cell_rows._header_row.cache_info().currsize
    assert not cell_rows._role.cache_info().currsize
    assert not cell_labels.word_tuple.cache_info().currsize  # a cell's words, asked while read


@given(st.lists(st.sampled_from(
    [*"ab Z1.\t\n\r", "\u00a0", "\u2022", "\u25aa", "-", "&amp;", "&nbsp;", "&lt;", "<p>",
     "</p>", "<br>", "é", "  "]), max_size=30).map("".join))
def test_plain_reads_as_before_and_is_the_line_itself_when_equal(text):
    # plain gives back its own argument when nothing changes (one string a line of
    # a one-cell-per-line export, not two): the same value as the old copy always
    from planextract.extract.parts import plain, read_plain

    got, expected = plain(text), read_plain(text)
    assert got == expected
    if "<" not in text and expected == text:
        assert got is text


def test_cells_read_the_same_with_plain_copying(inputs, monkeypatch):
    # every text shape read with the old plain (an equal copy) swapped in everywhere
    from text_exports import swap_everywhere

    from planextract.extract.parts import plain, read_plain

    shared = [_read(p) for p in inputs]
    assert swap_everywhere(monkeypatch, {id(plain): read_plain}) >= 3
    for path, got in zip(inputs, shared):
        assert got == _read(path), path.name
