"""Where rows and tables start in a one-cell-per-line export (``text-cells``):
each rule on an export written in the test from printed values, and on a
second one differing in everything but the rule."""

from pathlib import Path

from planextract.extract.model import Paragraph, Table
from planextract.extract.text.cell_choose import keep_reprinted, whole_header
from planextract.extract.text.cells import read_cells
from planextract.normalise.document import normalise


def _tables(raw) -> list[Table]:
    return [b for b in raw.blocks if isinstance(b, Table)]


def _grid(table: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def _cells(*rows: list[str]) -> str:
    """Rows printed one cell a line, a blank line after each row."""
    return "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in rows)


# a two-row header: an unnamed number column, a merged top cell over Who and Due;
# the first row is stacked under an empty number cell (two actions, two owners,
# two dates, one blank line apart)
TWO_ROW = ("Age equality\n\n" + _cells(["", "Actions", "Delivery", ""],
                                        ["", "", "Who", "Due"])
           + "\t\n\t1 Agree the scheme\n\n2 Publish the report\n\tHR Manager\n\nComms Lead\n"
           + "\tMarch 09\n\n31.3.11\n\n" + _cells(["3", "Audit the buildings", "Estates",
                                                    "On-going"]))

# differs in everything but the rule: five columns, a text first column, no
# blank lines between rows, the two header rows repeated at a page top
_HEAD_B = ["Theme", "What we will do", "Accountability and timescale", "", "Status"]
_SUB_B = ["", "", "Lead", "Deadline", ""]
TWO_ROW_B = ("".join(f"\t{c}\n" for c in _HEAD_B + _SUB_B)
             + "".join(f"\t{c}\n" for c in ["Fair pay", "Publish the pay gap by grade",
                                             "ACO HR", "Dec 2010", "Done"])
             + "\n\n" + "".join(f"\t{c}\n" for c in _HEAD_B + _SUB_B)
             + "".join(f"\t{c}\n" for c in ["Access", "Fit hearing loops in every building",
                                             "Estates Manager", "2011", "Open"]))


def test_a_two_row_header_with_empty_cells_gives_the_width():
    raw = read_cells(TWO_ROW.encode())
    table = _tables(raw)[0]
    assert _grid(table)[:2] == [["", "Actions", "Delivery", ""], ["", "", "Who", "Due"]]
    assert table.rows[2].cells[1].parts == ("1 Agree the scheme", "2 Publish the report")
    assert table.rows[2].cells[3].parts == ("March 09", "31.3.11")
    assert _grid(table)[3] == ["3", "Audit the buildings", "Estates", "On-going"]
    actions = normalise(raw).actions
    assert [(a["action_id"], a["action"], a["due_kind"], str(a["due_date"])) for a in actions] == [
        ("1", "Agree the scheme", "date", "2009-03-31"),
        ("2", "Publish the report", "date", "2011-03-31"),
        ("3", "Audit the buildings", "ongoing", "None")]


def test_a_two_row_header_second_document():
    raw = read_cells(TWO_ROW_B.encode())
    table = _tables(raw)[0]
    assert [len(r.cells) for r in table.rows] == [5, 5, 5, 5]
    assert _grid(table)[3] == ["Access", "Fit hearing loops in every building",
                               "Estates Manager", "2011", "Open"]
    assert table.rows[3].after_break  # the repeated two-row header was a page top
    actions = normalise(raw).actions
    assert [(a["action"], a["due_raw"]) for a in actions] == [
        ("Publish the pay gap by grade", "Dec 2010"),
        ("Fit hearing loops in every building", "2011")]


# one small table per strand, each under its own title line (not a heading by
# its words), the second with another header; the last cell of the first
# table runs on past a blank line (a second date) before the next title
PER_STRAND = ("Plan\n\nAge equality\n\n" + _cells(["No", "Action", "Lead", "Due"])
              + _cells(["1", "Agree the scheme with the board", "CE", "March 09"])
              + "\t2\n\tPublish the age profile of staff\n\tHR\n\tJune 2011\n\n2012\n\n\n"
              + "Religion or Belief equality\n\n"
              + _cells(["No", "Action", "Who"], ["3", "Provide a quiet room", "Estates"]))


def test_tables_under_their_own_titles_are_separate_tables():
    raw = read_cells(PER_STRAND.encode())
    assert [b.text for b in raw.blocks if isinstance(b, Paragraph)] == [
        "Plan", "Age equality", "Religion or Belief equality"]
    first, second = _tables(raw)
    assert _grid(first)[2] == ["2", "Publish the age profile of staff", "HR", "June 2011\n2012"]
    assert _grid(second) == [["No", "Action", "Who"], ["3", "Provide a quiet room", "Estates"]]
    actions = normalise(raw).actions
    assert [(a["action_id"], a["strands"]) for a in actions] == [
        ("1", ["Age"]), ("2", ["Age"]), ("3", ["Religion or belief"])]


def test_tables_under_their_own_titles_second_document():
    # differs in everything but the rule: no numbers, the same header in both
    # tables (so it is not a page-top repeat only because a title stands before
    # it), a title in capitals, cells over several lines
    header = ["Outcome", "Actions", "Owner", "Timescale"]
    text = (_cells(header, ["Fair pay", "Publish the pay gap\nby grade", "ACO HR", "2012"])
            + "WORKFORCE ACTION PLAN\n\n"
            + _cells(header, ["Fair access", "Fit loops", "Estates Manager", "On-going"]))
    raw = read_cells(text.encode())
    assert [b.text for b in raw.blocks if isinstance(b, Paragraph)] == ["WORKFORCE ACTION PLAN"]
    assert [len(_grid(t)) for t in _tables(raw)] == [2, 2]
    assert _grid(_tables(raw)[1])[1] == ["Fair access", "Fit loops", "Estates Manager",
                                         "On-going"]


def test_a_plan_table_straight_after_a_key_table_starts_anew():
    # a two-column colour key, then the plan's header with no title between
    text = (_cells(["Status", "Meaning"], ["Red", "Objective in jeopardy"],
                   ["Green", "Objective met"])
            + _cells(["No.", "Action", "Responsible party", "By when", "Rating"],
                     ["E1", "Embed the website content", "Board Secretary", "2012", "Red"]))
    tables = _tables(read_cells(text.encode()))
    assert [len(t.rows[0].cells) for t in tables] == [2, 5]
    assert _grid(tables[0])[-1] == ["Green", "Objective met"]
    assert _grid(tables[1])[1] == ["E1", "Embed the website content", "Board Secretary",
                                   "2012", "Red"]


def test_a_plan_table_straight_after_a_key_table_second_document():
    # differs in everything but the rule: a key of abbreviations, a four-column
    # plan with an abbreviated label and no numbers, cells over two lines
    text = (_cells(["Abbreviation", "Meaning"], ["CE", "Chief Executive"],
                   ["HoHR", "Head of Human\nResources"])
            + _cells(["Ref.", "Objective", "Lead", "Timescale"],
                     ["Access", "Fit hearing loops\nin all buildings", "Estates", "2011"]))
    tables = _tables(read_cells(text.encode()))
    assert [_grid(t) for t in tables] == [
        [["Abbreviation", "Meaning"], ["CE", "Chief Executive"],
         ["HoHR", "Head of Human\nResources"]],
        [["Ref.", "Objective", "Lead", "Timescale"],
         ["Access", "Fit hearing loops in all buildings", "Estates", "2011"]]]


def test_a_key_row_opens_with_a_term_a_header_with_a_column_label():
    # a colour key, then a plan whose two-row header opens with a label naming a
    # column (``Planned activity``) beside one naming none (``Delivery``, merged over
    # Lead person and Milestone): the next table's header, not a fourth key row
    text = (_cells(["Status", "Meaning"], ["Red", "Objective in jeopardy"],
                   ["Amber", "Progressing - objective likely to be met"],
                   ["Green", "Objective met"])
            + "\n" + _cells(["Planned activity", "Delivery", "", "Current position",
                              "Status (RAG)"], ["", "Lead person", "Milestone", "", ""],
                             ["A1 Agree the carers leave policy", "Registrar", "2012",
                              "Not yet started.", "Amber"],
                             ["A2 Publish the access strategy", "Chief Exec.", "1/12/2012",
                              "", "Green"]))
    raw = read_cells(text.encode())
    assert not raw.warnings
    key, plan = _tables(raw)
    assert _grid(key)[-1] == ["Green", "Objective met"]
    assert [len(r.cells) for r in plan.rows] == [5, 5, 5, 5]
    assert _grid(plan)[-1] == ["A2 Publish the access strategy", "Chief Exec.", "1/12/2012",
                               "", "Green"]
    assert [(a["action_id"], a["action"]) for a in normalise(raw).actions] == [
        ("A1", "Agree the carers leave policy"), ("A2", "Publish the access strategy")]


def test_a_key_row_opens_with_a_term_second_document():
    # differs in everything but the rule: a three-column key of other terms, a
    # one-row header of four whose second label names no column (``Notes``), no
    # numbers, a cell over two lines; and a key row whose term names nothing is
    # still the key's own when the plan's header follows it at once
    text = (_cells(["Rating", "Meaning", "Review"], ["Blue", "Closed", "Annual"],
                   ["Grey", "Not yet begun", "Monthly"])
            + _cells(["Task", "Notes", "Lead", "Due date", "Progress"],
                     ["Fit hearing loops\nin all buildings", "Phase one", "Estates", "2011",
                      "Begun"],
                     ["Survey the staff", "", "HR", "2012", ""]))
    raw = read_cells(text.encode())
    key, plan = _tables(raw)
    assert _grid(key) == [["Rating", "Meaning", "Review"], ["Blue", "Closed", "Annual"],
                          ["Grey", "Not yet begun", "Monthly"]]
    assert _grid(plan) == [["Task", "Notes", "Lead", "Due date", "Progress"],
                           ["Fit hearing loops in all buildings", "Phase one", "Estates",
                            "2011", "Begun"],
                           ["Survey the staff", "", "HR", "2012", ""]]


def test_a_list_of_abbreviations_between_two_tables_is_no_cell_text():
    # one plan's table, then the next plan's title and its abbreviations one a line
    # (no blank line between them), then its table of the same width: the key lines
    # stand alone, so the next header is seen after them
    header = ["Aim", "Planned activity", "Lead officer", "Completion date", "Comments"]
    text = (_cells(header, ["1. Staff feel safe", "1.1 Agree the policy", "HR Manager",
                            "2012", "Complete."])
            + "\nQueensmead Probation Trust\n\nAbbreviations\n\nABM  Area Business Manager\n"
            + "EDM  Equality and Diversity Manager\nHoHR  Head of Human Resources\n\n"
            + _cells(["Outcome", "Action No", "Activity", "Department", "Target date"],
                     ["2. Data is used", "2.1", "Publish the data", "ABM", "2013"]))
    raw = read_cells(text.encode())
    assert not raw.warnings
    first, second = _tables(raw)
    assert _grid(first)[1][4] == "Complete."
    assert _grid(second)[1] == ["2. Data is used", "2.1", "Publish the data", "ABM", "2013"]
    assert [a["action_id"] for a in normalise(raw).actions] == ["1.1", "2.1"]


def test_a_list_of_abbreviations_between_two_tables_second_document():
    # differs in everything but the rule: three columns, the key lines straight
    # after the last row's blank line with no title, a key of four, a cell over two
    # lines before them
    text = (_cells(["Objective", "Owner", "Due"], ["Fit hearing loops\nin all buildings",
                                                   "CEO", "2011"])
            + "CEO  Chief Executive Officer\nFM  Facilities Manager\nL&D  Learning and "
            + "Development\nPO  Policy Officer\n\n"
            + _cells(["Objective", "Owner", "Due"], ["Survey the staff", "PO", "2012"]))
    raw = read_cells(text.encode())
    rows = [row for table in _tables(raw) for row in _grid(table)]
    assert ["Fit hearing loops in all buildings", "CEO", "2011"] in rows
    assert ["Survey the staff", "PO", "2012"] in rows
    assert [a["action"] for a in normalise(raw).actions] == [
        "Fit hearing loops in all buildings", "Survey the staff"]


def test_blank_lines_before_rows_decide_between_widths_that_fill_rows():
    # twelve short cells: two, three, four or six to a row all come out whole;
    # the blank line before each row says three
    text = _cells(["Theme", "Action", "Lead"], ["Fair pay", "Publish the gap", "HR"],
                  ["Access", "Fit loops", "Estates"], ["Age", "Survey staff", "CE"])
    assert [_grid(t) for t in _tables(read_cells(text.encode()))] == [[
        ["Theme", "Action", "Lead"], ["Fair pay", "Publish the gap", "HR"],
        ["Access", "Fit loops", "Estates"], ["Age", "Survey staff", "CE"]]]


def test_blank_lines_before_rows_second_document():
    # differs in everything but the rule: four columns, paragraphs inside cells
    # (blank lines not followed by a cell), twenty-four cells
    text = ("\tStrand\n\tAction\n\tWho\n\tStatus\n"
            + "\n\tRace\n\tMonitor stops\n\nby area\n\tSupt Jones\n\nInspector Hill\n\tOpen\n"
            + "\n\tAge\n\tReview profile\n\tHR\n\tDone\n"
            + "\n\tSex\n\tPay audit\n\tFinance\n\tOpen\n"
            + "\n\tFaith\n\tQuiet room\n\tEstates\n\tDone\n"
            + "\n\tAll\n\tTrain staff\n\tL&D\n\tOpen\n")
    grid = _grid(_tables(read_cells(text.encode()))[0])
    assert [r[0] for r in grid] == ["Strand", "Race", "Age", "Sex", "Faith", "All"]
    assert grid[1][2] == "Supt Jones\nInspector Hill"


def test_a_small_letter_line_after_a_date_is_a_stacked_part():
    text = _cells(["No", "Action", "Due"]) + (
        "\t1\n\tAgree the scheme\n\nPublish the report\n\tApril 2014\n\n"
        "began May 2011 and is Ongoing\n\n"
        "\t2\n\tUpdate the database of services accessible and advertised to\n\n"
        "staff.\n\tMay 2012\n")
    rows = _tables(read_cells(text.encode()))[0].rows
    assert rows[1].cells[2].parts == ("April 2014", "began May 2011 and is Ongoing")
    # a sentence broken over a blank line runs on when its line does not close a phrase
    assert rows[2].cells[1].parts == (
        "Update the database of services accessible and advertised to staff.",)


def test_an_unfinished_last_row_is_kept_with_a_warning():
    text = _cells(["No", "Action", "Lead", "Due"], ["1", "Agree the scheme", "CE", "2011"]) \
        + "\t2\n\tPublish the report\n"
    raw = read_cells(text.encode())
    assert _grid(_tables(raw)[0])[-1] == ["2", "Publish the report", "", ""]
    assert any("last row has 2 of 4 cells" in w for w in raw.warnings)


def test_cells_with_no_header_are_kept_as_text_with_a_warning():
    text = ("\tWe will publish the report every year for the board.\n"
            "\tThe board will read it and agree what to change next.\n")
    raw = read_cells(text.encode())
    assert [b.text for b in raw.blocks if isinstance(b, Paragraph)] == [
        "We will publish the report every year for the board.",
        "The board will read it and agree what to change next."]
    assert any("no header row" in w for w in raw.warnings)


def test_is_label_rule():
    from planextract.extract.text.cell_labels import is_label

    assert is_label("Target date") and is_label("No.") and is_label("Ref.") and is_label("#")
    assert not is_label("to identify and remove barriers")  # the rest of a split sentence
    assert not is_label("March 09") and not is_label("On-going")  # dates
    assert not is_label("Agree the scheme with the board and publish it")  # a sentence
    assert not is_label("Completed.")


def test_a_short_continuation_after_a_page_top_is_not_a_new_header():
    # the row's tail after the repeated header is short and label-sized, and the
    # next table's header follows it: it stays the tail of the row it continues
    head = ["Task", "Lead", "Target date"]
    text = (_cells(head, ["Pilot the complaints procedure", "Board Secretary", "2012"])
            + _cells(head, ["to identify and remove barriers", "", ""])
            + "Corporate Delivery Plan\n\n"
            + _cells(["Action", "Issue identified", "Action owner"],
                     ["1", "Low declaration rates", "HR Manager"]))
    raw = read_cells(text.encode())
    first, second = _tables(raw)
    assert _grid(first)[2] == ["to identify and remove barriers", "", ""]
    assert first.rows[2].after_break
    actions = normalise(raw).actions
    assert actions[0]["action"] == "Pilot the complaints procedure to identify and remove barriers"
    assert _grid(second)[1] == ["1", "Low declaration rates", "HR Manager"]


def test_an_empty_cell_is_not_a_blank_line():
    # empty cells (a TAB alone) before a row's text are cells, not blank lines:
    # the blank-line evidence must see one blank line before each row only
    from cells_reference import split_cells

    text = "\tNo\n\tAction\n\tDue\n\n\t1\n\tAgree\n\t2011\n\n\t\n\tmore of it\n\t\n"
    _, items = split_cells(text.split("\n"))
    assert [c.blank_before for c in items] == [0, 0, 0, 1, 0, 0, 1, 0, 0]


def test_an_owner_line_before_a_page_top_repeat_stays_in_its_cell():
    # "E&D Manager" reads like a title, but the row after the repeated header
    # carries on a sentence: a page break, so it is the end of the owner cell
    head = ["No", "Action", "Lead"]
    text = (_cells(head) + "\t1\n\tAgree the scheme\n\tHR Manager\n\n"
            "\t2\n\tPublish the report in line\n\tCE\n\nE&D Manager\n\n\n"
            + _cells(head, ["", "with the Equality Act", ""], ["3", "Audit", "CE"]))
    raw = read_cells(text.encode())
    assert not [b for b in raw.blocks if isinstance(b, Paragraph)]
    grid = _grid(_tables(raw)[0])
    assert grid[2] == ["2", "Publish the report in line", "CE\nE&D Manager"]
    assert grid[3] == ["", "with the Equality Act", ""]


# A two-row header (a merged top cell over two columns) reprinted whole at each page
# top, and a row cut by a page break: the page top's second row is the header's, not
# a row of the table, so the row's tail after it carries on the row above it, and the
# rows after the next page top keep their numbers. The first document is a plan's
# export as printed (tests/documents: bullets as lines of their own, raw numbers such
# as ``1. 1``, owners stacked over a blank line), where reading the header as one row
# had scored higher; the two below differ in everything but the rule.
_DOCUMENTS = Path(__file__).parent / "documents"
_TOP_C = ["What we want to achieve", "Action required", "Delivery", "", "Progress"]
_SUB_C = ["", "", "Owner", "Completion date", ""]
REPRINT = ("Objective 1: Leadership\n\n" + _cells(_TOP_C, _SUB_C)
           + _cells(["1. Complaints are used to improve services",
                     "1. 1 The board to consult on the", "Community Safety Manager",
                     "December 2010", "Complete."],
                    ["", "strategy so decisions are evidence based", "", "", ""],
                    ["", "1.2 Set up the volunteer scheme", "EDM/Facilities Head", "30.9.10",
                     "Draft prepared."],
                    ["", "1.3 Deliver leadership training", "Facilities Head", "30.9.10",
                     "Working group set up."],
                    ["", "1.4 Pilot a mentoring scheme", "CSM", "31.3.11", "Complete."],
                    ["", "1.5 Establish hate crime reporting", "Head of Facilities/EDM",
                     "By 31 March 2012", ""],
                    ["2. Progress is reported openly", "2. 1 Extend partnership agreements with",
                     "Head of HR - Clare Beaumont", "31.6.10", "Not yet started."])
           + "\n\n" + _cells(_TOP_C, _SUB_C)
           + _cells(["", "local groups and partner agencies", "", "", ""],
                    ["", "2. 2 Update the website content", "CSM", "", "Begun."],
                    ["3. The workforce reflects the community", "3. 1 Agree the recruitment",
                     "HR Head", "Feb 2013", ""])
           + "\n\n" + _cells(_TOP_C, _SUB_C)
           + _cells(["", "process with the staff networks", "", "", ""],
                    ["", "3. 2 Develop the induction pack for new", "Estates Manager", "2015",
                     "Presented."])
           + "\n\n" + _cells(["", "staff in every team", "", "", ""],
                             ["", "3. 3 Monitor the scheme's consultation plan", "HR Head",
                              "2015", "Begun."]))

# differs in everything but the rule: four columns, the merged top cell over a lead
# and a date on the right, ids with letters, no outcome column, one page top
_TOP_D = ["Ref", "Measure", "Responsibility", ""]
_SUB_D = ["", "", "Lead officer", "Target"]
REPRINT_D = ("Workforce plan\n\n" + _cells(_TOP_D, _SUB_D)
             + _cells(["A1", "Publish the gender pay gap for", "Head of Reward", "Apr 2014"],
                      ["A2", "Run listening sessions with disabled", "OD Partner", "Q2 2014"])
             + "\n\n" + _cells(_TOP_D, _SUB_D)
             + _cells(["", "colleagues in every region", "", ""],
                      ["A3", "Review flexible working uptake", "HR BP", "Mar-15"]))


def _action_rows(text: str) -> list[tuple]:
    actions = normalise(read_cells(text.encode())).actions
    return [(a["action_id"], a["action"]) for a in actions]


def test_a_printed_two_row_header_reprinted_at_page_tops_stays_the_header():
    text = (_DOCUMENTS / "text-cells-two-row-header-reprinted.txt").read_text(encoding="utf-8")
    raw = read_cells(text.encode())
    assert all(_grid(t)[1] == _SUB_C for t in _tables(raw))
    rows = _action_rows(text)
    assert [i for i, _ in rows] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1",
                                    "3.2", "3.3"]
    actions = dict(rows)
    assert actions["2.3"] == "Extend partnership agreements with local groups with partner agencies"
    assert actions["3.1"] == ("Agree the volunteer recruitment process so that service users "
                              "can give feedback")
    assert actions["3.2"] == ("Develop the induction pack for new staff so that service users "
                              "can give feedback")


def test_whole_header_takes_the_reprinted_two_row_reading_at_the_same_width_only():
    one_row, two_rows, wide = ((True, 3.7), "a", None, None, 5, 1), \
        ((True, 3.6), "b", None, None, 5, 2), ((True, 3.5), "c", None, None, 6, 2)
    assert whole_header(one_row, {5: two_rows}) is two_rows
    assert whole_header(one_row, {6: wide}) is one_row  # another width: the evidence decides
    assert whole_header(two_rows, {5: two_rows}) is two_rows
    empty = ((False, 0.0), "d", None, None, 5, 2)  # a reading with no row is none
    assert whole_header(one_row, {5: empty}) is one_row
    kept: dict = {}
    keep_reprinted(kept, two_rows)
    keep_reprinted(kept, ((True, 3.0), "e", None, None, 5, 2))  # scores lower: not kept
    assert kept == {5: two_rows}


def test_a_two_row_header_reprinted_at_page_tops_stays_the_header():
    raw = read_cells(REPRINT.encode())
    assert all(_grid(t)[:2] == [_TOP_C, _SUB_C] for t in _tables(raw))
    assert not any(["", "", "Owner", "Completion date", ""] in _grid(t)[2:]
                   for t in _tables(raw))
    assert _action_rows(REPRINT) == [
        ("1.1", "The board to consult on the strategy so decisions are evidence based"),
        ("1.2", "Set up the volunteer scheme"),
        ("1.3", "Deliver leadership training"),
        ("1.4", "Pilot a mentoring scheme"),
        ("1.5", "Establish hate crime reporting"),
        ("2.1", "Extend partnership agreements with local groups and partner agencies"),
        ("2.2", "Update the website content"),
        ("3.1", "Agree the recruitment process with the staff networks"),
        ("3.2", "Develop the induction pack for new staff in every team"),
        ("3.3", "Monitor the scheme's consultation plan")]


def test_a_two_row_header_reprinted_second_document():
    raw = read_cells(REPRINT_D.encode())
    assert all(_grid(t)[:2] == [_TOP_D, _SUB_D] for t in _tables(raw))
    assert _action_rows(REPRINT_D) == [
        ("A1", "Publish the gender pay gap for"),
        ("A2", "Run listening sessions with disabled colleagues in every region"),
        ("A3", "Review flexible working uptake")]


# A row stacking two actions ends its date cell with the second date on a line of its
# own, right before the next table's title: a date is no title, so it stays in the
# cell (the first table under a header of two rows, the second under one).
_TOP_E = ["Aim", "Ref", "Description", "Responsibility", ""]
_SUB_E = ["", "", "", "Action owner", "By when"]
NEXT_TABLE = ("Objective 1: Leadership\n\n" + _cells(_TOP_E, _SUB_E)
              + _cells(["1. Decisions use evidence", "1. 1", "Promote the carers leave policy",
                        "Patient Experience Lead", "began May 2011 and is Ongoing"],
                       ["", "1. 2", "Analyse access to premises", "Policy Officers",
                        "April 2011 - March 2012"],
                       ["2 Staff are trained", "2. 1", "Review equality training",
                        "Head of L&D", "Feb 2013"])
              + "\t\n\t\n\t2. 2 Agree the adjustments process\n\n2. 3 Refresh hate crime "
              "reporting\n\tHead of L&D\n\nSenior Management Team\n\tOngoing\n\nFeb 2013\n\n\n"
              "Objective 2: Impact Assessment\n\n"
              + _cells(["Aim", "Ref", "Description", "Action owner", "By when"],
                       ["3 Managers lead", "3.1", "Consult on the pay gap report", "T&D Manager",
                        "31.3.11"],
                       ["", "3.2", "Audit the estates strategy", "SMT", "June 2011"],
                       ["4 The workforce reflects us", "4. 1", "Agree interpreting services",
                        "HR", "31/03/2012"]))

# differs in everything but the rule: three columns, the merged top cell over two
# dates, a lone quarter ends the last row's end date before a part's title
_TOP_F = ["Task", "Timescale", ""]
_SUB_F = ["", "Start", "End"]
NEXT_TABLE_F = (_cells(_TOP_F, _SUB_F)
                + _cells(["A1 Map the carers network", "Apr 2014", "Mar 2015"],
                         ["A2 Survey disabled staff", "2014", "2016"])
                + "\tA3 Publish the findings\n\tApr 2015\n\tSep 2015\n\nQ3 2015/16\n\n\n"
                "Part B Access\n\n"
                + _cells(["Task", "Start", "End"],
                         ["B1 Fit hearing loops", "2015", "Dec 2015"],
                         ["B2 Audit signage", "Jan 2016", "Jun 2016"]))


def test_a_lone_date_before_the_next_title_ends_the_cell_above():
    raw = read_cells(NEXT_TABLE.encode())
    first, second = _tables(raw)
    assert _grid(first)[:2] == [_TOP_E, _SUB_E]
    assert _grid(second)[0] == ["Aim", "Ref", "Description", "Action owner", "By when"]
    actions = normalise(raw).actions
    assert [(a["action_id"], a["due_raw"]) for a in actions] == [
        ("1.1", "began May 2011 and is Ongoing"), ("1.2", "April 2011 - March 2012"),
        ("2.1", "Feb 2013"), ("2.2", "Ongoing"), ("2.3", "Feb 2013"), ("3.1", "31.3.11"),
        ("3.2", "June 2011"), ("4.1", "31/03/2012")]


def test_a_lone_date_before_the_next_title_second_document():
    raw = read_cells(NEXT_TABLE_F.encode())
    first, second = _tables(raw)
    assert _grid(first)[:2] == [_TOP_F, _SUB_F]
    assert _grid(first)[-1] == ["A3 Publish the findings", "Apr 2015", "Sep 2015\nQ3 2015/16"]
    assert not [b for b in raw.blocks if isinstance(b, Paragraph) and "2015" in b.text]
    assert _grid(second)[0] == ["Task", "Start", "End"]
    assert [(a["action_id"], a["action"]) for a in normalise(raw).actions] == [
        ("A1", "Map the carers network"), ("A2", "Survey disabled staff"),
        ("A3", "Publish the findings"), ("B1", "Fit hearing loops"), ("B2", "Audit signage")]


def test_a_line_printing_only_a_date_is_no_title():
    from planextract.extract.text.cell_labels import is_date_line, is_title
    for date in ("Feb 2013", "Ongoing", "By 31.3.12", "April 2011 - March 2012", "Q3 2011/12"):
        assert is_date_line(date) and not is_title(date), date
    for title in ("Action Plan 2013", "Objective 2: Impact", "Senior Management Team",
                  "Race Equality Scheme 2010-13"):
        assert not is_date_line(title) and is_title(title), title


def _label_cells(*labels: str) -> list:
    from planextract.extract.text.cell_items import RawCell
    return [RawCell([(n, label)]) for n, label in enumerate(labels, start=1)]


def test_only_a_repeat_naming_every_label_reprints_the_header():
    from planextract.extract.text.cell_rows import Header
    wide = Header(["Aim", "Ref", "Description", "Responsibility", "", "", "", "",
                   "Action owner", "By when"])
    # another table's header, Responsibility missing: dropped as a repeat, no evidence
    other = _label_cells("Aim", "Ref", "Description", "Action owner", "By when", "3")
    assert wide.repeat_at(other, 0) == 5 and not wide.reprints(other, 0, 5)
    whole = _label_cells("Aim", "Ref", "Description", "Responsibility", "", "", "", "",
                         "Action owner", "By when", "3")
    assert wide.repeat_at(whole, 0) == 10 and wide.reprints(whole, 0, 10)
    # differs in all but the rule: a broken page top (a piece of a label, one skipped)
    narrow = Header(["Ref", "Actions", "Lead officer"])
    broken = _label_cells("Ref", "Lead", "")
    assert narrow.repeat_at(broken, 0) == 2 and not narrow.reprints(broken, 0, 2)
    assert narrow.reprints(_label_cells("Ref", "Actions", "Lead officer"), 0, 3)


def test_a_printed_plan_whose_next_table_names_fewer_labels():
    # a printed export whose two-row header had been read as one row of ten (its
    # rows two at a time): the next table's header, Responsibility left out, was taken
    # for that header's page top and its bonus outscored the right reading
    text = (_DOCUMENTS / "text-cells-next-table-fewer-labels.txt").read_text(encoding="utf-8")
    raw = read_cells(text.encode())
    assert {len(t.rows[0].cells) for t in _tables(raw)} == {2, 5}  # the key, the plan's
    actions = {a["action_id"]: a for a in normalise(raw).actions}
    assert list(actions) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1",
                             "4.2", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3", "7.1", "7.2",
                             "7.3", "7.4"]
    assert actions["2.3"]["due_raw"] == "Feb 2013"


# A colour key (a term, then its meaning) right before the plan's header, whose first
# cell is empty (an unnamed number column) and whose action label the vocabulary lacks:
# a key's row opens with its term, so a row opening with an empty cell is the next
# table's header, not a row of the key.
KEY_THEN_PLAN = ("RAG status key\n\n" + _cells(["Status", "Meaning"], ["Red", "At risk"],
                                               ["Amber", "Some slippage"], ["Green", "Achieved"])
                 + "\n" + _cells(["", "Proposal", "Lead director", "When by", "Notes",
                                  "Traffic light"],
                                 ["B1", "Reinforce the consultation toolkit so no group is "
                                  "left out", "Head of Community Engagement", "Ongoing - annual",
                                  "Achieved.", "Red"],
                                 ["B 2", "Co-ordinate the carers' passport scheme with service "
                                  "users", "Inclusion Manager", "w/e 14/09/2012",
                                  "No update received.", "Green"]))

# differs in everything but the rule: another key's words, four columns, plain numbers
KEY_THEN_PLAN_B = ("Key to ratings\n\n" + _cells(["Rating", "Description"],
                                                 ["Complete", "Finished, and signed off by "
                                                  "the board"],
                                                 ["On track", "Work is going to plan and will "
                                                  "finish in time"],
                                                 ["Delayed", "The board agreed to move the "
                                                  "date back"])
                   + _cells(["", "Undertaking", "Accountable officer", "Deadline"],
                            ["1", "Publish the pay gap report for every grade", "HR BP",
                             "Mar-15"],
                            ["2", "Survey disabled colleagues about access", "OD Partner",
                             "Q2 2014"]))


def test_a_row_opening_empty_after_a_key_is_the_next_header():
    raw = read_cells(KEY_THEN_PLAN.encode())
    key, plan = _tables(raw)
    assert _grid(key)[-1] == ["Green", "Achieved"]
    assert _grid(plan)[0][:3] == ["", "Proposal", "Lead director"]
    assert [(a["action_id"], a["owners_raw"]) for a in normalise(raw).actions] == [
        ("B1", "Head of Community Engagement"), ("B2", "Inclusion Manager")]


def test_a_row_opening_empty_after_a_key_second_document():
    raw = read_cells(KEY_THEN_PLAN_B.encode())
    key, plan = _tables(raw)
    assert _grid(key)[-1] == ["Delayed", "The board agreed to move the date back"]
    assert _grid(plan)[0] == ["", "Undertaking", "Accountable officer", "Deadline"]
    # (the key's sentences are read as actions of their own too: a key of status words
    # with sentence meanings is not known as a key; the plan's rows are read whole)
    assert [(a["action_id"], a["due_raw"]) for a in normalise(raw).actions
            if a["action_id"]] == [("1", "Mar-15"), ("2", "Q2 2014")]


# A key's row opens with its term, and its meanings say how an action stands: a row
# opening with a label the vocabulary lacks (``Nr``) whose next label names the action
# column is the plan's header, not one more row of the key before it.
KEY_THEN_NR_PLAN = ("RAG status key\n\n" + _cells(["Status", "Meaning"], ["Red", "At risk"],
                                                  ["Green", "Achieved"])
                    + "\n" + _cells(["Nr", "Delivery actions", "Executive lead", "Target date",
                                     "R/A/G"],
                                    ["1.", "Broaden the religious observance guidance",
                                     "L&D Adviser", "31/04/2012", "Red"],
                                    ["2.", "Review British Sign Language provision",
                                     "Operations Director", "31st March 2013", "Green"]))

# differs in everything but the rule: another key, four plan columns, ids with letters
KEY_THEN_SEQ_PLAN = ("How we rate progress\n\n"
                     + _cells(["Colour", "Meaning"], ["Blue", "Closed"],
                              ["Amber", "Slipping"], ["Grey", "Not begun"])
                     + "\n" + _cells(["Seq", "Tasks", "Deadline", "Responsible officer"],
                              ["A1", "Publish the pay gap report for every grade", "Mar-15",
                               "HR Adviser"],
                              ["A2", "Survey disabled colleagues about access", "Q2 2014",
                               "OD Partner"],
                              ["A3", "Audit the recruitment adverts", "Q3 2014", "HR Adviser"]))


def test_a_header_naming_the_action_column_after_a_key_is_the_next_header():
    raw = read_cells(KEY_THEN_NR_PLAN.encode())
    key, plan = _tables(raw)
    assert _grid(key)[-1] == ["Green", "Achieved"]
    assert _grid(plan)[0] == ["Nr", "Delivery actions", "Executive lead", "Target date",
                              "R/A/G"]
    assert [(a["action_id"], a["owners_raw"]) for a in normalise(raw).actions] == [
        ("1", "L&D Adviser"), ("2", "Operations Director")]


def test_a_header_naming_the_action_column_after_a_key_second_document():
    raw = read_cells(KEY_THEN_SEQ_PLAN.encode())
    key, plan = _tables(raw)
    assert _grid(key)[-1] == ["Grey", "Not begun"]
    assert _grid(plan)[0] == ["Seq", "Tasks", "Deadline", "Responsible officer"]
    assert [(a["action_id"], a["due_raw"]) for a in normalise(raw).actions
            if a["action_id"]] == [("A1", "Mar-15"), ("A2", "Q2 2014"), ("A3", "Q3 2014")]
