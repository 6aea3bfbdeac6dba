"""The reference Word reader, on python-docx's object model and XML elements.

``docx_reader`` reads the same from the XML with lxml, faster (issue 11); this is
what it is tested against (``tests/test_docx_fast.py``) and what it hands a file
it does not model. What both read:

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
"""

from __future__ import annotations

import re
from io import BytesIO

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from planextract.extract import docx_text
from planextract.extract.docx_styles import list_label
from planextract.extract.errors import ReaderError
from planextract.extract.header_rows import settle_header, title_text
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET, lone_mark
from planextract.settings import DEFAULT, Settings

_HEADING_STYLE = re.compile(r"^(?:heading|título|titre|überschrift)\s*(\d)", re.I)


class _Numbering:
    """Renders list numbers the way Word draws them: counters per list and level."""

    def __init__(self, document: docx.document.Document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1)
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for level, spec in abstract.get(ref.get(qn("w:val")), {}).items():
                self.levels[(num.get(qn("w:numId")), level)] = spec

    def label(self, p, style_numpr=None) -> tuple[str, str] | None:
        """(kind, label) for a numbered paragraph: kind ``bullet`` or ``number``.
        The numbering is the paragraph's own or its style's (``List Bullet``)."""
        ppr = p.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is None or numpr.numId is None:
            numpr = style_numpr
        if numpr is None or numpr.numId is None:
            return None
        num_id = str(numpr.numId.val)
        level = int(numpr.ilvl.val) if numpr.ilvl is not None else 0
        return list_label(self.levels, self.counters, num_id, level)


def _outline(ppr) -> int | None:
    """A paragraph's outline level (``w:outlineLvl``, 0-8; 9 is body text) as a
    heading level, or None."""
    node = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if node is None:
        return None
    try:
        value = int(node.get(qn("w:val")))
    except (TypeError, ValueError):
        return None
    return value + 1 if 0 <= value <= 8 else 0


def _style_level(p, styles: dict[str, str], outlines: dict[str, int]) -> int:
    """The heading level: the paragraph's outline level, else its style's name
    (``Heading 2``, ``Title``), else its style's outline level (a custom
    heading style)."""
    ppr = p.pPr
    own = _outline(ppr)
    if own is not None:
        return own
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    name = styles.get(style_id or "", style_id or "")
    match = _HEADING_STYLE.match(name)
    if match:
        return int(match.group(1))
    if name.lower() == "title":
        return 1
    return outlines.get(style_id or "", 0)


def _bold(p) -> bool:
    runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t")))]
    if not runs:
        return False
    for run in runs:
        rpr = run.find(qn("w:rPr"))
        b = rpr.find(qn("w:b")) if rpr is not None else None
        if b is None or b.get(qn("w:val")) in ("0", "false"):
            return False
    return True


class _Reader:
    def __init__(self, document: docx.document.Document) -> None:
        self.numbering = _Numbering(document)
        self.styles = {s.style_id: s.name for s in document.styles if s.style_id}
        self.outlines = {s.style_id: level for s in document.styles if s.style_id
                         and (level := _outline(getattr(s.element, "pPr", None)))}
        self.style_numpr = {}
        for style in document.styles:
            ppr = getattr(style.element, "pPr", None)
            if style.style_id and ppr is not None and ppr.numPr is not None:
                self.style_numpr[style.style_id] = ppr.numPr

    def _style_numpr(self, p):
        ppr = p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        return self.style_numpr.get(style_id) if style_id else None

    def paragraph_text(self, p, lines: bool = False) -> tuple[str, str | None]:
        """(text, list kind): numbers drawn by Word are put in front of the text.
        With ``lines``, line breaks are kept; a paragraph typed with a literal
        bullet glyph or dash is a bullet item, its glyph removed."""
        text = docx_text.paragraph_lines(p) if lines else docx_text.paragraph_text(p)
        label = self.numbering.label(p, self._style_numpr(p))
        if label is None:
            if not lone_mark(text) and (GLYPH_BULLET.match(text) or DASH_BULLET.match(text)):
                return DASH_BULLET.sub("", GLYPH_BULLET.sub("", text, count=1), count=1), "bullet"
            return text, None
        kind, rendered = label
        if kind == "number" and rendered and not text.startswith(rendered.rstrip(".")):
            text = f"{rendered} {text}"
        return text, kind

    def cell_parts(self, tc) -> tuple[str, ...]:
        """A cell's paragraphs as parts; bullet items join the part before them."""
        parts: list[list[str]] = []
        for child in docx_text.children(tc, qn("w:p"), qn("w:tbl")):
            if child.tag == qn("w:tbl"):
                for row in self.rows(child):
                    line = " | ".join(c.text.replace("\n", " ") for c in row.cells
                                      if not c.empty)
                    if line:
                        if not parts:
                            parts.append([])
                        parts[-1].append(line)
                continue
            text, kind = self.paragraph_text(child, lines=True)
            if text:
                if kind == "bullet" and parts:
                    parts[-1].append(text)
                else:
                    parts.append([text])
            for box in docx_text.text_boxes(child):  # a text box in a cell: more of it
                parts.extend([part] for part in self.cell_parts(box))
        return tuple("\n".join(lines) for lines in parts)

    def rows(self, tbl) -> list[Row]:
        """The table's rows on its grid; ``Row.covered``: the columns a cell of a
        row above is merged down over (``vMerge`` continued)."""
        out: list[Row] = []
        for tr in docx_text.children(tbl, qn("w:tr")):
            if docx_text.is_deleted_row(tr):
                continue
            cells: list[Cell] = []
            covered: list[int] = []
            trpr = tr.find(qn("w:trPr"))
            before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
            if before is not None:
                cells.extend(Cell() for _ in range(int(before.get(qn("w:val")))))
            for tc in docx_text.children(tr, qn("w:tc")):
                span = tc.grid_span
                if tc.vMerge == "continue":
                    covered.append(len(cells))
                    cells.append(Cell())
                else:
                    parts = self.cell_parts(tc)
                    cells.append(Cell(parts=parts, raw="\n".join(parts)))
                cells.extend(Cell() for _ in range(span - 1))
            out.append(Row(cells=tuple(cells), covered=tuple(covered)))
        return out

    def wrapped(self, tbl) -> list | None:
        """The cells of a layout table, whose content is read as if it stood
        outside, or None: one cell a row, some holding a table; or every row
        holding, in one of its cells, a table of its own (``docx_text.layout``)."""
        cells = (list(docx_text.children(tr, qn("w:tc")))
                 for tr in docx_text.children(tbl, qn("w:tr")))
        return docx_text.layout(cells, _nested, self.own_table)

    def own_table(self, tbl) -> bool:
        """Whether a nested table is a table of its own: two rows or more and two
        cells or more in one of them, or a layout table itself (a frame)."""
        rows = [len(list(docx_text.children(tr, qn("w:tc"))))
                for tr in docx_text.children(tbl, qn("w:tr"))]
        return (len(rows) >= 2 and max(rows) >= 2) or self.wrapped(tbl) is not None


def _nested(tc):
    return next(docx_text.children(tc, qn("w:tbl")), None)


def read_docx_reference(data: bytes, settings: Settings = DEFAULT) -> RawDocument:
    try:
        document = docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise ReaderError(f"not a readable Word document ({err}); open it in Word and "
                          "save it again as .docx") from None
    if getattr(document.element, "body", None) is None:
        raise ReaderError("not a readable Word document (its main part has no body); open "
                          "it in Word and save it again as .docx")
    reader = _Reader(document)
    blocks: list[Paragraph | Table] = []
    tabbed: list[tuple[Paragraph, list[str]]] = []

    def end_tabbed() -> None:
        # two or more TAB-separated paragraphs in a row are a table (a key of
        # abbreviations typed with tabs), as in the text exports; one is text
        if len(tabbed) >= 2:
            blocks.append(Table(rows=tuple(
                Row(cells=tuple(Cell(parts=(c,), raw=c) for c in cells)) for _, cells in tabbed)))
        else:
            blocks.extend(paragraph for paragraph, _ in tabbed)
        tabbed.clear()

    def walk(container) -> None:
        for child in docx_text.children(container, qn("w:p"), qn("w:tbl")):
            if child.tag == qn("w:p"):
                text, _kind = reader.paragraph_text(child)
                boxes = docx_text.text_boxes(child)
                if boxes:  # a text box reads as blocks after its anchoring paragraph
                    end_tabbed()
                    if text:
                        blocks.append(Paragraph(text=text, bold=_bold(child)))
                    for box in boxes:
                        walk(box)
                        end_tabbed()
                    continue
                if not text:
                    continue
                paragraph = Paragraph(text=text, level=_style_level(child, reader.styles,
                                                                   reader.outlines),
                                      bold=_bold(child))
                cells = docx_text.tab_cells(child)
                if len(cells) >= 2:
                    tabbed.append((paragraph, cells))
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

    walk(document.element.body)
    end_tabbed()
    return RawDocument(source_format="docx", blocks=blocks)
