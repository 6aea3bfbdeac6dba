"""``docx-labelled`` (a held-out shape, ``corpus.shapes``): the Word plan of
``write_docx`` with no plan table at all. Each action is printed as labelled
paragraphs, as plans written in prose print them: the action (its number before
it) as a bold paragraph or a small heading, its bullet items as list paragraphs,
then one ``Label: value`` paragraph for each other value its row prints (``Lead
officer: Head of HR``, ``Target date: March 2013``), the label bold in some
documents; an objective row is a heading. The labels are the table's headers and
the values the cells' text, so the gold is the table's."""

from __future__ import annotations

import random
from pathlib import Path

from corpus import write_docx
from corpus.model import Document, Table


class _Labelled:
    def __init__(self, rng: random.Random) -> None:
        self.heading = rng.random() < 0.5  # the action as a heading, else bold
        self.bold_label = rng.random() < 0.6
        self.gap = rng.random() < 0.5  # an empty paragraph after each action

    def _add(self, out, before, text: str = "", style: str | None = None):
        paragraph = out.add_paragraph(style=style)
        if text:
            paragraph.add_run(text)
        before.addprevious(paragraph._p)
        return paragraph

    def apply(self, out, grid, table: Table) -> None:
        if table.roles == ["rag", "meaning"]:  # a colour key stays a table
            return
        body = out.element.body
        node = grid._tbl
        while node.getparent() is not body:
            node = node.getparent()
        action = table.column("action")
        for row in table.rows:
            if row.full is not None:
                self._add(out, node, row.full, "Heading 3")
                continue
            cell = row.cells[action] or []
            first, *items = cell
            number = row.cells[table.column("id")] if table.column("id") is not None else None
            title = f"{number[0].text} {first.text}" if number else first.text
            if self.heading:
                self._add(out, node, title, "Heading 4")
            else:
                self._add(out, node).add_run(title).bold = True
            for item in items:
                self._add(out, node, item.text, "List Bullet")
            for column, (role, header) in enumerate(zip(table.roles, table.headers)):
                value = row.cells[column]
                if role in ("action", "id") or not value:
                    continue
                paragraph = self._add(out, node)
                paragraph.add_run(f"{header}:").bold = self.bold_label
                paragraph.add_run(" " + ", ".join(p.text.replace("\n", ", ") for p in value))
            if self.gap:
                self._add(out, node)
        body.remove(node)


def write(document: Document, path: Path, rng: random.Random) -> None:
    labelled = _Labelled(random.Random(rng.random()))
    write_docx.write(document, path, rng, each_table=labelled.apply)
