"""``docx-nested`` (a held-out shape, ``corpus.shapes``): the Word plan of
``write_docx`` with each plan table nested inside a cell of a two-column layout
table, as form-like templates print a plan: the heading that stood above the table
(an objective, a strand) in the narrow cell on the left, or, where no heading stood
there, a label; the actions table in the wide cell on the right. The printed values
and the gold are those of ``write_docx``."""

from __future__ import annotations

import random
from pathlib import Path

from docx.oxml.ns import qn
from docx.shared import Cm

from corpus import write_docx
from corpus.model import Document, Table

# what a layout table's left cell says where no heading stood above the plan table
LABELS = ["Actions", "Action plan", "What we will do", "Our actions"]
_HEADING_STYLES = ("Heading",)


def _heading(node) -> bool:
    """Whether ``node`` is a heading paragraph (styled Heading n)."""
    if node is None or node.tag != qn("w:p"):
        return False
    style = node.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and style.get(qn("w:val"), "").startswith(_HEADING_STYLES)


class _Nest:
    """Moves each plan table into the right cell of a new one-row layout table."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.label = rng.choice(LABELS)
        self.move_heading = rng.random() < 0.7

    def apply(self, out, grid, table: Table) -> None:
        body = out.element.body
        node = grid._tbl
        while node.getparent() is not body:  # a frame or a content control around it
            node = node.getparent()
        outer = out.add_table(rows=1, cols=2)
        outer.style = "Table Grid"
        outer.autofit = False
        left_width = Cm(3.5)
        outer.columns[0].width = left_width
        outer.columns[1].width = write_docx.PAGE_WIDTH - 2 * write_docx.MARGIN - left_width
        above = node.getprevious()
        node.addprevious(outer._tbl)
        left, right = outer.cell(0, 0), outer.cell(0, 1)
        if self.move_heading and _heading(above):
            left._tc.replace(left.paragraphs[0]._p, above)  # the heading, style and all
        else:
            left.paragraphs[0].add_run(table.title or self.label).bold = True
        tc = right._tc
        tc.insert(tc.index(tc.p_lst[0]), node)


def write(document: Document, path: Path, rng: random.Random) -> None:
    nest = _Nest(random.Random(rng.random()))
    write_docx.write(document, path, rng, each_table=nest.apply)
