"""The Row-based table tests that ``normalise/table_texts.py`` replaced (issue 11:
a packed block's first pass reads texts straight from its bytes): kept here as the
reference ``tests/test_table_texts.py`` compares the text versions with, over every
table block of whole documents."""

from __future__ import annotations

from planextract.extract.model import Row, Table
from planextract.lexicon.text import squash
from planextract.normalise import dates
from planextract.normalise.column_evidence import Resolved, action_score, resolve
from planextract.normalise.columns import header_labels, header_roles, repeats_labels
from planextract.normalise.header_rows import Header
from planextract.settings import DEFAULT, ColumnSettings


def columns_of(rows: list[Row], width: int, headers: list[str] | None = None) -> list[list[str]]:
    """Each column's cell texts (squashed), rows repeating the header left out."""
    labels = header_labels(headers or ())
    body = [r for r in rows if not headers or not repeats_labels([c.text for c in r.cells],
                                                                  labels)]
    width = max([width, *(len(r.cells) for r in body)])
    return [[squash(r.cells[i].text) if i < len(r.cells) else "" for r in body]
            for i in range(width)]


def resolve_block(header: Header, rows: list[Row],
                  settings: ColumnSettings = DEFAULT.columns) -> Resolved:
    """The roles of a table's columns from its header and its data rows."""
    labels = header.labels
    return resolve(labels, header_roles(labels),
                   columns_of(rows, len(labels), [*labels, *header.printed]), settings,
                   squashed=True)


def looks_like_plan(rows: list[Row]) -> bool:
    """A table with a column of dates and a column of sentences: a plan table
    whatever its header says (used only to warn about one that was not read)."""
    columns = columns_of(rows, 0)
    if len(rows) < 2 or len(columns) < 2:
        return False

    def dated(values: list[str]) -> bool:
        filled = [v for v in values if v]
        return bool(filled) and sum(dates.parse_due(v).kind in ("date", "range", "multiple")
                                    for v in filled) >= 0.5 * len(filled)
    return any(dated(c) for c in columns) and any(action_score(c) >= 5 for c in columns)


def describe(index: int, block: Table) -> str:
    """A block named so a person can find it: its place and first row."""
    first = next((squash(c.text) for r in block.rows for c in r.cells if c.text.strip()), "")
    where = ""
    row = block.rows[0] if block.rows else None
    if row is not None and row.page_start:
        where = f" on page {row.page_start}"
    elif row is not None and row.line_start:
        where = f" at line {row.line_start}"
    return f"table {index + 1}{where} ({len(block.rows)} rows, starting {first[:40]!r})"
