"""Markdown with pandoc's simple and multiline tables (``text-markdown-pandoc``):
columns set by runs of dashes, no pipes. A table whose cells all fit on one line
is written as a simple table, else as a multiline table (cells wrapped to their
column, a line break inside a cell written as pandoc writes it: a trailing
backslash; bullet items as ``- `` lines)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from corpus.model import Cell, Document, Heading, Key, Table, Text

WIDTHS = {"action": 40, "outcome": 26, "issue": 26, "progress": 22, "id": 6, "owner": 22,
          "due": 18, "theme": 18, "strand": 18, "measure": 22, "resources": 16}


def _cell_lines(cell: Cell | None, width: int) -> list[str]:
    """The cell's lines within ``width`` characters: a paragraph or a line break
    ends its line with a backslash (a hard break) unless a bullet item follows."""
    if not cell:
        return []
    pieces: list[tuple[str, bool]] = []  # (text, bullet)
    for para in cell:
        for index, line in enumerate(para.text.split("\n")):
            pieces.append((line, bool(para.bullet) and index == 0))
    lines: list[str] = []
    for n, (text, bullet) in enumerate(pieces):
        wrapped = textwrap.wrap(("- " if bullet else "") + text, width - 2,
                                subsequent_indent="  " if bullet else "",
                                break_on_hyphens=False) or [""]
        if n + 1 < len(pieces) and not pieces[n + 1][1]:
            wrapped[-1] += "\\"
        lines += wrapped
    return lines


def _line(values: list[str], widths: list[int]) -> str:
    return " ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()


def _one_line(cell: Cell | None) -> bool:
    return not cell or len(cell) == 1 and "\n" not in cell[0].text and not cell[0].bullet


def _longest_word(table: Table, column: int) -> int:
    """The longest run of characters without a space in a column's cells."""
    return max((len(word) for row in table.rows if row.full is None
                and (cell := row.cells[column]) for para in cell for word in para.text.split()),
               default=0)


def table_text(table: Table) -> list[str]:
    # pandoc wraps a cell at spaces only, never inside a word (``Engagement/Organisational``
    # stays whole): a column is at least as wide as its longest word
    # (its text starts 2 in from the column's edge, a bullet's 2 more)
    widths = [max(WIDTHS.get(r, 16), _longest_word(table, k) + 4)
              for k, r in enumerate(table.roles)]
    if all(row.full is None and all(_one_line(c) for c in row.cells) for row in table.rows):
        # every cell one line: a simple table, each column as wide as its longest text
        widths = [max([len(h), 3, *(len(c[0].text) for r in table.rows
                                     if (c := r.cells[k]))]) + 2
                  for k, h in enumerate(table.headers)]
    rows = []
    for row in table.rows:
        if row.full is not None:
            rows.append([textwrap.wrap(row.full, widths[0] - 2)] + [[] for _ in widths[1:]])
        else:
            rows.append([_cell_lines(c, w) for c, w in zip(row.cells, widths)])
    header = [textwrap.wrap(h, w - 2) or [""] for h, w in zip(table.headers, widths)]
    runs = " ".join("-" * w for w in widths)
    simple = all(len(c) <= 1 for r in rows + [header] for c in r)
    out: list[str] = []
    if not simple:
        out.append("-" * len(runs))
    for k in range(max(len(c) for c in header)):
        out.append(_line([c[k] if k < len(c) else "" for c in header], widths))
    out.append(runs)
    for row in rows:
        for k in range(max([len(c) for c in row] + [1])):
            out.append(_line([c[k] if k < len(c) else "" for c in row], widths))
        if not simple:
            out.append("")
    if not simple:
        out[-1] = "-" * len(runs)
    return out


def markdown(document: Document, tables: Callable[[Table], list[str]] | None = None) -> str:
    """The document in pandoc's markdown, its tables written by ``tables`` (pandoc's
    multiline tables unless given: ``write_grid`` writes grid tables)."""
    tables = tables or table_text
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
            lines += tables(block) + [""]
    return "\n".join(lines) + "\n"
