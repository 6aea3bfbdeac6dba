"""The lines a format sniff looks at, made a piece at a time as each detector asks.

The sniff asks each text reader's detector in turn about the text's kept lines (not
blank, or holding a TAB: an empty cell). Made all at once, those lines sat beside the
text through every detector: about twice a 10 MB export, the read's high-water on csv
and markdown (issue 11). Here they are made a piece at a time (each piece cut just
after a line feed, ``decode.cut_after_feeds``): from the decoded text, or, when
decoding changed nothing, from the bytes themselves, the text let go first
(``line_pieces.sniff_lines``). Detectors that look a few lines back or ahead get
windows holding them from the neighbouring pieces, so their answer on each line is
the answer they gave on the whole list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from planextract.extract.text.decode import cut_after_feeds, piece_lines

_HEAD = 400  # lines kept from the start (the csv sniff looks at no more)
_CELL_START = re.compile(r"^ *\t")


def cell_counts(lines: Iterable[str]) -> tuple[int, int]:
    """Lines that are one cell (a TAB first, and no other), and TAB-separated rows
    (two TABs or more, or one not first): one pass, each line's TABs counted once."""
    cell_lines = tab_rows = 0
    for ln in lines:
        tabs = ln.count("\t")
        if tabs == 1:
            if _CELL_START.match(ln):
                cell_lines += 1
            else:
                tab_rows += 1
        elif tabs:
            tab_rows += 1
    return cell_lines, tab_rows


def _kept(lines: list[str]) -> list[str]:
    return [ln for ln in lines if ln.strip() or "\t" in ln]  # "\t": an empty cell


class SniffLines:
    """The kept lines of a text (``text``, or ``data`` whose UTF-8 it is as it stands),
    never all held at once; counts asked by several detectors are made once."""

    __slots__ = ("_text", "_data", "_cells", "_head")

    def __init__(self, text: str | None = None, data: bytes | None = None) -> None:
        if (text is None) == (data is None):
            raise ValueError("a text or its bytes")
        self._text = text
        self._data = data
        self._cells: tuple[int, int] | None = None
        self._head: list[str] | None = None

    @property
    def text(self) -> str:
        """The whole text (decoded again when only its bytes are kept): for a page's
        start behind a comment longer than the prefix, and the tests' reference."""
        return self._text if self._text is not None else self._data.decode("utf-8")  # type: ignore[union-attr]

    def chunks(self) -> Iterator[str]:
        """The text in slices, each but the last ending with a line feed (the text
        itself when it is kept): for searches that never span a line."""
        if self._data is None:
            yield self._text  # type: ignore[misc]
            return
        for piece, _last in cut_after_feeds(self._data):
            yield piece.decode("utf-8")

    def _every_line(self) -> Iterator[list[str]]:
        """Every line of the text (``lines_of``), a piece at a time."""
        if self._data is None:
            for piece, last in cut_after_feeds(self._text):  # type: ignore[type-var]
                yield piece_lines(piece, last)
            return
        for raw, last in cut_after_feeds(self._data):
            yield piece_lines(raw.decode("utf-8"), last)

    def pieces(self) -> Iterator[list[str]]:
        """The kept lines, a piece of the text at a time, in order. A pass that runs
        to the end counts the cells on the way (``cell_lines``: a line left out, blank
        with no TAB, counts in neither)."""
        cells = rows = 0
        for piece in self._every_line():
            if self._cells is None:
                one, many = cell_counts(piece)
                cells += one
                rows += many
            kept = _kept(piece)
            if kept:
                yield kept
        if self._cells is None:
            self._cells = cells, rows

    def __iter__(self) -> Iterator[str]:
        for piece in self.pieces():
            yield from piece

    def head(self, count: int = _HEAD) -> list[str]:
        """The first ``count`` kept lines (at most ``_HEAD`` are kept)."""
        if self._head is None:
            head: list[str] = []
            for piece in self.pieces():
                head += piece[:_HEAD - len(head)]
                if len(head) >= _HEAD:
                    break
            self._head = head
        return self._head[:count]

    def windows(self, before: int = 0, after: int = 0) -> Iterator[tuple[list[str], int, int]]:
        """``(lines, lo, hi)``: every kept line is ``lines[i]`` for one ``lo <= i < hi``
        of one window, in order. Each window also holds the ``before`` kept lines
        before ``lo`` (as many as there are) and at least ``after`` kept lines after
        ``hi``, unless ``lines`` ends where the text's kept lines end: a test of line
        ``i`` that looks no further back or ahead, and asks ``len(lines)`` only to
        know whether the lines it wants are there, answers as on the whole list."""
        buf: list[str] = []
        lo = 0
        for piece in self.pieces():
            buf += piece
            if len(buf) - lo > after:
                hi = len(buf) - after
                yield buf, lo, hi
                keep = max(0, hi - before)
                buf = buf[keep:]
                lo = hi - keep
        yield buf, lo, len(buf)

    def cell_lines(self) -> tuple[int, int]:
        """``cell_counts`` of every kept line, counted once (by the first pass that
        ran to the end, or here)."""
        if self._cells is None:
            cells = rows = 0
            for piece in self._every_line():
                one, many = cell_counts(piece)
                cells += one
                rows += many
            self._cells = cells, rows
        return self._cells
