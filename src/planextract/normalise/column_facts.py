"""What each column's cells say, read once and kept for every header a logical
table is weighed under (issue 11: a long export prints one logical table under
a header per plan, and each header's roles were weighed over all its rows again,
so the work grew with rows x headers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def filled_count(values: list[str]) -> int:
    """How many cells of the column hold text."""
    return sum(1 for v in values if v)


class ColumnFacts:
    """A table's columns with what the rules read from them, each read asked once.

    ``ask(read, i, *args)`` is ``read(column i, *args)``; ``pair(read, i, j)`` is
    ``read(column i, column j)``. ``read`` must be a pure function of the cells
    (and its arguments): its answer is kept for the next header. A column beyond
    the last is empty, as ``column_evidence.resolve`` pads them."""

    def __init__(self, columns: list[list[str]]) -> None:
        self.columns = columns
        self._known: dict[tuple, Any] = {}

    def column(self, index: int) -> list[str]:
        return self.columns[index] if index < len(self.columns) else []

    def ask(self, read: Callable[..., Any], index: int, *args: Any) -> Any:
        key = (read, index, args)
        if key not in self._known:
            self._known[key] = read(self.column(index), *args)
        return self._known[key]

    def pair(self, read: Callable[[list[str], list[str]], Any], first: int, second: int) -> Any:
        key = (read, first, second, None)
        if key not in self._known:
            self._known[key] = read(self.column(first), self.column(second))
        return self._known[key]
