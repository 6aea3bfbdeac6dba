"""A table's header as a whole: its roles, its labels repeated at a page top,
and whether its roles make a table of actions. What one label means is
``lexicon.column_roles``.
"""

from __future__ import annotations

from collections.abc import Iterable

from planextract.lexicon.column_roles import role_of
from planextract.lexicon.text import squash


def header_roles(cells: list[str]) -> list[str]:
    return [role_of(c) for c in cells]


def header_labels(header: Iterable[str]) -> frozenset[str]:
    """The labels a header prints, as ``repeats_labels`` compares them: computed once
    per table rather than once per row (issue 11)."""
    return frozenset(squash(h).lower() for h in header if h.strip())


def repeats_labels(cells: list[str], labels: frozenset[str], squashed: bool = False) -> bool:
    """``repeats_header`` against labels from ``header_labels``; stops at the first
    cell that is not a label (most rows: their first cell). ``squashed``: the cells
    are squashed texts already (``layout.SquashedRows``), not squashed again (issue
    11: a call per row the layouts read)."""
    filled = False
    for cell in cells:
        if cell.strip():
            if (cell if squashed else squash(cell)).lower() not in labels:
                return False
            filled = True
    return filled


def repeats_header(cells: list[str], header: list[str]) -> bool:
    """A row that repeats (part of) the header at a page top."""
    return repeats_labels(cells, header_labels(header))


def is_action_table(roles: list[str]) -> bool:
    """Headers that can carry actions: a text column (action; else an outcome or
    an issue column, which then holds the actions) beside owners, dates, ids or
    progress."""
    has_text = any(r in roles for r in ("action", "issue", "outcome"))
    others = ("owner", "due", "action_id", "progress", "start", "rag", "owner_due")
    if "action" in roles:
        others = (*others, "outcome")
    return has_text and any(r in roles for r in others)
