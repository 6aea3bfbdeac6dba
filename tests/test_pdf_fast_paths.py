"""The PDF table finder's fast paths against the plain code they replaced.

Each reference below is the function as it was before the change, kept here:
``printed_lines`` (a lambda key, ``max`` per word), ``cell_raw`` (the
header-only letter and slack worked out for every line), ``page._rules`` (a
call of the transform per point), the grid's ``_by_position``
(the word tests as one expression) and ``_Index.covers`` (``any`` over
``covers_at``), the bold lookup (a font and a weight asked for every word).
They are compared on every call the reader makes on the samples and a
generated plan (the same objects, in the same order) and on generated words
and rules, NaN sizes and ties included. Times nothing.
"""

from __future__ import annotations

import bisect
import ctypes
import math
import pickle
import sys
from collections.abc import Sequence
from itertools import repeat
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import ROOT, SAMPLES
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planextract.extract.pdf import cell_text, grid, lines, unruled
from planextract.extract.pdf import glyphs as bulk
from planextract.extract.pdf import page as pdf_page
from planextract.extract.pdf.cell_text import (
    _DOTTED,
    _LETTERED,
    _same_letter,
    counted,
    fits_above,
)
from planextract.extract.pdf.grid import _Index, _Segment
from planextract.extract.pdf.page import _FORM_DEPTH, Rule, Word, _segments, _white
from planextract.extract.pdf.paths import cffi_paths, pdfium_paths
from planextract.extract.pdf.pdfium_cffi import LIB, handle
from planextract.extract.pdf.post_lines import posts_apart
from planextract.extract.pdf.reader import read_pdf
from planextract.settings import DEFAULT, PdfSettings

sys.path.insert(0, str(ROOT / "scripts"))
import bench_plan_pdf  # noqa: E402

# --- the references: the code as it was


def reference_printed_lines(words: Sequence[Word], settings: PdfSettings = DEFAULT.pdf
                            ) -> list[list[Word]]:
    lines_: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines_ and abs(lines_[-1][0].top - word.top) < settings.same_line * max(word.size, 1):
            lines_[-1].append(word)
        else:
            lines_.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines_]


def reference_cell_raw(lines_: Sequence[Sequence[Word]], left: float, right: float,
                       settings: PdfSettings = DEFAULT.pdf, header: bool = False) -> str:
    if not lines_:
        return ""
    room = right - left
    out = [" ".join(w.text for w in lines_[0])]
    numbered = bool(_DOTTED.match(out[0]))
    lettered = _LETTERED.match(out[0])
    count = counted(out[0])
    for previous, line in zip(lines_, lines_[1:]):
        last, first = previous[-1], line[0]
        text = " ".join(w.text for w in line)
        letter = (first.x1 - first.x0) / max(len(first.text), 1)
        slack = settings.cut_slack * max(last.size, 1)
        full = ((len(previous) == 1 and last.x1 - last.x0 >= settings.cut_fill * room)
                or (header and last.x1 >= right - min(letter, slack)
                    and previous[0].x0 <= left + slack))
        cut = (full and (last.x1 - last.x0) + (first.x1 - first.x0) > room
               and last.text[-1].isalpha() and first.text[0].islower()
               and not cell_text.links_on(line))
        if cut:
            out[-1] += text
        elif fits_above(previous, first, right, settings) or (
                numbered and _DOTTED.match(text)) or (
                lettered and _same_letter(lettered, text)) or (
                count is not None and counted(text) == count + 1) or (
                not header and posts_apart(out[-1].lstrip("\n"), text)):
            out.append("\n" + text)
            if count is not None and counted(text) == count + 1:
                count += 1
        else:
            out.append(text)
    return "\n".join(out)


def reference_rules(page, transform, area, settings=DEFAULT.pdf, boxes=None, fast=False):
    out: list[Rule] = []
    thin = settings.thin_box
    for path in (cffi_paths if fast else pdfium_paths)(page, _FORM_DEPTH):
        ax, ay, bx, by = path.bounds()
        (ax, ay), (bx, by) = transform(ax, ay), transform(bx, by)
        x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        fill, stroke = path.draw_mode()
        if fill and not stroke:
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
        points = [(kind, *transform(a * x + c * y + e, b * x + d * y + f), closes)
                  for kind, x, y, closes in path.segments()]
        out.extend(_segments(points, settings.straight))
    return out


def reference_by_position(words: Sequence[Word], xs: list[float], ys: list[float]
                          ) -> dict[tuple[int, int], list[Word]]:
    placed: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        if not (xs[0] <= cx <= xs[-1] and ys[0] <= cy <= ys[-1]):
            continue
        row = min(bisect.bisect_right(ys, cy) - 1, len(ys) - 2)
        col = min(bisect.bisect_right(xs, cx) - 1, len(xs) - 2)
        placed.setdefault((row, col), []).append(word)
    return placed


def reference_covers(index: _Index, at: float, point: float) -> bool:
    return any(index.covers_at(i, point, index.snap)
               for i in index.at_positions(at - index.snap, at + index.snap))


def _same_objects(a, b) -> bool:
    """Equal, and made of the very same words in the same order."""
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_objects(a[k], b[k]) for k in a)
    return len(a) == len(b) and all(
        _same_objects(x, y) if isinstance(x, list) else x is y for x, y in zip(a, b))


# --- every call the reader makes, checked against the reference


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> list[Path]:
    plan = tmp_path_factory.mktemp("plan") / "bench-plan.pdf"
    bench_plan_pdf.build(plan, 4)
    return sorted(SAMPLES.glob("*.pdf")) + [plan]


def test_every_call_on_real_pages_matches_the_references(pdfs, monkeypatch):
    calls = {"lines": 0, "placed": 0, "covers": 0, "raw": 0}

    def checked_raw(lines_, left, right, settings=DEFAULT.pdf, header=False):
        got = cell_text.cell_raw(lines_, left, right, settings, header)
        assert got == reference_cell_raw(lines_, left, right, settings, header)
        calls["raw"] += 1
        return got

    def checked_lines(words, settings=DEFAULT.pdf):
        got = lines.printed_lines(words, settings)
        assert _same_objects(got, reference_printed_lines(words, settings))
        calls["lines"] += 1
        return got

    def checked_placed(words, xs, ys):
        got = by_position(words, xs, ys)
        assert _same_objects(got, reference_by_position(words, xs, ys))
        calls["placed"] += 1
        return got

    def checked_covers(self, at, point):
        got = covers(self, at, point)
        assert got == reference_covers(self, at, point)
        calls["covers"] += 1
        return got

    by_position, covers = grid._by_position, _Index.covers
    monkeypatch.setattr(grid, "printed_lines", checked_lines)
    monkeypatch.setattr(unruled, "printed_lines", checked_lines)
    monkeypatch.setattr(grid, "_by_position", checked_placed)
    monkeypatch.setattr(grid, "cell_raw", checked_raw)
    monkeypatch.setattr(unruled, "cell_raw", checked_raw)
    monkeypatch.setattr(_Index, "covers", checked_covers)
    for path in pdfs:
        assert read_pdf(path.read_bytes()).blocks
    assert min(calls.values()) > 50  # the fast paths ran, and were checked


def test_rules_and_boxes_are_the_reference_ones(pdfs):
    """``_rules`` through either path reader, on every page of the samples,
    a generated plan and pages of Form XObjects, thin and shaded boxes,
    curves and diagonals on turned pages (test_pdf_page_bulk.MADE)."""
    from test_pdf_page_bulk import MADE

    datas = [p.read_bytes() for p in pdfs] + [MADE[name]() for name in (
        "forms-and-boxes", "rotated-90-180-270", "ruled-hyphen")]
    compared = 0
    for data in datas:
        document = pdfium.PdfDocument(data)
        for index in range(len(document)):
            page = document[index]
            transform, width, height = pdf_page.display_transform(
                page.get_rotation() % 360, page.get_cropbox())
            for fast in (True, False):
                boxes: list = []
                expected: list = []
                got = pdf_page._rules(page, transform, width * height, DEFAULT.pdf, boxes, fast)
                want = reference_rules(page, transform, width * height, DEFAULT.pdf,
                                       expected, fast)
                assert repr(got) == repr(want) and repr(boxes) == repr(expected)
                compared += len(got) + len(boxes)
            page.close()
        document.close()
    assert compared > 1000


# --- generated words and rules

_COORD = st.one_of(st.integers(0, 60).map(float), st.floats(0, 60, allow_nan=False))
_SIZE = st.sampled_from([0.5, 1.0, 8.0, 9.0, 12.0, math.nan])
_WORDS = st.lists(st.builds(
    lambda text, x, w, top, h, size: Word(text, x, x + w, top, top + h, size, False),
    st.sampled_from(["a", "bb", "c"]), _COORD, st.sampled_from([0.0, 3.0, 10.0]),
    _COORD, st.sampled_from([1.0, 6.0, 9.0]), _SIZE), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_WORDS)
def test_printed_lines_is_the_reference_rule(words):
    assert _same_objects(lines.printed_lines(words), reference_printed_lines(words))


_CELL_TEXT = st.sampled_from(["Manager", "Chief", "Executive", "staff", "1.2", "A3", "2.1",
                              "anti-", "discrimination", "Head", "of", "HR", "aracteristic"])
_LINE = st.lists(st.builds(
    lambda text, x, w, size: Word(text, x, x + w, 0.0, 9.0, size, False),
    _CELL_TEXT, _COORD, st.sampled_from([5.0, 20.0, 45.0, 58.0]),
    st.sampled_from([0.5, 9.0, math.nan])), min_size=1, max_size=4).map(
    lambda words: sorted(words, key=lambda w: w.x0))


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=5), st.sampled_from([0.0, 2.0]),
       st.sampled_from([40.0, 60.0, 100.0]), st.booleans())
# a header's one long word cut, though its line does not start at the left edge
@example([[Word("Executive", 10.0, 68.0, 0.0, 9.0, 9.0, False)],
          [Word("staff", 0.0, 20.0, 0.0, 9.0, 9.0, False)]], 0.0, 60.0, True)
def test_cell_raw_is_the_reference_text(lines_, left, right, header):
    assert (cell_text.cell_raw(lines_, left, right, DEFAULT.pdf, header)
            == reference_cell_raw(lines_, left, right, DEFAULT.pdf, header))


_BORDERS = st.lists(_COORD, min_size=2, max_size=6, unique=True).map(sorted)


# words centred on the grid's first and last borders, and on an inner one
_ON_BORDERS = [Word("a", x, x + 10.0, y, y + 6.0, 9.0, False)
               for x in (-5.0, 0.0, 5.0, 15.0, 25.0) for y in (-3.0, 7.0, 17.0, 27.0)]


@settings(max_examples=300, deadline=None)
@given(_WORDS, _BORDERS, _BORDERS)
@example(_ON_BORDERS, [0.0, 10.0, 20.0, 30.0], [0.0, 10.0, 20.0, 30.0])
def test_words_land_in_the_cells_the_reference_puts_them_in(words, xs, ys):
    assert _same_objects(grid._by_position(words, xs, ys),
                         reference_by_position(words, xs, ys))


_SEGMENTS = st.lists(st.builds(
    lambda at, start, length: _Segment(at, start, start + length),
    st.sampled_from([0.0, 1.0, 2.5, 10.0, 30.0]), _COORD, st.sampled_from([0.5, 3.0, 20.0])),
    min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_SEGMENTS, st.lists(st.tuples(_COORD, _COORD), min_size=1, max_size=10))
def test_covers_is_the_reference_lookup(segments, probes):
    index = _Index(grid._merge(segments, DEFAULT.pdf), DEFAULT.pdf.snap)
    for at, point in probes:
        assert index.covers(at, point) == reference_covers(index, at, point)


# --- fonts and bold, asked once an object and once a font


def test_fonts_as_pypdfium2_gives_them_character_by_character(pdfs):
    """``glyphs.fonts`` (a font asked once a text object) gives each character
    the font pypdfium2's own calls give it. (The words' bold flags are
    compared with the reference reader's in test_pdf_page_bulk.py.)"""
    checked = 0
    for path in pdfs:
        document = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            raw = text_page.raw
            count = pdfium_c.FPDFText_CountChars(raw)
            one_by_one = [ctypes.cast(pdfium_c.FPDFTextObj_GetFont(
                pdfium_c.FPDFText_GetTextObject(raw, i)), ctypes.c_void_p).value or 0
                for i in range(count)]
            assert bulk.fonts(raw, list(range(count))) == one_by_one
            checked += count
            text_page.close()
            page.close()
        document.close()
    assert checked > 1000


def test_a_font_is_asked_for_once_per_text_object(monkeypatch):
    """Fewer font calls than characters on a dense page: the point of asking
    once an object."""
    asked = []
    document = pdfium.PdfDocument(_one_page_plan())
    text_page = document[0].get_textpage()
    raw = handle(text_page.raw)
    count = LIB.FPDFText_CountChars(raw)
    objects = set(map(LIB.FPDFText_GetTextObject, repeat(raw, count), range(count)))
    real = bulk.LIB

    class Counting:
        def __getattr__(self, name):
            return getattr(real, name)

        def FPDFTextObj_GetFont(self, obj):  # noqa: N802 (pdfium's name)
            asked.append(obj)
            return real.FPDFTextObj_GetFont(obj)

    monkeypatch.setattr(bulk, "LIB", Counting())
    bulk.fonts(text_page.raw, list(range(count)))
    assert sorted(asked) == sorted(objects) and len(asked) < count / 5
    text_page.close()
    document.close()


def _one_page_plan() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "plan.pdf"
        bench_plan_pdf.build(target, 1)
        return target.read_bytes()


# --- Word and Rule: slotted, not frozen, still values


def test_words_and_rules_compare_hash_and_pickle_by_value():
    word = Word("Action", 1.0, 20.5, 3.0, 12.0, 9.0, True)
    twin = Word("Action", 1.0, 20.5, 3.0, 12.0, 9.0, True)
    assert word == twin and hash(word) == hash(twin) and len({word, twin}) == 1
    assert word != Word("Action", 1.0, 20.5, 3.0, 12.0, 9.0, False)
    assert pickle.loads(pickle.dumps(word)) == word
    rule = Rule(0.0, 5.0, 100.0, 5.0)
    assert rule.horizontal and {rule: 1}[Rule(0.0, 5.0, 100.0, 5.0)] == 1
    assert pickle.loads(pickle.dumps(rule)) == rule
    assert repr(word).startswith("Word(text='Action', x0=1.0")
    assert not hasattr(word, "__dict__")  # slotted: no dict a word


def test_every_buffer_type_the_reader_makes_is_parsed_at_import():
    """pdfium_cffi.C_TYPES parses at import the types glyphs.py, paths.py and
    pdfium_cffi.py make buffers and casts of, so no page pays cffi's parser:
    a type added to those modules and not to the list fails here."""
    import re

    from planextract.extract.pdf import pdfium_cffi

    folder = Path(pdfium_cffi.__file__).parent
    used = {match for name in ("glyphs.py", "paths.py", "pdfium_cffi.py")
            for match in re.findall(r'FFI\.(?:new|cast)\("([^"]+)"',
                                    (folder / name).read_text())}
    assert used and used <= set(pdfium_cffi.C_TYPES)
