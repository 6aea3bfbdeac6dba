"""The dataset in the formats analysts already use: xlsx, CSV and JSON Lines.

Spreadsheet cells hold one value each: lists are joined with ``; ``, the
``extra`` map as ``header: value`` pairs joined the same way, dates stay dates
(Excel date cells, ISO ``YYYY-MM-DD`` in CSV). JSON Lines keeps the types
(lists as arrays, ``extra`` as an object, dates as ISO strings).

Cells come from strangers' files, so none may run as a formula where the export is
opened (issue 10, "CSV injection"): in CSV a text cell starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading ``'``, which spreadsheets
read as "this is text" (OWASP's advice); xlsx cells are written as strings, which
Excel never evaluates. JSON Lines keeps every value as it is, for programs.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import xlsxwriter

from planextract.report.dataset import Dataset
from planextract.settings import DEFAULT, ReportSettings

LIST_SEPARATOR = "; "
EXCEL_MAX_CHARS = 32767  # Excel's limit for one cell's text
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")  # Excel refuses these (' only at the ends)


def _map_columns(table: pa.Table) -> set[str]:
    return {f.name for f in table.schema if pa.types.is_map(f.type)}


def cell(value: object, is_map: bool = False) -> object:
    """One value as a spreadsheet cell: lists joined, a map (pyarrow gives its
    ``(key, value)`` pairs) as ``key: value`` pairs joined the same way."""
    if is_map:
        return LIST_SEPARATOR.join(f"{k}: {v}" for k, v in value or [])
    if isinstance(value, list):
        return LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    return value


def flat_rows(table: pa.Table) -> list[dict]:
    """The table's rows with every value a scalar (see ``cell``)."""
    maps = _map_columns(table)
    return [{k: cell(v, k in maps) for k, v in row.items()} for row in table.to_pylist()]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    """A text cell a spreadsheet would take for a formula, made plain text by a
    leading apostrophe; numbers, dates and other text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def write_jsonl(table: pa.Table, path: Path) -> int:
    """One JSON object a row, UTF-8; returns the rows written."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        maps = _map_columns(table)
        for row in table.to_pylist():
            plain = {k: dict(v or []) if k in maps else _plain(v) for k, v in row.items()}
            out.write(json.dumps(plain, ensure_ascii=False))
            out.write("\n")
    return table.num_rows


def write_csv(table: pa.Table, path: Path, bom: bool = False) -> int:
    """CSV in UTF-8 (with a byte-order mark when ``bom``, which Excel needs to read
    UTF-8); dates as ISO text; text cells made inert (see ``inert``); returns the
    rows written."""
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=table.column_names)
        writer.writeheader()
        for row in flat_rows(table):
            writer.writerow({k: inert(_plain(v)) for k, v in row.items()})
    return table.num_rows


def sheet_names(wanted: Iterable[str], reserved: Iterable[str] = ()) -> list[str]:
    """Valid, distinct Excel sheet names for ``wanted``, in order: characters Excel
    refuses (and apostrophes, refused at either end) replaced, at most 31 characters,
    distinct ignoring case (as Excel compares them) from each other and from
    ``reserved``, by a ``~2`` suffix."""
    taken = {r.casefold() for r in reserved}
    names = []
    for name in wanted:
        base = _SHEET_FORBIDDEN.sub("_", name).strip() or "sheet"
        candidate, n = base[:31], 1
        while candidate.casefold() in taken:
            n += 1
            suffix = f"~{n}"
            candidate = base[:31 - len(suffix)] + suffix
        taken.add(candidate.casefold())
        names.append(candidate)
    return names


def _sheet_label(source: str, table: str | None) -> str:
    stem = Path(source).name
    return f"{stem} {table}" if table else stem


def document_tables(data: Dataset) -> list[tuple[str, pa.Table]]:
    """The actions split by (document, table), in dataset order, each with its label."""
    groups: dict[tuple[str, str | None], list[int]] = {}
    for i, (doc, name) in enumerate(zip(data.actions.column("doc_id").to_pylist(),
                                        data.actions.column("table").to_pylist())):
        groups.setdefault((doc, name), []).append(i)
    sources = dict(zip(data.documents.column("doc_id").to_pylist(),
                       data.documents.column("source").to_pylist()))
    actions_sources = data.actions.column("source").to_pylist()
    return [(_sheet_label(sources.get(doc) or actions_sources[rows[0]], name),
             data.actions.take(pa.array(rows)))
            for (doc, name), rows in groups.items()]


class _Sheets:
    """Writes one table per worksheet: header frozen and filterable, widths set."""

    def __init__(self, book: xlsxwriter.Workbook, settings: ReportSettings) -> None:
        self.book = book
        self.settings = settings
        self.header = book.add_format({"bold": True, "bg_color": "#EEF1F5", "border": 1})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.truncated = 0

    def write(self, name: str, table: pa.Table) -> None:
        sheet = self.book.add_worksheet(name)
        columns = table.column_names
        widths = [len(c) for c in columns]
        for col, title in enumerate(columns):
            sheet.write_string(0, col, title, self.header)
        for r, row in enumerate(flat_rows(table), start=1):
            for col, key in enumerate(columns):
                value = row[key]
                if value is None:
                    continue
                if isinstance(value, dt.datetime):
                    sheet.write_datetime(r, col, value, self.date)
                    width = 19
                elif isinstance(value, dt.date):
                    sheet.write_datetime(r, col, dt.datetime.combine(value, dt.time()),
                                         self.date)
                    width = 10
                elif isinstance(value, bool):
                    sheet.write_boolean(r, col, value)
                    width = 5
                elif isinstance(value, (int, float)):
                    sheet.write_number(r, col, value)
                    width = len(str(value))
                else:
                    text = str(value)
                    if len(text) > EXCEL_MAX_CHARS:
                        text, self.truncated = text[:EXCEL_MAX_CHARS], self.truncated + 1
                    # write_string, never write(): a cell starting "=" stays text, not a formula
                    sheet.write_string(r, col, text)
                    width = max((len(line) for line in text.splitlines()), default=0)
                widths[col] = max(widths[col], width)
        for col, width in enumerate(widths):
            width = min(max(width + 2, self.settings.xlsx_min_width), self.settings.xlsx_max_width)
            sheet.set_column(col, col, width,
                             self.wrap if width == self.settings.xlsx_max_width else None)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(table.num_rows, 1), max(len(columns) - 1, 0))


def write_xlsx(data: Dataset, path: Path, settings: ReportSettings = DEFAULT.report) -> int:
    """A workbook with a ``documents`` sheet, then one sheet per document table, then
    ``glossary`` and ``roles``; returns the action rows written."""
    tables = document_tables(data)
    reserved = ["documents", "glossary", "roles"]
    names = sheet_names([label for label, _ in tables], reserved=reserved)
    with xlsxwriter.Workbook(str(path)) as book:
        sheets = _Sheets(book, settings)
        sheets.write("documents", data.documents)
        for name, (_, table) in zip(names, tables):
            sheets.write(name, table)
        sheets.write("glossary", data.glossary)
        sheets.write("roles", data.roles)
    return data.actions.num_rows
