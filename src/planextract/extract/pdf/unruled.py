"""Tables without vertical rules on a PDF page (no rules, or horizontal rules
only): where they start, where they end, their columns and their rows.

- A table starts at a line of three or more separated labels that the next
  line of cells lines up with (or, for a header of two rows, the labels of
  both; on a later page: a line that lines up with the columns the previous
  page ended with). It ends at a gap of several lines, or where a line of
  cells lines up with at most one of its columns (the header of the next
  table: small tables close together are not fused).
- A column boundary is a whitespace gutter that runs down the whole table
  (found in the table's own lines only). A line that runs through a gutter
  (a full-width heading row) does not close it, and a column of nothing but
  bullet glyphs (a hanging indent) is not a column.
- Rows are cut where the gap above a line is wider than the lines of one
  cell are apart, where a line opens with a number, or (rows not spaced at
  all) where the first column starts again after being empty; and at
  horizontal rules (shaded bands count as rules), which alone decide when
  they part nearly every row. A wrapped line is never a new row.
- Cells keep their printed lines and paragraph breaks (cell_text.cell_raw),
  with the column's room taken from the gutters.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from planextract.extract.pdf.cell_text import cell_raw
from planextract.extract.pdf.lines import printed_lines
from planextract.extract.pdf.page import Word
from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET, NUMBERED
from planextract.settings import DEFAULT, PdfSettings

Line = list[Word]
_YEAR = re.compile(r"^\d{4}(?!\s?\.\s?\d)")  # a year opening a wrapped line, not an id


@dataclass
class UnruledTable:
    rows: list[list[str]]  # cells as raw text (see cell_text.cell_raw)
    top: float
    bottom: float
    columns: list[float]  # where each column's text starts
    spans: list[tuple[float, float]]  # each column's x-range: start, right limit


def unruled_tables(words: list[Word], rules: list[float], columns: list[float] | None,
                   settings: PdfSettings = DEFAULT.pdf) -> list[UnruledTable]:
    """Every unruled table among ``words``, top to bottom; ``rules`` are the
    tops of the page's horizontal rules, ``columns`` those of the table the
    previous page ended with, if any. The right edge of the text on the page
    bounds the room of a table's last column."""
    tables: list[UnruledTable] = []
    lines = printed_lines(words, settings)
    right = max((w.x1 for w in words), default=0.0)
    while lines:
        found = _unruled_table(lines, rules, columns, right, settings)
        if found is None:
            break
        table, end = found
        tables.append(table)
        columns = table.columns
        lines = lines[end + 1:]
    return tables


def cell_groups(line: Line, gap: float) -> list[list[Word]]:
    """Runs of words separated by less than ``gap``: the cells of a printed row."""
    out: list[list[Word]] = []
    for word in line:
        if out and word.x0 - out[-1][-1].x1 < gap:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _aligned(x: float, columns: list[float], settings: PdfSettings) -> bool:
    return any(abs(x - c) < settings.align for c in columns)


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
            if sum(_aligned(f[0].x0, starts, settings) for f in follow) >= 2 or _under(
                    follow, starts, settings):
                return index, starts, True
            # a header of two rows (a label over two columns, their own labels
            # below it): the first row of cells must line up with both rows
            if index + 2 < len(lines):
                below = [g[0].x0 for g in cell_groups(lines[index + 1], settings.cell_gap)]
                both = sorted({*starts, *below})
                follow = next((g for g in (cell_groups(x, settings.cell_gap)
                                           for x in lines[index + 2:index + 5]) if len(g) >= 3),
                              [])
                if len(below) >= 2 and sum(
                        _aligned(f[0].x0, both, settings) for f in follow) >= 3:
                    return index, both, True
        if columns and len(starts) >= 2 and sum(
                _aligned(x, columns, settings) for x in starts) >= 2:
            return index, columns, False
        if columns and index == 0 and len(starts) == 1 and _aligned(
                starts[0], columns[1:], settings):
            # the page opens with one cell running on from the page before
            follow = next((g for g in (cell_groups(x, settings.cell_gap)
                                       for x in lines[1:4]) if len(g) >= 2), [])
            if sum(_aligned(f[0].x0, columns, settings) for f in follow) >= 2:
                return index, columns, False
    return None


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
    is a header the lines below it line up with (another table's)."""
    height = lines[start][0].bottom - lines[start][0].top
    end = start
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line[0].top - lines[end][0].bottom > settings.table_gap * height:
            break
        groups = cell_groups(line, settings.cell_gap)
        starts = [g[0].x0 for g in groups]
        if len(starts) >= 3 and sum(_aligned(x, anchors, settings) for x in starts) <= 1 \
                and not _under(groups, anchors, settings):
            header = _table_start(lines[index:index + 5], None, settings)
            if header is not None and header[0] == 0:
                break  # a header the lines below line up with: the next table
        end = index
    return end


def _gutters(lines: list[Line], settings: PdfSettings, anchors: list[float] | None = None
             ) -> list[tuple[float, float]]:
    """Strips of the table no line crosses, at least ``gutter`` font sizes
    wide; and, where a strip ends at one of the ``anchors`` (the header's
    label starts), strips crossed by no line of several cells and by at most
    a quarter of the lines of one cell (full-width heading rows)."""
    strict = _open_strips(lines, settings, 0, anchors or [])
    if not anchors:
        return strict
    loose = [g for g in _open_strips(lines, settings, len(lines) // 4, anchors)
             if _aligned(g[1], anchors, settings)
             and not any(g[0] < s1 and s0 < g[1] for s0, s1 in strict)]
    return sorted(strict + loose)


def _open_strips(lines: list[Line], settings: PdfSettings, allowed: int, anchors: list[float]
                 ) -> list[tuple[float, float]]:
    if not lines:
        return []
    size = sorted(w.size for line in lines for w in line)[sum(map(len, lines)) // 2]
    events: list[tuple[float, int, int]] = []
    for line in lines:
        single = len(cell_groups(line, settings.cell_gap)) == 1
        for word in line:
            events.append((word.x0, 1, single))
            events.append((word.x1, -1, single))
    events.sort(key=lambda e: (e[0], -e[1]))
    counts = [0, 0]  # lines of several cells, lines of one, over the current x
    gutters: list[tuple[float, float]] = []
    opened: float | None = None
    for x, step, single in events:
        was_open = counts[0] == 0 and counts[1] <= allowed
        counts[single] += step
        now_open = counts[0] == 0 and counts[1] <= allowed
        if now_open and not was_open:
            opened = x
        elif was_open and not now_open and opened is not None:
            if x - opened >= settings.gutter * size:
                gutters.append((opened, x))
            opened = None
    return [g for g in gutters
            if _aligned(g[1], anchors, settings) or _parts_cells(lines, g, settings)]


def _parts_cells(lines: list[Line], strip: tuple[float, float], settings: PdfSettings) -> bool:
    """Whether on some line a word starts at the strip's right edge with
    nothing before it, or nothing closer than a cell gap: a column gutter,
    not the spaces of a phrase repeated on every line in a fixed-width font.
    (A strip ending at a header label's start needs no such line.)"""
    for line in lines:
        for k, word in enumerate(line):
            if abs(word.x0 - strip[1]) <= settings.align and (
                    k == 0 or word.x0 - line[k - 1].x1 >= settings.cell_gap):
                return True
    return False


def _columns(lines: list[Line], header: Line, gutters: list[tuple[float, float]],
             right: float, settings: PdfSettings
             ) -> tuple[list[float], list[tuple[float, float]]]:
    """Column starts from the gutters, less columns that hold bullet glyphs
    only. A header label standing in a gutter starts the column after it when
    that column has no label of its own (cells centred under a label set at
    the left), else a column of its own, empty below it."""
    left = min(w.x0 for line in lines for w in line)
    labels = [(g[0].x0, g[-1].x1) for g in cell_groups(header, settings.cell_gap)]
    starts: list[float] = []
    # the space left of the body's text is a gutter too: a label there heads
    # a column empty on this page
    bounds = [(float("-inf"), left), *gutters]
    for k, (g0, g1) in enumerate(bounds):
        after = bounds[k + 1][0] if k + 1 < len(bounds) else float("inf")
        inside = [x0 for x0, x1 in labels if g0 < x0 and x1 < g1
                  and not _aligned(x0, [g1], settings)]
        labelled = any(g1 - settings.align <= x0 < after for x0, _ in labels)
        if len(inside) == 1 and not labelled:
            starts.append(inside[0])  # a label left of its column's (centred) cells
        else:
            starts.extend([*inside, g1])  # labels over columns empty below them
    starts.sort()
    # a column of bullet glyphs only is the hanging indent of the next one
    bullets = [False] * len(starts)  # a column holding bullet glyphs and nothing else
    other = [False] * len(starts)
    for line in lines:
        for w in line:
            glyph = bool(GLYPH_BULLET.fullmatch(w.text) or DASH_BULLET.fullmatch(w.text + " "))
            (bullets if glyph else other)[_column(w.x0, starts, settings)] = True
    bullets = [b and not o for b, o in zip(bullets, other)]
    kept = [s for k, s in enumerate(starts) if k == 0 or not bullets[k - 1]]
    return kept, _spans(lines, kept, right, settings)


def _spans(lines: list[Line], starts: list[float], right: float, settings: PdfSettings
           ) -> list[tuple[float, float]]:
    """Each column's x-range: from its start to where its text must wrap,
    the next column's start less the narrowest gutter's padding, at most
    ``max_pad`` (the last column: its widest line, or the right edge of the
    page's text when that is further)."""
    ends = list(starts)
    for line in lines:
        for w in line:
            k = _column(w.x0, starts, settings)
            if (k + 1 == len(starts) or w.x1 < starts[k + 1] - settings.align) and w.x1 > ends[k]:
                ends[k] = w.x1
    pads = [starts[k + 1] - ends[k] for k in range(len(starts) - 1) if ends[k] > starts[k]]
    pad = min([*pads, settings.max_pad])
    spans = [(s, max(ends[k], starts[k + 1] - pad)) for k, s in enumerate(starts[:-1])]
    return [*spans, (starts[-1], max(ends[-1], right))]


def _column(x: float, starts: list[float], settings: PdfSettings) -> int:
    """The column a word starting at ``x`` is in (by bisection: starts are sorted)."""
    return max(bisect.bisect_right(starts, x + settings.align) - 1, 0)


def _cells(line: Line, starts: list[float], gutters: list[tuple[float, float]],
           settings: PdfSettings, header: bool = False) -> list[Line]:
    """The line's words by column. A line whose text runs through a gutter
    (a heading across the table) puts each run of words in the column where
    it starts. In a header a label's words stay together (a label over two
    columns goes to the first), and a label starting in a gutter (centred
    over its column) goes to the column after it."""
    cells: list[Line] = [[] for _ in starts]
    if header:
        column = 0
        for k, word in enumerate(line):
            space = 2 * settings.space_width * max(word.size, 1)
            if k == 0 or word.x0 - line[k - 1].x1 >= space:
                column = _column(word.x0, starts, settings)
                if column + 1 < len(starts) and any(
                        starts[column] < g0 <= word.x0 < g1 for g0, g1 in gutters):
                    column += 1  # in the gutter after its column's text: the next column
            cells[column].append(word)
        return cells
    through = any(w.x0 < g1 and w.x1 > g0 for w in line for g0, g1 in gutters)
    units = cell_groups(line, settings.cell_gap) if through else [[w] for w in line]
    for unit in units:
        cells[_column(unit[0].x0, starts, settings)].extend(unit)
    return cells


def _row_starts(lines: list[Line], cells: list[list[Line]], rules: list[float],
                height: float, settings: PdfSettings) -> list[bool]:
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
    gaps = [False] + [lines[k][0].top - lines[k - 1][0].bottom > settings.row_gap * height
                      for k in range(1, len(lines))]
    packed = not any(gaps)
    ruled, numbered, spaced = [True], [False], [True]
    for k in range(1, len(lines)):
        above, top = lines[k - 1][0].bottom, lines[k][0].top
        lead = " ".join(w.text for w in next(c for c in cells[k] if c))
        at = bisect.bisect_left(rules, above - 1)
        ruled.append(at < len(rules) and rules[at] <= top + 1)
        lead = GLYPH_BULLET.sub("", lead)
        numbered.append(bool(NUMBERED.match(lead + " ")) and not _YEAR.match(lead))
        spaced.append(gaps[k] or numbered[k]
                      or (packed and bool(cells[k][0]) and not cells[k - 1][0]))
    body = range(2, len(lines))
    evidence = [k for k in body if gaps[k]] or [k for k in body if numbered[k] and cells[k][0]]
    complete = bool(rules) and sum(ruled[k] for k in evidence) >= (
        settings.rule_share * len(evidence))
    starts = [r or (not complete and s) for r, s in zip(ruled, spaced)]
    if len(lines) > 1 and all(w.bold for w in lines[0] + lines[1]) and (
            lines[1][0].top - lines[0][0].bottom <= settings.row_gap * height):
        starts[1] = False  # a header label wrapped onto a second line
    return starts


def _unruled_table(lines: list[Line], rules: list[float], columns: list[float] | None,
                   right: float, settings: PdfSettings) -> tuple[UnruledTable, int] | None:
    """The first table among ``lines`` and the index of its last line."""
    found = _table_start(lines, columns, settings)
    if found is None:
        return None
    start, anchors, headed = found
    end = _table_end(lines, start, anchors, settings)
    table_lines = lines[start:end + 1]
    body = table_lines[1:] or table_lines
    gutters = _gutters(body, settings, anchors)
    starts, spans = _columns(body, table_lines[0], gutters, right, settings)
    height = lines[start][0].bottom - lines[start][0].top
    cells = [_cells(line, starts, gutters, settings, header=headed and k == 0)
             for k, line in enumerate(table_lines)]
    cuts = _row_starts(table_lines, cells, rules, height, settings)
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
