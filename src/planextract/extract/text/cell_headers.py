"""The headers a one-cell-per-line table may open with, and the cells around them.

Split from ``cell_rows`` (which weighs a reading's rows): every header of one or two
rows of 2 to ``MAX_HEADER_CELLS`` labels that passes the label, grid and sub-header
checks, found once for ``cell_choose.choose`` and its reference alike.
"""

from __future__ import annotations

from collections.abc import Iterator

from planextract.extract.text.cell_items import Loose, RawCell
from planextract.extract.text.cell_labels import is_label

MAX_HEADER_CELLS = 20
MAX_HEADER_ROWS = 2


def sub_header(top: list[str], lower: list[str]) -> bool:
    """``lower`` completes ``top`` as a second header row: each of its labels
    under an empty top cell or under a top label spanning on to the right
    (a merged cell), at least one under an empty one."""
    filled = [i for i, t in enumerate(lower) if t]
    if not filled or not any(not top[i] for i in filled):
        return False
    return all(not top[i] or (i + 1 < len(top) and not top[i + 1]) for i in filled)


def full_labels(items: list[RawCell | Loose], start: int, count: int
                 ) -> tuple[list[RawCell], list[str], int]:
    """The first ``count`` cells from ``items[start]``, their labels with the
    loose lines printed after each (a label broken over a blank line), and the
    index of the first item after them."""
    cells: list[RawCell] = []
    labels: list[str] = []
    index = start
    while index < len(items) and len(cells) < count:
        item = items[index]
        if isinstance(item, RawCell):
            cells.append(item)
            labels.append(item.label)
        elif labels:
            labels[-1] = f"{labels[-1]} {' '.join(item.text.split())}".strip()
        index += 1
    while len(cells) == count and index < len(items) and isinstance(items[index], Loose) \
            and len(items[index].text.split()) == 1:
        labels[-1] = f"{labels[-1]} {items[index].text.strip()}".strip()
        index += 1  # one word right after the header is more of its last label
    return cells, labels, index


def headers(items: list[RawCell | Loose], start: int
            ) -> Iterator[tuple[int, int, list[RawCell], list[str], int]]:
    """Each header the table at ``items[start]`` may have, as ``(rows, width, head,
    labels, body)`` (body: the first item after it), that passes the label, grid and
    sub-header checks: one loop for ``cell_choose.choose`` and its reference, which
    then differ only in how they weigh a reading."""
    heads: dict[int, tuple] = {}  # by how many cells: a header of two rows of w is one of 2w
    for rows in range(1, MAX_HEADER_ROWS + 1):
        for width in range(2, MAX_HEADER_CELLS + 1):
            found = heads.get(rows * width)
            if found is None:
                head, labels, body = found = heads[rows * width] = (
                    full_labels(items, start, rows * width))
            else:
                head, labels, body = found
            if len(head) < rows * width or not all(is_label(x) or not x for x in labels):
                break
            grid = [labels[r * width:(r + 1) * width] for r in range(rows)]
            if sum(1 for x in grid[0] if x) < 2 or any(not any(r) for r in grid):
                continue
            if rows == 2 and not sub_header(grid[0], grid[1]):
                continue
            yield rows, width, head, labels, body


def first_cell(items: list[RawCell | Loose], start: int) -> RawCell | None:
    """The first cell at or after ``start``, walked to by index: ``items[start:]``
    copied the rest of the file for every width tried (quadratic in the tables)."""
    for index in range(start, len(items)):
        item = items[index]
        if isinstance(item, RawCell):
            return item
    return None


def header_folds(items: list[RawCell | Loose]) -> list[tuple[RawCell, Loose]]:
    """Each loose line of the header given back to the label it breaks."""
    folds, owner = [], None
    for item in items:
        if isinstance(item, RawCell):
            owner = item
        elif owner is not None:
            folds.append((owner, item))
    return folds
