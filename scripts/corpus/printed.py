"""Printed forms beside their canonical values, written by hand from the contract
(../shared/CANONICAL.md), never computed by planextract.

A date cell prints one of ``DATES``; a pair of Start/End columns one of
``START_END``; an action number is printed in one of the ``NUMBER_STYLES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DateCase:
    printed: str
    kind: str  # date, range, multiple, ongoing, unknown, none
    due_date: str | None
    due_start: str | None = None
    flag: str | None = None


# printed form                    due_kind    due_date      due_start
DATES = [
    DateCase("March 09", "date", "2009-03-31"),
    DateCase("31.3.11", "date", "2011-03-31"),
    DateCase("31/03/2012", "date", "2012-03-31"),
    DateCase("1/12/2012", "date", "2012-12-01"),
    DateCase("December 2010", "date", "2010-12-31"),
    DateCase("Dec 2011", "date", "2011-12-31"),
    DateCase("2015", "date", "2015-12-31"),
    DateCase("By 31 March 2012", "date", "2012-03-31"),
    DateCase("30 June 2013", "date", "2013-06-30"),
    DateCase("April 2014", "date", "2014-04-30"),
    DateCase("Sept 2012", "date", "2012-09-30"),
    DateCase("February 2012", "date", "2012-02-29"),
    DateCase("Feb 2013", "date", "2013-02-28"),
    DateCase("30.9.10", "date", "2010-09-30"),
    DateCase("15/07/2011", "date", "2011-07-15"),
    DateCase("Dec 09 – Dec 2012", "range", "2012-12-31", "2009-12-01"),
    DateCase("April 2011 - March 2012", "range", "2012-03-31", "2011-04-01"),
    DateCase("2009 – 2012", "range", "2012-12-31", "2009-01-01"),
    DateCase("December 2010 – 2011", "range", "2011-12-31", "2010-12-01"),
    DateCase("On-going", "ongoing", None),
    DateCase("Ongoing", "ongoing", None),
    DateCase("Quarterly", "ongoing", None),
    DateCase("Annually", "ongoing", None),
    DateCase("Established and ongoing", "ongoing", None),
    DateCase("Commencement September 2011", "ongoing", None, "2011-09-01"),
    DateCase("began May 2011 and is Ongoing", "ongoing", None, "2011-05-01"),
    DateCase("January 2016 and ongoing", "multiple", "2016-01-31"),
    DateCase("June 2011 September 2011", "multiple", "2011-09-30"),
    DateCase("June 2011, December 2011", "multiple", "2011-12-31"),
    DateCase("31.6.10", "date", None, None, "date_impossible"),
    DateCase("30/02/2012", "date", None, None, "date_impossible"),
    DateCase("December", "unknown", None),
    DateCase("TBC", "unknown", None),
    DateCase("", "none", None),
]
# the kinds a dated cell may be drawn from, with weights: plain dates dominate, as in plans
DATE_WEIGHTS = {"date": 6, "range": 1, "ongoing": 2, "multiple": 1, "unknown": 0.4, "none": 0.3}

# Start column, End column -> due_kind, due_date, due_start
START_END = [
    (("April 2011", "March 2012"), DateCase("April 2011 – March 2012", "range",
                                            "2012-03-31", "2011-04-01")),
    (("01/04/2012", "31/03/2013"), DateCase("01/04/2012 – 31/03/2013", "range",
                                            "2013-03-31", "2012-04-01")),
    (("Jan 2012", "Dec 2012"), DateCase("Jan 2012 – Dec 2012", "range",
                                        "2012-12-31", "2012-01-01")),
    (("2014", "2015"), DateCase("2014 – 2015", "range", "2015-12-31", "2014-01-01")),
    (("Sept 2013", "Ongoing"), DateCase("Sept 2013 – Ongoing", "ongoing", None, "2013-09-01")),
    (("1.10.11", "31.3.12"), DateCase("1.10.11 – 31.3.12", "range", "2012-03-31",
                                      "2011-10-01")),
]


# ---------------------------------------------------------------- numbers
# A style prints a canonical id ("3.1", "12", "A1", "1.2.3") as a plan would.
NUMBER_STYLES = {
    "dotted": lambda i: i,                              # 3.1
    "spaced": lambda i: i.replace(".", ". "),          # 3. 1
    "trailing": lambda i: i + ".",                      # 3.1.
    "letter-spaced": lambda i: re.sub(r"^([A-Z])", r"\1 ", i),  # A 1
}


def print_number(canonical: str, style: str) -> str:
    """``canonical`` as printed in ``style``."""
    return NUMBER_STYLES[style](canonical)


def normalise_number(printed: str) -> str:
    """The contract's rule for action ids, used only to check the table above is
    self-consistent: no spaces, no trailing dot."""
    return re.sub(r"\s+", "", printed).rstrip(".")
