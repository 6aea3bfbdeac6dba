"""Ruled tables on a PDF page: cells from the ruling lines, text from the words
inside them.

Rules are snapped and joined, grouped into connected grids, and every grid of
at least two columns becomes a table. A cell whose inner border is missing is
merged with its neighbour, as the author merged it: across (Word's gridSpan)
when the vertical rule is absent over that row, down (vMerge) when the
horizontal rule is absent under it. A merged cell's text goes to its top-left
position and the positions it covers are ``None``, as pdfplumber gives them.

Every step is bounded by n log n in the page's rules (sorting, bisection):
rules are found by position, never by comparing every rule with every other.
A grid of more cells than ``PdfSettings.max_grid_cells`` (graph paper, a form)
is counted before it is built, left unread as a table and warned about; its
words are then read as lines of text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from planextract.extract.pdf.cell_text import cell_raw
from planextract.extract.pdf.lines import printed_lines
from planextract.extract.pdf.page import Rule, Word
from planextract.settings import DEFAULT, PdfSettings


@dataclass(frozen=True)
class _Segment:
    at: float  # y of a horizontal rule, x of a vertical one
    start: float
    end: float


@dataclass
class GridTable:
    rows: list[list[str | None]]
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    xs: list[float]  # the column borders, left to right
    # no rule closes the last row: the vertical rules run on past the last
    # horizontal one, as a writer draws a row that a page break cuts in two
    open_bottom: bool = False

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


class _Index:
    """Segments by position, for ``covers`` in O(log n): segments at one
    position are disjoint after ``_merge``, so bisection finds the one that
    could hold a point."""

    def __init__(self, segments: list[_Segment], snap: float) -> None:
        self.snap = snap
        by_at: dict[float, list[_Segment]] = {}
        for seg in segments:
            by_at.setdefault(seg.at, []).append(seg)
        self.positions = sorted(by_at)
        self.starts = [[s.start for s in sorted(by_at[at], key=lambda s: s.start)]
                       for at in self.positions]
        self.ends = [[s.end for s in sorted(by_at[at], key=lambda s: s.start)]
                     for at in self.positions]

    def at_positions(self, low: float, high: float) -> range:
        """Indexes of the positions in [low, high]."""
        return range(bisect.bisect_left(self.positions, low),
                     bisect.bisect_right(self.positions, high))

    def covers_at(self, index: int, point: float, slack: float) -> list[int]:
        """The segments at position ``index`` holding ``point`` (within
        ``slack``), by their order there: at most two, since segments closer
        than the join tolerance were joined."""
        starts, ends = self.starts[index], self.ends[index]
        k = bisect.bisect_right(starts, point + slack) - 1
        return [j for j in (k, k - 1) if 0 <= j and ends[j] + slack >= point]

    def covers(self, at: float, point: float) -> bool:
        """Whether a segment within ``snap`` of position ``at`` holds ``point``:
        ``covers_at`` written out, as it is asked for every cell's borders."""
        snap, starts, ends = self.snap, self.starts, self.ends
        for i in range(bisect.bisect_left(self.positions, at - snap),
                       bisect.bisect_right(self.positions, at + snap)):
            k = bisect.bisect_right(starts[i], point + snap) - 1
            if (k >= 0 and ends[i][k] + snap >= point) or (
                    k >= 1 and ends[i][k - 1] + snap >= point):
                return True
        return False


def find_tables(rules: Sequence[Rule], words: Sequence[Word],
                settings: PdfSettings = DEFAULT.pdf,
                warnings: list[str] | None = None) -> list[GridTable]:
    """Every ruled grid of two or more columns on the page, top to bottom.
    A grid too large to read is skipped with a message in ``warnings``."""
    snap = settings.snap
    horizontal = _merge([_Segment(r.top, r.x0, r.x1) for r in rules if r.horizontal], settings)
    vertical = _merge([_Segment(r.x0, r.top, r.bottom) for r in rules if not r.horizontal],
                      settings)
    crossings = _crossing_count(horizontal, vertical, settings)
    if crossings > settings.max_grid_cells:
        _warn(warnings, f"a grid of {len(horizontal)} x {len(vertical)} rules "
              f"({crossings} crossings) is more than the {settings.max_grid_cells} cells "
              "read as a table (PdfSettings.max_grid_cells); its text is read as lines")
        return []
    tables = []
    parts = [part for hs, vs in _components(horizontal, vertical, settings)
             for part in _stacked(hs, vs, snap)]
    for hs, vs in parts:
        xs = _distinct([v.at for v in vs], snap)
        ys = _distinct([h.at for h in hs], snap)
        # a row cut by a page break may be drawn open (no rule closing it):
        # the vertical rules still say where the table ends
        top, bottom = min(v.start for v in vs), max(v.end for v in vs)
        if ys and top < ys[0] - 2 * snap:
            ys.insert(0, top)
        open_bottom = bool(ys) and bottom > ys[-1] + 2 * snap
        if open_bottom:
            ys.append(bottom)
        xs = _without_slivers(xs, words, top, bottom, settings)
        if len(xs) < 3 or len(ys) < 2:
            continue
        cells = (len(xs) - 1) * (len(ys) - 1)
        if cells > settings.max_grid_cells:
            _warn(warnings, f"a grid of {cells} cells is more than the "
                  f"{settings.max_grid_cells} read as a table (PdfSettings.max_grid_cells); "
                  "its text is read as lines")
            continue
        table = _table(hs, vs, xs, ys, words, settings)
        table.open_bottom = open_bottom
        tables.append(table)
    return sorted(tables, key=lambda t: t.top)


def _stacked(hs: list[_Segment], vs: list[_Segment], snap: float
             ) -> list[tuple[list[_Segment], list[_Segment]]]:
    """A grid cut into the tables drawn touching one above the other (a key
    table set directly on the plan's table): cut at a horizontal rule that no
    vertical rule crosses, where each side has a column border the other
    lacks. A full-width row (an objective) has no border of its own, so a
    table is never cut at one."""
    ys = _distinct([h.at for h in hs], snap)
    left, right = min(v.at for v in vs), max(v.at for v in vs)
    # the outer frame may run on past the cut (one box drawn round both)
    inner = [v for v in vs if left + snap < v.at < right - snap]

    def extra(a: list[float], b: list[float]) -> bool:
        return any(all(abs(x - z) > snap for z in b) for x in a)

    cuts = []
    for y in ys[1:-1]:
        if any(v.start < y - snap and v.end > y + snap for v in inner):
            continue
        above = _distinct([v.at for v in inner if v.end <= y + snap], snap)
        below = _distinct([v.at for v in inner if v.start >= y - snap], snap)
        if above and below and extra(above, below) and extra(below, above):
            cuts.append(y)
    if not cuts:
        return [(hs, vs)]
    bounds = [ys[0], *cuts, ys[-1]]
    # a border running past a cut (the outer frame) is cut with it
    return [([h for h in hs if top - snap <= h.at <= bottom + snap],
             [_Segment(v.at, max(v.start, top), min(v.end, bottom)) for v in vs
              if v.start < bottom - snap and v.end > top + snap])
            for top, bottom in zip(bounds, bounds[1:])]


def _warn(warnings: list[str] | None, message: str) -> None:
    if warnings is not None:
        warnings.append(message)


def _merge(segments: list[_Segment], settings: PdfSettings) -> list[_Segment]:
    """Snap rules to shared positions, then join collinear pieces."""
    positions = _distinct([seg.at for seg in segments], settings.snap)
    snapped = sorted((_Segment(_nearest(positions, seg.at), seg.start, seg.end)
                      for seg in segments), key=lambda s: (s.at, s.start))
    out: list[_Segment] = []
    for seg in snapped:
        if out and out[-1].at == seg.at and seg.start <= out[-1].end + settings.join:
            last = out[-1]
            out[-1] = _Segment(last.at, last.start, max(last.end, seg.end))
        else:
            out.append(seg)
    return out


def _nearest(positions: list[float], value: float) -> float:
    index = bisect.bisect_left(positions, value)
    near = positions[max(index - 1, 0):index + 1]
    return min(near, key=lambda p: abs(p - value))


def _without_slivers(xs: list[float], words: Sequence[Word], top: float, bottom: float,
                     settings: PdfSettings) -> list[float]:
    """The column borders without a strip too narrow for any text and holding
    none: a double rule, or a table's indent drawn as a column of its own
    (LibreOffice draws a Word table's left indent so), which would read as an
    empty first column. The border kept is the one against the text."""
    out = list(xs)
    index = 0
    while index < len(out) - 1:
        left, right = out[index], out[index + 1]
        if right - left < settings.sliver and not any(
                left < (w.x0 + w.x1) / 2 < right and top <= w.top <= bottom for w in words):
            del out[index if index == 0 else index + 1]
            continue
        index += 1
    return out


def _distinct(values: list[float], snap: float) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > snap:
            out.append(value)
    return out


def _crossing_count(horizontal: list[_Segment], vertical: list[_Segment],
                    settings: PdfSettings) -> int:
    """How many (horizontal rule, vertical position) pairs ``_components``
    would look at, counted by bisection alone: the size of the work before
    doing it."""
    positions = sorted({v.at for v in vertical})
    join = settings.join
    return sum(bisect.bisect_right(positions, h.end + join)
               - bisect.bisect_left(positions, h.start - join) for h in horizontal)


def _components(horizontal: list[_Segment], vertical: list[_Segment], settings: PdfSettings
                ) -> list[tuple[list[_Segment], list[_Segment]]]:
    """Rules grouped into grids: rules that touch belong to one grid. Each
    horizontal rule looks only at the vertical positions within its span and,
    at each, bisects for the one rule that could cross it."""
    join = settings.join
    index = _Index(vertical, settings.snap)
    order: list[list[int]] = []  # per position: the vertical rules' numbers by start
    numbered: dict[tuple[float, float], int] = {
        (v.at, v.start): n for n, v in enumerate(vertical)}
    for k, at in enumerate(index.positions):
        order.append([numbered[(at, start)] for start in index.starts[k]])
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for k in index.at_positions(h.start - join, h.end + join):
            for j in index.covers_at(k, h.at, join):
                parent[find(i)] = find(len(horizontal) + order[k][j])
    groups: dict[int, tuple[list[_Segment], list[_Segment]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if g[0] and g[1]]


def _table(hs: list[_Segment], vs: list[_Segment], xs: list[float], ys: list[float],
           words: Sequence[Word], settings: PdfSettings) -> GridTable:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    rows: list[list[str | None]] = [[None] * n_cols for _ in range(n_rows)]
    taken = [[False] * n_cols for _ in range(n_rows)]
    placed = _by_position(words, xs, ys)
    across, down = _Index(vs, settings.snap), _Index(hs, settings.snap)
    for r in range(n_rows):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(n_cols):
            if taken[r][c]:
                continue
            right = c + 1
            while right < n_cols and not across.covers(xs[right], mid_y):
                right += 1
            mid_x = (xs[c] + xs[c + 1]) / 2
            below = r + 1
            while below < n_rows and not down.covers(ys[below], mid_x):
                below += 1
            inside: list[Word] = []
            for rr in range(r, below):
                for cc in range(c, right):
                    taken[rr][cc] = True
                    inside.extend(placed.get((rr, cc), ()))
            rows[r][c] = cell_text(inside, xs[c], xs[right], settings, header=r == 0)
    return GridTable(rows, (xs[0], ys[0], xs[-1], ys[-1]), xs)


def _by_position(words: Sequence[Word], xs: list[float], ys: list[float]
                 ) -> dict[tuple[int, int], list[Word]]:
    """Each word inside the grid under the (row, column) of its centre. Every
    word of the page passes here once a grid: the tests are written out."""
    placed: dict[tuple[int, int], list[Word]] = {}
    x_low, x_high, y_low, y_high = xs[0], xs[-1], ys[0], ys[-1]
    last_row, last_col = len(ys) - 2, len(xs) - 2
    for word in words:
        cy = (word.top + word.bottom) / 2
        if not y_low <= cy <= y_high:
            continue
        cx = (word.x0 + word.x1) / 2
        if not x_low <= cx <= x_high:
            continue
        row = bisect.bisect_right(ys, cy) - 1
        col = bisect.bisect_right(xs, cx) - 1
        key = (row if row < last_row else last_row, col if col < last_col else last_col)
        cell = placed.get(key)
        if cell is None:
            placed[key] = [word]
        else:
            cell.append(word)
    return placed


def cell_text(words: Sequence[Word], x0: float, x1: float,
              settings: PdfSettings = DEFAULT.pdf, header: bool = False) -> str:
    """A ruled cell's raw text (see ``cell_text.cell_raw``): its text starts
    after the inset of its leftmost line and wraps the same inset before the
    right border."""
    lines = printed_lines(words, settings)
    if not lines:
        return ""
    inset = max(0.0, min(line[0].x0 for line in lines) - x0)
    return cell_raw(lines, x0 + inset, x1 - inset, settings, header)
