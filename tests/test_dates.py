from datetime import date

import pytest

from planextract.normalise.dates import lacks_year, leading_year, parse_due, split_deadlines


@pytest.mark.parametrize("text, kind, due, start", [
    ("March 09", "date", date(2009, 3, 31), None),
    ("December 2010", "date", date(2010, 12, 31), None),
    ("2015", "date", date(2015, 12, 31), None),
    ("31.3.11", "date", date(2011, 3, 31), None),
    ("1/12/2012", "date", date(2012, 12, 1), None),
    ("18/01/2012", "date", date(2012, 1, 18), None),
    ("By 31 March 2012", "date", date(2012, 3, 31), None),
    ("Policy Portal - Oct 2012", "date", date(2012, 10, 31), None),
    ("Dec 09 – Dec 2012", "range", date(2012, 12, 31), date(2009, 12, 1)),
    ("December 2010 – 2011", "range", date(2011, 12, 31), date(2010, 12, 1)),
    ("2009 – 2012", "range", date(2012, 12, 31), date(2009, 1, 1)),
    ("December 2015 – March 2016", "range", date(2016, 3, 31), date(2015, 12, 1)),
    ("June 2011 September 2011 December 2011 February 2012", "multiple", date(2012, 2, 29), None),
    ("January 2016 and ongoing", "multiple", date(2016, 1, 31), None),
    ("In place by April 2011 for October 2011", "multiple", date(2011, 10, 31), None),
    ("SCI - April 2013, Custody Development - 2015, CST Implementation - Dec 2012",
     "multiple", date(2015, 12, 31), None),
    ("On-going", "ongoing", None, None),
    ("Quarterly", "ongoing", None, None),
    ("Established and ongoing", "ongoing", None, None),
    ("Commencement September 2011", "ongoing", None, date(2011, 9, 1)),
    ("Culture & Values began May 2011 and is Ongoing", "ongoing", None, date(2011, 5, 1)),
    ("December", "unknown", None, None),
    ("December December", "unknown", None, None),
    ("", "none", None, None),
    (None, "none", None, None),
])
def test_every_contract_form(text, kind, due, start):
    result = parse_due(text)
    assert (result.kind, result.due_date, result.due_start) == (kind, due, start)


def test_impossible_and_unreadable_dates_are_flagged_not_guessed():
    impossible = parse_due("31.6.10")
    assert (impossible.kind, impossible.due_date, impossible.flags) == (
        "date", None, ["date_impossible"])
    assert parse_due("30/02/2012").kind == "date"
    unreadable = parse_due("31.311")
    assert (unreadable.kind, unreadable.flags) == ("unknown", ["date_unparsed"])


def test_split_deadlines_gives_one_per_stacked_action():
    assert split_deadlines("January 2010 January 2010", 2) == ["January 2010", "January 2010"]
    assert split_deadlines("Dec 09 – Dec 2012 On-going", 2) == ["Dec 09 – Dec 2012", "On-going"]
    assert split_deadlines("January 2010", 2) is None


def test_year_on_the_next_page_is_detected():
    assert lacks_year("December") and not lacks_year("December 2010")
    assert leading_year("2010 On-going") == ("2010", "On-going")
    assert leading_year("On-going") is None
