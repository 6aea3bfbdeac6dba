"""Tables without vertical rules on a PDF page (no rules, or horizontal rules
only): where they start, where they end, their columns and their rows.

- A table starts at a line of three or more separated labels that the next
  line of cells lines up with (or, for a header of two rows, the labels of
  both; on a later page: a line that lines up with the columns the previous
  page ended with). It ends at a gap of several lines, or where a line of
  cells lines up with at most one of its columns (the header of the next
  table: small tables close together are not fused).
- A column boundary is a whitespace gutter that runs down the whole table,
  found in the table's own lines only (pdf.columns).
- Rows are cut where the gap above a line is wider than the lines of one
  cell are apart, where a line opens with a number, or (rows not spaced at
  all) where the first column starts again after being empty; and at
  horizontal rules (shaded bands count as rules), which alone decide when
  they part nearly every row. A wrapped line is never a new row; where the
  table spaces its rows, a number set at the leading of the line above is
  the next action stacked in the same cell. A gap is taken from the line
  above that ends above the line (a label merged down over two header rows
  runs on beside the second).
- Cells keep their printed lines and paragraph breaks (cell_text.cell_raw),
  with the column's room taken from the gutters.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from planextract.extract.pdf import columns as cols
from planextract.extract.pdf.cell_text import cell_raw
from planextract.extract.pdf.columns import aligned, cell_groups
from planextract.extract.pdf.lines import printed_lines
from planextract.extract.pdf.page import Word
from planextract.extract.printed import GLYPH_BULLET, NUMBERED
from planextract.settings import DEFAULT, PdfSettings

Line = list[Word]
_HEADER_LINES = 3  # a header's second row starts within this many lines of its first
_YEAR = re.compile(r"^\d{4}(?!\s?\.\s?\d)")  # a year opening a wrapped line, not an id


@dataclass
class UnruledTable:
    rows: list[list[str]]  # cells as raw text (see cell_text.cell_raw)
    top: float
    bottom: float
    columns: list[float]  # where each column's text starts
    spans: list[tuple[float, float]]  # each column's x-range: start, right limit


def unruled_tables(words: list[Word], rules: list[float], columns: list[float] | None,
                   settings: PdfSettings = DEFAULT.pdf,
                   extent: tuple[float, float] | None = None,
                   bands: list[tuple[float, float, float, float]] | None = None
                   ) -> list[UnruledTable]:
    """Every unruled table among ``words``, top to bottom; ``rules`` are the
    tops of the page's horizontal rules, ``columns`` those of the table the
    previous page ended with, if any. The right edge of the text on the page,
    or of the horizontal rules (``extent``: their left and right ends, less
    the inset of the table's text from their left end), bounds the room of a
    table's last column. ``bands`` are the page's row backgrounds
    (``PageContent.bands``): a table whose body lies in them has a row a band."""
    tables: list[UnruledTable] = []
    lines = printed_lines(words, settings)
    right = max((w.x1 for w in words), default=0.0)
    while lines:
        found = _unruled_table(lines, rules, columns, right, settings, extent, bands)
        if found is None:
            break
        table, end = found
        tables.append(table)
        columns = table.columns
        lines = lines[end + 1:]
    return tables


def _table_start(lines: list[Line], columns: list[float] | None, settings: PdfSettings
                 ) -> tuple[int, list[float], bool] | None:
    """Where a table without vertical rules starts, and its header's label
    starts: a line of three or more separated labels whose next line lines
    up with them, or (on a later page) a line that lines up with the previous
    page's columns (also a page's first line of one cell, under a column
    other than the first, when the rows below line up). The flag says
    whether the line is a header."""
    for index, line in enumerate(lines):
        starts = [g[0].x0 for g in cell_groups(line, settings.cell_gap)]
        if len(starts) >= 3:
            # the first later line of two or more cells, past any second line
            # of wrapped header labels, must line up with the labels
            follow = next((g for g in (cell_groups(x, settings.cell_gap)
                                       for x in lines[index + 1:index + 4]) if len(g) >= 2), [])
            if sum(aligned(f[0].x0, starts, settings) for f in follow) >= 2 or _under(
                    follow, starts, settings):
                return index, starts, True
            # a header of two rows (a label over two columns, their own labels
            # below it): the first row of cells must line up with both rows
            if index + 2 < len(lines):
                # the lower labels may sit on two printed lines (one label of
                # the top row wrapped, the lower row's labels a little below)
                lower = 2 if index + 3 < len(lines) and all(
                    w.bold for w in line + lines[index + 1] + lines[index + 2]) else 1
                below = sorted({g[0].x0 for x in lines[index + 1:index + 1 + lower]
                                for g in cell_groups(x, settings.cell_gap)})
                both = sorted({*starts, *below})
                follow = next((g for g in (cell_groups(x, settings.cell_gap)
                                           for x in lines[index + 1 + lower:index + 4 + lower])
                               if len(g) >= 3), [])
                if len(below) >= 2 and (sum(
                        aligned(f[0].x0, both, settings) for f in follow) >= 3 or _rows_under(
                        lines[index + 1 + lower:index + 4 + lower], both, settings)):
                    return index, both, True
        if len(starts) >= 2:
            both = _two_row_header(lines, index, starts, settings)
            if both is not None:
                return index, both, True
        if columns and len(starts) >= 2 and sum(
                aligned(x, columns, settings) for x in starts) >= 2:
            return index, columns, False
        if columns and index == 0 and len(starts) == 1 and aligned(
                starts[0], columns[1:], settings):
            # the page opens with one cell running on from the page before
            follow = next((g for g in (cell_groups(x, settings.cell_gap)
                                       for x in lines[1:4]) if len(g) >= 2), [])
            if sum(aligned(f[0].x0, columns, settings) for f in follow) >= 2:
                return index, columns, False
    return None


def _two_row_header(lines: list[Line], index: int, starts: list[float],
                    settings: PdfSettings) -> list[float] | None:
    """The label starts of a header of two rows at line ``index`` (a label
    over two columns, their own labels below it, past a label of the top row
    wrapped onto a line of its own; two labels a row are enough when the rows
    together name three columns: a line of two cells above a header of more
    is a line of a key), or None: the first row of cells must line up with
    both rows."""
    for below_at in range(index + 1, min(index + 3, len(lines) - 1)):
        below = [g[0].x0 for g in cell_groups(lines[below_at], settings.cell_gap)]
        if len(below) < 2:
            continue
        both = sorted({*starts, *below})
        distinct = [x for k, x in enumerate(both) if not k or x - both[k - 1] >= settings.align]
        follow = next((g for g in (cell_groups(x, settings.cell_gap)
                                   for x in lines[below_at + 1:below_at + 4]) if len(g) >= 3), [])
        partial = len(starts) >= 3 or len(below) == 2  # else a key line above a header
        if partial and len(distinct) >= 3 and (sum(
                aligned(f[0].x0, both, settings) for f in follow) >= 3 or _rows_under(
                lines[below_at + 1:below_at + 4], both, settings)):
            return both
        return None
    return None


def _rows_under(lines: list[Line], labels: list[float], settings: PdfSettings) -> bool:
    """Whether one of ``lines`` has words starting where three labels start
    (each after a space, or the line's first): a row of cells set a narrow
    gutter apart, which ``cell_groups`` runs together (``... identified in
    Secretary/Clinical``)."""
    return any(len({min(range(len(labels)), key=lambda k: abs(labels[k] - w.x0))
                    for k, w in enumerate(line)
                    if (not k or w.x0 > line[k - 1].x1) and aligned(w.x0, labels, settings)}
                   ) >= 3 for line in lines)


def _under(cells: list[list[Word]], labels: list[float], settings: PdfSettings) -> bool:
    """Whether three or more cells each sit under a label of their own (their
    middles between the label's start and the next's): centred cells line up
    with their labels without sharing their starts."""
    if len(cells) < 3:
        return False
    zones = [max(bisect.bisect_right(labels, (c[0].x0 + c[-1].x1) / 2 + settings.align) - 1, 0)
             for c in cells]
    return len(set(zones)) == len(zones)


def _table_end(lines: list[Line], start: int, anchors: list[float], settings: PdfSettings
               ) -> int:
    """The last line of the table: before a gap of ``table_gap`` lines, or
    before a line of three or more cells that lines up with at most one of
    the table's columns (by start, or each under a column of its own) and
    is a header the lines below it line up with (another table's). The
    table's columns are its header's label starts and the cell starts its own
    lines have printed on two lines or more: labels set close together in
    narrow gutters read as one, and the rows under them still show the column."""
    height = lines[start][0].bottom - lines[start][0].top
    end = start
    printed: dict[float, int] = {}  # a cell start of the table's lines: how many
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line[0].top - lines[end][0].bottom > settings.table_gap * height:
            break
        groups = cell_groups(line, settings.cell_gap)
        starts = [g[0].x0 for g in groups]
        if len(starts) >= 3 and sum(aligned(x, anchors, settings) for x in starts) <= 1 \
                and not _under(groups, anchors, settings) \
                and sum(aligned(x, _columns_printed(printed), settings) for x in starts) <= 1:
            header = _table_start(lines[index:index + 5], None, settings)
            if header is not None and header[0] == 0:
                break  # a header the lines below line up with: the next table
        for x in starts:
            near = next((c for c in printed if abs(c - x) < settings.align), x)
            printed[near] = printed.get(near, 0) + 1
        end = index
    return end


def _columns_printed(printed: dict[float, int]) -> list[float]:
    """The cell starts a table's lines printed on two lines or more."""
    return [x for x, times in printed.items() if times >= 2]


def _in_bands(lines: list[Line], bands: list[tuple[float, float, float, float]]) -> bool:
    """Whether every line lies in a row background (shaded rows, the white
    ones between them drawn too): then each band is one row of the table."""
    tops = [b[1] for b in bands]

    def inside(line: Line) -> bool:
        middle = (line[0].top + line[0].bottom) / 2
        k = bisect.bisect_right(tops, middle) - 1
        return any(b[1] <= middle <= b[3] and b[0] <= line[0].x0 and line[-1].x1 <= b[2]
                   for b in bands[max(k - 8, 0):k + 1])
    return bool(lines) and bool(bands) and all(inside(line) for line in lines)


def _row_starts(lines: list[Line], cells: list[list[Line]], rules: list[float],
                height: float, settings: PdfSettings, banded: bool = False) -> list[bool]:
    """Which lines open a row. A rule above a line opens one. Without rules,
    so does a gap above it wider than the lines of one cell are apart, a
    number (bullet or not) at its start, or (where no row is spaced from the
    next) text in the first column after a line without any.

    Where rules part only some rows (a heading row ruled off, rules only
    around the header) the rules and the rest together decide. Rules part
    every row when they fall at nearly every gap between rows (or, in a
    table without such gaps, at nearly every number in the first column):
    then they alone decide, and numbered paragraphs stacked in one cell stay
    in it. A wrapped header label goes on the header."""
    aboves = [_above(lines, k) for k in range(len(lines))]
    gaps = [False] + [lines[k][0].top - aboves[k] > settings.row_gap * height
                      or _under_top_labels(lines, cells, k, height, settings)
                      for k in range(1, len(lines))]
    packed = not any(gaps)
    ruled, numbered = [True], [False]
    for k in range(1, len(lines)):
        above, top = aboves[k], lines[k][0].top
        lead = " ".join(w.text for w in next(c for c in cells[k] if c))
        at = bisect.bisect_left(rules, above - 1)
        ruled.append(at < len(rules) and rules[at] <= top + 1)
        lead = GLYPH_BULLET.sub("", lead)
        numbered.append(bool(NUMBERED.match(lead + " ")) and not _YEAR.match(lead))
    body = range(2, len(lines))
    # the first row under the header counts as evidence where it opens with a
    # number: its gap above is the header's, as a spaced row's is the row's
    first = 1 if len(lines) > 1 and any(_opens_number(c) for c in cells[1] if c) else 2
    stacked = _numbers_stacked(gaps, cells, range(first, len(lines)))
    spaced = [True] + [gaps[k] or (numbered[k] and not stacked)
                       or (packed and bool(cells[k][0]) and not cells[k - 1][0])
                       for k in range(1, len(lines))]
    evidence = [k for k in body if gaps[k]] or [k for k in body if numbered[k] and cells[k][0]]
    complete = banded or bool(rules) and sum(ruled[k] for k in evidence) >= (
        settings.rule_share * len(evidence))
    starts = [r or (not complete and s) for r, s in zip(ruled, spaced)]
    if len(lines) > 1 and all(w.bold for w in lines[0] + lines[1]):
        if _labels_under_span(cells[0], cells[1]):
            starts[1] = True  # a second header row, also in one shaded band
        elif lines[1][0].top - lines[0][0].bottom <= settings.row_gap * height:
            starts[1] = False  # a header label wrapped onto a second line
    return starts


def _labels_under_span(top: list[Line], below: list[Line]) -> bool:
    """Whether a second line of labels is a header row of its own: it puts a
    label in a column the first line left empty, right of a label there (a
    group label over two columns, their own labels beneath it)."""
    return sum(1 for c in below if c) >= 2 and any(
        below[k] and not top[k] and top[k - 1] for k in range(1, min(len(top), len(below))))
def _above(lines: list[Line], k: int) -> float:
    """The bottom of the nearest line above line ``k`` that ends above it: a
    line overlapping it is the second line of a cell merged down over two
    rows (a label of a two-row header), not the line the gap is taken from."""
    top = lines[k][0].top
    for j in range(k - 1, -1, -1):
        if lines[j][0].bottom <= top:
            return lines[j][0].bottom
    return lines[k - 1][0].bottom if k else top


def _under_top_labels(lines: list[Line], cells: list[list[Line]], k: int, height: float,
                      settings: PdfSettings) -> bool:
    """Whether line ``k`` is a header's second row: each of its cells under a
    column whose last text above is in the table's first line, with a gap to
    it, while a label merged down over both rows runs on beside it in
    another column (its second line closes the gap between the lines)."""
    if k > _HEADER_LINES:
        return False
    gaps: list[float] = []
    for column, cell in enumerate(cells[k]):
        if not cell:
            continue
        above = next((j for j in range(k - 1, -1, -1) if cells[j][column]), None)
        if above is not None and above > 0:
            return False
        if above == 0:
            gaps.append(cell[0].top - max(w.bottom for w in cells[0][column]))
    return bool(gaps) and min(gaps) > settings.row_gap * height


def _opens_number(cell: Line) -> bool:
    lead = GLYPH_BULLET.sub("", " ".join(w.text for w in cell[:3]))
    return bool(NUMBERED.match(lead + " ")) and not _YEAR.match(lead)


def _numbers_stacked(gaps: list[bool], cells: list[list[Line]], body: range) -> bool:
    """Whether numbers opening lines are actions stacked in one cell rather
    than rows: a numbered line set at the leading of the line above is the
    next paragraph of the same cell where the table spaces its rows, so that
    at least half the lines with a cell opening with a number have a gap above
    them (a tie goes to the gaps: only a table spacing its rows has them; two
    rows of three stacked actions between two spaced rows make one). With
    one spaced row at most (a page holding the end of one row) the spacing
    proves nothing alone: the numbered lines without a gap must also hold
    nothing beside the number's cell."""
    if not any(gaps):
        return False
    opening = [k for k in body if any(_opens_number(c) for c in cells[k] if c)]
    if sum(gaps[k] for k in body) >= 2:
        return 2 * sum(gaps[k] for k in opening) >= len(opening)
    return all(sum(1 for c in cells[k] if c) == 1 for k in opening if not gaps[k])


def _unruled_table(lines: list[Line], rules: list[float], columns: list[float] | None,
                   right: float, settings: PdfSettings,
                   extent: tuple[float, float] | None = None,
                   bands: list[tuple[float, float, float, float]] | None = None
                   ) -> tuple[UnruledTable, int] | None:
    """The first table among ``lines`` and the index of its last line."""
    found = _table_start(lines, columns, settings)
    if found is None:
        return None
    start, anchors, headed = found
    end = _table_end(lines, start, anchors, settings)
    table_lines = lines[start:end + 1]
    body = table_lines[1:] or table_lines
    gutters = cols.gutters(body, settings, anchors)
    if extent is not None:
        inset = min(w.x0 for line in table_lines for w in line) - extent[0]
        if 0 <= inset <= settings.max_pad:
            right = max(right, extent[1] - inset)
    starts, spans = cols.columns(body, table_lines[0], gutters, right, settings, columns)
    height = lines[start][0].bottom - lines[start][0].top
    cells = [cols.line_cells(line, starts, gutters, settings, header=headed and k == 0)
             for k, line in enumerate(table_lines)]
    cuts = _row_starts(table_lines, cells, rules, height, settings,
                       _in_bands(table_lines[1:], bands or []))
    rows: list[list[list[Line]]] = []
    for line_cells, cut in zip(cells, cuts):
        if cut or not rows:
            rows.append([[c] if c else [] for c in line_cells])
        else:
            for held, cell in zip(rows[-1], line_cells):
                if cell:
                    held.append(cell)
    texts = [[cell_raw(cell, *spans[k], settings, header=headed and n == 0)
              for k, cell in enumerate(row)] for n, row in enumerate(rows)]
    return UnruledTable(texts, table_lines[0][0].top, table_lines[-1][0].bottom, starts,
                        spans), end
