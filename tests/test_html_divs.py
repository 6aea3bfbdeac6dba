"""Tables drawn with divs (issue 6): a CSS grid by class rule or inline style,
rows of divs with one class structure, ARIA roles; page layout stays prose."""

from planextract.extract.html_reader import parse_html
from planextract.extract.model import Table
from planextract.extract.registry import read_document
from planextract.normalise.document import normalise


def _tables(page: str) -> list[list[list[str]]]:
    blocks, _ = parse_html(page)
    return [[[c.text for c in r.cells] for r in b.rows] for b in blocks if isinstance(b, Table)]


def test_a_css_grid_by_class_rule_is_cut_into_rows_of_its_track_count():
    page = """<html><head><style>.g { display: grid; grid-template-columns: 3em 2fr 1fr; }
    </style></head><body><div class="g"><div>No</div><div>Task</div><div>Lead</div>
    <div>1</div><div><p>Audit the website</p><ul><li>forms first</li></ul></div><div>Web Team</div>
    <div>2</div><div>Pilot mentoring</div><div>HR</div></div></body></html>"""
    assert _tables(page) == [[["No", "Task", "Lead"],
                              ["1", "Audit the website\nforms first", "Web Team"],
                              ["2", "Pilot mentoring", "HR"]]]


def test_an_inline_grid_style_with_repeat():
    page = ("<div style='display:grid;grid-template-columns:repeat(2, 1fr)'><b>Action</b>"
            "<b>Owner</b><span>Train chairs</span><span>HR</span></div>")
    assert _tables(page) == [[["Action", "Owner"], ["Train chairs", "HR"]]]


def test_rows_of_divs_with_one_class_structure_header_row_marked():
    page = """<div class="t"><div class="r head"><div class="c">Ref</div>
    <div class="c">Action</div></div>
    <div class="r"><div class="c">1</div><div class="c">Train panel chairs</div></div>
    <div class="r"><div class="c">2</div><div class="c">Audit the website</div></div></div>"""
    assert _tables(page) == [[["Ref", "Action"], ["1", "Train panel chairs"],
                              ["2", "Audit the website"]]]


def test_aria_table_roles_nested_in_row_groups():
    page = """<div role="table"><div role="rowgroup"><div role="row">
    <span role="columnheader">Action</span><span role="columnheader">Lead</span></div></div>
    <div role="rowgroup"><div role="row"><span role="cell">Pilot mentoring</span>
    <span role="cell">HR</span></div></div></div>"""
    assert _tables(page) == [[["Action", "Lead"], ["Pilot mentoring", "HR"]]]


def test_a_page_laid_out_with_divs_is_no_table():
    page = """<div class="page"><div class="side"><p>Home</p><p>About</p></div>
    <div class="content"><h2>Our plan</h2><p>We will publish the plan.</p></div></div>
    <div class="cards"><div class="card"><h3>News</h3></div><div class="card"><p>One</p>
    <p>Two</p></div><div class="card"><p>Three</p></div></div>"""
    assert _tables(page) == []


def test_a_div_plan_reads_into_actions_with_dates_and_owners():
    page = b"""<html><body><h1>Equality Plan</h1>
    <div class="plan"><div class="row hdr"><div>No</div><div>Action</div><div>Lead</div>
    <div>By when</div></div>
    <div class="row"><div>1</div><div>Review the recruitment policy</div><div>HR Manager</div>
    <div>Q3 2012/13</div></div>
    <div class="row"><div>2</div><div>Publish the pay gap report</div>
    <div>Finance Director</div><div>31-Mar-13</div></div></div></body></html>"""
    doc = normalise(read_document(page))
    assert [(a.action_id, a.action, a.owners_raw, str(a.due_date)) for a in doc.actions] == [
        ("1", "Review the recruitment policy", "HR Manager", "2012-12-31"),
        ("2", "Publish the pay gap report", "Finance Director", "2013-03-31")]
