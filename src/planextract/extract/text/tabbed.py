"""Readers for text exports whose table rows are TAB-separated lines.

Two export styles share this layout: Word's text export with HTML fragments
in cells (``text-tabbed``) and markdown exports whose cells hold HTML lists
(``text-html``). A run of lines containing TABs is one table; a blank line
inside the run is a page break, unless the next row has another number of
cells, which starts a new table; any other line is a paragraph, with markdown
heading marks read as its level.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planextract.extract.block_pack import PackedBlocks, packed_blocks
from planextract.extract.key_lines import KeyLine, key_line, settle
from planextract.extract.model import Paragraph, RawDocument, Table
from planextract.extract.parts import cell_parts, plain
from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET
from planextract.extract.table_writer import table_writer
from planextract.extract.text.line_pieces import decode_pieces, each_line
from planextract.settings import DEFAULT, Settings

_SEPARATOR_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*)$")
_BOLD_WRAP = re.compile(r"^\s*(\*\*|<b>)(.*?)(\*\*|</b>)\s*$", re.I)


def _is_separator(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(_SEPARATOR_CELL.match(c) for c in filled)


def _paragraph(line: str, number: int) -> Paragraph | KeyLine | None:
    level = 0
    text = line
    heading = _MD_HEADING.match(line)
    if heading:
        level = len(heading.group(1))
        text = heading.group(2)
    bold = bool(_BOLD_WRAP.match(text))
    if text.count("**") % 2:
        # one ``**`` left open: a bold paragraph wrapped over lines (pandoc's markdown
        # in a plain export) opens or closes here; the mark stays for the labelled
        # rule to join the lines by (``labelled_lines.text_run_ons``)
        text = text.strip()
        opens, closes = text.startswith("**"), text.endswith("**")
        text = text.replace("**", "").strip()
        text = ("**" if opens else "") + text + ("**" if closes and not opens else "")
    else:
        text = text.replace("**", "").strip().strip("*").strip()
    text = plain(text)
    if not text:
        return None
    item = not level and bool(GLYPH_BULLET.match(line) or DASH_BULLET.match(line))
    return key_line(line, Paragraph(text=text, line=number, level=level, bold=bold,
                                    item=item))


def parse_tabbed_lines(lines: Iterable[str], consume: bool = False
                       ) -> list[Paragraph | Table] | PackedBlocks:
    """Group numbered lines into paragraphs and tables of rows. Only the line read
    is looked at, so ``lines`` may be made as they are read (``line_pieces.each_line``).
    ``consume``: let each line of a list go (``None``) once read, so the file's lines
    and its rows are not all held at once (issue 11)."""
    blocks = packed_blocks()  # each table packed as read (issue 11)
    rows = table_writer(blocks, cell_parts)  # the table being read
    pending_break = False
    close_table = rows.close

    for index, line in enumerate(lines):
        number = index + 1
        if consume:
            lines[index] = None  # type: ignore[index]
        if "\t" in line:
            raw_cells = line.split("\t")
            if "--" in line and _is_separator(raw_cells):  # a separator cell prints "--"
                pending_break = True
                continue
            if pending_break and rows.rows and len(raw_cells) != rows.width:
                close_table()  # a blank line and a new width: another table starts
            rows.add(raw_cells, number, number, pending_break and bool(rows.rows))
            pending_break = False
        elif not line.strip():
            pending_break = True
        else:
            close_table()
            pending_break = False
            para = _paragraph(line, number)
            if para:
                blocks.append(para)
    close_table()
    return settle(blocks)


def read_tabbed(data: bytes, source_format: str = "text-tabbed",
                settings: Settings = DEFAULT) -> RawDocument:
    # the lines a 64 k piece at a time, each let go once read: the export's every line
    # was held at the read's start (issue 11)
    pieces, warnings = decode_pieces(data, settings.limits)
    blocks = parse_tabbed_lines(each_line(pieces))
    return RawDocument(source_format=source_format, blocks=blocks, warnings=warnings)
