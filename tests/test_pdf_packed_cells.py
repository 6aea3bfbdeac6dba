"""PDF cells keep their raw text as line lengths where that rebuilds it
(extract/pdf/packed_cell.py, issue 11). The blocks, their ``repr`` and the
dataset are those of the plain ``Cell`` each replaced, on the samples and
generated plans; a packed cell equals, hashes, prints and pickles as that
``Cell``. Times nothing."""

from __future__ import annotations

import pickle
import random
import sys

import pytest
from conftest import ROOT
from test_pdf_unruled import samples_and_long_plans

from planextract.extract.model import Cell, Table
from planextract.extract.pdf import reader, stitch
from planextract.extract.pdf.cell_text import cell_parts
from planextract.extract.pdf.packed_cell import PackedCell, packed
from planextract.extract.pdf.reader import read_pdf
from planextract.pipeline.document_run import run_one

sys.path.insert(0, str(ROOT / "scripts"))


def _plain(parts: tuple[str, ...], raw: str) -> Cell:
    """The reference: every cell a plain ``Cell``, its raw text held."""
    return Cell(parts=parts, raw=raw)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    return samples_and_long_plans(tmp_path_factory.mktemp("packed"),
                                  8, 60, "unruled.pdf")


def _cells(blocks) -> list[Cell]:
    return [c for b in blocks if isinstance(b, Table) for r in b.rows for c in r.cells]


def test_packed_blocks_and_dataset_are_the_plain_cells(pdfs, monkeypatch):
    packed_any = False
    for path in pdfs:
        data = path.read_bytes()
        got = read_pdf(data)
        dataset = run_one(str(path)).actions
        with monkeypatch.context() as patch:
            patch.setattr(stitch, "packed", _plain)
            want = read_pdf(data)
            assert run_one(str(path)).actions == dataset, path.name
        assert got.blocks == want.blocks and repr(got.blocks) == repr(want.blocks), path.name
        for cell, plain in zip(_cells(got.blocks), _cells(want.blocks), strict=True):
            assert (cell.raw, cell.parts, cell.text) == (plain.raw, plain.parts, plain.text)
            packed_any = packed_any or isinstance(cell, PackedCell)
    assert packed_any  # the mechanism is used at all


def test_shared_texts_and_hash_keyed_cells_give_the_blocks_of_neither(pdfs, monkeypatch):
    """The page cells' equal texts made one string (reader.share_cell_texts) and
    the stitcher's cells found by hash, every hash clashing or none, against
    neither: the same blocks, each distinct raw text still one cell."""
    for path in pdfs:
        data = path.read_bytes()
        got = read_pdf(data)
        with monkeypatch.context() as patch:
            patch.setattr(reader, "share_cell_texts", lambda page, texts: None)
            patch.setattr(stitch, "packed", _plain)
            want = read_pdf(data)
        with monkeypatch.context() as patch:
            patch.setattr(stitch, "hash", lambda text: 0, raising=False)  # all clash
            clashing = read_pdf(data)
        assert repr(got.blocks) == repr(want.blocks) == repr(clashing.blocks), path.name
        for blocks in (got.blocks, clashing.blocks):
            one: dict[str, Cell] = {}
            for cell in _cells(blocks):
                assert one.setdefault(cell.raw, cell) is cell, (path.name, cell.raw)


def test_packed_cell_is_the_cell_of_its_parts_and_raw():
    rng = random.Random(11)
    words = ["Action", "owner", "2011", "Lead", "x", "anti-", "-", "•", "a" * 300]
    for _ in range(2000):
        lines = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 4)))
                 for _ in range(rng.randint(1, 4))]
        raw = rng.choice(["\n", "\n\n", " \n"]).join(lines) if rng.random() < 0.2 \
            else "\n".join(lines)
        parts = cell_parts(raw)
        cell, plain = packed(parts, raw), Cell(parts=parts, raw=raw)
        assert cell == plain and plain == cell and hash(cell) == hash(plain)
        assert (cell.raw, cell.parts, cell.text, cell.empty) == (
            plain.raw, plain.parts, plain.text, plain.empty)
        assert repr(cell) == repr(plain)
        assert pickle.loads(pickle.dumps(cell)) == plain
    long_line = "b" * 300 + "\nc"
    assert type(packed(cell_parts(long_line), long_line)) is Cell  # a line past a byte


def test_a_packed_cell_is_frozen():
    cell = packed(("a b",), "a\nb")
    assert isinstance(cell, PackedCell)
    with pytest.raises(AttributeError):
        cell.parts = ("c",)  # type: ignore[misc]
