"""Tables without vertical rules on a PDF page: columns anchored on the
header's labels, rows cut at horizontal rules where there are any, else where
a line opens a new row.

A header is a line of three or more separated labels that the next line of
cells lines up with; on a later page, a line that lines up with the columns
already found. A column with no label (numbers under an empty header cell) is
found from cell starts that recur.
"""

from __future__ import annotations

from dataclasses import dataclass

from planextract.extract.pdf.cell_text import NUMBERED
from planextract.extract.pdf.lines import printed_lines
from planextract.extract.pdf.page import Word


@dataclass
class UnruledTable:
    rows: list[list[str]]  # cells as printed lines joined by newlines
    top: float
    bottom: float
    columns: list[float]


def unruled_tables(words: list[Word], rules: list[float], columns: list[float] | None
                   ) -> list[UnruledTable]:
    """Every unruled table among ``words``, top to bottom; ``rules`` are the
    tops of the page's horizontal rules, ``columns`` those of the table the
    previous page ended with, if any."""
    tables: list[UnruledTable] = []
    while words:
        table = _unruled_table(words, rules, columns)
        if table is None:
            break
        tables.append(table)
        columns = table.columns
        words = [w for w in words if w.top > table.bottom]
    return tables


def _groups(line: list[Word], gap: float = 12.0) -> list[list[Word]]:
    """Runs of words separated by less than ``gap``: the cells of a printed row."""
    out: list[list[Word]] = []
    for word in line:
        if out and word.x0 - out[-1][-1].x1 < gap:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _table_start(lines: list[list[Word]], columns: list[float] | None
                   ) -> tuple[int, list[float]] | None:
    """Where a table without vertical rules starts, and its column starts: a
    line of three or more separated labels whose next line lines up with them,
    or (on a later page) a line that lines up with the previous page's columns."""
    for index, line in enumerate(lines):
        groups = _groups(line)
        starts = [g[0].x0 for g in groups]
        if len(groups) >= 3:
            # the first later line of two or more cells, past any second line
            # of wrapped header labels, must line up with the labels
            follow = next((g for g in map(_groups, lines[index + 1:index + 4]) if len(g) >= 2),
                          [])
            if sum(any(abs(f[0].x0 - x) < 4 for x in starts) for f in follow) >= 2:
                if columns and all(any(abs(x - c) < 4 for c in columns) for x in starts):
                    return index, columns  # the same layout again, unlabelled columns too
                return index, starts
        if columns and len(groups) >= 2 and sum(
                any(abs(x - c) < 4 for c in columns) for x in starts) >= 2:
            return index, columns
    return None


def _unlabelled_columns(lines: list[list[Word]], columns: list[float]) -> list[float]:
    """The header's column starts plus those of columns with no label (a
    number column headed by nothing): a cell start that recurs on two or
    more lines away from every labelled column."""
    seen: list[float] = []
    for line in lines:
        seen.extend(group[0].x0 for group in _groups(line))
    extra: list[float] = []
    for x in sorted(seen):
        if any(abs(x - c) < 6 for c in [*columns, *extra]):
            continue
        if sum(1 for other in seen if abs(other - x) < 2) >= 2:
            extra.append(x)
    return sorted([*columns, *extra])


def _unruled_table(words: list[Word], rules: list[float], columns: list[float] | None
                   ) -> UnruledTable | None:
    """A table without vertical rules, columns anchored on the header's labels.
    Rows are cut at horizontal rules where there are any, else where a line
    opens a new row (text in the first column, a number, or a wider gap)."""
    lines = printed_lines(words)
    found = _table_start(lines, columns)
    if found is None:
        return None
    start, columns = found
    columns = _unlabelled_columns(lines[start + 1:start + 41], columns)
    height = lines[start][0].bottom - lines[start][0].top
    rows: list[list[list[str]]] = []
    last_bottom: float | None = None
    end = start
    for index in range(start, len(lines)):
        line = lines[index]
        if last_bottom is not None and line[0].top - last_bottom > 2.5 * height:
            break
        cells: list[list[str]] = [[] for _ in columns]
        for word in line:
            col = max((i for i, x in enumerate(columns) if word.x0 >= x - 4), default=0)
            cells[col].append(word.text)
        texts = [" ".join(c) for c in cells]
        filled = [t for t in texts if t]
        header_goes_on = (len(rows) == 1 and all(w.bold for w in line)
                          and all(w.bold for w in lines[start])
                          and line[0].top - last_bottom <= 0.6 * height)
        if header_goes_on:
            new_row = False  # a header label wrapped onto a second line
        elif rules:
            new_row = last_bottom is None or any(last_bottom - 1 <= r <= line[0].top + 1
                                                 for r in rules)
        else:
            # a row opens with text in the first column, a number, or more
            # space above it than between the wrapped lines of one cell
            new_row = (last_bottom is None or bool(texts[0])
                       or line[0].top - last_bottom > 0.6 * height
                       or bool(NUMBERED.match(filled[0] + " ")))
        if new_row or not rows:
            rows.append([[t] if t else [] for t in texts])
        else:
            for cell, text in zip(rows[-1], texts):
                if text:
                    cell.append(text)
        last_bottom = line[0].bottom
        end = index
    return UnruledTable([["\n".join(c) for c in r] for r in rows], lines[start][0].top,
                        lines[end][0].bottom, columns)
