"""Pages and tables the PDF reader meets in the family beyond the samples:
turned pages, grids too large to be tables, two kinds of table on a page,
paragraphs inside cells, a bullet before a number at a page top. Each rule
on a document drawn here, and again on one that differs in all but the rule."""

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from planextract.extract import read_document
from planextract.extract.model import Table as RawTable
from planextract.extract.pdf.cell_text import cell_parts, cell_raw
from planextract.extract.pdf.grid import find_tables
from planextract.extract.pdf.page import Rule, Word
from planextract.extract.pdf.stitch import _continues
from planextract.settings import PdfSettings

LANDSCAPE = landscape(A4)


def _cell(text, font="Helvetica", size=9):
    style = ParagraphStyle("c", fontName=font, fontSize=size, leading=size * 1.2)
    return Paragraph(text.replace("|", "<br/>"), style)


def _build(rows, widths, *, rotation=0, turn=None, grid=True, font="Helvetica", size=9,
           before=()):
    """A landscape plan; with ``rotation`` the page carries /Rotate and the
    content is turned by ``turn`` (a canvas transform) so a viewer shows it
    upright, as Word and Excel print landscape pages in a portrait file."""
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if grid:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    data = [[_cell(c, font, size) for c in row] for row in rows]
    buffer = BytesIO()

    def on_page(c, document):
        if turn:
            c.transform(*turn)

    SimpleDocTemplate(buffer, pagesize=LANDSCAPE, rotation=rotation, invariant=1).build(
        [*before, Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))],
        onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def _texts(data):
    raw = read_document(data)
    return [[[c.text for c in row.cells] for row in block.rows]
            for block in raw.blocks if isinstance(block, RawTable)], raw


# pages turned by /Rotate are read as displayed

def test_a_ruled_table_on_a_page_turned_by_rotate_90_reads_upright():
    rows = [["Ref", "Action", "Lead officer", "Deadline"],
            ["1.1", "Publish the equality scheme on the intranet", "Head of HR", "March 2012"],
            ["1.2", "Train panel members in fair recruitment", "HR Manager", "June 2012"]]
    data = _build(rows, [50, 300, 150, 100], rotation=90,
                  turn=(0, 1, -1, 0, A4[0], 0))
    [table], raw = _texts(data)
    assert table == rows
    assert raw.pages == 1


def test_an_unruled_table_on_a_page_turned_by_rotate_270_reads_upright():
    rows = [["Objective", "What we will do", "Who", "When"],
            ["Fair access", "Audit the reception areas of every library", "Estates", "Q1"],
            ["Fair access", "Offer an interpreter at every appointment", "Clinics", "Q2"]]
    data = _build(rows, [120, 280, 100, 80], rotation=270, turn=(0, -1, 1, 0, 0, A4[1]),
                  grid=False, font="Times-Roman", size=11)
    [table], _ = _texts(data)
    assert table == rows


# a grid too large to be a table is counted, not built, and said

def _graph_paper(lines, step=3.0):
    half = lines // 2
    end = (half - 1) * step
    rules = [Rule(0, k * step, end, k * step) for k in range(half)]
    rules += [Rule(k * step, 0, k * step, end) for k in range(half)]
    return rules


def test_graph_paper_is_refused_as_a_table_with_a_warning():
    warnings: list[str] = []
    words = [Word("note", 10, 30, 10, 18, 8.0, False)]
    assert find_tables(_graph_paper(1200), words, PdfSettings(), warnings) == []
    assert len(warnings) == 1 and "600 x 600 rules" in warnings[0]
    assert "max_grid_cells" in warnings[0]


def test_a_grid_under_the_limit_is_still_read_and_the_limit_is_a_setting():
    rules = _graph_paper(40, step=20.0)  # 20 x 20 rules: 19 x 19 cells
    words = [Word("x", 25, 30, 25, 33, 8.0, False)]
    [table] = find_tables(rules, words, PdfSettings(), [])
    assert len(table.rows) == 19 and len(table.rows[0]) == 19 and table.rows[1][1] == "x"
    warnings: list[str] = []
    assert find_tables(rules, words, PdfSettings(max_grid_cells=300), warnings) == []
    assert warnings


def test_a_page_of_graph_paper_reads_its_text_as_lines_and_warns():
    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for k in range(300):
        c.line(20, 20 + k * 2.6, 575, 20 + k * 2.6)
        c.line(20 + k * 1.85, 20, 20 + k * 1.85, 800)
    c.setFont("Helvetica", 12)
    c.drawString(40, 810, "Squared paper for sketches")
    c.showPage()
    c.save()
    raw = read_document(buffer.getvalue())
    assert any("read as lines" in w for w in raw.warnings)
    assert not any(isinstance(b, RawTable) for b in raw.blocks)
    assert any(getattr(b, "text", "") == "Squared paper for sketches" for b in raw.blocks)


# a ruled key and an unruled plan share a page

def test_a_ruled_key_and_an_unruled_plan_on_one_page_are_both_read():
    key = Table([[_cell("HR"), _cell("Human Resources")], [_cell("CE"), _cell("Chief Executive")]],
                colWidths=[60, 200], style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5,
                                                         colors.black)]))
    rows = [["No", "Action", "Owner", "Date"],
            ["1", "Publish the pay gap figures", "HR", "April 2013"],
            ["2", "Report to the board on progress", "CE", "July 2013"]]
    data = _build(rows, [40, 300, 120, 90], grid=False, before=[key, Spacer(1, 30)])
    tables, _ = _texts(data)
    assert tables == [[["HR", "Human Resources"], ["CE", "Chief Executive"]], rows]


# paragraphs in cells: a break where the next word would have fitted

def _line(words, top, size=10.0):
    out = []
    for text, x0, width in words:
        out.append(Word(text, x0, x0 + width, top, top + size, size, False))
    return out


def test_a_break_where_the_next_word_fitted_is_a_paragraph_and_a_wrap_is_not():
    # room from 0 to 120: "Directors" (45) fits after "Policy Writers" (ends at
    # 60), "Training" (38) does not after "Diversity Adviser and" (ends at 96)
    lines = [_line([("Policy", 0, 28), ("Writers", 31, 29)], 0),
             _line([("Directors", 0, 45)], 12),
             _line([("Diversity", 0, 40), ("Adviser", 43, 35), ("and", 81, 15)], 24),
             _line([("Training", 0, 38), ("Manager", 41, 40)], 36)]
    raw = cell_raw(lines, 0, 120)
    assert raw == "Policy Writers\n\nDirectors\n\nDiversity Adviser and\nTraining Manager"
    assert cell_parts(raw) == ("Policy Writers", "Directors",
                               "Diversity Adviser and Training Manager")


def test_bullet_items_stay_in_their_paragraph_and_stacked_numbers_start_new_ones():
    assert cell_parts("Review the policy\n\n• consult staff\n• publish it") == (
        "Review the policy\nconsult staff\npublish it",)
    lines = [_line([("2.1", 0, 12), ("Agree", 15, 25), ("a", 43, 5), ("network", 51, 40)], 0),
             _line([("2.", 0, 8), ("2", 10, 5), ("Report", 18, 30), ("to", 51, 8),
                    ("the", 62, 14), ("board", 79, 19)], 12)]
    assert cell_parts(cell_raw(lines, 0, 100)) == ("2.1 Agree a network",
                                                   "2. 2 Report to the board")


def test_owners_one_per_line_and_stacked_actions_keep_parallel_paragraphs():
    rows = [["Actions", "Responsible", "Target", "Progress"],
            ["Review the hate crime procedure|Publish the annual report",
             "Inspector Grey|Comms team", "June 2014|Sept 2014",
             "The review has started and a first draft went to the board in May"],
            ["Run a staff survey on the experience of disabled colleagues",
             "HR|Occupational Health|Staff network", "2015", "Not started"]]
    data = _build(rows, [300, 140, 90, 150], grid=False, font="Times-Roman", size=10)
    raw = read_document(data)
    [table] = [b for b in raw.blocks if isinstance(b, RawTable)]
    assert [c.parts for c in table.rows[1].cells[:3]] == [
        ("Review the hate crime procedure", "Publish the annual report"),
        ("Inspector Grey", "Comms team"), ("June 2014", "Sept 2014")]
    assert table.rows[1].cells[3].parts == (rows[1][3],)  # wrapped: one paragraph
    assert table.rows[2].cells[0].parts == (
        "Run a staff survey on the experience of disabled colleagues",)
    assert table.rows[2].cells[1].parts == ("HR", "Occupational Health", "Staff network")


# a bullet before the number at a page top

def test_a_bullet_before_a_number_at_a_page_top_is_a_new_row_not_a_continuation():
    assert _continues(["", "• 2.1 Model commitment", "Board"]) is False
    assert _continues(["", "\uf0b7 12 Publish the plan", "CE"]) is False
    assert _continues(["", "before the end of the year", "Manager"]) is True
    # a list running on at the page top, in the first column
    assert _continues(["• guidance issued to managers", "", ""]) is True
    assert _continues(["- findings shared with staff", "", ""]) is True
    assert _continues(["• Develop a new strategy", "Board", "2014"]) is False


def test_a_word_cut_at_the_end_of_a_full_line_is_rejoined_in_a_header_only():
    # "Protected Ch" runs to the edge (100); "aracteristic" cannot follow it
    lines = [_line([("Protected", 0, 60), ("Ch", 63, 36)], 0),
             _line([("aracteristic", 0, 70)], 12)]
    assert cell_raw(lines, 0, 100, header=True) == "Protected Characteristic"
    # in body text the same shapes are a wrap that happened to end at the edge
    body = [_line([("n,", 0, 10), ("Gender", 13, 86)], 0), _line([("reassignment", 0, 70)], 12)]
    assert cell_raw(body, 0, 100) == "n, Gender\nreassignment"
