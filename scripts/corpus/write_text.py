"""The five text exports of a plan, as other tools write Word tables out as text:

- ``text-tabbed``: one row per line, cells TAB-separated, HTML fragments in cells
  (``<p>``, ``<ul><li>``); blank lines are page breaks; headings as plain lines;
- ``text-html``: the same rows under markdown ``#`` headings;
- ``text-cells``: one cell per line, each opening with a TAB; lines of a cell
  follow without one; rows apart by blank lines;
- ``text-markdown``: pipe tables (``| a | b |``) as pandoc and GitHub write them;
- ``csv``: the plan table alone, quoted cells with embedded newlines.
"""

from __future__ import annotations

import csv
import io
import random
from html import escape
from pathlib import Path

from corpus.model import Cell, Document, Heading, Key, Row, Table, Text

GLYPH = {"list": "• ", "glyph": "• ", "dash": "- ", "": ""}


def split_text(text: str) -> tuple[str, str]:
    """Break ``text`` at a space near its middle before a lower-case word, as a page
    break cuts a row; the two halves joined by one space give ``text`` back."""
    words = text.split(" ")
    middle = len(words) // 2
    for offset in range(len(words)):
        for at in (middle + offset, middle - offset):
            if 1 <= at < len(words) and words[at][:1].islower():
                return " ".join(words[:at]), " ".join(words[at:])
    return " ".join(words[:middle]), " ".join(words[middle:])


def _split_row(row: Row, table: Table) -> tuple[Row, Row]:
    """A row broken by a page break: number, owner and date above, the action's
    tail alone below (every other cell of the tail row empty)."""
    column = table.column("action")
    cell = row.cells[column] or []
    head, tail = split_text(cell[-1].text)
    top = list(row.cells)
    top[column] = [*cell[:-1], type(cell[-1])(head, cell[-1].bullet)]
    rest: list[Cell | None] = [[] for _ in row.cells]
    rest[column] = [type(cell[-1])(tail)]
    return Row(top, row.spans), Row(rest)


def _html_cell(cell: Cell | None) -> str:
    if not cell:
        return ""
    if len(cell) == 1 and not cell[0].bullet:
        return escape(cell[0].text, quote=False).replace("\n", "<br>")
    parts, items = [], []
    for para in cell:
        if para.bullet == "list":
            items.append(f"<li>{escape(para.text, quote=False)}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        parts.append(f"<p>{GLYPH[para.bullet]}{escape(para.text, quote=False)}</p>")
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def _plain_cell(cell: Cell | None, paragraph_gap: str = "\n") -> str:
    if not cell:
        return ""
    return paragraph_gap.join(GLYPH[p.bullet] + p.text for p in cell)


def _rows(table: Table, rng: random.Random, splits: bool) -> list[Row | str]:
    """The table's rows, with page breaks ("page") where a row is split."""
    out: list[Row | str] = []
    for row in table.rows:
        if splits and row.split and row.full is None:
            top, rest = _split_row(row, table)
            out += [top, "page", *(["header"] if rng.random() < 0.5 else []), rest]
        else:
            out.append(row)
    return out


def tabbed(document: Document, rng: random.Random, markdown_headings: bool) -> str:
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += ["", ("#" * block.level + " " if markdown_headings else "") + block.text, ""]
        elif isinstance(block, Text):
            lines += [block.text, ""]
        elif isinstance(block, Key):
            lines += [block.heading + ":", ""]
            lines += [f"{a}\t{e}" if block.as_table else f"{a}  {e}" for a, e in block.entries]
            lines.append("")
        elif isinstance(block, Table):
            header = ["\t".join(r) for r in block.header_rows()]
            lines += header
            for row in _rows(block, rng, splits=True):
                if row == "page":
                    lines.append("")
                elif row == "header":
                    lines += header
                elif row.full is not None:  # a heading row: its empty cells kept or not
                    tabs = len(block.headers) - 1 if rng.random() < 0.5 else 0
                    lines.append(row.full + "\t" * tabs)
                else:
                    lines.append("\t".join(_html_cell(c) for c in row.cells))
            lines.append("")
    return "\n".join(lines) + "\n"


def cells(document: Document, rng: random.Random) -> str:
    lines: list[str] = []

    def row_lines(values: list[str]) -> None:
        for value in values:
            first, *rest = value.split("\n") if value else [""]
            lines.append("\t" + first)
            lines.extend(rest)
        lines.append("")

    for block in document.blocks:
        if isinstance(block, Heading | Text):
            lines += [block.text, ""]
        elif isinstance(block, Key):
            lines += [block.heading, ""] + [f"{a}  {e}" for a, e in block.entries] + [""]
        elif isinstance(block, Table):
            for header in block.header_rows():
                row_lines(header)
            for row in _rows(block, rng, splits=True):
                if row == "page":
                    lines += ["", ""]
                elif row == "header":
                    for header in block.header_rows():
                        row_lines(header)
                elif row.full is not None:
                    row_lines([row.full] + [""] * (len(block.headers) - 1))
                else:
                    row_lines([_plain_cell(c, "\n\n") for c in row.cells])
            lines.append("")
    return "\n".join(lines) + "\n"


def markdown(document: Document) -> str:
    lines: list[str] = []

    def pipe(values: list[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    for block in document.blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Text):
            lines += [block.text, ""]
        elif isinstance(block, Key):
            lines += [f"**{block.heading}**", ""]
            if block.as_table:
                lines += [pipe(["Abbreviation", "Meaning"]), pipe(["---", "---"])]
                lines += [pipe([a, e]) for a, e in block.entries]
            else:
                lines += [f"{a}  {e}  " for a, e in block.entries]
            lines.append("")
        elif isinstance(block, Table):
            lines += [pipe(block.headers), pipe(["---"] * len(block.headers))]
            for row in block.rows:
                if row.full is not None:
                    lines.append(pipe([f"**{row.full}**"] + [""] * (len(block.headers) - 1)))
                else:
                    lines.append(pipe([_plain_cell(c, "<br>").replace("\n", "<br>")
                                       for c in row.cells]))
            lines.append("")
    return "\n".join(lines) + "\n"


def as_csv(document: Document) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for table in document.tables():
        writer.writerow(table.headers)
        for row in table.rows:
            if row.full is not None:
                writer.writerow([row.full] + [""] * (len(table.headers) - 1))
            else:
                writer.writerow([_plain_cell(c) for c in row.cells])
    return buffer.getvalue()


# how exports come out of Word and spreadsheets: mostly UTF-8, some with a BOM, some
# UTF-16 (with its BOM), some in the Windows code page
ENCODINGS = {"utf-8": 0.6, "utf-8-sig": 0.1, "utf-16": 0.15, "cp1252": 0.15}


def write(document: Document, path: Path, fmt: str, rng: random.Random) -> str:
    """Write the export; returns the encoding it is written in."""
    if fmt == "text-tabbed":
        text = tabbed(document, rng, markdown_headings=False)
    elif fmt == "text-html":
        text = tabbed(document, rng, markdown_headings=True)
    elif fmt == "text-cells":
        text = cells(document, rng)
    elif fmt == "text-markdown":
        text = markdown(document)
    elif fmt == "csv":
        text = as_csv(document)
    else:
        raise ValueError(f"not a text format: {fmt}")
    encoding = rng.choices(list(ENCODINGS), list(ENCODINGS.values()))[0]
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        encoding, data = "utf-8", text.encode("utf-8")
    path.write_bytes(data)
    return encoding
