"""A ruled strip too narrow for text and holding none is no column: LibreOffice
draws a Word table's left indent as a strip of its own (a double rule at the
table's edge), and Word's double borders draw two rules a few points apart.
Read as a column, the strip made an empty first column and the plan's number
column was no longer the first: its actions lost their numbers."""

from grid_pdf import grid_pdf
from reportlab.lib.pagesizes import A4, landscape

from planextract.extract import read_document
from planextract.extract.model import Table
from planextract.normalise.document import normalise


def _table(data):
    return next(b for b in read_document(data).blocks if isinstance(b, Table))


def test_an_indent_strip_at_the_tables_left_edge_is_no_column():
    xs = [45.6, 51.3, 140.9, 477.3, 649.2, 785.6]  # as LibreOffice drew an indented table
    header = [[], ["Item"], ["How we will achieve this"], ["Key contact"],
              ["Target completion"]]
    rows = [[[], ["4"], ["Showcase the staff exit survey"], ["Inclusion Manager"],
             ["March 2012"]],
            [[], ["5"], ["Redesign the case system data"], ["Planning Head"], ["Q3 2011/12"]]]
    data = grid_pdf(landscape(A4), xs, header, [rows])
    table = _table(data)
    assert [c.text for c in table.rows[0].cells] == [
        "Item", "How we will achieve this", "Key contact", "Target completion"]
    actions = normalise(read_document(data)).actions
    assert [a["action_id"] for a in actions] == ["4", "5"]
    # Q3 of 2011/12 is October to December 2011
    assert [a["due_date"].isoformat() for a in actions] == ["2012-03-31", "2011-12-31"]


def test_a_double_rule_between_two_columns_is_one_border():
    xs = [40, 100, 104, 330, 440, 540]
    header = [["Ref"], [], ["Objective"], ["Lead officer"], ["By"]]
    rows = [[["B1"], [], ["Audit the depot access"], ["Fleet Manager"], ["31.3.11"]]]
    data = grid_pdf(A4, xs, header, [rows], font="Times-Roman", points=10, leading=12)
    assert [c.text for c in _table(data).rows[1].cells] == [
        "B1", "Audit the depot access", "Fleet Manager", "31.3.11"]
    [action] = normalise(read_document(data)).actions
    assert action["action_id"] == "B1" and action["owners"] == ["Fleet Manager"]


def test_a_narrow_column_holding_text_stays_a_column():
    xs = [40, 60, 330, 440, 540]  # 20 pt: room for a number, and it holds one
    header = [["No"], ["Action"], ["Lead"], ["Due"]]
    rows = [[["7"], ["Publish the pay gap"], ["Company Secretary"], ["March 12"]]]
    table = _table(grid_pdf(A4, xs, header, [rows]))
    assert [c.text for c in table.rows[1].cells][:2] == ["7", "Publish the pay gap"]
