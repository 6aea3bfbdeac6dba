"""A column of dates under a label the vocabulary lacks (``Timetable``) is found from
its cells though one row swapped its owner and its date: the post name it then holds
is left out of the share of dates (fresh held-out seed 86), as a date is left out of
an owner column's share of posts. A column with more posts than a quarter of its
cells is no column of dates. Each on a plan written here from printed values, and
on one that differs in all but the rule."""

from __future__ import annotations

from plan_blocks import run, table

from planextract.extract.registry import read_document
from planextract.normalise import column_evidence
from planextract.normalise.document import normalise


def test_the_share_of_dates_leaves_out_a_swapped_post():
    cells = ["Every six months", "Performance Manager/PM", "w/e 14/09/2012",
             "March 31, 2014", "To be agreed", "2012/13", "To be agreed"]
    assert column_evidence.dated_beside_posts(cells, 0.6)
    # two posts of seven is more than a quarter: no column of dates
    assert not column_evidence.dated_beside_posts(cells[:6] + ["Head of Planning"], 0.6)


def test_a_tabbed_plan_whose_date_column_has_an_unknown_label_and_a_swapped_row():
    lines = ["\tReason for action\tWork programme\tTimetable\tOwned by\tProgress",
             "1\tOlder people find the website hard\tReview the website with users"
             "\tEvery six months\tDigital Manager\tStarted",
             "2\tFew complaints recorded\tAudit the complaints log each quarter"
             "\tPerformance Manager/PM\tMarch 31, 2014\t",
             "3\tWomen under-represented\tRun a returners' programme\tw/e 14/09/2012"
             "\tWorkforce Planning Manager\t",
             "4\tLow confidence in reporting\tPublicise the reporting line\tTo be agreed"
             "\tSafeguarding Lead\tAchieved",
             "5\tData gaps\tRefresh the equality data\t2012/13\tHead of OD\t",
             "6\tFew carers heard\tConvene a carers' panel\tTo be agreed\tCommunity Lead\t"]
    actions = normalise(read_document(("\n".join(lines) + "\n").encode())).actions
    assert [a.due_kind for a in actions] == ["ongoing", "date", "date", "unknown", "date",
                                              "unknown"]
    assert str(actions[1].due_date) == "2014-03-31"
    assert actions[1].owners_raw == "Performance Manager/PM"


def test_the_same_in_a_drawn_table_with_other_words():
    doc = run(table(["No", "Undertaking", "Horizon", "Named lead"],
                    ["1", "Publish the pay gap figures", "March 09", "HR Adviser"],
                    ["2", "Train the panel chairs", "Recruitment Manager", "31.3.11"],
                    ["3", "Survey the new starters", "TBC", "OD Partner"],
                    ["4", "Audit the adverts", "Q2 2014", "HR Adviser"],
                    ["5", "Review the exit interviews", "As required", "Chief Clerk"],
                    ["6", "Refresh the intranet pages", "2015/16", "Web Officer"]))
    assert [str(a.due_date) for a in doc.actions] == [
        "2009-03-31", "2011-03-31", "None", "2014-06-30", "None", "2016-03-31"]
    assert doc.actions[1].owners_raw == "Recruitment Manager"
