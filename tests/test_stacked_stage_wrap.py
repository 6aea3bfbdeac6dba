"""A schedule printed once beside stacked actions and wrapped after the word that
names its next stage (``Interim June 2012; final`` over ``December 2012``) is each
action's whole value: read as one text its lines glue into fewer deadlines than
lines (``dates.one_schedule``), where each line names a deadline of its own (held-
out ``pdf-shaded``, a narrow date column). Dates one a line with nothing joining
them, or a line naming none (``tbc``), stay one a line. Written from printed
values, the canonical ones beside them."""

from __future__ import annotations

from plan_blocks import run, table

from planextract.extract.registry import read_document
from planextract.normalise.dates import one_schedule
from planextract.normalise.document import normalise


def test_a_schedule_wrapped_after_its_stage_word_is_each_stacked_actions():
    assert one_schedule(["Interim June 2012; final", "December 2012"])
    assert not one_schedule(["June 2012", "December 2012"])
    assert not one_schedule(["tbc", "June 2012"])
    head = ["Ref", "Action", "Lead", "Deadline"]
    doc = run(table(head, ["", ("1 Audit the lifts on every site", "2 Replace the ramps"),
                           "Estates Head", ("Interim June 2012; final", "December 2012")],
                    ["", ("3 Train the reception staff", "4 Publish the signage guide"),
                     "Estates Head", ("tbc", "May 2014")]))
    got = [(a.action_id, a.due_kind, str(a.due_date)) for a in doc.actions]
    assert got == [("1", "multiple", "2012-12-31"), ("2", "multiple", "2012-12-31"),
                   ("3", "unknown", "None"), ("4", "date", "2014-05-31")]


def test_a_second_plan_differing_in_all_but_the_rule():
    # a CSV cell, another stage word pair, three actions over three lines
    text = ('No,Task,Officer,By when\n'
            '"","A1. Map the bus routes\nA2. Consult the parish councils\n'
            'A3. Publish the timetable",Transport Officer,'
            '"Draft Jan 2016, sealed\nMar 2016; reviewed\nMar 2017"\n'
            '"","B1. Cost the cycle lanes\nB2. Bid for the grant",'
            'Highways Officer,"Jan 2019\nFeb 2019"\n')
    actions = normalise(read_document(text.encode())).actions
    got = [(a.action_id, a.due_kind, str(a.due_date)) for a in actions]
    assert got == [("A1", "multiple", "2017-03-31"), ("A2", "multiple", "2017-03-31"),
                   ("A3", "multiple", "2017-03-31"),
                   ("B1", "date", "2019-01-31"), ("B2", "date", "2019-02-28")]
