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


def samples_and_long_plans(folder, plan_pages: int, unruled_rows: int, unruled_name: str):
    """The PDF samples, a drawn ruled plan of ``plan_pages`` pages and an unruled
    plan of ``unruled_rows`` actions (header not repeated) written to ``folder``:
    the inputs the PDF equivalence tests read both ways."""
    import sys
    from pathlib import Path

    from conftest import ROOT, SAMPLES

    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_plan_pdf

    plan = Path(folder) / "bench-plan.pdf"
    bench_plan_pdf.build(plan, plan_pages)
    unruled = Path(folder) / unruled_name
    unruled.write_bytes(draw([_long_plan(unruled_rows)], [40, 300, 120, 90],
                             footer="Page {page}", top_margin=18, header_rows=0))
    return sorted(SAMPLES.glob("*.pdf")) + [plan, unruled]


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


def test_a_page_whose_first_column_is_empty_keeps_its_numbers_in_their_column():
    # the header repeated at the page top leaves its second column unlabelled; the
    # page's body has nothing under "Expected impact": its label and the numbers'
    # cells lie in two columns of the page before, so they are two columns here too
    rows = [["Expected impact", "", "Specific actions", "Lead(s)", "Target end date"]]
    for k in range(1, 36):
        rows.append(["1 Residents trust us to treat them fairly" if k == 1 else "", f"1.{k}",
                     f"Review policy {k} of the equality scheme with the staff", "Head of HR",
                     "2013"])
    [table], raw = tables_of(draw([rows], [150, 40, 260, 100, 90]))
    assert raw.pages >= 2
    got = texts(table)
    assert [r[1] for r in got[1:]] == [f"1.{k}" for k in range(1, 36)]
    assert not any(r[0] for r in got[2:])


def test_a_page_whose_first_column_is_empty_in_another_layout():
    # differs in everything but the rule: Times, portrait, wider numbers column,
    # the labelled column a theme, four columns, lettered numbers
    rows = [["Theme", "", "Task", "Who"]]
    for k in range(1, 71):
        rows.append(["Fair access" if k == 1 else "", f"B{k}", f"Fit hearing loop {k}",
                     "Estates"])
    [table], raw = tables_of(draw([rows], [120, 60, 200, 90], font="Times-Roman", size=10,
                                  page=A4))
    assert raw.pages >= 2
    got = texts(table)
    assert [r[1] for r in got[1:]] == [f"B{k}" for k in range(1, 71)]
    assert [r[0] for r in got[1:]] == ["Fair access"] + [""] * 69


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


def test_centred_cells_that_miss_the_header_starts_do_not_end_the_table():
    def centred(text):
        return Paragraph(text, ParagraphStyle("m", fontName="Helvetica", fontSize=9,
                                              leading=11, alignment=1))

    rows = [["Action", "Owner", "Due", "RAG"]]
    for k, (owner, due, rag) in enumerate([("HR", "May 2012", "Red"), ("CE", "2013", "Green"),
                                           ("Estates", "June", "Amber")], start=1):
        rows.append([f"{k} Review the access of office {k}", centred(owner), centred(due),
                     centred(rag)])
    [table], _ = tables_of(draw([rows], [260, 110, 110, 80]))
    assert texts(table)[0] == ["Action", "Owner", "Due", "RAG"]
    assert [r[0] for r in texts(table)[1:]] == [
        f"{k} Review the access of office {k}" for k in (1, 2, 3)]
    assert texts(table)[3][1:] == ["Estates", "June", "Amber"]


def test_labels_centred_over_left_set_cells_in_another_layout():
    def centred(text):
        return Paragraph(f"<b>{text}</b>", ParagraphStyle("h", fontName="Times-Roman",
                                                          fontSize=10, leading=12, alignment=1))

    rows = [[centred(h) for h in ("Ref", "Measure", "Responsible party", "Time frame")],
            ["M1", "Count hate incidents reported by students", "Registrar", "Termly"],
            ["M2", "Survey disabled students on access", "Disability Office", "Annually"]]
    [table], _ = tables_of(draw([rows], [50, 250, 130, 90], font="Times-Roman", size=10,
                                pad=6))
    assert texts(table)[0] == ["Ref", "Measure", "Responsible party", "Time frame"]
    assert texts(table)[2] == ["M2", "Survey disabled students on access", "Disability Office",
                               "Annually"]


# 9. a page that opens with one cell running on from the page before

def _split_row_pdf(xs, header, rows, cut, carried, font, size):
    """Rows drawn without rules over two pages; the row at ``cut`` is broken
    by the page: its cell ``carried`` runs on at the top of page 2 (wrapped
    to its column as a writer wraps), the other cells stay on page 1."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    height, lead = A4[1], size * 1.25

    def draw_row(y, cells):
        depth = 1
        for col, text in enumerate(cells):
            width = (xs[col + 1] if col + 1 < len(xs) else 560) - xs[col] - 8
            lines = simpleSplit(text, font, size, width) if text else []
            for k, line in enumerate(lines):
                c.drawString(xs[col], height - y - k * lead, line)
            depth = max(depth, len(lines))
        return y + depth * lead + 8

    c.setFont(font, size)
    y = draw_row(60, header)
    for index, cells in enumerate(rows):
        if index == cut:
            first = list(cells)
            first[carried] = cells[carried].split(" | ")[0]
            draw_row(y, first)
            c.showPage()
            c.setFont(font, size)
            rest = [""] * len(cells)
            rest[carried] = cells[carried].split(" | ")[1]
            y = draw_row(60, rest)
            continue
        y = draw_row(y, cells)
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_page_opening_with_one_cell_running_on_continues_the_row():
    rows = [[str(k), f"Publish report {k} on the website", "HR", "2013"] for k in (1, 2, 3)]
    rows.append(["4", "Train all managers | before the end of the year", "HR", "2014"])
    rows += [[str(k), f"Publish report {k} on the website", "CE", "2015"] for k in (5, 6)]
    [table], _ = tables_of(_split_row_pdf([40, 80, 330, 430], ["No", "Action", "Lead", "Due"],
                                          rows, 3, 1, "Helvetica", 9))
    assert [r[0] for r in texts(table)] == ["No", "1", "2", "3", "4", "5", "6"]
    assert texts(table)[4] == ["4", "Train all managers before the end of the year", "HR", "2014"]


def test_a_page_opening_with_an_owner_running_on_continues_the_row_too():
    rows = [[f"A{k}", "Agree the plan with the partnership board", "Head of Policy", "Q1"]
            for k in (1, 2)]
    rows.append(["A3", "Consult tenants", "Tenant Involvement | Officer", "Q2"])
    rows.append(["A4", "Report to cabinet", "Director", "Q3"])
    [table], _ = tables_of(_split_row_pdf([50, 110, 360, 500], ["Ref", "Task", "Owner", "When"],
                                          rows, 2, 2, "Times-Roman", 11))
    assert [r[0] for r in texts(table)] == ["Ref", "A1", "A2", "A3", "A4"]
    assert texts(table)[3][2] == "Tenant Involvement Officer"


def test_shaded_bands_in_another_layout_part_rows_whose_first_column_wraps():
    rows = [["Strand", "What we will do", "Lead", "Target"],
            ["Disability and long-term health conditions", "Audit the website", "Web team",
             "2012"],
            ["Disability and long-term health conditions", "Offer large print letters", "Ops",
             "2013"],
            ["Race and religion or belief", "Publish monitoring", "HR", "2014"]]
    style = [("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.Color(0.85, 0.9, 0.85), colors.white])]
    [table], _ = tables_of(draw([rows], [110, 200, 90, 60], font="Times-Roman", size=10, pad=4,
                                style=style))
    assert texts(table) == rows


def test_a_header_at_the_very_top_of_each_page_in_another_layout_is_kept_once():
    rows = [["No", "Recommendation", "Responsible officer", "By when"]]
    rows += [[f"R{k}", f"Recommendation {k}: improve the monitoring of complaints",
              "Head of Service", "2014"] for k in range(1, 46)]
    data = draw([rows], [40, 260, 130, 80], font="Courier", size=8, pad=3, top_margin=12,
                footer="Printed for the scrutiny committee - page {page}")
    [table], raw = tables_of(data)
    assert raw.pages >= 2
    got = texts(table)
    assert got[0] == rows[0] and [r[0] for r in got[1:]] == [f"R{k}" for k in range(1, 46)]
    assert not any("scrutiny committee" in c for r in got for c in r)


# 10. a year opening a wrapped line is not a number opening a row

def test_a_year_wrapped_to_the_next_line_stays_in_its_row():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    first = "1.1 Review the use of restraint in line with the Equality Act"
    width = stringWidth(first, "Helvetica", 9) + 2 * 4 + 2  # "2010" cannot follow
    rows = [["Ref", "Action", "Lead", "When"],
            ["1", f"{first} 2010", "Dep. Chief Executive", "December 2010"],
            ["2", "Publish the results", "HR", "2011"]]
    [table], _ = tables_of(draw([rows], [40, width, 120, 90]))
    assert texts(table) == rows


def test_a_two_row_header_repeated_on_every_page_is_dropped_whole():
    rows = [["No", "Action", "Accountability and timescale", "", "Update"],
            ["", "", "By whom", "Deadline", ""]]
    rows += [[str(k), f"Review service {k} with its users and report to the board",
              "Service Manager", "2013", "On track"] for k in range(1, 36)]
    [table], raw = tables_of(draw([rows], [40, 250, 120, 90, 90], header_rows=2,
                                  style=[("SPAN", (2, 0), (3, 0))]))
    assert raw.pages >= 2
    got = texts(table)
    assert got[:2] == rows[:2] and [r[0] for r in got[2:]] == [str(k) for k in range(1, 36)]
    assert not any(r.stitched for b in raw.blocks if isinstance(b, RawTable) for r in b.rows)


def test_owners_one_per_line_in_the_last_column_of_a_table_with_horizontal_rules():
    rows = [["Action", "Due", "Lead"],
            ["Publish the plan", "2013", "HR|CE"],
            ["Consult the forum", "2014", "Chief Inspector Grey|Comms"]]
    style = [("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
             ("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black)]
    raw = read_document(draw([rows], [250, 90, 160], style=style))
    [table] = [b for b in raw.blocks if isinstance(b, RawTable)]
    assert table.rows[1].cells[2].parts == ("HR", "CE")
    assert table.rows[2].cells[2].parts == ("Chief Inspector Grey", "Comms")
