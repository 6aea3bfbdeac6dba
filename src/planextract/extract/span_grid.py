"""Cells as a page prints them, spans and all, laid out on a full grid.

Kept apart from the HTML reader because the rule is the same for any format that
prints a cell once and says how many rows and columns it covers (HTML's
``rowspan``/``colspan``, OpenDocument's ``number-rows-spanned``): the readers after it
see one cell a column in every row, as Word's ``vMerge`` gives them.
"""

from __future__ import annotations

from planextract.extract.model import Cell


def expand_spans(rows: list[list[tuple[Cell, int, int]]],
                 covered: list[tuple[int, ...]] | None = None) -> list[list[Cell]]:
    """(cell, rowspan, colspan) as printed to a full grid: a cell spanning
    columns is followed by empty cells, the rows below a cell spanning rows
    get an empty cell in its columns (as Word's ``vMerge``); rows are padded
    to the widest. A rowspan of 0 runs to the last row. ``covered``, if given,
    gets each row's columns a cell spanning rows covers (``Row.covered``)."""
    carried: dict[int, int] = {}  # column -> rows below still covered from above
    grid: list[list[Cell]] = []
    for index, printed in enumerate(rows):
        cells: list[Cell] = []
        under: list[int] = []
        queue = list(printed)
        while queue or any(v > 0 for c, v in carried.items() if c >= len(cells)):
            column = len(cells)
            if carried.get(column, 0) > 0:
                carried[column] -= 1
                if covered is not None:
                    under.append(column)
                cells.append(Cell())
                continue
            if not queue:
                cells.append(Cell())  # a missing cell before a column spanned from above
                continue
            cell, rowspan, colspan = queue.pop(0)
            cells.append(cell)
            cells.extend(Cell() for _ in range(colspan - 1))
            rowspan = len(rows) - index if rowspan == 0 else rowspan
            for col in range(column, column + colspan):
                carried[col] = rowspan - 1
        grid.append(cells)
        if covered is not None:
            covered.append(tuple(under))
    width = max((len(r) for r in grid), default=0)
    return [r + [Cell() for _ in range(width - len(r))] for r in grid]
