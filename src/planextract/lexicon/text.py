"""Whitespace collapsed the one way every layer compares printed text."""

from __future__ import annotations

from planextract.memo import per_document
from planextract.settings import DEFAULT


@per_document(DEFAULT.memo.cells)  # a document's cells: bounded, emptied when it is done
def squash(text: str) -> str:
    """Collapse all whitespace, line breaks included, to single spaces.
    Remembered: every rule squashes the same cells again (issue 11)."""
    return " ".join(text.split())


@per_document(DEFAULT.memo.cells)  # a document's cells: bounded, emptied when it is done
def squash_lines(text: str) -> str:
    """Collapse spaces within lines, keep line breaks, drop empty lines.
    Remembered: a row's cells are read again for each field (issue 11)."""
    lines = (" ".join(ln.split()) for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)
