"""A cell printed as plain text with line breaks (a CSV field, a markdown
cell with ``<br>``) as the parts the normaliser reads.

A blank line separates printed paragraphs (parts); a single line break is a
line of the same part; a line typed as a bullet (glyph or dash) is an item of
the part before it, its glyph removed. Fragments of HTML are read as HTML.
"""

from __future__ import annotations

import html
import re

from planextract.extract.html_cells import PartsBuilder
from planextract.extract.html_fragments import cell_parts

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_TAG_HINT = re.compile(r"<\s*/?\s*(?:p|ul|ol|li|div|b|i|strong|em|span|u|a)\b[^>]*>", re.I)


def text_cell_parts(text: str) -> tuple[str, ...]:
    builder = PartsBuilder()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for chunk in _BLANK_LINE.split(text):
        if _TAG_HINT.search(chunk):
            for part in cell_parts(chunk):
                builder.paragraph(part)
        else:
            builder.paragraph(html.unescape(chunk))
    return builder.result()
