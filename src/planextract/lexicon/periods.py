"""Column labels that name a period of time: the heads of a plan's timeline.

A plan that shows *when* as a row of years (``2010/11 | 2011/12 | 2012/13``), with a
mark under each year an action runs in, prints labels that open with a digit, which
every other header rule takes for a numbered data cell. What makes such a label a
label is its shape alone: a calendar year, or a financial or academic year written
with its two years (``2011/12``, ``2011-2012``), optionally with the quarter or half
of it (``2011/12 Q1``); a quarter or half with its year first or last (``Q1
2011``); or a month with its year (``Apr 2012``, ``Apr-12``). Months and quarters
without a year (``Apr``, ``Q3``) are not periods here: no date can be read from them
alone.
"""

from __future__ import annotations

import re

from planextract.lexicon.months import MONTHS

_YEAR = r"(?:19|20)\d\d"
_SPAN = rf"{_YEAR}(?:\s*[/\-–]\s*(?:{_YEAR}|\d\d))?"
_PART = r"(?:(?:Q|Qtr\.?\s*|Quarter\s+)[1-4]|(?:H|Half\s+)[12])"
# a month with its year, as a monthly timeline heads its columns: ``Apr 2012``,
# ``Apr-12``, ``April 12``
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_PERIOD = re.compile(
    rf"^(?:(?:FY|Year)\s*)?(?:{_SPAN}(?:\s+{_PART})?|{_PART}\s+{_SPAN})$"
    rf"|^(?:{_MONTH})\.?(?:\s+|\s*[-/]\s*)(?:{_YEAR}|\d\d)$", re.IGNORECASE)


def is_period_label(text: str) -> bool:
    """``text`` is a year, a two-year financial or academic year, or a quarter or half
    of one, or a month with its year: a timeline column's label (``2011``, ``2011/12``,
    ``FY 2011-12``, ``Q1 2011``, ``2011/12 Q2``, ``Apr-12``), never a number (``1.1``,
    ``12``) or a date (``31/3/11``)."""
    text = text.strip()
    return len(text) <= 24 and _PERIOD.match(text) is not None
