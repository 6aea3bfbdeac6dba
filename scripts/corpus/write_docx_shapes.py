"""``docx-shapes`` (a held-out shape, ``corpus.shapes``): the Word plan of
``write_docx`` with one owner merged down over several action rows (done on the
document before writing: ``shapes.merge_owners``) and, where a table's actions are
numbered 1, 2, 3... (or B1, B2...), the numbers drawn by Word's auto-numbering: the
number cell or the action's first paragraph carries ``w:numPr`` and no number in
its text. The gold's printed id is the label Word draws."""

from __future__ import annotations

import random
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from corpus import write_docx
from corpus.model import Document, Table
from corpus.shapes import numbered_ids

# how the list's label is drawn: %1 is the counter
PATTERNS = ["%1.", "%1", "%1)"]


class _Lists:
    """Adds one numbered list per table whose actions Word can number."""

    def __init__(self, rng: random.Random) -> None:
        self.pattern = rng.choice(PATTERNS)
        self.next_id = 900

    def _new_list(self, out, prefix: str, start: int) -> str:
        root = out.part.numbering_part.element
        self.next_id += 1
        ident = str(self.next_id)
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), ident)
        level = OxmlElement("w:lvl")
        level.set(qn("w:ilvl"), "0")
        for tag, value in (("w:start", str(start)), ("w:numFmt", "decimal"),
                           ("w:lvlText", prefix + self.pattern)):
            node = OxmlElement(tag)
            node.set(qn("w:val"), value)
            level.append(node)
        abstract.append(level)
        first_num = root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            root.append(abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), ident)
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), ident)
        num.append(ref)
        root.append(num)
        return ident

    def apply(self, out, grid, table: Table) -> None:
        if not numbered_ids(table):
            return
        ids = [g["action_id"] for row in table.rows for g in row.gold]
        prefix = ids[0].rstrip("0123456789")
        num_id = self._new_list(out, prefix, int(ids[0][len(prefix):]))
        top = len(table.header_rows())
        id_column = table.column("id")
        for r, row in enumerate(table.rows, start=top):
            if row.full is not None or not row.gold:
                continue
            gold = row.gold[0]
            raw = gold["action_id_raw"]
            if id_column is not None and row.cells[id_column]:
                paragraph = grid.cell(r, id_column).paragraphs[0]
                for run in paragraph.runs:
                    run.text = ""
            else:
                paragraph = grid.cell(r, table.column("action")).paragraphs[0]
                first = paragraph.runs[0]
                if not first.text.startswith(f"{raw} "):
                    continue
                first.text = first.text[len(raw) + 1:]
            _number(paragraph, num_id)
            gold["action_id_raw"] = prefix + self.pattern.replace(
                "%1", gold["action_id"][len(prefix):])


def _number(paragraph, num_id: str) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # in schema order
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = int(num_id)


def write(document: Document, path: Path, rng: random.Random) -> None:
    lists = _Lists(random.Random(rng.random()))
    write_docx.write(document, path, rng, each_table=lists.apply)
