"""``xlsx`` (a held-out shape, round three, ``corpus.shapes``): the plan as an Excel
tracker, written with XlsxWriter from the printed values.

- the organisation and the plan's name as large bold title rows, headings as bold
  rows, prose as one-cell rows;
- each table under its header (a two-row header's group label merged across its
  columns, the other labels merged down over both rows), objective rows merged
  across the table, one owner merged down over a run of actions
  (``shapes.merge_owners``), a blank row after it;
- cells holding several paragraphs (stacked numbered actions, bullet items, owners
  one a line) as lines typed with Alt+Enter in a wrapped cell;
- a due, start or end cell printing a whole date as a real Excel date (a serial
  number) under a number format that prints it as the plan does (``31/03/2012``:
  ``dd/mm/yyyy`` or the built-in short date; ``Jan-13``: ``mmm-yy``; ``30 June
  2013``: ``d mmmm yyyy``...), a bare year as a number; what no format prints so
  (``Sept 2012``, ``31.6.10``, ``Q3 2011/12``) stays text, as typed;
- action numbers that Excel would take as numbers (``3``, ``1.2``) as numbers;
- a hidden working column in each plan table (a sort key, a lookup), rows hidden in
  some tables (a withdrawn action kept for the record), never in the gold; a hidden
  sheet of drop-down lists;
- titles merged across the table in some plans; the first table's header frozen and
  filtered (an autofilter) in some;
- the key of abbreviations on a sheet of its own, or above the plan in its sheet;
- in some plans of one table per heading (a table per strand), each table on a sheet
  of its own named by its heading, the heading printed above it or only on the tab.

The gold is the document's, written from the printed values: a cell prints as
typed, a date as its format prints it.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import xlsxwriter

from corpus.model import Cell, Document, Heading, Key, Table, Text

GLYPH = {"list": "• ", "glyph": "• ", "dash": "- ", "": ""}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ABBR = [m[:3] for m in MONTHS]
_M = "|".join(MONTHS)
_A = "|".join(ABBR)
SHORT_DATE = 14  # Excel's built-in short date: a UK Excel prints it dd/mm/yyyy

# a printed date -> (how to read its parts, the number formats printing it so)
DATE_SHAPES = [
    (re.compile(r"^(\d{2})/(\d{2})/(\d{4})$"), "dmy", ["dd/mm/yyyy", SHORT_DATE]),
    (re.compile(r"^(\d)/(\d{2})/(\d{4})$"), "dmy", ["d/mm/yyyy"]),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})$"), "dmy2", ["d.m.yy"]),
    (re.compile(rf"^(\d{{1,2}}) ({_M}) (\d{{4}})$"), "dMy", ["d mmmm yyyy"]),
    (re.compile(rf"^({_M}) (\d{{4}})$"), "My", ["mmmm yyyy"]),
    (re.compile(rf"^({_M}) (\d{{2}})$"), "My2", ["mmmm yy"]),
    (re.compile(rf"^({_A}) (\d{{4}})$"), "My", ["mmm yyyy"]),
    (re.compile(rf"^(\d{{2}})-({_A})-(\d{{2}})$"), "dMy2", ["dd-mmm-yy"]),
    (re.compile(rf"^({_A})-(\d{{2}})$"), "My2", ["mmm-yy"]),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "ymd", ["yyyy-mm-dd"]),
    (re.compile(rf"^({_M}) (\d{{1,2}}), (\d{{4}})$"), "Mdy", ["mmmm d, yyyy"]),
]
_YEAR = re.compile(r"^(19|20)\d\d$")
# a number Excel takes as one and prints back the same under General
_NUMBER = re.compile(r"^[1-9]\d{0,3}(?:\.\d{0,2}[1-9])?$")
WORKING = ["Sort", "Lookup", "Calc", "Helper", "Row key"]
LIST_SHEETS = ["Lists", "Dropdowns", "Data validation"]
PLAN_SHEETS = ["Action plan", "Plan", "Actions", "Tracker"]
KEY_SHEETS = ["Key", "Abbreviations", "Glossary"]


def _month(name: str) -> int:
    return next(k for k, m in enumerate(MONTHS, start=1) if m.startswith(name[:3]))


def as_date(text: str) -> tuple[dt.datetime, list] | None:
    """The date a printed date stores and the formats printing it back so, or None
    (not a whole date, or one no calendar has)."""
    for pattern, order, formats in DATE_SHAPES:
        found = pattern.match(text)
        if not found:
            continue
        g = found.groups()
        try:
            if order == "dmy":
                day, month, year = int(g[0]), int(g[1]), int(g[2])
            elif order == "dmy2":
                day, month, year = int(g[0]), int(g[1]), 2000 + int(g[2])
            elif order == "dMy":
                day, month, year = int(g[0]), _month(g[1]), int(g[2])
            elif order == "dMy2":
                day, month, year = int(g[0]), _month(g[1]), 2000 + int(g[2])
            elif order == "My":
                day, month, year = 1, _month(g[0]), int(g[1])
            elif order == "My2":
                day, month, year = 1, _month(g[0]), 2000 + int(g[1])
            elif order == "Mdy":
                day, month, year = int(g[1]), _month(g[0]), int(g[2])
            else:
                year, month, day = int(g[0]), int(g[1]), int(g[2])
            return dt.datetime(year, month, day), formats
        except ValueError:
            return None
    return None


def _plain(cell: Cell | None) -> str:
    return "\n".join(GLYPH[p.bullet] + p.text for p in cell or [])


class _Writer:
    def __init__(self, book: xlsxwriter.Workbook, rng: random.Random) -> None:
        self.book = book
        self.rng = rng
        self.formats: dict[object, object] = {}
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.bold = book.add_format({"bold": True})
        self.header = book.add_format({"bold": True, "text_wrap": True, "valign": "top",
                                       "bg_color": "#D9E1F2", "border": 1})
        self.merged = book.add_format({"text_wrap": True, "valign": "top", "border": 1})

    def date_format(self, code):
        if code not in self.formats:
            self.formats[code] = self.book.add_format({"num_format": code, "valign": "top",
                                                      "align": "left"})
        return self.formats[code]

    def period(self, sheet, r: int, c: int, label: str) -> None:
        """A timeline's period in the header as a tracker types it: a year a number,
        a month a real date under a format printing it back (``Apr-12``), else text."""
        found = as_date(label)
        if _YEAR.match(label):
            sheet.write_number(r, c, int(label), self.header)
        elif found and found[0].day == 1:
            code = self.rng.choice(found[1])
            if ("period", code) not in self.formats:
                self.formats[("period", code)] = self.book.add_format(
                    {"bold": True, "num_format": code, "bg_color": "#D9E1F2", "border": 1})
            sheet.write_datetime(r, c, found[0], self.formats[("period", code)])
        else:
            sheet.write_string(r, c, label, self.header)

    def put(self, sheet, r: int, c: int, role: str, cell: Cell | None) -> None:
        """One cell as a plan's author would have typed it."""
        text = _plain(cell)
        if not text:
            return
        if role in ("due", "start", "end") and "\n" not in text:
            found = as_date(text)
            if found:
                stamp, formats = found
                sheet.write_datetime(r, c, stamp, self.date_format(self.rng.choice(formats)))
                return
            if _YEAR.match(text):
                sheet.write_number(r, c, int(text))
                return
        if role == "id" and _NUMBER.match(text):
            sheet.write_number(r, c, float(text) if "." in text else int(text))
            return
        sheet.write_string(r, c, text, self.wrap if "\n" in text else None)


def _table(w: _Writer, sheet, row: int, table: Table, hidden_at: int | None) -> int:
    """Write ``table`` from ``row``; returns the next free row (after a blank one).
    ``hidden_at``: the sheet's hidden working column, the table's columns around it."""
    columns = list(range(len(table.headers)))
    if hidden_at is not None and hidden_at > len(columns):
        hidden_at = None  # the table stops before it
    if hidden_at is not None:  # the working column shifts the ones after it
        place = [c if c < hidden_at else c + 1 for c in columns]
    else:
        place = columns
    width = len(columns) + (hidden_at is not None)
    header = table.header_rows()
    if len(header) == 2:
        first, count, label = table.group
        sheet.merge_range(row, place[first], row, place[first + count - 1], label, w.header)
        for c in columns:
            if not table.grouped(c):
                sheet.merge_range(row, place[c], row + 1, place[c], table.headers[c], w.header)
            else:
                sheet.write_string(row + 1, place[c], table.headers[c], w.header)
    else:
        for c in columns:
            if table.roles[c] == "period":
                w.period(sheet, row, place[c], table.headers[c])
            else:
                sheet.write_string(row, place[c], table.headers[c], w.header)
    if hidden_at is not None:
        sheet.write_string(row, hidden_at, w.rng.choice(WORKING), w.header)
    top = row
    row += len(header)
    if w.rng.random() < 0.3 and table.roles != ["rag", "meaning"]:
        sheet.freeze_panes(row, 0)
        filtered = True
    else:
        filtered = False
    merged_to = 0  # the row a merge down in this table runs to
    withdrawn = w.rng.random() < 0.4
    for index, printed in enumerate(table.rows):
        if printed.full is not None:
            sheet.merge_range(row, 0, row, width - 1, printed.full, w.bold)
            row += 1
            continue
        if withdrawn and row > merged_to and w.rng.random() < 0.25:
            _withdrawn(w, sheet, row, table, place)
            row += 1
        for c in columns:
            span = printed.spans.get(c, 1)
            if printed.cells[c] is None:
                continue
            if span > 1:
                sheet.merge_range(row, place[c], row + span - 1, place[c],
                                  _plain(printed.cells[c]), w.merged)
                merged_to = max(merged_to, row + span - 1)
            else:
                w.put(sheet, row, place[c], table.roles[c], printed.cells[c])
        if hidden_at is not None:
            sheet.write_formula(row, hidden_at, f"=ROW()*10+{index}", None, (row + 1) * 10 + index)
        row += 1
    if filtered:
        sheet.autofilter(top + len(header) - 1, 0, row - 1, width - 1)
    return row + 1


def _withdrawn(w: _Writer, sheet, row: int, table: Table, place: list[int]) -> None:
    """A hidden row: an action withdrawn and kept for the record, not in the plan."""
    for c, role in enumerate(table.roles):
        text = {"action": "Withdrawn: merged into the next action", "owner": "n/a",
                "id": "x", "due": "n/a"}.get(role)
        if text:
            sheet.write_string(row, place[c], text)
    sheet.set_row(row, None, None, {"hidden": True})


_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(text: str, taken: set[str]) -> str:
    """A heading as an author names a sheet after it: Excel allows no ``:`` and 31
    characters, so what follows a label's colon (``Strand: Disability``), cut at a
    word; unique."""
    text = " ".join(_NOT_IN_NAMES.sub(" ", text.rsplit(":", 1)[-1]).split())
    name = text if len(text) <= 31 else text[:31].rsplit(" ", 1)[0]
    while name.lower() in taken:
        name = name[:28].rstrip() + f" {len(taken)}"
    taken.add(name.lower())
    return name


def _tabbed(document: Document) -> set[int]:
    """The positions of the headings that each title one table right below them, in
    a plan of two or more such (a table per strand)."""
    blocks = document.blocks
    found = {k for k, b in enumerate(blocks[:-1])
             if isinstance(b, Heading) and b.level == 2 and isinstance(blocks[k + 1], Table)}
    return found if len(found) >= 2 and max(found) + 2 == len(blocks) else set()


def write(document: Document, path: Path, rng: random.Random) -> None:
    book = xlsxwriter.Workbook(str(path))
    w = _Writer(book, rng)
    taken: set[str] = set()
    plan = book.add_worksheet(_sheet_name(rng.choice(PLAN_SHEETS), taken))
    tabs = _tabbed(document) if rng.random() < 0.5 else set()
    tab_heading = rng.random() < 0.5  # the heading also printed above its table
    merge_titles = rng.random() < 0.5
    keys = [b for b in document.blocks if isinstance(b, Key)]
    key_sheet = keys and rng.random() < 0.6
    key_name = _sheet_name(rng.choice(KEY_SHEETS), taken)
    lists_name = _sheet_name(rng.choice(LIST_SHEETS), taken)
    widest = max(len(t.headers) for t in document.tables())
    plan.set_column(0, widest, 22)
    # one working column for the sheet (hiding a column hides it in every table),
    # right of the key's two columns
    hidden = rng.randrange(2, widest + 1) if rng.random() < 0.8 else None
    if hidden is not None:
        plan.set_column(hidden, hidden, None, None, {"hidden": True})
    row = 0
    sheet = plan
    for at, block in enumerate(document.blocks):
        if at in tabs:  # a sheet of its own for this heading's table
            sheet = book.add_worksheet(_sheet_name(block.text, taken))
            sheet.set_column(0, widest, 22)
            if hidden is not None:
                sheet.set_column(hidden, hidden, None, None, {"hidden": True})
            row = 0
            if tab_heading:
                sheet.write_string(row, 0, block.text, w.bold)
                row += 1
            continue
        plan = sheet
        if isinstance(block, Heading):
            if block.level == 1 and merge_titles:
                plan.merge_range(row, 0, row, widest - 1, block.text, w.title)
            elif block.level == 1:
                plan.write_string(row, 0, block.text, w.title)
            else:
                plan.write_string(row, 0, block.text, w.bold)
            row += 1
        elif isinstance(block, Text):
            plan.write_string(row, 0, block.text)
            row += 1
        elif isinstance(block, Key):
            if key_sheet:
                continue
            plan.write_string(row, 0, block.heading, w.bold)
            row += 1
            for abbreviation, expansion in block.entries:
                plan.write_string(row, 0, abbreviation)
                plan.write_string(row, 1, expansion)
                row += 1
            row += 1
        elif isinstance(block, Table):
            if row and not _blank_before(document, block) and rng.random() < 0.5:
                row += 1
            row = _table(w, plan, row, block, hidden)
    if key_sheet:  # after the plan's sheets
        sheet = book.add_worksheet(key_name)
        sheet.write_string(0, 0, keys[0].heading, w.bold)
        for n, (abbreviation, expansion) in enumerate(keys[0].entries, start=2):
            sheet.write_string(n, 0, abbreviation)
            sheet.write_string(n, 1, expansion)
        sheet.set_column(1, 1, 40)
    lists = book.add_worksheet(lists_name)  # the drop-down lists, hidden
    for n, value in enumerate(["Red", "Amber", "Green", "Complete", "Not started"]):
        lists.write_string(n, 0, value)
    lists.hide()
    book.close()


def _blank_before(document: Document, table: Table) -> bool:
    """Whether the block before ``table`` already ends with a blank row (a table or
    a key written above it)."""
    blocks = document.blocks
    at = next(k for k, b in enumerate(blocks) if b is table)
    return at > 0 and isinstance(blocks[at - 1], Table | Key)
