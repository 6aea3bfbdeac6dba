"""Rules of the PDF reader for tables without vertical rules, each on a plan
drawn here with reportlab's platypus (which wraps cell text as a writer
does) from the values a plan prints, and again on a second plan that differs
in everything but the rule (font, size, columns, padding, wording)."""

from html import escape
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from planextract.extract import read_document
from planextract.extract.model import Table as RawTable
from planextract.extract.pdf.stitch import aligned_columns

LANDSCAPE = landscape(A4)


def cell(text, font="Helvetica", size=9, bullet=None, indent=0):
    """A cell paragraph; ``|`` is a line the author broke (``<br/>``)."""
    style = ParagraphStyle("c", fontName=font, fontSize=size, leading=size * 1.22,
                           leftIndent=indent, bulletIndent=0)
    return Paragraph("<br/>".join(escape(p) for p in text.split("|")), style,
                     bulletText=bullet)


def draw(tables, widths, *, font="Helvetica", size=9, pad=4, style=(), page=LANDSCAPE,
         header_rows=1, footer=None, top_margin=40):
    """A PDF of ``tables`` (lists of rows of texts or flowables) without
    vertical rules, each followed by a gap; ``style`` adds TableStyle commands."""
    story = []
    for rows in tables:
        data = [[c if not isinstance(c, str) else cell(c, font, size) for c in row]
                for row in rows]
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), pad),
                    ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                    ("TOPPADDING", (0, 0), (-1, -1), pad / 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), pad / 2), *style]
        story.append(Table(data, colWidths=widths, repeatRows=header_rows, splitByRow=1,
                           style=TableStyle(commands)))
        story.append(Spacer(1, 30))
    buffer = BytesIO()

    def furniture(canvas, document):
        if footer:
            canvas.saveState()
            canvas.setFont(font, 7)
            canvas.drawString(40, 20, footer.format(page=document.page))
            canvas.drawString(40, page[1] - 20, "Plan of the Trust: published version")
            canvas.restoreState()

    SimpleDocTemplate(buffer, pagesize=page, leftMargin=40, rightMargin=40, topMargin=top_margin,
                      bottomMargin=40, invariant=1).build(story, onFirstPage=furniture,
                                                          onLaterPages=furniture)
    return buffer.getvalue()


def tables_of(data):
    raw = read_document(data)
    return [[[c.parts for c in row.cells] for row in block.rows]
            for block in raw.blocks if isinstance(block, RawTable)], raw


def texts(table):
    return [["\n".join(parts) for parts in row] for row in table]


# 1. a bullet's hanging indent is not a column

def test_a_bullets_hanging_indent_is_not_a_column():
    def items(text):
        return cell(text, bullet="•", indent=10)

    rows = [["Ref", "Actions", "Lead", "By"],
            ["1", items("Publish the annual equality report on the website and in the staff "
                        "bulletin"), "Chief Executive", "March 2012"],
            ["2", items("Train every manager in the new recruitment guidance before the "
                        "summer"), "HR Manager", "June 2012"]]
    [table], _ = tables_of(draw([rows], [40, 260, 120, 90]))
    assert texts(table)[0] == ["Ref", "Actions", "Lead", "By"]
    assert texts(table)[1] == ["1", "Publish the annual equality report on the website and in "
                               "the staff bulletin", "Chief Executive", "March 2012"]
    assert len(table) == 3


def test_a_hanging_indent_in_another_font_and_glyph_is_not_a_column_either():
    def items(text):
        return cell(text, "Times-Roman", 11, bullet="▪", indent=16)

    rows = [["What we will do", "Responsible party", "Due"],
            [items("Review how complaints from disabled people are recorded and answered"),
             "Customer services", "Q2"],
            [items("Consult the youth forum on the design of the new centre"), "Youth team",
             "Q3"]]
    [table], _ = tables_of(draw([rows], [220, 130, 60], font="Times-Roman", size=11, pad=8))
    assert [len(r) for r in table] == [3, 3, 3]
    assert texts(table)[2][0] == "Consult the youth forum on the design of the new centre"


# 2. rows cut on gaps or numbers, not on every wrapped line

def test_a_wrapped_first_column_does_not_open_a_row_per_line():
    rows = [["Outcome", "Action", "Owner", "Date"],
            ["Staff from every background feel valued and are able to progress in the Trust",
             "Run a mentoring scheme for staff", "HR", "Sept 2011"],
            ["Service users can reach every office",
             "Audit the access of each office", "Estates", "On-going"]]
    [table], _ = tables_of(draw([rows], [150, 200, 80, 80]))
    assert len(table) == 3
    assert texts(table)[1][0] == ("Staff from every background feel valued and are able to "
                                  "progress in the Trust")


def test_rows_without_spacing_are_cut_at_their_numbers():
    rows = [["No", "Objective", "By whom", "When"],
            ["1.1", "Agree a single approach to equality impact assessment across all "
                    "directorates of the council", "Policy team", "31.3.11"],
            ["1.2", "Publish the results of every assessment on the council website",
             "Policy team", "30.6.11"],
            ["1.3", "Report progress to the scrutiny committee", "Director", "On-going"]]
    [table], _ = tables_of(draw([rows], [30, 230, 90, 60], font="Courier", size=8, pad=0))
    assert [r[0] for r in texts(table)] == ["No", "1.1", "1.2", "1.3"]
    assert texts(table)[1][1].startswith("Agree a single approach") and texts(
        table)[1][1].endswith("directorates of the council")


# 3. the column scan stops where the table ends: two tables on a page

def test_a_second_table_on_the_page_does_not_shred_the_first():
    first = [["Action", "Lead", "Deadline"],
             ["Publish the plan", "Director", "May 2012"],
             ["Hold a staff event", "HR", "July 2012"]]
    second = [["Risk", "Likelihood", "Impact", "Mitigation"],
              ["Budget cut", "High", "Medium", "Seek partner funding for the scheme"]]
    tables, _ = tables_of(_two_tables(first, second))
    assert [len(t[0]) for t in tables] == [3, 4]
    assert texts(tables[0])[1] == ["Publish the plan", "Director", "May 2012"]
    assert texts(tables[1])[1] == ["Budget cut", "High", "Medium",
                                   "Seek partner funding for the scheme"]


def _two_tables(first, second, font="Helvetica", size=9):
    story = [Table([[cell(c, font, size) for c in r] for r in first], colWidths=[220, 90, 90]),
             Spacer(1, 3 * size),
             Table([[cell(c, font, size) for c in r] for r in second],
                   colWidths=[80, 70, 70, 200])]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return buffer.getvalue()


def test_small_tables_close_together_are_not_fused():
    first = [["Theme", "What", "Who"], ["Access", "Ramp at the main door", "Estates"]]
    second = [["Month", "Event", "Venue", "Host"], ["May", "Open day", "Hall", "Mayor"]]
    tables, _ = tables_of(_two_tables(first, second, "Times-Roman", 10))
    assert [texts(t) for t in tables] == [first, second]


# 4. running lines and the header repeated at a page top; stitching on x-ranges

def _long_plan(n, font="Helvetica", size=9):
    rows = [["Ref", "Action", "Owner", "Target date"]]
    for k in range(1, n + 1):
        rows.append([f"{k}.", f"Action number {k}: review the service and report on what "
                     "was found to the board", "Service Manager", f"{k % 28 + 1}/3/2012"])
    return rows


def test_the_header_repeated_at_the_page_top_is_a_header_and_running_lines_go():
    data = draw([_long_plan(40)], [40, 300, 120, 90], footer="Page {page} of 3", top_margin=18)
    [table], raw = tables_of(data)
    assert raw.pages >= 2
    got = texts(table)
    assert got[0] == ["Ref", "Action", "Owner", "Target date"]
    assert [r[0] for r in got[1:]] == [f"{k}." for k in range(1, 41)]
    assert not any("Plan of the Trust" in c or "Page" in c for r in got for c in r)


def test_a_continuation_page_with_an_empty_column_is_stitched_by_x_range():
    assert aligned_columns([(40, 80), (90, 300), (310, 400)], [(90, 300), (310, 400)]) == [1, 2]
    assert aligned_columns([(40, 80), (90, 300), (310, 400)], [(40, 150), (160, 400)]) is None
    rows = [["Ref", "Action", "Owner", "Progress"]]
    for k in range(1, 31):
        rows.append([f"A{k}", f"Carry out review {k} of the equality scheme", "Board",
                     "Done" if k < 20 else ""])
    [table], raw = tables_of(draw([rows], [40, 260, 90, 90], font="Times-Roman", size=10,
                                  header_rows=0))
    assert raw.pages >= 2
    assert [r[0] for r in texts(table)[1:]] == [f"A{k}" for k in range(1, 31)]
    assert texts(table)[-1] == ["A30", "Carry out review 30 of the equality scheme", "Board", ""]


# 5. rules that part only some rows; rules only around the header and at the bottom

def test_rules_only_around_the_header_and_at_the_bottom_keep_body_rows_apart():
    rows = [["Objective", "Action", "Lead", "Due"],
            ["Fair recruitment", "Monitor applications by ethnicity", "HR", "Q1"],
            ["Fair recruitment", "Anonymise application forms", "HR", "Q2"],
            ["Accessible services", "Provide information in large print", "Comms", "Q3"]]
    style = [("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
             ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
             ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black)]
    [table], _ = tables_of(draw([rows], [130, 220, 70, 50], style=style))
    assert texts(table) == rows


def test_a_heading_row_ruled_off_is_not_fused_with_the_row_below():
    rows = [["No", "Action", "Owner", "Date"],
            ["", "PRIORITY 2: COMMUNITY ENGAGEMENT", "", ""],
            ["2.1", "Meet the faith forum twice a year to hear its concerns", "Chief Inspector",
             "Twice yearly"],
            ["2.2", "Publish stop and search figures", "Analyst", "Monthly"]]
    style = [("LINEBELOW", (0, 1), (-1, 1), 0.5, colors.grey),
             ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey)]
    [table], _ = tables_of(draw([rows], [35, 250, 110, 80], font="Times-Roman", size=10,
                                style=style))
    assert [r[:2] for r in texts(table)] == [r[:2] for r in rows]


# 6. alternating shading (filled boxes, no lines) parts rows as rules do

def test_rows_told_apart_by_alternating_shading():
    rows = [["Outcome", "Action", "Lead", "By"],
            ["Staff are treated fairly", "Review the grievance policy", "HR", "2012"],
            ["Staff are treated fairly", "Survey staff on bullying", "HR", "2012"],
            ["Users are heard", "Set up a user panel", "Ops", "2013"]]
    style = [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.whitesmoke, colors.lightblue]),
             ("BACKGROUND", (0, 0), (-1, 0), colors.darkblue),
             ("TEXTCOLOR", (0, 0), (-1, 0), colors.white)]
    [table], _ = tables_of(draw([rows], [150, 200, 60, 50], pad=0, style=style))
    assert texts(table) == rows


# 7. words cut over two lines in narrow header cells are rejoined

def _narrow_header_pdf(labels, rows, xs, font, size):
    """Header labels drawn as a writer that cuts a word too long for its
    narrow cell at any letter prints them (``|`` is the line break)."""
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    top = A4[1] - 80
    c.setFont(font + "-Bold" if font == "Helvetica" else "Times-Bold", size)
    for x, label in zip(xs, labels):
        for k, part in enumerate(label.split("|")):
            c.drawString(x, top - k * size * 1.2, part)
    c.setFont(font if font == "Helvetica" else "Times-Roman", size)
    y = top - 3 * size * 1.2 - 8
    for row in rows:
        for x, text in zip(xs, row):
            c.drawString(x, y, text)
        y -= size * 1.2 + 8
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_word_cut_in_a_narrow_unruled_header_is_rejoined():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    xs = [40, 104, 300, 380]
    # "Protected Ch" fills the column to its edge; "Characteristic" is wider than it
    assert stringWidth("Protected Ch", "Helvetica-Bold", 9) > 104 - 40 - 12
    data = _narrow_header_pdf(["Protected Ch|aracteristic", "Action", "Owner", "Date"],
                              [["Age", "Audit the age profile", "HR", "2012"],
                               ["Race", "Publish the pay gap", "CE", "2013"]], xs, "Helvetica", 9)
    [table], _ = tables_of(data)
    assert texts(table)[0] == ["Protected Characteristic", "Action", "Owner", "Date"]
    assert texts(table)[2] == ["Race", "Publish the pay gap", "CE", "2013"]


def test_a_single_word_cut_in_another_narrow_header_is_rejoined_too():
    xs = [40, 110, 190, 420]
    data = _narrow_header_pdf(["Ref", "Responsibil|ity", "Description", "Timescale"],
                              [["A1", "Governors", "Agree the scheme", "Spring"],
                               ["A2", "Head", "Report to parents", "Summer"]], xs, "Times", 11)
    [table], _ = tables_of(data)
    assert texts(table)[0] == ["Ref", "Responsibility", "Description", "Timescale"]


# 8. a header of two rows: a label over two columns, their labels below it

def test_a_two_row_header_is_read_as_two_header_rows():
    rows = [["Action agreed", "Responsibility", "", "Progress"],
            ["", "Lead", "Deadline", ""],
            ["1 Review satisfaction surveys of service users", "DCE", "31/03/2012",
             "Delayed"],
            ["2 Evaluate the apprenticeship programme", "HR", "June 2011", "Not started"]]
    [table], _ = tables_of(draw([rows], [260, 90, 90, 120], header_rows=2,
                                style=[("SPAN", (1, 0), (2, 0))]))
    assert texts(table) == rows


def test_a_two_row_header_in_another_layout():
    rows = [["Ref", "Objective", "Accountability and timescale", "", "RAG"],
            ["", "", "Owner", "Target date", ""],
            ["A1", "Reduce the gender pay gap", "HR Director", "2014", "Green"],
            ["A2", "Publish workforce data", "Analyst", "2013", "Amber"]]
    [table], _ = tables_of(draw([rows], [40, 220, 110, 110, 50], font="Times-Roman", size=10,
                                pad=6, header_rows=2, style=[("SPAN", (2, 0), (3, 0))]))
    assert texts(table) == rows
