"""Columns of a table without vertical rules: whitespace gutters that run
down the whole table, the columns they part, each column's room, and which
column each word of a line belongs to. Used by pdf.unruled.

A column boundary is a strip no line crosses (lines of one cell that cross
it, full-width headings, are allowed up to a quarter of the lines where the
strip ends at a header label), at least ``gutter`` font sizes wide, where on
some line a cell starts (not the spaces of a phrase repeated in a fixed-width
font). A column of bullet glyphs only is the hanging indent of the next one.
Every step sorts or bisects: n log n in the words.
"""

from __future__ import annotations

import bisect

from planextract.extract.pdf.page import Word
from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET
from planextract.settings import PdfSettings

Line = list[Word]


def cell_groups(line: Line, gap: float) -> list[list[Word]]:
    """Runs of words separated by less than ``gap``: the cells of a printed row."""
    out: list[list[Word]] = []
    for word in line:
        if out and word.x0 - out[-1][-1].x1 < gap:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def aligned(x: float, columns: list[float], settings: PdfSettings) -> bool:
    return any(abs(x - c) < settings.align for c in columns)


def gutters(lines: list[Line], settings: PdfSettings, anchors: list[float] | None = None
             ) -> list[tuple[float, float]]:
    """Strips of the table no line crosses, at least ``gutter`` font sizes
    wide; and, where a strip ends at one of the ``anchors`` (the header's
    label starts), strips crossed by no line of several cells and by at most
    a quarter of the lines of one cell (full-width heading rows)."""
    strict = _open_strips(lines, settings, 0, anchors or [], narrow=True)
    if not anchors:
        return strict
    loose = [g for g in _open_strips(lines, settings, len(lines) // 4, anchors)
             if aligned(g[1], anchors, settings)
             and not any(g[0] < s1 and s0 < g[1] for s0, s1 in strict)]
    return sorted(strict + loose)


def _open_strips(lines: list[Line], settings: PdfSettings, allowed: int, anchors: list[float],
                 narrow: bool = False) -> list[tuple[float, float]]:
    """Strips crossed by no line of several cells and at most ``allowed`` of one.
    With ``narrow``, strips down to ``narrow_gutter`` font sizes wide count where
    they end at a header label's start and ``narrow_lines`` lines start a word
    there: a table set with almost no cell padding (``_narrow``)."""
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
            if x - opened >= settings.gutter * size or (
                    narrow and x - opened >= settings.narrow_gutter * size
                    and _narrow(x, lines, anchors, settings)):
                gutters.append((opened, x))
            opened = None
    # a strip is a gutter only if on some line a cell starts at its right edge
    # (nothing before it, or nothing closer than a cell gap): not the spaces
    # of a phrase repeated on every line in a fixed-width font. A strip ending
    # at a header label's start needs no such line.
    cell_starts = sorted(g[0].x0 for line in lines for g in cell_groups(line, settings.cell_gap))
    return [g for g in gutters
            if aligned(g[1], anchors, settings) or _near(g[1], cell_starts, settings)]


def _narrow(x: float, lines: list[Line], anchors: list[float], settings: PdfSettings) -> bool:
    """A narrow strip ending at ``x`` parts two columns: a header label starts at
    ``x`` and so does a word on ``narrow_lines`` lines (every line, if fewer). A
    strip through every line of prose that ends where a label starts and where
    words start on several lines is not a run of word spaces."""
    if not aligned(x, anchors, settings):
        return False
    starting = sum(any(abs(w.x0 - x) < settings.align for w in line) for line in lines)
    return starting >= min(settings.narrow_lines, len(lines))


def _near(x: float, sorted_xs: list[float], settings: PdfSettings) -> bool:
    """Whether some value of ``sorted_xs`` lies within ``align`` of ``x``."""
    k = bisect.bisect_left(sorted_xs, x - settings.align)
    return k < len(sorted_xs) and sorted_xs[k] <= x + settings.align


def columns(lines: list[Line], header: Line, gutters: list[tuple[float, float]],
             right: float, settings: PdfSettings, previous: list[float] | None = None
             ) -> tuple[list[float], list[tuple[float, float]]]:
    """Column starts from the gutters, less columns that hold bullet glyphs
    only. A header label standing in a gutter starts the column after it when
    that column has no label of its own (cells centred under a label set at
    the left), else a column of its own, empty below it; so too when the table
    the page before ended with (``previous``, its column starts) had the label
    and the cells after it in two columns of their own (a page whose first
    column is empty, under a header repeated with an unlabelled second one)."""
    left = min(w.x0 for line in lines for w in line)
    labels = [(g[0].x0, g[-1].x1) for g in cell_groups(header, settings.cell_gap)]
    starts: list[float] = []
    # the space left of the body's text is a gutter too: a label there heads
    # a column empty on this page
    bounds = [(float("-inf"), left), *gutters]
    for k, (g0, g1) in enumerate(bounds):
        after = bounds[k + 1][0] if k + 1 < len(bounds) else float("inf")
        inside = [x0 for x0, x1 in labels if g0 < x0 and x1 < g1
                  and not aligned(x0, [g1], settings)]
        labelled = any(g1 - settings.align <= x0 < after for x0, _ in labels)
        if len(inside) == 1 and not labelled and not _apart(inside[0], g1, previous, settings):
            starts.append(inside[0])  # a label left of its column's (centred) cells
        else:
            starts.extend([*inside, g1])  # labels over columns empty below them
    # the space right of the body's text is a gutter too: labels there head
    # columns empty on this page (a page holding the end of one cell)
    body_right = max(w.x1 for line in lines for w in line)
    starts.extend(x0 for x0, _ in labels if x0 > body_right + settings.align)
    starts.extend(_carried(lines, [x0 for x0, _ in labels], starts, previous, settings))
    starts.sort()
    # a column of bullet glyphs only is the hanging indent of the next one
    bullets = [False] * len(starts)  # a column holding bullet glyphs and nothing else
    other = [False] * len(starts)
    for line in lines:
        for k, w in enumerate(line):
            glyph = bool(GLYPH_BULLET.fullmatch(w.text) or DASH_BULLET.fullmatch(w.text + " "))
            if glyph and not _item_follows(line, k, settings):
                glyph = False  # a mark alone in its cell (a timeline's dash), no bullet
            (bullets if glyph else other)[column_of(w.x0, starts, settings)] = True
    bullets = [b and not o for b, o in zip(bullets, other)]
    kept = [s for k, s in enumerate(starts) if k == 0 or not bullets[k - 1]]
    return kept, _spans(lines, kept, right, settings)


def _item_follows(line: Line, k: int, settings: PdfSettings) -> bool:
    """The word after ``line[k]`` (a glyph) starts within a hanging indent of it: the
    glyph is a bullet before its item's text, not a mark alone in its cell."""
    if k + 1 >= len(line):
        return False
    glyph = line[k]
    return line[k + 1].x0 - glyph.x1 <= settings.bullet_gap * glyph.size


def _carried(lines: list[Line], labels: list[float], starts: list[float],
             previous: list[float] | None, settings: PdfSettings) -> list[float]:
    """The column starts of the table the page before ended with (``previous``)
    that are starts here too though no gutter shows them, under a header printed
    again (each of its labels, ``labels``' starts, starting at one of ``previous``):
    a word of this page's table starts at one and no word runs across it (a page
    holding one row or two has too few lines for its narrow gutters to show)."""
    if not previous or len(labels) < 2 or not all(
            any(abs(x - p) <= settings.align for p in previous) for x in labels):
        return []
    words = [w for line in lines for w in line]
    return [x for x in previous
            if not any(abs(x - s) <= settings.align for s in starts)
            and any(abs(w.x0 - x) <= settings.align for w in words)
            and not any(w.x0 < x - settings.align and w.x1 > x for w in words)]


def _apart(label: float, cells: float, previous: list[float] | None,
           settings: PdfSettings) -> bool:
    """The label at ``label`` and the cells starting at ``cells`` lie in two
    different columns of ``previous`` (the column starts of the table above)."""
    if not previous:
        return False
    under = [k for k, x in enumerate(previous) if abs(x - label) <= settings.align]
    beside = [k for k, x in enumerate(previous) if abs(x - cells) <= settings.align]
    return bool(under and beside) and under[0] != beside[-1]


def _spans(lines: list[Line], starts: list[float], right: float, settings: PdfSettings
           ) -> list[tuple[float, float]]:
    """Each column's x-range: from its start to where its text must wrap,
    the next column's start less the narrowest gutter's padding, at most
    ``max_pad`` (the last column: its widest line, or the right edge of the
    page's text when that is further)."""
    ends = list(starts)
    for line in lines:
        for w in line:
            k = column_of(w.x0, starts, settings)
            if (k + 1 == len(starts) or w.x1 < starts[k + 1] - settings.align) and w.x1 > ends[k]:
                ends[k] = w.x1
    pads = [starts[k + 1] - ends[k] for k in range(len(starts) - 1) if ends[k] > starts[k]]
    pad = min([*pads, settings.max_pad])
    spans = [(s, max(ends[k], starts[k + 1] - pad)) for k, s in enumerate(starts[:-1])]
    return [*spans, (starts[-1], max(ends[-1], right))]


def column_of(x: float, starts: list[float], settings: PdfSettings) -> int:
    """The column a word starting at ``x`` is in (by bisection: starts are sorted)."""
    return max(bisect.bisect_right(starts, x + settings.align) - 1, 0)


def line_cells(line: Line, starts: list[float], gutters: list[tuple[float, float]],
           settings: PdfSettings, header: bool = False) -> list[Line]:
    """The line's words by column. A line whose text runs through a gutter
    (a heading across the table) puts each run of words in the column where
    it starts. In a header a label's words stay together (a label over two
    columns goes to the first), and a label starting in a gutter (centred
    over its column) goes to the column after it. A word starting where a later
    column starts opens that column's label however narrow the space before it
    (labels set with almost no padding: ``Reference How we will ...``, the second
    label at the left edge of its column's text)."""
    cells: list[Line] = [[] for _ in starts]
    if header:
        column = 0
        for k, word in enumerate(line):
            space = 2 * settings.space_width * max(word.size, 1)
            if k == 0 or word.x0 - line[k - 1].x1 >= space or (
                    word.x0 > line[k - 1].x1
                    and any(abs(word.x0 - x) < settings.align for x in starts[column + 1:])):
                column = column_of(word.x0, starts, settings)
                if column + 1 < len(starts) and any(
                        starts[column] < g0 <= word.x0 < g1 for g0, g1 in gutters):
                    column += 1  # in the gutter after its column's text: the next column
            cells[column].append(word)
        return cells
    through = any(_crosses(w, gutters) for w in line)
    units = _parted_at_starts(cell_groups(line, settings.cell_gap), starts, settings) \
        if through else [[w] for w in line]
    for unit in units:
        cells[column_of(unit[0].x0, starts, settings)].extend(unit)
    return cells


def _parted_at_starts(units: list[Line], starts: list[float], settings: PdfSettings
                      ) -> list[Line]:
    """A line running through a gutter is a heading across the table, unless its
    words start where two or more later columns start: then it is a row whose
    cells were set a narrow gutter apart (``... fair at every 3.2.1 To benchmark
    ... Planning Mgr End of March 2012``), parted at those words. A heading's words
    meet a column's start by chance, two of them hardly ever."""
    at = [w for unit in units for w in unit
          if any(abs(w.x0 - x) < settings.align for x in starts[1:])]
    if len({column_of(w.x0, starts, settings) for w in at}) < 2:
        return units
    cut = {id(w) for w in at}
    parted: list[Line] = []
    for unit in units:
        parted.append([])
        for k, word in enumerate(unit):
            if k and id(word) in cut:
                parted.append([])
            parted[-1].append(word)
    return parted


def _crosses(word: Word, gutters: list[tuple[float, float]]) -> bool:
    """Whether the word runs into a gutter (gutters are sorted and apart)."""
    k = bisect.bisect_right(gutters, (word.x1, float("inf"))) - 1
    return k >= 0 and gutters[k][0] < word.x1 and gutters[k][1] > word.x0 or (
        k >= 1 and gutters[k - 1][1] > word.x0)
