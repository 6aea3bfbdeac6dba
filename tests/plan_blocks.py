"""Build small RawDocuments in tests: a table from printed rows, one list per row,
a cell with several paragraphs as a tuple."""

from __future__ import annotations

from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.normalise.document import NormalisedDocument, normalise


def cell(value: str | tuple[str, ...]) -> Cell:
    parts = value if isinstance(value, tuple) else (value,) if value else ()
    return Cell(parts=tuple(parts))


def table(*rows: list, first_line: int = 1) -> Table:
    return Table(tuple(Row(tuple(cell(v) for v in row), line_start=first_line + n,
                           line_end=first_line + n) for n, row in enumerate(rows)))


def run(*blocks: Table | Paragraph | str, fmt: str = "docx") -> NormalisedDocument:
    """Normalise the blocks; a bare string is a paragraph (``# `` prefix: a heading)."""
    out = []
    for block in blocks:
        if isinstance(block, str):
            level = 2 if block.startswith("# ") else 0
            out.append(Paragraph(block.removeprefix("# "), level=level))
        else:
            out.append(block)
    return normalise(RawDocument(fmt, out))
