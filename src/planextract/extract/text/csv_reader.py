"""Reader for CSV exports of a plan table (``csv``), as Excel and LibreOffice
write them: quoted cells with embedded line breaks, a comma or semicolon
delimiter (found with ``csv.Sniffer``). A line break inside a cell parts its
paragraphs, as Word's paragraphs do when a table is pasted into a
spreadsheet; bullet items and lines running on in lower case stay with the
paragraph above.

A blank record ends a table. Outside a table, a record whose only filled cell
is the first is a paragraph (the plan's title, a table's name, a section
heading); inside
one it stays a row (a full-width heading row, read as in Word). Every row is
padded to the widest, so a table cut by a blank record continues the one
above in the normaliser. Line numbers are the
physical lines of the file, so a record with embedded line breaks spans
several.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from planextract.extract.block_pack import PackedBlocks, PackedTable, held, packed_blocks
from planextract.extract.errors import ReaderError
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.table_writer import table_writer
from planextract.extract.text.cell_text import text_cell_parts
from planextract.extract.text.cells import HEADING_LEVEL, is_heading_line
from planextract.extract.text.decode import decode, forget, is_plain
from planextract.settings import DEFAULT, Settings

DELIMITERS = ",;"
_SAMPLE_CHARS = 64 * 1024
_CHUNK_CHARS = 64 * 1024  # the text read a piece of about this many characters at a time
_SEP_LINE = re.compile(r"^\ufeff?sep=(.)\r?\n")  # Excel's "sep=;" first line


class _Excel(csv.excel):
    """Quotes as spreadsheets write them (doubled inside a quoted cell);
    ``csv.Sniffer`` guesses only the delimiter, its quoting guess is unreliable."""

    delimiter = ","


@cache
def _with_delimiter(delimiter: str) -> type[csv.Dialect]:
    """One dialect class per delimiter: a class made at every read was cyclic
    garbage (a class refers to itself), which text exports are read without
    collecting (``planextract.gc_pause``)."""
    return type("Dialect", (_Excel,), {"delimiter": delimiter})


def _dialect(text: str) -> type[csv.Dialect]:
    declared = _SEP_LINE.match(text)
    if declared:
        return _with_delimiter(declared.group(1))
    sample = text[:_SAMPLE_CHARS]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in DELIMITERS}
        delimiter = max(counts, key=counts.get)
    return _with_delimiter(delimiter)


# a physical line and its ending, as ``io.StringIO(text, newline="")`` reads them:
# ended by "\r\n", "\r" or "\n", the ending kept; the last one may have none
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


def physical_lines(text: str) -> Iterator[str]:
    """The lines ``io.StringIO(text, newline="")`` gives, one at a time. Not that
    buffer itself: it holds the text as four bytes a character (issue 11: 4 MB
    for a 1 MB CSV export, while it was read)."""
    return (m.group() for m in _PHYSICAL_LINE.finditer(text))


def _chunks(text: str, start: int, size: int) -> list[str]:
    """``text`` from ``start`` in pieces of about ``size`` characters, each cut just
    after a line feed (no line and no ``\\r\\n`` is cut in two)."""
    out = []
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        out.append(text[start:end])
        start = end
    return out


def _taken(chunks: list[str]) -> Iterator[str]:
    """The physical lines of the pieces in order, each piece let go once read (the
    list is left empty)."""
    chunks.reverse()
    while chunks:
        yield from physical_lines(chunks.pop())


def _records(text: str, chunk: int = _CHUNK_CHARS) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of every record, one at a time (all of them
    at once held every field as a string and a list a record: issue 11). The text
    is cut into pieces first and let go, and each piece goes once the CSV reader
    has read its lines (issue 11: the text, two bytes a character for a CSV with
    one character beyond Latin-1, was held to the last record; a piece is as narrow
    as its own characters allow)."""
    dialect = _dialect(text)
    declared = _SEP_LINE.match(text)
    chunks = _chunks(text, declared.end() if declared else 0, chunk)
    del text
    return _read(dialect, 1 if declared else 0, _taken(chunks))


def _records_of_bytes(data: bytes, chunk: int = _CHUNK_CHARS
                      ) -> Iterator[tuple[int, int, list[str]]]:
    """``_records(data.decode("utf-8"))``, for bytes that decoding leaves as their
    UTF-8: the text is never made whole, each piece of the bytes decoded as the CSV
    reader reaches it (issue 11: the reader's text and its pieces, both made whole
    beside the bytes, were the csv read's high-water at 10 MB). The dialect and a
    ``sep=`` line are read from a head at least ``_SAMPLE_CHARS`` characters long
    (4 bytes a character at most; a character cut at its end is left out)."""
    head = data[:4 * _SAMPLE_CHARS].decode("utf-8", errors="ignore")
    dialect = _dialect(head)
    declared = _SEP_LINE.match(head)
    start = len(declared.group().encode("utf-8")) if declared else 0
    del head
    lines = (line for piece in _byte_pieces(data, start, chunk)
             for line in physical_lines(piece.decode("utf-8")))
    return _read(dialect, 1 if declared else 0, lines)


def _byte_pieces(data: bytes, start: int, size: int) -> Iterator[bytes]:
    """``data`` from ``start`` in pieces of about ``size`` bytes, each cut just after
    a line feed (a byte of its own in UTF-8: no character and no ``\r\n`` cut)."""
    while start < len(data):
        cut = data.find(b"\n", start + size)
        end = len(data) if cut < 0 else cut + 1
        yield data[start:end]
        start = end


def _read(dialect: type[csv.Dialect], line: int, lines: Iterator[str]
          ) -> Iterator[tuple[int, int, list[str]]]:
    """The records of ``lines`` (after ``line`` lines already read: a ``sep=``)."""
    reader = csv.reader(lines, dialect)
    offset = line
    for cells in reader:
        start = line + 1
        line = reader.line_num + offset
        yield start, line, cells


def looks_like_csv(lines: list[str]) -> bool:
    """Most records share one width of two or more cells, or most records of two
    cells or more sit in runs of one width (a sheet holding the whole plan: title
    and heading lines of one cell, a key of two cells, tables of five); and the
    first record of the most common width with several filled cells reads as a
    header: short labels, none ending a sentence, not spaced after the delimiter
    as prose is after a comma."""
    text = "\n".join(lines[:400])
    if not any(d in text for d in DELIMITERS):
        return False
    try:
        records = [cells for _, _, cells in _records(text) if any(c.strip() for c in cells)]
    except csv.Error:
        return False
    if len(records) < 2:
        return False
    width, count = Counter(len(r) for r in records).most_common(1)[0]
    if width < 2 or count < 2 or (count < 0.6 * len(records) and not _in_runs(records)):
        return False
    header = next((r for r in records if len(r) == width
                   and sum(1 for c in r if c.strip()) >= 2), None)
    if header is None:
        return False
    labels = [c for c in header if c.strip()]
    spaced = sum(1 for c in header[1:] if c[:1].isspace())  # "a, b": prose after a comma
    return spaced < max(1, len(header) - 1) / 2 and all(
        len(c) <= 80 and not (c.strip().endswith(".") and len(c.split()) >= 3)
        for c in labels)


def _in_runs(records: list[list[str]]) -> bool:
    """Whether most records of two cells or more are in runs of two or more
    consecutive ones of one width (records of one cell, lines of text, part no
    run and are not counted)."""
    widths = [len(r) for r in records if len(r) >= 2]
    in_runs = sum(1 for k, w in enumerate(widths)
                  if (k and widths[k - 1] == w) or (k + 1 < len(widths) and widths[k + 1] == w))
    return len(widths) >= 2 and in_runs >= 0.6 * len(widths)


def _padded(row: Row, width: int) -> Row:
    """Every row as wide as the widest: a spreadsheet may trim empty cells."""
    if len(row.cells) == width:
        return row
    return Row(cells=row.cells + (Cell(),) * (width - len(row.cells)),
               line_start=row.line_start, line_end=row.line_end)


def _widest(item: object) -> int:
    """The widest row of a held block (a table packed or not; 0 for a paragraph)."""
    if isinstance(item, PackedTable):
        return item.widest
    return max((len(r.cells) for r in item.rows), default=0) if isinstance(item, Table) else 0


def _field_parts(text: str) -> tuple[str, ...]:
    return text_cell_parts(text, lines_are_paragraphs=True)


def read_csv(data: bytes, source_format: str = "csv",
             settings: Settings = DEFAULT) -> RawDocument:
    if is_plain(data, settings.limits):  # its UTF-8 as it stands: read from the bytes
        forget()
        decoded, warnings = None, []
    else:
        decoded, warnings = decode(data, settings.limits)
        forget()  # the text is this reader's alone now: let go as its lines are cut
    try:
        records = _records_of_bytes(data) if decoded is None else _records(decoded)
        del decoded
        blocks, narrowest = _blocks(records, warnings, settings)
        for _ in records:  # the records past the row limit read too: one that is
            pass  # not CSV fails the file, as when every record was read first
    except csv.Error as err:
        raise ReaderError(f"not a readable CSV file ({err}); save the table again as "
                          "CSV from the spreadsheet") from None
    width = max(map(_widest, held(blocks)), default=0)
    for index, least in narrowest.items():  # each table unpacked alone, if it must be
        if least < width:
            table = blocks[index]
            blocks[index] = Table(rows=tuple(_padded(r, width) for r in table.rows))
    return RawDocument(source_format="csv", blocks=blocks, warnings=warnings)


def _blocks(records: Iterator[tuple[int, int, list[str]]], warnings: list[str],
            settings: Settings) -> tuple[list[Paragraph | Table] | PackedBlocks, dict[int, int]]:
    """Paragraphs and tables of the records, up to the row limit, each table packed
    once read (issue 11); with each table's position, its narrowest row's width."""
    limit = settings.limits.max_table_rows
    blocks = packed_blocks()
    narrowest: dict[int, int] = {}
    rows = table_writer(blocks, _field_parts)  # the table being read, if any row
    least = 0  # its narrowest row
    count = 0

    def close() -> None:
        if rows.rows:
            narrowest[len(blocks)] = least
        rows.close()

    for start, end, cells in records:
        filled = [c for c in cells if c.strip()]
        if not filled:
            close()
            continue
        if not rows.rows and len(filled) == 1 and cells[0].strip():
            text = " ".join(filled[0].split())
            blocks.append(Paragraph(text=text, line=start,
                                    level=HEADING_LEVEL if is_heading_line(text) else 0))
            continue
        if count >= limit:
            warnings.append(f"line {start}: longer than {limit} rows; the rest was not read")
            break
        if len(cells) > settings.limits.max_columns:
            warnings.append(f"line {start}: {len(cells)} cells; only the first "
                            f"{settings.limits.max_columns} were read")
        fields = cells[:settings.limits.max_columns]
        least = min(least, len(fields)) if rows.rows else len(fields)
        rows.add(fields, start, end)
        count += 1
    close()
    return blocks, narrowest
