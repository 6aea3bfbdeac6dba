"""Glyphs grouped into words in bulk: the rule of page.py's ``_words`` (a word
ends at a space, at a jump to another line or back along it, or at a gap
wider than ``word_gap`` font sizes), decided for every glyph at once with
numpy instead of one glyph at a time in Python.

Each test compares a glyph with the one just before it, as ``_words`` does
with the last glyph of the word in progress: that glyph is always the one
just before, unless a space came between (which ends the word anyway).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planextract.extract.pdf.glyphs import Glyphs
from planextract.settings import DEFAULT, PdfSettings


@dataclass
class Runs:
    """One entry a word: its text, extent, largest font size and the page
    character index of its first glyph (whose font says whether it is bold)."""

    text: list[str]
    x0: list[float]
    x1: list[float]
    top: list[float]
    bottom: list[float]
    size: list[float]
    first: list[int]


def word_starts(glyphs: Glyphs, settings: PdfSettings = DEFAULT.pdf) -> np.ndarray:
    """Whether each glyph opens a new word."""
    starts = glyphs.after_space.copy()
    if glyphs.x0.size < 2:
        return starts
    x0, x1, baseline = glyphs.x0, glyphs.x1, glyphs.baseline
    scale = np.maximum(glyphs.size[1:], 1.0)
    same = settings.same_line * scale
    other_line = ~(np.abs(baseline[1:] - baseline[:-1]) < same)
    wide_gap = (x0[1:] - x1[:-1]) > settings.word_gap * scale
    # a ligature's letters share one box, so only a jump back past the
    # last glyph's start is a new word
    back = x0[1:] < x0[:-1] - same
    starts[1:] |= other_line | wide_gap | back
    return starts


def runs(glyphs: Glyphs, settings: PdfSettings = DEFAULT.pdf) -> Runs:
    """The page's words, as columns."""
    if not glyphs.x0.size:
        return Runs([], [], [], [], [], [], [])
    first = np.flatnonzero(word_starts(glyphs, settings))
    ends = np.append(first[1:], glyphs.x0.size)
    text = glyphs.text
    return Runs(list(map(text.__getitem__, map(slice, first.tolist(), ends.tolist()))),
                np.minimum.reduceat(glyphs.x0, first).tolist(),
                np.maximum.reduceat(glyphs.x1, first).tolist(),
                np.minimum.reduceat(glyphs.top, first).tolist(),
                np.maximum.reduceat(glyphs.bottom, first).tolist(),
                np.maximum.reduceat(glyphs.size, first).tolist(),
                glyphs.index[first].tolist())
