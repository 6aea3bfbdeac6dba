"""A cell merged down (Word's ``vMerge``, HTML's ``rowspan``) weighs in its column's
evidence as the printed plan reads it: once for every row it spans. An owner
column under a header the vocabulary lacks is the owner when most rows name a post,
counted with the merged cells (``column_evidence.resolve``'s ``merged``); a date
column alike. The merged outcome or theme keeps its reading (one cell over the rows
it groups), and the packed blocks and their references read the same layouts.
Each rule on a plan written here and again on one that differs in all but the rule."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import docx
import pytest

from planextract.extract import read_document
from planextract.extract.block_pack import PackedBlocks
from planextract.normalise import document, layout
from planextract.normalise import table_texts as text_pass
from planextract.normalise.column_evidence import owner_like
from planextract.normalise.document import normalise


def _word(rows: list[list[str]], merges: list[tuple[int, int, int]]) -> bytes:
    """A Word table of ``rows`` (the first its header); each merge ``(column, first,
    last)`` is one cell from row ``first`` to row ``last``, printed in the first."""
    document_ = docx.Document()
    document_.add_heading("Equality action plan", level=1)
    grid = document_.add_table(rows=len(rows), cols=len(rows[0]))
    covered = {(r, c) for c, first, last in merges for r in range(first + 1, last + 1)}
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            if text and (r, c) not in covered:
                grid.cell(r, c).text = text
    for c, first, last in merges:
        grid.cell(first, c).merge(grid.cell(last, c))
    buffer = BytesIO()
    document_.save(buffer)
    return buffer.getvalue()


def _page(body: str) -> bytes:
    return f"<html><body><h1>Accessibility plan</h1>{body}</body></html>".encode()


ESTATES, FINANCE = "Head of Estates", "Finance Director"
OWNER_ROWS = [
    ["Ref", "Action", "Post holder", "Target date"],
    ["1", "Review the recruitment and selection policy", ESTATES, "March 2012"],
    ["2", "Publish the workforce profile on the website", ESTATES, "June 2012"],
    ["3", "Train all interview panel chairs", ESTATES, "September 2012"],
    ["4", "Agree an access audit of every library", "Ravi Patel", "May 2013"],
    ["5", "Consult the staff disability forum on the audit", "Ann Cole", "July 2013"],
    ["6", "Carry out an equal pay audit", FINANCE, "December 2013"],
    ["7", "Report the pay gap to the board", FINANCE, "January 2014"],
    ["8", "Set a target to close the pay gap", FINANCE, "March 2014"]]


def test_a_merged_owner_column_under_an_unknown_header_owns_each_action():
    """Printed, the column names a post in 2 of its 4 cells (two people's names
    beside them), under the 0.6 an unnamed owner column needs; merged over the rows
    it spans, in 6 of 8, as the page reads."""
    data = _word(OWNER_ROWS, [(2, 1, 3), (2, 6, 8)])
    doc = normalise(read_document(data))
    owners = {a.action_id: a.owners for a in doc.actions}
    assert [owners[k] for k in "123"] == [[ESTATES]] * 3
    assert [owners[k] for k in "678"] == [owners["6"]] * 3 and owners["6"] != [ESTATES]
    assert owners["6"] and "Finance" in owners["6"][0]


def test_a_merged_owner_column_in_another_plan_a_web_page():
    page = _page("""<table><tr><th>Objective</th><th>Steps we will take</th>
    <th>Named post</th><th>When</th></tr>
    <tr><td>Accessible buildings</td><td>Install a hearing loop at each reception desk</td>
    <td rowspan="4">Facilities Manager</td><td>April 2015</td></tr>
    <tr><td></td><td>Fit automatic doors to the council chamber</td><td>June 2015</td></tr>
    <tr><td></td><td>Survey every car park for blue badge bays</td><td>August 2015</td></tr>
    <tr><td></td><td>Mark the edges of steps in a contrasting colour</td><td>October 2015</td></tr>
    <tr><td>Clear information</td><td>Write every leaflet in plain English</td>
    <td>Priya Shah</td><td>May 2016</td></tr>
    <tr><td></td><td>Offer each letter in large print on request</td><td>Tom Reid</td>
    <td>July 2016</td></tr>
    <tr><td></td><td>Caption every video the council publishes</td><td>Communications Team</td>
    <td>March 2017</td></tr></table>""")
    doc = normalise(read_document(page))
    assert [a.owners for a in doc.actions[:4]] == [["Facilities Manager"]] * 4


def test_a_merged_date_column_under_an_unknown_header_dates_each_action():
    """Printed, one cell of three is a date; merged, three of five."""
    page = _page("""<table><tr><th>No</th><th>Action</th><th>Lead</th><th>Stage</th></tr>
    <tr><td>1</td><td>Review the complaints procedure</td><td>Head of Customer Services</td>
    <td rowspan="3">Spring 2014</td></tr>
    <tr><td>2</td><td>Publish complaints data by protected group</td>
    <td>Head of Customer Services</td></tr>
    <tr><td>3</td><td>Train every complaints handler</td><td>Training Manager</td></tr>
    <tr><td>4</td><td>Survey users of the library service</td><td>Library Manager</td>
    <td>See note 3</td></tr>
    <tr><td>5</td><td>Extend the opening hours of two libraries</td><td>Library Manager</td>
    <td>Subject to funding</td></tr></table>""")
    doc = normalise(read_document(page))
    assert [(a.due_raw, a.due_date) for a in doc.actions[:3]] == [
        ("Spring 2014", dt.date(2014, 5, 31))] * 3
    assert [a.due_date for a in doc.actions[3:]] == [None, None]


def test_a_merged_theme_is_still_the_theme_of_its_rows():
    """A column of short labels printed once over the rows it groups stays the
    theme (its cells as printed), merged or not."""
    rows = [["", "Action", "Lead officer", "Deadline"],
            ["Our workforce", "Review the recruitment policy", "HR Manager", "March 2012"],
            ["", "Publish the workforce profile", "HR Manager", "June 2012"],
            ["", "Train every interview panel chair", "Training Manager", "May 2012"],
            ["Our services", "Audit the access to every library", "Estates Manager",
             "May 2013"],
            ["", "Consult the disability forum", "Policy Officer", "July 2013"]]
    merged = normalise(read_document(_word(rows, [(0, 1, 3), (0, 4, 5)])))
    plain = normalise(read_document(_word(rows, [])))
    assert merged.actions == plain.actions
    assert [a.objective for a in merged.actions] == ["Our workforce"] * 3 + ["Our services"] * 2


@pytest.mark.parametrize("keep, parts", [(False, True), (True, True), (False, False)])
def test_packed_blocks_and_their_references_weigh_the_merged_cells_alike(
        monkeypatch, keep, parts):
    """A Word plan's tables packed (``PackedBlocks``: ``LayoutRows`` reads each row's
    ``covered`` from the bytes) read as the unpacked blocks do, with the first
    pass's kept texts (``KEEP_TEXTS``) or each cell squashed (``PART_SQUASH``)."""
    monkeypatch.setattr(document, "KEEP_TEXTS", keep)
    monkeypatch.setattr(text_pass, "PART_SQUASH", parts)
    monkeypatch.setattr(layout, "SQUASHED_REPEATS", parts)
    data = _word(OWNER_ROWS, [(2, 1, 3), (2, 6, 8)])
    plain = normalise(read_document(data))
    raw = read_document(data)
    raw.blocks = PackedBlocks(raw.blocks)
    packed = normalise(raw)
    assert packed.actions == plain.actions
    assert [a.owners for a in packed.actions][:3] == [[ESTATES]] * 3


def test_a_shortened_post_noun_names_an_owner_column_under_an_unknown_header():
    """``Mgr`` (the vocabulary's contraction of ``manager``) after another word names
    a post as ``Manager`` does: the column of held-out doc 66 (seed 52) whose
    ``VP Curriculum and Procurement Mgr`` was no post to the column evidence."""
    assert owner_like(["Procurement Mgr", "Estates Manager", "Finance Dir", "Sam Lee"])
    assert not owner_like(["Procurement", "Estates", "Ann Cole", "Sam Lee"])
    # first, a shortened word is a word like any other (``Off track``, ``Sec 3``)
    assert not owner_like(["Off track", "On track", "Off track", "Sec 3"])
    # nor inside a word, nor in small letters: a resources column (held-out seed 68)
    assert not owner_like(["£2,500 One-off Cost", "No Additional Cost", "Officer time",
                           "Met from the training budget", "£800 one off"])
    rows = [["No", "Action", "Post holder", "Deadline"],
            ["1", "Refresh the translated patient leaflets", "Patient Experience Mgr",
             "June 2014"],
            ["2", "Audit interpreting bookings by language", "Sam Lee", "July 2014"],
            ["3", "Train reception staff in deaf awareness", "Training Mgr", "May 2014"],
            ["4", "Publish the equality report on the website", "Comms Mgr",
             "March 2015"]]
    doc = normalise(read_document(_word(rows, [])))
    assert [a.owners for a in doc.actions][0] == ["Patient Experience Manager"]
    assert doc.actions[2].owners == ["Training Manager"]


def test_a_shortened_post_noun_in_another_plan_a_web_page():
    page = _page("""<table><tr><th>Objective</th><th>What we will do</th><th>Named post</th>
    </tr><tr><td>Fair recruitment</td><td>Advertise every post in community media</td>
    <td>Recruitment Mgr</td></tr>
    <tr><td>Fair recruitment</td><td>Anonymise every application form</td>
    <td>HR Admin</td></tr>
    <tr><td>Safe services</td><td>Review the hate crime reporting scheme</td>
    <td>Community Safety Offr</td></tr></table>""")
    doc = normalise(read_document(page))
    assert doc.actions[0].owners == ["Recruitment Manager"]
    assert doc.actions[2].owners and "Community Safety" in doc.actions[2].owners[0]


def test_the_references_weigh_the_merged_cells_alike(monkeypatch):
    """``reference_resolve`` and ``reference_detect_layout`` (the functions as they
    were, each column read afresh) read the merged plans as the memo's path does."""
    from reference_resolve import reference_resolve
    from test_layout_memo import reference_detect_layout

    from planextract.normalise import column_evidence

    inputs = [_word(OWNER_ROWS, [(2, 1, 3), (2, 6, 8)]), _word(OWNER_ROWS, [])]
    fast = [normalise(read_document(data)).actions for data in inputs]
    monkeypatch.setattr(column_evidence, "resolve", reference_resolve)
    monkeypatch.setattr(text_pass, "resolve", reference_resolve)
    assert [normalise(read_document(data)).actions for data in inputs] == fast
    monkeypatch.setattr(document, "detect_layout", reference_detect_layout)
    assert [normalise(read_document(data)).actions for data in inputs] == fast
    assert [a.owners for a in fast[0][:3]] == [[ESTATES]] * 3
