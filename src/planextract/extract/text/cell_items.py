"""What a one-cell-per-line export is read into before its rows are known: cells
with their lines and the blank lines before them, loose lines, dropped page-top
headers, and one reading (``Parse``) of a table at one width (``cell_rows`` weighs
the readings; hundreds of thousands of cells in a long export, hence slots)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planextract.extract.model import Paragraph
from planextract.extract.text import cell_evidence

_new = object.__new__
_AT_SHIFT = 32  # a RawCell's first line number below these bits, its index above
_LINE_MASK = (1 << _AT_SHIFT) - 1


class RawCell:
    """A cell: its numbered lines, and the blank lines printed just before it.

    Most cells are one line: that line is held as its number and text in the cell
    itself, not as a list holding a tuple (issue 11: a 1 MB export has 40,000 cells,
    and the list and tuple were about 120 bytes each, more than most cells' text);
    the lines after the first, when there are any: their count while they are empty
    lines following on (the blank line after a row's last cell, most cells of more
    than one line: a list a cell was 0.6 times a 1 MB export); else a list of their
    texts alone while they follow on line by line, as the reader adds them (a tuple
    and a line number object a line were 1.8 times a 1 MB export at the reader's peak), of
    ``(number, text)`` pairs once one does not (a lone line given back after blank
    lines the cell holds already). ``lines`` gives them all as ``(number, text)``
    pairs, as the list the reader used to keep (``tests/test_text_read_equivalence.py``
    reads whole exports with that one)."""

    __slots__ = ("_pos", "_text", "_more", "blank_before", "label", "kind")

    def __init__(self, lines: list[tuple[int, str]], blank_before: int = 0,
                 label: str = "") -> None:
        (number, self._text), *more = lines
        # its first line's number, and (once the reader sets it) its index among the
        # export's cells plus one above _AT_SHIFT bits: one int object a cell, not two
        # (issue 11: a line number and an index above 256 were 32 bytes each, 1.7
        # times a 1 MB export's 26,000 cells, and the eighth slot made the cell 96)
        self._pos = number
        # None; the texts of the lines after the first, numbered on from it; or pairs
        self._more: list | None = None
        for number, text in more:
            self.add(number, text)
        self.blank_before = blank_before
        self.label = label
        # what its label reads as (``cell_evidence``), set with the label: every width
        # tried weighs the same cells again
        self.kind: str | None = None
        self.relabel()

    @classmethod
    def one_line(cls, number: int, text: str, blank_before: int) -> RawCell:
        """``RawCell(lines=[(number, text)], blank_before=blank_before)``, made without
        its list of lines and their walk: the split makes a cell a line it opens
        (issue 11: 26,000 at 1 MB)."""
        cell = _new(cls)
        cell._pos = number
        cell._text = text
        cell._more = None
        cell.blank_before = blank_before
        label = " ".join(text.split())
        cell.label = text if label == text else label
        cell.kind = cell_evidence.kind_of(cell.label)
        return cell

    @property
    def at(self) -> int:
        """Its index among the export's cells (set by the reader; -1 until then): a
        field, not a dict from id() to index beside hundreds of thousands of cells."""
        return (self._pos >> _AT_SHIFT) - 1

    @at.setter
    def at(self, at: int) -> None:
        self._pos = (at + 1) << _AT_SHIFT | self._pos & _LINE_MASK

    @property
    def _number(self) -> int:
        return self._pos & _LINE_MASK

    @property
    def lines(self) -> list[tuple[int, str]]:
        """Every line as ``(number, text)`` (a new list: add lines with ``add``)."""
        first = (self._number, self._text)
        more = self._more
        if more is None:
            return [first]
        if more.__class__ is int:
            return [first, *zip(range(self._number + 1, self._number + 1 + more),
                                [""] * more)]
        if more[0].__class__ is tuple:
            return [first, *more]
        return [first, *zip(range(self._number + 1, self._number + 1 + len(more)), more)]

    def add(self, number: int, text: str) -> None:
        """One more line (the label is not read again: ``relabel`` does that)."""
        more = self._more
        if more is None:
            if number == self._number + 1:
                self._more = 1 if text == "" else [text]
            else:
                self._more = [(number, text)]
        elif more.__class__ is int:
            if number != self._number + 1 + more:  # every line numbered from now on
                self._more = [*self.lines[1:], (number, text)]
            elif text == "":
                self._more = more + 1
            else:
                self._more = [*[""] * more, text]
        elif more[0].__class__ is tuple:
            more.append((number, text))
        elif number == self._number + 1 + len(more):
            more.append(text)
        else:  # no longer line after line: every line numbered from now on
            self._more = [*self.lines[1:], (number, text)]

    def _texts(self) -> list[str]:
        more = self._more
        assert more is not None
        if more.__class__ is int:
            return [""] * more
        return [t for _, t in more] if more[0].__class__ is tuple else more

    def __eq__(self, other: object) -> bool:  # as the dataclass it was: lines, blanks, label
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.lines, self.blank_before, self.label) == (
            other.lines, other.blank_before, other.label)  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"RawCell(lines={self.lines!r}, blank_before={self.blank_before!r}, "
                f"label={self.label!r})")

    def relabel(self, weigh: bool = True) -> None:
        """Its label read again from its lines; its kind too unless ``weigh`` is
        False (a cell of a table already chosen: no width weighs it again)."""
        first = self._text
        if self._more is None or self._more.__class__ is int:  # empty lines add no word
            label = " ".join(first.split())
        else:
            label = " ".join(" ".join([first, *self._texts()]).split())
        # the line itself when it reads the same: one string a cell, not two
        self.label = first if label == first else label
        if weigh:
            self.kind = cell_evidence.kind_of(self.label)

    @property
    def text(self) -> str:
        """The cell's lines joined by line breaks (its raw text)."""
        return self._text if self._more is None else "\n".join([self._text, *self._texts()])

    @property
    def first_line(self) -> int:
        return self._pos & _LINE_MASK

    @property
    def last_line(self) -> int:
        """The number of its last line, blank or not."""
        more = self._more
        if more is None:
            return self._number
        if more.__class__ is int:
            return self._number + more
        return more[-1][0] if more[0].__class__ is tuple else self._number + len(more)

    @property
    def last_text_line(self) -> int:
        if self._more is None or self._more.__class__ is int:  # the rest empty
            return self._number
        filled = [n for n, t in self.lines if t.strip()]
        return filled[-1] if filled else self._number


@dataclass(slots=True)
class Loose:
    """A line standing alone after a blank line: a heading, or more of a cell."""

    number: int
    text: str
    blank_before: int


@dataclass(slots=True)
class Break:
    """A repeated header dropped between rows: a page top; ``whole`` when it names
    every label of the header (``Header.reprints``)."""

    cells: int
    whole: bool = True


@dataclass(slots=True)
class Parse:
    """One reading of a table: its header, its rows and headings in order, the
    cells of an unfinished last row, where the next table starts, and the
    loose lines to give back to their cells."""

    width: int
    header: list[list[RawCell]]
    out: list[list[RawCell] | Paragraph | Break] = field(default_factory=list)
    left: list[RawCell] = field(default_factory=list)
    stop: int = 0
    folds: list[tuple[RawCell, Loose]] = field(default_factory=list)
    last_row: list[RawCell] | None = None

    @property
    def rows(self) -> list[list[RawCell]]:
        return [o for o in self.out if isinstance(o, list)]
