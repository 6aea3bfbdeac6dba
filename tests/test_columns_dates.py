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


def test_one_column_naming_who_and_when_is_cut_into_owner_and_date():
    doc = run(table(
        ["Action", "Lead and timescale"],
        ["Publish the pay gap report", "HR Manager – March 2012"],
        ["Hold quarterly network meetings", "Ongoing - Diversity Team"],
    ))
    got = [(a.owners_raw, a.due_raw, a.due_kind) for a in doc.actions]
    assert got == [("HR Manager", "March 2012", "date"),
                   ("Diversity Team", "Ongoing", "ongoing")]
    doc = run(table(
        ["Ref", "Task", "Owner / Date", "Comments"],
        ["7", "Audit the website", "Web Team, by 31.3.12", "Started"],
    ))
    (action,) = doc.actions
    assert (action.owners_raw, str(action.due_date), action.progress) == (
        "Web Team", "2012-03-31", "Started")


def test_financial_years_and_quarters():
    from planextract.normalise.dates import parse_due

    def read(text):
        due = parse_due(text)
        return due.kind, due.due_date

    assert read("2013/14") == ("date", date(2014, 3, 31))  # April 2013 to March 2014
    assert read("2012-13") == ("date", date(2013, 3, 31))
    assert read("Q2 2013/14") == ("date", date(2013, 9, 30))
    assert read("Q4 2013/14") == ("date", date(2014, 3, 31))
    assert read("Q3 2012") == ("date", date(2012, 9, 30))  # a calendar quarter
    assert read("2009-2012") == ("range", date(2012, 12, 31))  # two years, not one
    assert read("1/12/2012") == ("date", date(2012, 12, 1))


def test_a_plan_dated_by_financial_year():
    doc = run(table(["Action", "Lead", "Timescale"],
                    ["Refresh the workforce strategy", "HR", "2014/15"],
                    ["Report to the board", "CE", "Q1 2014/15 and Q3 2014/15"]))
    assert [(a.due_kind, a.due_date) for a in doc.actions] == [
        ("date", date(2015, 3, 31)), ("multiple", date(2014, 12, 31))]


def test_seasons_us_order_and_more_recurring_words():
    from planextract.normalise.dates import parse_due

    assert (parse_due("Summer 2013").kind, parse_due("Summer 2013").due_date) == (
        "date", date(2013, 8, 31))
    assert parse_due("Winter 2013").due_date == date(2014, 2, 28)  # into the next year
    assert parse_due("March 31, 2012").due_date == date(2012, 3, 31)
    assert parse_due("March 2012, 2013").kind == "multiple"
    for text in ["Six-monthly", "Half yearly", "Bi-annually", "Weekly"]:
        assert parse_due(text).kind == "ongoing", text
