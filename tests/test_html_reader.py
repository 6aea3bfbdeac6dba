"""The HTML reader (``html``) on pages written in the test from printed values."""

from planextract.extract import read_document
from planextract.extract.model import Cell, Paragraph, Table
from planextract.extract.registry import sniff
from planextract.extract.span_grid import expand_spans
from planextract.normalise.document import normalise

KENT = """<!DOCTYPE html>
<html><head><title>Plan</title><style>td { color: red }</style></head>
<body>
<nav><a href="/">Home</a> | <a href="/plans">Plans</a></nav>
<header><p>Kent Fire and Rescue Service - skip to content</p></header>
<main>
<h1>Kent Fire Authority</h1>
<p><strong>Equality Action Plan 2012 – 2013</strong></p>
<h2>SECTION 1: OUR WORKFORCE</h2>
<table class="plan">
<thead><tr><th>Outcome</th><th>Action</th><th>Lead</th><th>Timescale</th></tr></thead>
<tbody>
<tr><td rowspan="2">1. A diverse workforce</td>
    <td>1.1 Review recruitment adverts</td><td>HR Manager</td><td>March 12</td></tr>
<tr><td><p>1.2 Train interview panels:</p><ul><li>book sessions</li><li>record
attendance</li></ul></td><td>HR Manager<br>T&amp;D Manager</td><td>31.3.12</td></tr>
<tr><td>2. Fair promotion</td><td>2.1 Publish promotion data</td><td>CE</td>
    <td>On-going</td></tr>
</tbody></table>
</main>
<footer><p>Copyright 2012</p></footer>
<script>document.write("<table><tr><td>x</td></tr></table>");</script>
</body></html>
"""

# differs in everything but the rules: no thead, an owner spanning three rows,
# a date spanning two columns, Word-style paragraph classes, div-wrapped cells,
# glyph-typed bullets, a navigation role and an aside
LEEDS = """<html><body>
<div role="navigation"><ul><li>Home</li><li>About us</li></ul></div>
<aside>Related links</aside>
<p class="MsoTitle">Leeds Teaching Hospitals NHS Trust</p>
<p>Workforce Race Equality Plan 2019/20</p>
<h3>Part 2: Patients</h3>
<table border="1">
<tr><td><b>Ref</b></td><td><b>Actions</b></td><td><b>Responsible</b></td>
    <td colspan="2"><b>Deadline</b></td></tr>
<tr><td>A1</td><td><div>Audit interpreter bookings</div><div>• by ward</div>
    <div>• by language</div></td><td rowspan="3">Head of Patient Experience</td>
    <td>Q1</td><td>June 2019</td></tr>
<tr><td>A2</td><td>Translate the leaflets<br>into five languages</td>
    <td colspan="2">Dec 2019</td></tr>
<tr><td>A3</td><td><p>Report to the board</p><p>- quarterly</p></td>
    <td colspan="2">Ongoing</td></tr>
</table>
</body></html>
"""


def _table(raw) -> Table:
    return next(b for b in raw.blocks if isinstance(b, Table))


def _grid(raw) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in _table(raw).rows]


def test_html_is_sniffed_from_content():
    assert sniff(KENT.encode()) == "html"
    assert sniff(LEEDS.encode()) == "html"
    # a bare fragment holding a table, as pandoc writes into markdown
    assert sniff(b"Some intro\n<table><tr><td>a</td><td>b</td></tr></table>\n") == "html"


def test_rowspan_is_empty_below_its_first_row_like_word_vmerge():
    raw = read_document(KENT.encode())
    assert raw.source_format == "html"
    assert [row[0] for row in _grid(raw)] == ["Outcome", "1. A diverse workforce", "",
                                             "2. Fair promotion"]
    grid = _grid(read_document(LEEDS.encode()))
    assert [row[2] for row in grid] == ["Responsible", "Head of Patient Experience", "", ""]
    # a cell spanning columns is followed by an empty one; every row is full width
    assert grid[0] == ["Ref", "Actions", "Responsible", "Deadline", ""]
    assert grid[2][3:] == ["Dec 2019", ""]
    assert {len(row) for row in grid} == {5}


def test_expand_spans_rule():
    a, b, c, d, e = (Cell(parts=(x,)) for x in "abcde")
    grid = expand_spans([[(a, 2, 1), (b, 1, 2)], [(c, 1, 1), (d, 1, 1)], [(e, 0, 3)]])
    assert [[x.text for x in row] for row in grid] == [
        ["a", "b", ""], ["", "c", "d"], ["e", "", ""]]
    # rowspan 0 runs to the end; a short row is padded
    grid = expand_spans([[(a, 0, 1), (b, 1, 1)], [(c, 1, 1)], [(d, 1, 1)], [(e, 1, 1)]])
    assert [[x.text for x in row] for row in grid] == [
        ["a", "b"], ["", "c"], ["", "d"], ["", "e"]]


def test_lists_paragraphs_and_breaks_in_cells():
    table = _table(read_document(KENT.encode()))
    # a <p> then a list: one action, the items its lines
    assert table.rows[2].cells[1].parts == (
        "1.2 Train interview panels:\nbook sessions\nrecord attendance",)
    assert table.rows[2].cells[2].parts == ("HR Manager\nT&D Manager",)
    table = _table(read_document(LEEDS.encode()))
    # paragraphs typed with a glyph or a dash are items of the paragraph above
    assert table.rows[1].cells[1].parts == ("Audit interpreter bookings\nby ward\nby language",)
    assert table.rows[3].cells[1].parts == ("Report to the board\nquarterly",)
    assert table.rows[2].cells[1].parts == ("Translate the leaflets\ninto five languages",)


def test_two_paragraphs_in_a_cell_are_two_parts():
    page = ("<table><tr><th>Action</th><th>Owner</th></tr><tr><td><p>3.1 Agree the scheme</p>"
            "<p>3.2 Publish it</p></td><td><p>CE</p><p>Board</p></td></tr></table>")
    table = _table(read_document(page.encode()))
    assert table.rows[1].cells[0].parts == ("3.1 Agree the scheme", "3.2 Publish it")
    assert table.rows[1].cells[1].parts == ("CE", "Board")


def test_headings_get_levels_and_page_furniture_is_dropped():
    raw = read_document(KENT.encode())
    paragraphs = [(b.text, b.level) for b in raw.blocks if isinstance(b, Paragraph)]
    assert paragraphs == [("Kent Fire Authority", 1),
                          ("Equality Action Plan 2012 – 2013", 0),
                          ("SECTION 1: OUR WORKFORCE", 2)]
    assert sum(isinstance(b, Table) for b in raw.blocks) == 1
    raw = read_document(LEEDS.encode())
    paragraphs = [(b.text, b.level) for b in raw.blocks if isinstance(b, Paragraph)]
    assert paragraphs == [("Leeds Teaching Hospitals NHS Trust", 1),
                          ("Workforce Race Equality Plan 2019/20", 0), ("Part 2: Patients", 3)]


def test_a_one_cell_layout_table_is_looked_through():
    inner = ("<table><tr><th>Action</th><th>Owner</th><th>Date</th></tr>"
             "<tr><td>Do a thing</td><td>CE</td><td>May 2014</td></tr></table>")
    page = (f"<html><body><table><tr><td><h2>Theme A: Access</h2></td></tr>"
            f"<tr><td>{inner}</td></tr></table></body></html>")
    raw = read_document(page.encode())
    assert isinstance(raw.blocks[0], Paragraph) and raw.blocks[0].level == 2
    assert _grid(raw) == [["Action", "Owner", "Date"], ["Do a thing", "CE", "May 2014"]]


def test_a_table_inside_a_cell_stays_in_its_cell():
    page = ("<table><tr><th>Action</th><th>Owner</th></tr><tr><td>Set targets"
            "<table><tr><td>2013</td><td>5%</td></tr></table></td><td>CE</td></tr></table>")
    assert _grid(read_document(page.encode()))[1] == ["Set targets\n2013 | 5%", "CE"]


def test_html_plan_normalises_like_the_other_formats():
    doc = normalise(read_document(KENT.encode()))
    assert doc.organisation == "Kent Fire Authority"
    assert doc.plan_title == "Equality Action Plan 2012 – 2013"
    got = [(a["section"], a["outcome_id"], a["action_id"], a["owners"], a["due_kind"])
           for a in doc.actions]
    assert got == [("SECTION 1: OUR WORKFORCE", "1", "1.1", ["Human Resources Manager"], "date"),
                   ("SECTION 1: OUR WORKFORCE", "1", "1.2",
                    ["Human Resources Manager", "Training and Development Manager"], "date"),
                   ("SECTION 1: OUR WORKFORCE", "2", "2.1", ["Chief Executive"], "ongoing")]
    assert doc.actions[1]["action"] == "Train interview panels:\nbook sessions\nrecord attendance"
    assert (doc.actions[1]["line_start"], doc.actions[1]["line_end"]) == (15, 16)


WORD_SAVED = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<!--[if gte mso 9]><xml><o:DocumentProperties></o:DocumentProperties></xml><![endif]-->
</head><body lang=EN-GB><div class=WordSection1>
<p class=MsoTitle>Derbyshire Probation Trust<o:p></o:p></p>
<table class=MsoTableGrid border=1>
 <tr><td><p class=MsoNormal><b>Actions</b></p></td><td><p class=MsoNormal><b>Owner</b></p></td></tr>
 <tr><td><p class=MsoNormal>1.1 Prepare the scheme<o:p></o:p></p>
 <p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span
 style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]>consult staff</p>
 <p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span
 style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]>consult users</p>
 </td><td><p class=MsoNormal>CE</p></td></tr>
</table></div></body></html>
"""


def test_word_saved_web_page_list_paragraphs_are_bullets_of_one_action():
    raw = read_document(WORD_SAVED.encode())
    assert [(b.text, b.level) for b in raw.blocks if isinstance(b, Paragraph)] == [
        ("Derbyshire Probation Trust", 1)]
    assert _table(raw).rows[1].cells[0].parts == (
        "1.1 Prepare the scheme\nconsult staff\nconsult users",)


def test_markdown_headings_around_an_html_table():
    text = ("# Northshire Council\n\n## SECTION 2: SERVICES\n\n<table><tr><th>Action</th>"
            "<th>Lead</th></tr><tr><td>Fit loops</td><td>Estates</td></tr></table>\n")
    raw = read_document(text.encode())
    assert raw.source_format == "html"
    assert [(b.text, b.level) for b in raw.blocks if isinstance(b, Paragraph)] == [
        ("Northshire Council", 1), ("SECTION 2: SERVICES", 2)]


def test_a_tab_separated_export_with_a_table_in_a_cell_stays_tabbed():
    text = ("Outcome\tAction\tOwner\n1. Do\t1.1 Act <table><tr><td>x</td></tr></table>\tCE\n"
            "2. More\t2.1 Act\tET\n")
    assert sniff(text.encode()) == "text-tabbed"


def test_a_page_laid_out_in_a_table_is_looked_through():
    plan = ("<table><tr><th>Action</th><th>Owner</th><th>Date</th></tr>"
            "<tr><td>1.1 Review the recruitment of special constables</td><td>ACC</td>"
            "<td>March 2014</td></tr><tr><td>1.2 Publish the stop and search figures each "
            "month</td><td>Supt Jones</td><td>On-going</td></tr></table>")
    page = (f"<html><body><table role='grid'><tr><td><a href='/'>Home</a><br><a>News</a></td>"
            f"<td><h2>Part 1: Workforce</h2>{plan}</td><td>Follow us</td></tr></table>"
            f"</body></html>")
    raw = read_document(page.encode())
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and _grid(raw)[0] == ["Action", "Owner", "Date"]
    assert ("Part 1: Workforce", 2) in [(b.text, b.level) for b in raw.blocks
                                       if isinstance(b, Paragraph)]
    # a nested table holding a small part of the text stays inside its cell
    small = ("<table><tr><th>Action</th><th>Owner</th></tr><tr><td>Set out the targets for "
             "recruitment and retention of staff from minority groups<table><tr><td>2013</td>"
             "<td>5%</td></tr></table></td><td>CE</td></tr></table>")
    assert len(_grid(read_document(small.encode()))) == 2


def test_a_header_on_two_rows_is_one_header_row():
    page = ("<table><thead><tr><th rowspan='2'>Ref</th><th rowspan='2'>Task</th>"
            "<th colspan='2'>Delivery</th></tr><tr><th>By whom</th><th>Deadline</th></tr>"
            "</thead><tbody><tr><td>3</td><td>Update the carers policy</td><td>HR</td>"
            "<td>1/12/2012</td></tr></tbody></table>")
    assert _grid(read_document(page.encode())) == [
        ["Ref", "Task", "By whom", "Deadline"], ["3", "Update the carers policy", "HR",
                                                 "1/12/2012"]]
    # differs in everything but the rule: no thead, th cells only, the group on the left
    page = ("<table><tr><th colspan='2'>What</th><th rowspan='2'>Owner</th></tr>"
            "<tr><th>Outcome</th><th>Action</th></tr>"
            "<tr><td>1. Fair pay</td><td>1.1 Publish the gap</td><td>CE</td></tr></table>")
    raw = read_document(page.encode())
    assert _grid(raw)[0] == ["Outcome", "Action", "Owner"]
    doc = normalise(raw)
    assert [(a["outcome_id"], a["action_id"], a["owners"]) for a in doc.actions] == [
        ("1", "1.1", ["Chief Executive"])]


def test_a_title_across_the_top_of_a_table_names_it():
    page = ("<table><thead><tr><th colspan='3'>Workforce Delivery Plan</th></tr>"
            "<tr><th>Action</th><th>Lead</th><th>Date</th></tr></thead>"
            "<tr><td>Publish the pay gap</td><td>HR</td><td>2014</td></tr></table>")
    raw = read_document(page.encode())
    assert isinstance(raw.blocks[0], Paragraph)
    assert (raw.blocks[0].text, raw.blocks[0].bold) == ("Workforce Delivery Plan", True)
    assert _grid(raw)[0] == ["Action", "Lead", "Date"]


def test_a_page_nested_thousands_deep_is_a_clear_error():
    import pytest

    from planextract.extract import ReaderError
    table = "<table><tr><th>Action</th><th>Owner</th></tr><tr><td>Do it</td><td>CE</td></tr>"
    for page in ("<html><body>" + "<div>" * 3000 + table + "</table></body></html>",
                 table + "<tr><td>" + "<ul><li>x" * 3000 + "</td><td>CE</td></tr></table>"):
        with pytest.raises(ReaderError) as caught:
            read_document(page.encode())
        assert "too deeply" in str(caught.value)
    # a long page of tags left open at the same depth reads normally
    rows = "".join(f"<tr><td><font>Do {i}</td><td>CE</td></tr>" for i in range(500))
    raw = read_document(f"<table><tr><th>Action</th><th>Owner</th></tr>{rows}</table>".encode())
    assert len(_table(raw).rows) == 501


def test_loose_text_wrapped_in_the_source_is_one_paragraph():
    page = ("<html><body>Northshire County Council\nEquality Action Plan\n2012 to 2013<br>"
            "Second line<table><tr><th>Action</th><th>Owner</th></tr></table></body></html>")
    raw = read_document(page.encode())
    assert [b.text for b in raw.blocks if isinstance(b, Paragraph)] == [
        "Northshire County Council Equality Action Plan 2012 to 2013", "Second line"]


def test_a_table_of_th_cells_only_is_not_all_header():
    rows = "".join(f"<tr><th>{i}.1 Do thing {i}</th><th>CE</th></tr>" for i in range(1, 5))
    raw = read_document(f"<table><tr><th>Action</th><th>Owner</th></tr>{rows}</table>".encode())
    assert [r.cells[0].text for r in _table(raw).rows] == [
        "Action", "1.1 Do thing 1", "2.1 Do thing 2", "3.1 Do thing 3", "4.1 Do thing 4"]


def test_nested_list_items_are_lines_once_each():
    page = ("<table><tr><th>Action</th><th>Owner</th></tr><tr><td><ul><li>Audit access"
            "<ul><li>by site<ul><li>north</li></ul></li><li>by service</li></ul></li>"
            "<li>Report</li></ul></td><td>CE</td></tr></table>")
    assert _table(read_document(page.encode())).rows[1].cells[0].parts == (
        "Audit access\nby site\nnorth\nby service\nReport",)


def test_a_broken_marked_section_does_not_stop_the_page():
    page = ("<html><body><p>Northshire Council</p><![if !supportLists]>broken <![en"
            "<table><tr><th>Action</th><th>Owner</th></tr><tr><td>Do it</td><td>CE</td></tr>"
            "</table></body></html>")
    raw = read_document(page.encode())
    assert _grid(raw) == [["Action", "Owner"], ["Do it", "CE"]]
