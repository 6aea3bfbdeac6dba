"""Pandoc's simple and multiline tables (columns set by runs of dashes, issue 6),
written in the test as pandoc prints them."""

from planextract.extract import read_document
from planextract.extract.model import Table
from planextract.extract.text.markdown import has_pipe_table, parse_markdown
from planextract.extract.text.pandoc_tables import starts_simple
from planextract.normalise.document import normalise

SIMPLE = """# Equality plan

  Ref   Task                                 Owner            Deadline
  ----- ------------------------------------ ---------------- -----------
  1     Audit the website for accessibility  Web Manager      Jan-13
  2     Pilot name-blind shortlisting        HR Manager       Q4 2012/13

Table: Our actions
"""

MULTILINE = """Plan text before.

--------------------------------------------------------------------------
Ref  Task                                Owner               Target
                                                             date
---- ----------------------------------- ------------------- -------------
1    Review of the carers leave          HR Manager\\         March 2013
     entitlement with the staff side     Head of Finance

2    Publish the pay gap figures:        Finance Director    Autumn 2013
     - narrative on causes
     - targets for next year
--------------------------------------------------------------------------
"""


def _rows(text: str) -> list[list[list[str]]]:
    return [[[c.text for c in r.cells] for r in b.rows]
            for b in parse_markdown(text.split("\n")) if isinstance(b, Table)]


def test_a_simple_table_is_cut_at_the_starts_of_its_dash_runs():
    assert _rows(SIMPLE) == [[["Ref", "Task", "Owner", "Deadline"],
                              ["1", "Audit the website for accessibility", "Web Manager",
                               "Jan-13"],
                              ["2", "Pilot name-blind shortlisting", "HR Manager",
                               "Q4 2012/13"]]]


def test_a_multiline_table_runs_wrapped_lines_on_and_keeps_breaks_and_items():
    (table,) = _rows(MULTILINE)
    assert table[0] == ["Ref", "Task", "Owner", "Target date"]
    assert table[1] == ["1", "Review of the carers leave entitlement with the staff side",
                        "HR Manager\nHead of Finance", "March 2013"]
    # bullet items are lines of the cell, their glyphs dropped (as in grid tables)
    assert table[2][1] == ("Publish the pay gap figures:\nnarrative on causes\n"
                           "targets for next year")


def test_dash_tables_are_detected_and_read_into_actions():
    assert has_pipe_table(SIMPLE.split("\n")) and has_pipe_table(MULTILINE.split("\n"))
    doc = normalise(read_document(MULTILINE.encode()))
    assert [(a.action_id, str(a.due_date)) for a in doc.actions] == [("1", "2013-03-31"),
                                                                      ("2", "2013-11-30")]
    assert doc.actions[1].action.split("\n")[1] == "narrative on causes"


def test_a_line_whose_words_cross_the_dash_runs_is_no_header():
    lines = ["Prose running on", "--- ------", "1   x"]
    assert not starts_simple(lines, 0)
    assert not has_pipe_table(["Heading", "-------", "", "text"])  # a setext heading
