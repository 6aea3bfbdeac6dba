"""A table's header in a one-cell-per-line export, to find its repeats at page
tops (``cell_rows`` asks at every row start of every width it tries)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from planextract.extract.text.cell_labels import MAX_LABEL_CHARS, word_set

if TYPE_CHECKING:
    from planextract.extract.text.cell_items import RawCell


@lru_cache(maxsize=1 << 13)
def _opens(first: str, second: str, text: str) -> bool:
    """``text`` names ``first`` or ``second`` (lower case labels) as ``Header.index_of``
    finds it: remembered by the two labels and the text, since every width tried
    and every table under the same header asks it of the same row starts."""
    norm = text.lower()
    if not norm or len(norm) > MAX_LABEL_CHARS:
        return False
    words = word_set(norm)
    return any(norm == label or (words and words <= word_set(label))
               for label in (first, second))


def forget() -> None:
    """Empty the remembered answers once an export is read (``cell_labels.forget``)."""
    _opens.cache_clear()


class Header:
    """The table's own header labels (every header row, in order), to
    recognise their repeats."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = [label.lower() for label in labels]
        self.label_words = [word_set(label) for label in self.labels]
        self.first_empty = bool(self.labels) and not self.labels[0]
        self.filled = sum(1 for label in self.labels if label)  # asked at every row start

    def may_open(self, label: str) -> bool:
        """A repeat can start at a cell with text ``label``: empty when the header's
        first label is, else one of the header's first two labels (``repeat_at``
        gives 0 for any other cell without looking further)."""
        if not label:
            return self.first_empty
        return len(label) <= MAX_LABEL_CHARS and _opens(self.labels[0], self.labels[1], label)

    def label_of(self, cell: RawCell, after: int, before: int | None = None) -> int | None:
        """The index of the header label ``cell`` repeats (whole, or a piece
        of a label broken over two cells), at or after ``after`` and before
        ``before`` (all the labels when None)."""
        return self.index_of(cell.label, after, before)

    def index_of(self, text: str, after: int, before: int | None = None) -> int | None:
        """``label_of`` a cell whose text is ``text``."""
        norm = text.lower()
        if not norm or len(norm) > MAX_LABEL_CHARS:
            return None
        cell_words = word_set(norm)
        end = len(self.labels) if before is None else min(before, len(self.labels))
        for index in range(after, end):
            if norm == self.labels[index] or (cell_words and cell_words <= self.label_words[index]):
                return index
        return None

    def repeat_at(self, cells: list[RawCell], start: int) -> int:
        """How many cells from ``start`` repeat the header (0 when none): two
        or more labels in the header's order, the first one of its first two,
        empty cells between them; text longer than a label never is one."""
        if start >= len(cells):
            return 0
        first = cells[start].label
        if not first:
            if not self.first_empty:
                return 0
        elif len(first) > MAX_LABEL_CHARS:  # lower case is never shorter: no label
            return 0
        end, matched, at = start, 0, 0
        for index in range(start, min(len(cells), start + len(self.labels) + 2)):
            cell = cells[index]
            if not cell.label:
                continue
            # the first label must be one of the header's first two: a cell naming
            # none of them ends the repeat whichever later label it names
            label = self.label_of(cell, at, 2 if matched == 0 else None)
            if label is None or (matched == 0 and label > 1):
                break
            matched += 1
            at = label + 1
            end = index + 1
        if matched < min(2, self.filled):
            return 0
        if matched == self.filled:  # the whole header repeated: its empty cells after the last
            while end < len(cells) and not cells[end].label and end - start < len(self.labels):
                end += 1
        return end - start
