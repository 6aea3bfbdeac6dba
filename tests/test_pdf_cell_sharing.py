"""The stitcher makes one ``Cell`` per distinct raw text in a document (issue 11:
a long plan repeats its owners, dates and statuses), and the shared cell is the
one the text alone would give. Times nothing."""

from __future__ import annotations

import sys

from conftest import ROOT

from planextract.extract.model import Cell, Table
from planextract.extract.pdf.cell_text import cell_parts
from planextract.extract.pdf.reader import read_pdf

sys.path.insert(0, str(ROOT / "scripts"))
import bench_plan_pdf  # noqa: E402


def test_equal_cells_are_one_object_and_equal_their_own_reading(tmp_path):
    plan = tmp_path / "plan.pdf"
    bench_plan_pdf.build(plan, 6)
    raw = read_pdf(plan.read_bytes())
    cells = [c for b in raw.blocks if isinstance(b, Table) for r in b.rows for c in r.cells]
    by_text: dict[str, Cell] = {}
    for cell in cells:
        first = by_text.setdefault(cell.raw, cell)
        assert first is cell, cell.raw
        assert cell == Cell(parts=cell_parts(cell.raw), raw=cell.raw)
    assert len(by_text) < len(cells)  # the plan repeats some cells
