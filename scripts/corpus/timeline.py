"""The held-out ``*-timeline`` shapes: plans that print *when* as a timeline instead of
a date column, a row of periods (financial or calendar years, quarters, halves,
months) with a mark under each period an action runs in.

Each plan table's date column gives way to three to five period columns; each action
row marks one period, a run of them, two with a gap, or none, and its gold record says
by hand what those periods are (the first day of the first, the last day of the last,
as ../shared/CANONICAL.md reads a Start and an End cell): never from the reader's own
date rules.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable
from datetime import date

from corpus.model import Document, Para, Table

Period = tuple[str, date, date]  # label as printed, first day, last day


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _financial_years(rng: random.Random, count: int) -> list[Period]:
    first = rng.randint(2008, 2015)
    sep = rng.choice(["/", "-"])
    return [(f"{y}{sep}{(y + 1) % 100:02d}", date(y, 4, 1), date(y + 1, 3, 31))
            for y in range(first, first + count)]


def _calendar_years(rng: random.Random, count: int) -> list[Period]:
    first = rng.randint(2009, 2016)
    return [(str(y), date(y, 1, 1), date(y, 12, 31)) for y in range(first, first + count)]


def _quarters(rng: random.Random, count: int) -> list[Period]:
    year, quarter = rng.randint(2010, 2016), rng.randint(1, 4)
    spelled = rng.choice(["Q{q} {y}", "Q{q} {y}", "Qtr {q} {y}"])
    out = []
    for _ in range(count):
        month = 3 * quarter - 2
        out.append((spelled.format(q=quarter, y=year), date(year, month, 1),
                    _last_day(year, month + 2)))
        quarter, year = (1, year + 1) if quarter == 4 else (quarter + 1, year)
    return out


def _halves(rng: random.Random, count: int) -> list[Period]:
    year, half = rng.randint(2010, 2016), rng.randint(1, 2)
    out = []
    for _ in range(count):
        month = 6 * half - 5
        out.append((f"H{half} {year}", date(year, month, 1), _last_day(year, month + 5)))
        half, year = (1, year + 1) if half == 2 else (2, year)
    return out


def _months(rng: random.Random, count: int) -> list[Period]:
    year, month = rng.randint(2010, 2016), rng.randint(1, 12)
    spelled = rng.choice(["{m} {y}", "{m}-{yy}", "{m} {yy}"])
    out = []
    for _ in range(count):
        label = spelled.format(m=calendar.month_abbr[month], y=year, yy=f"{year % 100:02d}")
        out.append((label, date(year, month, 1), _last_day(year, month)))
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return out


SCHEMES: list[Callable[[random.Random, int], list[Period]]] = [
    _financial_years, _calendar_years, _quarters, _halves, _months]
# marks a plan types under a period; PDFs are drawn in a font with ASCII alone
MARKS = ["X", "x", "✓", "●", "*", "Y", "✔"]
PDF_MARKS = ["X", "x", "*", "Y"]
# a table still printing one of these after its Start and End are taken is left as it is
_DATED = ("start", "end", "owner_due")


def _due(marked: list[int], periods: list[Period]) -> dict:
    """The gold due fields of a row whose marks stand under ``marked``."""
    if not marked:
        return {"due_raw": None, "due_kind": "none", "due_date": None, "due_start": None}
    first, last = marked[0], marked[-1]
    if len(marked) == 1:
        return {"due_raw": periods[first][0], "due_kind": "date",
                "due_date": periods[first][2].isoformat(), "due_start": None}
    if last - first + 1 == len(marked):
        return {"due_raw": f"{periods[first][0]} – {periods[last][0]}", "due_kind": "range",
                "due_date": periods[last][2].isoformat(),
                "due_start": periods[first][1].isoformat()}
    return {"due_raw": ", ".join(periods[i][0] for i in marked), "due_kind": "multiple",
            "due_date": periods[last][2].isoformat(), "due_start": None}


def _marks(rng: random.Random, count: int) -> list[int]:
    """Which periods a row marks: one, a run, two with a gap, or none."""
    shape = rng.random()
    if shape < 0.35:
        return [rng.randrange(count)]
    if shape < 0.8:
        length = rng.randint(2, min(3, count))
        start = rng.randrange(count - length + 1)
        return list(range(start, start + length))
    if shape < 0.9:
        first = rng.randrange(count - 2)
        return [first, rng.randint(first + 2, count - 1)]
    return []


def make_timeline(document: Document, rng: random.Random, pdf: bool = False) -> int:
    """Each plan table's date column (or its Start and End columns) made a timeline,
    cells and gold alike; returns
    the tables changed. Rows an owner and a date were swapped in print get their
    owner back (the date column is gone); rows are not split over a page break."""
    scheme = rng.choice(SCHEMES)
    periods = scheme(rng, rng.randint(3, 5))
    mark = rng.choice(PDF_MARKS if pdf else MARKS)
    dash = rng.random() < 0.3  # an unmarked period printed as a dash
    changed = 0
    for table in document.tables():
        due = _start_end_as_one(table) if table.column("due") is None else table.column("due")
        if due is None or any(role in table.roles for role in _DATED):
            continue
        _to_timeline(table, due, periods, mark, dash, rng)
        changed += 1
    return changed


def _start_end_as_one(table: Table) -> int | None:
    """A table printing Start and End side by side: the End column left out, so the
    timeline takes both their places (the Start column's index); else None."""
    start, end = table.column("start"), table.column("end")
    if start is None or end != start + 1:
        return None
    table.headers = [h for c, h in enumerate(table.headers) if c != end]
    table.roles = [r if c != start else "due" for c, r in enumerate(table.roles) if c != end]
    for row in table.rows:
        if row.full is None:
            row.cells = [cell for c, cell in enumerate(row.cells) if c != end]
            row.spans = {(c if c < end else c - 1): n for c, n in row.spans.items() if c != end}
    return start


def _to_timeline(table: Table, due: int, periods: list[Period], mark: str, dash: bool,
                 rng: random.Random) -> None:
    owner = table.column("owner")
    width = len(periods)
    # new lists: a layout's tables may share one list of headers and one of roles
    table.headers = [*table.headers[:due], *(label for label, _, _ in periods),
                     *table.headers[due + 1:]]
    table.roles = [*table.roles[:due], *["period"] * width, *table.roles[due + 1:]]
    table.group = None
    for row in table.rows:
        row.split = False
        if row.full is not None:
            continue
        cell = row.cells[due]
        swapped = any("columns_swapped" in g["flags"] for g in row.gold)
        if swapped and owner is not None:
            row.cells[owner] = cell  # the owner had been printed in the date column
        marked = _marks(rng, width) if row.gold else []
        row.cells[due:due + 1] = [[Para(mark)] if i in marked else
                                  ([Para("–")] if dash and row.gold else [])
                                  for i in range(width)]
        row.spans = {(c if c < due else c + width - 1): n for c, n in row.spans.items()
                     if c != due}
        for gold in row.gold:
            gold.update(_due(marked, periods))
            flags = [f for f in gold["flags"]
                     if not f.startswith("date_") and f != "columns_swapped"]
            gold["flags"] = flags + (["due_from_timeline"] if marked else [])
