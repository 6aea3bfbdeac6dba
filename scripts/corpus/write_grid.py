"""Two text exports of the held-out shapes (``corpus.shapes``):

- ``text-grid``: markdown with pandoc's grid tables: ``+---+`` borders, the header
  under a ``+===+`` line, each cell over several lines, a blank line between a
  cell's paragraphs, bullet items as ``- `` list items, a line break as a trailing
  backslash; objective rows span every column in some documents (pandoc 3 writes
  row spans so), else print in the first cell;
- ``csv-euro``: the whole plan in one sheet as European spreadsheets export it:
  semicolons, the organisation and the plan's name on title lines, each heading on
  a line and each table under its own header with a blank line after it, the key's
  entries as two-cell lines (lines padded with semicolons to the widest table in
  some documents), quoted cells holding line breaks, Windows line ends, in cp1252 or
  UTF-8 with a BOM.
"""

from __future__ import annotations

import csv
import io
import random
import textwrap
from pathlib import Path

from corpus.model import Cell, Document, Heading, Key, Table
from corpus.write_pandoc import WIDTHS, _longest_word, markdown

GLYPH = {"list": "• ", "glyph": "• ", "dash": "- ", "": ""}


def _cell_lines(cell: Cell | None, width: int) -> list[str]:
    """A grid cell's lines within ``width`` characters: paragraphs apart by a blank
    line, a list item's run-on lines indented under its text."""
    lines: list[str] = []
    previous = None
    for para in cell or []:
        if previous is not None and not (para.bullet and previous.bullet):
            lines.append("")
        parts = para.text.split("\n")
        for n, part in enumerate(parts):
            mark = "- " if para.bullet and n == 0 else ""
            wrapped = textwrap.wrap(mark + part, width, break_on_hyphens=False,
                                    subsequent_indent="  " if para.bullet else "") or [""]
            if n + 1 < len(parts):
                wrapped[-1] += "\\"
            lines += wrapped
        previous = para
    return lines


def grid_table(table: Table, span: bool) -> list[str]:
    widths = [max(WIDTHS.get(r, 16), _longest_word(table, k) + 4)
              for k, r in enumerate(table.roles)]
    inner = [w - 2 for w in widths]

    def border(char: str) -> str:
        return "+" + "+".join(char * w for w in widths) + "+"

    def lines_of(cells: list[list[str]]) -> list[str]:
        height = max([len(c) for c in cells] + [1])
        return ["|" + "|".join(" " + (c[k] if k < len(c) else "").ljust(n) + " "
                               for c, n in zip(cells, inner)) + "|" for k in range(height)]

    out = [border("-")]
    out += lines_of([textwrap.wrap(h, n) or [""] for h, n in zip(table.headers, inner)])
    out.append(border("="))
    whole = sum(widths) + len(widths) - 1
    for row in table.rows:
        if row.full is not None and span:
            text = textwrap.wrap(f"**{row.full}**", whole - 2)
            out += ["| " + t.ljust(whole - 2) + " |" for t in text]
        elif row.full is not None:
            out += lines_of([textwrap.wrap(f"**{row.full}**", inner[0])]
                            + [[] for _ in inner[1:]])
        else:
            out += lines_of([_cell_lines(c, n) for c, n in zip(row.cells, inner)])
        out.append(border("-"))
    return out


def grid_markdown(document: Document, rng: random.Random) -> str:
    span = rng.random() < 0.5
    return markdown(document, lambda block: grid_table(block, span))


def _plain(cell: Cell | None) -> str:
    return "\n".join(GLYPH[p.bullet] + p.text for p in cell or [])


def euro_csv(document: Document, rng: random.Random) -> str:
    """The whole plan in one sheet: title lines, then each heading on a line of its
    own and each table under its header, a blank line after it; the key's entries
    as two-cell lines under its heading; prose left out (a sheet holds the plan)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    width = max(len(t.headers) for t in document.tables())
    pad = rng.random() < 0.6

    def line(*values: str) -> None:
        writer.writerow([*values, *([""] * (width - len(values)) if pad else [])])

    for block in document.blocks:
        if isinstance(block, Heading):
            line(block.text)
        elif isinstance(block, Key):
            line(block.heading)
            for abbreviation, expansion in block.entries:
                line(abbreviation, expansion)
            line()
        elif isinstance(block, Table):
            writer.writerow(block.headers)
            for row in block.rows:
                if row.full is not None:
                    writer.writerow([row.full] + [""] * (len(block.headers) - 1))
                else:
                    writer.writerow([_plain(c) for c in row.cells])
            line()
    return buffer.getvalue()


def write_euro_csv(document: Document, path: Path, rng: random.Random) -> str:
    """Write the semicolon CSV; returns its encoding."""
    text = euro_csv(document, rng)
    encoding = "cp1252" if rng.random() < 0.6 else "utf-8-sig"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        encoding, data = "utf-8-sig", text.encode("utf-8-sig")
    path.write_bytes(data)
    return encoding
