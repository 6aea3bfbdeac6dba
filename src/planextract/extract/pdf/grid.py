"""Ruled tables on a PDF page: cells from the ruling lines, text from the words
inside them.

Rules are snapped and joined, grouped into connected grids, and every grid of
at least two columns becomes a table. A cell whose inner border is missing is
merged with its neighbour, as the author merged it: across (Word's gridSpan)
when the vertical rule is absent over that row, down (vMerge) when the
horizontal rule is absent under it. A merged cell's text goes to its top-left
position and the positions it covers are ``None``, as pdfplumber gives them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from planextract.extract.pdf.lines import printed_lines
from planextract.extract.pdf.page import Rule, Word

SNAP = 2.0  # rules this close are one rule
JOIN = 3.0  # collinear rules with a gap this small are one rule


@dataclass(frozen=True)
class _Segment:
    at: float  # y of a horizontal rule, x of a vertical one
    start: float
    end: float


@dataclass
class GridTable:
    rows: list[list[str | None]]
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


def find_tables(rules: Sequence[Rule], words: Sequence[Word]) -> list[GridTable]:
    """Every ruled grid of two or more columns on the page, top to bottom."""
    horizontal = _merge([_Segment(r.top, r.x0, r.x1) for r in rules if r.horizontal])
    vertical = _merge([_Segment(r.x0, r.top, r.bottom) for r in rules if not r.horizontal])
    tables = []
    for hs, vs in _components(horizontal, vertical):
        xs = _distinct([v.at for v in vs])
        ys = _distinct([h.at for h in hs])
        # a row cut by a page break may be drawn open (no rule closing it):
        # the vertical rules still say where the table ends
        top, bottom = min(v.start for v in vs), max(v.end for v in vs)
        if ys and top < ys[0] - 2 * SNAP:
            ys.insert(0, top)
        if ys and bottom > ys[-1] + 2 * SNAP:
            ys.append(bottom)
        if len(xs) < 3 or len(ys) < 2:
            continue
        tables.append(_table(hs, vs, xs, ys, words))
    return sorted(tables, key=lambda t: t.top)


def _merge(segments: list[_Segment]) -> list[_Segment]:
    """Snap rules to shared positions, then join collinear pieces."""
    positions = _distinct([seg.at for seg in segments])
    snapped = sorted((_Segment(_nearest(positions, seg.at), seg.start, seg.end)
                      for seg in segments), key=lambda s: (s.at, s.start))
    out: list[_Segment] = []
    for seg in snapped:
        if out and out[-1].at == seg.at and seg.start <= out[-1].end + JOIN:
            last = out[-1]
            out[-1] = _Segment(last.at, last.start, max(last.end, seg.end))
        else:
            out.append(seg)
    return out


def _nearest(positions: list[float], value: float) -> float:
    index = bisect.bisect_left(positions, value)
    near = positions[max(index - 1, 0):index + 1]
    return min(near, key=lambda p: abs(p - value))


def _distinct(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return out


def _crosses(h: _Segment, v: _Segment) -> bool:
    return (h.start - JOIN <= v.at <= h.end + JOIN) and (v.start - JOIN <= h.at <= v.end + JOIN)


def _components(horizontal: list[_Segment], vertical: list[_Segment]
                ) -> list[tuple[list[_Segment], list[_Segment]]]:
    """Rules grouped into grids: rules that touch belong to one grid."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _crosses(h, v):
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list[_Segment], list[_Segment]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if g[0] and g[1]]


def _covered(segments: list[_Segment], at: float, point: float) -> bool:
    return any(abs(s.at - at) <= SNAP and s.start - SNAP <= point <= s.end + SNAP
               for s in segments)


def _table(hs: list[_Segment], vs: list[_Segment], xs: list[float], ys: list[float],
           words: Sequence[Word]) -> GridTable:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    rows: list[list[str | None]] = [[None] * n_cols for _ in range(n_rows)]
    taken = [[False] * n_cols for _ in range(n_rows)]
    placed = _by_position(words, xs, ys)
    for r in range(n_rows):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(n_cols):
            if taken[r][c]:
                continue
            right = c + 1
            while right < n_cols and not _covered(vs, xs[right], mid_y):
                right += 1
            mid_x = (xs[c] + xs[c + 1]) / 2
            below = r + 1
            while below < n_rows and not _covered(hs, ys[below], mid_x):
                below += 1
            inside: list[Word] = []
            for rr in range(r, below):
                for cc in range(c, right):
                    taken[rr][cc] = True
                    inside.extend(placed.get((rr, cc), ()))
            rows[r][c] = cell_text(inside, xs[c], xs[right])
    return GridTable(rows, (xs[0], ys[0], xs[-1], ys[-1]))


def _by_position(words: Sequence[Word], xs: list[float], ys: list[float]
                 ) -> dict[tuple[int, int], list[Word]]:
    """Each word inside the grid under the (row, column) of its centre."""
    placed: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        if not (xs[0] <= cx <= xs[-1] and ys[0] <= cy <= ys[-1]):
            continue
        row = min(bisect.bisect_right(ys, cy) - 1, len(ys) - 2)
        col = min(bisect.bisect_right(xs, cx) - 1, len(xs) - 2)
        placed.setdefault((row, col), []).append(word)
    return placed


def cell_text(words: Sequence[Word], x0: float, x1: float) -> str:
    """A cell's printed lines joined by newlines. A word too long for the
    cell is put on a line of its own and cut at any letter (``supervisor`` +
    ``s``): a line holding one word that fills it, followed by a lower-case
    piece that could never have stood beside it, is one word cut in two."""
    lines = printed_lines(words)
    if not lines:
        return ""
    inset = max(0.0, min(line[0].x0 for line in lines) - x0)
    room = (x1 - x0) - 2 * inset
    out = [" ".join(w.text for w in lines[0])]
    for previous, line in zip(lines, lines[1:]):
        last, first = previous[-1], line[0]
        text = " ".join(w.text for w in line)
        cut = (len(previous) == 1 and (last.x1 - last.x0) >= 0.85 * room
               and (last.x1 - last.x0) + (first.x1 - first.x0) > room
               and last.text[-1].isalpha() and first.text[0].islower())
        if cut:
            out[-1] += text
        else:
            out.append(text)
    return "\n".join(out)
