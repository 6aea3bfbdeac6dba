"""Date rules for spellings the samples never printed (issue 6): the rule each
spelling stands for, checked on spellings that differ from the corpus's."""

from datetime import date

import pytest

from planextract.normalise.dates import parse_due, parse_start_end


@pytest.mark.parametrize("printed, day", [
    ("31-Mar-12", date(2012, 3, 31)),        # spreadsheet day-month-year
    ("5-Sep-2014", date(2014, 9, 5)),
    ("15/Jun/2013", date(2013, 6, 15)),
    ("Jan-13", date(2013, 1, 31)),           # spreadsheet month-year
    ("Oct/2015", date(2015, 10, 31)),
    ("2012-06-30", date(2012, 6, 30)),       # ISO, as web exports print it
    ("1999-12-01", date(1999, 12, 1)),
])
def test_month_names_and_iso_dates_with_any_separator(printed, day):
    read = parse_due(printed)
    assert (read.kind, read.due_date) == ("date", day)


def test_an_iso_date_that_cannot_be_is_flagged_not_read_as_a_year():
    read = parse_due("2013-02-30")
    assert (read.kind, read.due_date, read.flags) == ("date", None, ["date_impossible"])


@pytest.mark.parametrize("printed", ["Every six months", "each quarter", "Every term",
                                     "Each April", "every 2 years", "Continuing"])
def test_a_recurrence_or_continuation_is_ongoing(printed):
    assert parse_due(printed).kind == "ongoing"


def test_every_with_no_period_after_it_is_no_recurrence():
    assert parse_due("Every effort will be made").kind == "unknown"


@pytest.mark.parametrize("printed, start", [
    ("Apr 2012 onwards", date(2012, 4, 1)),
    ("2013 and beyond", date(2013, 1, 1)),
    ("From Q2 2014/15 onward", date(2014, 7, 1)),
])
def test_a_date_left_open_after_it_is_an_ongoing_start(printed, start):
    read = parse_due(printed)
    assert (read.kind, read.due_date, read.due_start) == ("ongoing", None, start)


def test_onwards_before_the_date_does_not_open_it():
    # the open-end word must follow the one date it leaves open
    assert parse_due("Onwards review by June 2015").kind == "date"


def test_start_and_end_columns_in_spreadsheet_spellings():
    raw, read = parse_start_end("01-Apr-13", "31-Mar-14")
    assert (read.kind, read.due_start, read.due_date) == ("range", date(2013, 4, 1),
                                                          date(2014, 3, 31))
    _raw, read = parse_start_end("Jun-12", "Continuing")
    assert (read.kind, read.due_start, read.due_date) == ("ongoing", date(2012, 6, 1), None)
