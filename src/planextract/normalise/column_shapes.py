"""What the shape of a table's cells says about a column, beside its words: numbers
that make one column the parent of another, and cells alone in their row (headings
printed across the table). Read by ``column_evidence``."""

from __future__ import annotations

import re

_NUMBER_FIRST = re.compile(r"^([A-Z]?\d{1,3}(?:\s?\.\s?\d{1,3}){0,2})[.)]?(?=\s|$)")
_SPACE = re.compile(r"\s")


def _number_first(text: str) -> tuple[str, str] | None:
    """The number a cell opens with (spaces out: ``1. 1`` is ``1.1``) and the text after."""
    match = _NUMBER_FIRST.match(text)
    return (_SPACE.sub("", match.group(1)), text[match.end():].strip()) if match else None


def numbers_parents(values: list[str], numbers: list[str]) -> bool:
    """``values`` number the rows' parents: half its filled cells or more open with a
    number and a text, and on every row where ``numbers`` (the actions' ids, or
    their text) opens with a number too, the first is the second's parent (``1 Staff
    feel safe`` beside ``1.1``; ``2.1 ...`` beside ``2.1.3``); one such row at least."""
    filled = numbered = parents = 0
    for value, number in zip(values, numbers):
        if not value:
            continue
        filled += 1
        own = _number_first(value)
        if own is None or not own[1]:
            continue  # a continuation's piece, a word
        numbered += 1
        child = _number_first(number)
        if child is None:
            continue  # a stacked cell's later row, an unnumbered action
        if not child[0].startswith(own[0] + "."):
            return False
        parents += 1
    return parents > 0 and numbered >= 0.5 * filled


def beside_others(columns: list[list[str]], index: int) -> list[str]:
    """Column ``index``'s cells with those alone in their row blanked: a row filling
    one cell of a wider table is a heading printed across it (an objective row, read
    as a heading by the rows), not a cell of the column."""
    column = columns[index] if index < len(columns) else []
    return [v if v and any(r < len(c) and c[r] for k, c in enumerate(columns) if k != index)
            else "" for r, v in enumerate(column)]
