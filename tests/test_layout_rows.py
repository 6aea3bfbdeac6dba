"""The layouts' rows read a logical table at a time from the packed blocks
(``table_texts.LayoutRows``) against the reference, the first pass keeping every
action block's squashed texts to the layouts (``document.KEEP_TEXTS``, session 17):
the same rows for every table, and the same whole documents, on the samples,
generated exports of every text shape at two sizes and the family corpus' text
formats; and the same documents with every session-18 reference swapped in at once
(the owner changes' own tests are in test_owner_memory). The output must be
identical."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cut_prints_reference import ReferenceCutPrints
from text_exports import (
    corpus_text_documents,
    everything,
    swap_everywhere,
    text_samples,
    write_exports,
)

from planextract.extract.block_pack import PackedBlocks
from planextract.extract.registry import read_document
from planextract.normalise import document, layout
from planextract.normalise import table_texts as text_pass
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Every text sample, generated exports of every shape (one table run and
    many), and the family corpus' documents in the text formats."""
    folder = tmp_path_factory.mktemp("layout-rows")
    made = [*write_exports(folder, 40_000, seed=3, tag="-small"),
            *write_exports(folder, 150_000, seed=11)]
    corpus = corpus_text_documents(folder / "corpus", 19, per_format=3)
    return [*text_samples(), *made, *corpus]


def _layout_rows(path: Path, keep: bool, monkeypatch, parts: bool = True) -> dict:
    """Each logical table's rows as ``_layouts`` is handed them, and the layout
    read from them, by table. ``parts``: each distinct text squashed once and the
    rows' repeats of the labels read as squashed (False: session 18's reference)."""
    monkeypatch.setattr(document, "KEEP_TEXTS", keep)
    monkeypatch.setattr(text_pass, "PART_SQUASH", parts)
    monkeypatch.setattr(layout, "SQUASHED_REPEATS", parts)
    seen: dict = {}
    real = document.detect_layout

    def spy(rows, headers, *args, **kwargs):
        made = real(rows, headers, *args, **kwargs)
        seen.setdefault(tuple(headers), []).append(([list(r) for r in rows], made))
        return made

    monkeypatch.setattr(document, "detect_layout", spy)
    raw = read_document(path.read_bytes(), DEFAULT)
    document.drafts_of(raw, DEFAULT, consume=True)
    monkeypatch.setattr(document, "detect_layout", real)
    return seen


def test_each_table_reads_the_rows_the_first_pass_kept(inputs, monkeypatch):
    packed = 0
    for path in inputs:
        packed += isinstance(read_document(path.read_bytes(), DEFAULT).blocks, PackedBlocks)
        assert _layout_rows(path, False, monkeypatch) == _layout_rows(path, True, monkeypatch), \
            path.name
    assert packed >= 10  # the packed readers are what this covers


def test_each_table_reads_the_same_rows_and_layouts_as_each_cell_squashed(inputs, monkeypatch):
    """``LayoutRows`` squashing each distinct text of a block once, and the layouts'
    repeat filter on the squashed texts, against every cell squashed (session 18)."""
    for path in inputs:
        assert _layout_rows(path, False, monkeypatch) == \
            _layout_rows(path, False, monkeypatch, parts=False), path.name


def test_whole_documents_are_the_same_with_each_cell_squashed(inputs, monkeypatch):
    now = [everything(p) for p in inputs]
    monkeypatch.setattr(text_pass, "PART_SQUASH", False)
    monkeypatch.setattr(layout, "SQUASHED_REPEATS", False)
    before = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, now, before):
        assert got == expected, path.name


def test_table_parts_give_the_rows_table_texts_gives():
    """A packed block's and an unpacked one's distinct texts placed by their rows'
    positions are the rows ``table_texts`` reads; a packed block's cell object held
    by two rows is one text."""
    from planextract.extract.block_pack import pack_table, table_parts, table_texts

    rows = [["a", "b b", "a"], ["x\ny", ""], ["a"]]
    for item in (_texts_block(rows), pack_table(_texts_block(rows))):
        texts, positions = table_parts(item)
        assert [[texts[i] for i in row] for row in positions] == table_texts(item)[0] == rows
    from planextract.extract.model import Cell, Row, Table

    shared = Cell(parts=("a",))  # a reader's one cell object in two rows (a merged cell)
    texts, positions = table_parts(pack_table(Table(rows=(
        Row(cells=(shared, Cell(parts=("b",)))), Row(cells=(shared,))))))
    assert len(texts) == 2 and positions == [(0, 1), (0,)]


def test_whole_documents_are_the_same_with_the_first_pass_texts_kept(inputs, monkeypatch):
    monkeypatch.setattr(document, "KEEP_TEXTS", False)
    now = [everything(p) for p in inputs]
    monkeypatch.setattr(document, "KEEP_TEXTS", True)
    kept = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, now, kept):
        assert got == expected, path.name
    assert sum(len(actions) for _, actions, *_ in now) > 1000


def test_whole_documents_are_the_same_with_every_session_18_reference(inputs, monkeypatch):
    """The layouts' rows kept from the first pass, the rows' owners made as a list and
    the owner rules' memos kept to the labels, all at once (the packed rows' frames
    are compared by test_packed_rows): the same datasets, the family corpus' too."""
    from planextract.normalise import cut_prints, owners, records

    now = [everything(p) for p in inputs]
    monkeypatch.setattr(document, "KEEP_TEXTS", True)
    monkeypatch.setattr(records, "ROWS_AS_MADE", False)
    monkeypatch.setattr(owners, "FORGET_CUT", False)
    monkeypatch.setattr(text_pass, "PART_SQUASH", False)  # and session 19's
    monkeypatch.setattr(layout, "SQUASHED_REPEATS", False)
    # the cuts' fingerprints kept for the document, in the Expander and role_text's memo
    swap_everywhere(monkeypatch, {id(cut_prints.CutPrints): ReferenceCutPrints})
    before = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, now, before):
        assert got == expected, path.name
    assert sum(len(roles) for *_, roles in now) > 100


def test_a_table_is_read_once_and_in_its_blocks_order():
    rows = [[["a", "b"], ["x  y", "z"]], [["h", "i"], ["1", "2"], ["3", "4"]]]
    items = [_texts_block(r) for r in rows]
    header = document.text_pass.find_header(rows[1], DEFAULT.columns.header_search)
    layout_rows = text_pass.LayoutRows(items, {1: 0, 0: 0}, {0: None, 1: header})
    got = layout_rows.pop(0)
    skip = 0 if header is None else header.last + 1
    assert got == [["a", "b"], ["x y", "z"], *rows[1][skip:]]
    with pytest.raises(KeyError):
        layout_rows.pop(0)


def _texts_block(rows: list[list[str]]):
    from planextract.extract.model import Cell, Row, Table

    return Table(rows=tuple(Row(cells=tuple(Cell(parts=(t,)) for t in r)) for r in rows))
