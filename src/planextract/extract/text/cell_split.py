"""The split of a one-cell-per-line export into cells and lone lines, a stretch of
lines at a time (issue 11).

``CellSplit`` does what ``split_cells`` (the reference, in tests/cells_reference.py)
does over the whole export, but resumes where it stopped: the reader splits a stretch,
chooses the tables it holds and lets their cells go before it splits the next, so the
whole export's ``RawCell``s never live at once (they were 6.7 times a 10 MB export
before a table was chosen). The split only ever changes its last cell (a line more, a
lone line given back) and the lone lines after it: every item before the last cell is
final, and ``take`` hands those over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planextract.extract.key_lines import KeyLine, key_line, key_pair
from planextract.extract.model import Paragraph
from planextract.extract.parts import plain
from planextract.extract.text.cell_items import Loose, RawCell
from planextract.extract.text.cell_labels import is_heading_line

CELL_START = re.compile(r"^ *\t")
# the distinct texts shared while a stretch is split: the map is emptied past this
# many, or it held every distinct text of the export after its cells were let go;
# at 8,192 the map and the texts only it kept were about 0.5 MiB of a 1 MB read's
# high-water, a part that does not grow with the export (issue 11)
TEXTS_KEPT = 1024


def stands_alone(lines: list[str], index: int) -> bool:
    """A blank line, a cell or a heading line follows (or nothing); or the line
    and the next are both key lines (``CSM  Community Safety Manager``): a list
    of abbreviations printed one a line between two tables, no cell's text."""
    following = lines[index + 1:index + 2]
    return (not following or not following[0].strip() or bool(CELL_START.match(following[0]))
            or is_heading_line(plain(following[0]))
            or (key_pair(lines[index]) is not None and key_pair(following[0]) is not None))


def fold_loose(items: list[RawCell | Loose]) -> None:
    """The lines at the end of ``items`` that stood alone were not alone
    after all (text follows them): give them back to the cell before them."""
    loose: list[Loose] = []
    while items and isinstance(items[-1], Loose):
        loose.insert(0, items.pop())
    if loose:
        give_back(items[-1], loose)


def give_back(cell: RawCell | Loose, loose: list[Loose], weigh: bool = True) -> None:
    """The ``loose`` lines are more of ``cell`` (its kind weighed again unless
    ``weigh`` is False: ``RawCell.relabel``)."""
    assert isinstance(cell, RawCell)
    for item in loose:
        last = cell.last_line
        for i in range(item.blank_before):
            cell.add(last + 1 + i, "")
        cell.add(item.number, item.text)
    cell.relabel(weigh)


class CellSplit:
    """``cells_reference.split_cells(lines, consume=True)``, run a stretch at a time over the
    export's lines given a piece at a time (``decode.decode_pieces``)."""

    __slots__ = ("_pieces", "_lines", "_next", "_base", "_pending", "_last", "_blanks", "_texts",
                 "paragraphs", "started")

    def __init__(self, pieces: Iterator[list[str]]) -> None:
        self._pieces: Iterator[list[str]] | None = pieces  # the export's lines, piece by piece
        self._lines: list[str] = []  # the lines taken from the pieces and not let go yet
        self._next = 0  # the first line of _lines not split yet
        self._base = 0  # how many lines of the export came before _lines[0]
        self._pending: list[RawCell | Loose] = []  # the items not handed over yet
        self._last = 0  # the index in _pending of its last cell (what may still change)
        self._blanks = 0
        self._texts: dict[str, str] = {}
        self.paragraphs: list[Paragraph | KeyLine] = []  # the lines before the first cell
        self.started = False  # a cell was met: lines are cells' or lone from now on

    @property
    def done(self) -> bool:
        return self._pieces is None and self._next >= len(self._lines)

    def _fetch(self, count: int) -> None:
        """Take pieces until ``count`` lines and the one after them are here to split
        (a line's reading looks at the next), the lines split let go."""
        while self._pieces is not None and len(self._lines) - self._next <= count:
            piece = next(self._pieces, None)
            if piece is None:
                self._pieces = None
                break
            self._base += self._next
            if self._next == len(self._lines):
                self._lines = piece  # not copied: a piece of every line is let go as split
            else:
                del self._lines[:self._next]
                self._lines += piece
            self._next = 0

    def take(self) -> list[RawCell | Loose]:
        """The items no later line can change (every one once the split is done)."""
        pending = self._pending
        if self.done:
            self._pending, self._last = [], 0
            return pending
        final = pending[:self._last]
        del pending[:self._last]
        self._last = 0
        return final

    def run(self, count: int) -> None:
        """Split ``count`` more lines, each let go (``None``) once read, as
        ``split_cells`` does with ``consume``."""
        self._fetch(count)
        lines, items, paragraphs = self._lines, self._pending, self.paragraphs
        base = self._base + 1  # line numbers count from one
        if len(self._texts) > TEXTS_KEPT:
            self._texts = {}
        shared = self._texts.setdefault
        blanks, started = self._blanks, self.started
        stop = min(len(lines), self._next + count)
        for index in range(self._next, stop):
            line = lines[index]
            number = base + index
            # CELL_START.match(line), without the regex: spaces, then a TAB
            cell, filled = line.lstrip(" ").startswith("\t"), bool(line.strip())
            if cell:
                text = line.split("\t", 1)[1]
                self._last = len(items)
                items.append(RawCell.one_line(number, shared(text, text), blanks))
                started = True
            elif not started:
                if filled:
                    paragraphs.append(key_line(line, Paragraph(text=plain(line), line=number)))
            elif filled and (blanks or isinstance(items[-1], Loose)) \
                    and stands_alone(lines, index):
                items.append(Loose(number, line, blanks))
            elif not filled and isinstance(items[-1], Loose):
                pass  # a blank line after a lone line: the next line decides what it was
            else:
                if isinstance(items[-1], Loose):
                    fold_loose(items)
                last = items[-1]
                assert isinstance(last, RawCell)
                last.add(number, shared(line, line))
            blanks = blanks + 1 if not filled and not cell else 0
            lines[index] = None  # type: ignore[call-overload]
        self._next, self._blanks, self.started = stop, blanks, started
