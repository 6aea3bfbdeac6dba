"""Words grouped into printed lines: shared by the ruled and unruled table
finders and by the text outside tables."""

from __future__ import annotations

from collections.abc import Sequence

from planextract.extract.pdf.page import Word
from planextract.settings import DEFAULT, PdfSettings


def printed_lines(words: Sequence[Word], settings: PdfSettings = DEFAULT.pdf
                  ) -> list[list[Word]]:
    """Words grouped into printed lines, top to bottom, left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) < settings.same_line * max(word.size, 1):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]
