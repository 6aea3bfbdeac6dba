"""How plans print the things every reader must recognise, in one place:
bullet glyphs (Unicode and the Symbol/Wingdings private-use code points Word
writes), dash bullets, and action numbers at the start of a line or cell.

Readers import these instead of keeping their own diverging copies.
"""

from __future__ import annotations

import re

# Unicode bullets, squares, arrows and ticks, and the private-use code points of
# Word's Symbol (U+F0B7) and Wingdings (U+F0A7, U+F076, U+F0D8, U+F0FC, U+F0A8,
# U+F06E, U+F0E0) bullets as they come out of Word and PDF text layers.
BULLET_GLYPHS = ("•▪●◦‣∙·■□▫◆◇○➢➤►✓✔❖"
                 "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e0")
# and the letter "o" alone before the item's text: Word's second-level bullet (a
# Courier New "o"), which a PDF's text layer or a typed list prints as that letter;
# only at a line's start (never ``INLINE_BULLET``: the letter is inside words)
GLYPH_BULLET = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}]\s*|o\s+(?=\S))")
DASH_BULLET = re.compile(r"^\s*[-–]\s+")


def lone_mark(text: str) -> bool:
    """A cell or line that is one glyph and nothing else: a mark (a timeline's tick
    or dot under the period an action runs in), kept as printed, not an empty bullet
    item to drop. A dash alone is left to the rules that read it as "none"."""
    text = text.strip()
    return len(text) == 1 and text in BULLET_GLYPHS
INLINE_BULLET = re.compile(rf"\s*[{BULLET_GLYPHS.replace('·', '')}]\s*")

# An action/outcome number at a line start: "1", "12", "1.1", "1. 1", "13.10.",
# "1.1.1", "1000.1", "A 1", "A1", "B2.3" -- followed by a space (or the end).
NUMBERED = re.compile(
    r"^\s*(?:[A-Z]\s?\d{1,4}(?:\s?\.\s?\d{1,3}){0,2}|\d{1,4}(?:\s?\.\s?\d{1,3}){0,2})\.?(?:\s|$)")
