"""``html-lists`` (a held-out shape, ``corpus.shapes``): the web page of
``write_html`` with lists where content editors put them. Several actions printed in
one cell (a stacked cell) are the items of one list (``<ul>``, or ``<ol>`` whose
items keep their printed numbers), and their owners, dates and progress, where each
action has its own, are items in their cells too; an action with bullet items is, in
some documents, one item whose bullets are a list nested inside it; the heading that
stood above a table is its ``<caption>``."""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

from corpus import write_html
from corpus.model import Cell, Document, Heading, Table


def _item(paras: Cell) -> str:
    """One list item: the first paragraph's text, the rest (bullet items) nested."""
    text = escape(paras[0].text).replace("\n", "<br>")
    rest = "".join(f"<li>{escape(p.text)}</li>" for p in paras[1:])
    return f"<li>{text}{f'<ul>{rest}</ul>' if rest else ''}</li>"


def _split(cell: Cell) -> list[Cell]:
    """The cell's paragraphs grouped by action: each plain paragraph opens one,
    its bullet items follow it."""
    groups: list[Cell] = []
    for para in cell:
        if para.bullet and groups:
            groups[-1].append(para)
        else:
            groups.append([para])
    return groups


class _Lists:
    def __init__(self, rng: random.Random) -> None:
        self.ordered = rng.random() < 0.5
        self.values = rng.random() < 0.7  # stacked value cells as lists too
        self.nest = rng.random() < 0.6  # an action's bullets nested in its item

    def cell(self, cell: Cell | None, role: str, stacked: bool) -> str:
        if not cell:
            return ""
        groups = _split(cell)
        tag = "ol" if self.ordered and role == "action" else "ul"
        if stacked and len(groups) > 1 and (role == "action" or self.values):
            return f"<{tag}>" + "".join(_item(g) for g in groups) + f"</{tag}>"
        if role == "action" and self.nest and len(groups) == 1 and len(cell) > 1:
            return f"<ul>{_item(cell)}</ul>"
        return write_html.cell_html(cell)

    def table(self, table: Table, caption: str | None) -> list[str]:
        out = write_html.table_html(table)
        if caption:
            out.insert(1, f"<caption>{escape(caption)}</caption>")
        return write_html.rewrite_rows(
            out, table, lambda row, column, cell, attr:
            f"<td{attr}>{self.cell(cell, table.roles[column], len(row.gold) > 1)}</td>")


def write(document: Document, path: Path, rng: random.Random) -> None:
    lists = _Lists(rng)
    page = write_html.render(document)
    for n, block in enumerate(document.blocks):
        if not isinstance(block, Table) or block.roles == ["rag", "meaning"]:
            continue
        old = "\n".join(write_html.table_html(block))
        above = document.blocks[n - 1] if n else None
        caption = None
        if isinstance(above, Heading) and rng.random() < 0.7:
            level = min(above.level, 6)
            heading = f"<h{level}>{escape(above.text)}</h{level}>\n"
            if heading + old in page:  # the heading becomes the table's caption
                page = page.replace(heading + old, old, 1)
                caption = above.text
        page = page.replace(old, "\n".join(lists.table(block, caption)), 1)
    path.write_text(page, encoding="utf-8")
