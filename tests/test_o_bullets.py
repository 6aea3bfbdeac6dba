"""Bullet items drawn with the letter "o" (Word's second-level bullet, a Courier New
"o"; a held-out shape of scripts/corpus/shapes.py): at a line's start, "o" and a
space open an item as "•" does; inside a line the letter is text. Each rule on a
document written here and again on one that differs in all but the rule."""

from io import BytesIO

import docx
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from planextract.extract import read_document
from planextract.extract.printed import GLYPH_BULLET
from planextract.normalise.document import normalise

LANDSCAPE = landscape(A4)


def _pdf(rows, widths, font="Helvetica", size=8.5) -> bytes:
    """An unruled table; a cell given as a list is a sentence and its "o" items,
    each hanging from the glyph."""
    body = ParagraphStyle("c", fontName=font, fontSize=size, leading=size * 1.25)
    item = ParagraphStyle("i", parent=body, leftIndent=8, bulletIndent=0,
                          bulletFontName=font, bulletFontSize=size)

    def cell(value):
        if isinstance(value, str):
            return Paragraph(value, body)
        return [Paragraph(value[0], body)] + [Paragraph(v, item, bulletText="o")
                                              for v in value[1:]]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=LANDSCAPE, invariant=1).build(
        [Table([[cell(c) for c in row] for row in rows], colWidths=widths, repeatRows=1,
               style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))])
    return buffer.getvalue()


def test_o_items_in_an_unruled_pdf_cell_are_the_actions_bullets():
    rows = [["Ref", "Action", "Lead", "Due"],
            ["1", ["Review the volunteer role descriptions to close the gaps:",
                   "lessons shared at team briefings", "options paper agreed by directors"],
             "Head of HR", "March 2013"],
            ["2", "Publish the workforce profile on the website", "Comms Manager",
             "June 2013"],
            ["3", "Train all interview panel chairs", "Head of HR", "May 2014"]]
    doc = normalise(read_document(_pdf(rows, [40, 320, 140, 90])))
    assert [a.action for a in doc.actions] == [
        "Review the volunteer role descriptions to close the gaps:\n"
        "lessons shared at team briefings\noptions paper agreed by directors",
        "Publish the workforce profile on the website", "Train all interview panel chairs"]


def test_o_items_typed_in_a_word_cell_in_another_plan():
    document = docx.Document()
    grid = document.add_table(rows=3, cols=3)
    for cell, text in zip(grid.rows[0].cells, ["Key actions", "Owner", "Target date"]):
        cell.text = text
    first = grid.cell(1, 0)
    first.text = "A1 Overhaul job descriptions for bias with the staff networks:"
    first.add_paragraph("o baseline figures gathered")
    first.add_paragraph("o\tnext steps agreed")
    grid.cell(1, 1).text, grid.cell(1, 2).text = "Chief Executive", "2015"
    grid.cell(2, 0).text = "A2 Hold o level and GCSE taster days"
    grid.cell(2, 1).text, grid.cell(2, 2).text = "Schools Liaison", "2016"
    buffer = BytesIO()
    document.save(buffer)
    doc = normalise(read_document(buffer.getvalue()))
    assert [(a.action_id, a.action) for a in doc.actions] == [
        ("A1", "Overhaul job descriptions for bias with the staff networks:\n"
               "baseline figures gathered\nnext steps agreed"),
        ("A2", "Hold o level and GCSE taster days")]


def test_the_letter_opens_an_item_only_alone_before_text():
    assert GLYPH_BULLET.match("o lessons shared")
    assert GLYPH_BULLET.match("  o\tnext steps")
    for text in ("o'clock meetings", "outcome agreed", "o", "Our o"):
        assert not GLYPH_BULLET.match(text)
