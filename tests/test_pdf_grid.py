"""Rules of the ruled-table finder and of the glyph source, on small pages
written here (rules and words given directly, or drawn with reportlab)."""

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from planextract.extract.pdf import page as pdf_page
from planextract.extract.pdf.document import open_pdf
from planextract.extract.pdf.grid import find_tables
from planextract.extract.pdf.page import Rule, Word, _Glyph, _segments, _words

XS = [0.0, 100.0, 200.0, 300.0]
YS = [0.0, 20.0, 40.0, 60.0]


def h(y, x0=XS[0], x1=XS[-1]):
    return Rule(x0, y, x1, y)


def v(x, top=YS[0], bottom=YS[-1]):
    return Rule(x, top, x, bottom)


def word(text, col, row, line=0):
    x, y = XS[col] + 5 + 20 * line, YS[row] + 5
    return Word(text, x, x + 10, y, y + 10, 10.0, False)


def test_a_full_grid_gives_every_cell():
    rules = [h(y) for y in YS] + [v(x) for x in XS]
    words = [word(f"r{r}c{c}", c, r) for r in range(3) for c in range(3)]
    [table] = find_tables(rules, words)
    assert table.rows == [[f"r{r}c{c}" for c in range(3)] for r in range(3)]


def test_a_missing_vertical_rule_merges_cells_across():
    # no rule at x=200 over the middle row: cells 1 and 2 of that row are one
    rules = [h(y) for y in YS] + [v(0), v(100), v(300), v(200, 0, 20), v(200, 40, 60)]
    words = [word("a", 0, 1), word("wide", 1, 1), word("cell", 2, 1)]
    table = find_tables(rules, words)[0]
    assert table.rows[1] == ["a", "wide cell", None]
    assert len(table.rows[0]) == 3


def test_a_missing_horizontal_rule_merges_cells_down():
    # no rule at y=40 under column 0: the outcome spans rows 1 and 2
    rules = [h(0), h(20), h(60), h(40, 100, 300)] + [v(x) for x in XS]
    words = [word("outcome", 0, 1), word("runs", 0, 2), word("1.1", 1, 1), word("1.2", 1, 2)]
    table = find_tables(rules, words)[0]
    # "runs" would have fitted beside "outcome": a paragraph break, kept as a blank line
    assert [row[0] for row in table.rows[1:]] == ["outcome\n\nruns", None]
    assert [row[1] for row in table.rows[1:]] == ["1.1", "1.2"]


def test_broken_and_doubled_rules_are_one_rule_and_grids_are_kept_apart():
    pieces = [Rule(0, 0, 140, 0), Rule(141, 0.5, 300, 0.5)]  # one rule drawn in two pieces
    rules = pieces + [h(y) for y in YS[1:]] + [v(x) for x in XS]
    second = [Rule(0, 200, 300, 200), Rule(0, 220, 300, 220), v(0, 200, 220), v(150, 200, 220),
              v(300, 200, 220)]
    tables = find_tables(rules + second, [word("x", 0, 0)])
    assert len(tables) == 2 and len(tables[0].rows) == 3 and len(tables[1].rows) == 1
    assert tables[0].rows[0][0] == "x"


def test_a_single_boxed_paragraph_is_not_a_table():
    rules = [h(0), h(20), v(0, 0, 20), v(300, 0, 20)]
    assert find_tables(rules, []) == []


def glyph(char, x0, width=5.0, baseline=100.0):
    return _Glyph(char, x0, x0 + width, baseline - 8, baseline + 2, baseline, 10.0, 0)


def test_glyphs_make_words_at_spaces_gaps_and_line_changes_but_not_in_ligatures():
    glyphs = [glyph("s", 0), glyph("t", 5), glyph("a", 10), glyph("f", 15, 8),
              glyph("f", 15, 8),  # a ligature: both letters share the glyph's box
              glyph(" ", 0), glyph("o", 30), glyph("f", 35),
              glyph("x", 60),  # a gap of 20 pt: a new word
              glyph("n", 0, baseline=112)]  # the next line
    assert [w.text for w in _words(glyphs, lambda index: False)] == ["staff", "of", "x", "n"]


def test_path_segments_give_axis_aligned_rules_only():
    move, line = 2, 0  # FPDF_SEGMENT_MOVETO, FPDF_SEGMENT_LINETO
    rect = [(move, 10, 10, False), (line, 110, 10, False), (line, 110, 50, False),
            (line, 10, 50, True)]
    rules = _segments(rect)
    assert sorted((r.horizontal, r.x0, r.top, r.x1, r.bottom) for r in rules) == [
        (False, 10, 10, 10, 50), (False, 110, 10, 110, 50),
        (True, 10, 10, 110, 10), (True, 10, 50, 110, 50)]
    assert _segments([(move, 0, 0, False), (line, 50, 40, False)]) == []  # a diagonal


def test_borders_drawn_as_thin_filled_boxes_are_rules():
    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    height = A4[1]
    for y in (100, 120, 140):
        c.rect(50, height - y, 300, 0.6, stroke=0, fill=1)
    for x in (50, 200, 350):
        c.rect(x, height - 140, 0.6, 40, stroke=0, fill=1)
    c.setFont("Helvetica", 9)
    c.drawString(55, height - 115, "Outcome")
    c.drawString(205, height - 135, "Action text")
    c.showPage()
    c.save()
    document = open_pdf(buffer.getvalue())
    [page] = list(pdf_page.pages(document))
    [table] = find_tables(page.rules, page.words)
    assert table.rows == [["Outcome", ""], ["", "Action text"]]


def test_glyphs_and_rules_agree_with_pdfplumber():
    """pdfplumber (pdfminer) as the reference reading of the same page."""
    import pdfplumber

    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    height = A4[1]
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, height - 50, "OBJECTIVE 1: LEADERSHIP AND GOVERNANCE")
    c.setFont("Helvetica", 9)
    for k, (a, b) in enumerate([("1.1 Prepare and publish", "CE"),
                                ("1.2 Consult local partners", "Board/DSG")]):
        c.drawString(45, height - 90 - 20 * k, a)
        c.drawString(305, height - 90 - 20 * k, b)
    for y in (75, 95, 115):
        c.line(40, height - y, 400, height - y)
    for x in (40, 300, 400):
        c.line(x, height - 75, x, height - 115)
    c.showPage()
    c.save()
    data = buffer.getvalue()
    [page] = list(pdf_page.pages(open_pdf(data)))
    with pdfplumber.open(BytesIO(data)) as reference:
        ref_page = reference.pages[0]
        ref_words = ref_page.extract_words(extra_attrs=["size", "fontname"])
        ref_edges = ref_page.edges
    assert [w.text for w in page.words] == [w["text"] for w in ref_words]
    for ours, ref in zip(page.words, ref_words):
        assert abs(ours.x0 - ref["x0"]) < 1 and abs(ours.x1 - ref["x1"]) < 1
        assert abs(ours.bottom - ref["bottom"]) < 2.5 and ours.size == ref["size"]
        assert ours.bold == ("Bold" in ref["fontname"])

    def key(x0, top, x1, bottom):
        return (round(x0), round(top), round(x1), round(bottom))

    assert sorted(key(r.x0, r.top, r.x1, r.bottom) for r in page.rules) == sorted(
        key(e["x0"], e["top"], e["x1"], e["bottom"]) for e in ref_edges)


def test_a_word_too_long_for_its_cell_is_rejoined_but_a_wrap_is_not():
    def at(text, x0, top, width):
        return Word(text, x0, x0 + width, top, top + 10, 10.0, False)

    from planextract.extract.pdf.grid import cell_text

    # a 100 pt cell with 5 pt insets: 90 pt of room
    cut = [at("managers/supervisor", 5, 0, 88), at("s", 5, 12, 5)]
    assert cell_text(cut, 0, 100) == "managers/supervisors"
    wrapped = [at("All", 5, 0, 15), at("middle", 24, 0, 30), at("managers", 5, 12, 45)]
    assert cell_text(wrapped, 0, 100) == "All middle\nmanagers"  # ends at 54 + 3 + 45 > 95
    # words that each fill a narrow cell are still separate words
    narrow = [at("Superintendent", 5, 0, 86), at("Sturman", 5, 12, 40)]
    assert cell_text(narrow, 0, 100) == "Superintendent\nSturman"


def test_rules_a_hair_apart_are_snapped_before_they_are_joined():
    # the right border drawn at 300.1 for the top table and 299.9 for the one below
    rules = [h(0), h(20), h(40), Rule(0, 60, 300, 60), Rule(0, 80, 300, 80),
             v(0, 0, 40), v(100, 0, 40), v(300.1, 0, 40),
             v(0, 60, 80), v(150, 60, 80), Rule(299.9, 60, 299.9, 80)]
    tables = find_tables(rules, [word("Risk", 1, 0)])
    assert [len(t.rows[0]) for t in tables] == [2, 2]
    assert tables[0].bbox[2] > 299 and tables[0].rows[0][1] == "Risk"


def test_a_row_left_open_at_the_page_bottom_is_still_in_the_table():
    # no rule closes the last row: the vertical rules run on to y=60
    rules = [h(0), h(20), h(40)] + [v(x) for x in XS]
    words = [word("1.3", 0, 2), word("cut", 1, 2)]
    [table] = find_tables(rules, words)
    assert table.rows[-1][:2] == ["1.3", "cut"] and table.bottom == 60
