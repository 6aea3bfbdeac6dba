"""Words grouped into printed lines: shared by the ruled and unruled table
finders and by the text outside tables."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from planextract.extract.pdf.page import Word
from planextract.settings import DEFAULT, PdfSettings

# keys read in C, not through a lambda: this runs for every cell of every table
_TOP_LEFT = attrgetter("top", "x0")
_LEFT = attrgetter("x0")


def printed_lines(words: Sequence[Word], settings: PdfSettings = DEFAULT.pdf
                  ) -> list[list[Word]]:
    """Words grouped into printed lines, top to bottom, left to right: a word
    joins the line above when its top is within ``same_line`` font sizes of
    that line's first word."""
    same = settings.same_line
    lines: list[list[Word]] = []
    line: list[Word] = []
    first = 0.0  # the top of the first word of ``line``
    for word in sorted(words, key=_TOP_LEFT):
        size = word.size
        # the scale is max(size, 1), written out (with max's own NaN behaviour)
        if line and abs(first - word.top) < same * (1 if 1 > size else size):
            line.append(word)
        else:
            line = [word]
            lines.append(line)
            first = word.top
    for line in lines:
        line.sort(key=_LEFT)
    return lines
