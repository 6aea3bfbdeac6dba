"""A cell printed as plain text with line breaks (a CSV field, a markdown
cell with ``<br>``) as the parts the normaliser reads.

A blank line separates printed paragraphs (parts); a single line break is a
line of the same part, or, where the format has no other way to part
paragraphs, a paragraph of its own; a line typed as a bullet (glyph or dash)
is an item of the part before it, its glyph removed. Fragments of HTML are
read as HTML.
"""

from __future__ import annotations

import html
import re

from planextract.extract.parts import (
    PartsBuilder,
    cell_parts,
    collapse,
    is_bullet_line,
    split_inline_bullets,
    strip_bullet,
)

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_RUNS_ON = re.compile(r"^\s*[a-z]")
_ITEM_MARK = re.compile(r"^\s*(?:[a-z][.)]|[ivx]+[.)])\s")  # "a) ...", "ii. ...": an item
_TAG_HINT = re.compile(r"<\s*/?\s*(?:p|ul|ol|li|div|b|i|strong|em|span|u|a)\b[^>]*>", re.I)


def text_cell_parts(text: str, lines_are_paragraphs: bool = False) -> tuple[str, ...]:
    """The parts of a cell printed as plain text. With ``lines_are_paragraphs``
    (a CSV field, a pipe-table cell: formats with no other way to part
    paragraphs), each line is a paragraph, unless it is a bullet item or
    starts in lower case (a sentence wrapped by hand), which run on."""
    if "\n" not in text and "\r" not in text and "<" not in text:
        line = html.unescape(text)
        if "\n" not in line:
            return _one_line_parts(line)
    builder = PartsBuilder()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for chunk in _BLANK_LINE.split(text):
        if _TAG_HINT.search(chunk):
            for part in cell_parts(chunk):
                builder.paragraph(part)
        elif lines_are_paragraphs:
            for line in html.unescape(chunk).split("\n"):
                if builder.parts and _RUNS_ON.match(line) and not _ITEM_MARK.match(line):
                    builder.run_on(line)
                else:
                    builder.paragraph(line)
        else:
            builder.paragraph(html.unescape(chunk))
    return builder.result()


def _one_line_parts(line: str) -> tuple[str, ...]:
    """``text_cell_parts`` of a cell of one line and no tag (most cells): one
    part, its bullet glyph gone, its inline bullets lines, without the
    builder (issue 11: CSV and markdown cells by the hundred thousand)."""
    line = collapse(line)
    if not line:
        return ()
    if is_bullet_line(line):
        line = strip_bullet(line)
    text = "\n".join(x for x in split_inline_bullets(line).split("\n") if x).strip()
    return (text,) if text else ()
