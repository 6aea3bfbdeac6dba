"""A cell merged down over several action rows (Word's ``vMerge``, HTML's
``rowspan``: one owner or one date for a run of actions, a held-out shape of
scripts/corpus/shapes.py). The readers leave the covered cells empty, as before,
and name them in ``Row.covered``; the normaliser gives each action under the merge
its value. Each
rule on a document written here and again on one that differs in all but the rule;
the fast reader and its reference agree, and a packed table keeps ``covered``."""

import datetime as dt
from io import BytesIO

import docx

from planextract.extract import read_document
from planextract.extract.block_pack import pack_table, unpack_table
from planextract.extract.docx_reader import read_docx_lxml, read_docx_reference
from planextract.extract.model import Table
from planextract.normalise.document import normalise


def _plan(rows, merged: tuple[int, int, int]) -> bytes:
    """A Word table of ``rows`` (the first its header) whose column ``merged[0]`` is
    one cell merged from row ``merged[1]`` to row ``merged[2]``."""
    document = docx.Document()
    document.add_heading("Equality action plan", level=1)
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    column, first, last = merged
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            if text and not (c == column and first < r <= last):
                grid.cell(r, c).text = text
    grid.cell(first, column).merge(grid.cell(last, column))
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(data: bytes) -> Table:
    return next(b for b in read_document(data).blocks if isinstance(b, Table))


HR = "Head of Human Resources"


def test_one_owner_merged_down_over_three_actions_owns_each():
    rows = [["Ref", "Action", "Lead officer", "Target date"],
            ["1", "Review the recruitment and selection policy", "Head of HR", "March 2012"],
            ["2", "Publish the workforce profile on the website", "", "June 2012"],
            ["3", "Train all interview panel chairs", "", "September 2012"],
            ["4", "Agree an access audit of every library", "Estates Manager", "May 2013"]]
    data = _plan(rows, (2, 1, 3))
    table = _table(data)
    assert [r.covered for r in table.rows] == [(), (), (2,), (2,), ()]
    assert [c.text for c in table.rows[2].cells] == ["2", rows[2][1], "", "June 2012"]
    doc = normalise(read_document(data))
    assert [(a.action_id, a.owners) for a in doc.actions] == [
        ("1", [HR]), ("2", [HR]), ("3", [HR]), ("4", ["Estates Manager"])]


def test_a_date_merged_down_in_another_plan_dates_each_action():
    rows = [["Objective", "What we will do", "Timescale", "Responsible"],
            ["Better access", "Install hearing loops in every reception", "31 March 2014",
             "Facilities Manager"],
            ["", "Provide large print versions of all leaflets", "", "Communications Team"],
            ["Fair pay", "Carry out an equal pay audit", "December 2013", "Finance Director"]]
    data = _plan(rows, (2, 1, 2))
    doc = normalise(read_document(data))
    assert [(a.action, a.due_date) for a in doc.actions][:2] == [
        ("Install hearing loops in every reception", dt.date(2014, 3, 31)),
        ("Provide large print versions of all leaflets", dt.date(2014, 3, 31))]
    # an empty cell no merge covers stays empty
    rows[2][2] = ""
    plain = docx.Document(BytesIO(_plan(rows, (0, 1, 1))))
    buffer = BytesIO()
    plain.save(buffer)
    doc = normalise(read_document(buffer.getvalue()))
    assert doc.actions[1].due_date is None


def test_the_fast_reader_and_its_reference_agree_and_packing_keeps_covered():
    rows = [["Action", "Owner"], ["Do one thing", "HR"], ["Do another", ""],
            ["Do a third", ""]]
    data = _plan(rows, (1, 1, 3))
    fast, reference = read_docx_lxml(data), read_docx_reference(data)
    assert fast.blocks == reference.blocks
    table = next(b for b in fast.blocks if isinstance(b, Table))
    assert [r.covered for r in table.rows] == [(), (), (1,), (1,)]
    assert unpack_table(pack_table(table)) == table


def _page(body: str) -> bytes:
    return f"<html><body><h1>Equality plan</h1>{body}</body></html>".encode()


def test_an_owner_spanning_rows_of_a_web_page_owns_each_action():
    page = _page("""<table><thead><tr><th>No</th><th>Action</th><th>Lead</th><th>Due</th>
    </tr></thead><tbody>
    <tr><td>1</td><td>Review the complaints procedure</td><td rowspan="3">Head of Customer
    Services</td><td>May 2013</td></tr>
    <tr><td>2</td><td>Publish complaints data by protected group</td><td>June 2013</td></tr>
    <tr><td>3</td><td>Train complaints handlers</td><td>July 2013</td></tr>
    <tr><td>4</td><td>Survey users of the library service</td><td>Library Manager</td>
    <td>2014</td></tr></tbody></table>""")
    table = _table(page)
    assert [r.covered for r in table.rows] == [(), (), (2,), (2,), ()]
    doc = normalise(read_document(page))
    owners = [a.owners for a in doc.actions]
    assert owners[:3] == [owners[0]] * 3 and owners[0] and owners[3] != owners[0]


def test_a_date_spanning_rows_under_row_headers_in_another_page():
    page = _page("""<table><tr><th>Ref</th><th>What we will do</th><th>By when</th>
    <th>Who</th></tr>
    <tr><th scope="row">A1</th><td>Install hearing loops in every reception</td>
    <td rowspan="2">31 March 2014</td><td>Facilities Manager</td></tr>
    <tr><th scope="row">A2</th><td>Provide large print versions of all leaflets</td>
    <td>Communications Team</td></tr>
    <tr><th scope="row">A3</th><td>Carry out an equal pay audit</td><td></td>
    <td>Finance Director</td></tr></table>""")
    doc = normalise(read_document(page))
    assert [(a.action_id, a.due_date) for a in doc.actions] == [
        ("A1", dt.date(2014, 3, 31)), ("A2", dt.date(2014, 3, 31)), ("A3", None)]
