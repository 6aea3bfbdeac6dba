"""The one-cell-per-line reader (``text-cells``) on exports written in the test
from printed values: a TAB opens each cell, a cell runs on over lines."""

from planextract.extract import read_document
from planextract.extract.model import Paragraph, Table
from planextract.extract.text.cells import is_heading_line
from planextract.normalise.document import normalise


def _tables(raw) -> list[Table]:
    return [b for b in raw.blocks if isinstance(b, Table)]


def _grid(raw) -> list[list[str]]:
    return [[c.text for c in r.cells] for t in _tables(raw) for r in t.rows]


# no number column: the width comes from the header labels
NO_NUMBERS = ("Lincolnshire County Council\nEquality Action Plan 2012\n\n"
              "\tOutcome\n\tAction\n\tLead\n\tTimescale\n\n"
              "\tStaff feel valued\n\tRun a staff survey and publish the results\n"
              "\tHR Manager\n\tMarch 12\n\n"
              "\t\n\tTrain all managers in fair recruitment\n\tT&D Manager\n\t31.3.12\n\n"
              "\tServices reach everyone\n\tTranslate the leaflets\n\tComms Lead\n\tOn-going\n")

# differs in everything but the rule: five columns, a short first data cell,
# the header repeated at a page top, cells over several lines
NO_NUMBERS_2 = ("\tStrand\n\tWhat we will do\n\tResponsible\n\tBy\n\nwhen\n\tStatus\n\n"
                "\tAll\n\tAgree the scheme with\n\nthe board\n\tCE\n\tDec 2010\n\tDone\n"
                "\tRace\n\tMonitor stop and search\n\tSupt Jones\n\t2011\n\tAmber\n\n"
                "\tStrand\n\tWhat we will do\n\tResponsible\n\tBy when\n\tStatus\n\n"
                "\tAge\n\tReview the age profile\n\tHR\n\tJune 2011\n\tGreen\n")


def test_without_a_number_column_the_header_gives_the_width():
    raw = read_document(NO_NUMBERS.encode())
    assert raw.source_format == "text-cells"
    assert _grid(raw) == [
        ["Outcome", "Action", "Lead", "Timescale"],
        ["Staff feel valued", "Run a staff survey and publish the results", "HR Manager",
         "March 12"],
        ["", "Train all managers in fair recruitment", "T&D Manager", "31.3.12"],
        ["Services reach everyone", "Translate the leaflets", "Comms Lead", "On-going"]]
    raw = read_document(NO_NUMBERS_2.encode())
    grid = _grid(raw)
    assert grid[0] == ["Strand", "What we will do", "Responsible", "By when", "Status"]
    assert grid[1:] == [["All", "Agree the scheme with the board", "CE", "Dec 2010", "Done"],
                        ["Race", "Monitor stop and search", "Supt Jones", "2011", "Amber"],
                        ["Age", "Review the age profile", "HR", "June 2011", "Green"]]
    assert _tables(raw)[0].rows[3].after_break  # the repeated header was a page top


def test_plan_without_numbers_is_not_empty():
    doc = normalise(read_document(NO_NUMBERS.encode()))
    assert [(a["outcome"], a["action"], a["owners"], a["due_kind"]) for a in doc.actions] == [
        ("Staff feel valued", "Run a staff survey and publish the results",
         ["Human Resources Manager"], "date"),
        ("Staff feel valued", "Train all managers in fair recruitment",
         ["Training and Development Manager"], "date"),
        ("Services reach everyone", "Translate the leaflets", ["Communications Lead"], "ongoing")]


# a row cut by a page break: the header is repeated, then the rest of the row
# with its leading cells empty
CONTINUED = ("\tNo\n\tStrand\n\tAction\n\tOwner\n\tDate\n\n"
             "\t1\n\tAll\n\tConsult service users on the\n\tCE\n\tMarch\n\n"
             "\tNo\n\tStrand\n\tAction\n\tOwner\n\tDate\n\n"
             "\t\n\t\n\tnew engagement strategy\n\t\n\t2011\n"
             "\t2\n\tAge\n\tReview the policy\n\tHR\n\t31.3.11\n")

# differs in everything but the rule: one empty leading cell, a broken
# repeated header (only some labels), three columns, numbers with dots
CONTINUED_2 = ("\tRef\n\tActions\n\tLead officer\n\n"
               "\t4.1\n\tPublish the workforce profile\n\tHead of HR\n\n"
               "\tRef\n\tLead\n\n"
               "\t\n\tby grade and by service\n\tand Payroll Manager\n"
               "\t4.2\n\tSet targets\n\tBoard\n")


def test_empty_leading_cells_of_a_continued_row_are_not_a_header():
    raw = read_document(CONTINUED.encode())
    table = _tables(raw)[0]
    assert [[c.text for c in r.cells] for r in table.rows][2] == [
        "", "", "new engagement strategy", "", "2011"]
    assert table.rows[2].after_break and not table.rows[3].after_break
    doc = normalise(raw)
    assert [(a["action_id"], a["action"], a["due_date"].isoformat()) for a in doc.actions] == [
        ("1", "Consult service users on the new engagement strategy", "2011-03-31"),
        ("2", "Review the policy", "2011-03-31")]
    raw = read_document(CONTINUED_2.encode())
    rows = [[c.text for c in r.cells] for r in _tables(raw)[0].rows]
    assert rows[2] == ["", "by grade and by service", "and Payroll Manager"]
    assert rows[3] == ["4.2", "Set targets", "Board"]
    assert not raw.warnings


def test_heading_lines_between_rows_are_paragraphs():
    text = ("\tNo\n\tAction\n\tLead\n\tDate\n\n"
            "\t1\n\tAgree the scheme\n\tCE\n\tMay 2011\n\n"
            "OBJECTIVE 2: ACCESSIBLE SERVICES\n\n"
            "\t2\n\tAudit the buildings\n\tEstates\n\tJune 2011\n")
    raw = read_document(text.encode())
    assert [(b.text, b.line, b.level) for b in raw.blocks if isinstance(b, Paragraph)] == [
        ("OBJECTIVE 2: ACCESSIBLE SERVICES", 11, 2)]
    assert [[c.text for c in r.cells][1] for t in _tables(raw) for r in t.rows] == [
        "Action", "Agree the scheme", "Audit the buildings"]
    doc = normalise(raw)
    assert [(a["action_id"], a["objective_id"], a["objective"]) for a in doc.actions] == [
        ("1", None, None), ("2", "2", "Accessible Services")]


def test_an_owner_paragraph_in_the_last_cell_is_not_a_heading():
    text = ("\tNo\n\tAction\n\tBy whom\n\n\t1\n\tAgree the scheme\n\tDiversity Champions\n\n"
            "Area Manager\n\n\t2\n\tAudit access\n\tACO HR\n\nEQUALITY MANAGER\n")
    raw = read_document(text.encode())
    assert not [b for b in raw.blocks if isinstance(b, Paragraph)]
    assert [r[2] for r in _grid(raw)] == ["By whom", "Diversity Champions\nArea Manager",
                                          "ACO HR\nEQUALITY MANAGER"]


def test_heading_lines_between_rows_second_document():
    # differs in everything but the rule: no numbers, a section keyword in
    # mixed case, two heading lines in a row, and a cell whose last line
    # stands after a blank line but reads as text, not a heading
    text = ("Plan\n\n\tOutcome\n\tActions\n\tOwner\n\n"
            "\tFair pay\n\tPublish the pay gap\n\tHR\n\nto the board, yearly.\n\n"
            "Section B: Services\nOBJECTIVE 4 - ACCESS TO SERVICES\n\n"
            "\tAccess\n\tFit hearing loops\n\tEstates\n")
    raw = read_document(text.encode())
    paragraphs = [(b.text, b.line) for b in raw.blocks if isinstance(b, Paragraph)]
    assert paragraphs == [("Plan", 1), ("Section B: Services", 13),
                          ("OBJECTIVE 4 - ACCESS TO SERVICES", 14)]
    assert _grid(raw) == [["Outcome", "Actions", "Owner"],
                          ["Fair pay", "Publish the pay gap", "HR to the board, yearly."],
                          ["Access", "Fit hearing loops", "Estates"]]
    doc = normalise(raw)
    assert [(a["section"], a["objective_id"]) for a in doc.actions] == [
        (None, None), ("Section B: Services", "4")]


def test_is_heading_line_rule():
    assert is_heading_line("SECTION 2: STAFF")
    assert is_heading_line("Objective 3 - Access")
    assert is_heading_line("RACE EQUALITY SCHEME")
    assert is_heading_line("Strand: Disability")
    assert not is_heading_line("Diversity Adviser")
    # owners' titles that open with a grouping word, or are short and in capitals
    assert not is_heading_line("Area Manager")
    assert not is_heading_line("ACO HR")
    assert not is_heading_line("ONGOING")
    assert not is_heading_line("Section heads to report progress to the board.")


def test_a_data_row_with_role_words_is_not_a_header():
    # the row's cells hold words of the header's labels, but not in the header's
    # order and not starting it: data, kept
    text = ("\tAction\n\tProgress\n\tScrutiny committee\n\n"
            "\tReport to the committee\n\tNone yet\n\tBoard\n"
            "\tCommittee\n\tProgress\n\tAudit committee\n"
            "\tReport the progress on the scheme to the scrutiny committee every quarter\n"
            "\tOn track\n\tBoard\n")
    rows = _grid(read_document(text.encode()))
    assert rows[2] == ["Committee", "Progress", "Audit committee"]
    assert rows[3][0].startswith("Report the progress")
    assert len(rows) == 4


def test_a_bullet_item_in_lower_case_is_its_own_line():
    text = ("\tNo\n\tAction\n\tOwner\n\n\t1\n\tPublish the pay gap\n- by grade\n- by sex\n"
            "and by service\n\tHR\n")
    cell = _tables(read_document(text.encode()))[0].rows[1].cells[1]
    # a dash item starts a line; a lower-case line without one runs on
    assert cell.parts == ("Publish the pay gap\nby grade\nby sex and by service",)


def test_the_header_repeated_at_page_tops_fixes_the_width():
    # no numbers; short cells everywhere, so a two-column reading would also fill
    # whole rows: the four-label header repeated at each page top decides
    header = "\tOutcome\n\tAction\n\tLead\n\tTimescale\n\n"
    text = (header + "\tFair pay\n\tPublish the gap\n\tHR\n\tJune 2013\n\n"
            + header + "\t\n\tcovering all grades\n\t\n\t\n"
            + "\tAccess\n\tFit loops\n\tEstates\n\t2014\n\n" + header
            + "\t\n\tin every building\n\t\n\t\n")
    raw = read_document(text.encode())
    table = _tables(raw)[0]
    assert [len(r.cells) for r in table.rows] == [4] * 5
    assert [r.cells[1].text for r in table.rows] == [
        "Action", "Publish the gap", "covering all grades", "Fit loops", "in every building"]
    doc = normalise(raw)
    assert [a["action"] for a in doc.actions] == ["Publish the gap covering all grades",
                                                  "Fit loops in every building"]


def test_a_number_column_after_a_short_first_column():
    # the strand comes first: "All" looks like one more label before the first
    # number, but then the rows do not come out whole; the header is four cells
    text = ("\tStrand\n\tNo\n\tAction\n\tDate\n\n"
            "\tAll\n\t1\n\tAgree the scheme with the board\n\tMay 2011\n"
            "\tRace\n\t2\n\tMonitor stop and search by area\n\tJune 2011\n"
            "\tAge\n\t3\n\tReview the age profile of staff\n\t2012\n")
    raw = read_document(text.encode())
    assert _grid(raw)[0] == ["Strand", "No", "Action", "Date"]
    assert [r[1] for r in _grid(raw)[1:]] == ["1", "2", "3"]
    assert not raw.warnings


def test_a_heading_typed_as_a_cell_between_numbered_rows():
    text = ("\tNo\n\tAction\n\tLead\n\n\t1\n\tAgree the scheme\n\tCE\n"
            "\tSECTION 2: SERVICES\n"
            "\t2\n\tAudit the buildings\n\tEstates\n\t3\n\tFit loops\n\tFacilities\n")
    raw = read_document(text.encode())
    assert [(b.text, b.line) for b in raw.blocks if isinstance(b, Paragraph)] == [
        ("SECTION 2: SERVICES", 8)]
    assert [r[0] for r in _grid(raw)] == ["No", "1", "2", "3"]
    assert not raw.warnings
    doc = normalise(raw)
    assert [(a["action_id"], a["section"]) for a in doc.actions] == [
        ("1", None), ("2", "SECTION 2: SERVICES"), ("3", "SECTION 2: SERVICES")]


def test_blank_lines_in_a_cell_part_its_paragraphs():
    # two actions stacked in one cell, their owners and dates stacked alike
    text = ("\tStrand\n\tAction\n\tLead\n\tDate\n\n"
            "\tAge\n\t2 Deliver the apprenticeship programme\n\n3 Publish the induction pack\n"
            "\tEstates Manager\n\nPatient Experience Lead\n\t30 June 2013\n\n31.3.11\n"
            "\tRace\n\t4 Audit the buildings\n- by site\n\n- by service\n\tHR\n\tMay 2012\n"
            "\tAll\n\t5 Review the policy\n\tCE\n\t2014\n")
    raw = read_document(text.encode())
    rows = _tables(raw)[0].rows
    assert rows[1].cells[1].parts == ("2 Deliver the apprenticeship programme",
                                      "3 Publish the induction pack")
    assert rows[1].cells[2].parts == ("Estates Manager", "Patient Experience Lead")
    # bullet items stay with the paragraph above, blank line or not
    assert rows[2].cells[1].parts == ("4 Audit the buildings\nby site\nby service",)
    doc = normalise(raw)
    assert [(a["action"], a["due_raw"]) for a in doc.actions][:2] == [
        ("Deliver the apprenticeship programme", "30 June 2013"),
        ("Publish the induction pack", "31.3.11")]
