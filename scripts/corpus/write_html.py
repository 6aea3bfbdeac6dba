"""A plan saved as a web page: navigation and footer around the content, headings,
the key, tables with ``thead``/``tbody``, merged outcome cells as ``rowspan``,
full-width objective rows as ``colspan``, lists and paragraphs inside cells."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from corpus.model import Cell, Document, Heading, Key, Row, Table, Text

GLYPH = {"glyph": "• ", "dash": "- ", "": ""}


def cell_html(cell: Cell | None) -> str:
    if not cell:
        return ""
    if len(cell) == 1 and not cell[0].bullet:
        return escape(cell[0].text).replace("\n", "<br>")
    parts, items = [], []
    for para in cell:
        if para.bullet == "list":
            items.append(f"<li>{escape(para.text)}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        parts.append(f"<p>{GLYPH[para.bullet]}{escape(para.text).replace(chr(10), '<br>')}</p>")
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(parts)


def table_html(table: Table) -> list[str]:
    out = ["<table class=\"plan\">", "<thead><tr>"]
    if table.headless:
        out = ["<table class=\"form\">", "<tbody>"]
    elif table.group is None:
        out += [f"<th scope=\"col\">{escape(h)}</th>" for h in table.headers]
    else:
        first, count, label = table.group
        for column, header in enumerate(table.headers):
            if column == first:
                out.append(f"<th colspan=\"{count}\">{escape(label)}</th>")
            elif not table.grouped(column):
                out.append(f"<th rowspan=\"2\" scope=\"col\">{escape(header)}</th>")
        out.append("</tr><tr>")
        out += [f"<th scope=\"col\">{escape(h)}</th>" for c, h in enumerate(table.headers)
                if table.grouped(c)]
    if not table.headless:
        out += ["</tr></thead>", "<tbody>"]
    for row in table.rows:
        if row.full is not None:
            out.append(f"<tr class=\"objective\"><td colspan=\"{len(table.headers)}\">"
                       f"<strong>{escape(row.full)}</strong></td></tr>")
            continue
        tds = []
        for column, cell in enumerate(row.cells):
            if cell is None:
                continue
            span = row.spans.get(column)
            attr = f" rowspan=\"{span}\"" if span and span > 1 else ""
            tds.append(f"<td{attr}>{cell_html(cell)}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


DIV_STYLES = ["grid-class", "grid-inline", "rows", "aria"]


def rewrite_rows(out: list[str], table: Table,
                 element: Callable[[Row, int, Cell, str], str]) -> list[str]:
    """``table_html``'s lines ``out`` with each data row's cells written again by
    ``element(row, column, cell, rowspan attribute)``: the held-out shapes' writers."""
    body = [k for k, line in enumerate(out) if line.startswith("<tr>") and "<td" in line]
    for k, row in zip(body, [r for r in table.rows if r.full is None]):
        tds = []
        for column, cell in enumerate(row.cells):
            if cell is None:
                continue
            span = row.spans.get(column)
            tds.append(element(row, column, cell, f" rowspan=\"{span}\"" if span and span > 1
                               else ""))
        out[k] = "<tr>" + "".join(tds) + "</tr>"
    return out


def table_divs(table: Table, style: str) -> list[str]:
    """The table drawn with divs, as page builders write it: a CSS grid (a class
    rule or an inline style), rows of divs with one class structure, or ARIA
    roles. Divs merge no cells: a merged cell prints in its first row, empty
    below it; a full-width row prints in the first cell."""
    width = len(table.headers)
    rows = [[escape(h) for h in table.headers]]
    for row in table.rows:
        if row.full is not None:
            rows.append([f"<strong>{escape(row.full)}</strong>"] + [""] * (width - 1))
        else:
            rows.append([cell_html(c) for c in row.cells])
    out: list[str] = []
    if style.startswith("grid"):
        attr = (f" class=\"plan-grid cols-{width}\"" if style == "grid-class" else
                f" style=\"display: grid; grid-template-columns: repeat({width}, auto)\"")
        out.append(f"<div{attr}>")
        for n, cells in enumerate(rows):
            kind = "cell head" if n == 0 else "cell"
            out += [f"<div class=\"{kind}\">{c}</div>" for c in cells]
        out.append("</div>")
    elif style == "rows":
        out.append("<div class=\"plan-table\">")
        for n, cells in enumerate(rows):
            out.append(f"<div class=\"plan-row{' plan-header' if n == 0 else ''}\">"
                       + "".join(f"<div class=\"plan-cell\">{c}</div>" for c in cells)
                       + "</div>")
        out.append("</div>")
    else:
        out.append("<div role=\"table\" class=\"plan\">")
        for n, cells in enumerate(rows):
            role = "columnheader" if n == 0 else "cell"
            out.append("<div role=\"row\">" + "".join(
                f"<div role=\"{role}\">{c}</div>" for c in cells) + "</div>")
        out.append("</div>")
    return out


def render(document: Document, divs: str | None = None) -> str:
    body = ["<!DOCTYPE html>", "<html lang=\"en\"><head><meta charset=\"utf-8\">",
            f"<title>{escape(document.title)} | {escape(document.organisation)}</title>",
            "<style>table{border-collapse:collapse}td,th{border:1px solid #999;"
            "vertical-align:top;padding:4px}"
            + "".join(f".cols-{n}{{display:grid;grid-template-columns:repeat({n},auto)}}"
                      for n in sorted({len(t.headers) for t in document.tables()}) if divs)
            + "</style></head><body>",
            "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About us"
            "</a></li><li><a href=\"/equality\">Equality and diversity</a></li></ul></nav>"
            "</header>", "<main>"]
    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(block.level, 6)
            body.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Text):
            body.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Key):
            body.append(f"<h3>{escape(block.heading)}</h3>")
            if block.as_table:
                body.append("<table class=\"key\"><tbody>")
                body += [f"<tr><td>{escape(a)}</td><td>{escape(e)}</td></tr>"
                         for a, e in block.entries]
                body.append("</tbody></table>")
            else:
                body += [f"<p>{escape(a)}&nbsp;&nbsp;{escape(e)}</p>" for a, e in block.entries]
        elif isinstance(block, Table):
            body += table_divs(block, divs) if divs else table_html(block)
    body += ["</main>", "<footer><p>© Published under the Open Government Licence. "
             "<a href=\"/accessibility\">Accessibility statement</a></p></footer>",
             "</body></html>"]
    return "\n".join(body) + "\n"


def write(document: Document, path: Path, divs: str | None = None) -> None:
    path.write_text(render(document, divs), encoding="utf-8")
