"""A cell of stacked actions cut at a page foot: the row above the break holds the
first action, and beside it one date and one owner for every action of the cell,
above and below the cut; the next page's top row holds only the rest of the cell
(``5 A review ...``), its other cells empty. LibreOffice prints a Word row of
stacked actions so when the page breaks inside it. The page-top row is the same
row's rest (stitch._stack_cut); a page-top row with empty cells under a row whose
counts do not match stays a row of its own."""

from grid_pdf import grid_pdf
from reportlab.lib.pagesizes import A4, landscape

from planextract.extract import read_document
from planextract.normalise.document import normalise


def _actions(*args, **kw):
    return normalise(read_document(grid_pdf(*args, **kw))).actions


def test_the_rest_of_a_stack_at_a_page_top_takes_its_date_and_owner():
    xs = [40, 420, 560, 760]
    header = [["Action points"], ["Completion by"], ["Responsibility"]]
    first = [[["3 Publish the pay gap report"], ["2010-11"], ["Company Secretary"]],
             [["4 To scope the menopause guidance for managers"], ["End 2012", "31-Mar-12"],
              ["Customer Services Head", "Head of Community Engagement"]]]
    second = [[["5 A review of the board's own diversity"], [], []]]
    actions = _actions(landscape(A4), xs, header, [first, second])
    assert [a["action_id"] for a in actions] == ["3", "4", "5"]
    assert [a["due_raw"] for a in actions] == ["2010-11", "End 2012", "31-Mar-12"]
    assert [a["owners"] for a in actions] == [
        ["Company Secretary"], ["Head of Customer Services"], ["Head of Community Engagement"]]


def test_a_second_plan_cut_before_two_of_three_stacked_actions():
    xs = [40, 100, 330, 450, 560]
    header = [["Ref"], ["What we will do"], ["Lead officer"], ["By"]]
    first = [[["B"], ["2.1 Train the recruitment panels"],
              ["HR Manager", "Estates Officer", "Fleet Manager"],
              ["31.3.11", "On-going", "Dec 2012"]]]
    second = [[[], ["2.2 Audit the depot access", "2.3 Review the pool cars"], [], []]]
    actions = _actions(A4, xs, header, [first, second], font="Times-Roman", points=10,
                       leading=12)
    assert [a["action_id"] for a in actions] == ["2.1", "2.2", "2.3"]
    assert [a["due_raw"] for a in actions] == ["31.3.11", "On-going", "Dec 2012"]
    assert [a["owners"] for a in actions] == [
        ["Human Resources Manager"], ["Estates Officer"], ["Fleet Manager"]]


def test_a_page_top_row_with_empty_cells_under_unmatched_counts_is_its_own_row():
    xs = [40, 420, 560, 760]
    header = [["Action points"], ["Completion by"], ["Responsibility"]]
    # two owners of action 4 and one date: the next page's action 5 gives no owner
    first = [[["4 To scope the menopause guidance"], ["End 2012"],
              ["Customer Services Head", "Head of Community Engagement"]]]
    second = [[["5 A review of the board's own diversity"], [], []]]
    actions = _actions(landscape(A4), xs, header, [first, second])
    assert [a["action_id"] for a in actions] == ["4", "5"]
    assert actions[0]["owners"] == ["Head of Customer Services", "Head of Community Engagement"]
    assert actions[1]["owners"] == [] and actions[1]["due_raw"] is None
