"""Tables told apart by shading (filled bands, no lines) and other tables
without vertical rules: a header of two rows in one band, a group label over
two columns and their own labels beneath it, is two header rows, so each
column keeps its own label (``Timescale``, ``Lead person``) rather than the
group's (``Accountability and timescale``)."""

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from planextract.extract import read_document
from planextract.extract.model import Table as RawTable
from planextract.normalise.document import normalise


def _pdf(size, widths, header, lower, rows, style_commands, font="Helvetica", bold="Helvetica-Bold",
         points=8.5):
    body = ParagraphStyle("b", fontName=font, fontSize=points, leading=points + 2)
    head = ParagraphStyle("h", parent=body, fontName=bold)
    data = [[Paragraph(t, head) for t in header], [Paragraph(t, head) for t in lower]]
    data += [[Paragraph(t, body) for t in row] for row in rows]
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=size)
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), *style_commands]
    doc.build([Table(data, colWidths=widths, repeatRows=2, style=TableStyle(commands))])
    return buffer.getvalue()


def _header_rows(data, count=2):
    [table] = [b for b in read_document(data).blocks if isinstance(b, RawTable)]
    return [[c.text for c in row.cells] for row in table.rows[:count]]


def test_a_two_row_header_in_one_shaded_band_is_two_rows():
    rows = [["3", "Deliver the leadership programme", "Dec 2012", "Comms Manager"],
            ["4", "Monitor the estates strategy", "Feb 2013", "Board Secretary"]]
    shading = [("SPAN", (2, 0), (3, 0)),
               ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#c9d5e6")),
               ("ROWBACKGROUNDS", (0, 2), (-1, -1), [colors.white, colors.HexColor("#e8e8e8")])]
    data = _pdf(landscape(A4), [40, 380, 160, 160],
                ["No", "Actions to be taken", "Accountability and timescale", ""],
                ["", "", "Timescale", "Lead person"], rows, shading)
    assert _header_rows(data) == [["No", "Actions to be taken", "Accountability and timescale",
                                   ""], ["", "", "Timescale", "Lead person"]]
    actions = normalise(read_document(data)).actions
    assert [(a["due_raw"], a["owners_raw"]) for a in actions] == [
        ("Dec 2012", "Comms Manager"), ("Feb 2013", "Board Secretary")]


def test_a_second_plan_ruled_not_shaded_with_a_group_label_over_two_columns():
    rows = [["A1", "Agree the plan with partners", "Chief Executive", "Quarterly"],
            ["A2", "Publish the annual report", "Head of Policy", "March 2014"],
            ["A3", "Train all front-line staff", "HR Manager", "2015"]]
    # horizontal rules under every row but none between the two header rows
    rules = [("SPAN", (2, 0), (3, 0)), ("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.black),
             ("LINEBELOW", (0, 1), (-1, -1), 0.6, colors.black)]
    data = _pdf(A4, [40, 250, 120, 90], ["Ref", "What we will do", "Delivery", ""],
                ["", "", "Owner", "Deadline"], rows, rules, font="Times-Roman",
                bold="Times-Bold", points=10)
    assert _header_rows(data) == [["Ref", "What we will do", "Delivery", ""],
                                  ["", "", "Owner", "Deadline"]]
    actions = normalise(read_document(data)).actions
    assert [(a["action_id"], a["owners_raw"], a["due_kind"]) for a in actions] == [
        ("A1", "Chief Executive", "ongoing"), ("A2", "Head of Policy", "date"),
        ("A3", "HR Manager", "date")]


def test_a_header_label_wrapped_onto_a_second_line_stays_one_row():
    rows = [["1", "Agree the plan with partners", "Chief Executive"],
            ["2", "Publish the annual report", "Head of Policy"]]
    data = _pdf(A4, [40, 250, 60], ["No", "Action", "Responsible officer"], ["", "", ""],
                rows, [("LINEBELOW", (0, 1), (-1, 1), 0.6, colors.black)])
    assert _header_rows(data, 1) == [["No", "Action", "Responsible officer"]]


# -- rows drawn as bands: each band one row ---------------------------------

def _band_actions(data):
    return [(a["action_id"], a["owners_raw"], a["due_raw"])
            for a in normalise(read_document(data)).actions]


def test_stacked_actions_in_one_white_band_share_its_owner_and_date():
    # the white rows are drawn as white boxes between the shaded ones: the
    # band, not the numbers at the line starts, says where a row ends
    rows = [["5 Consult on the estates strategy<br/>6 Consult on monitoring returns<br/>"
             "7 Deliver a staff disability network", "2015", "Senior Management Team"]]
    shading = [("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#c9d5e6")),
               ("ROWBACKGROUNDS", (0, 2), (-1, -1), [colors.white, colors.HexColor("#e8e8e8")])]
    data = _pdf(landscape(A4), [420, 120, 160], ["Actions to be taken", "Timescale",
                                                 "Lead person"], ["", "", ""], rows, shading)
    assert _band_actions(data) == [("5", "Senior Management Team", "2015"),
                                   ("6", "Senior Management Team", "2015"),
                                   ("7", "Senior Management Team", "2015")]


def test_a_second_banded_plan_with_stacked_dotted_actions_in_a_shaded_band():
    rows = [["2.1 Agree the plan with partners<br/>2.2 Publish it on the website<br/>"
             "2.3 Train all front-line staff", "Head of Policy", "March 2014", "Green"]]
    shading = [("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#dde8cc")),
               ("ROWBACKGROUNDS", (0, 2), (-1, -1), [colors.HexColor("#f2f2f2"), colors.white])]
    data = _pdf(A4, [250, 110, 80, 60], ["What we will do", "Owner", "Deadline", "RAG"],
                ["", "", "", ""], rows, shading, font="Times-Roman", bold="Times-Bold",
                points=10)
    assert _band_actions(data) == [("2.1", "Head of Policy", "March 2014"),
                                   ("2.2", "Head of Policy", "March 2014"),
                                   ("2.3", "Head of Policy", "March 2014")]


def test_without_bands_numbered_lines_under_one_rule_are_rows_of_their_own():
    # the same body under a rule below the header and one at the bottom, no
    # fill: the numbered lines are set at the body's leading and the second holds
    # nothing beside it, so they are actions stacked in one cell (the unruled
    # reader's stacked-numbers rule) and share that cell's lead and date
    rows = [["5 Consult on the estates strategy<br/>6 Consult on monitoring returns",
             "2015", "Senior Management Team"]]
    rules = [("LINEBELOW", (0, 1), (-1, 1), 0.6, colors.black),
             ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black)]
    data = _pdf(landscape(A4), [420, 120, 160], ["Actions to be taken", "Timescale",
                                                 "Lead person"], ["", "", ""], rows, rules)
    assert _band_actions(data) == [("5", "Senior Management Team", "2015"),
                                   ("6", "Senior Management Team", "2015")]


def test_row_bands_keep_shaded_boxes_and_the_white_ones_chained_to_them():
    from planextract.extract.pdf.page import row_bands

    white, grey = True, False
    boxes = [(0, 0, 100, 10, grey), (0, 10, 100, 20, white), (0, 20, 100, 30, white),
             (0, 50, 100, 60, white),  # a white box apart: paper, not a row
             (0, 30, 60, 40, white)]  # abutting, but not as wide: not a row of this table
    assert row_bands(boxes, 2.0) == [(0, 0, 100, 10), (0, 10, 100, 20), (0, 20, 100, 30)]
    assert row_bands([(0, 0, 100, 10, white), (0, 10, 100, 20, white)], 2.0) == []


# -- a two-row header whose lower labels sit on two printed lines ----------

def test_a_wrapped_top_label_beside_a_lower_header_row_still_starts_the_table():
    # "Achievable (resources)" wraps inside the top row; "Owner" and "Timed" sit
    # in the lower row a few points further down: three printed header lines
    rows = [["1", "Embed hate crime reporting", "61% of staff", "Staff time", "DPH", "Quarterly"],
            ["2", "Publish the estates audit", "59% of staff", "£5,000", "SMT", "31.3.11"]]
    shading = [("SPAN", (4, 0), (5, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
               ("SPAN", (2, 0), (2, 1)), ("SPAN", (3, 0), (3, 1)),
               ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#c9d5e6")),
               ("ROWBACKGROUNDS", (0, 2), (-1, -1), [colors.white, colors.HexColor("#e8e8e8")])]
    data = _pdf(landscape(A4), [50, 230, 120, 90, 110, 80],
                ["No.", "Specific action", "Performance measure", "Achievable (resources)",
                 "Accountability and timescale", ""],
                ["", "", "", "", "Owner", "Timed"], rows, shading)
    assert _band_actions(data) == [("1", "DPH", "Quarterly"), ("2", "SMT", "31.3.11")]


def test_a_second_ruled_plan_with_a_wrapped_label_beside_a_lower_header_row():
    rows = [["A1", "Agree the plan", "Head of Policy", "2014", "Board"],
            ["A2", "Train all staff", "HR Manager", "2015", "Committee"],
            ["A3", "Publish the report", "Chief Executive", "2016", "Board"]]
    rules = [("SPAN", (2, 0), (3, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
             ("SPAN", (4, 0), (4, 1)), ("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.black),
             ("LINEBELOW", (0, 1), (-1, -1), 0.6, colors.black)]
    data = _pdf(A4, [40, 170, 100, 70, 80],
                ["Ref", "What we will do", "Delivery", "", "Reported to (scrutiny)"],
                ["", "", "Lead", "Deadline", ""], rows, rules, font="Times-Roman",
                bold="Times-Bold", points=10)
    assert _band_actions(data) == [("A1", "Head of Policy", "2014"), ("A2", "HR Manager", "2015"),
                                   ("A3", "Chief Executive", "2016")]
