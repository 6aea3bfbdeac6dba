"""Reader for markdown exports with pipe tables (``text-markdown``), as pandoc
and GitHub write them.

A table is a row of ``|``-separated cells, a separator row of dashes (with
optional alignment colons) and the body rows; it ends at the first line
without a ``|``. ``<br>`` inside a cell parts its paragraphs (a pipe table has no
other way to print them), unless the line after it is a bullet item or runs
on in lower case. ``#`` headings and setext headings (a line underlined with
``===`` or ``---``) give paragraph levels; emphasis, links and escapes are
removed from the text. Pandoc's grid tables (``+---+`` borders, cells over
several lines) are read too: pandoc writes them for cells holding lists or
several paragraphs. So are pandoc's simple and multiline tables (columns set by
runs of dashes, ``text.pandoc_tables``).
"""

from __future__ import annotations

import re
from functools import cache

from planextract.extract.block_pack import PackedBlocks, packed_blocks
from planextract.extract.key_lines import KeyLine, key_line, settle
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.table_writer import table_writer
from planextract.extract.text.cell_text import text_cell_parts
from planextract.extract.text.line_pieces import PieceLines, decode_lookahead
from planextract.extract.text.pandoc_tables import (
    has_dash_table,
    multiline_table,
    simple_table,
    starts_multiline,
    starts_simple,
)
from planextract.settings import DEFAULT, Settings

_PIPE = re.compile(r"(?<!\\)\|")
_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_BR = re.compile(r"<br\s*/?>", re.I)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_SINGLE_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|"
                              r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])")
_CODE = re.compile(r"`([^`]*)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_BULLET_MARK = re.compile(r"^\s*[-*+]\s+")  # a bullet item's mark (not a number's)
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+)\1\s*$")


def split_row(line: str) -> list[str]:
    """The cells of a pipe-table line, outer pipes removed."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return _PIPE.split(text)


def is_separator(line: str) -> bool:
    if "|" not in line or "-" not in line:
        return False
    cells = split_row(line)
    return all(_SEPARATOR_CELL.match(c) for c in cells)


def _starts_table(lines: list[str], index: int) -> bool:
    return (index + 1 < len(lines) and "|" in lines[index] and is_separator(lines[index + 1])
            and len(split_row(lines[index])) == len(split_row(lines[index + 1])))


def _starts_grid(lines: list[str], index: int) -> bool:
    return (index + 1 < len(lines) and bool(_GRID_BORDER.match(lines[index]))
            and lines[index + 1].lstrip().startswith("|"))


def has_pipe_table(lines: list[str]) -> bool:
    """Some line is a header row followed by its separator row, or the top
    border of a grid table; or a pandoc simple or multiline table is there. Each test
    is only made where its line prints its character (a pipe, a border's ``+``):
    sniffing asks this of every text export."""
    return has_table_in(lines, 0, len(lines))


# lines before and after line i that the tests of line i look at (a simple table's
# header is the line before its dashes; a multiline table's dash runs up to 5 after)
LOOKS_AROUND = (1, 6)


def has_table_in(lines: list[str], lo: int, hi: int) -> bool:
    """``has_pipe_table``'s tests of the lines ``lo`` to ``hi`` of ``lines`` (the
    sniff asks them a window of lines at a time, ``LOOKS_AROUND`` lines beside)."""
    return any(("|" in lines[i] and _starts_table(lines, i))
               or ("+" in lines[i] and _starts_grid(lines, i))
               for i in range(lo, min(hi, len(lines) - 1))) or has_dash_table(lines, lo, hi)


def _grid_table(lines: list[str], index: int) -> tuple[Table, int]:
    """A pandoc grid table from its top border: column edges are the ``+`` of
    the border; a row runs to the next border, its cells over several lines,
    a blank line in a cell parting its paragraphs. Returns the table and the
    index of the line after it."""
    border = lines[index]
    edges = [i for i, ch in enumerate(border) if ch == "+"]
    rows: list[Row] = []
    pending: list[tuple[int, str]] = []
    index += 1
    while index < len(lines):
        line = lines[index]
        if _GRID_BORDER.match(line):
            if pending:
                rows.append(_grid_row(pending, edges))
            pending = []
        elif line.lstrip().startswith("|"):
            pending.append((index + 1, line))
        else:
            break
        index += 1
    if pending:
        rows.append(_grid_row(pending, edges))
    return Table(rows=tuple(rows)), index


def _grid_row(lines: list[tuple[int, str]], edges: list[int]) -> Row:
    """A grid table's row on the top border's columns. An inner edge parts two
    cells only where every line of the row prints a ``|`` on it: a cell spanning
    columns (pandoc 3 writes one for a heading row) has none there, and is read
    whole into its first column, the columns it covers empty (as a Word
    ``gridSpan``)."""
    cut = [edges[0], *(e for e in edges[1:-1]
                       if all(line[e:e + 1] == "|" for _, line in lines)), edges[-1]]
    cells: list[Cell] = []
    for left, right in zip(cut, cut[1:]):
        cells.append(_cell(unwrap([line[left + 1:right].strip() for _, line in lines]),
                           grid=True))
        cells.extend(_cell("", grid=True) for e in edges if left < e < right)
    return Row(cells=tuple(cells), line_start=lines[0][0], line_end=lines[-1][0])


def unwrap(lines: list[str]) -> str:
    """Markdown lines as printed text: a line runs on from the one above (a
    soft wrap) unless it starts a list item or the one above ends with a hard
    break (a backslash); blank lines part paragraphs."""
    out: list[str] = []
    hard = True
    for line in lines:
        if not line.strip():
            out.append("")
            hard = True
            continue
        text = line.strip()
        starts_item = bool(_LIST_MARK.match(text))
        if hard or starts_item or not out or not out[-1]:
            out.append(text)
        else:
            out[-1] = f"{out[-1]} {text}"
        hard = out[-1].endswith("\\")
        if hard:
            out[-1] = out[-1][:-1].rstrip()
    return "\n".join(out)


def inline_markdown(text: str) -> str:
    """Markdown inline marks removed: links keep their text, emphasis and code
    marks go, escaped characters are unescaped. Each mark is looked for only
    where its character is printed: most cells have none, and each pattern
    searched the whole cell (a sub only removes characters, never adds one)."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(r"\2", text)
        text = _SINGLE_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _cell(raw: str, grid: bool = False) -> Cell:
    """A pipe-table cell: each ``<br>`` line a paragraph (no other way to part
    them is printed). A grid-table cell: paragraphs parted by blank lines.
    One Cell per distinct text and kind while a document is read (issue 11:
    owners, dates and statuses repeat; ``read_markdown`` forgets them)."""
    return _stripped_cell(raw.strip(), grid)


@cache
def _stripped_cell(stripped: str, grid: bool) -> Cell:
    return Cell(parts=_parts(stripped, grid), raw=stripped)


def _parts(stripped: str, grid: bool) -> tuple[str, ...]:
    if "\n" in stripped:
        text = "\n".join(inline_markdown(ln) for ln in stripped.split("\n"))
    else:
        text = inline_markdown(stripped)
    if "<" in text:  # a <br> can only be where a "<" is
        text = _BR.sub("\n", text)
    return text_cell_parts(text, lines_are_paragraphs=not grid)


def _pipe_parts(stripped: str) -> tuple[str, ...]:
    """A pipe-table cell's parts from its stripped text (``_cell``'s)."""
    return _parts(stripped, False)


def _paragraph(line: str, number: int, level: int = 0) -> Paragraph | KeyLine | None:
    bold = bool(_BOLD_LINE.match(line))
    text = _LIST_MARK.sub("", line) if not level else line
    text = " ".join(inline_markdown(_BR.sub(" ", text)).split())
    if not text:
        return None
    item = not level and bool(_BULLET_MARK.match(line))
    return key_line(inline_markdown(line), Paragraph(text=text, line=number, level=level,
                                                     bold=bold, item=item))


def parse_markdown(lines: list[str], consume: bool = False) -> list[Paragraph | Table]:
    """Paragraphs and tables of the lines. ``consume``: let each line of ``lines`` go
    (``None``) once the reading has moved past it (nothing looks back: the tables'
    tests look at the line they start on and those after it), so the file's lines
    and its rows are not all held at once (issue 11)."""
    try:
        return _parse_markdown(lines, consume)
    finally:
        _stripped_cell.cache_clear()  # the cells of this document only


def _parse_markdown(lines: list[str], consume: bool = False
                    ) -> list[Paragraph | Table] | PackedBlocks:
    blocks = packed_blocks()  # each table packed once read (issue 11)
    pipe = table_writer(blocks, _pipe_parts)  # pipe tables written as read, packed
    index = 0
    read = 0  # with ``consume``, the lines before this one are let go
    while index < len(lines):
        if isinstance(lines, PieceLines):
            lines.let_go(index)
        elif consume:
            while read < index:
                lines[read] = None  # type: ignore[call-overload]
                read += 1
        line = lines[index]
        number = index + 1
        if _starts_grid(lines, index):
            table, index = _grid_table(lines, index)
            blocks.append(table)
            continue
        if starts_multiline(lines, index):
            table, index = multiline_table(
                lines, index, lambda text: _cell(unwrap(text.split("\n")), grid=True))
            blocks.append(table)
            continue
        if starts_simple(lines, index):
            table, index = simple_table(lines, index, _cell)
            blocks.append(table)
            continue
        if _starts_table(lines, index):
            width = len(split_row(line))
            pipe.add([c.strip() for c in split_row(line)], number, number)
            index += 2
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                cells = [c.strip() for c in split_row(lines[index])]  # as _cell reads them
                pipe.add((cells + [""] * width)[:max(width, len(cells))], index + 1, index + 1)
                index += 1
            pipe.close()
            continue
        atx = _ATX.match(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if atx:
            para = _paragraph(atx.group(2), number, len(atx.group(1)))
        elif line.strip() and _SETEXT.match(following) and not _RULE.match(line):
            para = _paragraph(line, number, 1 if following.strip().startswith("=") else 2)
            index += 1
        elif not line.strip() or _RULE.match(line):
            para = None
        else:
            para = _paragraph(line, number)
        if para:
            blocks.append(para)
        index += 1
    return settle(blocks)


def read_markdown(data: bytes, source_format: str = "text-markdown",
                  settings: Settings = DEFAULT) -> RawDocument:
    # read from the bytes a piece at a time as the parse reaches them (issue 11)
    lines, warnings = decode_lookahead(data, settings.limits)
    return RawDocument(source_format="text-markdown", blocks=parse_markdown(lines, consume=True),
                       warnings=warnings)
