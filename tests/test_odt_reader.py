"""OpenDocument text (``extract/odt_reader.py``): each rule on a small .odt written
here (``odt_files``) from the values the plan prints, the canonical values expected
beside them, and a second document that differs in everything but the rule."""

from __future__ import annotations

from odt_files import (
    COVERED,
    SOFT_BREAK,
    cell,
    fodt,
    h,
    listed,
    odt,
    p,
    package,
    row,
    table,
)
from xlsx_books import read, rows

from planextract.extract import read_document
from planextract.extract.model import Paragraph, Table
from planextract.extract.registry import sniff

_BOLD_NO = '<text:p><text:span text:style-name="T1">No</text:span></text:p>'


def _probation() -> str:
    return h("Derwent Probation Trust") + h("Equality Action Plan 2011-12", 2) + table(
        [row("1.", "Review the recruitment policy", "HR Mgr", "31.3.11"),
         row("2", cell("Publish the pay gap", "Set targets with the unions"), "Hd of HR",
             "Mar-12"),
         row("3", "Train the panel chairs", "ACO (HR)", "April 2012")],
        header=[row(cell(_BOLD_NO), "Action", "Lead officer", "By when")], columns=4)


def _college() -> str:
    return p("Elmbridge College", "P1") + p("Single Equality Scheme 2014", "P2") + table(
        [row("What we will do", "Who", "When"),
         row("Install hearing loops in every teaching block", "Estates Mgr.", "30/06/2015"),
         row("Translate the student handbook into Polish", "Head of Student Services",
             "15 December 2014")])


def _tables(data: bytes) -> list[Table]:
    return [b for b in read_document(data).blocks if isinstance(b, Table)]


def test_an_odt_is_told_by_its_content_whatever_its_name():
    assert sniff(odt(_probation())) == "odt"
    assert sniff(fodt(_college())) == "odt"
    assert read_document(odt(_probation())).source_format == "odt"
    # a spreadsheet of the same family is still named and refused (guards)
    spreadsheet = package({"content.xml": b"<x/>"},
                          mimetype="application/vnd.oasis.opendocument.spreadsheet")
    assert _refused(spreadsheet, "an OpenDocument file (spreadsheet)")


def _refused(data: bytes, phrase: str) -> bool:
    from planextract.extract.errors import ReaderError

    try:
        read_document(data)
    except ReaderError as err:
        return phrase in str(err)
    return False


def test_a_plan_reads_as_printed():
    doc = read(odt(_probation()))
    assert rows(doc, "action_id", "action", "owners_raw", "due_raw", "due_date") == [
        ("1", "Review the recruitment policy", "HR Mgr", "31.3.11", "2011-03-31"),
        ("2", "Publish the pay gap\nSet targets with the unions", "Hd of HR", "Mar-12",
         "2012-03-31"),
        ("3", "Train the panel chairs", "ACO (HR)", "April 2012", "2012-04-30"),
    ]
    assert [a["owners"] for a in doc.actions] == [
        ["Human Resources Manager"], ["Head of Human Resources"],
        ["Assistant Chief Officer HR"]]
    assert doc.plan_title == "Equality Action Plan 2011-12"


def test_a_second_plan_differing_in_all_but_the_rules():
    # no header rows marked, headings by bold and by a heading style, flat XML
    doc = read(fodt(_college()))
    assert rows(doc, "action", "owners_raw", "due_raw", "due_date") == [
        ("Install hearing loops in every teaching block", "Estates Mgr.", "30/06/2015",
         "2015-06-30"),
        ("Translate the student handbook into Polish", "Head of Student Services",
         "15 December 2014", "2014-12-15"),
    ]
    assert doc.plan_title == "Single Equality Scheme 2014"
    assert read_document(fodt(_college())).blocks == read_document(odt(_college())).blocks


def test_headings_by_outline_level_and_style_bold_by_hand():
    blocks = read_document(odt(_probation() + _college())).blocks
    paragraphs = [(b.text, b.level, b.bold) for b in blocks if isinstance(b, Paragraph)]
    assert paragraphs == [
        ("Derwent Probation Trust", 1, False),  # text:h, outline level 1
        ("Equality Action Plan 2011-12", 2, False),
        ("Elmbridge College", 0, True),  # bold set by hand (automatic style P1)
        ("Single Equality Scheme 2014", 2, False),  # P2's parent is Heading 2
    ]
    bold_span = '<text:p><text:span text:style-name="T1">Key</text:span></text:p>'
    mixed = ('<text:p text:style-name="P1">Lead <text:span text:style-name="T2">officer'
             "</text:span></text:p>")
    strong = ('<text:p><text:span text:style-name="Strong_20_Emphasis">Glossary</text:span>'
              "</text:p>")
    blocks = read_document(odt(bold_span + mixed + strong)).blocks
    assert [(b.text, b.bold) for b in blocks] == [("Key", True), ("Lead officer", False),
                                                  ("Glossary", True)]


def test_a_cell_merged_down_holds_for_every_row_it_covers():
    rowspan = 'table:number-rows-spanned="3"'
    body = table([row("Ref", "Action", "Owner", "Due"),
                  row("1.1", "Audit the website", cell("Comms Mgr", attrs=rowspan), "Q1"),
                  row("1.2", "Add alt text to images", COVERED, "Q2"),
                  row("1.3", "Caption the videos", COVERED, "Q3")], columns=4)
    doc = read(odt(body))
    assert rows(doc, "action_id", "owners_raw") == [("1.1", "Comms Mgr"), ("1.2", "Comms Mgr"),
                                                  ("1.3", "Comms Mgr")]
    assert [r.covered for r in _tables(odt(body))[0].rows] == [(), (), (2,), (2,)]


def test_a_cell_spanning_columns_and_rows_is_followed_by_empty_cells():
    # differs: an objective row spanning every column, a 2x2 merge, dates as printed
    both = 'table:number-rows-spanned="2" table:number-columns-spanned="2"'
    body = table([row("Objective", "Action", "Lead", "Target"),
                  row(cell("Objective 1: a fair workforce",
                           attrs='table:number-columns-spanned="4"'), COVERED, COVERED,
                      COVERED),
                  row("Monitor", "Publish the staff profile", cell("HR Adviser 31/12/2013",
                                                                    attrs=both), COVERED),
                  row("Monitor", "Report to the board", COVERED, COVERED)], columns=4)
    cells = [[c.text for c in r.cells] for r in _tables(odt(body))[0].rows]
    assert cells[1] == ["Objective 1: a fair workforce", "", "", ""]
    assert cells[2] == ["Monitor", "Publish the staff profile", "HR Adviser 31/12/2013", ""]
    assert cells[3] == ["Monitor", "Report to the board", "", ""]
    assert [r.covered for r in _tables(odt(body))[0].rows] == [(), (), (), (2,)]


def test_list_numbers_are_drawn_and_bullets_join_their_action():
    numbered = listed(["Review the policy", "Consult the staff network"],
                      style="Numbering_20_123")
    bullets = listed(["adverts", "interview panels"])
    body = table([row("Action", "Owner", "Date"),
                  row(cell(numbered.replace("</text:list-item><text:list-item>",
                                            f"{bullets}</text:list-item><text:list-item>", 1)),
                      "Chief Exec", "March 09")])
    cell_parts = _tables(odt(body))[0].rows[1].cells[0].parts
    assert cell_parts == ("1. Review the policy\nadverts\ninterview panels",
                          "2. Consult the staff network")
    doc = read(odt(body))
    assert rows(doc, "action_id", "action", "due_date") == [
        ("1", "Review the policy\nadverts\ninterview panels", "2009-03-31"),
        ("2", "Consult the staff network", "2009-03-31")]


def test_a_list_continues_or_restarts_its_numbers():
    # differs: lists in two cells, the second continuing the first's numbers; a third
    # list not said to continue starts again at its start value
    first = listed(["Set up the forum"], style="Numbering_20_123")
    second = listed(["Meet twice a year"], style="Numbering_20_123",
                    attrs='text:continue-numbering="true"')
    third = listed(['<text:p>Survey the members</text:p>'], style="Numbering_20_123")
    third = third.replace("<text:list-item>", '<text:list-item text:start-value="7">')
    body = table([row("Action", "Lead"), row(cell(first), "Equality Lead"),
                  row(cell(second), "Equality Lead"), row(cell(third), "Chair")], columns=2)
    texts = [r.cells[0].text for r in _tables(odt(body))[0].rows[1:]]
    assert texts == ["1. Set up the forum", "2. Meet twice a year", "7. Survey the members"]


def test_bullet_items_outside_tables_are_marked_items():
    body = p("Our priorities") + listed(["fair recruitment", "accessible buildings"])
    blocks = read_document(odt(body)).blocks
    assert [(b.text, b.item) for b in blocks] == [("Our priorities", False),
                                                 ("fair recruitment", True),
                                                 ("accessible buildings", True)]


def test_line_breaks_tabs_and_spaces_print_as_typed():
    broken = "<text:p>HR Manager<text:line-break/>Head of OD</text:p>"
    spaced = "<text:p>Due<text:s text:c=\"3\"/>by   June\n 2013</text:p>"
    body = table([row("Action", "Owner", "Due"),
                  row("Review the policy", cell(broken), cell(spaced))])
    cells = _tables(odt(body))[0].rows[1].cells
    assert cells[1].parts == ("HR Manager\nHead of OD",)
    assert cells[2].parts == ("Due by June 2013",)
    # two TAB-separated paragraphs in a row are a table (a key typed with tabs)
    key = "".join(f"<text:p>{a}<text:tab/>{b}</text:p>" for a, b in
                  (("R", "Not started"), ("A", "Under way"), ("G", "Done")))
    tabbed = _tables(odt(key))[0]
    assert [[c.text for c in r.cells] for r in tabbed.rows] == [
        ["R", "Not started"], ["A", "Under way"], ["G", "Done"]]


def test_soft_page_breaks_give_pages_and_the_header_is_read_once():
    header = [row("Ref", "Action", "Lead")]
    body = (h("Equality Plan") + table(
        [row("1", "Publish the pay audit", "HR Director"), SOFT_BREAK,
         row("2", "Review the grievance policy", "Head of Legal")], header=header)
        + SOFT_BREAK + p("Signed off by the board"))
    raw = read_document(odt(body))
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [(r.cells[0].text, r.page_start, r.page_end) for r in tables[0].rows] == [
        ("Ref", 1, 1), ("1", 1, 1), ("2", 2, 2)]
    assert [(b.text, b.page) for b in raw.blocks if isinstance(b, Paragraph)] == [
        ("Equality Plan", 1), ("Signed off by the board", 3)]
    assert raw.pages == 3
    doc = read(odt(body))
    assert rows(doc, "action_id", "owners_raw") == [("1", "HR Director"), ("2", "Head of Legal")]
    # without soft page breaks no page is known (as a .docx)
    plain = read_document(odt(body.replace(SOFT_BREAK, "")))
    assert plain.pages is None and all(b.page is None for b in plain.blocks
                                       if isinstance(b, Paragraph))


def test_tracked_changes_read_as_accepted_and_notes_not_read():
    changes = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
               "<office:change-info><dc:creator>Officer</dc:creator></office:change-info>"
               "<text:p>Withdrawn action</text:p></text:deletion></text:changed-region>"
               '<text:changed-region text:id="ct2"><text:insertion><office:change-info>'
               "<dc:creator>Officer</dc:creator></office:change-info></text:insertion>"
               "</text:changed-region></text:tracked-changes>")
    action = ('<text:p>Review the <text:change text:change-id="ct1"/>'
              '<text:change-start text:change-id="ct2"/>bullying<text:change-end '
              'text:change-id="ct2"/> policy<text:note text:note-class="footnote">'
              "<text:note-citation>1</text:note-citation><text:note-body><text:p>As agreed"
              " in 2012</text:p></text:note-body></text:note></text:p>")
    body = changes + table([row("Action", "Lead", "Due"),
                            row(cell(action), "Head of HR", "June 2013")])
    doc = read(odt(body))
    assert rows(doc, "action", "owners_raw") == [("Review the bullying policy", "Head of HR")]
    assert "Withdrawn" not in str(read_document(odt(body)).blocks)


def test_a_text_box_reads_as_blocks_after_its_paragraph():
    box = ('<text:p>Our plan<draw:frame draw:name="Frame1"><draw:text-box>'
           + table([row("Action", "Owner", "Due"),
                    row("Run a staff survey", "OD Manager", "Autumn 2013")])
           + "</draw:text-box></draw:frame></text:p>")
    blocks = read_document(odt(box)).blocks
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "Our plan"
    assert isinstance(blocks[1], Table)
    assert rows(read(odt(box)), "action", "owners_raw") == [("Run a staff survey",
                                                             "OD Manager")]


def test_a_table_nested_in_a_cell_is_lines_of_that_cell():
    inner = table([row("Q1", "Q2"), row("Draft", "Consult")], columns=2)
    body = table([row("Action", "Milestones", "Lead"),
                  row("Write the accessibility plan", cell(inner), "Estates Manager")])
    cell_text = _tables(odt(body))[0].rows[1].cells[1].text
    assert cell_text == "Q1 | Q2\nDraft | Consult"


def _key_then_plan(plan_rows: list[str], columns: int) -> str:
    """A key of abbreviations and the plan right after it, as LibreOffice keeps two
    adjacent Word tables: the plan nested alone in a last row spanning the key."""
    spanning = 'table:number-columns-spanned="2"'
    plan = table(plan_rows, columns=columns)
    return h("Key") + table([row("HR", "Human Resources"), row("OD", "Organisational Development"),
                             row(cell(plan, "<text:p/>", attrs=spanning), COVERED)], columns=2)


def test_a_table_libreoffice_nests_alone_after_another_is_a_table_of_its_own():
    body = _key_then_plan([row("No", "Action", "Owner", "Date"),
                           row("1", "Refresh the dignity at work policy", "Head of HR",
                               "Dec 2012"),
                           row("2", "Run unconscious bias training", "OD Mgr", "2013/14")], 4)
    tables = _tables(odt(body))
    assert [len(t.rows) for t in tables] == [2, 3]
    doc = read(odt(body))
    assert rows(doc, "action_id", "owners_raw", "due_raw") == [
        ("1", "Head of HR", "Dec 2012"), ("2", "OD Mgr", "2013/14")]


def test_a_table_beside_text_in_a_spanning_cell_stays_in_its_cell():
    # differs: the spanning cell holds a sentence too, so it is a table in a cell
    inner = table([row("Stage", "When"), row("Draft", "May")], columns=2)
    body = table([row("Action", "Lead"), row("Publish the scheme", "Policy Officer"),
                  row(cell("Milestones:", inner, attrs='table:number-columns-spanned="2"'),
                      COVERED)], columns=2)
    tables = _tables(odt(body))
    assert len(tables) == 1
    assert tables[0].rows[2].cells[0].text == "Milestones:\nStage | When\nDraft | May"


def test_a_table_in_a_shapes_text_written_as_loext_is_read():
    plan = table([row("Action", "Owned by", "Target"),
                  row("Recruit two more mentors", "Volunteer Coordinator", "Sept 2014")])
    loext = (plan.replace("table:table-row", "loext:table-row")
             .replace("table:table-cell", "loext:table-cell")
             .replace("<table:table ", "<loext:table ").replace("</table:table>",
                                                                  "</loext:table>")
             .replace("table:table-column ", "loext:table-column "))
    body = ('<text:p><draw:custom-shape draw:name="Shape1">' + loext
            + "</draw:custom-shape></text:p>")
    assert rows(read(odt(body)), "action", "owners_raw", "due_raw") == [
        ("Recruit two more mentors", "Volunteer Coordinator", "Sept 2014")]


def test_a_row_running_onto_the_next_page_ends_on_it_once():
    # LibreOffice writes the break in each cell the page cuts: one page on, not two
    action = (f"<text:p>Extend flexible working</text:p>{SOFT_BREAK}"
              "<text:p>- to every grade</text:p>")
    owner = f"<text:p>HR Business {SOFT_BREAK}Partner</text:p>"  # a break inside a line
    body = table([row("Action", "Owner", "Due"),
                  row(cell(action), cell(owner), "Spring 2014"),
                  row("Publish the results", "Head of Comms", "Summer 2014")])
    spans = [(r.page_start, r.page_end) for r in _tables(odt(body))[0].rows]
    assert spans == [(1, 1), (1, 2), (2, 2)]
    doc = read(odt(body))
    assert rows(doc, "page_start", "page_end", "owners_raw") == [
        (1, 2, "HR Business Partner"), (2, 2, "Head of Comms")]


def _joined_key_and_plan() -> str:
    """A key of two columns and a plan of three laid on one grid of four columns, as
    LibreOffice joins two adjacent Word tables: the key's cells span the columns
    the plan parts, and the other way round."""
    two = 'table:number-columns-spanned="2"'
    key = [row(cell("EIA", attrs=two), COVERED, cell("Equality Impact Assessment", attrs=two),
               COVERED),
           row(cell("SMT", attrs=two), COVERED, cell("Senior Management Team", attrs=two),
               COVERED)]
    plan = [row("Task", cell("Responsible", attrs=two), COVERED, "Deadline"),
            row("Review the EIA template", cell("SMT", attrs=two), COVERED, "Jan 2015"),
            row("Train the governors", cell("Clerk to Governors", attrs=two), COVERED,
                "Spring term 2015")]
    return h("Key") + table(key + plan, columns=4)


def test_two_tables_libreoffice_joined_on_one_grid_are_parted():
    tables = _tables(odt(_joined_key_and_plan()))
    assert [len(t.rows) for t in tables] == [2, 3]
    doc = read(odt(_joined_key_and_plan()))
    assert rows(doc, "action", "owners_raw", "due_raw") == [
        ("Review the EIA template", "SMT", "Jan 2015"),
        ("Train the governors", "Clerk to Governors", "Spring term 2015")]


def test_a_table_whose_rows_share_column_edges_is_one_table():
    # differs: a header with a group spanning two columns over the labels under it,
    # and an objective row spanning every column: every row shares an edge or has none
    group = 'table:number-columns-spanned="2"'
    body = table([row("Action", cell("Delivery", attrs=group), COVERED),
                  row("", "Lead", "Target date"),
                  row(cell("Objective 2: inclusive services",
                           attrs='table:number-columns-spanned="3"'), COVERED, COVERED),
                  row("Hold an open day for carers", "Carers Lead", "Oct 2013")])
    assert [len(t.rows) for t in _tables(odt(body))] == [4]
