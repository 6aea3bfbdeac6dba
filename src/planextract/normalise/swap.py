"""An owner and a date printed in each other's columns, swapped back."""

from __future__ import annotations

import re

from planextract.normalise import dates

_DIGIT = re.compile(r"\d")  # compiled once: asked of every action's date cell


def swapped(due: str | None, owner: str | None) -> bool:
    """True when the date column holds words with no digit that read as no date
    and the owner column reads as a date: the two were printed swapped."""
    if not due or not owner:
        return False
    return (dates.parse_due(due).kind == "unknown" and not _DIGIT.search(due)
            and dates.parse_due(owner).kind in dates.DEADLINE_KINDS)
