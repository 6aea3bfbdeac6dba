"""One cell per line: a key (``Status`` / ``Meaning``, its rows a term and a
meaning) right before a plan whose header opens with a label the vocabulary does
not know (``Proposal``). A key's row opening with an unknown term stays the key's
where the labels after it open the next table, and the header's first two labels
looked like such a row. The export ends every row of the key with a blank line,
while the header's labels run on with none: they are no row of the key
(``Grouper._ends_row``)."""

from planextract.extract import read_document
from planextract.extract.model import Table
from planextract.normalise.document import normalise


def _export(key, header_rows, rows):
    lines = ["Inglebrook College Action Plan", ""]
    for row in key:
        lines += [f"\t{c}" for c in row] + [""]
    lines.append("")
    for row in header_rows:
        lines += [f"\t{c}" for c in row] + [""]
    for row in rows:
        lines += [f"\t{c}" for c in row] + [""]
    return ("\n".join(lines) + "\n").encode()


def _tables(data):
    return [[[c.text for c in r.cells] for r in b.rows]
            for b in read_document(data).blocks if isinstance(b, Table)]


def test_a_header_after_a_key_is_no_row_of_the_key():
    data = _export([["Status", "Meaning"], ["Red", "At risk"], ["Amber", "Some slippage"],
                    ["Green", "Achieved"]],
                   [["Proposal", "Who and when", "", "Achieved so far", "RAG rated"],
                    ["", "Named lead", "Due by", "", ""]],
                   [["1 To roll out facilities for breastfeeding mothers", "Inclusion Manager",
                     "2011/12 – 2013/14", "Behind schedule.", "Amber"],
                    ["2 Continued roll-out of the parental leave entitlements",
                     "Student Support Head", "Autumn 2010", "Behind schedule.", "Green"]])
    key, plan = _tables(data)
    assert key[-1] == ["Green", "Achieved"]
    assert plan[0] == ["Proposal", "Who and when", "", "Achieved so far", "RAG rated"]
    actions = normalise(read_document(data)).actions
    assert [a["action_id"] for a in actions] == ["1", "2"]
    assert [a["due_raw"] for a in actions] == ["2011/12 – 2013/14", "Autumn 2010"]


def test_a_second_plan_with_another_key_and_a_one_row_header():
    data = _export([["Rating", "Definition"], ["Blue", "Complete"], ["Red", "Not started"]],
                   [["Commitment", "Accountable officer", "Timescale", "Progress to date"]],
                   [["A1 Publish the gender pay gap", "Head of HR", "31.3.12", "Drafted."],
                    ["A2 Audit the depot access", "Fleet Manager", "On-going", ""]])
    key, plan = _tables(data)
    assert key[-1] == ["Red", "Not started"]
    assert plan[0] == ["Commitment", "Accountable officer", "Timescale", "Progress to date"]
    actions = normalise(read_document(data)).actions
    assert [a["action_id"] for a in actions] == ["A1", "A2"]
