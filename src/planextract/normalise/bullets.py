"""Bullet items printed as paragraphs of their own belong to the action above.

A cell may print an action and then its items as separate paragraphs
(``<p>- training refreshed</p>``, Word paragraphs typed with ``•``). Only a
numbered paragraph opens a new action; a bulleted one is an item of the one
before it (CANONICAL.md: bullet items of one action joined with a newline,
bullet glyphs removed).
"""

from __future__ import annotations

from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET, NUMBERED


def _item(part: str) -> str | None:
    """The text of a bulleted paragraph without its glyph, or None."""
    for pattern in (GLYPH_BULLET, DASH_BULLET):
        match = pattern.match(part)
        if match:
            return part[match.end():].strip()
    return None


def join_items(parts: list[str]) -> list[str]:
    """Paragraphs of a cell with every bulleted one joined to the paragraph
    above it; a bullet before a number (``• 2.1 Develop``) still opens an action."""
    out: list[str] = []
    for part in parts:
        item = _item(part)
        if item is not None and out and not NUMBERED.match(item):
            out[-1] = f"{out[-1]}\n{item}"
        else:
            out.append(part)
    return out
