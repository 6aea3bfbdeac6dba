"""Reader for OpenDocument text plans (``odt``: a LibreOffice Writer ``.odt``, or the
flat XML ``.fodt``), on ``content.xml`` and ``styles.xml`` read with lxml.

Read as the Word reader reads a ``.docx``, so a plan saved either way reads the
same: tables keep their grid (a cell spanning columns is followed by empty cells,
``number-columns-spanned``; one spanning rows is empty below its first row, its
column in ``Row.covered``, as Word's ``vMerge``); the rows of
``table:table-header-rows`` are the repeated header (``header_rows``); a table
nested in a cell is lines of that cell, and a layout table's cells are read as if
they stood outside (``docx_text.layout``). List numbers (not in the text) are drawn
from the list styles (``odf_styles``); bullet items join the cell's part before
them, and outside tables are paragraphs marked ``item``. Headings are ``text:h``
and paragraphs of a heading style; bold is a bold span or paragraph style.
``text:s``, ``text:tab`` and ``text:line-break`` print a space, a TAB and a line
break (two or more TAB-separated paragraphs in a row are a table, as in Word).
Tracked changes are read as accepted (the deleted text lives in
``text:tracked-changes``, never read); notes and comments are no part of the
text; a frame's text box reads as blocks after its anchoring paragraph.

Provenance: where LibreOffice wrote its soft page breaks (``text:soft-page-break``,
where its layout broke the pages when the file was saved), each paragraph and row
gets the page it starts on and a row the page it ends on; without them, none (as
a ``.docx``, whose pages only Word's layout knows).
"""

from __future__ import annotations

from planextract.extract import docx_text
from planextract.extract.errors import ReaderError
from planextract.extract.header_rows import settle_header, title_text
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.odf_package import OFFICE, open_parts
from planextract.extract.odf_styles import TEXT, OdfStyles, as_int
from planextract.extract.odt_tables import (
    adopt_loext,
    boxes_in,
    nested,
    split_joined,
    table_rows,
    unnest_adjacent,
)
from planextract.extract.printed import BULLET_GLYPHS, DASH_BULLET, GLYPH_BULLET
from planextract.extract.tab_rows import TabbedRun
from planextract.settings import DEFAULT, Limits, Settings

_TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_P, _H, _LIST, _SPAN = f"{TEXT}p", f"{TEXT}h", f"{TEXT}list", f"{TEXT}span"
_ITEM, _LIST_HEADER = f"{TEXT}list-item", f"{TEXT}list-header"
_S, _TAB, _BREAK, _SOFT = f"{TEXT}s", f"{TEXT}tab", f"{TEXT}line-break", f"{TEXT}soft-page-break"
_NUMBER, _STYLE_NAME = f"{TEXT}number", f"{TEXT}style-name"
_TABLE, _ROW, _CELL = f"{_TABLE_NS}table", f"{_TABLE_NS}table-row", f"{_TABLE_NS}table-cell"
_COVERED, _HEADER_ROWS = f"{_TABLE_NS}covered-table-cell", f"{_TABLE_NS}table-header-rows"
_ROW_GROUPS = frozenset({f"{_TABLE_NS}table-rows", f"{_TABLE_NS}table-row-group"})
# not printed: notes (footnotes, endnotes), comments, tracked deletions' marks, ruby
# annotations, hidden text and the tracked changes' store
_SKIPPED = frozenset({f"{TEXT}note", f"{OFFICE}annotation", f"{OFFICE}annotation-end",
                      f"{TEXT}change", f"{TEXT}tracked-changes", f"{TEXT}ruby-text",
                      f"{TEXT}hidden-text", f"{TEXT}hidden-paragraph"})
# blocks holding paragraphs and tables, looked through
_SECTIONS = frozenset({f"{TEXT}section", f"{TEXT}index-body", f"{TEXT}table-of-content",
                       f"{TEXT}alphabetical-index", f"{TEXT}illustration-index",
                       f"{TEXT}table-index", f"{TEXT}object-index", f"{TEXT}user-index",
                       f"{TEXT}bibliography", f"{TEXT}change-start"})
_EMPTY = Cell()
_BULLET_FIRST = frozenset(BULLET_GLYPHS + "-–o")
_WHITE = str.maketrans("\n\r\t", "   ")  # ODF's whitespace in text: a space each


class _Reader:
    def __init__(self, content, styles, limits: Limits) -> None:
        self.styles = OdfStyles([r for r in (styles, content) if r is not None])
        body = content.find(f"{OFFICE}body")
        self.body = body.find(f"{OFFICE}text") if body is not None else None
        if self.body is None:
            raise ReaderError("the OpenDocument file holds no text body (office:text): it "
                              "is not a text document or it is damaged; open it in "
                              "LibreOffice Writer and save it again as .odt")
        self.limits = limits
        adopt_loext(self.body)
        unnest_adjacent(self.body)
        split_joined(self.body)
        self.paged = next(self.body.iter(_SOFT), None) is not None
        self.page = 1

    def where(self) -> int | None:
        return self.page if self.paged else None

    # -- the flow of blocks -------------------------------------------------------
    def flow(self, container):
        """(element, list kind, number drawn) for each paragraph, heading, table and
        drawing of ``container`` in reading order; lists and sections looked
        through, soft page breaks counted as they are passed."""
        for child in container:
            tag = child.tag
            if tag in (_P, _H, _TABLE):
                yield child, None, None
            elif tag == _LIST:
                yield from self.list_flow(child, 0, None)
            elif tag == _SOFT:
                self.page += 1
            elif tag in _SECTIONS:
                yield from self.flow(child)
            elif isinstance(tag, str) and tag.startswith(_DRAW):
                yield child, None, None

    def list_flow(self, lst, depth: int, inherited: str | None):
        """A list's paragraphs, each item's first with its bullet or number; a list
        not said to continue the one before restarts its numbering."""
        style = lst.get(_STYLE_NAME) or inherited
        if depth == 0 and style and lst.get(f"{TEXT}continue-numbering") != "true" \
                and lst.get(f"{TEXT}continue-list") is None:
            self.styles.restart(style)
        for item in lst:
            if item.tag == _SOFT:
                self.page += 1
                continue
            if item.tag not in (_ITEM, _LIST_HEADER):
                continue
            labelled = item.tag == _ITEM
            start = item.get(f"{TEXT}start-value")
            for child in item:
                tag = child.tag
                if tag in (_P, _H):
                    if labelled:
                        listed = style or self.styles.list_of(child.get(_STYLE_NAME))
                        kind, number = self.styles.label(
                            listed, depth, as_int(start, 1) if start is not None else None)
                        labelled = False
                        yield child, kind, number
                    else:
                        yield child, None, None
                elif tag == _LIST:
                    labelled = False
                    yield from self.list_flow(child, depth + 1, style)
                elif tag == _TABLE:
                    yield child, None, None
                elif tag == _SOFT:
                    self.page += 1

    # -- a paragraph's text ---------------------------------------------------------
    def gather(self, element, bold: bool | None, out: list, boxes: list, numbers: list) -> None:
        """The printed characters of ``element`` as (characters, bold) pieces; text
        boxes anchored in it into ``boxes``, a list number LibreOffice printed
        (``text:number``) into ``numbers``."""
        if element.text:
            out.append((element.text.translate(_WHITE), bold))
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                pass
            elif tag == _SPAN:
                own = self.styles.is_bold(child.get(_STYLE_NAME))
                self.gather(child, bold if own is None else own, out, boxes, numbers)
            elif tag == _S:
                out.append((" ", bold))  # spaces are collapsed: one stands for any count
            elif tag == _TAB:
                out.append(("\t", bold))
            elif tag == _BREAK:
                out.append(("\n", bold))
            elif tag == _SOFT:
                self.page += 1
            elif tag == _NUMBER:
                numbers.append(" ".join("".join(child.itertext()).split()))
            elif tag.startswith(_DRAW):
                boxes.extend(boxes_in(child))
            else:  # links, fields, metadata, bookmarks: their text is printed
                self.gather(child, bold, out, boxes, numbers)
            if child.tail:
                out.append((child.tail.translate(_WHITE), bold))

    def read_p(self, p, kind: str | None, number: str | None, lines: bool = False):
        """(text, kind, printed characters, bold, text boxes) of a paragraph:
        numbers drawn by the list are put in front of its text; a paragraph typed
        with a literal bullet glyph or dash is a bullet item, its glyph removed."""
        out: list[tuple[str, bool | None]] = []
        boxes: list = []
        numbers: list[str] = []
        self.gather(p, self.styles.is_bold(p.get(_STYLE_NAME), direct=True), out, boxes, numbers)
        printed = "".join(piece for piece, _ in out)
        inked = [b for piece, b in out if piece.strip()]
        bold = bool(inked) and all(inked)
        text = docx_text.lines_of(printed) if lines and "\n" in printed else \
            " ".join(printed.split())
        if numbers and numbers[0]:
            kind, number = "number", numbers[0]
        if kind is None:
            if text[:1] in _BULLET_FIRST and (GLYPH_BULLET.match(text) or DASH_BULLET.match(text)):
                text = DASH_BULLET.sub("", GLYPH_BULLET.sub("", text, count=1), count=1)
                kind = "bullet"
        elif kind == "number" and number and not text.startswith(number.rstrip(".")):
            text = f"{number} {text}"
        return text, kind, printed, bold, boxes

    def level(self, p) -> int:
        style = p.get(_STYLE_NAME)
        if p.tag == _H:
            return as_int(p.get(f"{TEXT}outline-level"), 0) or self.styles.level(style) or 1
        return self.styles.level(style)

    # -- cells and tables ---------------------------------------------------------------
    def cell_parts(self, container) -> tuple[str, ...]:
        """A cell's paragraphs as parts; bullet items join the part before them, a
        nested table's rows are lines of the part, a text box's paragraphs parts."""
        parts: list[list[str]] = []
        for child, kind, number in self.flow(container):
            if child.tag == _TABLE:
                for row in self.rows(child)[1]:
                    line = " | ".join(c.text.replace("\n", " ") for c in row.cells
                                      if not c.empty)
                    if line:
                        if not parts:
                            parts.append([])
                        parts[-1].append(line)
                continue
            if child.tag not in (_P, _H):
                parts.extend([part] for box in boxes_in(child)
                             for part in self.cell_parts(box))
                continue
            text, kind, _printed, _bold, boxes = self.read_p(child, kind, number, lines=True)
            if text:
                if kind == "bullet" and parts:
                    parts[-1].append(text)
                else:
                    parts.append([text])
            for box in boxes:
                parts.extend([part] for part in self.cell_parts(box))
        return tuple("\n".join(lines) for lines in parts)

    def rows(self, table) -> tuple[int, list[Row]]:
        """(rows marked as the repeated header, the table's rows on its grid)."""
        out: list[Row] = []
        marked = [0]
        down: dict[int, list] = {}  # column -> [rows still covered, the span's first column]
        self._rows(table, out, marked, down)
        return marked[0], out

    def _rows(self, holder, out: list[Row], marked: list[int], down: dict) -> None:
        for child in holder:
            tag = child.tag
            if tag == _ROW:
                repeat = max(1, as_int(child.get(f"{_TABLE_NS}number-rows-repeated"), 1))
                start = self.where()
                row = self.row(child, down)
                row = Row(cells=row.cells, covered=row.covered, page_start=start,
                          page_end=self.where())
                if all(c.empty for c in row.cells):
                    repeat = 1  # blank rows repeated (a spreadsheet's tail): one says it
                repeat = min(repeat, self.limits.max_table_rows + 1 - len(out))
                out.extend(row for _ in range(max(repeat, 0)))
            elif tag == _HEADER_ROWS:
                leading = not out  # the repeated header: the rows the table opens with
                self._rows(child, out, marked, down)
                if leading:
                    marked[0] = len(out)
            elif tag in _ROW_GROUPS:
                self._rows(child, out, marked, down)
            elif tag == _SOFT:
                self.page += 1

    def row(self, tr, down: dict) -> Row:
        cells: list[Cell] = []
        covered: list[int] = []
        across = 0  # columns still to come that a cell of this row spans
        made: set[int] = set()
        width = self.limits.max_columns + 1
        # a row running onto the next page breaks in each of its cells: the row ends
        # on the page its longest cell ends on, not one page further for each cell
        start, most = self.page, 0
        for tc in tr:
            tag = tc.tag
            if tag == _SOFT:
                start += 1
                continue
            if tag not in (_CELL, _COVERED):
                continue
            repeat = max(1, as_int(tc.get(f"{_TABLE_NS}number-columns-repeated"), 1))
            if tag == _COVERED:
                for _ in range(min(repeat, width - len(cells))):
                    column = len(cells)
                    span = down.get(column)
                    if across:
                        across -= 1
                    elif span is not None and span[1] == column:
                        covered.append(column)
                    cells.append(_EMPTY)
                continue
            cells.extend(_EMPTY for _ in range(min(across, width - len(cells))))
            self.page = start
            parts = self.cell_parts(tc)
            most = max(most, self.page - start)
            cell = Cell(parts=parts, raw="\n".join(parts)) if parts else _EMPTY
            columns = max(1, as_int(tc.get(f"{_TABLE_NS}number-columns-spanned"), 1))
            spanned = max(1, as_int(tc.get(f"{_TABLE_NS}number-rows-spanned"), 1))
            if cell is _EMPTY:
                repeat = min(repeat, width - 1 - len(cells))
            for _ in range(max(0, min(repeat, width - len(cells)))):
                first = len(cells)
                cells.append(cell)
                across = min(columns - 1, width)
                if spanned > 1:
                    for column in range(first, min(first + columns, width)):
                        down[column] = [spanned - 1, first]
                        made.add(column)
        cells.extend(_EMPTY for _ in range(min(across, width - len(cells))))
        self.page = start + most
        for column in [c for c in down if c not in made]:
            down[column][0] -= 1
            if down[column][0] <= 0:
                del down[column]
        return Row(cells=tuple(cells), covered=tuple(covered))

    def wrapped(self, table) -> list | None:
        """The cells of a layout table, read as if they stood outside, or None
        (``docx_text.layout``)."""
        rows = ([tc for tc in tr if tc.tag == _CELL] for tr in table_rows(table))
        return docx_text.layout(rows, nested, self.own_table)

    def own_table(self, table) -> bool:
        rows = [sum(tc.tag == _CELL for tc in tr) for tr in table_rows(table)]
        return (len(rows) >= 2 and max(rows) >= 2) or self.wrapped(table) is not None


def read_odt(data: bytes, settings: Settings = DEFAULT) -> RawDocument:
    """The OpenDocument text in ``data`` (checked by ``odf_package.check_odt``)."""
    parts = open_parts(data)
    reader = _Reader(parts.content, parts.styles, settings.limits)
    blocks: list[Paragraph | Table] = []
    tabbed = TabbedRun(blocks)  # a key typed with tabs
    end_tabbed = tabbed.end

    def walk(container) -> None:
        for child, kind, number in reader.flow(container):
            if child.tag in (_P, _H):
                page = reader.where()
                text, kind, printed, bold, boxes = reader.read_p(child, kind, number)
                if boxes:  # a text box reads as blocks after its anchoring paragraph
                    end_tabbed()
                    if text:
                        blocks.append(Paragraph(text=text, bold=bold, page=page))
                    for box in boxes:
                        walk(box)
                        end_tabbed()
                    continue
                if not text:
                    continue
                paragraph = Paragraph(text=text, page=page, level=reader.level(child),
                                      bold=bold, item=kind == "bullet")
                cells = docx_text.cells_of(printed)
                if len(cells) >= 2:
                    tabbed.add(paragraph, cells)
                    continue
                end_tabbed()
                blocks.append(paragraph)
                continue
            end_tabbed()
            if child.tag != _TABLE:  # a frame or shape standing on its own
                for box in boxes_in(child):
                    walk(box)
                    end_tabbed()
                continue
            wrapper = reader.wrapped(child)
            if wrapper is not None:
                for tc in wrapper:
                    walk(tc)
                    end_tabbed()
                continue
            marked, rows = reader.rows(child)
            titles, rows = settle_header(rows, marked)
            blocks.extend(Paragraph(text=title_text(t), bold=True, page=t.page_start)
                          for t in titles)
            if rows:
                blocks.append(Table(rows=tuple(rows)))

    walk(reader.body)
    end_tabbed()
    return RawDocument(source_format="odt", blocks=blocks,
                       pages=reader.page if reader.paged else None)
