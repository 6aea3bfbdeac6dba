"""Two text exports of the held-out shapes (``corpus.shapes``):

- ``text-grid``: markdown with pandoc's grid tables: ``+---+`` borders, the header
  under a ``+===+`` line, each cell over several lines, a blank line between a
  cell's paragraphs, bullet items as ``- `` list items, a line break as a trailing
  backslash; objective rows span every column in some documents (pandoc 3 writes
  row spans so), else print in the first cell;
- ``csv-euro``: a CSV as European spreadsheets export it: semicolons, the plan's
  name and organisation on title lines above the header (padded with semicolons to
  the table's width, in some documents), quoted cells holding line breaks, Windows
  line ends, in cp1252 or UTF-8 with a BOM.
"""

from __future__ import annotations

import csv
import io
import random
import textwrap
from pathlib import Path

from corpus.model import Cell, Document, Heading, Key, Table, Text
from corpus.write_pandoc import WIDTHS, _longest_word

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
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Text):
            lines += [block.text, ""]
        elif isinstance(block, Key):
            lines += [f"**{block.heading}**", ""]
            lines += [f"{a}  {e}  " for a, e in block.entries] + [""]
        elif isinstance(block, Table):
            lines += grid_table(block, span) + [""]
    return "\n".join(lines) + "\n"


def _plain(cell: Cell | None) -> str:
    return "\n".join(GLYPH[p.bullet] + p.text for p in cell or [])


def euro_csv(document: Document, rng: random.Random) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    pad = rng.random() < 0.6
    for table in document.tables():
        width = len(table.headers)
        filler = [""] * (width - 1) if pad else []
        for title in (document.organisation, document.title):
            writer.writerow([title, *filler])
        if rng.random() < 0.5:
            writer.writerow(filler + [""] if pad else [])
        writer.writerow(table.headers)
        for row in table.rows:
            if row.full is not None:
                writer.writerow([row.full] + [""] * (width - 1))
            else:
                writer.writerow([_plain(c) for c in row.cells])
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
