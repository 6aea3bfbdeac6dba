"""The held-out ``*-form`` shapes: plans printed as a form per action, a two-column
table of label and value rows (``Action 1.1 | Review the forms``, ``Lead officer |
Head of HR``, ``Target date | March 2012``), one small table per action, objective rows
as headings between them.

Each plan table's rows become forms; the labels are the table's own headers (so the
words are the held-out pools'), the values its printed cells, and each action's gold
record stays as it was: only the shape of the page changes.
"""

from __future__ import annotations

import random

from corpus.model import Block, Cell, Document, Heading, Para, Row, Table


def make_forms(document: Document, rng: random.Random) -> int:
    """Each plan table of ``document`` printed as forms; returns the forms made."""
    colon = rng.random() < 0.4  # ``Lead officer:``
    title = rng.random() < 0.3  # a title row merged across (``Action 3``) over the labels
    blocks: list[Block] = []
    made = 0
    for block in document.blocks:
        if not isinstance(block, Table) or "action" not in block.roles:
            blocks.append(block)
            continue
        if block.title:
            blocks.append(Heading(block.title, 3))
        forms = _forms(block, colon, title)
        made += sum(isinstance(b, Table) for b in forms)
        blocks += forms
    document.blocks = blocks
    return made


def _forms(table: Table, colon: bool, title: bool) -> list[Block]:
    out: list[Block] = []
    above: dict[int, Cell | None] = {}  # the value a cell merged down prints
    pending: dict[int, int] = {}  # column -> rows the merge still covers
    id_column = table.column("id")
    for row in table.rows:
        if row.full is not None:
            out.append(Heading(row.full, 3))
            continue
        cells: list[Cell | None] = []
        for column, cell in enumerate(row.cells):
            if cell is None and pending.get(column, 0) > 0:
                cell = above.get(column)
                pending[column] -= 1
            elif cell is not None:
                above[column] = cell
                pending[column] = row.spans.get(column, 1) - 1
            cells.append(cell)
        number = _plain(cells[id_column]) if id_column is not None else ""
        rows: list[Row] = []
        for column, (role, header) in enumerate(zip(table.roles, table.headers)):
            if column == id_column:
                continue
            label = f"{header} {number}" if role == "action" and number and not title \
                else header
            rows.append(Row([[Para(label + (":" if colon else ""))], cells[column] or []]))
        if title and number:
            action = table.headers[table.roles.index("action")]
            rows.insert(0, Row([], full=f"{action} {number}"))
        rows[0].gold = row.gold
        out.append(Table(["", ""], ["label", "value"], rows, headless=True))
    return out


def _plain(cell: Cell | None) -> str:
    return " ".join(p.text for p in cell or []).strip()
