"""The PDF reader on PDFs drawn in the test with reportlab."""

from io import BytesIO

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from planextract.extract import ReaderError, read_document
from planextract.extract.model import Paragraph, Table
from planextract.normalise.document import normalise

HEADER = ["Outcomes", "Actions", "Owner", "Timescale"]
X = [40, 170, 400, 480, 560]
ROW_H = 18


def _wrapped(cell, width, font="Helvetica", size=9):
    """A cell's paragraphs as a writer prints them: each wrapped to ``width``."""
    return [line for paragraph in cell for line in (simpleSplit(paragraph, font, size, width)
                                                    or [""])]


def _draw_table(c, top, rows, vertical=True, horizontal=True):
    """Rows of cells (lists of paragraphs, wrapped to the column) from ``top``
    (distance from the page top) down; returns the bottom."""
    height = A4[1]
    y = height - top
    if horizontal:
        c.line(X[0], y, X[-1], y)
    for row in rows:
        row = [_wrapped(cell, X[col + 1] - X[col] - 6) for col, cell in enumerate(row)]
        lines = max(len(cell) for cell in row)
        for col, cell in enumerate(row):
            for k, text in enumerate(cell):
                c.drawString(X[col] + 3, y - 12 - 11 * k, text)
        bottom = y - ROW_H - 11 * (lines - 1)
        if horizontal:
            c.line(X[0], bottom, X[-1], bottom)
        if vertical:
            for x in X:
                c.line(x, y, x, bottom)
        y = bottom
    return height - y


def _page_furniture(c, number):
    c.setFont("Helvetica", 8)
    c.drawString(40, 20, f"Page {number}")
    c.drawString(40, A4[1] - 20, "Derbyshire Probation Trust - SES Action Plan")


def _plan_pdf(vertical=True, horizontal=True) -> bytes:
    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    _page_furniture(c, 1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(40, A4[1] - 60, "Derbyshire Probation Trust")
    c.setFont("Helvetica", 10)
    c.drawString(40, A4[1] - 80, "Single Equality Scheme Action Plan 2010 - 2011")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, A4[1] - 110, "OBJECTIVE 1: LEADERSHIP AND GOVERNANCE")
    c.setFont("Helvetica", 9)
    rows = [[[h] for h in HEADER],
            [["1. Commitment"], ["1.1 Prepare and publish"], ["CE"], ["March 09"]],
            [[""], ["1.2 Consult local partners"], ["Board"], ["April 2010"]],
            [[""], ["1.3 Train all staff in the duties of the scheme"], ["T&D"], ["December"]]]
    _draw_table(c, 130, rows, vertical, horizontal)
    c.showPage()
    _page_furniture(c, 2)
    c.setFont("Helvetica", 9)
    rows = [[[h] for h in HEADER],
            [[""], ["before the end of the year"], ["Manager"], ["2010"]],
            [["2. Culture"], ["2.1 Model commitment"], ["Board"], ["On-going"]]]
    _draw_table(c, 60, rows, vertical, horizontal)
    c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize("vertical, horizontal", [(True, True), (False, True), (False, False)],
                         ids=["ruled", "horizontal-rules-only", "no-rules"])
def test_tables_are_found_with_or_without_ruling_lines(vertical, horizontal):
    doc = normalise(read_document(_plan_pdf(vertical, horizontal)))
    assert [a["action_id"] for a in doc.actions] == ["1.1", "1.2", "1.3", "2.1"]
    split = doc.actions[2]
    assert split["action"] == ("Train all staff in the duties of the scheme before the end of "
                               "the year")
    assert split["owners"] == ["Training and Development Manager"]  # T&D Manager spelled out
    assert split["due_raw"] == "December 2010"
    assert (split["page_start"], split["page_end"]) == (1, 2)
    assert split["flags"] == ["merged_split_row"] and doc.actions[1]["flags"] == []
    assert doc.actions[3]["page_start"] == 2 and doc.actions[3]["outcome_id"] == "2"
    assert doc.organisation == "Derbyshire Probation Trust"
    assert doc.actions[0]["objective"] == "Leadership and Governance"


def test_running_headers_footers_and_page_numbers_are_dropped():
    raw = read_document(_plan_pdf())
    texts = [b.text for b in raw.blocks if isinstance(b, Paragraph)]
    assert not any(t.startswith("Page ") or t.startswith("Derbyshire Probation Trust -")
                   for t in texts)
    assert raw.pages == 2
    assert sum(isinstance(b, Table) for b in raw.blocks) == 1


def test_headings_are_read_from_font_size():
    raw = read_document(_plan_pdf())
    levels = {b.text: b.level for b in raw.blocks if isinstance(b, Paragraph)}
    # 16 pt, 12 pt and 10 pt over a 9 pt body
    assert levels["Derbyshire Probation Trust"] == 1
    assert levels["OBJECTIVE 1: LEADERSHIP AND GOVERNANCE"] == 2
    assert levels["Single Equality Scheme Action Plan 2010 - 2011"] == 3


def test_a_scan_is_reported_as_such():
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.drawImage(ImageReader(Image.new("L", (60, 80), 200)), 50, 50, 300, 400)  # a scanned page
    c.showPage()
    c.save()
    with pytest.raises(ReaderError, match="no text layer"):
        read_document(buffer.getvalue())


def test_a_broken_pdf_is_a_clear_error():
    with pytest.raises(ReaderError):
        read_document(b"%PDF-1.4\n garbage that is not a pdf")


def test_a_numbered_row_under_a_merged_outcome_at_a_page_top_is_a_new_row():
    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("Helvetica", 9)
    _draw_table(c, 60, [[[h] for h in HEADER],
                        [["1. Commitment"], ["1.1 Prepare and publish"], ["CE"], ["March 09"]]])
    c.showPage()
    c.setFont("Helvetica", 9)
    # the outcome cell is merged down over this row: empty at the page top
    _draw_table(c, 60, [[[h] for h in HEADER],
                        [[""], ["1.2 Consult local partners"], ["Board"], ["April 2010"]]])
    c.showPage()
    c.save()
    raw = read_document(buffer.getvalue())
    [table] = [b for b in raw.blocks if isinstance(b, Table)]
    assert [r.cells[1].text for r in table.rows] == [
        "Actions", "1.1 Prepare and publish", "1.2 Consult local partners"]
    assert [(r.page_start, r.page_end) for r in table.rows[1:]] == [(1, 1), (2, 2)]
    doc = normalise(raw)
    assert [(a["action_id"], a["outcome"]) for a in doc.actions] == [
        ("1.1", "Commitment"), ("1.2", "Commitment")]


ACTION = "Develop the workforce data and report it to the board every quarter"


def test_unruled_tables_with_an_unlabelled_number_column_and_two_on_a_page():
    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    height = A4[1]
    cols = [40, 80, 300, 480]

    def table(top, heading, rows):
        c.setFont("Helvetica-Bold", 12)
        c.drawString(40, height - top, heading)
        c.setFont("Helvetica-Bold", 9)
        for x, label in zip(cols[1:], ["What we want", "What action we", "Timescale"]):
            c.drawString(x, height - top - 25, label)
        c.drawString(cols[1], height - top - 36, "to achieve")  # a label wrapped in two
        c.drawString(cols[2], height - top - 36, "will take")
        c.setFont("Helvetica", 9)
        y = top + 55
        for cells in rows:
            for x, text in zip(cols, cells):
                for k, part in enumerate(text.split("|")):
                    c.drawString(x, height - y - 11 * k, part)
            y += 11 * max(len(t.split("|")) for t in cells) + 8

    wrapped = "|".join(simpleSplit(ACTION, "Helvetica", 9, cols[3] - cols[2] - 6))
    assert "|" in wrapped  # a cell of two printed lines
    table(60, "THEME A. OUR STAFF", [["A 1", "Improve data", wrapped, "2016"],
                                     ["A 2", "Staff networks", "Implement review", "2015"]])
    table(260, "THEME B. OFFENDERS", [["B 1", "Address why", "Research reasons", "April 2017"]])
    c.showPage()
    c.save()
    doc = normalise(read_document(buffer.getvalue()))
    got = [(a["section"], a["action_id"], a["outcome"], a["action"]) for a in doc.actions]
    assert got == [("THEME A. OUR STAFF", "A1", "Improve data", ACTION),
                   ("THEME A. OUR STAFF", "A2", "Staff networks", "Implement review"),
                   ("THEME B. OFFENDERS", "B1", "Address why", "Research reasons")]


def test_a_repeated_header_fused_with_the_row_below_gives_that_row():
    from planextract.extract.pdf.stitch import _below_header

    header = ["Outcomes", "Actions", "By\nwhom"]
    assert _below_header(["Outcomes", "Actions\nrest of the action", "By\nwhom"],
                         header) == ["", "rest of the action", ""]
    assert _below_header(["1. Outcome", "1.1 Action", "CE"], header) is None


def test_a_bullet_before_the_number_at_a_page_top_does_not_hide_the_new_row():
    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("Helvetica", 9)
    _draw_table(c, 60, [[[h] for h in HEADER],
                        [["1. Commitment"], ["• 1.1 Prepare and publish"], ["CE"], ["March 09"]]],
                vertical=False, horizontal=False)
    c.showPage()
    c.setFont("Helvetica", 9)
    # the outcome cell runs on empty; the action opens with a bullet and a number
    _draw_table(c, 60, [[[h] for h in HEADER],
                        [[""], ["• 1.2 Consult local partners"], ["Board"], ["April 2010"]]],
                vertical=False, horizontal=False)
    c.showPage()
    c.save()
    raw = read_document(buffer.getvalue())
    [table] = [b for b in raw.blocks if isinstance(b, Table)]
    assert [r.cells[1].text for r in table.rows] == [
        "Actions", "1.1 Prepare and publish", "1.2 Consult local partners"]
    assert not any(r.stitched for r in table.rows)
