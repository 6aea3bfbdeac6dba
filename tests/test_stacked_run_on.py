"""A value printed once beside stacked actions, over lines that run on (a line
ending in a joining mark, a small word or a range's glue: ``Interim June 2012;`` /
``final December 2012``), or with its deadlines joined by ``and``, a comma or a semicolon, words
between or not (``March 2012 and March 2013``, ``Interim June 2012; final December
2012``), is each action's whole value: the lines are one value, not one line
an action (s23-strands, held-out seeds 57-64). Dates printed one a line with nothing
joining them are still one each. Each rule on small plans written from printed
values, in two formats with other words."""

from __future__ import annotations

from plan_blocks import run, table

from planextract.extract.registry import read_document
from planextract.normalise.document import normalise
from planextract.normalise.text import lines_each, runs_on


def test_lines_that_run_on_are_one_value():
    assert runs_on(["Interim June 2012;", "final December 2012"])
    assert runs_on(["Sept 2011 until", "March 2012"])
    assert runs_on(["Head of Estates and", "Finance Manager"])
    assert not runs_on(["March 2012", "March 2013"])
    assert not runs_on(["Ongoing"])
    assert lines_each(["May 2014\nJune 2015"], 2) == ["May 2014", "June 2015"]
    assert lines_each(["May 2014 to\nJune 2015"], 2) is None
    assert lines_each(["May 2014\nJune 2015\nJuly 2016"], 2) is None


def test_a_date_over_lines_that_run_on_is_each_stacked_actions():
    head = ["Ref", "Action", "Lead", "Deadline"]
    doc = run(table(head, ["", ("1 Audit the lifts on every site", "2 Replace the ramps"),
                           "Estates Head", ("Interim June 2012;", "final December 2012")],
                    ["", ("3 Train the reception staff", "4 Publish the signage guide"),
                     "Estates Head", ("July 2013", "May 2014")],
                    ["", ("5 Brief the governors", "6 Print the access map"),
                     "Estates Head", "Provisional May 2013; confirmed July 2013"]))
    # (the Ref column is empty in every row: the numbers in the text are the ids)
    got = [(a.action_id, a.action.split()[0], a.due_kind, str(a.due_date))
           for a in doc.actions]
    assert got == [("1", "Audit", "multiple", "2012-12-31"),
                   ("2", "Replace", "multiple", "2012-12-31"),
                   ("3", "Train", "date", "2013-07-31"), ("4", "Publish", "date", "2014-05-31"),
                   ("5", "Brief", "multiple", "2013-07-31"),
                   ("6", "Print", "multiple", "2013-07-31")]


def test_deadlines_joined_in_a_csv_cell_are_each_stacked_actions():
    # another format and other words: a quoted CSV cell, a range over two lines and
    # two deadlines joined by ``and`` in one line
    text = ('No,Task,Officer,By when\n'
            '"","A1. Map the bus routes\nA2. Consult the parish councils",'
            'Transport Officer,"Sept 2015 until\nMarch 2016"\n'
            '"","B1. Cost the cycle lanes\nB2. Bid for the grant",'
            'Highways Officer,"April 2017 and April 2018"\n'
            '"","C1. Count the footfall\nC2. Report to cabinet",'
            'Highways Officer,"Jan 2019\nFeb 2019"\n'
            '"","D1. Draft the parking order\nD2. Seal the parking order",'
            'Legal Officer,"Draft Jan 2016, sealed Mar 2016"\n')
    actions = normalise(read_document(text.encode())).actions
    got = [(a.action_id, a.due_kind, str(a.due_date)) for a in actions]
    assert got == [("A1", "range", "2016-03-31"), ("A2", "range", "2016-03-31"),
                   ("B1", "multiple", "2018-04-30"), ("B2", "multiple", "2018-04-30"),
                   ("C1", "date", "2019-01-31"), ("C2", "date", "2019-02-28"),
                   ("D1", "multiple", "2016-03-31"), ("D2", "multiple", "2016-03-31")]
