"""The bulk page reader (extract/pdf/glyphs.py, word_runs.py: text once a
page, per-glyph calls through cffi, words grouped with numpy) against the
reference reader it replaced (page.py's ``_glyphs``/``_words``: one glyph at a
time through pypdfium2), kept behind ``PdfSettings.glyph_reader="reference"``.

Both read the same PDFs in the same test run and must give exactly the same
words, rules and character counts (compared by ``repr``, so even -0.0 against
0.0 would show), then exactly the same datasets. Times nothing.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from io import BytesIO
from itertools import repeat
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from conftest import ROOT, SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

from planextract.extract.pdf import glyphs as bulk
from planextract.extract.pdf import page as pdf_page
from planextract.extract.pdf.page import Word, _Glyph, _words
from planextract.extract.pdf.pdfium_cffi import LIB, handle
from planextract.extract.pdf.word_runs import runs
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT, PdfSettings

sys.path.insert(0, str(ROOT / "scripts"))
import bench_plan_pdf  # noqa: E402
from corpus.build import generate  # noqa: E402

REFERENCE = replace(DEFAULT.pdf, glyph_reader="reference")
PDF_FORMATS = ["pdf-grid", "pdf-hrules", "pdf-norules", "pdf-shaded", "pdf-rotated"]


# --- PDFs that differ from the samples in what the bulk reader must survive


def _canvas_pdf(draw, pages: int = 1, rotations: tuple[int, ...] = (0,)) -> bytes:
    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=(420, 300))
    for number in range(pages):
        c.setPageRotation(rotations[number % len(rotations)])
        draw(c, number)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _table_page(c, number: int) -> None:
    """A small ruled table, a bold heading, a line ending in a hyphen."""
    c.setFont("Helvetica-Bold", 12)
    c.drawString(30, 270, f"OBJECTIVE {number + 1}: STAFF WELL-BEING")
    c.setFont("Helvetica", 9)
    c.drawString(35, 240, "Promote staff well-")
    c.drawString(35, 229, "being and equality")
    c.drawString(205, 240, "HR Manager")
    c.drawString(305, 240, "31.3.11")
    for y in (250, 220):
        c.line(30, y, 400, y)
    for x in (30, 200, 300, 400):
        c.line(x, 250, x, 220)


def _forms_and_boxes(c, number: int) -> None:
    """Rules inside Form XObjects (one nested in another), thin filled boxes,
    shaded and white boxes, a curve and a diagonal."""
    c.beginForm(f"inner{number}")
    c.line(30, 100, 400, 100)
    c.line(200, 100, 200, 60)
    c.endForm()
    c.beginForm(f"outer{number}")
    c.line(30, 60, 400, 60)
    c.doForm(f"inner{number}")
    c.endForm()
    c.doForm(f"outer{number}")
    c.rect(30, 200, 370, 0.6, stroke=0, fill=1)  # a border drawn as a thin box
    c.rect(30, 120, 0.6, 80, stroke=0, fill=1)
    c.setFillGray(0.85)
    c.rect(30, 150, 370, 20, stroke=0, fill=1)  # a shaded row
    c.setFillGray(1)
    c.rect(30, 170, 370, 20, stroke=0, fill=1)  # a white one: paper
    c.setFillGray(0)
    c.bezier(40, 30, 80, 50, 120, 10, 160, 30)
    c.line(200, 10, 260, 40)
    c.setFont("Helvetica", 9)
    c.drawString(35, 155, "Shaded row text")
    c.drawString(35, 75, "Text in the ruled part")


def _growing_page(c, number: int) -> None:
    """A near-empty page, then pages of more glyphs than the first buffers hold."""
    c.setFont("Helvetica", 6)
    for row in range(2 + 40 * number):
        c.drawString(10, 290 - 7 * row, f"{row}. monitor equality data ffi office " * 3)


def _tounicode_pdf(text: bytes, maps: dict[int, str]) -> bytes:
    """One page of ``text`` in Helvetica whose ToUnicode CMap maps codes to the
    UTF-16 given: a character outside the BMP, a control character pdfium
    leaves out of its page text."""
    pairs = "".join(f"<{code:02X}> <{unicode}>\n" for code, unicode in maps.items())
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CMapName /Test def /CMapType 2 def\n1 begincodespacerange <00> <FF> "
            f"endcodespacerange\n{len(maps)} beginbfchar\n{pairs}endbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n").encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] "
               b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"]
    streams = [b"BT /F1 12 Tf 20 150 Td (" + text + b") Tj ET", cmap]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    for number, body in enumerate(streams, len(objects) + 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
            number, len(body), body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1, start)
    return bytes(out)


MADE = {
    "ruled-hyphen": lambda: _canvas_pdf(_table_page, pages=2),
    "rotated-90-180-270": lambda: _canvas_pdf(_table_page, pages=4,
                                              rotations=(90, 180, 270, 0)),
    "growing-pages": lambda: _canvas_pdf(_growing_page, pages=3),
    # a blank page (no glyph at all: a scan), then a page of text
    "blank-then-text": lambda: _canvas_pdf(
        lambda c, number: number and _table_page(c, number), pages=2),
    "forms-and-boxes": lambda: _canvas_pdf(_forms_and_boxes, pages=2, rotations=(0, 90)),
    "outside-bmp": lambda: _tounicode_pdf(b"xAy zA", {0x41: "D835DC00"}),
    "control-character": lambda: _tounicode_pdf(b"xBy zB", {0x42: "0003"}),
    "text-hyphen-code": lambda: _tounicode_pdf(b"xBy zB", {0x42: "FFFE"}),
}


@pytest.fixture(scope="module")
def corpus_pdfs(tmp_path_factory) -> list[Path]:
    """One generated plan of each PDF style (seed 7), the rotated one included,
    and a few pages of the benchmark's plan."""
    out = tmp_path_factory.mktemp("corpus")
    manifest = generate(out, seed=7, only=PDF_FORMATS, per_format=1)
    plan = out / "bench-plan.pdf"
    bench_plan_pdf.build(plan, 3)
    return [out / "docs" / entry["file"] for entry in manifest] + [plan]


def _read(data: bytes, settings: PdfSettings) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return repr(list(pdf_page.pages(document, settings)))
    finally:
        document.close()


def _bulk_only(monkeypatch) -> None:
    """The bulk run may not quietly hand a page to the reference reader."""
    def refuse(*args, **kwargs):
        raise AssertionError("the bulk reader handed a page to the reference reader")

    monkeypatch.setattr(pdf_page, "_reference_words", refuse)


def _assert_same_pages(data: bytes, monkeypatch) -> None:
    reference = _read(data, REFERENCE)
    with monkeypatch.context() as patch:
        _bulk_only(patch)
        assert _read(data, DEFAULT.pdf) == reference
    assert "Word(" in reference  # there were words to compare


def test_the_bulk_reader_is_bound():
    assert bulk.available()  # cffi is a dependency: the fast path runs, not only the reference


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_same_words_and_rules_on_the_samples(sample, monkeypatch):
    _assert_same_pages(sample.read_bytes(), monkeypatch)


def test_same_words_and_rules_on_generated_plans(corpus_pdfs, monkeypatch):
    assert len(corpus_pdfs) == len(PDF_FORMATS) + 1
    for path in corpus_pdfs:
        _assert_same_pages(path.read_bytes(), monkeypatch)


@pytest.mark.parametrize("name", list(MADE))
def test_same_words_and_rules_on_pages_made_to_differ(name, monkeypatch):
    _assert_same_pages(MADE[name](), monkeypatch)


@pytest.mark.parametrize("name", ["ruled-hyphen", "outside-bmp", "control-character",
                                  "text-hyphen-code"])
def test_page_text_in_one_call_gives_each_characters_own_code(name):
    """``codes`` (FPDFText_GetText once) equals FPDFText_GetUnicode asked for
    every character, where the page text marks a line-end hyphen differently,
    splits a character outside the BMP or leaves a control character out."""
    document = pdfium.PdfDocument(MADE[name]())
    text_page = document[0].get_textpage()
    raw = handle(text_page.raw)
    count = LIB.FPDFText_CountChars(raw)
    one_by_one = list(map(LIB.FPDFText_GetUnicode, repeat(raw, count), range(count)))
    assert bulk.codes(raw, count).tolist() == one_by_one
    text_page.close()
    document.close()


def test_a_line_end_hyphen_is_kept_as_a_hyphen():
    document = pdfium.PdfDocument(MADE["ruled-hyphen"]())
    [first, _] = list(pdf_page.pages(document))
    assert "well-" in [w.text for w in first.words]


def test_the_reader_setting_is_checked():
    document = pdfium.PdfDocument(MADE["ruled-hyphen"]())
    with pytest.raises(ValueError, match="glyph_reader"):
        list(pdf_page.pages(document, replace(DEFAULT.pdf, glyph_reader="fast")))


# --- whole datasets


def _dataset(path: Path, pdf: PdfSettings) -> dict:
    result = run_one(str(path), replace(DEFAULT, pdf=pdf))
    document = {k: v for k, v in result.document.items() if k != "seconds"}
    return {"document": document, "actions": result.actions, "glossary": result.glossary,
            "roles": result.roles}


def test_whole_datasets_are_identical_with_either_reader(corpus_pdfs, tmp_path):
    made = []
    for name in ("ruled-hyphen", "rotated-90-180-270"):
        made.append(tmp_path / f"{name}.pdf")
        made[-1].write_bytes(MADE[name]())
    actions = 0
    for path in sorted(SAMPLES.glob("*.pdf")) + corpus_pdfs + made:
        fast, reference = _dataset(path, DEFAULT.pdf), _dataset(path, REFERENCE)
        assert fast == reference, path.name
        actions += len(fast["actions"])
    assert actions > 300  # the documents were read, not all refused alike


# --- the word rule, in bulk and one glyph at a time


def _columns(glyphs: list[_Glyph]) -> bulk.Glyphs:
    """page._Glyph objects as the bulk reader's columns."""
    solid = [g for g in glyphs if g.char != " "]
    after_space, previous_space = [], True
    for g in glyphs:
        if g.char != " ":
            after_space.append(previous_space)
        previous_space = g.char == " "

    def column(name: str) -> np.ndarray:
        return np.array([getattr(g, name) for g in solid], dtype=np.float64)

    return bulk.Glyphs("".join(g.char for g in solid),
                       np.array([g.index for g in solid], dtype=np.int64),
                       np.array(after_space, dtype=bool), column("x0"), column("x1"),
                       column("top"), column("bottom"), column("baseline"), column("size"))


def _bulk_words(glyphs: list[_Glyph], bold_of) -> list[Word]:
    found = runs(_columns(glyphs))
    return [Word(text, x0, x1, top, bottom, size, bold_of(first))
            for text, x0, x1, top, bottom, size, first in zip(
                found.text, found.x0, found.x1, found.top, found.bottom, found.size,
                found.first)]


def _glyph(char: str, x0: float, width: float, baseline: float, size: float,
           index: int) -> _Glyph:
    if char == " ":
        return _Glyph(" ", 0, 0, 0, 0, 0, 0, index)
    return _Glyph(char, x0, x0 + width, baseline - 0.8 * size, baseline + 0.2 * size,
                  baseline, size, index)


def test_words_end_at_spaces_gaps_line_changes_and_jumps_back_not_in_ligatures():
    glyphs = [_glyph(c, x, w, 100, 10, i) for i, (c, x, w) in enumerate([
        ("s", 0, 5), ("t", 5, 5), ("a", 10, 5), ("f", 15, 8), ("f", 15, 8),  # ligature
        (" ", 0, 0), ("o", 30, 5), ("f", 35, 5),
        ("x", 60, 5),  # a gap of 20 pt
        ("y", 40, 5)])]  # back along the line
    glyphs.append(_glyph("n", 0, 5, 112, 10, 10))  # the next line
    glyphs.append(_glyph("o", 5, 5, 112, 0.5, 11))  # a tiny font counts as size 1
    words = _bulk_words(glyphs, lambda index: index == 6)
    assert [w.text for w in words] == ["staff", "of", "x", "y", "no"]
    assert [w.bold for w in words] == [False, True, False, False, False]
    assert words[0].x1 == 23 and words[-1].size == 10
    assert words == _words(glyphs, lambda index: index == 6)


_GLYPHS = st.lists(st.tuples(
    st.sampled_from("ab fi-1. "),
    # steps and widths in whole points too, so the limits are met exactly
    st.one_of(st.integers(-8, 40).map(float), st.floats(-5, 40, allow_nan=False)),
    st.one_of(st.integers(0, 12).map(float), st.floats(0, 12, allow_nan=False)),
    st.sampled_from([0.0, 0.0, 0.0, 2.0, 4.9, 5.1, 30.0, -30.0]),  # baseline shift
    st.sampled_from([0.5, 1.0, 8.0, 9.0, 10.0, 24.0])), max_size=60)


@settings(max_examples=200, deadline=None)
@given(_GLYPHS)
def test_bulk_word_grouping_is_the_reference_rule(steps):
    """Any glyph sequence: the same words, boxes and first glyphs as ``_words``."""
    glyphs, x, baseline = [], 0.0, 100.0
    for index, (char, step, width, shift, size) in enumerate(steps):
        x, baseline = x + step, baseline + shift
        glyphs.append(_glyph(char, x, width, baseline, size, index))
    bold = {i for i in range(len(glyphs)) if i % 3 == 0}
    expected = _words(glyphs, bold.__contains__)
    assert repr(_bulk_words(glyphs, bold.__contains__)) == repr(expected)
