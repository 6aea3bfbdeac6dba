"""A text page's glyphs as columns (numpy arrays), read with as few calls into
pdfium as the API allows: the page's text once (``FPDFText_GetText``), then
one box, one origin and one font size per glyph, made through cffi and
``map`` so no Python bytecode runs per character.

The values are those of page.py's reference reader (``_glyphs``), bit for
bit: the same pdfium calls on the same characters, the same arithmetic in
float64, in the same order. Where the page's text cannot be taken as one
code unit per character (a character outside the Basic Multilingual Plane,
a control character pdfium leaves out of the text), the characters are
asked for one by one, as the reference does.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np

from planextract.extract.pdf.pdfium_cffi import FFI, LIB, handle

SPACES = (0x20, 0xA0, 0x09)
BREAKS = (0x0A, 0x0D, 0xFFFE)
LINE_END_HYPHEN = 0x02  # pdfium's code for a hyphen ending a line
# FPDFText_GetText writes a line-end hyphen as 0xFFFE, where FPDFText_GetUnicode
# says 0x02: those few characters are asked for one by one
_TEXT_HYPHEN = 0xFFFE
_SURROGATES = (0xD800, 0xDFFF)


@dataclass
class Glyphs:
    """A page's glyphs in content order, line breaks left out, spaces kept as
    word ends. Arrays are indexed by the glyphs that are not spaces."""

    text: str  # the characters of the glyphs that are not spaces, in order
    index: np.ndarray  # each glyph's character index in the text page
    after_space: np.ndarray  # bool: a space (or the page start) comes just before it
    x0: np.ndarray
    x1: np.ndarray
    top: np.ndarray
    bottom: np.ndarray
    baseline: np.ndarray
    size: np.ndarray


class Scratch:
    """Buffers pdfium writes boxes and origins into, and cffi pointers to each
    slot, kept from page to page of one document (making a pointer costs as
    much as the call it is passed to). Not shared between threads."""

    def __init__(self) -> None:
        self.capacity = 0
        self.rects: Any = None
        self.origins: Any = None
        self.rect_slots: list = []
        self.x_slots: list = []
        self.y_slots: list = []

    def reserve(self, count: int) -> None:
        if self.rects is not None and count <= self.capacity:
            return
        capacity = max(count, 2 * self.capacity, 1024)
        self.rects = FFI.new("FS_RECTF[]", capacity)
        self.origins = FFI.new("double[]", 2 * capacity)
        self.rect_slots = list(map(self.rects.__add__, range(capacity)))
        self.x_slots = list(map(self.origins.__add__, range(0, 2 * capacity, 2)))
        self.y_slots = list(map(self.origins.__add__, range(1, 2 * capacity, 2)))
        self.capacity = capacity


def available() -> bool:
    """Whether the bulk reader can run (cffi bound to pdfium's library)."""
    return LIB is not None


def codes(text_page: Any, count: int) -> np.ndarray:
    """Every character's code point, as ``FPDFText_GetUnicode`` gives it,
    from one ``FPDFText_GetText`` call where that text maps one unit to one
    character."""
    buffer = FFI.new("unsigned short[]", count + 1)
    written = LIB.FPDFText_GetText(text_page, 0, count, buffer)
    units = np.frombuffer(FFI.buffer(buffer), dtype=np.uint16)[:count].astype(np.uint32)
    low, high = _SURROGATES
    if written != count + 1 or ((units >= low) & (units <= high)).any():
        return np.fromiter(map(LIB.FPDFText_GetUnicode, repeat(text_page, count), range(count)),
                           dtype=np.uint32, count=count)
    odd = np.flatnonzero(units == _TEXT_HYPHEN)
    if odd.size:
        units[odd] = list(map(LIB.FPDFText_GetUnicode, repeat(text_page, odd.size),
                              odd.tolist()))
    return units


def read(text_page: Any, transform: Any, scratch: Scratch) -> Glyphs | None:
    """The page's glyphs in display coordinates (``transform``: page.py's
    Transform), or None where a value is not a number (the reference's
    ``min``/``max`` then depend on order, so it reads that page itself)."""
    page = handle(text_page)
    count = max(LIB.FPDFText_CountChars(page), 0)
    every = codes(page, count) if count else np.zeros(0, dtype=np.uint32)
    every[every == LINE_END_HYPHEN] = ord("-")
    kept = np.flatnonzero(~np.isin(every, BREAKS))
    space = np.isin(every[kept], SPACES)
    solid = np.flatnonzero(~space)  # positions among the kept glyphs
    index = kept[solid]
    after_space = np.ones(solid.size, dtype=bool)
    after_space[1:] = np.diff(solid) != 1
    total = index.size
    scratch.reserve(total)
    indices = index.tolist()
    list(map(LIB.FPDFText_GetLooseCharBox, repeat(page, total), indices, scratch.rect_slots))
    list(map(LIB.FPDFText_GetCharOrigin, repeat(page, total), indices, scratch.x_slots,
             scratch.y_slots))
    size = np.fromiter(map(LIB.FPDFText_GetFontSize, repeat(page, total), indices),
                       dtype=np.float64, count=total)
    box = np.frombuffer(FFI.buffer(scratch.rects), dtype=np.float32, count=4 * total)
    left, top, right, bottom = box.reshape(total, 4).astype(np.float64).T
    origin = np.frombuffer(FFI.buffer(scratch.origins), dtype=np.float64, count=2 * total)
    ox, oy = origin.reshape(total, 2).T
    t = transform
    # the reference's arithmetic, term by term (page._glyphs)
    baseline = t.b * ox + t.d * oy + t.f
    x0 = t.a * left + t.c * bottom + t.e
    x1 = t.a * right + t.c * top + t.e
    backwards = x1 < x0  # a page turned by 180 or 270 degrees reads the box backwards
    x0, x1 = np.where(backwards, x1, x0), np.where(backwards, x0, x1)
    if np.isnan(x0).any() or np.isnan(x1).any() or np.isnan(baseline).any() \
            or np.isnan(size).any():
        return None
    return Glyphs(_text(every[index]), index, after_space, x0, x1, baseline - 0.8 * size,
                  baseline + 0.2 * size, baseline, size)


def fonts(text_page: Any, indices: list[int]) -> list[int]:
    """The address of the font of each character (0 where it has none): the
    key page.py's ``_bold`` caches a font's weight under. A text object has
    one font, and a page's words share a few dozen objects: each object's
    font is asked for once."""
    page = handle(text_page)
    objects = list(map(LIB.FPDFText_GetTextObject, repeat(page, len(indices)), indices))
    distinct = dict.fromkeys(objects)
    font_of = dict(zip(distinct, map(LIB.FPDFTextObj_GetFont, distinct)))
    return list(map(font_of.__getitem__, objects))


def _text(points: np.ndarray) -> str:
    """Code points as a string; ``chr`` one by one where UTF-32 will not do
    (a lone surrogate; past U+10FFFF, ``chr`` fails as the reference does)."""
    try:
        return points.astype("<u4").tobytes().decode("utf-32-le")
    except UnicodeDecodeError:
        return "".join(map(chr, points.tolist()))
