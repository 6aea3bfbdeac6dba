"""Due dates: every form plans print, read into a kind and a deadline.

Numeric dates are day-first (UK plans); two-digit years are 20YY; a period
stands for its last day as a deadline and its first day as a start.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from planextract.lexicon.months import MONTHS
from planextract.memo import per_document
from planextract.settings import DEFAULT

# a season as a deadline: its first and last month (winter runs into the next year)
# the kinds of a due date that name a deadline (a plan's row prints one)
DEADLINE_KINDS = ("date", "range", "multiple")
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20)\d{2}|\d{2}"

# UK public bodies plan by financial year (April to March): "2013/14", "2013-14",
# and its quarters "Q2 2013/14" (Q1 April-June ... Q4 January-March); "Q3 2012"
# with a plain year is a calendar quarter.
_FY = r"((?:19|20)\d{2})\s*[/-]\s*(\d{2})(?![\d/.-])"
# a quarter as plans spell it: ``Q3``, ``Qtr 3``, ``Qtr. 3``, ``Quarter 3``
_QUARTER = r"(?:Q|Qtr\.?\s*|Quarter\s+)([1-4])"
# a separator between the parts of a date written with a month name: spreadsheets
# print ``31-Mar-12`` and ``Jan-13``, others ``31 Mar 2012`` or ``31/Mar/2012``
_SEP = r"(?:\s+|\s*[-/]\s*)"
_PATTERNS = [
    ("iso", re.compile(r"\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b")),
    ("fy_quarter", re.compile(rf"\b{_QUARTER}\s*,?\s*{_FY}", re.I)),
    ("quarter", re.compile(rf"\b{_QUARTER}\s*,?\s*((?:19|20)\d{{2}})\b(?!\s*[/-]\s*\d)",
                           re.I)),
    # halves as a timeline prints them: ``H1 2014`` (January-June), ``H2 2014/15``
    # (the financial year's second half, October-March)
    ("fy_half", re.compile(rf"\bH([12])\s*,?\s*{_FY}", re.I)),
    ("half", re.compile(r"\bH([12])\s*,?\s*((?:19|20)\d{2})\b(?!\s*[/-]\s*\d)", re.I)),
    ("fin_year", re.compile(rf"\b{_FY}")),
    ("numeric", re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b")),
    ("month_day", re.compile(
        rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s*((?:19|20)\d{{2}})\b", re.I)),
    ("season", re.compile(r"\b(spring|summer|autumn|fall|winter)\s+((?:19|20)\d{2})\b", re.I)),
    ("day_month", re.compile(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?{_SEP}({_MONTH}){_SEP}({_YEAR})\b", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH})(?:\s*,?\s*'?|\s*[-/]\s*)({_YEAR})\b", re.I)),
    ("year", re.compile(r"\b((?:19|20)\d{2})\b")),
    ("month", re.compile(rf"\b({_MONTH})(?![a-z])", re.I)),
]
_ONGOING = re.compile(r"\bon\s*-?\s*going\b|\bquarterly\b|\bannually\b|\bmonthly\b|"
                      r"\bcontinuous(?:ly)?\b|\brolling\b|\bestablished\b|\bweekly\b|"
                      r"\b(?:six|6)[\s-]?monthly\b|\bhalf[\s-]?yearly\b|\bbi-?annual(?:ly)?\b|"
                      r"\byearly\b|\bcontinu(?:al|ally|ing|es|e)\b|"
                      # a recurrence: every six months, each quarter, every April
                      r"\b(?:every|each)\s+(?:\w+\s+)?(?:day|week|fortnight|month|quarter|"
                      r"year|term|session|meeting|cycle|" + "|".join(calendar.month_name[1:])
                      + r")s?\b", re.I)
ONGOING = _ONGOING  # words that say a deadline recurs or never ends
_LEADING_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\b\s*(.*)$", re.S)
_START = re.compile(r"\b(?:commenc\w*|began|begin\w*|start\w*|from)\b", re.I)
# a start left open after the date: ``Apr 2012 onwards``, ``2013 and beyond``
_OPEN_END = re.compile(r"\bonwards?\b|\band\s+beyond\b|\bthereafter\b", re.I)
RANGE_GLUE_WORDS = ("to", "until", "till")  # the words between a range's two dates
_RANGE_GLUE = re.compile(r"^\s*(?:[-–—]|{})\s*$".format("|".join(RANGE_GLUE_WORDS)), re.I)
_NUMERIC_JUNK = re.compile(r"\d+[./]\d+")
_ANY_DIGIT = re.compile(r"\d")  # the same digits as the patterns' \d (any script's)


@dataclass(frozen=True)
class Expr:
    """One date expression in a cell: the period it names and where it is."""

    start: date | None
    end: date | None
    pos: tuple[int, int]
    kind: str


@dataclass
class DueDate:
    kind: str = "none"
    due_date: date | None = None
    due_start: date | None = None
    flags: list[str] = field(default_factory=list)


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _month_period(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _fiscal(kind: str, groups: tuple[str, ...]) -> tuple[date, date] | None:
    """The first and last day of a financial year, or of a quarter or half of one
    (or of a calendar year); None when the two years are not consecutive."""
    months = 6 if kind in ("half", "fy_half") else 3
    if kind in ("quarter", "half"):
        part, year = int(groups[0]), int(groups[1])
        first_month = months * (part - 1) + 1
    else:
        quarter = int(groups[0]) if kind in ("fy_quarter", "fy_half") else 0
        year, second = (int(g) for g in groups[-2:])
        if second != (year + 1) % 100:
            return None
        if not quarter:
            return date(year, 4, 1), date(year + 1, 3, 31)
        first_month = months * (quarter - 1) + 4
        if first_month > 12:
            first_month, year = first_month - 12, year + 1
    last_month, last_year = first_month + months - 1, year
    if last_month > 12:  # a financial year's second half ends in March
        last_month, last_year = last_month - 12, year + 1
    return (date(year, first_month, 1),
            date(last_year, last_month, calendar.monthrange(last_year, last_month)[1]))


def find_expressions(text: str) -> tuple[list[Expr], list[str]]:
    """Every date expression in ``text``, in order, and flags for bad ones.
    Remembered per text (a long export prints the same date cells over and over
    and each is read by several rules, issue 11); fresh lists every call."""
    found, flags = _expressions(text)
    return list(found), list(flags)


@per_document(DEFAULT.memo.cells)
def _expressions(text: str) -> tuple[tuple[Expr, ...], tuple[str, ...]]:
    if not _ANY_DIGIT.search(text):
        # every pattern but a bare month needs a digit, as the flag for numbers
        # left unread does: text without one (most cells a column's dates are
        # sought in, sentences and posts) is searched for months alone, not by
        # eleven patterns (issue 11); ``read_expressions`` is the reference
        month = _PATTERNS[-1][1]
        return tuple(Expr(None, None, m.span(), "month") for m in month.finditer(text)), ()
    found, flags = read_expressions(text)
    return tuple(found), tuple(flags)


def read_expressions(text: str) -> tuple[list[Expr], list[str]]:
    """``find_expressions`` without the memory: the reference the cached path
    is tested against."""
    taken: list[tuple[int, int]] = []
    found: list[Expr] = []
    flags: list[str] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if not free(span):
                continue
            taken.append(span)
            groups = match.groups()
            if kind in ("fy_quarter", "quarter", "fy_half", "half", "fin_year"):
                period = _fiscal(kind, groups)
                if period is None:  # "2013-16": not one financial year
                    taken.pop()
                    continue
                found.append(Expr(period[0], period[1], span, kind))
            elif kind in ("numeric", "iso"):
                day, month, year = (int(groups[0]), int(groups[1]), _year(groups[2])) \
                    if kind == "numeric" else (int(groups[2]), int(groups[1]), int(groups[0]))
                try:
                    day_date = date(year, month, day)
                except ValueError:
                    flags.append("date_impossible")
                    continue
                found.append(Expr(day_date, day_date, span, kind))
            elif kind == "season":
                first_month = SEASONS[groups[0].lower()]
                year = int(groups[1])
                end_year, end_month = (year + 1, 2) if first_month == 12 else (year,
                                                                                first_month + 2)
                found.append(Expr(date(year, first_month, 1),
                                  _month_period(end_year, end_month)[1], span, kind))
            elif kind in ("day_month", "month_day"):
                day_text, month_text = (groups[0], groups[1]) if kind == "day_month" \
                    else (groups[1], groups[0])
                month = MONTHS[month_text.lower().rstrip(".")]
                try:
                    day_date = date(_year(groups[2]), month, int(day_text))
                except ValueError:
                    flags.append("date_impossible")
                    continue
                found.append(Expr(day_date, day_date, span, kind))
            elif kind == "month_year":
                month = MONTHS[groups[0].lower().rstrip(".")]
                first, last = _month_period(_year(groups[1]), month)
                found.append(Expr(first, last, span, kind))
            elif kind == "year":
                year = int(groups[0])
                found.append(Expr(date(year, 1, 1), date(year, 12, 31), span, kind))
            else:
                found.append(Expr(None, None, span, kind))
    rest = text
    for a, b in sorted(taken, reverse=True):
        rest = rest[:a] + " " * (b - a) + rest[b:]
    if _NUMERIC_JUNK.search(rest):
        flags.append("date_unparsed")
    found.sort(key=lambda e: e.pos)
    return found, flags


def _pair_ranges(text: str, exprs: list[Expr]) -> list[Expr]:
    """Join ``A – B`` into one range expression; a bare month before a dated
    end borrows its year (``Dec – March 2016``)."""
    out: list[Expr] = []
    i = 0
    while i < len(exprs):
        a = exprs[i]
        if i + 1 < len(exprs):
            b = exprs[i + 1]
            glue = text[a.pos[1]:b.pos[0]]
            if _RANGE_GLUE.match(glue) and b.end is not None:
                start = a.start
                if start is None and a.kind == "month":
                    month = MONTHS[text[a.pos[0]:a.pos[1]].lower().rstrip(".")]
                    year = b.end.year if month <= b.end.month else b.end.year - 1
                    start = date(year, month, 1)
                if start is not None and start <= b.end:
                    out.append(Expr(start, b.end, (a.pos[0], b.pos[1]), "range"))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def parse_due(text: str | None) -> DueDate:
    """Read a date cell into its kind, deadline and start (see CANONICAL.md).
    Remembered per text (pure, and asked of the same cells by column evidence,
    the swap check and the finish, issue 11); a fresh ``DueDate`` every call."""
    if text is None:
        return DueDate()
    kind, due_date, due_start, flags = _due(text)
    return DueDate(kind, due_date, due_start, list(flags))


@per_document(DEFAULT.memo.cells)
def _due(text: str) -> tuple[str, date | None, date | None, tuple[str, ...]]:
    read = read_due(text)
    return read.kind, read.due_date, read.due_start, tuple(read.flags)


def read_due(text: str | None) -> DueDate:
    """``parse_due`` without the memory: the reference the cached path is
    tested against."""
    if text is None or not text.strip():
        return DueDate()
    exprs, flags = find_expressions(text)
    exprs = _pair_ranges(text, exprs)
    dated = [e for e in exprs if e.end is not None]
    ongoing = bool(_ONGOING.search(text))
    started = _START.search(text)
    if not dated:
        # an impossible date (31.6.10) is still one deadline, unreadable (CANONICAL.md)
        kind = "ongoing" if ongoing else "date" if "date_impossible" in flags else "unknown"
        return DueDate(kind, flags=sorted(set(flags)))
    if started and len(dated) == 1 and dated[0].kind != "range" \
            and started.start() < dated[0].pos[0]:
        return DueDate("ongoing", None, dated[0].start, sorted(set(flags)))
    open_end = _OPEN_END.search(text)
    if open_end and len(dated) == 1 and dated[0].kind != "range" \
            and open_end.start() >= dated[0].pos[1]:
        return DueDate("ongoing", None, dated[0].start, sorted(set(flags)))
    if len(dated) == 1 and not ongoing:
        only = dated[0]
        if only.kind == "range":
            return DueDate("range", only.end, only.start, sorted(set(flags)))
        return DueDate("date", only.end, None, sorted(set(flags)))
    return DueDate("multiple", max(e.end for e in dated if e.end), None, sorted(set(flags)))


# words that open a deadline (``By 31 March``, ``Commencement May 2011``): a
# cell cut between two deadlines gives them to the deadline after them
_LEAD_IN = re.compile(r"(?:\b(?:by|before|until|till|due|from|commenc\w*|began|begin\w*|"
                      r"start\w*|end\s+of)\s+)+$", re.I)
# what joins the deadlines of one action (``January 2016 and ongoing``)
_TRAILING_JOIN = re.compile(r"[\s,;]*\b(?:and|&)\s*$|\s*&\s*$", re.I)
# (``Interim June 2012; final December 2012``: a word or two may name the next stage)
_SAME_ACTION = re.compile(r"^\s*(?:,|;|,?\s*(?:and|&)(?:\s+is)?)(?:\s+[a-z]+){0,2}\s*$",
                          re.I)


def _deadline_spans(text: str) -> list[tuple[int, int]]:
    """Where the cell's deadlines are printed, in order."""
    exprs, _ = find_expressions(text)
    exprs = [e for e in _pair_ranges(text, exprs) if e.kind != "month" or e.end]
    spans = [e.pos for e in exprs]
    # an impossible date (31.6.10) is still a deadline of its own
    for match in [*_ONGOING.finditer(text), *dict(_PATTERNS)["numeric"].finditer(text)]:
        if all(match.end() <= a or match.start() >= b for a, b in spans):
            spans.append(match.span())
    spans.sort()
    return spans


def _deadline_pieces(text: str, glue: bool = False) -> list[str]:
    """A cell's deadlines as pieces of its text, each with the words that lead
    into it. With ``glue``, deadlines joined by ``and``, ``&`` or a comma are
    one piece (one action's ``January 2016 and ongoing``)."""
    spans = _deadline_spans(text)
    if glue:
        joined: list[tuple[int, int]] = []
        for a, b in spans:
            if joined and _SAME_ACTION.match(text[joined[-1][1]:a]):
                joined[-1] = (joined[-1][0], b)
            else:
                joined.append((a, b))
        spans = joined
    cuts = [0]
    for index in range(1, len(spans)):
        between = text[spans[index - 1][1]:spans[index][0]]
        lead = _LEAD_IN.search(between)
        cuts.append(spans[index][0] - (len(between) - lead.start() if lead else 0))
    cuts.append(len(text))
    return [_TRAILING_JOIN.sub("", text[a:b]).strip(" ,;\n")
            for a, b in zip(cuts, cuts[1:])] if spans else []


def split_deadlines(text: str, count: int) -> list[str] | None:
    """Split a cell holding one deadline per stacked action (``January 2010
    January 2010``) into ``count`` pieces, or None when it does not hold
    exactly that many."""
    pieces = _deadline_pieces(text)
    return pieces if len(pieces) == count else None


def share_deadlines(parts: list[str], count: int) -> list[str] | None:
    """One deadline for each of ``count`` stacked actions from a date cell of
    fewer paragraphs than actions (a line break the reader could not tell
    from a wrap, as ``15/07/2011`` over ``Commencement September 2011`` in a
    narrow column): every deadline apart, but deadlines joined by ``and``, a
    comma or a semicolon (a word or two may name the next stage: ``; final``)
    are one action's; None when that does not give exactly ``count`` (the whole
    cell is then each action's: one schedule printed once for all).
    A joined pair is never parted to make the count: ``March 2012 and March
    2013`` beside two actions is both actions' schedule."""
    pieces = [_deadline_pieces(part, True) for part in parts]
    if all(pieces) and sum(len(p) for p in pieces) == count:
        return [p for group in pieces for p in group]
    return None


def one_schedule(lines: list[str]) -> bool:
    """A line but the last ends after its last deadline in what joins one
    action's deadlines (``Interim June 2012; final`` over ``December 2012``: a
    schedule wrapped after its next stage's word, not a deadline a line). Each
    line must name a deadline: ``tbc`` over ``June 2012`` is a line each."""
    spans = [_deadline_spans(line) for line in lines]
    return all(spans) and any(
        line[found[-1][1]:].strip() and _SAME_ACTION.match(line[found[-1][1]:])
        for line, found in zip(lines[:-1], spans))


def lacks_year(text: str) -> bool:
    """True when the cell names a month but no year (``December``): its year
    may be on the next page."""
    exprs, _ = find_expressions(text)
    return bool(exprs) and all(e.kind == "month" for e in exprs)


def leading_year(text: str) -> tuple[str, str] | None:
    """``2010 On-going`` -> (``2010``, ``On-going``)."""
    match = _LEADING_YEAR.match(text)
    return (match.group(1), match.group(2)) if match else None


def start_of(text: str | None) -> tuple[date | None, list[str]]:
    """The first day of the first period a start cell names (``Sept 2013`` ->
    2013-09-01), and flags for dates that could not be."""
    if not text or not text.strip():
        return None, []
    exprs, flags = find_expressions(text)
    starts = [e.start for e in _pair_ranges(text, exprs) if e.start is not None]
    return (starts[0] if starts else None), flags


def parse_start_end(start: str | None, end: str | None) -> tuple[str | None, DueDate]:
    """Separate ``Start`` and ``End`` columns read as one due date: the text as
    printed (``April 2011 – March 2012``) and a ``range``; an end of ``Ongoing``,
    or no end, with a start is ``ongoing`` with ``due_start`` (CANONICAL.md)."""
    start = start.strip() if start and start.strip() else None
    end = end.strip() if end and end.strip() else None
    raw = " – ".join(t for t in (start, end) if t) or None
    first, start_flags = start_of(start)
    read = parse_due(end)
    flags = sorted(set(read.flags) | set(start_flags))
    if first is None:
        return (raw if start else end), DueDate(read.kind, read.due_date, read.due_start, flags)
    if read.kind in DEADLINE_KINDS and read.due_date is not None:
        return raw, DueDate("range", read.due_date, first, flags)
    if read.kind in ("ongoing", "none"):
        return raw, DueDate("ongoing", None, first, flags)
    return raw, DueDate(read.kind, read.due_date, first, flags)
