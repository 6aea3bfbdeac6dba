"""RAG colours: a row's red/amber/green/grey status, read from a RAG cell or
from a progress cell that holds nothing but a colour."""

from __future__ import annotations

import re

COLOURS = {"red": "red", "amber": "amber", "green": "green", "grey": "grey", "gray": "grey",
           "r": "red", "a": "amber", "g": "green", "yellow": "amber", "orange": "amber"}
# a colour word opening the cell and standing alone: "Amber - on track", "GREEN: done"
_WORD = re.compile(r"^\W*(red|amber|green|grey|gray|yellow|orange)\s*(?:$|[-–:/,;(\n])", re.I)


def colour(text: str | None) -> str | None:
    """The colour a RAG cell names (``Green``, ``G``, ``Amber - on track``), else None."""
    if not text:
        return None
    key = text.strip().lower().strip(".:")
    if key in COLOURS:
        return COLOURS[key]
    match = _WORD.match(text)
    return COLOURS[match.group(1).lower()] if match else None


def rag_and_progress(rag_cell: str | None, progress: str | None) -> tuple[str | None, str | None]:
    """(rag, progress) for a row. A RAG column gives the colour and the progress
    text stays whole; with no RAG column a progress cell that is only a colour
    word is the colour, not progress."""
    if rag_cell:
        return colour(rag_cell), progress
    found = colour(progress) if progress and len(progress.strip()) > 1 else None
    if found and progress.strip().lower().strip(".:") in COLOURS:
        return found, None
    return found, progress
