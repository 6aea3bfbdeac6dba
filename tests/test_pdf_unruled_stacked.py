"""Unruled PDF tables, continued (issue 6, classes 2 and 4): numbered actions
stacked in one cell of a table that spaces its rows, and a two-row header
whose top row has a label merged down over both rows. Each rule on a plan
drawn here with reportlab from what a plan prints, and again on a second
plan that differs in everything but the rule."""

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from test_pdf_unruled import LANDSCAPE, cell, draw, tables_of, texts

# 1. a number set at the leading of the line above, in a table that spaces its
# rows, is the next action stacked in the same cell, not a new row


def test_numbered_actions_stacked_in_a_spaced_table_stay_in_their_row():
    rows = [["Issue", "Actions", "Who", "Target"],
            ["Few complaints recorded by protected characteristic",
             "4 We will review the customer access strategy across all local delivery "
             "units|5. To introduce access to premises for wheelchair users|6 To promote "
             "satisfaction surveys of service users", "Head of Professional Standards",
             "Quarterly"],
            ["Training completion below target", "7 Develop the induction pack for new staff",
             "Area Mgr", "31.3.11"]]
    [table], _ = tables_of(draw([rows], [150, 260, 110, 70], pad=6))
    assert len(table) == 3
    assert table[1][1] == ("4 We will review the customer access strategy across all local "
                           "delivery units", "5. To introduce access to premises for "
                           "wheelchair users", "6 To promote satisfaction surveys of "
                           "service users")
    assert texts(table)[1][2:] == ["Head of Professional Standards", "Quarterly"]
    assert texts(table)[2][1] == "7 Develop the induction pack for new staff"


def test_stacked_dotted_numbers_under_a_ref_column_in_another_layout():
    rows = [["Ref", "Action(s)", "Owner", "By when"],
            ["1.", "Audit grievance outcomes and report findings to the board", "Head of HR",
             ""],
            ["", "2.1 Commission a staff network|2.2 Service leads to pilot the induction "
                 "pack for new staff and report findings to the board", "Dir. Finance",
             "2015"],
            ["4.", "Develop the gender pay gap report", "Registrar", "TBC"]]
    [table], _ = tables_of(draw([rows], [40, 300, 120, 80], font="Times-Roman", size=10,
                                pad=8, page=A4))
    assert [r[0] for r in texts(table)] == ["Ref", "1.", "", "4."]
    assert table[2][1] == ("2.1 Commission a staff network", "2.2 Service leads to pilot the "
                           "induction pack for new staff and report findings to the board")


def test_as_many_stacked_numbers_as_spaced_rows_stay_stacked():
    # two rows of three stacked actions each between spaced rows of one: the
    # numbers at the leading are as many as those with a gap above them (a tie:
    # only a table spacing its rows has gaps, so the gaps decide)
    rows = [["Reference", "Proposed action", "Lead director", "Starting", "Date to"],
            ["", "1 Streamline the customer feedback cards|2 Refresh the reasonable "
                 "adjustment passport|3 A review of the supplier diversity survey",
             "Organisational Development Head", "Autumn 2011", "Spring 2012"],
            ["4", "Create the volunteer role descriptions", "Head of Legal Services",
             "01-Apr-13", "31-Mar-14"],
            ["5", "Complete the volunteer role handbook", "Inclusion Manager", "Autumn 2011",
             "Spring 2012"],
            ["6", "Reinforce the reasonable adjustment passport", "Inclusion Manager",
             "Q1 2012/13", "Q4 2012/13"],
            ["", "7 Revisit the gender pay audit|8 Evaluate the corporate complaints "
                 "process|9 Scope the hate incident protocol", "Head of Residential Services",
             "Autumn 2011", "Spring 2012"]]
    [table], _ = tables_of(draw([rows], [55, 260, 150, 70, 70], pad=5))
    assert len(table) == 6
    assert texts(table)[1][2:] == ["Organisational Development Head", "Autumn 2011",
                                   "Spring 2012"]
    assert table[5][1][2] == "9 Scope the hate incident protocol"


def test_as_many_stacked_as_spaced_in_another_plan():
    rows = [["No.", "What we will do", "Owner", "When"],
            ["1.", "Publish the pay gap figures", "HR Adviser", "March 09"],
            ["", "2.1 Train the panel chairs|2.2 Audit the adverts|2.3 Review the interview "
                 "questions", "Recruitment Lead", "31.3.11"],
            ["3.", "Survey the new starters", "OD Partner", "On-going"]]
    [table], _ = tables_of(draw([rows], [40, 240, 110, 70], font="Times-Roman", size=10,
                                pad=7, page=A4))
    assert [r[0] for r in texts(table)] == ["No.", "1.", "", "3."]
    assert table[2][1] == ("2.1 Train the panel chairs", "2.2 Audit the adverts",
                           "2.3 Review the interview questions")
    assert texts(table)[2][2:] == ["Recruitment Lead", "31.3.11"]


def test_rows_without_spacing_are_still_cut_at_numbers_beside_other_cells():
    # packed rows (no padding) with a gap under the header only: a numbered
    # line with cells beside it opens a row
    rows = [["No", "Objective", "By whom"],
            ["1", "Agree one approach to impact assessment", "Policy team"],
            ["2", "Publish every assessment", "Director"],
            ["3", "Report to scrutiny", "Director"]]
    style = [("TOPPADDING", (0, 0), (-1, 0), 6), ("BOTTOMPADDING", (0, 0), (-1, 0), 8)]
    [table], _ = tables_of(draw([rows], [30, 260, 90], font="Courier", size=8, pad=0,
                                style=style))
    assert [r[0] for r in texts(table)] == ["No", "1", "2", "3"]


def test_a_page_holding_one_row_of_stacked_actions_keeps_them_in_it():
    filler = [[str(k), f"Review service {k} with its users and report to the board",
               "Service Manager", "2013"] for k in range(1, 45)]
    last = ["45", "45.1 Monitor access to premises for wheelchair users|45.2 Deliver the "
                  "volunteer recruitment process|45.3 Publish the access audit",
            "Estates Manager", "15/07/2011"]
    rows = [["Ref", "Action", "Lead", "When"], *filler, last]
    [table], raw = tables_of(draw([rows], [40, 300, 120, 90], pad=6, page=A4))
    assert raw.pages == 2
    assert texts(table)[-1][0] == "45" and len(table[-1][1]) == 3
    assert len(table) == 46


# 2. a two-row header whose top row has a label wrapped onto a second line
# (merged down over both rows): the lower labels are a header row of their own


def test_a_two_row_header_with_a_top_label_merged_down_over_both_rows():
    rows = [["No", "Specific action", "Achievable (resources)", "Accountability and "
             "timescale", ""],
            ["", "", "", "Who", "Time-bound"],
            ["D 1", "To pilot mandatory equality training for managers", "Staff time",
             "Facilities Head", "June 2011"],
            ["D 2", "Agree partnership agreements with local groups", "Within budget",
             "SMT", "31/03/2012"]]
    style = [("SPAN", (3, 0), (4, 0)), ("SPAN", (2, 0), (2, 1)),
             ("LINEBELOW", (3, 0), (4, 0), 0.5, colors.black),
             ("LINEBELOW", (0, 1), (-1, -1), 0.5, colors.black),
             ("FONTNAME", (0, 0), (-1, 1), "Helvetica-Bold")]
    [table], _ = tables_of(draw([rows], [50, 250, 70, 130, 90], pad=10, header_rows=2,
                                style=style))
    assert texts(table)[0] == ["No", "Specific action", "Achievable (resources)",
                               "Accountability and timescale", ""]
    assert texts(table)[1] == ["", "", "", "Who", "Time-bound"]
    assert [r[0] for r in texts(table)[2:]] == ["D 1", "D 2"]


def test_a_merged_down_label_in_another_two_row_header():
    rows = [["Ref", "Responsibility", "", "Estimated cost of delivery", "Action"],
            ["", "Lead officer", "Deadline", "", ""],
            ["A1", "Head of Estates", "2014", "None", "Audit every office for access"],
            ["A2", "Registrar", "2015", "£2,000", "Publish the workforce profile"]]
    style = [("SPAN", (1, 0), (2, 0)), ("SPAN", (3, 0), (3, 1))]
    [table], _ = tables_of(draw([rows], [40, 110, 80, 70, 220], font="Times-Roman", size=10,
                                pad=5, header_rows=2, style=style, page=A4))
    assert texts(table)[1] == ["", "Lead officer", "Deadline", "", ""]
    assert texts(table)[0][0:2] == ["Ref", "Responsibility"]
    assert texts(table)[0][3].replace("\n", " ") == "Estimated cost of delivery"
    assert [r[0] for r in texts(table)[2:]] == ["A1", "A2"]


def test_a_two_row_header_of_two_labels_a_row_over_an_unlabelled_number_column():
    rows = [["", "Action(s)", "Responsibility", ""],
            ["", "", "Accountable officer", "Target date"],
            ["1", "Review the apprenticeship programme", "Public Health Director", "March 09"],
            ["2", "Introduce interpreting services", "Board Secretary", "Annually"]]
    [table], _ = tables_of(draw([rows], [40, 330, 140, 90], pad=8, header_rows=2,
                                style=[("SPAN", (2, 0), (3, 0))]))
    assert texts(table) == rows


def test_two_labels_a_row_in_another_two_row_header():
    rows = [["", "What we will do", "Delivery", ""],
            ["", "", "Lead", "By"],
            ["A1", "Publish the workforce profile", "HR", "2014"],
            ["A2", "Audit every office for access", "Estates", "2015"]]
    [table], _ = tables_of(draw([rows], [45, 260, 100, 70], font="Courier", size=8, pad=6,
                                header_rows=2, page=A4, style=[("SPAN", (2, 0), (3, 0))]))
    assert texts(table) == rows


def test_a_key_line_of_two_cells_above_a_header_is_not_its_top_row():
    key = [["Green", "Objective met"]]
    rows = [["No.", "Recommendation", "Target", "Responsible officer", "Status"],
            ["1.", "Develop the use of restraint by ethnicity", "2012", "Policy Officers",
             "Amber"],
            ["2.", "Refresh the apprenticeship programme", "2013", "Head of HR", "Green"]]
    [table], _ = tables_of(_key_above(key, rows))
    assert texts(table) == rows


def _key_above(key, rows):
    """The key drawn as lines of two cells close above the plan's table."""
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    story = [Table([[cell(c) for c in r] for r in key], colWidths=[60, 200], style=style,
                   hAlign="LEFT"),
             Table([[cell(c) for c in r] for r in rows], colWidths=[40, 250, 80, 120, 60],
                   style=style, hAlign="LEFT")]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=LANDSCAPE, invariant=1).build(story)
    return buffer.getvalue()


# 3. a page holding only the end of one cell under the repeated header: the
# labels right of that text head columns of their own, so the header is known
# as the repeat and the text continues its row


def _drawn(pages, xs, font="Helvetica", size=9, page=LANDSCAPE):
    """A PDF drawn line by line: each page a list of lines, each line a list
    of (column, text) or None for a row gap; ``xs`` are the columns' starts."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=page, invariant=1)
    for lines in pages:
        y = page[1] - 60
        for line in lines:
            for column, text in line or ():
                canvas.setFont(font, size)
                canvas.drawString(xs[column], y, text)
            y -= size * (0.9 if line is None else 1.2)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_the_end_of_one_cell_alone_on_a_page_continues_its_row():
    header = [(0, "Aim"), (1, "Measure"), (2, "Responsible officer"), (3, "Deadline")]
    steps = [[(1, f"• step {k} of the review agreed with the staff networks")]
             for k in range(1, 5)]
    first = [header, None, [(0, "Staff are valued"), (1, "1.1 Review the staff survey"),
                            (2, "HR"), (3, "2013")], None,
             [(1, "1.2 Monitor hate crime reporting:"), (2, "Station Manager"),
              (3, "Dec 2011")], *steps[:2]]
    [table], raw = tables_of(_drawn([first, [header, None, *steps[2:]]], [60, 200, 480, 640]))
    assert raw.pages == 2
    assert texts(table)[0] == ["Aim", "Measure", "Responsible officer", "Deadline"]
    assert len(table) == 3
    assert table[2][1] == ("1.2 Monitor hate crime reporting:\n" + "\n".join(
        f"step {k} of the review agreed with the staff networks" for k in range(1, 5)),)
    assert texts(table)[2][2:] == ["Station Manager", "Dec 2011"]


def test_a_cells_end_alone_on_a_page_in_another_layout():
    header = [(0, "Ref"), (1, "Objective"), (2, "Actions"), (3, "Lead"), (4, "By")]
    meetings = [[(2, f"{k}) meeting held with partners in district {k}")] for k in range(1, 7)]
    first = [header, None, [(0, "A1"), (1, "Engage partners"), (2, "Hold meetings:"),
                            (3, "Comms"), (4, "2014")], *meetings[:3]]
    [table], raw = tables_of(_drawn([first, [header, None, *meetings[3:]]],
                                    [50, 90, 220, 420, 500], font="Times-Roman", size=10,
                                    page=A4))
    assert raw.pages == 2
    assert texts(table)[0] == ["Ref", "Objective", "Actions", "Lead", "By"]
    assert len(table) == 2
    assert texts(table)[1][2].endswith("6) meeting held with partners in district 6")


# 4. dates one a line beside actions stacked in one cell, filling the last
# column so the fit test cannot part them: one date each

def test_dates_one_a_line_beside_stacked_actions_are_one_each():
    from planextract.extract.pdf.cell_text import parallel_lines

    row = ["2 Commission a network\n\n3. Pilot the induction pack", "Head of HR\n\nDir. Finance",
           "June 2011 September 2011\n2015"]
    assert parallel_lines(row)[2] == "June 2011 September 2011\n\n2015"
    # a wrapped date beside one action, or a line without a digit, stays as it is
    assert parallel_lines(["1 Commission a network", "April 2011 - March\n2012"])[1] == (
        "April 2011 - March\n2012")
    for wrapped in ("December 2010 –\n2011", "June 2011, December\n2011"):
        assert parallel_lines([row[0], wrapped])[1] == wrapped
    assert parallel_lines([row[0], "Head of Professional\nStandards"])[1] == (
        "Head of Professional\nStandards")


def test_posts_one_a_line_beside_stacked_actions_are_one_each():
    from planextract.extract.pdf.cell_text import parallel_lines

    # three posts beside three actions, the first holding "and" (which alone
    # could run on into the next line): one each
    row = ["6 Review the board\n\n7 Simplify the facilities\n\n8 Review the pipeline",
           "Learning and Development Adviser Customer Services Head\nHead of Engagement"]
    assert parallel_lines(row)[1] == row[1]  # two printed lines: nothing to go by
    row[1] = "Learning and Development Adviser\nCustomer Services Head\nHead of Engagement"
    assert parallel_lines(row)[1] == (
        "Learning and Development Adviser\n\nCustomer Services Head\n\nHead of Engagement")
    # a line that is no post (a wrap ending in a linking word, a sentence) stays as it is
    for printed in ("Head of Learning and\nDevelopment\nEstates Manager",
                    "Agreed with the\nboard in May\nHR Manager"):
        assert parallel_lines([row[0], printed])[1] == printed


def _fills(values, font, size, pad):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return max(stringWidth(v, font, size) for v in values) + 2 * pad + 1


def test_stacked_actions_and_their_dates_in_a_drawn_plan():
    dates = ["June 2011 September 2011", "2015"]
    rows = [["Ref", "Action(s)", "Owner", "By when"],
            ["1.", "Audit grievance outcomes", "Head of HR", "March 2012"],
            ["", "2 Commission a staff disability network for every directorate and "
                 "publish a summary for the public|3. Service leads to pilot the induction "
                 "pack", "Head of HR|Dir. Finance", "|".join(dates)],
            ["4.", "Develop the gender pay gap report", "Registrar", "TBC"]]
    [table], _ = tables_of(draw([rows], [40, 300, 120, _fills(dates, "Helvetica", 9, 6)],
                                pad=6))
    assert table[2][3] == tuple(dates)


def test_stacked_actions_and_their_dates_in_another_drawn_plan():
    dates = ["January 2016 and ongoing", "2009 – 2012", "By 31 March 2012"]
    rows = [["Theme", "Actions", "Lead", "Target"],
            ["Community", "7 Introduce monitoring returns|8 Introduce exit interview data|"
                          "9 Commission grievance outcomes", "Diversity Manager",
             "|".join(dates[:2]) + "|" + dates[2]]]
    style = [("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)]
    [table], _ = tables_of(draw([rows], [90, 260, 110, _fills(dates, "Times-Roman", 10, 5)],
                                font="Times-Roman", size=10, pad=5, style=style, page=A4))
    assert table[1][3] == tuple(dates)
