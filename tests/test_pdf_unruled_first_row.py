"""An unruled table whose first row under the header opens with a number and holds
actions stacked in one cell (numbered lines set at the leading of the line above,
their owners and dates listed one a line beside them, not level with them): the
first row's gap above is evidence that the table spaces its rows, as a later
row's is. Without it a small table (one strand's section) had one spaced row,
proved nothing, and each numbered line opened a row, so the owners and dates
listed beside the stack went to the wrong actions."""

from test_pdf_unruled_stacked import _drawn

from planextract.extract import read_document
from planextract.normalise.document import normalise


def _actions(lines, xs, **kw):
    return normalise(read_document(_drawn([lines], xs, **kw))).actions


def test_stacked_actions_in_a_first_row_take_their_owners_and_dates_in_order():
    header = [(0, "Proposed action"), (1, "Lead agency"), (2, "Due by")]
    lines = [header, None,
             [(0, "5 Resource the complaints data so that no group is"),
              (1, "Inclusion Mgr"), (2, "w/e 14/09/2012")],
             [(0, "disadvantaged"), (1, "Head of Customer Services"),
              (2, "Sept 2011 until March 2012")],
             [(0, "6 Reinforce the prevention of harassment at work"),
              (1, "Community Engagement Head"), (2, "31-Mar-12")],
             [(0, "7 Redesign the digital inclusion offer")],
             None,
             [(0, "8 Evaluate the board's own diversity"), (1, "Inclusion Manager"),
              (2, "March 2013")]]
    actions = _actions(lines, [60, 330, 480])
    assert [a["action_id"] for a in actions] == ["5", "6", "7", "8"]
    assert [a["owners"] for a in actions] == [
        ["Inclusion Manager"], ["Head of Customer Services"],
        ["Head of Community Engagement"], ["Inclusion Manager"]]
    assert [a["due_raw"] for a in actions] == [
        "w/e 14/09/2012", "Sept 2011 until March 2012", "31-Mar-12", "March 2013"]


def test_a_second_plan_with_a_stack_of_three_under_a_ref_column():
    header = [(0, "Ref"), (1, "What we will do"), (2, "By"), (3, "Officer")]
    lines = [header, None,
             [(0, "A"), (1, "1.1 Publish the workforce profile every"), (2, "31.3.11"),
              (3, "HR Manager")],
             [(1, "year on the website"), (2, "On-going"), (3, "Estates Officer")],
             [(1, "1.2 Audit the depot access"), (2, "Dec 2012"), (3, "Fleet Manager")],
             [(1, "1.3 Train the recruitment panels")],
             None,
             [(0, "B"), (1, "2.1 Review the pay gap"), (2, "March 2013"),
              (3, "Head of Learning")]]
    actions = _actions(lines, [50, 90, 360, 450], font="Times-Roman", size=10)
    assert [a["action_id"] for a in actions] == ["1.1", "1.2", "1.3", "2.1"]
    assert [a["due_raw"] for a in actions] == ["31.3.11", "On-going", "Dec 2012", "March 2013"]
    assert [a["owners"] for a in actions] == [["Human Resources Manager"], ["Estates Officer"],
                                              ["Fleet Manager"], ["Head of Learning"]]
