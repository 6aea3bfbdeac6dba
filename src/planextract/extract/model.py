"""The intermediate form every reader produces and the normaliser consumes.

A document is a flat sequence of blocks in reading order: paragraphs (headings,
narrative, list items) and tables (rows of cells). Provenance travels with each
block and row so that the normaliser never needs to know the input format.

Every class has ``__slots__``: a long export holds hundreds of thousands of cells,
and an instance dictionary cost more than the text of most of them (issue 11).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell.

    ``parts`` are the separately printed fragments of the cell (``<p>`` elements
    in an HTML export, paragraphs in Word); each part keeps bullet items on
    their own lines. ``text`` is the whole cell as one string, made once (the
    normaliser asks for it many times a row); one part is its own text.
    """

    parts: tuple[str, ...] = ()
    raw: str = ""
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = self.parts
        text = parts[0] if len(parts) == 1 else "\n".join(p for p in parts if p)
        object.__setattr__(self, "text", text)
        if self.raw is not text and self.raw == text:  # one string for both, not two
            object.__setattr__(self, "raw", text)

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Row:
    """A physical row. ``after_break`` marks a page break just before it;
    ``stitched`` that the reader joined onto it the part a page break cut off;
    ``covered`` the columns whose cell is empty because a cell of a row above
    is merged down over it (Word's ``vMerge``): the value printed there holds
    for this row too."""

    cells: tuple[Cell, ...]
    line_start: int | None = None
    line_end: int | None = None
    page_start: int | None = None
    page_end: int | None = None
    after_break: bool = False
    stitched: bool = False
    covered: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A line of text outside tables. ``level`` is a heading level when the
    format marks headings (markdown ``#``, Word styles, font size), else 0.
    ``item``: a bullet item whose glyph or list mark the reader took off (a text
    export's ``•`` or markdown ``-``), which only the labelled rule asks; no part
    of a paragraph's identity."""

    text: str
    line: int | None = None
    page: int | None = None
    level: int = 0
    bold: bool = False
    item: bool = field(default=False, compare=False)


Block = Paragraph | Table


@dataclass(slots=True)
class RawDocument:
    """What a reader returns: the blocks plus facts about the file."""

    source_format: str
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
