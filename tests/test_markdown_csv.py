"""Markdown pipe tables (``text-markdown``) and CSV exports (``csv``), on
documents written in the test from printed values."""

import pytest

from planextract.extract import ReaderError, read_document
from planextract.extract.model import Paragraph, Table
from planextract.extract.registry import sniff
from planextract.extract.text.cell_text import text_cell_parts
from planextract.normalise.document import normalise

PANDOC = """# Anytown Borough Council

**Equality Objectives Action Plan 2014/15**

## Section 1: Our workforce

| No. | Action | Lead | Deadline |
|:----|--------|------|---------:|
| 1 | Publish workforce data<br>- by grade<br>- by service | Head of HR | March 15 |
| 2 | Run the staff survey **again** | T&amp;D Manager | 31.3.15 |

## Section 2: Services

| No. | Action | Lead | Deadline |
|-----|--------|------|----------|
| 3 | Review [the website](http://example.org) | Comms Lead | On-going |
"""

# differs in everything but the rules: no outer pipes, setext headings, an
# escaped pipe, a two-paragraph cell, other columns and spellings
GITHUB = """Northshire Police
=================

Diversity Delivery Plan 2016-18
-------------------------------

Ref | Actions | Owner | By when
--- | :---: | --- | ---
A1 | Audit stop and search \\| by area | Supt Jones - PIU | Dec 2016
A2 | Recruit cadets<br><br>Report on progress | ACO HR | 1/6/2017
"""


def _table(raw, index=0) -> Table:
    return [b for b in raw.blocks if isinstance(b, Table)][index]


def _grid(table: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def test_markdown_is_sniffed_from_content():
    assert sniff(PANDOC.encode()) == "text-markdown"
    assert sniff(GITHUB.encode()) == "text-markdown"


def test_pipe_table_cells_lines_and_headings():
    raw = read_document(PANDOC.encode())
    assert raw.source_format == "text-markdown"
    heads = [(b.text, b.level, b.bold) for b in raw.blocks if isinstance(b, Paragraph)]
    assert heads == [("Anytown Borough Council", 1, False),
                     ("Equality Objectives Action Plan 2014/15", 0, True),
                     ("Section 1: Our workforce", 2, False), ("Section 2: Services", 2, False)]
    table = _table(raw)
    assert _grid(table)[0] == ["No.", "Action", "Lead", "Deadline"]
    # dash items after a <br> are lines of the one action
    assert table.rows[1].cells[1].parts == ("Publish workforce data\nby grade\nby service",)
    assert table.rows[2].cells[1].text == "Run the staff survey again"
    assert table.rows[2].cells[2].parts == ("T&D Manager",)
    assert [r.line_start for r in table.rows] == [7, 9, 10]
    assert _grid(_table(raw, 1))[1] == ["3", "Review the website", "Comms Lead", "On-going"]


def test_pipe_table_without_outer_pipes_and_setext_headings():
    raw = read_document(GITHUB.encode())
    heads = [(b.text, b.level) for b in raw.blocks if isinstance(b, Paragraph)]
    assert heads == [("Northshire Police", 1), ("Diversity Delivery Plan 2016-18", 2)]
    table = _table(raw)
    assert _grid(table)[1] == ["A1", "Audit stop and search | by area", "Supt Jones - PIU",
                               "Dec 2016"]
    # <br><br> is a paragraph break: two parts
    assert table.rows[2].cells[1].parts == ("Recruit cadets", "Report on progress")


def test_br_parts_paragraphs_in_a_pipe_table():
    # a pipe table has no other way to print a cell's paragraphs: each <br> line is
    # one, unless it is a bullet item or runs on in lower case
    text = ("| Action | Lead | Deadline |\n|---|---|---|\n"
            "| 1.1 Fit hearing loops<br>1.2 Audit the ramps<br>in every building | "
            "Estates<br>Facilities | June 2015<br>July 2015 |\n")
    raw = read_document(text.encode())
    cells = _table(raw).rows[1].cells
    assert cells[0].parts == ("1.1 Fit hearing loops", "1.2 Audit the ramps in every building")
    assert cells[1].parts == ("Estates", "Facilities")
    doc = normalise(raw)
    assert [(a["action_id"], a["owners"], a["due_raw"]) for a in doc.actions] == [
        ("1.1", ["Estates"], "June 2015"), ("1.2", ["Facilities"], "July 2015")]


def test_markdown_plan_normalises():
    doc = normalise(read_document(PANDOC.encode()))
    assert doc.organisation == "Anytown Borough Council"
    got = [(a["section"], a["action_id"], a["action"], a["owners"], a["due_kind"])
           for a in doc.actions]
    assert got == [
        ("Section 1: Our workforce", "1", "Publish workforce data\nby grade\nby service",
         ["Head of Human Resources"], "date"),
        ("Section 1: Our workforce", "2", "Run the staff survey again",
         ["Training and Development Manager"], "date"),
        ("Section 2: Services", "3", "Review the website", ["Communications Lead"], "ongoing")]


HULL = '''Hull City Council,,,
Equality Action Plan 2013-14,,,
,,,
Ref,Action,"Lead
officer",Target date
1,"Review the recruitment policy
- check adverts
- check panels",HR Manager,March 13
2,"Consult the forum, with ""critical friends""","HR Manager
T&D Manager",31.3.13
'''

# differs in everything but the rules: semicolons, CRLF line ends, no title,
# a blank record then a section heading record, bullets typed with a glyph,
# a two-paragraph cell, trailing empty cells trimmed
SURREY = ('Outcome;Actions;Responsible;Deadline;Notes\r\n'
          '"1. Accessible services";"1.1 Audit the buildings\r\n\r\n1.2 Fit hearing loops";'
          '"Estates\r\n\r\nFacilities";"June 2015";\r\n'
          ';;;;\r\n'
          'SECTION B: STAFF;;;;\r\n'
          '"2. Fair pay";"2.1 Publish the pay gap:\r\n• by grade\r\n• by sex";"Head of HR";'
          '"On-going"\r\n')


def test_csv_is_sniffed_from_content():
    assert sniff(HULL.encode()) == "csv"
    assert sniff(SURREY.encode()) == "csv"
    # prose with commas is not a table
    with pytest.raises(ReaderError):
        sniff(b"We will, where we can, consult.\nOur aims, in short, are three.\nThat is all.\n")


def test_csv_quoted_cells_with_line_breaks():
    raw = read_document(HULL.encode())
    assert raw.source_format == "csv"
    assert [b.text for b in raw.blocks if isinstance(b, Paragraph)] == [
        "Hull City Council", "Equality Action Plan 2013-14"]
    table = _table(raw)
    assert table.rows[0].cells[2].text == "Lead officer"  # a lower-case line runs on
    assert table.rows[1].cells[1].parts == ("Review the recruitment policy\ncheck adverts\n"
                                            "check panels",)
    assert table.rows[2].cells[1].text == 'Consult the forum, with "critical friends"'
    # a line break in a spreadsheet cell parts its paragraphs
    assert table.rows[2].cells[2].parts == ("HR Manager", "T&D Manager")
    # a record spans the physical lines of its embedded breaks
    assert [(r.line_start, r.line_end) for r in table.rows] == [(4, 5), (6, 8), (9, 10)]


def test_csv_semicolons_sections_and_paragraphs():
    raw = read_document(SURREY.encode())
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert _grid(tables[0])[0] == ["Outcome", "Actions", "Responsible", "Deadline", "Notes"]
    # a blank line inside a cell separates parts (stacked actions, their owners)
    assert tables[0].rows[1].cells[1].parts == ("1.1 Audit the buildings", "1.2 Fit hearing loops")
    assert tables[0].rows[1].cells[2].parts == ("Estates", "Facilities")
    heading = [b for b in raw.blocks if isinstance(b, Paragraph)]
    assert [(h.text, h.line, h.level) for h in heading] == [("SECTION B: STAFF", 8, 2)]
    assert tables[1].rows[0].cells[1].parts == ("2.1 Publish the pay gap:\nby grade\nby sex",)
    assert len(tables[1].rows[0].cells) == 5  # padded to the table's width


def test_csv_plan_normalises():
    doc = normalise(read_document(SURREY.encode()))
    got = [(a["section"], a["outcome_id"], a["action_id"], a["owners"], a["due_kind"])
           for a in doc.actions]
    assert got == [(None, "1", "1.1", ["Estates"], "date"),
                   (None, "1", "1.2", ["Facilities"], "date"),
                   ("SECTION B: STAFF", "2", "2.1", ["Head of Human Resources"], "ongoing")]
    assert doc.actions[2]["action"] == "Publish the pay gap:\nby grade\nby sex"


def test_text_cell_parts_rule():
    assert text_cell_parts("a\nb\n\nc") == ("a\nb", "c")
    assert text_cell_parts("• x\n• y") == ("x\ny",)
    assert text_cell_parts("Lead: - not a bullet") == ("Lead: - not a bullet",)
    assert text_cell_parts("Intro\n\n- item") == ("Intro\nitem",)
    assert text_cell_parts("<p>one</p><p>two</p>") == ("one", "two")
    assert text_cell_parts("  \n ") == ()
    # where lines are the only way to part paragraphs
    assert text_cell_parts("CE\nBoard", lines_are_paragraphs=True) == ("CE", "Board")
    assert text_cell_parts("Agree the scheme\nwith the board\n• in May\na) then publish",
                           lines_are_paragraphs=True) == (
        "Agree the scheme with the board\nin May", "a) then publish")


# pandoc's grid table: what it writes when a cell holds a list or paragraphs
GRID = """Westshire Fire Authority

+------+----------------------------+-------------+
| Ref  | Action                     | Lead        |
+======+============================+=============+
| 1.1  | Survey staff on the        | HR Manager\\ |
|      | equality scheme:           | T&D Manager |
|      |                            |             |
|      | - by team                  |             |
|      | - by grade                 |             |
+------+----------------------------+-------------+
| 1.2  | Publish the results        | CE          |
+------+----------------------------+-------------+
"""


def test_pandoc_grid_table():
    assert sniff(GRID.encode()) == "text-markdown"
    raw = read_document(GRID.encode())
    table = _table(raw)
    assert _grid(table)[0] == ["Ref", "Action", "Lead"]
    # a wrapped line runs on; dash items are lines of the paragraph before
    assert table.rows[1].cells[1].parts == ("Survey staff on the equality scheme:\nby team\n"
                                            "by grade",)
    # a hard break (backslash) keeps the owners apart
    assert table.rows[1].cells[2].parts == ("HR Manager\nT&D Manager",)
    assert [(r.line_start, r.line_end) for r in table.rows] == [(4, 4), (6, 10), (12, 12)]


def test_excel_sep_line_names_the_delimiter():
    text = "sep=;\nNo;Action;Owner\n1;Agree, then publish, the scheme;CE\n2;Review;HR\n"
    raw = read_document(text.encode())
    assert raw.source_format == "csv"
    table = _table(raw)
    assert _grid(table)[1] == ["1", "Agree, then publish, the scheme", "CE"]
    assert [r.line_start for r in table.rows] == [2, 3, 4]


def test_csv_header_labels_may_end_with_a_dot():
    text = "Ref.,Diversity strand,Actions,Lead\n1.,Age,Review the audit,Estates\n2.,Race,Agree,CE\n"
    assert sniff(text.encode()) == "csv"
    with pytest.raises(ReaderError):
        sniff(b"We will, in short, consult.\nOur aims, in short, are three.\n"
              b"They are, too, fine.\n")


def test_csv_cells_beyond_the_column_limit_are_warned_about():
    from planextract.extract.text.csv_reader import read_csv
    from planextract.settings import Limits, Settings

    text = "No,Action,Owner,Date,Notes\n1,Agree,CE,May 2012,none\n2,Publish,HR,June 2012,\n"
    raw = read_csv(text.encode(), settings=Settings(limits=Limits(max_columns=4)))
    assert [len(r.cells) for r in raw.blocks[0].rows] == [4, 4, 4]
    assert raw.warnings[0] == "line 1: 5 cells; only the first 4 were read"


def test_csv_one_cell_record_outside_the_first_column_is_data():
    text = ("No,Action,Owner,Date\n1,Agree the scheme,CE,May 2012\n,,,\n"
            ",Publish the annual report,,\n,,,\n2,Review,HR,June 2012\n")
    raw = read_document(text.encode())
    assert not [b for b in raw.blocks if isinstance(b, Paragraph)]
    assert [r.cells[1].text for t in raw.blocks for r in t.rows] == [
        "Action", "Agree the scheme", "Publish the annual report", "Review"]


def test_inline_markdown_rule():
    from planextract.extract.text.markdown import inline_markdown

    assert inline_markdown("**Bold**, __strong__, *em*, _em_ and `code`") == \
        "Bold, strong, em, em and code"
    assert inline_markdown("[the website](http://example.org) \\| \\*") == "the website | *"
    # marks inside words and arithmetic stay
    assert inline_markdown("snake_case_name, 5 * 3 * 2") == "snake_case_name, 5 * 3 * 2"
