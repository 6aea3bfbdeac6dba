"""Whitespace collapsed the one way every layer compares printed text."""

from __future__ import annotations

from planextract.memo import per_document
from planextract.settings import DEFAULT


def spaced_once(text: str) -> bool:
    """``text`` is printable ASCII with single spaces between its words and none
    at either end: ``str.split`` and a join give it back as it is. Tested in C
    (``isascii`` reads a flag; printable ASCII holds no whitespace but the space),
    where splitting and joining made a list and a string of every cell (issue 11)."""
    return (type(text) is str and text.isascii() and text.isprintable()
            and "  " not in text and text[:1] != " " and text[-1:] != " ")


@per_document(DEFAULT.memo.cells)  # a document's cells: bounded, emptied when it is done
def squash(text: str) -> str:
    """Collapse all whitespace, line breaks included, to single spaces.
    Remembered: every rule squashes the same cells again (issue 11). Text with
    nothing to collapse is given back itself, not an equal copy: what remembers
    or keeps the result (a table's columns, the cache) then holds no second
    copy of every cell (issue 11: a long plan's peak memory)."""
    return text if spaced_once(text) else read_squash(text)


def read_squash(text: str) -> str:
    """``squash`` without the memory or the test for text already collapsed:
    the reference it is tested against."""
    out = " ".join(text.split())
    return text if out == text and type(text) is str else out


@per_document(DEFAULT.memo.cells)  # a document's cells: bounded, emptied when it is done
def squash_lines(text: str) -> str:
    """Collapse spaces within lines, keep line breaks, drop empty lines.
    Remembered: a row's cells are read again for each field (issue 11). Text
    with nothing to collapse is given back itself, as ``squash`` does (one line
    already collapsed has no line break to keep)."""
    return text if spaced_once(text) else read_squash_lines(text)


def read_squash_lines(text: str) -> str:
    """``squash_lines`` without the memory or the test for text already
    collapsed: the reference it is tested against."""
    lines = (" ".join(ln.split()) for ln in text.split("\n"))
    out = "\n".join(ln for ln in lines if ln)
    return text if out == text and type(text) is str else out


def forget() -> None:
    """Let the remembered texts go: once a document's drafts are made its cells
    are gone, and these caches alone kept up to 8,192 of them each alive through
    the rest of the run (issue 11: a long plan's peak memory)."""
    for cached in _REMEMBERED:
        cached.cache_clear()


_REMEMBERED = (squash, squash_lines)  # as defined (a test may swap the names)
