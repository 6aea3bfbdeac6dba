"""Reader for Excel workbooks (``xlsx``; a macro-enabled ``.xlsm`` is the same
package), read with openpyxl into the blocks every reader gives.

Every visible sheet is read in the workbook's order; hidden and very hidden sheets,
hidden rows and hidden columns (a tracker's working columns, rows a filter hides)
are not printed, so not read. On a sheet, a run of rows is a table and a blank row
ends it (a table cut by one continues in the normaliser, as in a CSV: every table
of a sheet has the sheet's columns, those holding a value in some visible row);
outside a table a row with one filled cell is a paragraph (the plan's title, a
table's name, a section heading), a heading where its font is large or it reads as
one. A vertically merged cell's value holds for every row it covers (its column is
in ``Row.covered``, as Word's ``vMerge``); a horizontally merged one is its first
cell followed by empty ones (a spanning objective row, as Word's ``gridSpan``).
Values are read as Excel prints them (``xlsx_printed``): dates through their number
format, numbers without binary noise; a formula by the value Excel saved with it,
and one saved without a value (a workbook written by a script and never opened in a
spreadsheet) is empty, with a warning. A line break typed in a cell (Alt+Enter)
parts its paragraphs; bullet items and lines running on in lower case stay with
the paragraph above, as in a CSV field. Rich text is its characters.

Provenance: a row's ``line_start``/``line_end`` is its row number on its sheet (the
number Excel shows at the row's left) and its ``page_start``/``page_end`` its sheet's
number among the visible sheets, in tab order: a workbook's sheets are its pages,
and rows of two sheets keep their order by it (the normaliser orders rows by page,
then line).

openpyxl is used in its full mode, not read-only: read-only mode streams the cells
with flat memory but gives neither merged cells nor hidden rows and columns, which
a plan's reading depends on. Its memory is bounded before it parses by the
package guards (``guards.check_xlsx``: the declared unpacked sizes and the size of
each XML part, as for a .docx), and only the cells the file holds are visited
(never the empty grid up to a far-off formatted cell).
"""

from __future__ import annotations

import bisect
import posixpath
import re
import warnings as python_warnings
import zipfile
from io import BytesIO

# at the top: this module is imported only when a workbook is met (the registry loads
# readers lazily), and the fork server preloads it, openpyxl with it, for a run whose
# inputs hold workbooks (pipeline.preload), so no worker imports it again
from openpyxl import load_workbook

from planextract.extract.errors import ReaderError
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.parts import PartsBuilder
from planextract.extract.text.cell_labels import is_heading_line
from planextract.extract.text.cell_rows import HEADING_LEVEL
from planextract.extract.xlsx_printed import printed
from planextract.settings import DEFAULT, Settings, XlsxSettings

_RESAVE = "open it in Excel or LibreOffice Calc and save it again as .xlsx"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SHOWN_REFS = 5  # cells named in a warning; the rest counted
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s>/]")  # a formula element, whatever its prefix


def _open(data: bytes):
    """The workbook, its formulas' saved values in place of the formulas. Whatever
    openpyxl raises while it parses is the file's doing (the guards have already
    refused what costs without bound), so it is said as such."""
    try:
        with python_warnings.catch_warnings():
            python_warnings.simplefilter("ignore")  # extensions openpyxl skips
            return load_workbook(BytesIO(data), read_only=False, data_only=True,
                                 keep_links=False, keep_vba=False)
    except (MemoryError, RecursionError, ReaderError):
        raise
    except Exception as err:  # noqa: BLE001 - the file's damage, said as such
        raise ReaderError(f"the workbook (.xlsx) could not be read: it is damaged or was "
                          f"not written by a spreadsheet program ({type(err).__name__}: "
                          f"{err}); {_RESAVE}") from None


def cell_parts(text: str) -> tuple[str, ...]:
    """A cell's text as parts: each line typed in it a paragraph, unless it is a
    bullet item (an item of the part above) or starts in lower case (a sentence
    broken by hand, run on)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    builder = PartsBuilder()
    for line in text.split("\n"):
        stripped = line.lstrip()
        if builder.parts and stripped[:1].islower() and not _item_mark(stripped):
            builder.run_on(line)
        else:
            builder.paragraph(line)
    return builder.result()


def _item_mark(line: str) -> bool:
    """``a) ...``, ``ii. ...``: a lettered item, not a run-on sentence."""
    head, _, rest = line.partition(" ")
    return bool(rest) and len(head) >= 2 and head[-1] in ".)" and (
        len(head) == 2 or set(head[:-1]) <= set("ivx"))


def _style(cell, settings: XlsxSettings) -> tuple[str, int, bool, bool] | None:
    """A cell's number format code and id, and whether its font is bold and of a
    title's size; None where the workbook does not define them (openpyxl looks a
    style up only when asked, so a damaged styles part shows here)."""
    try:
        font = cell.font
        return (cell.number_format, cell._style.numFmtId, bool(font is not None and font.b),
                bool(font is not None and font.sz and font.sz >= settings.title_points))
    except (IndexError, KeyError):
        return None


class _Sheet:
    """One worksheet's visible values, as printed, and its merges."""

    def __init__(self, ws, settings: XlsxSettings) -> None:
        hidden_cols: set[int] = set()
        for dim in ws.column_dimensions.values():
            if dim.hidden and dim.min is not None:
                hidden_cols.update(range(dim.min, (dim.max or dim.min) + 1))
        hidden = {r for r, d in ws.row_dimensions.items() if d.hidden}
        self.values: dict[tuple[int, int], str] = {}
        self.bold: set[tuple[int, int]] = set()
        self.large: set[tuple[int, int]] = set()
        self.unstyled = 0  # cells naming a style the workbook does not define
        styles: dict[tuple[int, int], tuple[str, int, bool, bool] | None] = {}
        for (r, c), cell in ws._cells.items():  # only the cells the file holds
            if cell.value is None or r in hidden or c in hidden_cols:
                continue
            key = (cell._style.numFmtId, cell._style.fontId)
            if key not in styles:  # looked up once per style (a few a sheet)
                styles[key] = _style(cell, settings)
            style = styles[key]
            if style is None:  # a damaged styles part: the default style
                self.unstyled += 1
                style = ("General", 0, False, False)
            code, format_id, bold, large = style
            text = printed(cell.value, code, format_id, settings)
            if not text.strip():
                continue
            self.values[(r, c)] = text
            if bold:
                self.bold.add((r, c))
            if large:
                self.large.add((r, c))
        # merges: a value merged down holds for each row below it that has a value
        # of its own (``covered``); every row inside a merged block is no blank row
        # (``spans``, the blocks' row ranges), though one holding nothing is not read
        self.covered: dict[int, set[int]] = {}
        self.spans: list[tuple[int, int]] = []
        filled = sorted({r for r, _ in self.values})
        last = filled[-1] if filled else 0
        for merged in ws.merged_cells.ranges:
            if (merged.min_row, merged.min_col) not in self.values:
                continue
            end = min(merged.max_row, last)
            if end <= merged.min_row:
                continue
            self.spans.append((merged.min_row, end))
            lo = bisect.bisect_right(filled, merged.min_row)
            for r in filled[lo:bisect.bisect_right(filled, end)]:
                self.covered.setdefault(r, set()).add(merged.min_col)
        self.starts, self.ends = _union(self.spans)
        self.hidden = hidden

    def blank_between(self, above: int, below: int) -> bool:
        """Whether a row that is shown, holds nothing and lies in no merged block
        comes between two rows that hold values."""
        r = above + 1
        while r < below:
            if r in self.hidden:
                r += 1
                continue
            k = bisect.bisect_right(self.starts, r) - 1
            if k < 0 or self.ends[k] < r:
                return True
            r = self.ends[k] + 1
        return False


def _union(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and ends of the disjoint row ranges ``spans`` cover together."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1] + 1:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _heading(sheet: _Sheet, where: tuple[int, int], text: str, page: int) -> Paragraph:
    """A row of one filled cell outside a table: the plan's title where its font is
    large, else a heading where it is bold or reads as one."""
    bold = where in sheet.bold
    if where in sheet.large:
        level = 1
    elif bold or is_heading_line(text):
        level = HEADING_LEVEL
    else:
        level = 0
    return Paragraph(text=text, line=where[0], page=page, level=level, bold=bold)


def sheet_blocks(ws, settings: XlsxSettings, page: int = 1,
                 warnings: list[str] | None = None) -> list[Paragraph | Table]:
    """The paragraphs and tables of one worksheet, top to bottom; ``page``: the
    sheet's number among the visible ones."""
    sheet = _Sheet(ws, settings)
    if sheet.unstyled and warnings is not None:
        warnings.append(f"sheet {ws.title!r}: {sheet.unstyled:,} cell(s) name a style the "
                        "workbook does not define (it is damaged): read in the default "
                        "style, numbers and dates as General")
    columns = sorted({c for _, c in sheet.values})
    place = {c: k for k, c in enumerate(columns)}
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (r, c), text in sheet.values.items():
        by_row.setdefault(r, []).append((c, text))
    blocks: list[Paragraph | Table] = []
    rows: list[Row] = []
    shared: dict[str, Cell] = {}
    empty = Cell()
    previous = None
    for r in sorted(by_row):
        if rows and previous is not None and sheet.blank_between(previous, r):
            blocks.append(Table(rows=tuple(rows)))
            rows = []
        previous = r
        filled = sorted(by_row.get(r, ()))
        covered = tuple(sorted(place[c] for c in sheet.covered.get(r, ())))
        if not rows and len(filled) == 1 and not covered:
            column, text = filled[0]
            blocks.append(_heading(sheet, (r, column), " ".join(text.split()), page))
            continue
        cells = [empty] * len(columns)
        for c, text in filled:
            cell = shared.get(text)
            if cell is None:
                parts = cell_parts(text)
                cell = shared[text] = Cell(parts=parts, raw=text) if parts else empty
            cells[place[c]] = cell
        rows.append(Row(cells=tuple(cells), line_start=r, line_end=r, page_start=page,
                        page_end=page, covered=covered))
    if rows:
        blocks.append(Table(rows=tuple(rows)))
    return blocks


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part's path, from the workbook and its relationships."""
    from xml.etree.ElementTree import fromstring

    try:
        book = fromstring(archive.read("xl/workbook.xml"))
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, SyntaxError):
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PKG_REL}Relationship")}
    out = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        out[sheet.get("name", "")] = path
    return out


def unsaved_formulas(data: bytes, names: list[str]) -> dict[str, list[str]]:
    """Sheet name -> the cells (``B7``) of the sheets ``names`` holding a formula
    saved without its value: read as empty, as a spreadsheet would show them only
    after calculating. Looked for only in parts holding a formula at all."""
    from xml.etree.ElementTree import iterparse

    out: dict[str, list[str]] = {}
    with zipfile.ZipFile(BytesIO(data)) as archive:
        parts = _sheet_parts(archive)
        for name in names:
            path = parts.get(name)
            if not path or path not in archive.NameToInfo:
                continue
            raw = archive.read(path)
            if not _FORMULA.search(raw):
                continue
            for _event, element in iterparse(BytesIO(raw)):
                if element.tag != f"{_MAIN}c":
                    continue
                formula = element.find(f"{_MAIN}f")
                value = element.find(f"{_MAIN}v")
                if formula is not None and (value is None or not value.text) \
                        and element.get("t") != "inlineStr":
                    out.setdefault(name, []).append(element.get("r", "?"))
                element.clear()
    return out


def _formula_warnings(data: bytes, names: list[str]) -> list[str]:
    found = unsaved_formulas(data, names)
    out = []
    for name, refs in found.items():
        shown = ", ".join(refs[:_SHOWN_REFS]) + (f" and {len(refs) - _SHOWN_REFS:,} more"
                                                  if len(refs) > _SHOWN_REFS else "")
        out.append(f"sheet {name!r}: {len(refs):,} formula cell(s) saved without a value "
                   f"({shown}) read as empty; open the workbook in Excel or LibreOffice "
                   "Calc and save it again so their values are saved")
    return out


def _default_name(name: str) -> bool:
    """Excel's own name for a new sheet, in any language: a word and its number
    run together (``Sheet2``, ``Feuil1``, ``Tabelle3``), which names nothing."""
    stem = name.rstrip("0123456789")
    return stem != name and stem.isalpha()


def _named(name: str, blocks: list[Paragraph | Table], page: int) -> list[Paragraph | Table]:
    """A sheet's blocks under its name, a heading, where nothing is printed above
    its first table (the tab is the table's only label) and the name is not Excel's
    default one. A sheet with title or heading rows of its own keeps them alone."""
    name = " ".join(name.split())
    if not name or _default_name(name) or not blocks or not isinstance(blocks[0], Table):
        return blocks
    return [Paragraph(text=name, page=page, level=HEADING_LEVEL), *blocks]


def read_xlsx(data: bytes, settings: Settings = DEFAULT) -> RawDocument:
    """The workbook in ``data``: each visible sheet's blocks in order. Where two or
    more sheets hold a table (a table per strand, the plan and its key), a sheet
    whose table has nothing printed above it is headed by its name: the tab is
    then the only place the table's heading is printed."""
    book = _open(data)
    blocks: list[Paragraph | Table] = []
    shown = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    warnings: list[str] = []
    read = [(ws.title, sheet_blocks(ws, settings.xlsx, page, warnings))
            for page, ws in enumerate(shown, start=1)]
    tabled = sum(any(isinstance(b, Table) for b in sheet) for _, sheet in read)
    for page, (name, sheet) in enumerate(read, start=1):
        blocks.extend(_named(name, sheet, page) if tabled >= 2 else sheet)
    warnings += _formula_warnings(data, [ws.title for ws in shown])
    return RawDocument(source_format="xlsx", blocks=blocks, warnings=warnings)
