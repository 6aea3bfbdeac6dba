"""Ruled tables cut by a page break, on small PDFs drawn here line by line.

A writer that cuts a row at the page foot draws it open (the vertical rules
run on below the last horizontal rule); what is left of the row is the first
row under the repeated header on the next page, even when it opens with a
numbered action (stacked actions in one cell). A row closed at the foot, or
one whose remainder the writer left empty, ends where it is drawn.
"""

from grid_pdf import grid_pdf as _grid_pdf

from planextract.extract import read_document
from planextract.extract.model import Table as RawTable
from planextract.extract.pdf.grid import find_tables
from planextract.extract.pdf.page import Rule, Word
from planextract.extract.pdf.stitch import _continues, _joined_cell
from planextract.normalise.document import normalise


def _tables(data):
    return [b for b in read_document(data).blocks if isinstance(b, RawTable)]


def _texts(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


# -- the rule, on the finder's own terms --------------------------------------

def test_the_finder_says_whether_the_last_row_is_drawn_open():
    xs, ys = [0.0, 100.0, 200.0, 300.0], [0.0, 20.0, 40.0]
    words = [Word("cut", 105, 115, 45, 55, 10.0, False)]
    horizontal = [Rule(0, y, 300, y) for y in ys]
    [cut] = find_tables(horizontal + [Rule(x, 0, x, 60) for x in xs], words)
    assert cut.open_bottom and cut.bottom == 60 and cut.rows[-1][1] == "cut"
    [closed] = find_tables(horizontal + [Rule(x, 0, x, 40) for x in xs], words)
    assert not closed.open_bottom and closed.bottom == 40


def test_a_numbered_action_opening_a_page_top_row_starts_that_row():
    assert _continues(["", "", "4 Refresh the clauses", "SPOs"]) is False
    assert _continues(["", "Sexual Orientation", "• 12. Review the policy", "HR"]) is False
    # a number then lower case is a wrapped line (12 months), not an action
    assert _continues(["", "Sexual Orientation", "12 months after launch", ""]) is True
    assert _continues(["", "Sexual Orientation", "and report to the board", ""]) is True


def test_a_numbered_action_joined_over_the_break_opens_its_own_paragraph():
    assert _joined_cell("6 Report to the board", "7. HR to update the pack") == (
        "6 Report to the board\n\n7. HR to update the pack")
    assert _joined_cell("review after", "12 months") == "review after\n12 months"
    assert _joined_cell("", "7 Agree") == "7 Agree"


# -- on whole documents --------------------------------------------------------

def test_stacked_actions_cut_by_the_page_break_stay_one_row_sharing_owner_and_date():
    from reportlab.lib.pagesizes import A5, landscape

    xs = [40, 110, 330, 440, 540]
    header = [["Strand"], ["Description"], ["Lead"], ["Due"]]
    page1 = [[["Age"], ["5. Publish the plan on the website"], ["Policy Officer"], ["2015"]],
             ("open", [["LGBT"], ["6. Report on training for managers"],
                       ["Deputy Chief", "Executive"], ["April 2011 - March", "2012"]])]
    page2 = [[[], ["7. HR to update the induction pack", "for new staff",
                   "8 The equality group to publish the", "survey results"], [], []],
             [["Race"], ["9. Refresh the staff profile"], ["Head of HR"], ["2013"]]]
    data = _grid_pdf(landscape(A5), xs, header, [page1, page2])
    [table] = _tables(data)
    assert [row[0] for row in _texts(table)] == ["Strand", "Age", "LGBT", "Race"]
    assert table.rows[2].stitched and (table.rows[2].page_start, table.rows[2].page_end) == (1, 2)
    actions = normalise(read_document(data)).actions
    got = [(a["action_id"], a["owners_raw"], a["due_kind"]) for a in actions]
    assert got == [("5", "Policy Officer", "date"),
                   ("6", "Deputy Chief Executive", "range"),
                   ("7", "Deputy Chief Executive", "range"),
                   ("8", "Deputy Chief Executive", "range"),
                   ("9", "Head of HR", "date")]


def test_a_second_document_other_in_all_but_an_open_cut_row_reads_the_same_way():
    from reportlab.lib.pagesizes import A4

    # portrait, three columns, Times, dotted numbers, the cut inside the owner cell
    xs = [50, 300, 430, 545]
    header = [["Action"], ["Owner"], ["Deadline"]]
    page1 = [[["1.1 Agree the equality objectives"], ["Chief Executive"], ["March 2012"]],
             ("open", [["1.2 Audit the recruitment process"], ["Head of HR,"], ["Dec 2012"]])]
    page2 = [[["1.3 Consult disabled staff"], ["Estates Manager"], []]]
    data = _grid_pdf(A4, xs, header, [page1, page2], font="Times-Roman", points=10, leading=12)
    [table] = _tables(data)
    assert _texts(table)[2] == ["1.2 Audit the recruitment process\n1.3 Consult disabled staff",
                                "Head of HR, Estates Manager", "Dec 2012"]
    actions = normalise(read_document(data)).actions
    assert [a["action_id"] for a in actions] == ["1.1", "1.2", "1.3"]
    assert actions[2]["due_raw"] == "Dec 2012" and actions[2]["page_start"] == 1


def test_a_row_closed_at_the_foot_or_left_empty_over_the_break_ends_there():
    from reportlab.lib.pagesizes import A5, landscape

    xs = [40, 110, 330, 440, 540]
    header = [["Strand"], ["Description"], ["Lead"], ["Due"]]
    page1 = [[["Age"], ["5. Publish the plan"], ["Policy Officer"], ["2015"]],
             ("open", [["Race"], ["6. Report on training"], ["HR Manager"], ["2014"]])]
    # the writer closed the cut row in a thin empty row under the header
    page2 = [[[], [], [], []], [[], ["7. Review the pay gap"], ["Finance Director"], ["2016"]]]
    [table] = _tables(_grid_pdf(landscape(A5), xs, header, [page1, page2]))
    assert [row[1] for row in _texts(table)][1:] == [
        "5. Publish the plan", "6. Report on training", "7. Review the pay gap"]
    closed = [[["Race"], ["6. Report on training"], ["HR Manager"], ["2014"]]]
    page2 = [[[], ["7. Review the pay gap"], ["Finance Director"], ["2016"]]]
    [table] = _tables(_grid_pdf(landscape(A5), xs, header, [closed, page2]))
    assert [row[1] for row in _texts(table)][1:] == [
        "6. Report on training", "7. Review the pay gap"]


def test_a_page_top_row_of_stacked_numbered_actions_with_no_id_is_new_actions():
    from reportlab.lib.pagesizes import A4, landscape

    # LibreOffice closes every row at the foot; the next page opens with a row
    # whose id cell is empty: its actions carry their numbers in the text
    xs = [45, 100, 200, 420, 540, 640]
    header = [["Ref"], ["Group"], ["Activity"], ["By whom"], ["Time frame"]]
    page1 = [[["3"], ["Race"], ["Commission training for managers"], ["HR Mgr"],
              ["30 June 2013"]]]
    page2 = [[[], ["Sexual", "Orientation"],
              ["4 Refresh the procurement clauses", "5 Promote the carers leave policy"],
              ["SPOs", "Director of Finance"], ["Annually", "31/03/2012"]],
             [["6"], ["All"], ["Embed the induction pack"], ["Comms Mgr"], ["Ongoing"]]]
    data = _grid_pdf(landscape(A4), xs, header, [page1, page2])
    actions = normalise(read_document(data)).actions
    got = [(a["action_id"], a["action"], a["owners_raw"], a["due_raw"]) for a in actions]
    assert got == [("3", "Commission training for managers", "HR Mgr", "30 June 2013"),
                   ("4", "Refresh the procurement clauses", "SPOs", "Annually"),
                   ("5", "Promote the carers leave policy", "Director of Finance", "31/03/2012"),
                   ("6", "Embed the induction pack", "Comms Mgr", "Ongoing")]


def test_a_second_such_page_top_row_in_another_plan_is_read_the_same_way():
    from reportlab.lib.pagesizes import A4

    xs = [40, 80, 330, 450, 550]
    header = [["No"], ["What we will do"], ["Lead"], ["Deadline"]]
    page1 = [[["A1"], ["Agree the plan with the board"], ["Chief Executive"], ["2014"]]]
    page2 = [[[], ["A2 Publish the annual report", "A3 Train front-line staff"],
              ["Comms Manager", "T&D Manager"], ["Dec 2014", "March 2015"]]]
    data = _grid_pdf(A4, xs, header, [page1, page2], font="Times-Roman", points=10,
                     leading=12)
    actions = normalise(read_document(data)).actions
    assert [(a["action_id"], a["due_raw"]) for a in actions] == [
        ("A1", "2014"), ("A2", "Dec 2014"), ("A3", "March 2015")]


# -- tables drawn touching, one on the other -----------------------------------

def _box(x0, top, x1, bottom):
    return [Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom)]


def _word(text, x, y):
    return Word(text, x, x + 8 * len(text), y, y + 8, 8.0, False)


def test_a_key_table_set_directly_on_the_plan_table_is_a_table_of_its_own():
    # one frame round both (its sides run past the join); the key's inner border
    # at x=200 stops at y=40, the plan's at 100 and 300 start there
    rules = [Rule(0, 0, 400, 0), Rule(0, 20, 400, 20), Rule(0, 40, 400, 40),
             Rule(0, 60, 400, 60), Rule(0, 80, 400, 80),
             Rule(0, 0, 0, 80), Rule(400, 0, 400, 80), Rule(200, 0, 200, 40),
             Rule(100, 40, 100, 80), Rule(300, 40, 300, 80)]
    words = [_word("DCE", 5, 5), _word("Deputy", 205, 5), _word("Action", 105, 45),
             _word("Owner", 305, 45), _word("Audit", 105, 65), _word("DCE", 305, 65)]
    tables = find_tables(rules, words)
    assert [t.rows for t in tables] == [[["DCE", "Deputy"], ["", ""]],
                                        [["", "Action", "Owner"], ["", "Audit", "DCE"]]]


def test_a_second_pair_of_touching_tables_without_a_shared_frame_is_cut_too():
    # the plan above, a two-column sign-off table drawn on its last rule below
    rules = [Rule(50, 100, 500, 100), Rule(50, 130, 500, 130), Rule(50, 160, 500, 160),
             Rule(50, 190, 500, 190),
             Rule(50, 100, 50, 160), Rule(500, 100, 500, 160), Rule(150, 100, 150, 160),
             Rule(350, 100, 350, 160),
             Rule(50, 160, 50, 190), Rule(500, 160, 500, 190), Rule(260, 160, 260, 190)]
    words = [_word("1.1", 55, 135), _word("Review", 155, 135), _word("2014", 355, 135),
             _word("Approved", 55, 165), _word("Board", 265, 165)]
    tables = find_tables(rules, words)
    assert [t.rows[-1] for t in tables] == [["1.1", "Review", "2014"], ["Approved", "Board"]]


def test_a_full_width_row_with_its_borders_drawn_row_by_row_is_not_a_cut():
    # the inner borders stop at the objective row and start again below it
    rules = [Rule(0, y, 300, y) for y in (0, 20, 40, 60)] + [
        Rule(0, 0, 0, 60), Rule(300, 0, 300, 60), Rule(100, 0, 100, 20), Rule(200, 0, 200, 20),
        Rule(100, 40, 100, 60), Rule(200, 40, 200, 60)]
    words = [_word("1.1", 5, 5), _word("Objective", 5, 25), _word("1.2", 5, 45)]
    [table] = find_tables(rules, words)
    assert [row[0] for row in table.rows] == ["1.1", "Objective", "1.2"]
