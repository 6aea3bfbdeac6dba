"""Header rows a format marks as such (HTML ``<thead>``/``<th>``, Word's
repeated header rows ``w:tblHeader``), made into what the normaliser reads:
one header row.

A marked row with a single label across the table is the table's title, not a
header; a header printed on several rows (a top cell spanning the columns of a
group, the labels under it) is one row where each column keeps its lowest
label. Formats that mark nothing leave their rows to the normaliser.
"""

from __future__ import annotations

from planextract.extract.model import Cell, Row

MAX_HEADER_ROWS = 3  # a title, a group row and the labels; more marked rows are not a header


def merge_header(rows: list[Row]) -> Row:
    """A header printed on several rows as one: each column takes its lowest
    label (a top cell spanning columns names a group, the labels under it
    name the columns; a cell spanning the header's rows is empty below)."""
    width = max(len(r.cells) for r in rows)
    cells = []
    for column in range(width):
        labels = [r.cells[column] for r in rows
                  if column < len(r.cells) and not r.cells[column].empty]
        cells.append(labels[-1] if labels else Cell())
    return Row(cells=tuple(cells), line_start=rows[0].line_start, line_end=rows[-1].line_end,
               page_start=rows[0].page_start, page_end=rows[-1].page_end)


def settle_header(rows: list[Row], marked: int) -> tuple[list[Row], list[Row]]:
    """(title rows, table rows) for a table whose first ``marked`` rows are
    marked as its header: leading title rows taken out, a header of several
    rows merged into one."""
    titles: list[Row] = []
    if marked >= len(rows) or marked > MAX_HEADER_ROWS:
        return titles, rows  # every row marked (careless markup): no header is known
    while marked and rows and len(rows[0].cells) > 1 and \
            sum(not c.empty for c in rows[0].cells) == 1:
        titles.append(rows[0])
        rows, marked = rows[1:], marked - 1
    if marked >= 2:
        rows = [merge_header(rows[:marked])] + rows[marked:]
    return titles, rows


def title_text(row: Row) -> str:
    return " ".join(next(c for c in row.cells if not c.empty).text.split())
