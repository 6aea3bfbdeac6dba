"""A workbook cell printed as Excel prints it (``extract/xlsx_printed.py``): the stored
value and the number format code beside what Excel shows, then what the date rules
make of it (the printed date is what the plan says; the canonical date is read from
it as from any other format)."""

from __future__ import annotations

import datetime as dt

import pytest
from xlsx_books import book, read, rows

from planextract.extract.xlsx_printed import print_date, print_general, print_number, printed
from planextract.settings import XlsxSettings

MARCH = dt.datetime(2012, 3, 31)


@pytest.mark.parametrize("code,shown", [
    ("dd/mm/yyyy", "31/03/2012"),
    ("d/m/yy", "31/3/12"),
    ("mmm-yy", "Mar-12"),
    ("d-mmm-yy", "31-Mar-12"),
    ("mmmm yyyy", "March 2012"),
    ("mmm yyyy", "Mar 2012"),
    ("d mmmm yyyy", "31 March 2012"),
    ("dddd d mmmm yyyy", "Saturday 31 March 2012"),
    ("yyyy-mm-dd", "2012-03-31"),
    ("[$-809]dd mmmm yyyy;@", "31 March 2012"),  # a locale tag and a text section
    ('"Due "mmm yyyy', "Due Mar 2012"),  # quoted text
    ("mmmmm", "M"),
])
def test_a_date_prints_through_its_format(code, shown):
    assert print_date(MARCH, code) == shown


def test_minutes_and_months_are_told_apart_as_excel_tells_them():
    stamp = dt.datetime(2013, 7, 4, 14, 5, 9)
    assert print_date(stamp, "dd/mm/yyyy hh:mm") == "04/07/2013 14:05"
    assert print_date(stamp, "mm:ss") == "05:09"  # before seconds: minutes
    assert print_date(stamp, "h:mm AM/PM") == "2:05 PM"
    assert print_date(dt.time(9, 30), "hh:mm") == "09:30"
    assert print_date(dt.timedelta(hours=30, minutes=15), "[h]:mm") == "30:15"


@pytest.mark.parametrize("value,code,shown", [
    (1.1, "General", "1.1"),
    (2.0, "General", "2"),  # a whole number stored as a float
    (0.1 + 0.2, "General", "0.3"),  # binary noise: Excel's 15 digits
    (1.1 + 0.2, "General", "1.3"),
    (2015, "General", "2015"),
    (1e20, "General", "1E+20"),
    (1234.5, "#,##0.00", "1,234.50"),
    (0.256, "0%", "26%"),
    (0.256, "0.0%", "25.6%"),
    (2.675, "0.00", "2.68"),  # half up on the printed decimal, as Excel rounds
    (3, "0.0", "3.0"),
    (7, "000", "007"),
    (0.5, "#.00", ".50"),
    (-5, "0;(0)", "(5)"),
    (-5, "0.00", "-5.00"),
    (0, '0;-0;"-"', "-"),
    (5, "[$£-809]#,##0.00", "£5.00"),
    (1234567, '0.0,,"m"', "1.2m"),
    (float("nan"), "General", "#NUM!"),
])
def test_a_number_prints_through_its_format(value, code, shown):
    assert print_number(value, code) == shown


def test_the_locale_short_date_prints_day_first_and_other_values_as_typed():
    uk = XlsxSettings()
    assert printed(MARCH, "mm-dd-yy", 14, uk) == "31/03/2012"  # built-in 14: the locale's
    assert printed(MARCH, "mm-dd-yy", 170, uk) == "03-31-12"  # the same code, typed
    assert printed(MARCH, "mm-dd-yy", 14, XlsxSettings(short_date="yyyy-mm-dd")) == "2012-03-31"
    assert printed(True, "General", 0, uk) == "TRUE"
    assert printed("Q3 2012/13", "@", 49, uk) == "Q3 2012/13"
    assert print_general(-3) == "-3"


def _dated(workbook) -> None:
    """A plan whose due dates are real Excel dates under six formats."""
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["Ref", "Action", "Lead", "Due"])
    formats = ["dd/mm/yyyy", 14, "mmm-yy", "mmmm yyyy", "d mmmm yyyy", "mmm yyyy"]
    stamps = [dt.datetime(2012, 3, 31), dt.datetime(2011, 7, 15), dt.datetime(2013, 1, 1),
              dt.datetime(2010, 12, 1), dt.datetime(2013, 6, 30), dt.datetime(2013, 2, 1)]
    for n, (code, stamp) in enumerate(zip(formats, stamps), start=1):
        sheet.write_number(n, 0, n)
        sheet.write(n, 1, f"Action number {n} of the plan")
        sheet.write(n, 2, "Head of Policy")
        sheet.write_datetime(n, 3, stamp, workbook.add_format({"num_format": code}))


def test_dates_stored_as_serials_read_as_printed_then_by_the_date_rules():
    doc = read(book(_dated))
    assert rows(doc, "action_id", "due_raw", "due_kind", "due_date") == [
        ("1", "31/03/2012", "date", "2012-03-31"),
        ("2", "15/07/2011", "date", "2011-07-15"),
        ("3", "Jan-13", "date", "2013-01-31"),
        ("4", "December 2010", "date", "2010-12-31"),
        ("5", "30 June 2013", "date", "2013-06-30"),
        ("6", "Feb 2013", "date", "2013-02-28"),
    ]


def _numbered(workbook) -> None:
    """Other numbers, other formats: ids stored as numbers (one a float with noise
    from a formula), a year stored as a number, a date with a weekday and a time."""
    sheet = workbook.add_worksheet("Delivery")
    sheet.write_row(4, 2, ["No", "Milestone", "Owner", "Date due", "Budget"])
    sheet.write_formula(5, 2, "=3.1+0.1", None, 3.1 + 0.1)  # 3.2000000000000002
    sheet.write_number(6, 2, 4.0)
    sheet.write(5, 3, "Appoint a disability champion to the board")
    sheet.write(6, 3, "Commission an access audit of the head office")
    sheet.write(5, 4, "Company Secretary")
    sheet.write(6, 4, "Estates Manager")
    sheet.write_number(5, 5, 2015)
    sheet.write_datetime(6, 5, dt.datetime(2014, 9, 30, 17, 0),
                         workbook.add_format({"num_format": "dddd d mmmm yyyy"}))
    money = workbook.add_format({"num_format": "£#,##0"})
    sheet.write_number(5, 6, 12500, money)
    sheet.write_number(6, 6, 800.4, money)


def test_numbers_read_as_printed_in_a_second_plan():
    doc = read(book(_numbered))
    assert rows(doc, "action_id", "due_raw", "due_date") == [
        ("3.2", "2015", "2015-12-31"), ("4", "Tuesday 30 September 2014", "2014-09-30")]
    assert [a["extra"] for a in doc.actions] == [{"Budget": "£12,500"}, {"Budget": "£800"}]
