"""Two-row headers, warnings for tables that are not read, cells kept whole, and
the typed record reaching the output."""

from plan_blocks import run, table

from planextract.normalise.header_rows import combine
from planextract.normalise.record import ActionRecord
from planextract.schema.canonical import ACTIONS

DOCUMENT_COLUMNS = {"doc_id", "source", "source_format", "organisation", "plan_title"}


def test_combine_reads_the_lower_labels_under_a_merged_top_cell():
    assert combine(["Action", "Responsibility", "", "Progress"],
                   ["", "Lead", "Deadline", ""]) == ["Action", "Lead", "Deadline", "Progress"]


def test_a_two_row_header_takes_owner_and_date_from_the_lower_row():
    doc = run(table(
        ["Action", "Responsibility", "", "Progress"],
        ["", "Lead", "Deadline", ""],
        ["Train recruiting managers", "HR Business Partner", "July 2012", "Half trained"],
    ))
    (action,) = doc.actions
    assert action.action == "Train recruiting managers"
    assert action.owners_raw == "HR Business Partner"
    assert action.due_raw == "July 2012" and str(action.due_date) == "2012-07-31"
    assert action.progress == "Half trained"


def test_a_two_row_header_whose_top_row_alone_is_no_header():
    # the top row names one role only; the lower row completes it
    doc = run(table(
        ["Ref", "What we will do", "Delivery", ""],
        ["", "", "Who", "By when"],
        ["7", "Publish pay gap figures", "Chief Executive", "31/03/2014"],
    ))
    (action,) = doc.actions
    assert (action.action_id, action.action) == ("7", "Publish pay gap figures")
    assert action.owners_raw == "Chief Executive" and str(action.due_date) == "2014-03-31"


def test_a_plan_table_that_cannot_be_read_is_named_in_a_warning():
    doc = run(table(["Lead", "Deadline", "Budget"],
                    ["HR", "March 2012", "£2,000"], first_line=5))
    assert doc.actions == []
    assert any("line 5" in w and "not read" in w for w in doc.warnings)
    # no header at all, but a column of dates beside a column of sentences
    doc = run("# Delivery", table(
        ["Develop a carers policy for all staff", "HR", "March 2013"],
        ["Review flexible working requests each quarter", "HR", "June 2013"]))
    assert doc.actions == []
    assert any("no header row" in w for w in doc.warnings)


def test_cells_beyond_the_header_are_kept_in_extra():
    doc = run(table(["Action", "Owner"],
                    ["Set up a staff network", "Chair", "spare note"]))
    (action,) = doc.actions
    assert action.extra == {"column 3": "spare note"}
    # two columns under one header keep both cells
    doc = run(table(["Action", "Owner", "Notes", "Notes"],
                    ["Set up a staff network", "Chair", "first", "second"]))
    assert doc.actions[0].extra == {"Notes": "first", "Notes (column 4)": "second"}


def test_one_action_keeps_every_paragraph_of_its_value_cells():
    doc = run(table(
        ["Action", "Lead", "Due"],
        ["Review the hate crime policy", ("Head of HR", "Diversity Manager", "Chief Inspector"),
         ("April 2012", "March 2013")],
    ))
    (action,) = doc.actions
    assert action.owners_raw == "Head of HR; Diversity Manager; Chief Inspector" or \
        action.owners_raw.split() == "Head of HR Diversity Manager Chief Inspector".split()
    assert len(action.owners) == 3
    assert action.due_kind == "multiple" and str(action.due_date) == "2013-03-31"


def test_stacked_actions_still_align_their_values_from_the_back():
    doc = run(table(
        ["Outcome", "Actions", "Owner", "Timescale"],
        ["1. Staff are trained", ("1.1 Design a course", "1.2 Run the course"),
         ("Trainer", "Line managers"), ("May 2011", "June 2011")],
    ))
    assert [(a.action_id, a.owners_raw, a.due_raw) for a in doc.actions] == [
        ("1.1", "Trainer", "May 2011"), ("1.2", "Line managers", "June 2011")]


def test_the_record_has_the_contracts_action_columns_in_order():
    names = [f.name for f in ACTIONS if f.name not in DOCUMENT_COLUMNS]
    record = ActionRecord(action="Do it")
    assert list(record.to_row()) == names
    assert record["action"] == "Do it" and record.to_row()["due_kind"] == "none"
    assert {"doc_id": "d", **record} == {"doc_id": "d", **record.to_row()}


def test_owners_raw_and_extra_reach_the_output_rows(tmp_path):
    from planextract.pipeline.document_run import run_one

    source = tmp_path / "plan.txt"
    source.write_text("Action\tBy whom\tResources\tDate\n"
                      "Hold a carers week\tHR ACO / T&D Mgr\tStaff time\tMay 2012\n")
    result = run_one(str(source))
    (row,) = result.actions
    assert row["owners_raw"] == "HR ACO / T&D Mgr"
    assert row["extra"] == {"Resources": "Staff time"}
    assert row["source"] == str(source) and row["action"] == "Hold a carers week"


def test_a_later_block_wider_than_its_table_keeps_the_extra_cells_in_extra():
    from planextract.extract.model import Cell, Row, Table

    head = table(["Action", "Owner"], ["Set up a staff network", "Chair"])
    wider = Table((Row((Cell(("Run a carers week",)), Cell(("HR",)), Cell(("stray text",))),
                       line_start=3, line_end=3),))
    doc = run(head, wider)
    assert [a.action for a in doc.actions] == ["Set up a staff network", "Run a carers week"]
    assert doc.actions[1].extra == {"column 3": "stray text"}


def test_a_continued_block_opening_with_role_words_is_not_taken_for_a_header():
    first = table(["Action", "Owner", "Timescale"],
                  ["Publish the scheme", "Board", "April 2012"])
    # the next page's block starts with a data row that mentions progress and a lead
    second = table(["Report progress quarterly", "Team Leader", "March 2012"],
                   ["Hold a staff forum", "Chair", "May 2012"], first_line=10)
    doc = run(first, second)
    assert [(a.action, a.owners_raw) for a in doc.actions] == [
        ("Publish the scheme", "Board"), ("Report progress quarterly", "Team Leader"),
        ("Hold a staff forum", "Chair")]
    assert not any("not read" in w for w in doc.warnings)


def test_a_two_row_header_repeated_at_page_tops_is_dropped_and_ids_still_read():
    top = ["No", "Issue", "Description", "Accountability and timescale", "", "Comments"]
    lower = ["", "", "", "By whom", "Completion date", ""]
    doc = run(table(top, lower,
                    ["1", "Low engagement", "Update the website", "Diversity Mgr", "30.9.10",
                     "Draft"],
                    top, lower,  # the next page repeats both header rows
                    ["2", "Few complaints", "Refresh hate crime reporting", "Estates Manager",
                     "Feb 2013", "Complete."]))
    assert [(a.action_id, a.action, a.owners_raw) for a in doc.actions] == [
        ("1", "Update the website", "Diversity Mgr"),
        ("2", "Refresh hate crime reporting", "Estates Manager")]


def test_bulleted_paragraphs_are_items_of_the_action_above():
    from planextract.normalise.bullets import join_items

    assert join_items(["Extend the scheme:", "- training refreshed", "• feedback gathered"]) == [
        "Extend the scheme:\ntraining refreshed\nfeedback gathered"]
    assert join_items(["1.1 Develop", "• 1.2 Review"]) == ["1.1 Develop", "• 1.2 Review"]
    doc = run(table(["Ref", "Action", "Lead"],
                    ["4", ("Refresh outreach events:", "▪ guidance issued", "▪ log kept"), "HR"]))
    (action,) = doc.actions
    assert action.action == "Refresh outreach events:\nguidance issued\nlog kept"
    assert "split_stacked_cell" not in action.flags


def test_a_header_printed_another_way_in_a_later_block_is_dropped_where_it_repeats():
    one_row = ["No", "Task", "Timescale", "Contact"]
    top, lower = ["No", "Task", "Responsibility", ""], ["", "", "Timescale", "Contact"]
    doc = run(table(one_row, ["1", "Audit the buildings", "May 2012", "Estates"]),
              table(top, lower, ["2", "Refresh the policy", "June 2012", "HR"],
                    top, lower, ["3", "Train the panel", "July 2012", "L&D"], first_line=20))
    assert [(a.action_id, a.action, a.owners_raw) for a in doc.actions] == [
        ("1", "Audit the buildings", "Estates"), ("2", "Refresh the policy", "HR"),
        ("3", "Train the panel", "L&D")]


def test_a_header_repeated_below_data_rows_does_not_swallow_them():
    head = ["Objective", "Description", "Responsible party", "When"]
    first = table(head, ["1.1 Staff are trained", "1.1.1 Commission the induction pack", "HR",
                         "Quarterly"])
    # the next block opens with data; the header is repeated further down (a page top)
    second = table(["2.1 Decisions use evidence", "2.1.1 Consult on access to premises",
                    "Estates Manager", "Ongoing"],
                   ["", "2.1.2 Publish the carers leave policy", "Ch Insp Operations",
                    "Dec 2011"],
                   ["", "wheelchair users", "", ""], head,
                   ["", "2.1.3 Audit the buildings", "Estates", "2012"], first_line=10)
    doc = run(first, "2. Equality Impact Assessment", second)
    assert [a.action_id for a in doc.actions] == ["1.1.1", "2.1.1", "2.1.2", "2.1.3"]
    # a block opening with the rest of a cut row, then the header again
    third = table(["", "of new staff", "", ""], head,
                  ["", "1.1.2 Brief the board", "CE", "2013"], first_line=30)
    doc = run(first, third)
    assert [(a.action_id, a.action) for a in doc.actions] == [
        ("1.1.1", "Commission the induction pack of new staff"),
        ("1.1.2", "Brief the board")]


def test_one_action_keeps_its_paragraphs_in_a_text_export_too(normalise_text):
    doc = normalise_text(
        "Task\tOwner\tWhen\tProgress\n"
        "Refresh the hate crime policy\t<p>Legal Adviser</p><p>Community Safety Manager</p>"
        "\t<p>May 2012</p><p>Annually</p>\t<p>Drafted</p><p>Consulted on</p>\n")
    (action,) = doc.actions
    assert len(action.owners) == 2
    assert action.due_kind == "multiple" and str(action.due_date) == "2012-05-31"
    assert action.progress == "Drafted\nConsulted on"


def test_the_rest_of_a_cut_cell_after_a_page_break_joins_the_action_above():
    from planextract.extract.model import Cell, Row, Table

    head = table(["Outcome", "Action", "Owner"],
                 ["Staff are trained", "Train every manager in line with the", "HR"])
    rest = Table((Row((Cell(), Cell(("Equality Act 2010",)), Cell()), after_break=True,
                      line_start=5, line_end=5),
                  Row((Cell(), Cell(("Publish the results",)), Cell(("Comms",))),
                      line_start=6, line_end=6)))
    doc = run(head, rest)
    assert [a.action for a in doc.actions] == [
        "Train every manager in line with the Equality Act 2010", "Publish the results"]
    assert "merged_split_row" in doc.actions[0].flags
    # a short first-column row is still a sub-heading to skip
    doc = run(table(["Action", "Owner"], ["Recruitment"], ["Advertise widely", "HR"]))
    assert [a.action for a in doc.actions] == ["Advertise widely"]
