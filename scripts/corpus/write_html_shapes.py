"""``html-shapes`` (a held-out shape, ``corpus.shapes``): the web page of
``write_html`` with one owner merged down over several action rows (``rowspan``,
``shapes.merge_owners``), each body row's first cell a row header (``<th
scope="row">``), and, drawn per document, several actions of one cell stacked with
``<br>`` instead of paragraphs, and no ``<thead>`` (the header a row of ``<th>``)."""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

from corpus import write_html
from corpus.model import Cell, Document, Table


def _cell(cell: Cell | None, br: bool) -> str:
    """A cell; with ``br`` its plain paragraphs are lines of one ``<br>`` run."""
    if br and cell and len(cell) > 1 and not any(p.bullet for p in cell):
        return "<br>".join(escape(p.text).replace("\n", "<br>") for p in cell)
    return write_html.cell_html(cell)


def table_html(table: Table, br: bool, thead: bool) -> list[str]:
    out = write_html.table_html(table)
    if not thead:  # the header as a first row of <th>, no <thead>/<tbody>
        out = [line for line in out if line not in ("<thead><tr>", "</tr></thead>",
                                                    "<tbody>", "</tbody>")]
        first = out.index("<table class=\"plan\">") + 1
        out.insert(first, "<tr>")
        closing = next(k for k in range(first, len(out)) if not out[k].startswith("<th")
                       and out[k] != "<tr>" and out[k] != "</tr><tr>")
        out.insert(closing, "</tr>")

    def element(_row, column: int, cell: Cell, attr: str) -> str:
        tag = "th scope=\"row\"" if column == 0 else "td"
        return f"<{tag}{attr}>{_cell(cell, br)}</{tag.split()[0]}>"
    return write_html.rewrite_rows(out, table, element)


def write(document: Document, path: Path, rng: random.Random) -> None:
    br, thead = rng.random() < 0.6, rng.random() < 0.5
    page = write_html.render(document)
    for table in document.tables():
        old = "\n".join(write_html.table_html(table))
        page = page.replace(old, "\n".join(table_html(table, br, thead)), 1)
    path.write_text(page, encoding="utf-8")
