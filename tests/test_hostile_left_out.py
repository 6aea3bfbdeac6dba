"""The rule that keeps a row's text when the row is no action (normalise/left_out.py),
and a continuation row's extra cells joining the action they continue (issue 9)."""

from __future__ import annotations

from planextract.extract.registry import read_document
from planextract.normalise.document import normalise
from planextract.normalise.left_out import MESSAGE, describe, describe_record, where
from planextract.normalise.record import ActionRecord


def test_where_names_the_line_else_the_page():
    assert where(12, 3) == "line 12"
    assert where(None, 3) == "page 3"
    assert where(None, None) == "a table row"


def test_describe_keeps_every_filled_cell_under_its_header():
    message = describe("page 2", [("Ref", "4.2"), ("Action", ""), ("Lead ", " HR\n Manager"),
                                  ("", "no header"), ("Due", "  ")])
    assert message == f"page 2: {MESSAGE}: Ref: 4.2 | Lead: HR Manager | no header"
    assert describe("line 1", [("Ref", " "), ("Lead", "")]) is None


def test_a_record_without_text_is_described_by_what_it_printed():
    record = ActionRecord(action_id_raw="2.2", owners_raw="Head of Estates", due_raw="2014",
                          strands=["Race"], extra={"Budget": "£5k"}, page_start=4)
    assert describe_record(record) == (f"page 4: {MESSAGE}: number: 2.2 | owners: Head of "
                                       "Estates | due: 2014 | strands: Race | Budget: £5k")
    assert describe_record(ActionRecord(line_start=9)).startswith(f"line 9: {MESSAGE}")


def test_a_row_continued_after_a_page_break_keeps_its_extra_cells():
    text = ("Plan of work\nRef\tAction\tLead\tNotes\n"
            "1.1\tTrain all staff in the new\tHR Manager\tbudget agreed\n"
            "\n"
            "\tequality duties by March\t\tsee annex B\n"
            "1.2\tPublish the scheme\tCE\t\n")
    doc = normalise(read_document(text.encode()))
    first, second = doc.actions
    assert first.action == "Train all staff in the new equality duties by March"
    assert first.extra == {"Notes": "budget agreed see annex B"}
    assert second.extra == {}
    assert not [w for w in doc.warnings if MESSAGE in w]
