"""Excel workbooks (``extract/xlsx_reader.py``): each rule on a small workbook written
here from the values the plan prints, the canonical values expected beside them, and
a second workbook that differs in everything but the rule."""

from __future__ import annotations

import io

import openpyxl
import pytest
from xlsx_books import book, day, read, rows

from planextract.extract import read_document
from planextract.extract.model import Paragraph, Table
from planextract.extract.registry import sniff
from planextract.extract.xlsx_reader import cell_parts


def _probation(workbook) -> None:
    """A probation trust's tracker: title rows, a two-level plan, a key sheet, a
    hidden working column (D) and a hidden row, owners merged down, real dates."""
    title = workbook.add_format({"bold": True, "font_size": 16})
    head = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True})
    uk = workbook.add_format({"num_format": "dd/mm/yyyy"})
    month = workbook.add_format({"num_format": "mmm-yy"})
    sheet = workbook.add_worksheet("Action plan")
    sheet.write(0, 0, "Wyvern Probation Trust", title)
    sheet.write(1, 0, "Single Equality Scheme Action Plan 2011-12", title)
    sheet.write_row(3, 0, ["Ref", "Action", "Lead", "Sort", "Target date"], head)
    sheet.write_number(4, 0, 1.1)
    sheet.write(4, 1, "Review the recruitment policy", wrap)
    sheet.merge_range(4, 2, 5, 2, "ACO HR")
    sheet.write_number(4, 3, 40)
    sheet.write_datetime(4, 4, day(2012, 3, 31), uk)
    sheet.write_number(5, 0, 1.2)
    sheet.write(5, 1, "Publish workforce figures by protected characteristic")
    sheet.write_number(5, 3, 41)
    sheet.write_datetime(5, 4, day(2012, 1, 1), month)
    sheet.write(6, 1, "Withdrawn: old action kept for the record")
    sheet.set_row(6, None, None, {"hidden": True})
    sheet.write_number(7, 0, 2)
    sheet.write(7, 1, "Audit pay by gender")
    sheet.write(7, 2, "Finance Manager")
    sheet.write_number(7, 3, 42)
    sheet.write(7, 4, "Ongoing")
    sheet.set_column(3, 3, None, None, {"hidden": True})
    key = workbook.add_worksheet("Key")
    key.write(0, 0, "Key to abbreviations", head)
    key.write_row(2, 0, ["ACO", "Assistant Chief Officer"])
    key.write_row(3, 0, ["HR", "Human Resources"])


def _college(workbook) -> None:
    """A college's tracker, otherwise unlike the first: the table at C6 under a
    heading row, the 1904 date system, the built-in short date and long dates, a
    very hidden sheet first, a column hidden by an outline group, no numbers."""
    lists = workbook.add_worksheet("Lists")
    lists.write(0, 0, "Red")
    lists.very_hidden()
    sheet = workbook.add_worksheet("Inclusion")
    sheet.write(1, 2, "Inclusion Action Plan 2014/15")
    sheet.write_row(5, 2, ["What we will do", "Who", "Helper", "Code", "When"])
    shortdate = workbook.add_format({"num_format": 14})
    long = workbook.add_format({"num_format": "d mmmm yyyy"})
    sheet.write_row(6, 2, ["Install hearing loops in every teaching block",
                           "Estates Manager", "x", "EST"])
    sheet.write_datetime(6, 6, day(2015, 6, 30), shortdate)
    sheet.write_row(7, 2, ["Translate the student handbook into Polish and Urdu",
                           "Head of Student Services", "y", "SS"])
    sheet.write_datetime(7, 6, day(2014, 12, 15), long)
    sheet.set_column(4, 5, None, None, {"hidden": True, "level": 1})
    workbook.worksheets_objs.reverse()  # the plan sheet first in the book, Lists after


def test_a_workbook_is_told_by_its_content_whatever_its_name(tmp_path):
    data = book(_probation)
    assert sniff(data) == "xlsx"
    macro = io.BytesIO()  # the same workbook saved macro-enabled (.xlsm) by openpyxl
    loaded = openpyxl.load_workbook(io.BytesIO(data))
    loaded.save(macro)
    assert sniff(macro.getvalue()) == "xlsx"
    assert read_document(data).source_format == "xlsx"


def test_a_tracker_reads_as_printed():
    doc = read(book(_probation))
    assert rows(doc, "action_id", "owners_raw", "due_raw", "due_date") == [
        ("1.1", "ACO HR", "31/03/2012", "2012-03-31"),
        ("1.2", "ACO HR", "Jan-12", "2012-01-31"),
        ("2", "Finance Manager", "Ongoing", None),
    ]
    assert doc.actions[0]["owners"] == ["Assistant Chief Officer Human Resources"]
    assert doc.actions[1]["owners"] == doc.actions[0]["owners"]  # merged down over 1.2
    assert doc.plan_title == "Single Equality Scheme Action Plan 2011-12"
    # provenance: the sheet's row numbers (Excel's, 1-based); the hidden row 7 is not read
    assert rows(doc, "line_start", "line_end") == [(5, 5), (6, 6), (8, 8)]
    assert all("40" not in a["action"] and "Withdrawn" not in a["action"] for a in doc.actions)


def test_a_second_tracker_differing_in_all_but_the_rules():
    doc = read(book(_college, date_1904=True))
    assert rows(doc, "action", "owners_raw", "due_raw", "due_date") == [
        ("Install hearing loops in every teaching block", "Estates Manager", "30/06/2015",
         "2015-06-30"),
        ("Translate the student handbook into Polish and Urdu", "Head of Student Services",
         "15 December 2014", "2014-12-15"),
    ]
    raw = read_document(book(_college, date_1904=True))
    table = next(b for b in raw.blocks if isinstance(b, Table))
    assert [c.text for c in table.rows[0].cells] == ["What we will do", "Who", "When"]
    assert not any("Red" in (b.text if isinstance(b, Paragraph) else "") for b in raw.blocks)


def test_hidden_sheets_rows_and_columns_are_not_read():
    raw = read_document(book(_probation))
    texts = [c.text for b in raw.blocks if isinstance(b, Table) for r in b.rows for c in r.cells]
    assert "Sort" not in texts and "41" not in texts and not any("Withdrawn" in t for t in texts)
    key = raw.blocks[-1]  # the key sheet, after the plan's
    assert [[c.text for c in r.cells] for r in key.rows] == [
        ["ACO", "Assistant Chief Officer"], ["HR", "Human Resources"]]


def _merged(workbook) -> None:
    """An objective printed across the table (a horizontal merge) over actions whose
    owner and date are merged down over two and three rows."""
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["Ref", "Action", "Owner", "Due"])
    sheet.merge_range(1, 0, 1, 3, "Objective 1: A workforce that reflects the county")
    sheet.write_row(2, 0, ["1.1", "Advertise posts in community venues"])
    sheet.write_row(3, 0, ["1.2", "Offer work experience to care leavers"])
    sheet.write_row(4, 0, ["1.3", "Monitor applications by ethnicity"])
    sheet.write_row(5, 0, ["1.4", "Publish the workforce profile", "HR Adviser", "May 2013"])
    sheet.merge_range(2, 2, 3, 2, "Head of HR")
    sheet.write(4, 2, "HR Adviser")
    sheet.merge_range(2, 3, 4, 3, "March 2013")


def _merged_again(workbook) -> None:
    """The same rules in other words: an objective merged across five columns, a lead
    merged down over four actions, dates merged over two each."""
    sheet = workbook.add_worksheet("Services")
    sheet.write_row(2, 1, ["Ref", "Theme", "Task", "Responsible", "Deadline"])
    sheet.merge_range(3, 1, 3, 5, "Objective 2: Services everyone can reach")
    sheet.write_row(4, 1, ["2.1", "Access", "Fit automatic doors at the depot"])
    sheet.write_row(5, 1, ["2.2", "Access", "Survey car parks for blue badge bays"])
    sheet.write_row(6, 1, ["2.3", "Information", "Print bin calendars in large type"])
    sheet.write_row(7, 1, ["2.4", "Information", "Caption every video on the website"])
    sheet.merge_range(4, 4, 7, 4, "Facilities Manager")
    sheet.merge_range(4, 5, 5, 5, "Summer 2016")
    sheet.merge_range(6, 5, 7, 5, "Autumn 2016")


def test_merged_cells_hold_for_every_row_they_cover():
    doc = read(book(_merged))
    assert rows(doc, "action_id", "objective", "owners_raw", "due_raw") == [
        ("1.1", "A workforce that reflects the county", "Head of HR", "March 2013"),
        ("1.2", "A workforce that reflects the county", "Head of HR", "March 2013"),
        ("1.3", "A workforce that reflects the county", "HR Adviser", "March 2013"),
        ("1.4", "A workforce that reflects the county", "HR Adviser", "May 2013"),
    ]
    raw = read_document(book(_merged))
    table = raw.blocks[0]
    assert [r.covered for r in table.rows] == [(), (), (), (2, 3), (3,), ()]
    doc = read(book(_merged_again))
    assert rows(doc, "action_id", "owners_raw", "due_raw") == [
        ("2.1", "Facilities Manager", "Summer 2016"), ("2.2", "Facilities Manager", "Summer 2016"),
        ("2.3", "Facilities Manager", "Autumn 2016"), ("2.4", "Facilities Manager", "Autumn 2016")]
    assert {a["objective"] for a in doc.actions} == {"Services everyone can reach"}


def _stacked(workbook) -> None:
    """Two numbered actions typed one a line (Alt+Enter) in one wrapped cell, their
    owners and dates one a line beside them; a bullet item under an action."""
    wrap = workbook.add_format({"text_wrap": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["Action", "Lead", "By when"])
    sheet.write(1, 0, "1.1 Review the hate crime protocol\n1.2 Train call handlers in "
                      "reporting hate crime\n• all new starters first", wrap)
    sheet.write(1, 1, "Chief Inspector\nHead of Contact", wrap)
    sheet.write(1, 2, "June 2012\nSept 2012", wrap)


def test_lines_typed_in_a_cell_are_its_paragraphs():
    doc = read(book(_stacked))
    assert rows(doc, "action_id", "action", "owners_raw", "due_date") == [
        ("1.1", "Review the hate crime protocol", "Chief Inspector", "2012-06-30"),
        ("1.2", "Train call handlers in reporting hate crime\nall new starters first",
         "Head of Contact", "2012-09-30"),
    ]
    # the rule alone, on other text: lines are parts, a bullet item and a lower-case
    # line (a sentence broken by hand) stay with the one above
    assert cell_parts("Consult tenants\r\n- by survey\nand at\nopen meetings\nReport back") == (
        "Consult tenants\nby survey and at open meetings", "Report back")


def _formulas(workbook) -> None:
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["Ref", "Action", "Owner", "Due"])
    # a number a sum left with binary noise: Excel shows 1.3
    sheet.write_formula(1, 0, "=1.1+0.2", None, 1.1 + 0.2)
    sheet.write(1, 1, "Agree the equality objectives with the board")
    sheet.write_formula(1, 2, '="Head of "&"Policy"', None, "Head of Policy")
    sheet.write(1, 3, "December 2012")
    sheet.write_number(2, 0, 2.0)
    sheet.write(2, 1, "Report progress to the board")
    sheet.write(2, 2, "Head of Policy")
    sheet.write(2, 3, "Annually")


def test_formulas_are_read_by_their_saved_values():
    doc = read(book(_formulas))
    assert rows(doc, "action_id_raw", "owners_raw", "due_date") == [
        ("1.3", "Head of Policy", "2012-12-31"), ("2", "Head of Policy", None)]
    assert doc.warnings == []


def test_a_formula_saved_without_its_value_is_empty_and_warned_about():
    made = openpyxl.Workbook()  # openpyxl saves formulas without values, as scripts do
    sheet = made.active
    sheet.title = "Plan"
    sheet.append(["Ref", "Action", "Owner", "Due"])
    sheet.append([1, "Map the routes to every school", "Transport Lead", "=TODAY()"])
    sheet.append([2, "Fit ramps at the two libraries", "=B2", "May 2014"])
    out = io.BytesIO()
    made.save(out)
    raw = read_document(out.getvalue())
    assert raw.warnings == ["sheet 'Plan': 2 formula cell(s) saved without a value (D2, C3) "
                            "read as empty; open the workbook in Excel or LibreOffice Calc "
                            "and save it again so their values are saved"]
    doc = read(out.getvalue())
    assert rows(doc, "action_id", "owners_raw", "due_raw") == [
        ("1", "Transport Lead", None), ("2", None, "May 2014")]


def test_title_rows_are_headings_and_a_blank_row_ends_a_table():
    def build(workbook):
        big = workbook.add_format({"font_size": 18})
        bold = workbook.add_format({"bold": True})
        sheet = workbook.add_worksheet()
        sheet.write(0, 1, "Marsh Lane Housing Trust", big)
        sheet.write(2, 0, "Tenancy services", bold)
        sheet.write_row(3, 0, ["Action", "Lead"])
        sheet.write_row(4, 0, ["Offer home visits to tenants who cannot travel",
                               "Housing Officer"])
        sheet.write(6, 0, "Repairs")
        sheet.write_row(7, 0, ["Action", "Lead"])
        sheet.write_row(8, 0, ["Book repairs by text message", "Repairs Manager"])

    raw = read_document(book(build))
    assert [(type(b).__name__, getattr(b, "level", None), getattr(b, "line", None))
            for b in raw.blocks] == [("Paragraph", 1, 1), ("Paragraph", 2, 3),
                                     ("Table", None, None), ("Paragraph", 0, 7),
                                     ("Table", None, None)]
    doc = read(book(build))
    assert doc.organisation == "Marsh Lane Housing Trust"
    assert rows(doc, "action", "owners_raw", "line_start") == [
        ("Offer home visits to tenants who cannot travel", "Housing Officer", 5),
        ("Book repairs by text message", "Repairs Manager", 9)]


@pytest.mark.parametrize("damage", ["truncated", "malformed-sheet"])
def test_a_broken_workbook_fails_with_a_message(damage):
    from planextract.extract.errors import ReaderError

    data = book(_probation)
    if damage == "truncated":
        data = data[:len(data) // 2]
        match = "an Excel workbook .* damaged or cut short"
    else:  # a sound zip whose sheet's XML is cut off
        import zipfile

        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                content = source.read(info)
                target.writestr(info, content[:-40] if info.filename ==
                                "xl/worksheets/sheet1.xml" else content)
        data = out.getvalue()
        match = r"the workbook \(\.xlsx\) could not be read: it is damaged"
    with pytest.raises(ReaderError, match=match):
        read_document(data)


def test_a_row_a_merged_cell_runs_through_is_no_blank_row():
    """A lead merged down over three rows, the middle one otherwise empty (a spacer):
    one table, the empty row not read; a merge running on far below the plan's last
    row (a date column merged to row 1,000) adds no row."""
    def spacer(workbook):
        sheet = workbook.add_worksheet()
        sheet.write_row(0, 0, ["Ref", "Action", "Lead", "Target"])
        sheet.write_row(1, 0, ["4.1", "Run a carers' forum each quarter"])
        sheet.write_row(3, 0, ["4.2", "Publish a carers' leave policy"])
        sheet.merge_range(1, 2, 3, 2, "Carers Lead")
        sheet.write(1, 3, "Quarterly")
        sheet.write(3, 3, "Oct 2013")
        sheet.write_row(4, 0, ["4.3", "Count carers in the staff survey", "HR Manager",
                               "Nov 2013"])
        sheet.write_row(5, 0, ["4.4", "Report carers' numbers to the board", "HR Manager",
                               "Dec 2013"])

    raw = read_document(book(spacer))
    assert [[r.line_start for r in b.rows] for b in raw.blocks] == [[1, 2, 4, 5, 6]]
    doc = read(book(spacer))
    assert rows(doc, "action_id", "owners_raw", "due_raw") == [
        ("4.1", "Carers Lead", "Quarterly"), ("4.2", "Carers Lead", "Oct 2013"),
        ("4.3", "HR Manager", "Nov 2013"), ("4.4", "HR Manager", "Dec 2013")]

    def long_merge(workbook):
        sheet = workbook.add_worksheet("Schedule")
        sheet.write_row(1, 1, ["Task", "Owner", "Finish"])
        for n, task in enumerate(["Audit the website against WCAG 2.0",
                                  "Add alt text to every image",
                                  "Test the forms with screen readers"], start=2):
            sheet.write_row(n, 1, [task, "Web Manager"])
        sheet.merge_range(2, 3, 999, 3, "2014/15")

    raw = read_document(book(long_merge))
    assert [[r.line_start for r in b.rows] for b in raw.blocks] == [[2, 3, 4, 5]]
    doc = read(book(long_merge))
    assert rows(doc, "owners_raw", "due_raw", "due_date") == [
        ("Web Manager", "2014/15", "2015-03-31")] * 3


def _strand_tabs(workbook) -> None:
    """A plan sheet of title rows, then one sheet per strand named by its tab alone."""
    big = workbook.add_format({"font_size": 16, "bold": True})
    plan = workbook.add_worksheet("Plan")
    plan.write(0, 0, "Fenwick Borough Council", big)
    plan.write(1, 0, "Equality Action Plan 2012-13", big)
    for name, actions in (("Race", ["Translate the council tax leaflet",
                                    "Recruit interpreters for housing visits"]),
                          ("Disability", ["Fit hearing loops in every library",
                                          "Audit the website for screen readers"])):
        sheet = workbook.add_worksheet(name)
        sheet.write_row(0, 0, ["Action", "Lead officer", "Date"])
        for r, action in enumerate(actions, start=1):
            sheet.write_row(r, 0, [action, "Equalities Officer", "March 2013"])


def _strand_tabs_again(workbook) -> None:
    """Otherwise unlike: a default-named first sheet (its name is no heading), the
    strand sheets' tables at B3, ids, other strands."""
    first = workbook.add_worksheet("Tabelle1")
    first.write_row(0, 0, ["No", "Task", "Owner"])
    first.write_row(1, 0, ["1", "Publish the equality objectives", "Chief Executive"])
    first.write_row(2, 0, ["2", "Report on progress each year", "Chief Executive"])
    for name, n in (("Age", 3), ("Sexual orientation", 5)):
        sheet = workbook.add_worksheet(name)
        sheet.write_row(2, 1, ["No", "Task", "Owner"])
        sheet.write_row(3, 1, [str(n), f"Consult the {name.lower()} forum on the plan",
                               "Policy Officer"])
        sheet.write_row(4, 1, [str(n + 1), "Monitor complaints by protected group",
                               "Policy Officer"])


def test_a_sheets_name_heads_its_table_where_nothing_is_printed_above_it():
    doc = read(book(_strand_tabs))
    assert doc.plan_title == "Equality Action Plan 2012-13"  # "Plan" heads nothing
    assert rows(doc, "action", "strands") == [
        ("Translate the council tax leaflet", ["Race"]),
        ("Recruit interpreters for housing visits", ["Race"]),
        ("Fit hearing loops in every library", ["Disability"]),
        ("Audit the website for screen readers", ["Disability"])]
    # provenance: the sheet (its tab's number among the visible ones), then its row;
    # rows of two sheets keep the sheets' order though their row numbers are alike
    assert rows(doc, "page_start", "line_start") == [(2, 2), (2, 3), (3, 2), (3, 3)]
    doc = read(book(_strand_tabs_again))
    assert rows(doc, "action_id", "strands") == [
        ("1", []), ("2", []), ("3", ["Age"]), ("4", ["Age"]), ("5", ["Sexual orientation"]),
        ("6", ["Sexual orientation"])]
    raw = read_document(book(_strand_tabs_again))
    assert not any(isinstance(b, Paragraph) and "Tabelle" in b.text for b in raw.blocks)
