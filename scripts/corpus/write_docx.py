"""A plan as its authors' Word file: A4 landscape, headings by style, the key as a
table or as ``ABBR<TAB or two spaces>expansion`` paragraphs, real tables with the
header row repeated on every page (two rows where a cell is merged over two
headers), outcome cells merged down (``vMerge``), objective rows merged across
(``gridSpan``), bullet items as List Bullet paragraphs or typed with a literal
``•``, owners one per line by ``w:br``; tracked insertions and deletions left in
some action cells; some tables inside a content control or a one-cell frame."""

from __future__ import annotations

import random
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from corpus.model import Cell, Document, Heading, Key, Para, Table, Text

WIDTHS = {"action": 4.5, "outcome": 3.0, "issue": 3.0, "progress": 3.0, "id": 1.2,
          "owner": 2.3, "due": 1.9, "theme": 2.2, "measure": 2.5, "resources": 2.0,
          "period": 1.3, "label": 1.8, "value": 5.5}
PAGE_WIDTH, MARGIN = Cm(29.7), Cm(1.8)
GLYPH = {"glyph": "• ", "dash": "- ", "": ""}


def _repeat_header(row) -> None:
    node = OxmlElement("w:tblHeader")
    node.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(node)


def _put(paragraph, para: Para, bold: bool = False) -> None:
    """The paragraph's text, "\\n" as a line break (``w:br``) inside one run."""
    first, *rest = para.text.split("\n")
    run = paragraph.add_run(first)
    run.bold = bold
    for line in rest:
        run.add_break()
        run.add_text(line)


def _fill(cell, paras: Cell, rng: random.Random, breaks: bool) -> None:
    if breaks and len(paras) > 1 and not any(p.bullet for p in paras):
        paras = [Para("\n".join(p.text for p in paras))]
    for index, para in enumerate(paras):
        if para.bullet == "list":
            paragraph = cell.add_paragraph(style="List Bullet") if index else \
                cell.paragraphs[0]
            if index == 0:
                paragraph.style = "List Bullet"
            _put(paragraph, para)
            continue
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _put(paragraph, Para(GLYPH[para.bullet] + para.text))


def _tracked(paragraph, rng: random.Random) -> None:
    """Tracked changes left in the file: the paragraph's last words as a tracked
    insertion (``w:ins``: part of the text), or a tracked deletion after them
    (``w:del``: not part of it)."""
    if not paragraph.runs:
        return
    stamp = {qn("w:id"): str(rng.randint(1, 9999)), qn("w:author"): "Policy Officer",
             qn("w:date"): "2012-03-01T10:00:00Z"}
    if rng.random() < 0.5:
        run = paragraph.runs[-1]
        head, _, tail = run.text.rpartition(" ")
        if not head:
            return
        run.text = head + " "
        inserted = OxmlElement("w:ins")
        for key, value in stamp.items():
            inserted.set(key, value)
        new = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = tail
        new.append(text)
        inserted.append(new)
        paragraph._p.append(inserted)
    else:
        deleted = OxmlElement("w:del")
        for key, value in stamp.items():
            deleted.set(key, value)
        old = OxmlElement("w:r")
        text = OxmlElement("w:delText")
        text.set(qn("xml:space"), "preserve")
        text.text = " by the end of the year (withdrawn wording)"
        old.append(text)
        deleted.append(old)
        paragraph._p.append(deleted)


def _wrap(grid, document, rng: random.Random) -> None:
    """Some tables sit inside a content control (``w:sdt``) or inside a one-cell
    table used as a frame, as templates leave them."""
    roll = rng.random()
    tbl = grid._tbl
    if roll < 0.2:
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        sdt.append(OxmlElement("w:sdtPr"))
        tbl.addprevious(sdt)
        content.append(tbl)
        sdt.append(content)
    elif roll < 0.35:
        frame = document.add_table(rows=1, cols=1)
        frame.style = "Table Grid"
        tbl.addprevious(frame._tbl)
        cell = frame.cell(0, 0)._tc
        cell.insert(cell.index(cell.p_lst[0]), tbl)


def _merge(first, last, paras: Cell, rng: random.Random, bold: bool = False) -> None:
    merged = first.merge(last)
    for paragraph in merged.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    if bold:
        _put(merged.paragraphs[0], paras[0], bold=True)
    else:
        _fill(merged, paras, rng, breaks=False)


def _table(document, table: Table, rng: random.Random, tracked: bool = True):
    top = len(table.header_rows())
    grid = document.add_table(rows=top, cols=len(table.headers))
    grid.style = "Table Grid"
    width = len(table.headers)
    merges = []
    for r, header in enumerate(table.header_rows()):
        _repeat_header(grid.rows[r])
        for column, text in enumerate(header):
            if top == 1 or (table.grouped(column) and r == 1):
                if text:
                    _put(grid.cell(r, column).paragraphs[0], Para(text), bold=True)
            elif r == 0 and not table.grouped(column):
                merges.append((0, column, 1, column, [Para(text)], True))
    if table.group is not None:
        first, count, label = table.group
        merges.append((0, first, 0, first + count - 1, [Para(label)], True))
    for row in table.rows:
        cells = grid.add_row().cells
        r = len(grid.rows) - 1
        if row.full is not None:
            merges.append((r, 0, r, width - 1, [Para(row.full)], True))
            continue
        breaks = len(row.gold) == 1 and rng.random() < 0.5
        for column, content in enumerate(row.cells):
            span = row.spans.get(column, 1)
            if content is None:
                continue
            if span > 1:
                merges.append((r, column, r + span - 1, column, content, False))
            else:
                role = table.roles[column]
                _fill(cells[column], content, rng, breaks and role in ("owner", "due"))
                if role == "action" and rng.random() < 0.15 and tracked:
                    _tracked(cells[column].paragraphs[0], rng)
    for r0, c0, r1, c1, content, bold in merges:
        _merge(grid.cell(r0, c0), grid.cell(r1, c1), content, rng, bold)
    usable = PAGE_WIDTH - 2 * MARGIN
    weights = [WIDTHS.get(role, 2.0) for role in table.roles]
    grid.autofit = False
    for column, weight in zip(grid.columns, weights):
        column.width = int(usable * weight / sum(weights))
    _wrap(grid, document, rng)
    return grid


def write(document: Document, path: Path, rng: random.Random, tracked: bool = True,
          textbox: tuple[bool, bool] | None = None, each_table=None) -> None:
    """Write the Word file; ``tracked=False`` leaves out tracked changes (for the
    LibreOffice PDF, which would print a deletion struck through). ``textbox``:
    (whole, modern): the tables, or the whole plan after its title, in text boxes
    (``corpus.textbox``). ``each_table(out, grid, table)`` is called after each plan
    table is written (the held-out shapes rework them: ``corpus.write_docx_shapes``)."""
    out = docx.Document()
    out.styles["Normal"].font.size = Pt(9)
    section = out.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_WIDTH, Cm(21)
    section.left_margin = section.right_margin = MARGIN
    for block in document.blocks:
        if isinstance(block, Heading):
            out.add_heading(block.text, level=min(block.level, 4))
        elif isinstance(block, Text):
            out.add_paragraph(block.text)
        elif isinstance(block, Key):
            out.add_heading(block.heading, level=3)
            if block.as_table:
                key = out.add_table(rows=0, cols=2)
                for abbreviation, expansion in block.entries:
                    cells = key.add_row().cells
                    cells[0].text, cells[1].text = abbreviation, expansion
            else:
                gap = rng.choice(["\t", "  "])
                for abbreviation, expansion in block.entries:
                    out.add_paragraph(f"{abbreviation}{gap}{expansion}")
        elif isinstance(block, Table):
            grid = _table(out, block, rng, tracked)
            if each_table is not None:
                each_table(out, grid, block)
            out.add_paragraph("")
    if textbox is not None:
        from corpus.textbox import into_text_boxes

        into_text_boxes(out.element.body, *textbox)
    out.core_properties.author = "planextract family corpus"
    out.save(str(path))
