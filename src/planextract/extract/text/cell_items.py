"""What a one-cell-per-line export is read into before its rows are known: cells
with their lines and the blank lines before them, loose lines, dropped page-top
headers, and one reading (``Parse``) of a table at one width (``cell_rows`` weighs
the readings; hundreds of thousands of cells in a long export, hence slots)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planextract.extract.model import Paragraph
from planextract.extract.text import cell_evidence


@dataclass(slots=True)
class RawCell:
    """A cell: its numbered lines, and the blank lines printed just before it."""

    lines: list[tuple[int, str]]
    blank_before: int = 0
    label: str = ""
    # its index among the export's cells (set by the reader): a field, not a dict
    # from id() to index beside hundreds of thousands of cells
    at: int = field(default=-1, compare=False, repr=False)
    # what its label reads as (``cell_evidence``), set with the label: every width
    # tried weighs the same cells again
    kind: str | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.relabel()

    def relabel(self) -> None:
        lines = self.lines
        first = lines[0][1]
        label = " ".join((first if len(lines) == 1 else " ".join(t for _, t in lines)).split())
        # the line itself when it reads the same: one string a cell, not two
        self.label = first if label == first else label
        self.kind = cell_evidence.kind_of(self.label)

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    @property
    def last_text_line(self) -> int:
        filled = [n for n, t in self.lines if t.strip()]
        return filled[-1] if filled else self.lines[0][0]


@dataclass(slots=True)
class Loose:
    """A line standing alone after a blank line: a heading, or more of a cell."""

    number: int
    text: str
    blank_before: int


@dataclass(slots=True)
class Break:
    """A repeated header dropped between rows: a page top."""

    cells: int


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
