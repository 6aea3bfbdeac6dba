"""A date cell beside stacked actions with fewer paragraphs than actions: in
a narrow column the reader cannot tell an author's line break from a wrap
(``Commencement`` does not fit after ``15/07/2011``), so the deadlines are
shared out by what they say: each deadline apart, with the words that lead
into it (``By``, ``Commencement``); else deadlines joined by ``and`` or a
comma kept together, one action's ``January 2016 and ongoing``."""

import io

from docx import Document
from grid_pdf import grid_pdf
from plan_blocks import run, table

from planextract.extract import read_document
from planextract.normalise.dates import share_deadlines, split_deadlines
from planextract.normalise.document import normalise


def test_deadlines_are_shared_out_with_their_lead_in_words():
    assert share_deadlines(["15/07/2011 Commencement September 2011 April 2014"], 3) == [
        "15/07/2011", "Commencement September 2011", "April 2014"]
    assert share_deadlines(["Annually 31/03/2012", "Dec 09 – Dec 2012"], 3) == [
        "Annually", "31/03/2012", "Dec 09 – Dec 2012"]
    # an impossible date is a deadline of its own too (flagged when it is read)
    assert share_deadlines(["Quarterly", "Sept 2012 31.6.10"], 3) == [
        "Quarterly", "Sept 2012", "31.6.10"]


def test_deadlines_joined_by_and_stay_one_actions_when_only_that_gives_the_count():
    assert share_deadlines(["January 2016 and ongoing 2009 – 2012", "By 31 March 2012"],
                           3) == ["January 2016 and ongoing", "2009 – 2012", "By 31 March 2012"]
    # a joined pair is one action's: never parted to make the count, the whole cell
    # is each action's (one schedule printed once beside them all)
    assert share_deadlines(["January 2016 and ongoing"], 2) is None
    assert share_deadlines(["June 2011, December 2011 and 2012"], 2) is None
    assert share_deadlines(["To be agreed", "May 2012"], 2) is None


def test_a_semicolon_and_a_stage_word_join_one_actions_deadlines():
    # stages of one schedule, printed once beside two stacked actions
    assert share_deadlines(["Interim June 2012; final December 2012"], 2) is None
    assert share_deadlines(["Phase one 2015; phase two 2016"], 2) is None
    assert share_deadlines(["Draft Sept 2013, final version March 2014"], 2) is None
    # each action's own deadline, a line each, the lines run together
    assert share_deadlines(["Interim June 2012; final December 2012 By March 2014"], 2) == [
        "Interim June 2012; final December 2012", "By March 2014"]
    assert share_deadlines(["June 2012\nDecember 2012"], 2) == ["June 2012", "December 2012"]


def test_a_cell_split_for_its_own_count_keeps_what_it_always_gave():
    assert split_deadlines("By March 2012 From April 2013", 2) == [
        "By March 2012", "From April 2013"]
    assert split_deadlines("January 2010", 2) is None


def _plan(size, xs, header, row, font="Helvetica", points=9.0):
    return normalise(read_document(grid_pdf(size, xs, header, [[row]], font=font,
                                            points=points))).actions


def test_a_narrow_date_column_beside_three_stacked_actions():
    from reportlab.lib.pagesizes import A4, landscape

    xs = [50, 330, 440, 520]
    header = [["Actions"], ["Who"], ["Time frame"]]
    row = [["2 Extend the complaints procedure", "3 Publish the satisfaction survey",
            "4 Review the accessibility audit"],
           ["Head of Standards", "Head of Standards", "Finance Director"],
           ["15/07/2011", "Commencement", "September 2011", "April 2014"]]
    actions = _plan(landscape(A4), xs, header, row)
    got = [(a["action_id"], a["due_kind"], str(a["due_date"]), str(a["due_start"]))
           for a in actions]
    assert got == [("2", "date", "2011-07-15", "None"),
                   ("3", "ongoing", "None", "2011-09-01"),
                   ("4", "date", "2014-04-30", "None")]


def test_a_second_plan_sharing_a_joined_deadline_among_its_stacked_actions():
    from reportlab.lib.pagesizes import A4

    xs = [40, 120, 360, 470, 560]
    header = [["Theme"], ["What we will do"], ["Lead"], ["Due"]]
    row = [["Access"],
           ["1.1 Survey the estate", "1.2 Fit hearing loops", "1.3 Audit the website"],
           ["Estates Head"],
           ["May 2012 and", "ongoing 2013 –", "2015", "By 31 March 2016"]]
    actions = _plan(A4, xs, header, row, font="Times-Roman", points=10)
    assert [(a["action_id"], a["due_kind"], str(a["due_date"])) for a in actions] == [
        ("1.1", "multiple", "2012-05-31"), ("1.2", "range", "2015-12-31"),
        ("1.3", "date", "2016-03-31")]


def test_stacked_actions_beside_one_schedule_each_get_the_whole_schedule():
    doc = run(table(["No.", "Action", "Lead", "Target date"],
                    ["", "1. Refresh the equality pages of the staff intranet\n"
                         "2. Publish the workforce monitoring report",
                     "Web Manager", "Interim June 2012; final December 2012"],
                    ["3.", "Train the panel chairs", "HR Adviser", "May 2012"]))
    assert [a.action_id for a in doc.actions] == ["1", "2", "3"]
    assert [a.due_kind for a in doc.actions] == ["multiple", "multiple", "date"]
    assert [str(a.due_date) for a in doc.actions] == ["2012-12-31", "2012-12-31", "2012-05-31"]


def test_the_same_in_a_word_table_with_and_and_other_words():
    document = Document()
    cells = document.add_table(rows=3, cols=4).rows
    for row, texts in zip(cells, [["Ref", "What we will do", "Owner", "Deadline"],
                                  ["", "", "Estates Officer", "March 2013 and March 2014"],
                                  ["3", "Audit the car parks", "Estates Officer", "Sept 2013"]]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    stacked = cells[1].cells[1]
    stacked.text = "1. Survey the changing places toilets"
    stacked.add_paragraph("2. Fit automatic doors at the library")
    data = io.BytesIO()
    document.save(data)
    actions = normalise(read_document(data.getvalue())).actions
    assert [(a.action_id, a.action[:10]) for a in actions] == [
        ("1", "Survey the"), ("2", "Fit automa"), ("3", "Audit the ")]
    assert [str(a.due_date) for a in actions] == ["2014-03-31", "2014-03-31", "2013-09-30"]
