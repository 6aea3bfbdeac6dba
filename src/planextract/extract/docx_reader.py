"""Reader for Word ``.docx`` plans (``docx``), on the document's XML read with lxml.

Tables keep their grid: a horizontally merged cell (``gridSpan``) is followed
by empty cells for the columns it covers, and a vertically merged cell
(``vMerge``) is empty below its first row, as the text exports print them, so
the normaliser reads every format the same way. Numbers Word draws from
``w:numPr`` (not in the text) are rendered; bullet paragraphs, whether Word
list items or typed with a literal glyph or dash, become lines of the paragraph
before them, as do a paragraph's line breaks; headings come from paragraph
styles. Content controls, tracked insertions and one-cell layout tables are
looked through; tracked deletions are not read (``docx_text``). Rows marked as
the repeated header (``w:tblHeader``) are one header row (``header_rows``).

The same reading as ``docx_reference`` (python-docx's object model, kept as the
reference), two to three times faster (issue 11): the parts are plain lxml trees
(``docx_package``; python-docx's element classes cost on every element touched),
element names are computed once, ``find`` (lxml's path language) is replaced by
a look at the children, a paragraph's printed characters are gathered once
without generators unless it holds something ``docx_text.pieces`` must skip, a
row's and a cell's children are read in one pass, and wrappers are looked
through only where the document has any. A file this reader does not model, or
one python-docx would refuse, is read by ``docx_reference``, so its result or
its error is python-docx's.
"""

from __future__ import annotations

from planextract.extract import docx_text
from planextract.extract.docx_package import Parts, W, open_parts
from planextract.extract.docx_reference import read_docx_reference
from planextract.extract.docx_styles import PPR, VAL, Numbering, Styles, bold, first
from planextract.extract.header_rows import settle_header, title_text
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.printed import BULLET_GLYPHS, DASH_BULLET, GLYPH_BULLET, lone_mark
from planextract.extract.tab_rows import TabbedRun
from planextract.settings import DEFAULT, Settings

_P, _TBL, _TR, _TC = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc"
_TRPR, _DEL, _GRID_BEFORE = f"{W}trPr", f"{W}del", f"{W}gridBefore"
_TCPR, _GRID_SPAN, _VMERGE = f"{W}tcPr", f"{W}gridSpan", f"{W}vMerge"
_T, _TAB, _BR, _CR, _HYPHEN = (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr",
                               f"{W}noBreakHyphen")
_BREAK_TYPE = f"{W}type"
_BOX = f"{W}txbxContent"
# what docx_text.pieces skips or reads with care: a paragraph holding one is read by it
_CAREFUL = frozenset({_DEL, f"{W}moveFrom", f"{W}instrText", f"{W}delText", _BOX, f"{W}sdt",
                      "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"})
# what docx_text.children looks through
_WRAPPERS = frozenset({f"{W}sdt", f"{W}customXml", f"{W}ins", f"{W}moveTo", f"{W}smartTag",
                       f"{W}sdtContent"})
_MARKED = tuple(_WRAPPERS.union(_CAREFUL))
_R, _RPR = f"{W}r", f"{W}rPr"
_EMPTY = Cell()
_BULLET_FIRST = frozenset(BULLET_GLYPHS + "-–o")  # what GLYPH_BULLET or DASH_BULLET opens with


def _gather(p, out: list[str]):
    """``docx_text.pieces`` without generators, for a paragraph holding none of
    ``_CAREFUL`` (so nothing to skip but properties), its runs' children read in
    place; gives the paragraph's first ``w:pPr`` child, found on the way."""
    ppr = None
    for child in p:
        tag = child.tag
        if tag == _R:
            for node in child:
                kind = node.tag
                if kind == _T:
                    out.append(node.text or "")
                elif kind != _RPR:
                    _piece(node, kind, out)
        elif tag == PPR:
            ppr = child if ppr is None else ppr
        else:
            _piece(child, tag, out)
    return ppr


def _piece(node, tag, out: list[str]) -> None:
    """What ``docx_text.pieces`` gives for one child ``node`` (tag ``tag``)."""
    if tag == _T:
        out.append(node.text or "")
    elif tag == _RPR or tag == PPR:
        return
    elif tag == _TAB:
        out.append("\t")
    elif tag == _BR or tag == _CR:
        out.append("\n" if node.get(_BREAK_TYPE) in (None, "textWrapping") else " ")
    elif tag == _HYPHEN:
        out.append("-")
    elif len(node):
        for child in node:
            _piece(child, child.tag, out)


class _Reader:
    def __init__(self, parts: Parts) -> None:
        self.styles = Styles(parts.styles)
        self.numbering = Numbering(parts.numbering, self.styles)
        self.body = body = parts.body
        self.careful: set = set()
        self.boxed: set = set()
        self.wrapping: set = set()
        for element in body.iter(*_MARKED):  # one pass over the tree for the three
            tag = element.tag
            if tag in _WRAPPERS:
                self.wrapping.add(element.getparent())
                if tag not in _CAREFUL:
                    continue
            for p in element.iterancestors(_P):
                self.careful.add(p)
                if tag == _BOX:
                    self.boxed.add(p)

    def kids(self, element, *tags: str):
        """``docx_text.children``: looking through wrappers only where there are any."""
        if element in self.wrapping:
            return docx_text.children(element, *tags)
        return element.iterchildren(*tags)

    def printed(self, p) -> tuple[str, object]:
        """The characters ``docx_text.pieces`` gives for ``p``, joined, and the
        paragraph's properties (``w:pPr``)."""
        if p in self.careful:
            return "".join(docx_text.pieces(p)), first(p, PPR)
        out: list[str] = []
        ppr = _gather(p, out)
        return "".join(out), ppr

    def boxes(self, p) -> list:
        return docx_text.text_boxes(p) if p in self.boxed else []

    def paragraph_text(self, p, lines: bool = False) -> tuple[str, str | None, str]:
        """(text, list kind, printed characters): numbers drawn by Word are put in
        front of the text. With ``lines``, line breaks are kept; a paragraph typed
        with a literal bullet glyph or dash is a bullet item, its glyph removed."""
        printed, ppr = self.printed(p)
        if lines and "\n" in printed:
            text = docx_text.lines_of(printed)
        else:
            text = " ".join(printed.split())
        label = self.numbering.label(ppr)
        if label is None:
            if text[:1] in _BULLET_FIRST and not lone_mark(text) and (
                    GLYPH_BULLET.match(text) or DASH_BULLET.match(text)):
                return (DASH_BULLET.sub("", GLYPH_BULLET.sub("", text, count=1), count=1),
                        "bullet", printed)
            return text, None, printed
        kind, rendered = label
        if kind == "number" and rendered and not text.startswith(rendered.rstrip(".")):
            text = f"{rendered} {text}"
        return text, kind, printed

    def cell_parts(self, tc, content: list | None = None) -> tuple[str, ...]:
        """A cell's paragraphs as parts; bullet items join the part before them.
        ``content``: the cell's paragraphs and tables, when the caller has them.
        A paragraph that is not careful is read here, the same as
        ``paragraph_text`` reads it, without its calls (most of a plan's
        paragraphs are in cells)."""
        parts: list[list[str]] = []
        careful, label = self.careful, self.numbering.label
        for child in self.kids(tc, _P, _TBL) if content is None else content:
            if child.tag == _TBL:
                for row in self.rows(child):
                    line = " | ".join(c.text.replace("\n", " ") for c in row.cells
                                      if not c.empty)
                    if line:
                        if not parts:
                            parts.append([])
                        parts[-1].append(line)
                continue
            if child in careful:
                text, kind, _ = self.paragraph_text(child, lines=True)
            else:
                out: list[str] = []
                ppr = _gather(child, out)
                printed = "".join(out)
                text = (docx_text.lines_of(printed) if "\n" in printed
                        else " ".join(printed.split()))
                found = label(ppr) if ppr is not None else None
                kind = None
                if found is not None:
                    kind, rendered = found
                    if (kind == "number" and rendered
                            and not text.startswith(rendered.rstrip("."))):
                        text = f"{rendered} {text}"
                elif text[:1] in _BULLET_FIRST and not lone_mark(text) and (
                        GLYPH_BULLET.match(text) or DASH_BULLET.match(text)):
                    text = DASH_BULLET.sub("", GLYPH_BULLET.sub("", text, count=1), count=1)
                    kind = "bullet"
            if text:
                if kind == "bullet" and parts:
                    parts[-1].append(text)
                else:
                    parts.append([text])
            if child in self.boxed:  # a text box in a cell: more of it
                for box in docx_text.text_boxes(child):
                    parts.extend([part] for part in self.cell_parts(box))
        return tuple("\n".join(lines) for lines in parts)

    def rows(self, tbl) -> list[Row]:
        """The table's rows on its grid; ``Row.covered``: the columns a cell of a
        row above is merged down over (``vMerge`` continued)."""
        out: list[Row] = []
        for tr in self.kids(tbl, _TR):
            if tr in self.wrapping:
                trpr, tcs = first(tr, _TRPR), self.kids(tr, _TC)
            else:  # one pass over the row's children for its properties and cells
                trpr, tcs = None, []
                for node in tr:
                    tag = node.tag
                    if tag == _TC:
                        tcs.append(node)
                    elif tag == _TRPR and trpr is None:
                        trpr = node
            if trpr is not None and first(trpr, _DEL) is not None:
                continue  # a row removed with tracked changes on
            cells: list[Cell] = []
            covered: list[int] = []
            before = first(trpr, _GRID_BEFORE) if trpr is not None else None
            if before is not None:
                cells.extend(_EMPTY for _ in range(int(before.get(VAL))))
            for tc in tcs:
                span, merge = 1, None
                if tc in self.wrapping:
                    tcpr, content = first(tc, _TCPR), None
                else:  # one pass over the cell's children for its properties and content
                    tcpr, content = None, []
                    for node in tc:
                        tag = node.tag
                        if tag == _P or tag == _TBL:
                            content.append(node)
                        elif tag == _TCPR and tcpr is None:
                            tcpr = node
                if tcpr is not None:
                    spans = merges = None
                    for node in tcpr:
                        if node.tag == _GRID_SPAN and spans is None:
                            spans = node
                        elif node.tag == _VMERGE and merges is None:
                            merges = node
                    if spans is not None:
                        span = int(spans.attrib[VAL])
                    if merges is not None:
                        merge = merges.get(VAL, "continue")
                if merge == "continue":
                    covered.append(len(cells))
                    cells.append(_EMPTY)
                else:
                    parts = self.cell_parts(tc, content)
                    cells.append(Cell(parts=parts, raw="\n".join(parts)) if parts else _EMPTY)
                if span > 1:
                    cells.extend(_EMPTY for _ in range(span - 1))
            out.append(Row(cells=tuple(cells), covered=tuple(covered)))
        return out

    def wrapped(self, tbl) -> list | None:
        """The cells of a layout table, whose content is read as if it stood
        outside, or None: one cell a row, some holding a table; or every row
        holding, in one of its cells, a table of its own (``docx_text.layout``)."""
        rows = (list(self.kids(tr, _TC)) for tr in self.kids(tbl, _TR))
        return docx_text.layout(rows, self.nested, self.own_table)

    def nested(self, tc):
        return next(iter(self.kids(tc, _TBL)), None)

    def own_table(self, tbl) -> bool:
        """Whether a nested table is a table of its own: two rows or more and two
        cells or more in one of them, or a layout table itself (a frame)."""
        rows = [len(list(self.kids(tr, _TC))) for tr in self.kids(tbl, _TR)]
        return (len(rows) >= 2 and max(rows) >= 2) or self.wrapped(tbl) is not None


def read_docx_lxml(data: bytes) -> RawDocument:
    """The document read from its XML with lxml; raises on anything python-docx
    would refuse and on a package it does not model (``docx_package.Unusual``)."""
    reader = _Reader(open_parts(data))
    blocks: list[Paragraph | Table] = []
    tabbed = TabbedRun(blocks)  # a key typed with tabs
    end_tabbed = tabbed.end

    def walk(container) -> None:
        for child in reader.kids(container, _P, _TBL):
            if child.tag == _P:
                text, _kind, printed = reader.paragraph_text(child)
                boxes = reader.boxes(child)
                if boxes:  # a text box reads as blocks after its anchoring paragraph
                    end_tabbed()
                    if text:
                        blocks.append(Paragraph(text=text, bold=bold(child)))
                    for box in boxes:
                        walk(box)
                        end_tabbed()
                    continue
                if not text:
                    continue
                paragraph = Paragraph(text=text, level=reader.styles.level(first(child, PPR)),
                                      bold=bold(child))
                cells = docx_text.cells_of(printed)
                if len(cells) >= 2:
                    tabbed.add(paragraph, cells)
                    continue
                end_tabbed()
                blocks.append(paragraph)
                continue
            end_tabbed()
            wrapper = reader.wrapped(child)
            if wrapper is not None:
                for tc in wrapper:
                    walk(tc)
                    end_tabbed()
                continue
            rows = reader.rows(child)
            titles, rows = settle_header(rows, docx_text.header_rows(child))
            blocks.extend(Paragraph(text=title_text(t), bold=True) for t in titles)
            if rows:
                blocks.append(Table(rows=tuple(rows)))

    walk(reader.body)
    end_tabbed()
    return RawDocument(source_format="docx", blocks=blocks)


def read_docx(data: bytes, settings: Settings = DEFAULT) -> RawDocument:
    """The Word document in ``data``: read with lxml, or, when that raises (a file
    python-docx refuses, or one this reader does not model), by python-docx,
    whose result or error is then the answer."""
    try:
        return read_docx_lxml(data)
    except Exception:  # noqa: BLE001 - the reference reads it, or says what is wrong
        return read_docx_reference(data, settings)
