"""Pandoc grid tables with a cell spanning columns (pandoc 3 writes one for a
heading row; the held-out ``text-grid`` shape): the spanning cell is read whole
into its first column, never cut at the top border's column edges into pieces
that run on into the cells below."""

from planextract.extract import read_document
from planextract.extract.model import Table
from planextract.normalise.document import normalise

OBJECTIVE_ROWS = """# Single Equality Scheme 2013

+--------+--------------------------------+------------------+--------------+
| No.    | Action                         | Lead             | Timescale    |
+========+================================+==================+==============+
| **Objective 1: Improve the recruitment and retention of disabled staff**  |
+--------+--------------------------------+------------------+--------------+
| 1.1    | Review the guaranteed          | HR Manager       | March 2013   |
|        | interview scheme               |                  |              |
+--------+--------------------------------+------------------+--------------+
| **Objective 2: Make our buildings accessible to all visitors**            |
+--------+--------------------------------+------------------+--------------+
| 2.1    | Commission an access audit of  | Estates Manager  | June 2013    |
|        | the town hall                  |                  |              |
+--------+--------------------------------+------------------+--------------+
"""

# differs in all but the rule: a span over the two middle columns only, no
# number column, values on one line, the span in a body row between actions
MIDDLE_SPAN = """+----------------------------+-------------------+---------------+-----------+
| Outcome                    | What we will do   | Who           | When      |
+============================+===================+===============+===========+
| Residents find it easy to  | Train contact     | Customer      | Autumn    |
| complain                   | centre staff      | Services Lead | 2014      |
+----------------------------+-------------------+---------------+-----------+
| Staff reflect the county   | Set up a mentoring scheme for     | 31/03/2015|
|                            | women in senior grades            |           |
+----------------------------+-------------------+---------------+-----------+
"""


def _read(text: str):
    raw = read_document(text.encode("utf-8"))
    return raw, normalise(raw).actions


def test_a_heading_row_spanning_every_column_is_one_cell():
    raw, actions = _read(OBJECTIVE_ROWS)
    table = next(b for b in raw.blocks if isinstance(b, Table))
    heading = table.rows[1].cells
    assert heading[0].text == "Objective 1: Improve the recruitment and retention of " \
                              "disabled staff"
    assert all(c.empty for c in heading[1:])
    assert [(a["action"], a["owners_raw"], a["due_raw"]) for a in actions] == [
        ("Review the guaranteed interview scheme", "HR Manager", "March 2013"),
        ("Commission an access audit of the town hall", "Estates Manager", "June 2013"),
    ]
    assert [a["objective"] for a in actions] == [
        "Improve the recruitment and retention of disabled staff",
        "Make our buildings accessible to all visitors"]


def test_a_cell_spanning_two_middle_columns_keeps_the_edges_around_it():
    raw, _actions = _read(MIDDLE_SPAN)
    table = next(b for b in raw.blocks if isinstance(b, Table))
    cells = table.rows[2].cells
    assert len(cells) == 4
    assert cells[0].text == "Staff reflect the county"
    assert cells[1].text == "Set up a mentoring scheme for women in senior grades"
    assert cells[2].empty
    assert cells[3].text == "31/03/2015"
    assert [c.text for c in table.rows[1].cells] == [
        "Residents find it easy to complain", "Train contact centre staff",
        "Customer Services Lead", "Autumn 2014"]
