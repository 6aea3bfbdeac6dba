"""What the PDF reader needs from a page: its words (with position, font size
and weight) and its ruling lines, read with pypdfium2.

pypdfium2 (which pdfplumber itself depends on) reads a page's glyphs and
paths in a few milliseconds, where pdfplumber's pdfminer parse takes tens:
on ruled plan tables that parse is nearly all of the time, so the reader
takes its glyphs and rules from here. Pages are yielded one at a time and
closed before the next is opened, so memory does not grow with the page
count. Coordinates are pdfplumber's: points from the top-left corner.

Glyphs are read in bulk (glyphs.py, word_runs.py, paths.py: one text call a
page, cffi calls through ``map``, numpy for the word rule); the functions here
that read one glyph at a time are the reference the bulk reader is tested
against, chosen with ``PdfSettings.glyph_reader = "reference"``.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from planextract.extract.pdf import glyphs as bulk
from planextract.extract.pdf.paths import cffi_paths, pdfium_paths
from planextract.extract.pdf.word_runs import runs
from planextract.settings import DEFAULT, PdfSettings

_SPACES = set(bulk.SPACES)
_BREAKS = set(bulk.BREAKS)
_LINE_END_HYPHEN = bulk.LINE_END_HYPHEN
_FORM_DEPTH = 8  # Form XObjects nested deeper than this are not looked into


# Word and Rule are made by the hundred a page: slotted and not frozen, since a
# frozen dataclass's __init__ sets each field through object.__setattr__ and
# costs five times as much; never changed after they are made, and hashed by
# value (unsafe_hash) as the frozen classes were.
@dataclass(slots=True, unsafe_hash=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(slots=True, unsafe_hash=True)
class Rule:
    """An axis-aligned ruling line, horizontal when wider than it is tall."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.bottom - self.top <= self.x1 - self.x0


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    chars: int = 0
    # filled row backgrounds (x0, top, x1, bottom): shaded boxes, and white ones
    # that abut a shaded box of the same width (rows shaded alternately, the
    # white rows drawn too); each is one row of its table
    bands: list[tuple[float, float, float, float]] = field(default_factory=list)


@dataclass
class _Glyph:
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    index: int  # in the text page, to ask for the font only once a word


def pages(document: pdfium.PdfDocument, settings: PdfSettings = DEFAULT.pdf
          ) -> Iterator[PageContent]:
    """Each page's words and rules, one page in memory at a time."""
    scratch = bulk.Scratch() if _bulk(settings) else None
    for index in range(len(document)):
        page = document[index]
        try:
            yield read_page(page, index + 1, settings, scratch)
        finally:
            page.close()


def _bulk(settings: PdfSettings) -> bool:
    """Whether glyphs are read in bulk (glyphs.py) or one at a time here (the
    reference both are tested against: same words, same rules)."""
    if settings.glyph_reader not in ("bulk", "reference"):
        raise ValueError(f"glyph_reader is 'bulk' or 'reference', not {settings.glyph_reader!r}")
    return settings.glyph_reader == "bulk" and bulk.available()


@dataclass(frozen=True)
class Transform:
    """An axis-preserving affine map: displayed x = a*x + c*y + e, displayed
    top = b*x + d*y + f. Coefficients, not a function, so the glyph loop
    does its arithmetic inline."""

    a: float
    b: float
    c: float
    d: float
    e: float
    f: float

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f


def display_transform(rotation: int, box: tuple[float, float, float, float]
                      ) -> tuple[Transform, float, float]:
    """From PDF user space (the page's ``box``, unrotated) to the page as
    displayed (origin top-left, ``/Rotate`` applied, clockwise), and the
    displayed width and height. pdfium gives glyph boxes and paths unrotated:
    a landscape table on a page turned by ``/Rotate 90`` is drawn sideways."""
    left, low, right, high = box
    width, height = right - left, high - low
    if rotation == 90:  # (y - low, x - left)
        return Transform(0, 1, 1, 0, -low, -left), height, width
    if rotation == 180:  # (right - x, y - low)
        return Transform(-1, 0, 0, 1, right, -low), width, height
    if rotation == 270:  # (high - y, right - x)
        return Transform(0, -1, -1, 0, high, right), height, width
    return Transform(1, 0, 0, -1, -left, high), width, height  # (x - left, high - y)


def read_page(page: pdfium.PdfPage, number: int, settings: PdfSettings = DEFAULT.pdf,
              scratch: bulk.Scratch | None = None) -> PageContent:
    transform, width, height = display_transform(page.get_rotation() % 360,
                                                 page.get_cropbox())
    textpage = page.get_textpage()
    try:
        read = None
        if _bulk(settings):
            read = _bulk_words(textpage, transform, scratch or bulk.Scratch(), settings)
        words, chars = read or _reference_words(textpage, transform, settings)
    finally:
        textpage.close()
    bands: list[tuple[float, float, float, float]] = []
    content = PageContent(number, width, height, words=words,
                          rules=_rules(page, transform, width * height, settings, bands,
                                       fast=_bulk(settings)))
    content.bands = row_bands(bands, settings.snap)
    content.chars = chars
    return content


def _reference_words(textpage: pdfium.PdfTextPage, transform: Transform,
                     settings: PdfSettings) -> tuple[list[Word], int]:
    """Words and the count of printed characters, one glyph at a time."""
    fonts: dict[int | None, bool] = {}
    glyphs = _glyphs(textpage, transform)
    words = _words(glyphs, lambda index: _bold(textpage.raw, index, fonts,
                                               settings.bold_weight), settings)
    return words, sum(1 for g in glyphs if not g.char.isspace())


def _bulk_words(textpage: pdfium.PdfTextPage, transform: Transform, scratch: bulk.Scratch,
                settings: PdfSettings) -> tuple[list[Word], int] | None:
    """The same, read and grouped in bulk; None where the page holds a value
    that is not a number (the reference then reads it)."""
    glyphs = bulk.read(textpage.raw, transform, scratch)
    if glyphs is None:
        return None
    found = runs(glyphs, settings)
    font_of_word = bulk.fonts(textpage.raw, found.first)
    # each font's weight asked once, through the first word set in it (the
    # reversed pairs leave each font its first word)
    first_word = dict(zip(reversed(font_of_word), reversed(found.first)))
    fonts: dict[int | None, bool] = {}
    heavy = {font: _bold(textpage.raw, index, fonts, settings.bold_weight)
             for font, index in first_word.items()}
    bold = list(map(heavy.__getitem__, font_of_word))
    words = list(map(Word, found.text, found.x0, found.x1, found.top, found.bottom,
                     found.size, bold))
    return words, len("".join(glyphs.text.split()))


def _glyphs(textpage: pdfium.PdfTextPage, t: Transform) -> list[_Glyph]:
    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    out: list[_Glyph] = []
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code in _BREAKS:
            continue
        if code == _LINE_END_HYPHEN:
            code = ord("-")
        if code in _SPACES:
            out.append(_Glyph(" ", 0, 0, 0, 0, 0, 0, index))
            continue
        # the loose box spans the glyph's advance, as pdfminer's does, not its ink
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
        pdfium_c.FPDFText_GetCharOrigin(raw, index, ox, oy)
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        # the em box from the baseline, not the ink: every glyph of a line
        # then shares its top and bottom, whatever its shape
        baseline = t.b * ox.value + t.d * oy.value + t.f
        x0 = t.a * box.left + t.c * box.bottom + t.e
        x1 = t.a * box.right + t.c * box.top + t.e
        if x1 < x0:  # a page turned by 180 or 270 degrees reads the box backwards
            x0, x1 = x1, x0
        out.append(_Glyph(chr(code), x0, x1, baseline - 0.8 * size,
                          baseline + 0.2 * size, baseline, size, index))
    return out


_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def _bold(raw, index: int, cache: dict[int | None, bool], heavy: int = 600) -> bool:
    """Whether the glyph's font is bold: by its weight where the PDF gives one,
    else by its name (the standard fonts, e.g. Helvetica-Bold, carry no
    weight). Looked up once per font."""
    font = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(raw, index))
    key = ctypes.cast(font, ctypes.c_void_p).value
    if key not in cache:
        weight = pdfium_c.FPDFFont_GetWeight(font) if key else -1
        name = ctypes.create_string_buffer(256)
        if key:
            pdfium_c.FPDFFont_GetBaseFontName(font, name, 256)
        lowered = name.value.decode("latin-1").lower()
        cache[key] = weight >= heavy or any(n in lowered for n in _BOLD_NAMES)
    return cache[key]


def _words(glyphs: list[_Glyph], bold_of: Callable[[int], bool],
           settings: PdfSettings = DEFAULT.pdf) -> list[Word]:
    """Glyphs in content order grouped into words: a word ends at a space, at
    a jump to another line or back along it, or at a gap wider than
    ``word_gap`` (a share of the font size)."""
    word_gap, same = settings.word_gap, settings.same_line
    words: list[Word] = []
    current: list[_Glyph] = []

    def flush() -> None:
        if current:
            words.append(Word("".join(g.char for g in current), min(g.x0 for g in current),
                              max(g.x1 for g in current), min(g.top for g in current),
                              max(g.bottom for g in current), max(g.size for g in current),
                              bold_of(current[0].index)))
            current.clear()

    for glyph in glyphs:
        if glyph.char == " ":
            flush()
            continue
        if current:
            last = current[-1]
            same_line = abs(glyph.baseline - last.baseline) < same * max(glyph.size, 1)
            gap = glyph.x0 - last.x1
            # a ligature's letters share one box, so only a jump back past the
            # last glyph's start is a new word
            back = glyph.x0 < last.x0 - same * max(glyph.size, 1)
            if not same_line or gap > word_gap * max(glyph.size, 1) or back:
                flush()
        current.append(glyph)
    flush()
    return words


def _rules(page: pdfium.PdfPage, transform: Transform, area: float,
           settings: PdfSettings = DEFAULT.pdf,
           boxes: list[tuple[float, float, float, float, bool]] | None = None,
           fast: bool = False) -> list[Rule]:
    """Axis-aligned straight segments of every stroked path; the centre line
    of thin filled boxes (some writers draw borders as narrow rectangles);
    the top and bottom edges of shaded boxes (rows told apart by alternating
    shading, no lines), but not of a page's background or a white box. The
    filled boxes, white or not, go to ``boxes`` (x0, top, x1, bottom, white).
    ``fast``: the paths read through cffi rather than pypdfium2's helpers."""
    out: list[Rule] = []
    thin = settings.thin_box
    # the transform's terms, for the segments' points below (the same
    # arithmetic as Transform.__call__, without a call per point)
    ta, tb, tc, td, te, tf = (transform.a, transform.b, transform.c, transform.d,
                              transform.e, transform.f)
    for path in (cffi_paths if fast else pdfium_paths)(page, _FORM_DEPTH):
        ax, ay, bx, by = path.bounds()
        fill, stroke = path.draw_mode()
        if fill and not stroke:  # only a filled box needs its bounds displayed
            (ax, ay), (bx, by) = transform(ax, ay), transform(bx, by)
            x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
            if (x1 - x0 <= thin) != (bottom - top <= thin):
                if x1 - x0 <= thin:
                    mid = (x0 + x1) / 2
                    out.append(Rule(mid, top, mid, bottom))
                else:
                    mid = (top + bottom) / 2
                    out.append(Rule(x0, mid, x1, mid))
            elif (x1 - x0) * (bottom - top) <= settings.shade_max * area:
                white = _white(path.fill_colour())
                if not white:
                    out.extend([Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom)])
                if boxes is not None:
                    boxes.append((x0, top, x1, bottom, white))
            continue
        a, b, c, d, e, f = path.matrix()
        points = []
        for kind, x, y, closes in path.segments():
            # the point through the object's matrix as pypdfium2's
            # PdfMatrix.on_point, then displayed
            px, py = a * x + c * y + e, b * x + d * y + f
            points.append((kind, ta * px + tc * py + te, tb * px + td * py + tf, closes))
        out.extend(_segments(points, settings.straight))
    return out


def row_bands(boxes: list[tuple[float, float, float, float, bool]], snap: float
              ) -> list[tuple[float, float, float, float]]:
    """The filled boxes that are row backgrounds: every shaded one, and a white
    one where it abuts a row background of the same left and right edges above
    or below (alternate rows filled white, as some writers draw them). Found by
    sorting, not by comparing every box with every other."""
    def key(box: tuple[float, float, float, float, bool]) -> tuple[int, int]:
        return round(box[0] / snap), round(box[2] / snap)

    by_width: dict[tuple[int, int], list[tuple[float, float, float, float, bool]]] = {}
    for box in boxes:
        by_width.setdefault(key(box), []).append(box)
    out: list[tuple[float, float, float, float]] = []
    for column in by_width.values():
        column.sort(key=lambda b: b[1])
        keep = [not b[4] for b in column]
        # a white box abutting a kept one is kept, down and then up the chain
        for order in (range(1, len(column)), range(len(column) - 2, -1, -1)):
            for i in order:
                j = i - 1 if order.step == 1 else i + 1
                upper, lower = (column[j], column[i]) if j < i else (column[i], column[j])
                if keep[j] and not keep[i] and abs(upper[3] - lower[1]) <= snap:
                    keep[i] = True
        out.extend(b[:4] for b, k in zip(column, keep) if k)
    return sorted(out, key=lambda b: (b[1], b[0]))


def _white(colour: tuple[int, int, int, int] | None) -> bool:
    """A box filled white (or not at all visibly): paper, not shading."""
    if colour is None:
        return False
    r, g, b, a = colour
    return a == 0 or min(r, g, b) >= 250


def _segments(points: list[tuple[int, float, float, bool]], slack: float = 1.0) -> list[Rule]:
    """Straight horizontal or vertical pieces of one path."""
    out: list[Rule] = []
    start: tuple[float, float] | None = None
    previous: tuple[float, float] | None = None
    for kind, x, y, closes in points:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = previous = (x, y)
            continue
        if previous is not None and kind == pdfium_c.FPDF_SEGMENT_LINETO:
            out.extend(_straight(previous, (x, y), slack))
        previous = (x, y)
        if closes and start is not None:
            out.extend(_straight(previous, start, slack))
            previous = start
    return out


def _straight(a: tuple[float, float], b: tuple[float, float], slack: float) -> list[Rule]:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= slack and abs(ax - bx) > slack:
        y = (ay + by) / 2
        return [Rule(min(ax, bx), y, max(ax, bx), y)]
    if abs(ax - bx) <= slack and abs(ay - by) > slack:
        x = (ax + bx) / 2
        return [Rule(x, min(ay, by), x, max(ay, by))]
    return []
