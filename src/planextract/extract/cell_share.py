"""One ``Cell`` per distinct raw text in a document, for the text readers.

A plan repeats its owners, dates, statuses and empty cells: in the generated
exports of issue 11 about three cells in four repeat one printed earlier. A
cell's parts are a pure function of its raw text in each reader, and a ``Cell``
is frozen, so the reader can hand every row printing the same text one object:
the parts are worked out once, and the cell (its parts tuple, text and raw
strings) is held once, not once a row (as the PDF stitcher already does).
"""

from __future__ import annotations

from collections.abc import Callable

from planextract.extract.model import Cell


class CellMaker:
    """``Cell(parts=parts_of(raw), raw=raw)``, made once per distinct ``raw`` for
    the life of the maker (one document's reading: the table is let go with it)."""

    __slots__ = ("_made", "_parts_of")

    def __init__(self, parts_of: Callable[[str], tuple[str, ...]]) -> None:
        self._made: dict[str, Cell] = {}
        self._parts_of = parts_of

    def __call__(self, raw: str) -> Cell:
        cell = self._made.get(raw)
        if cell is None:
            cell = self._made[raw] = Cell(parts=self._parts_of(raw), raw=raw)
        return cell
