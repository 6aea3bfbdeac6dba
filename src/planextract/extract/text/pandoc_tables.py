"""Pandoc's simple and multiline tables: columns set by runs of dashes, no pipes
(issue 6).

A simple table is a header line over a line of dash runs parted by spaces, one
line a row, ending at a blank line (or, headerless, between two dash lines). A
multiline table opens with a line of dashes across the whole table, has a
header of one or more lines over the dash-run line, rows of several lines
parted by blank lines, and closes with a full dash line. Each column's text is
the slice of each line from the start of its dash run to the start of the next
one; the lines of a multiline cell run on as one paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from planextract.extract.model import Cell, Row, Table

_RUNS = re.compile(r"-{3,}")
_DASH_LINE = re.compile(r"^\s*-{3,}(?:\s+-{3,})+\s*$")  # two or more dash runs
_FULL_LINE = re.compile(r"^\s*-{10,}\s*$")  # one run across the table


def _starts(line: str) -> list[int]:
    return [m.start() for m in _RUNS.finditer(line)]


def _slices(line: str, starts: list[int]) -> list[str]:
    ends = starts[1:] + [max(len(line), starts[-1] + 1)]
    first = [line[:starts[1]] if len(starts) > 1 else line]
    return [s.strip() for s in first + [line[a:b] for a, b in zip(starts[1:], ends[1:])]]


def _blank(line: str) -> bool:
    return not line.strip()


def starts_multiline(lines: list[str], index: int) -> bool:
    """A full dash line, header lines, then a line of dash runs."""
    if not _FULL_LINE.match(lines[index]):
        return False
    for k in range(index + 1, min(index + 6, len(lines))):
        if _DASH_LINE.match(lines[k]):
            return k > index + 1
        if _blank(lines[k]):
            return False
    return False


def starts_simple(lines: list[str], index: int) -> bool:
    """A header line over a line of dash runs, whose runs start where the
    header's words can start (no word of the header crosses a run's start)."""
    if index + 2 >= len(lines) or _blank(lines[index]) or "|" in lines[index]:
        return False
    if not _DASH_LINE.match(lines[index + 1]) or _blank(lines[index + 2]):
        return False
    header = lines[index]
    return all(k == 0 or k >= len(header) or header[k - 1] == " "
               for k in _starts(lines[index + 1]))


def has_dash_table(lines: list[str], lo: int = 0, hi: int | None = None) -> bool:
    """Some line (of ``lo`` to ``hi``) opens a multiline table or is under a simple
    one's header: tried only around the lines printing a dash run (a multiline
    table opens with one, a simple table's header has one under it)."""
    last = len(lines) - 1
    for index, line in enumerate(islice(lines, lo, hi), lo):
        if "---" not in line:
            continue
        if index < last and starts_multiline(lines, index):
            return True
        if 1 <= index and starts_simple(lines, index - 1):
            return True
    return False


def _row(chunk: list[tuple[int, str]], starts: list[int],
         cell: Callable[[str], Cell]) -> Row:
    columns: list[list[str]] = [[] for _ in starts]
    for _, line in chunk:
        for k, text in enumerate(_slices(line, starts)):
            if text:
                columns[k].append(text)
    return Row(cells=tuple(cell("\n".join(c)) for c in columns),
               line_start=chunk[0][0], line_end=chunk[-1][0])


def simple_table(lines: list[str], index: int,
                 cell: Callable[[str], Cell]) -> tuple[Table, int]:
    """The simple table whose header is ``lines[index]``; the index after it."""
    starts = _starts(lines[index + 1])
    rows = [_row([(index + 1, lines[index])], starts, cell)]
    k = index + 2
    while k < len(lines) and not _blank(lines[k]) and not _DASH_LINE.match(lines[k]):
        rows.append(_row([(k + 1, lines[k])], starts, cell))
        k += 1
    if k < len(lines) and _DASH_LINE.match(lines[k]):
        k += 1
    return Table(rows=tuple(rows)), k


def multiline_table(lines: list[str], index: int,
                    cell: Callable[[str], Cell]) -> tuple[Table, int]:
    """The multiline table opening at ``lines[index]``; the index after it."""
    k = index + 1
    header: list[tuple[int, str]] = []
    while not _DASH_LINE.match(lines[k]):
        header.append((k + 1, lines[k]))
        k += 1
    starts = _starts(lines[k])
    rows = [_row(header, starts, cell)]
    chunk: list[tuple[int, str]] = []
    k += 1
    while k < len(lines) and not _FULL_LINE.match(lines[k]):
        if _blank(lines[k]):
            if chunk:
                rows.append(_row(chunk, starts, cell))
            chunk = []
        else:
            chunk.append((k + 1, lines[k]))
        k += 1
    if chunk:
        rows.append(_row(chunk, starts, cell))
    return Table(rows=tuple(rows)), min(k + 1, len(lines))
