"""What crosses from the layouts to the writers: a document of blocks, tables of
printed cells, and the gold record of every action beside the row printing it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph of a cell. ``text`` may hold "\\n": a line break inside the
    paragraph (Word ``w:br``, HTML ``<br>``). ``bullet``: "" plain, "list" (a
    list item: Word List Bullet, HTML ``<li>``), "glyph" (a literal "• "), "dash"
    (a literal "- ")."""

    text: str
    bullet: str = ""


Cell = list[Para]


@dataclass
class Row:
    cells: list[Cell | None]  # None: covered by the merged cell above
    spans: dict[int, int] = field(default_factory=dict)  # column -> rows merged down
    full: str | None = None  # a full-width row (an objective) instead of cells
    split: bool = False  # text exports break this row over a page break mid-action
    gold: list[dict] = field(default_factory=list)  # the actions this row prints


@dataclass
class Table:
    headers: list[str]
    roles: list[str]  # what each column holds: id, outcome, action, owner, due, ...
    rows: list[Row]
    title: str | None = None
    # a two-row header: (first column, columns, label) of a cell merged over the headers
    # of those columns (e.g. "Delivery" over Lead and Deadline); the other headers are
    # merged down over both rows
    group: tuple[int, int, str] | None = None
    # printed with no header row (a form: its labels are its rows' first cells)
    headless: bool = False

    def column(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def grouped(self, column: int) -> bool:
        return self.group is not None and self.group[0] <= column < self.group[0] + self.group[1]

    def header_rows(self) -> list[list[str]]:
        """The header as printed row by row, a merged cell's text in its first cell."""
        if self.headless:
            return []
        if self.group is None:
            return [list(self.headers)]
        first, _count, label = self.group
        top = [label if c == first else ("" if self.grouped(c) else h)
               for c, h in enumerate(self.headers)]
        return [top, [h if self.grouped(c) else "" for c, h in enumerate(self.headers)]]


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Text:
    text: str


@dataclass
class Key:
    """The plan's key of abbreviations: a two-column table, or ``ABBR  expansion``
    paragraphs under a heading."""

    entries: list[tuple[str, str]]
    as_table: bool
    heading: str = "Key to abbreviations"


Block = Heading | Text | Key | Table


@dataclass
class Document:
    name: str  # file name without extension
    organisation: str
    title: str
    layout: str
    blocks: list[Block]
    bullet: str = "list"  # how this document prints bullet items: list, glyph, dash

    def gold(self) -> list[dict]:
        return [g for b in self.blocks if isinstance(b, Table) for r in b.rows for g in r.gold]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
