"""Separate start and end columns give a range (CANONICAL.md, due_kind)."""

from datetime import date

from plan_blocks import run, table

from planextract.normalise.dates import parse_start_end


def test_start_and_end_cells_read_as_one_due_date():
    assert parse_start_end("April 2011", "March 2012")[1].kind == "range"
    raw, due = parse_start_end("1.10.11", "31.3.12")
    assert raw == "1.10.11 – 31.3.12"
    assert (due.kind, due.due_start, due.due_date) == ("range", date(2011, 10, 1),
                                                       date(2012, 3, 31))
    raw, due = parse_start_end("Sept 2013", "Ongoing")
    assert (due.kind, due.due_start, due.due_date) == ("ongoing", date(2013, 9, 1), None)
    assert parse_start_end("", "June 2012")[1].kind == "date"
    assert parse_start_end("2014", "")[1].kind == "ongoing"  # a start with no end
    assert "date_impossible" in parse_start_end("31.6.10", "2012")[1].flags


def test_a_plan_with_start_and_end_columns():
    doc = run(table(
        ["Action", "Lead", "Start", "End"],
        ["Pilot mentoring for BME staff", "HR", "April 2011", "March 2012"],
        ["Run the disability forum", "Chair", "Sept 2013", "Ongoing"],
        ["Publish the annual report", "CEO", "", "31/07/2012"],
    ))
    got = [(a.due_kind, a.due_start, a.due_date, a.due_raw) for a in doc.actions]
    assert got == [
        ("range", date(2011, 4, 1), date(2012, 3, 31), "April 2011 – March 2012"),
        ("ongoing", date(2013, 9, 1), None, "Sept 2013 – Ongoing"),
        ("date", None, date(2012, 7, 31), "31/07/2012"),
    ]


def test_a_second_plan_with_from_and_to_in_other_words():
    doc = run(table(
        ["Ref", "Task", "From", "To", "Owner"],
        ["3", "Refresh equality training", "2014", "2015", "L&D"],
        ["4", "Consult on the new scheme", "Jan 2012", "Dec 2012", "Policy"],
    ))
    got = [(a.action_id, a.due_kind, a.due_start, a.due_date) for a in doc.actions]
    assert got == [("3", "range", date(2014, 1, 1), date(2015, 12, 31)),
                   ("4", "range", date(2012, 1, 1), date(2012, 12, 31))]
    assert doc.actions[0].owners_raw == "L&D"


def test_an_impossible_date_is_a_date_without_a_day_and_passes_the_schema():
    import pyarrow as pa

    from planextract.schema.canonical import ACTIONS
    from planextract.schema.validate import validate

    doc = run(table(["Action", "Lead", "Date"], ["Train the panel", "HR", "31.6.10"]))
    (action,) = doc.actions
    assert (action.due_kind, action.due_date, action.flags) == ("date", None,
                                                                 ["date_impossible"])
    row = {"doc_id": "d", "source": "s", "source_format": "docx", "organisation": None,
           "plan_title": None, **action.to_row()}
    validate("actions", pa.Table.from_pylist([row], schema=ACTIONS))
